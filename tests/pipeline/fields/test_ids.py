"""Holder identifiers checked against their law: tax code check digit, citizen ID province code."""

from __future__ import annotations

from digitize.pipeline.fields import extract
from digitize.pipeline.fields.ids import best_tax_window, cccd_valid, tax_code_valid
from digitize.pipeline.model import Box, RecognizedPage, Word


def _check_digit(nine: str) -> str:
    weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
    return str(10 - sum(w * int(d) for w, d in zip(weights, nine, strict=True)) % 11)


def _valid_tax(nine: str) -> str:
    while (digit := _check_digit(nine)) == "10":  # no tax code is issued with such a base
        nine = str(int(nine) + 1).zfill(9)
    return nine + digit


def test_tax_code_check_digit() -> None:
    code = _valid_tax("031695097")
    assert tax_code_valid(code)
    wrong = code[:9] + str((int(code[9]) + 1) % 10)
    assert not tax_code_valid(wrong)
    assert not tax_code_valid(code[:9])  # 9 digits is no tax code


def test_stray_digits_beside_a_tax_code_are_dropped_by_the_check_digit() -> None:
    code = _valid_tax("420123456")
    assert best_tax_window("1" + code) == (code, True)  # a speck read as a leading "1"
    assert best_tax_window(code + "55") == (code, True)


def test_citizen_id_needs_a_province_code() -> None:
    assert cccd_valid("051203004567")  # 051: Quảng Ngãi
    assert not cccd_valid("099203004567")  # no province 099
    assert not cccd_valid("05120300456")


def _page(lines: list[str]) -> RecognizedPage:
    words = []
    for n, text in enumerate(lines):
        x = 300.0
        for t in text.split():
            words.append(Word(t, 92.0, Box(x, 200.0 + 60 * n, x + 22 * len(t), 245.0 + 60 * n), line=n))
            x += 22 * (len(t) + 1)
    return RecognizedPage(0, "ocr", 2480.0, 3508.0, "\n".join(lines), tuple(words))


def test_holder_id_from_the_text_is_the_checked_window_and_a_failed_check_lowers_confidence() -> None:
    code = _valid_tax("420123456")
    got = extract([_page([f"Mã số thuế: 1{code}, địa chỉ: số 5 đường Lê Lợi."])])
    assert got.values()["holder_id"] == code
    good = got.fields["holder_id"].confidence
    bad_code = code[:9] + str((int(code[9]) + 1) % 10)
    bad = extract([_page([f"Mã số thuế: {bad_code}, địa chỉ: số 5 đường Lê Lợi."])]).fields["holder_id"]
    assert bad.value == bad_code  # kept (the reader may be right), but sent to review
    assert bad.confidence < good
