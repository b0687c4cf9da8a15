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
    # "Tân Yên" (a district of Bắc Giang, in no list) is one letter from "Tân Uyên" (a city of the list): its
    # words are Vietnamese read surely, the reading supports both
    assert _sure(_place("Tân Yên, ngày 09 tháng 10 năm 2024")) is None
    # under the district's own organ, the place it names is read right
    found = _place("Tân Yên, ngày 09 tháng 10 năm 2024", "UBND TỈNH BẮC GIANG", ("UBND HUYỆN TÂN YÊN",))
    assert found[0] == "Tân Yên"
    # under another province's organ, no sure province either
    assert _sure(_place("Tân Yên, ngày 09 tháng 10 năm 2024", "UBND TỈNH BẮC GIANG", ("SỞ Y TẾ",))) is None
    # a town the list of places knows ("Phổ Yên", a town of Thái Nguyên) is read as itself
    assert _place("Phổ Yên, ngày 09 tháng 10 năm 2024")[0] == "Phổ Yên"
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


def test_a_body_s_initials_are_given_in_their_standard_spelling() -> None:
    # the initials as printed went through: "HDND" (its Đ's stroke lost) as "HDND tỉnh Yên Bái" at 0.9, and
    # "HÐND" with an Icelandic eth (U+00D0, a common OCR and PDF glyph for Đ) as "Hðnd tỉnh yên bái"
    assert _parent("HDND TỈNH YÊN BÁI")[0] == "HĐND tỉnh Yên Bái"
    assert _parent("H\u00d0ND TỈNH YÊN BÁI")[0] == "HĐND tỉnh Yên Bái"
    assert _parent("BHXH TỈNH YÊN BÁI")[0] == "BHXH tỉnh Yên Bái"
    assert _parent("UBMTTQ TỈNH YÊN BÁI")[0] == "UBMTTQ tỉnh Yên Bái"


def test_an_organ_restated_in_the_text_is_read_without_a_bracket_misread_after_it() -> None:
    # seed 103's blurred alt 011: the annex's "(Kèm theo Công văn … của Cục Thú y)" read "… Cục Thú y}": the
    # organ was taken as "Cục Thú y}" at 0.81
    specs = [
        *header(
            parent="BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", organ=("CỤC VIÊN THÔN G",), number="Số: 85/TY-VP"
        ),
        ("BÁO CÁO", "center", 95.0),
        ("Kết quả công tác phòng, chống tham nhũng năm 2022", "center", 93.0),
        ("(Kèm theo Công văn số 85/TY-VP ngày 25 tháng 12 năm 2024 của Cục Viễn thông}", "body", 96.0),
        *signer(("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG")),
    ]
    assert extract([page(specs)]).fields["organ_name"].value == "Cục Viễn thông"


def test_a_holder_whose_family_name_is_ong_keeps_it_after_the_label() -> None:
    # seed 105's alt 006: "Ông/Bà: Ông Đình Sơn" (Ông, a family name) was taken as "Đình Sơn" at 0.95
    from tests.pipeline.fields.test_holder import _licence
    from tests.pipeline.test_extract import values

    def holder(line: str) -> str | None:
        body = [(line, "x=355", 95.0), ("Địa chỉ: Số 12, đường Lê Lợi", "x=355", 92.0)]
        return values(_licence(body))["holder_name"]

    def held(line: str) -> tuple[str | None, float]:
        body = [(line, "x=355", 95.0), ("Địa chỉ: Số 12, đường Lê Lợi", "x=355", 92.0)]
        f = extract([page(_licence(body))]).fields.get("holder_name")
        return (f.value, f.confidence) if f else (None, 0.0)

    # "Ông" as a family name is far rarer than "Ông" the honorific: kept only in doubt
    value, conf = held("Ông/Bà: Ông Đình Sơn")
    assert value == "Ông Đình Sơn" and conf <= 0.5
    assert holder("Ông Đình Sơn, địa chỉ: Số 12, đường Lê Lợi") != "Đình Sơn"
    # "Ông" before a family name is the honorific, the name printed in capitals or not
    assert holder("Ông/Bà: Ông Nguyễn Văn An") == "Nguyễn Văn An"
    assert holder("Họ và tên: Bà Trần Thị Lan") == "Trần Thị Lan"
    assert _sure(held("Ông/Bà: Ông NGUYỄN VĂN AN")) == "NGUYỄN VĂN AN"
    assert _sure(held("Họ và tên: ÔNG NGUYỄN VĂN AN")) == "NGUYỄN VĂN AN"
    # a family name of an ethnic minority the list lacks ("Vừ", "Y") starts a name all the same
    assert _sure(held("Ông/Bà: Ông Vừ A Dính")) == "Vừ A Dính"
    assert _sure(held("Ông/Bà: Ông Y Moan Êban")) == "Y Moan Êban"
    # a family name misread into a given name's syllable ("Nguyên" of "Nguyễn") is never taken surely
    assert _sure(held("Ông/Bà: Ông Nguyên Văn An")) is None


