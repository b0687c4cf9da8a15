"""Dates in the text: the word form and the numeric form, OCR-noisy, and in linear time whatever the text."""

from __future__ import annotations

from digitize.pipeline.fields.dates import find_dates, parse_date


def test_a_long_run_of_spaces_in_a_date_is_read_in_linear_time() -> None:
    # "ngay 1 thang 2" then 200 000 spaces (a born-digital page's layout text): the date pattern split the run
    # every way before failing (quadratic: 30 000 spaces took 6 s, 200 000 hours)
    assert find_dates("ngay 1 thang 2" + " " * 200_000 + "x") == []
    assert find_dates("ngay 1" + " " * 200_000 + ", thang 2 nam 2020")[0][2].isoformat() == "2020-02-01"


def test_word_and_numeric_dates_as_before() -> None:
    assert str(parse_date("ngày 5 , tháng 6.  năm 2020")) == "2020-06-05"
    assert str(parse_date("Hà Nội, ngày 0l tháng 1O năm 2021")) == "2021-10-01"
    assert str(parse_date("ký ngày 15/02/2020;")) == "2020-02-15"
    assert parse_date("ngày 32 tháng 1 năm 2020") is None
