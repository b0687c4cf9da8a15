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