def test_a_cuc_s_parent_is_never_a_so() -> None:
    # seed 105's blurred alt 005: "ĐỘ NÔNGG NGIUIỆP VÀ PHÁT IRHẾN / NÔNG THÔN" over "CỤC THÓ Y" was taken as
    # "Sở Nông nghiệp và Phát triển nông thôn" at 0.72: a Sở has no Cục under it, the ministry has
    head = header(
        parent=None,
        organ=("ĐỘ NÔNGG NGIUIỆP VÀ PHÁT IRHẾN", "NÔNG THÔN", "CỤC THÓ Y"),
        number="Số: 432/GP-TY",
        date="Hà Nội, ngày 04 tháng 7 năm 2016",
    )
    body = [("GIẤY PHÉP", "center", 95.0), ("NHẬP KHẨU THUỐC THÚ Y", "center", 90.0)]
    f = extract([page(head + body + signer(("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG")))]).fields["parent_organ"]
    assert f.value == "Bộ Nông nghiệp và Phát triển nông thôn" or f.confidence < SURE


def test_a_holder_in_article_1_wrapped_twice_is_read_to_its_end() -> None:
    # seed 103's alt 007: "Điều 1. Gia hạn … kinh doanh / hoạt động thể thao cho Công ty TNHH Du lịch Lữ hành
    # Hưng / Thịnh, mã số thuế: …": the name on the paragraph's second and third lines was taken as "… Hưng"
    from tests.pipeline.fields.test_holder import _decision
    from tests.pipeline.test_extract import values

    article = [
        ("Điều 1. Gia hạn Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao", "x=355", 96.0),
        ("và dịch vụ du lịch cho Công ty Trách nhiệm hữu hạn Du lịch và Lữ hành Quốc tế Hưng", "x=355", 96.0),
        ("Thịnh, mã số thuế: 0446871653, địa chỉ: Số 160, đường Ngô Quyền.", "x=355", 96.0),
    ]
    got = values(_decision(("Về việc gia hạn Giấy chứng nhận",), article))["holder_name"]
    assert got == "Công ty Trách nhiệm hữu hạn Du lịch và Lữ hành Quốc tế Hưng Thịnh"


def test_a_subject_ending_in_a_word_no_title_ends_with_is_cut_short() -> None:
    # seed 105's perspective alt 013: "… DỊCH BỆNH ĐỘNG VẬT" under an incoming stamp read "… ĐỘNG VÀ'": the
    # certificate's title taken as "… động và" at 0.91; no trích yếu ends with "và", "của", "cho"
    def subject(line: str) -> tuple[str | None, float]:
        specs = [
            *header(
                number="Số: 495/GCN-TY", organ=("CỤC THÚ Y",), parent="BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"
            ),
            ("GIẤY CHỨNG NHẬN", "center", 95.0),
            (line, "center", 92.0),
            ("CỤC TRƯỞNG CỤC THÚ Y", "center", 93.0),
            ("CHỨNG NHẬN:", "x=355", 92.0),
            ("Ông/Bà: Tăng Xuân Hậu", "x=355", 92.0),
            *signer(("CỤC TRƯỞNG",)),
        ]
        f = extract([page(specs)]).fields["subject"]
        return f.value, f.confidence

    assert _sure(subject("CƠ SỞ AN TOÀN DỊCH BỆNH ĐỘNG VÀ'")) is None
    assert (
        _sure(subject("CƠ SỞ AN TOÀN DỊCH BỆNH ĐỘNG VẬT"))
        == "Giấy chứng nhận cơ sở an toàn dịch bệnh động vật"
    )


