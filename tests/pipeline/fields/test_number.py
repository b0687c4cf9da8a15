"""The number line's notation repaired against the organ's own abbreviations (``fields.number``)."""

from __future__ import annotations

from digitize.pipeline.fields.number import ONE_LOST_QUALITY, repair_notation


def test_the_organ_s_own_abbreviation_read_garbled_with_its_first_letter_lost() -> None:
    # seed 273 alt 013: "/GCN-TY" of the Cục Thú y read "/ecN-y" (the "T" lost): the notation was dropped as
    # garbled; its own "TY" is the one that reads so, in doubt (the type's "ecN" is the heading's to fit)
    assert repair_notation("ecN-y", "Cục Thú y") == ("ecN-TY", ONE_LOST_QUALITY)
    # a part read cleanly is as printed; a first part is the type's, never the organ's with a letter lost
    assert repair_notation("GCN-Y", "Cục Thú y")[0] == "GCN-Y"
    assert repair_notation("y-TY", "Cục Thú y")[0] != "TY-TY"


def test_a_notation_whose_hyphen_was_read_as_a_letter_after_the_heading_s_abbreviation() -> None:
    # seed 273 alt 008: "/CT-UBND" under "CHỈ THỊ" read "cTrUBND" (its hyphen an "r"): the heading's and UBND,
    # in doubt; a head two letters longer than the heading's is not so read
    from digitize.pipeline.fields.number import TYPE_FIT_CONF, fit_notation
    from digitize.pipeline.fields.result import Found
    from digitize.pipeline.model import ExtractedField

    organ = "Ủy ban nhân dân tỉnh Ninh Bình"

    def fit(value: str) -> tuple[str | None, float]:
        found = fit_notation(Found((ExtractedField("code_notation", value, 0.9),)), "Chỉ thị", organ)
        f = found.get("code_notation")
        assert f is not None
        return f.value, f.confidence

    assert fit("cTrUBND") == ("CT-UBND", TYPE_FIT_CONF)
    assert fit("cTrxUBND") == ("cTrxUBND", 0.9)
