"""Dates in the header's date line and in the body, as OCR reads their printed words."""

from __future__ import annotations

import pytest

from digitize.pipeline.fields import parse_date
from tests.pipeline.test_extract import decision, values


@pytest.mark.parametrize(
    ("line", "iso", "place"),
    [
        # one vowel of a printed word misread on a blurred photo: still the date line
        ("Hỗ Nội, ngôy 17 tháng 01 năm 2016", "2016-01-17", "Hà Nội"),
        ("Yên Bái, ngày 5 thớng 6 nốm 2020", "2020-06-05", "Yên Bái"),
    ],
)
def test_a_date_line_with_a_printed_word_misread_gives_the_date_and_place(
    line: str, iso: str, place: str
) -> None:
    v = values(decision(date=line))
    assert (v["issued_date"], v["place"]) == (iso, place)


def test_words_that_only_look_like_a_date_are_none() -> None:
    assert parse_date("ngày ký tháng này năm nay") is None
    assert parse_date("ngôy 17 tháng 01") is None  # no year
    assert parse_date("ngày 31 tháng 02 năm 2020") is None  # no such day