def test_under_tl_the_head_named_is_not_the_signer_s_title() -> None:
    # seed 103's perspective dev 005: "TL. CHỦ TỊCH / SẠt Kiểy CHÁNH VĂN PHÒNG" (the seal's marks before the
    # office head's title) was taken as "Chủ tịch" at 0.93: under "TL." signs the head of an office
    from tests.pipeline.fields.test_signer import _title_read

    found = _title_read([("TL. CHỦ TỊCH", [92.0] * 3), ("SẠt Kiểy CHÁNH VĂN PHÒNG", [62.0, 58, 90, 90, 90])])
    assert found[0] == "Chánh Văn phòng" or found[1] < SURE
    found = _title_read([("TL. CHỦ TỊCH", [92.0] * 3), ("SẠt Kiểy", [62.0, 58])])
    assert _sure(found) is None
    # his own line unread (a blurred photo, seed 185 alt 005: "TL. GIÁM ĐỐC" alone gave "Giám đốc" in doubt
    # for a Chánh Văn phòng): no title rather than one surely wrong
    # (``_title_read`` gives an unset title as "None")
    assert _title_read([("TL. GIÁM ĐỐC", [92.0] * 3)])[0] in (None, "None")
    assert _title_read([("TL. CHỦ TỊCH", [92.0] * 3), ("SẠt Kiểy", [62.0, 58])])[0] in (None, "None")
    # read whole, the office head's title
    assert (
        _title_read([("TL. CHỦ TỊCH", [92.0] * 3), ("CHÁNH VĂN PHÒNG", [90.0] * 3)])[0] == "Chánh Văn phòng"
    )


def test_a_holder_s_word_the_language_reads_with_other_marks_there_is_in_doubt() -> None:
    # seed 105's alt 005: "Vận tải biển" read "Vận tải biến" at 96 (both syllables): the holder taken at 0.94
    from tests.pipeline.fields.test_holder import _licence

    def holder(name: str) -> tuple[str | None, float]:
        body = [(f"Tên tổ chức: {name}", "x=355", 96.0), ("Địa chỉ: Số 12, đường Lê Lợi", "x=355", 92.0)]
        f = extract([page(_licence(body))]).fields["holder_name"]
        return f.value, f.confidence

    assert _sure(holder("Hợp tác xã Vận tải biến Đại Dương")) is None
    assert _sure(holder("Hợp tác xã Vận tải biển Đại Dương")) == "Hợp tác xã Vận tải biển Đại Dương"
    for name in (
        "Công ty Cổ phần Thương mại và Dịch vụ Nam Việt",
        "Công ty TNHH Du lịch Lữ hành Hưng Thịnh",
        "Công ty Cổ phần Dược phẩm Thành Đạt",
        "Công ty TNHH Thiết bị Y tế Hoàng Long",
        "Công ty Cổ phần Xây dựng và Phát triển đô thị Sông Đà",
        "Hợp tác xã Nông nghiệp dịch vụ tổng hợp Tân Phú",
    ):
        assert _sure(holder(name)) == name


def test_a_lone_kt_minister_line_gives_the_deputy_minister() -> None:
    # review (session 16): "KT. BỘ TRƯỞNG" with the next line under the seal gave "Phó Bộ trưởng" at 0.92,
    # a title no one holds; the deputy minister is "Thứ trưởng" (a Sở's "KT. GIÁM ĐỐC" stays "Phó Giám đốc")
    assert _title(("KT. BỘ TRƯỞNG",))[0] == "Thứ trưởng"
    assert _title(("KT. GIÁM ĐỐC",), organ=("SỞ Y TẾ",), number="Số: 12/QĐ-SYT")[0] == "Phó Giám đốc"


