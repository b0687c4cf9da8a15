"""Validity status as of a date: boundary days and precedence."""

from __future__ import annotations

import datetime as dt

import pytest

from digitize.validity import as_date, is_open_ended, status_for_fields, validity_status

FROM, UNTIL = "2021-06-15", "2024-06-15"


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2021-06-14", "unknown"),  # the day before it takes effect: not in force yet
        ("2021-06-15", "valid"),  # first day
        ("2023-01-01", "valid"),
        ("2024-06-15", "valid"),  # valid ON its valid_until day
        ("2024-06-16", "expired"),  # the day after
    ],
)
def test_boundaries(as_of: str, expected: str) -> None:
    assert validity_status(FROM, UNTIL, as_of) == expected


def test_accepts_dates_datetimes_and_strings() -> None:
    assert (
        validity_status(dt.date(2021, 6, 15), dt.datetime(2024, 6, 15, 23, 59), dt.date(2024, 6, 15))
        == "valid"
    )
    assert as_date("2024-06-15T10:00:00+07:00") == dt.date(2024, 6, 15)
    assert as_date(None) is None and as_date("") is None


def test_revoked_from_its_day_on() -> None:
    assert validity_status(FROM, UNTIL, "2022-03-09", revoked_at="2022-03-10") == "valid"
    assert validity_status(FROM, UNTIL, "2022-03-10", revoked_at="2022-03-10") == "revoked"
    # revocation wins over expiry and over supersession
    assert validity_status(FROM, UNTIL, "2030-01-01", revoked_at="2022-03-10") == "revoked"
    assert validity_status(FROM, UNTIL, "2022-05-01", "2022-03-10", "doc-2") == "revoked"


def test_superseded() -> None:
    assert validity_status(FROM, UNTIL, "2022-01-01", superseded_by="doc-2") == "superseded"
    assert (
        validity_status(FROM, UNTIL, "2022-01-01", superseded_by="doc-2", superseded_at="2023-01-01")
        == "valid"
    )
    assert (
        validity_status(FROM, UNTIL, "2023-01-01", superseded_by="doc-2", superseded_at="2023-01-01")
        == "superseded"
    )


def test_missing_dates() -> None:
    assert validity_status(None, None, "2022-01-01") == "unknown"
    assert validity_status(FROM, None, "2022-01-01") == "unknown"  # a licence with no end date read
    assert validity_status(None, UNTIL, "2022-01-01") == "valid"  # not expired yet
    assert validity_status(None, UNTIL, "2024-06-16") == "expired"
    # open-ended by nature (a decision in force from signing)
    assert validity_status(FROM, None, "2030-01-01", open_ended=True) == "valid"
    assert validity_status(FROM, None, "2021-06-14", open_ended=True) == "unknown"
    assert validity_status(None, None, "2030-01-01", open_ended=True) == "valid"


def test_inconsistent_dates_are_unknown() -> None:
    assert validity_status("2024-01-01", "2023-01-01", "2023-06-01") == "unknown"


def test_status_for_fields() -> None:
    qd = {"type_name": "Quyết định", "issued_date": "2021-06-15", "valid_from": None, "valid_until": None}
    assert is_open_ended("Quyết định") and not is_open_ended("Giấy phép") and not is_open_ended(None)
    assert status_for_fields(qd, "2021-06-15") == "valid"
    assert status_for_fields(qd, "2021-06-14") == "unknown"
    gp = {"type_name": "Giấy phép", "issued_date": "2021-06-15", "valid_from": None, "valid_until": UNTIL}
    assert status_for_fields(gp, "2024-06-15") == "valid"
    assert status_for_fields(gp, "2024-06-16") == "expired"
    assert status_for_fields(gp, "2024-06-01", revoked_at="2024-05-01") == "revoked"
    assert status_for_fields({"type_name": "Giấy phép"}, "2024-01-01") == "unknown"
