"""A wrong value read surely is accepted without review: worse than none. Titles checked against the authority
line above them and the issuing organ, a place corrected to another known name, a date after the day the
document is read, a parent organ's initials garbled into "UBND" (#17)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from digitize.pipeline.fields import extract
from tests.pipeline.test_extract import header, page, signer

SURE = 0.6  # from this confidence a value is taken without review


def _title(
    lines: Sequence[str], organ: Sequence[str] = ("BỘ TÀI CHÍNH",), number: str = "Số: 12/QĐ-BTC"
) -> tuple[str | None, float]:
    head = header(parent=None, organ=organ, number=number, date="Hà Nội, ngày 09 tháng 10 năm 2024")
    body = [("QUYẾT ĐỊNH", "center", 95.0), ("Về việc ban hành quy chế làm việc", "center", 90.0)]
    f = extract([page(head + body + signer(lines, "Nguyễn Văn An"))]).fields.get("signer_title")
    return (f.value, f.confidence) if f else (None, 0.0)


def _sure(found: tuple[str | None, float]) -> str | None:
    """The value taken without review, None when it goes to review."""
    return found[0] if found[1] >= SURE else None


def test_a_deputy_minister_under_kt_minister_is_thu_truong_whichever_mark_was_read() -> None:
    # "THỨ TRƯỞNG" and "THỦ TRƯỞNG" fold alike: under "KT. BỘ TRƯỞNG" the deputy is the deputy minister
    assert _title(("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"))[0] == "Thứ trưởng"
    assert _title(("KT. BỘ TRƯỞNG", "THỦ TRƯỞNG"))[0] == "Thứ trưởng"  # ứ read ủ
    assert _title(("KT. BỘ TRƯỞNG", "THỬ TRƯỞNG"))[0] == "Thứ trưởng"


def test_under_kt_prime_minister_the_deputy_is_the_deputy_prime_minister() -> None:
    for organ, number in ((("THỦ TƯỚNG CHÍNH PHỦ",), "Số: 1139/QĐ-TTg"), (("CHÍNH PHỦ",), "Số: 11/NQ-CP")):
        assert _title(("KT. THỦ TƯỚNG", "THỦ TRƯỞNG"), organ, number)[0] == "Phó Thủ tướng"
        assert _title(("KT. THỦ TƯỚNG", "PHÓ THỦ TRƯỞNG"), organ, number)[0] == "Phó Thủ tướng"


def test_an_agency_head_s_title_under_the_government_is_the_prime_minister_s() -> None:
    # "TM. CHÍNH PHỦ / THỦ TƯỚNG" with the seal over its marks: no agency head signs for the Government
    assert _title(("TM. CHÍNH PHỦ", "THỦ TRƯỞNG"), ("CHÍNH PHỦ",), "Số: 11/NQ-CP")[0] == "Thủ tướng"


def test_a_title_whose_marks_alone_tell_two_titles_apart_is_not_sure_without_the_structure() -> None:
    # no "KT. BỘ TRƯỞNG" line and no organ read: "Thứ trưởng" or "Thủ trưởng" rests on one mark
    for line in ("THỨ TRƯỞNG", "THỦ TRƯỞNG"):
        assert _sure(_title((line,), organ=(), number="Số: 12/QĐ")) is None
    # "THỨ TRƯỞNG" read under a department: the marks and the organ disagree
    assert _sure(_title(("THỨ TRƯỞNG",), organ=("SỞ Y TẾ",), number="Số: 12/QĐ-SYT")) is None
    # under a ministry with no authority line read, the deputy minister, to review
    found = _title(("THỦ TRƯỞNG",))
    assert found[0] == "Thứ trưởng" and found[1] < SURE
    # an agency head under a department stays one, surely
    found = _title(("THỦ TRƯỞNG",), organ=("SỞ KHOA HỌC VÀ CÔNG NGHỆ",), number="Số: 12/QĐ-SKHCN")
    assert found[0] == "Thủ trưởng" and found[1] >= SURE


def test_a_deputy_s_title_not_the_deputy_of_the_head_above_it_is_not_sure() -> None:
    # "KT. CHỦ TỊCH" above "PHÓ GIÁM ĐỐC": one of the two lines is misread
    assert _sure(_title(("KT. CHỦ TỊCH", "PHÓ GIÁM ĐỐC"), ("SỞ Y TẾ",), "Số: 12/QĐ-SYT")) is None
    # the deputy of the head above it stays sure
    assert _sure(_title(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), ("SỞ Y TẾ",), "Số: 12/QĐ-SYT")) == "Phó Giám đốc"
    assert _sure(_title(("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"))) == "Thứ trưởng"


def _place(
    date_line: str, parent: str | None = None, organ: Sequence[str] = ("CÔNG TY CỔ PHẦN AN PHÚ",)
) -> tuple[str | None, float]:
    head = header(parent=parent, organ=organ, number="Số: 12/QĐ-UBND", date=date_line)
    body = [("QUYẾT ĐỊNH", "center", 95.0), ("Về việc ban hành quy chế làm việc", "center", 90.0)]
    f = extract([page(head + body + signer())]).fields.get("place")
    return (f.value, f.confidence) if f else (None, 0.0)


def test_a_place_read_as_a_name_of_its_own_is_not_surely_the_known_place_spelled_near_it() -> None:
    # "Phổ Yên" (a town of Thái Nguyên) is one vowel and its mark from "Phú Yên" (a province): its words are
    # Vietnamese read surely, the reading supports both
    assert _sure(_place("Phổ Yên, ngày 09 tháng 10 năm 2024")) is None
    # under the town's own organ, the place it names is read right
    found = _place("Phổ Yên, ngày 09 tháng 10 năm 2024", "UBND TỈNH THÁI NGUYÊN", ("UBND THỊ XÃ PHỔ YÊN",))
    assert found[0] == "Phổ Yên"
    # under another province's organ, no sure province either
    assert _sure(_place("Phổ Yên, ngày 09 tháng 10 năm 2024", "UBND TỈNH THÁI NGUYÊN", ("SỞ Y TẾ",))) is None
    # a known place misread into no Vietnamese word stays the known place, surely
    assert _sure(_place("Phú Yêrn, ngày 09 tháng 10 năm 2024")) == "Phú Yên"


def _issued(date_line: str, today: dt.date | None = None) -> tuple[str | None, float]:
    head = header(date=date_line)
    body = [("QUYẾT ĐỊNH", "center", 95.0), ("Về việc ban hành quy chế làm việc", "center", 90.0)]
    f = extract([page(head + body + signer())], today=today).fields.get("issued_date")
    return (f.value, f.confidence) if f else (None, 0.0)


def test_a_document_is_not_surely_issued_after_the_day_it_is_read() -> None:
    today = dt.date(2026, 12, 2)
    # "năm 2028" of a blurred "2023": a date after the day the document is read is misread
    assert _sure(_issued("Yên Bái, ngày 15 tháng 6 năm 2028", today)) is None
    assert _sure(_issued("Yên Bái, ngày 15 tháng 12 năm 2026", today)) is None
    # a day's grace for the clocks of other time zones; the days before stay sure
    assert _sure(_issued("Yên Bái, ngày 03 tháng 12 năm 2026", today)) == "2026-12-03"
    assert _sure(_issued("Yên Bái, ngày 02 tháng 12 năm 2026", today)) == "2026-12-02"
    assert _sure(_issued("Yên Bái, ngày 15 tháng 6 năm 2021", today)) == "2021-06-15"
    # without a day given, the day it runs
    assert _sure(_issued("Yên Bái, ngày 15 tháng 6 năm 2098")) is None


def _parent(parent: str, organ: str = "BAN PHÁP CHẾ") -> tuple[str | None, float]:
    head = header(parent=parent, organ=(organ,), number="Số: 12/BC-BPC")
    body = [("BÁO CÁO", "center", 95.0), ("Về việc thẩm tra dự thảo nghị quyết", "center", 90.0)]
    f = extract([page(head + body + signer(("TM. BAN PHÁP CHẾ", "TRƯỞNG BAN")))]).fields.get("parent_organ")
    return (f.value, f.confidence) if f else (None, 0.0)


def test_initials_one_letter_from_ubnd_and_from_another_body_s_are_no_sure_ubnd() -> None:
    # "HBND": "HĐND" (the People's Council, whose Ban pháp chế this is) with its Đ read B, or "UBND" its U
    # read H: no sure People's Committee
    assert _sure(_parent("HBND TỈNH YÊN BÁI")) is None
    assert _sure(_parent("UDND TỈNH YÊN BÁI")) is None
    # "UBND" read as printed stays sure; the Council's initials read as printed are its own, cased as printed
    assert _sure(_parent("UBND TỈNH YÊN BÁI")) == "UBND tỉnh Yên Bái"
    assert _parent("HĐND TỈNH YÊN BÁI")[0] == "HĐND tỉnh Yên Bái"