def test_a_holder_over_three_lines_ends_where_a_clause_begins() -> None:
    # review (session 16): a holder's name wrapped onto Điều 1's third line with no comma after it read on
    # into the next clause ("… Hưng Thịnh có trụ sở tại …", "… theo đề nghị …") at 0.9
    from tests.pipeline.fields.test_holder import _decision, _licence

    def held(specs: list) -> tuple[str | None, float]:  # type: ignore[type-arg]
        f = extract([page(specs)]).fields.get("holder_name")
        return (f.value, f.confidence) if f else (None, 0.0)

    def article(*lines: str) -> tuple[str | None, float]:
        return held(_decision(("Về việc gia hạn Giấy chứng nhận",), [(t, "x=355", 96.0) for t in lines]))

    first = "Điều 1. Gia hạn Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao"
    second = "và dịch vụ du lịch cho Công ty Trách nhiệm hữu hạn Du lịch và Lữ hành Quốc tế Hưng"
    name = "Công ty Trách nhiệm hữu hạn Du lịch và Lữ hành Quốc tế Hưng Thịnh"
    for third in (
        "Thịnh có trụ sở tại Số 160 đường Ngô Quyền được tiếp tục kinh doanh theo quy định.",
        "Thịnh được tiếp tục kinh doanh các dịch vụ đã đăng ký theo quy định tại Giấy phép",
        "Thịnh đã đăng ký kinh doanh theo quy định của pháp luật hiện hành về thể thao",
    ):
        assert _sure(article(first, second, third)) == name
    # a clause no marker opens is no name's end surely
    got = article(first, second, "Thịnh kinh doanh dịch vụ lữ hành nội địa và quốc tế tại tỉnh")
    assert _sure(got) in (None, name)
    # a labelled name wrapped onto the next line, and Điều 1's name before "theo đề nghị …" and "Căn cứ …"
    labelled = "Tên tổ chức: Công ty Cổ phần Thương mại Dịch vụ và Xuất nhập khẩu Nam Việt Phát Đạt Sao"
    lines = [(labelled, "x=355", 92.0), ("Mai có trụ sở tại Số 12 đường Lê Lợi", "x=355", 92.0)]
    got = held(_licence(lines))
    assert _sure(got) == "Công ty Cổ phần Thương mại Dịch vụ và Xuất nhập khẩu Nam Việt Phát Đạt Sao Mai"
    lines = [
        ("Điều 1. Cấp Giấy phép kinh doanh bán lẻ sản phẩm rượu cho Công ty TNHH Một thành", "x=355", 92.0),
        ("viên Thương mại Hoàng Long theo đề nghị tại hồ sơ số 12 ngày 5 tháng 6 năm 2024", "x=355", 92.0),
    ]
    assert _sure(held(_licence(lines))) == "Công ty TNHH Một thành viên Thương mại Hoàng Long"


def test_a_so_over_a_cuc_is_in_doubt_its_chi_perhaps_lost() -> None:
    # review (session 16): "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN" over "CHI CỤC THÚ Y" whose "CHI" was lost
    # under a seal gave the ministry at 0.83 and "Cục thú y" at 0.64: either the "BỘ" was misread "SỞ" or the
    # "CHI" was lost, neither is sure
    def fields(organ: tuple[str, ...]) -> dict[str, tuple[str | None, float]]:
        head = header(
            parent=None, organ=organ, number="Số: 432/GP-TY", date="Hà Nội, ngày 04 tháng 7 năm 2016"
        )
        body = [("GIẤY PHÉP", "center", 95.0), ("NHẬP KHẨU THUỐC THÚ Y", "center", 90.0)]
        fs = extract([page(head + body + signer(("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG")))]).fields
        return {k: (f.value, f.confidence) for k, f in fs.items()}

    for organ in (
        ("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN", "NÔNG THÔN", "CỤC THÚ Y"),
        ("SỞ Y TẾ", "CỤC AN TOÀN THỰC PHẨM"),
        ("SỞ NÔNG NGHIỆP VÀ PTNT", "CỤC KIỂM LÂM"),
    ):
        got = fields(organ)
        assert _sure(got["parent_organ"]) is None and _sure(got["organ_name"]) is None
    # a ministry's "BỘ" read as such, or misread into no "SỞ", is the ministry surely
    assert _sure(fields(("BỘ Y TẾ", "CỤC QUẢN LÝ DƯỢC"))["parent_organ"]) == "Bộ Y tế"
    got = fields(("ĐỘ NÔNGG NGIUIỆP VÀ PHÁT IRHẾN", "NÔNG THÔN", "CỤC THÓ Y"))["parent_organ"]
    assert _sure(got) == "Bộ Nông nghiệp và Phát triển nông thôn"


