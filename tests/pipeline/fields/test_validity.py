"""Validity of a licence: its clauses as OCR reads them."""

from __future__ import annotations

from tests.pipeline.test_extract import decision, values


def _licence(clause: str) -> dict[str, str | None]:
    specs = [s for s in decision() if not s[0].startswith("Điều 2.")]
    k = next(i for i, s in enumerate(specs) if s[0].startswith("mã số thuế"))
    return values([*specs[: k + 1], (clause, "body", 90.0), *specs[k + 1 :]])


def test_ke_tu_misread_still_starts_the_validity_at_the_signing() -> None:
    v = _licence("Giấy phép này có hiệu lực kế tír ngày ký và có hiệu lực đến ngày 24 tháng 4 năm 2025.")
    assert (v["valid_from"], v["valid_until"]) == ("2021-06-15", "2025-04-24")


def test_valid_until_a_date_is_no_start() -> None:
    v = _licence("Giấy phép này có hiệu lực tới ngày 24 tháng 4 năm 2025.")
    assert (v["valid_from"], v["valid_until"]) == (None, "2025-04-24")
