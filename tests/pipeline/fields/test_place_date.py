"""The date line's place as the issuing organ's province gives it."""

from __future__ import annotations

from tests.pipeline.test_extract import decision, values


def test_a_misread_place_close_to_the_organ_s_province_is_that_province() -> None:
    # "Đà Nẵng" read "Đù Nông": nearer in spelling to Đắk Nông, but a body of the city of Đà Nẵng dates there
    v = values(
        decision(
            parent="UBND THÀNH PHỐ ĐÀ NẴNG",
            organ=("SỞ GIAO THÔNG VẬN TẢI",),
            number="Số: 977/QĐ-SGTVT",
            date="Đù Nông, ngày 05 tháng 12 năm 2020",
        )
    )
    assert (v["place"], v["issued_date"]) == ("Đà Nẵng", "2020-12-05")


def test_a_place_read_right_is_kept_whatever_the_organ() -> None:
    v = values(decision(parent="UBND TỈNH YÊN BÁI", date="Nghĩa Lộ, ngày 05 tháng 12 năm 2020"))
    assert v["place"] == "Nghĩa Lộ"
    v = values(decision(parent="UBND TỈNH THỪA THIÊN HUẾ", date="Huế, ngày 05 tháng 12 năm 2020"))
    assert v["place"] == "Huế"