def test_a_prime_minister_s_title_agrees_with_the_authority_line_over_it() -> None:
    # review (session 16): "Thủ tướng" put for "Thủ trưởng" under the Government without looking at the line
    # over it: under "KT." signs the deputy (his "PHÓ" or the head's title lost under the seal), under "TL."
    # no Prime Minister at all, under "Q." the acting one
    pm = (("THỦ TƯỚNG CHÍNH PHỦ",), "Số: 1139/QĐ-TTg")
    for lines in (("KT.", "THỦ TƯỚNG"), ("KT.", "THỦ TRƯỞNG"), ("KT. 7H#Ư ÑG", "THỦ TRƯỞNG")):
        assert _sure(_title(lines, *pm)) == "Phó Thủ tướng"
    for lines in (("TL. THỦ TƯỚNG", "THỦ TRƯỞNG"), ("TL.", "THỦ TRƯỞNG")):
        value, conf = _title(lines, *pm)
        assert value not in ("Thủ tướng", "Phó Thủ tướng") and conf < SURE
    assert _sure(_title(("TL. THỦ TƯỚNG", "THỦ TƯỚNG"), *pm)) is None  # the office head's own title lost
    assert _title(("TL. THỦ TƯỚNG", "VỤ TRƯỞNG"), *pm) == ("Vụ trưởng", 0.92)
    assert _title(("Q. THỦ TRƯỞNG",), *pm)[0] == "Quyền Thủ tướng"
    # a deputy under "KT." whose head went unread, under any organ
    assert _sure(_title(("KT.", "GIÁM ĐỐC"), ("SỞ Y TẾ",), "Số: 12/QĐ-SYT")) == "Phó Giám đốc"


def test_a_place_named_by_the_organ_is_its_whole_words_with_their_marks() -> None:
    # review (session 16): a place read as a name of its own was taken surely when its folded letters were
    # anywhere in the organ's name: "Phổ Yên" in "UBND thành phố Yên Bái" ("pho yen" across two words).
    # (Phổ Yên, a city, is now in the list of places: a place no list knows stands in for it.)
    def place(parent: str, organ: str, date: str) -> tuple[str | None, float]:
        head = header(parent=parent, organ=(organ,), number="Số: 12/QĐ-UBND", date=date)
        body = [("QUYẾT ĐỊNH", "center", 95.0), ("Về việc ban hành quy chế", "center", 90.0)]
        f = extract([page(head + body + signer(("CHỦ TỊCH",)))]).fields["place"]
        return f.value, f.confidence

    date = "Phố Việt, ngày 15 tháng 6 năm 2021"
    assert _sure(place("UBND TỈNH PHÚ THỌ", "UBND THÀNH PHỐ VIỆT TRÌ", date)) is None
    date = "Tân Yên, ngày 15 tháng 6 năm 2021"
    assert _sure(place("UBND TỈNH BẮC GIANG", "UBND THỊ XÃ TÂN YÊN", date)) == "Tân Yên"
    # the listed city is read as itself, whatever the organ
    date = "Phổ Yên, ngày 15 tháng 6 năm 2021"
    assert _sure(place("UBND TỈNH YÊN BÁI", "UBND THÀNH PHỐ YÊN BÁI", date)) == "Phổ Yên"


def test_brackets_at_an_organ_s_end_are_balanced_by_count() -> None:
    # review (session 16): a closing bracket was dropped only when no opening one was in the line at all:
    # "SỞ Y TẾ (HÀ NỘI))" kept its second ")", and a line of a speck's "}" alone gave an empty part
    from digitize.pipeline.fields.organ import _organ_text

    assert _organ_text("}") is None and _organ_text(")") is None and _organ_text("} )") is None
    assert _organ_text("CỤC THÚ Y}") == "CỤC THÚ Y"
    assert _organ_text("CỤC THÚ Y (VIỆT NAM))") == "CỤC THÚ Y (VIỆT NAM)"
    assert _organ_text("BAN QUẢN LÝ (KCN)") == "BAN QUẢN LÝ (KCN)"

    def organ(lines: tuple[str, ...]) -> str | None:
        head = header(parent=None, organ=lines, number="Số: 12/QĐ-SYT")
        body = [("QUYẾT ĐỊNH", "center", 95.0), ("Về việc ban hành quy chế", "center", 90.0)]
        return extract([page(head + body + signer())]).fields["organ_name"].value

    got = organ(("SỞ Y TẾ (HÀ NỘI))",))
    assert got is not None and got.count("(") == got.count(")")
    assert organ((")", "SỞ Y TẾ")) == "Sở Y tế"


def _dated(date: str, parent: str | None, organ: Sequence[str]) -> tuple[str | None, float]:
    head = header(
        parent=parent, organ=organ, number="Số: 12/QĐ-UBND", date=f"{date}, ngày 15 tháng 6 năm 2021"
    )
    body = [("QUYẾT ĐỊNH", "center", 95.0), ("Về việc ban hành quy chế", "center", 90.0)]
    f = extract([page(head + body + signer(("CHỦ TỊCH",)))]).fields.get("place")
    return (f.value, f.confidence) if f else (None, 0.0)


