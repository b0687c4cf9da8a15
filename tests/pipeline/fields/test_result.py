"""The frozen result readers build: first value wins; a value longer than its field can be is no reading."""

from __future__ import annotations

from digitize.pipeline.fields.result import Builder
from digitize.pipeline.model import FIELD_MAX_CHARS, FIELD_NAMES
from tests.pipeline.test_extract import decision, values


def test_every_field_has_a_length_limit() -> None:
    assert set(FIELD_MAX_CHARS) == set(FIELD_NAMES)


def test_first_value_wins_and_an_overlong_value_is_not_taken() -> None:
    b = Builder()
    b.set("organ_name", "SỞ " * 20_000, 0.9)  # 60,000 characters: no organ is named so
    b.set("organ_name", "Sở Khoa học và Công nghệ", 0.8)
    b.set("organ_name", "Sở Tư pháp", 0.99)
    f = b.extraction().fields["organ_name"]
    assert (f.value, f.confidence) == ("Sở Khoa học và Công nghệ", 0.8)


def test_a_crafted_header_line_of_32k_characters_gives_no_organ() -> None:
    v = values(decision(parent=None, organ=("SỞ KHOA HỌC " * 2700,)))
    assert v["organ_name"] is None
    assert all(val is None or len(val) <= FIELD_MAX_CHARS[k] for k, val in v.items())
    # the rest of the document is read as before
    assert (v["code_number"], v["issued_date"], v["signer_name"]) == ("1169", "2021-06-15", "Nguyễn Văn An")
