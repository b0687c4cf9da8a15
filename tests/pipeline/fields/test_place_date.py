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


def test_a_date_line_of_thousands_of_date_words_is_read_in_linear_time() -> None:
    # the date line's "ngày" was found with a look ahead for "tháng … năm" after it, tried for every "tháng"
    # and "năm" after every "ngày" (cubic: 5 500 letters of "ngày tháng" took 13 s, these 220 000 days)
    v = values(decision(date="ngày tháng " * 20_000))
    assert v["issued_date"] is None
    from digitize.pipeline.fields.place_date import place_date_start

    assert place_date_start("Yên Bái, " + "ngày tháng " * 20_000 + "năm") == 7
    assert place_date_start("ngày " * 40_000 + "tháng" + " năm" * 40_000) == 0
    assert place_date_start("năm 2020 " + "ngày tháng " * 20_000) is None


def test_the_place_is_what_comes_before_the_date_s_first_word() -> None:
    from digitize.pipeline.fields.place_date import place_date_start

    assert place_date_start("Hà Nội, ngày    tháng 01 năm 2025") == 6
    assert place_date_start("Quảng Ngãi ngày 2 3 táng ớ năm 2020") == 10  # "năm" and its year
    assert place_date_start("Huế, ngày tháng năm") == 3
    assert place_date_start("Huế, ngày 5 tháng 6") is None  # no "năm"
    assert place_date_start("Huế, năm 2020 ngày 5 tháng 6") is None  # "năm" before it


def test_a_place_that_is_no_province_read_right_under_a_provincial_parent_is_kept() -> None:
    # a district's office of a city's department dates its documents where it is: "Hòa Vang" is no misread
    # "Đà Nẵng", though as close to it in spelling as "Đù Nông"
    for parent, organ in (
        ("CỤC THUẾ THÀNH PHỐ ĐÀ NẴNG", "CHI CỤC THUẾ KHU VỰC HÒA VANG"),
        ("UBND THÀNH PHỐ ĐÀ NẴNG", "UBND HUYỆN HÒA VANG"),
    ):
        v = values(decision(parent=parent, organ=(organ,), date="Hòa Vang, ngày 05 tháng 12 năm 2020"))
        assert (v["place"], v["issued_date"]) == ("Hòa Vang", "2020-12-05"), organ