def test_a_listed_town_spelled_near_the_organ_s_province_is_not_sure() -> None:
    # review (session 17): the towns added to the list of places were taken at 0.95 over the organ's own
    # province, the check of the province only made below it: "Phúc Yên" (a city of Vĩnh Phúc) on a document
    # of "UBND tỉnh Phú Yên", "Hà Tiên" (of Kiên Giang) under Hà Tĩnh: the province misread, or the town?
    for date, parent, organ in (
        ("Phúc Yên", None, ("UBND TỈNH PHÚ YÊN",)),
        ("Phúc Yên", "UBND TỈNH PHÚ YÊN", ("SỞ Y TẾ",)),
        ("Hà Tiên", None, ("UBND TỈNH HÀ TĨNH",)),
        ("Phổ Yên", "UBND TỈNH PHÚ YÊN", ("SỞ TƯ PHÁP",)),
    ):
        assert _sure(_dated(date, parent, organ)) is None, (date, organ)
    # the organ naming the town: it is right
    assert _sure(_dated("Phổ Yên", "UBND TỈNH THÁI NGUYÊN", ("UBND THỊ XÃ PHỔ YÊN",))) == "Phổ Yên"
    # the organ's province read as itself, and a town under another province's organ, stay sure
    assert _sure(_dated("Phú Yên", None, ("UBND TỈNH PHÚ YÊN",))) == "Phú Yên"
    assert _sure(_dated("Hà Tĩnh", "UBND TỈNH HÀ TĨNH", ("SỞ Y TẾ",))) == "Hà Tĩnh"
    assert _sure(_dated("Phúc Yên", "UBND TỈNH VĨNH PHÚC", ("SỞ Y TẾ",))) == "Phúc Yên"
    assert _sure(_dated("Hà Tiên", "UBND TỈNH KIÊN GIANG", ("SỞ Y TẾ",))) == "Hà Tiên"


def test_a_town_read_with_other_marks_that_make_a_name_is_no_sure_correction() -> None:
    # review (session 17): "Tứ Sơn" was made the listed town "Từ Sơn" at 0.95: its marks differ, and it is a
    # Vietnamese name of its own
    organ = ("CÔNG TY CỔ PHẦN AN PHÚ",)
    assert _sure(_dated("Tứ Sơn", None, organ)) is None
    # read with its own marks, or with them lost (no name of its own), the town surely
    assert _sure(_dated("Từ Sơn", None, organ)) == "Từ Sơn"
    assert _sure(_dated("Tu Son", None, organ)) == "Từ Sơn"
    # the town's own organ names it
    assert _sure(_dated("Tứ Sơn", "UBND TỈNH BẮC NINH", ("UBND THÀNH PHỐ TỪ SƠN",))) == "Từ Sơn"
    assert _sure(_dated("Tứ Sơn", "UBND HUYỆN AN BIÊN", ("UBND XÃ TỨ SƠN",))) == "Tứ Sơn"


def test_no_listed_place_or_spelling_in_use_is_surely_taken_as_another_place() -> None:
    # review (session 17): "Đắc Lắc" → "Đắk Lắk" is the same province (its old spelling); no place of the
    # list, nor another spelling of one, read letter for letter is made a different place surely
    from digitize.pipeline.fields.vocab import PLACES, PROVINCE_SPELLINGS

    organ = ("CÔNG TY CỔ PHẦN AN PHÚ",)
    wrong = {}
    for read, want in [*((p, p) for p in PLACES), *PROVINCE_SPELLINGS.items()]:
        value, conf = _dated(read, None, organ)
        if value != want and conf >= SURE:
            wrong[read] = (value, conf)
    assert not wrong


def _notation(number: str, heading: str = "THÔNG BÁO") -> tuple[str | None, float]:
    head = header(parent="UBND TỈNH YÊN BÁI", organ=("SỞ NỘI VỤ",), number=number)
    body = [(heading, "center", 95.0), ("Về việc tổ chức hội nghị", "center", 90.0)]
    f = extract([page(head + body + signer())]).fields.get("code_notation")
    return (f.value, f.confidence) if f else (None, 0.0)


def test_a_notation_part_whose_d_is_an_abbreviation_s_own_is_not_doubted() -> None:
    # review (session 17): a part with a D went to review as a Đ whose stroke was perhaps lost, also where the
    # D is right: DN (doanh nghiệp), DTTS (dân tộc thiểu số), DS (dân số), BDT (Ban Dân tộc), and a unit
    # made of them ("PTDN": phát triển doanh nghiệp)
    for number, want, heading in (
        ("Số: 12/TB-DN", "TB-DN", "THÔNG BÁO"),
        ("Số: 12/QĐ-DTTS", "QĐ-DTTS", "QUYẾT ĐỊNH"),
        ("Số: 12/SNV-DS", "SNV-DS", "CÔNG VĂN"),
        ("Số: 12/KH-BDT", "KH-BDT", "KẾ HOẠCH"),
    ):
        assert _sure(_notation(number, heading)) == want, number
    # a part whose D no abbreviation explains stays in doubt ("DTBD" of "ĐTBD", Đào tạo - Bồi dưỡng), and one
    # ending in a two-letter one (review s18: "TGD", "BDN" are "TGĐ" Tổng giám đốc, "BĐN" Ban đối ngoại; so
    # "PTDN" too)
    for number in ("Số: 12/SNV-DTBD", "Số: 12/SNV-TGD", "Số: 12/SNV-BDN", "Số: 12/SNV-PTDN"):
        assert _sure(_notation(number, "CÔNG VĂN")) is None, number


def test_a_d_with_stroke_read_is_never_dropped_and_an_organ_s_d_stays_in_doubt() -> None:
    # review (session 18): "QĐ-ĐS" of a railway corporation was made "QĐ-DS" at 0.92 (DS, dân số, listed), and
    # "QĐ-DS" under it was taken surely
    from tests.pipeline.test_extract import signer

    def notation(number: str, organ: str) -> tuple[str | None, float]:
        specs = [*header(parent=None, organ=(organ,), number=number), ("QUYẾT ĐỊNH", "center", 95.0)]
        f = extract([page(specs + signer(("GIÁM ĐỐC",)))]).fields["code_notation"]
        return f.value, f.confidence

    railway = "TỔNG CÔNG TY ĐƯỜNG SẮT VIỆT NAM"
    for number, want in (("Số: 12/QĐ-ĐS", "QĐ-ĐS"), ("Số: 12/QĐ-BĐT", "QĐ-BĐT"), ("Số: 12/TB-ĐN", "TB-ĐN")):
        assert notation(number, railway)[0] == want, number
    assert _sure(notation("Số: 12/QĐ-DS", railway)) is None


def test_a_d_is_made_a_d_with_stroke_only_on_strong_evidence() -> None:
    # review (session 17): "QĐ-DC" was made "QĐ-ĐC" surely on two notations of the corpus ("DC": dân cư? ĐC:
    # địa chính, điều chỉnh?); a frequent one is still restored
    value, conf = _notation("Số: 12/QĐ-DC", "QUYẾT ĐỊNH")
    assert not (value == "QĐ-ĐC" and conf >= SURE) and conf < SURE
    assert _sure(_notation("Số: 12/QD-UBND", "QUYẾT ĐỊNH")) == "QĐ-UBND"
    assert _sure(_notation("Số: 12/TT-BLDTBXH", "THÔNG TƯ")) == "TT-BLĐTBXH"


def test_the_deputy_of_an_agency_s_head_is_never_the_deputy_prime_minister() -> None:
    # review (session 17): "KT. THỦ TRƯỞNG" (an agency's head) gave "Phó Thủ tướng" at 0.83-0.92, the
    # deputy's title matched to the nearest in the list ("pho thu truong" is one letter from "pho thu tuong")
    agency = (("CỤC QUÂN Y",), "Số: 12/QĐ-QY")
    assert _title(("KT. THỦ TRƯỞNG", "PHÓ THỦ TRƯỞNG"), *agency)[0] == "Phó Thủ trưởng"
    for lines, organ, number in (
        (("KT. THỦ TRƯỞNG",), *agency),
        (("KT. THỨ TRƯỞNG",), ("BỘ TÀI CHÍNH",), "Số: 12/QĐ-BTC"),
        (("KT. THỦ TRƯỞNG",), ("BỘ TÀI CHÍNH",), "Số: 12/QĐ-BTC"),
    ):
        got = _title(lines, organ, number)
        assert got[0] != "Phó Thủ tướng" and _sure(got) is None, (lines, got)
    # the Prime Minister's deputy stays his
    assert _sure(_title(("KT. THỦ TƯỚNG",), ("THỦ TƯỚNG CHÍNH PHỦ",), "Số: 12/QĐ-TTg")) == "Phó Thủ tướng"


def test_a_company_name_holding_the_words_of_a_clause_is_read_whole() -> None:
    # review (session 17): "Điện thoại", "Căn cứ" ended a name in any case: "Công ty TNHH Điện thoại Di động
    # Sao Việt" was taken as "Công ty TNHH" at 0.90; in capitals they end it only as what they open
    from tests.pipeline.fields.test_holder import _licence

    def held(lines: list) -> tuple[str | None, float]:  # type: ignore[type-arg]
        f = extract([page(_licence(lines))]).fields.get("holder_name")
        return (f.value, f.confidence) if f else (None, 0.0)

    for name in ("Công ty TNHH Điện thoại Di động Sao Việt", "Công ty Cổ phần Căn Cứ Xanh"):
        labelled = [("Tên tổ chức: " + name, "x=355", 92.0), ("Địa chỉ: Số 12, đường Lê Lợi", "x=355", 92.0)]
        assert _sure(held(labelled)) == name
        article = f"Điều 1. Cấp Giấy phép kinh doanh cho {name}, mã số thuế 0100109106"
        assert _sure(held([(article, "x=355", 92.0)])) == name
    # the telephone after the name, on its line or the next, still ends it
    for lines in (
        [("Tên tổ chức: Công ty TNHH Sao Mai Điện thoại: 0236 3822 111", "x=355", 92.0)],
        [("Tên tổ chức: Công ty TNHH Sao Mai", "x=355", 92.0), ("Điện thoại: 0236 3822 111", "x=355", 92.0)],
    ):
        assert _sure(held(lines)) == "Công ty TNHH Sao Mai"
    # a legal form with no name after it is no holder's name surely
    lines = [("Tên tổ chức: Công ty TNHH", "x=355", 92.0), ("Điện thoại: 0236 3822 111", "x=355", 92.0)]
    assert _sure(held(lines)) is None


def test_a_telephone_or_a_citation_after_the_holder_ends_it_whatever_follows() -> None:
    # review (session 18): "… Hoàng Long Điện thoại: (024) …" was split at "(" before the telephone was seen:
    # "Công ty TNHH Hoàng Long Điện thoại" at 0.90; "ĐT:", "Tel:", "Căn cứ vào …" likewise
    from tests.pipeline.fields.test_holder import _licence

    def held(lines: list) -> str | None:  # type: ignore[type-arg]
        f = extract([page(_licence(lines))]).fields.get("holder_name")
        return _sure((f.value, f.confidence)) if f else None

    name = "Công ty TNHH Hoàng Long"
    for tail in ("Điện thoại: (024) 38234567.", "Điện thoại/Fax: 024 3823", "ĐT: 024 3823", "Tel: 024 3823"):
        assert held([(f"Tên tổ chức: {name} {tail}", "x=355", 92.0)]) == name, tail
    wrapped = [(f"Tên tổ chức: {name} Điện thoại:", "x=355", 92.0), ("(024) 38234567", "x=355", 92.0)]
    assert held(wrapped) == name
    for tail in ("Căn cứ vào hồ sơ", "Căn cứ Giấy chứng nhận đăng ký"):
        assert held([(f"Điều 1. Cấp Giấy phép cho {name} {tail}", "x=355", 92.0)]) == name, tail


def test_a_lost_head_over_thu_truong_is_never_a_sure_deputy_of_it() -> None:
    # review (session 18): "KT." (its head unread) over "THỨ TRƯỞNG" gave "Phó Thủ trưởng" at 0.83
    got = _title(("KT.", "THỨ TRƯỞNG"))
    assert got[0] == "Thứ trưởng" and _sure(got) is None


def test_a_delegation_s_head_and_deputy_are_read_as_theirs() -> None:
    # review (session 18): "KT. TRƯỞNG ĐOÀN / PHÓ TRƯỞNG ĐOÀN" (an inspection team's) gave "Phó Trưởng ban"
    team = (("ĐOÀN KIỂM TRA",), "Số: 12/QĐ-ĐKT")
    assert _title(("KT. TRƯỞNG ĐOÀN", "PHÓ TRƯỞNG ĐOÀN"), *team)[0] == "Phó Trưởng đoàn"
    assert _title(("TRƯỞNG ĐOÀN",), *team)[0] == "Trưởng đoàn"
