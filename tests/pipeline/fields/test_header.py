"""The header read by structure: a digital-signature banner above the motto and an incoming-mail stamp give
neither the date nor the number."""

from __future__ import annotations

import pytest

from tests.pipeline.test_extract import _ubnd_directive, header, values


def test_signature_banner_above_the_motto_gives_no_date() -> None:
    specs = _ubnd_directive(date="Quảng Ngãi, ngày 04 tháng 02 năm 2025")
    banner = [
        ("TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", "x=1900", 80.0),
        ("ttcbth@quangngai.gov.vn", "x=1900", 80.0),
        ("05.02.2025 15:35:18 +07:00", "x=1900", 80.0),
    ]
    v = values(banner + specs)
    assert v["issued_date"] == "2025-02-04"
    assert v["organ_name"] == "Ủy ban nhân dân tỉnh Quảng Ngãi"


def test_banner_date_is_not_taken_when_the_day_is_unreadable() -> None:
    specs = _ubnd_directive(date="Quảng Ngãi, ngày … tháng 02 năm 2025")
    banner = [
        ("Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi", "x=1500", 80.0),
        ("07.01.2025 09:12:00 +07:00", "x=1900", 80.0),
    ]
    v = values(banner + specs)
    assert v["issued_date"] is None
    assert v["place"] == "Quảng Ngãi"


def test_incoming_stamp_register_number_is_not_the_document_number() -> None:
    specs = _ubnd_directive()
    k = next(i for i, s in enumerate(specs) if s[0].startswith("Số:"))
    specs.insert(k, ("Số: 2352/TTCB-CV Ngày: 21/3/18", "left", 60.0))
    v = values(specs)
    assert v["code_number"] == "07"
    assert v["code_notation"] == "CT-UBND"
    assert v["issued_date"] == "2018-03-20"


def test_notation_prefix_garbled_under_the_type_heading_is_the_heading_s_abbreviation() -> None:
    assert values(_ubnd_directive(number="Số: 07/CI1-UBND"))["code_notation"] == "CT-UBND"  # under CHỈ THỊ
    # a known abbreviation that is not the heading's stays as read (a directive numbered as a decision)
    assert values(_ubnd_directive(number="Số: 07/QĐ-UBND"))["code_notation"] == "QĐ-UBND"


def test_a_notation_read_without_its_hyphen_is_its_type_and_its_organ_s_abbreviation() -> None:
    from digitize.pipeline.fields.number import repair_notation

    # "TTr-UBND" read "TIrUBND" on a bitonal scan: a type's abbreviation (a letter misread) run into UBND
    assert repair_notation("TIrUBND", "Ủy ban nhân dân tỉnh Quảng Nam")[0] == "TIr-UBND"
    assert values(_ubnd_directive(number="Số: 07/CTUBND"))["code_notation"] == "CT-UBND"
    assert values(_ubnd_directive(number="Số: 07/CIrUBND"))["code_notation"] == "CT-UBND"  # under CHỈ THỊ
    # an abbreviation of its own, or the organ's own, is one part as printed
    assert repair_notation("SGDĐT", "Sở Giáo dục và Đào tạo")[0] == "SGDĐT"
    assert repair_notation("VPUBND", "Văn phòng Ủy ban nhân dân tỉnh Quảng Nam")[0] == "VPUBND"
    assert values(_ubnd_directive(number="Số: 07/UBND"))["code_notation"] == "UBND"


def test_licence_subject_is_its_full_title() -> None:
    from tests.pipeline.test_extract import header, signer

    specs = [
        *header(number="Số: 12/GP-SKHCN"),
        ("GIẤY PHÉP", "center", 95.0),
        ("SỬ DỤNG VẬT LIỆU NỔ CÔNG NGHIỆP", "center", 92.0),
        ("GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ", "center", 93.0),
        *signer(("GIÁM ĐỐC",)),
    ]
    assert values(specs)["subject"] == "Giấy phép sử dụng vật liệu nổ công nghiệp"


def test_an_organ_abbreviation_printed_without_the_organ_kind_letter_is_kept() -> None:
    from digitize.pipeline.fields.number import repair_notation

    assert repair_notation("QĐ-ATBXHN", "Cục An toàn bức xạ và hạt nhân")[0] == "QĐ-ATBXHN"  # not CATBXHN
    assert repair_notation("QD-SKHCN", "Sở Khoa học và Công nghệ")[0] == "QĐ-SKHCN"


def test_a_dollar_sign_read_for_the_s_of_a_notation_is_an_s() -> None:
    from digitize.pipeline.fields.number import repair_notation

    # seed 485 alt 012, a blurred colour photo: "GP-SLĐTBXH" read "GP-$LOTBXM"
    organ = "Sở Lao động - Thương binh và Xã hội"
    fixed, quality = repair_notation("GP-$LOTBXM", organ)
    assert fixed == "GP-SLĐTBXH" and quality < 1.0
    assert repair_notation("GP-$LĐTBXH", organ)[0] == "GP-SLĐTBXH"


def test_an_agency_s_own_abbreviation_without_the_c_of_cuc_is_kept() -> None:
    from digitize.pipeline.fields.number import repair_notation

    assert repair_notation("QLD-VP", "Cục Quản lý dược")[0] == "QLD-VP"  # not CQLD-VP
    assert repair_notation("CQLD-VP", "Cục Quản lý dược")[0] == "CQLD-VP"


def test_the_place_is_read_when_handwritten_digits_run_into_the_printed_date_words() -> None:
    for date in ("Quảng Ngãi, ngày 2 Ốtháng 1 {năm 2018", "Quảng Ngãi, ngày 2 3 táng ớ năm 2018"):
        v = values(_ubnd_directive(date=date))
        assert v["place"] == "Quảng Ngãi", date
        assert v["issued_date"] is None  # the day and month cannot be read: not guessed


def test_a_handwritten_number_s_stroke_read_as_a_quote_before_the_slash() -> None:
    v = values(_ubnd_directive(number="Số: 22'/CT-UBND"))
    assert (v["code_number"], v["code_notation"]) == ("22", "CT-UBND")


def test_a_stamp_s_register_number_and_date_under_the_number_line_are_not_the_number() -> None:
    # the document's handwritten number unreadable; the "ĐẾN" stamp's "Số: 26/2" (register number and day)
    # under it has no notation: no number is better than the stamp's
    specs = _ubnd_directive(number="Số: ## /CT-UBND")
    k = next(i for i, s in enumerate(specs) if s[0].startswith("Số:"))
    specs.insert(k + 1, ("s. 26/2", "left", 81.0))
    v = values(specs)
    assert v["code_number"] is None
    assert v["code_notation"] == "CT-UBND"


def test_the_place_is_read_when_a_handwritten_month_is_glued_to_nam() -> None:
    v = values(_ubnd_directive(date="Quảng Ngãi, ngày ơi tháng 1năm 2018"))
    assert v["place"] == "Quảng Ngãi"
    assert v["issued_date"] is None  # never the date of a decree cited in the body


def test_a_garbled_notation_prefix_under_the_type_heading_is_the_heading_s_abbreviation() -> None:
    # "mrr" shares no letter with "CT" but opens in lower case: no printed abbreviation does
    assert values(_ubnd_directive(number="Số: 07/mrr-UBND"))["code_notation"] == "CT-UBND"


def test_a_garbled_notation_prefix_run_into_the_organ_s_under_the_type_heading_is_the_heading_s() -> None:
    # seed 385 dev 010: "Số: 33/TTr-HC" under "TỜ TRÌNH", the pen's big "33" in the word's line, read
    # "/mrrHC" (51): the hyphen lost too; the notation was dropped (None)
    from digitize.pipeline.fields import extract
    from tests.pipeline.test_extract import header, page, signer

    def notation(raw: str) -> tuple[str | None, float]:
        specs = header(number=f"Số: 33/{raw}", parent="BỘ CÔNG THƯƠNG", organ=("CỤC HÓA CHẤT",))
        body = [("TỜ TRÌNH", "center", 95.0), ("Về việc đề nghị bổ sung biên chế công chức", "center", 92.0)]
        f = extract([page(specs + body + signer(("CỤC TRƯỞNG",)))]).fields["code_notation"]
        return f.value, f.confidence

    got, conf = notation("mrrHC")
    assert got == "TTr-HC" and conf < 0.6
    assert notation("TTr-HC")[0] == "TTr-HC"
    assert notation("KHCNHC")[0] != "TTr-HC"  # capitals read clean: an abbreviation of its own


def test_the_printed_notation_after_a_handwritten_number_read_as_anything() -> None:
    from tests.pipeline.test_extract import header, signer

    def letter(number: str) -> dict[str, str | None]:
        specs = header(number=number, parent="UBND TỈNH LÀO CAI", organ=("SỞ Y TẾ",))
        body = [("QUYẾT ĐỊNH", "center", 95.0), ("Về việc kiện toàn Hội đồng", "center", 92.0)]
        return values(specs + body + signer(("GIÁM ĐỐC",)))

    for number, notation in (
        ("số: đ -Í Z /QÐ-SYT", "QĐ-SYT"),  # strokes up to the printed slash
        ("sø: 2-2Z /QĐ-‹SYT", "QĐ-SYT"),  # a speck read into a part
        ("Số: 2 1 0 QĐ-SYT", "QĐ-SYT"),  # spaced digits, the slash lost
    ):
        v = letter(number)
        assert v["code_notation"] == notation, number
        assert v["code_number"] is None, number  # never guessed from the strokes
        assert v["organ_name"] == "Sở Y tế", number  # the line still ends the organ lines


@pytest.mark.parametrize(
    ("raw", "organ", "notation"),
    [
        # an abbreviation read cleanly is kept as printed, whatever the organ's initials or the known list say
        ("TB-BQLKCN", "Ban Quản lý các khu công nghiệp", "TB-BQLKCN"),  # not BQLCKCN (the organ's initials)
        ("TB-BQLKCN", "Ban Quản lý các khu công nghiệp tỉnh Bắc Giang", "TB-BQLKCN"),  # not QLCN (known)
        ("QĐ-CĐTNĐ", "Cục Đường thủy nội địa Việt Nam", "QĐ-CĐTNĐ"),  # not CĐTNĐVN
        ("GCN-SNgV", "Sở Ngoại vụ", "GCN-SNgV"),  # not SNV
        ("KH-PGDĐT", "Phòng Giáo dục và Đào tạo", "KH-PGDĐT"),  # not GDĐT (known)
        ("TB-CTBTR", "Cục Thuế tỉnh Bến Tre", "TB-CTBTR"),
        ("QĐ-C07", "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "QĐ-C07"),
        # OCR's confusions still repaired against the organ's own words and the types
        ("QD-SNNMT", "Sở Nông nghiệp và Môi trường", "QĐ-SNNMT"),
        ("TB-BQLKGN", "Ban Quản lý các khu công nghiệp", "TB-BQLKCN"),  # one letter off the organ's own
        ("QD-SKHCH", "Sở Khoa học và Công nghệ", "QĐ-SKHCN"),
        ("KH-SLDTBXH", "Sở Lao động - Thương binh và Xã hội", "KH-SLĐTBXH"),
        ("syT-VP", "Sở Y tế", "SYT-VP"),
        ("GP-5GDĐT", "Sở Giáo dục và Đào tạo", "GP-SGDĐT"),  # not GDĐT (a known one, nearer by letters)
        # a capital letter too many (a speck read as one) in UBND or the organ's own; a lower-case one is
        # printed
        ("QĐ-UBRND", "Ủy ban nhân dân tỉnh Đắk Lắk", "QĐ-UBND"),
        ("BC-SKHHCN", "Sở Khoa học và Công nghệ", "BC-SKHCN"),
        ("QĐ-CDLQGVN", "Cục Du lịch Quốc gia Việt", "QĐ-CDLQGVN"),  # the organ's last line lost, not the N
    ],
)
def test_a_notation_part_read_cleanly_is_kept_and_a_misread_one_repaired(
    raw: str, organ: str, notation: str
) -> None:
    from digitize.pipeline.fields.number import repair_notation

    assert repair_notation(raw, organ)[0] == notation


def test_the_notation_of_an_organ_never_generated_is_read_from_its_number_line() -> None:
    from tests.pipeline.test_extract import header, signer

    specs = [
        *header(
            parent="UBND TỈNH BẮC NINH",
            organ=("BAN QUẢN LÝ CÁC KHU", "CÔNG NGHIỆP"),
            number="Số: 12345/TB-BQLKCN",
            date="Bắc Ninh, ngày 3 tháng 9 năm 2024",
        ),
        ("THÔNG BÁO", "center", 95.0),
        ("Về việc tạm dừng tiếp nhận hồ sơ", "center", 92.0),
        *signer(("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")),
    ]
    v = values(specs)
    got = (v["parent_organ"], v["code_number"], v["code_notation"])
    assert got == ("UBND tỉnh Bắc Ninh", "12345", "TB-BQLKCN")
    assert (v["organ_name"] or "").casefold() == "ban quản lý các khu công nghiệp"


def test_a_number_line_with_its_slash_misread_still_ends_the_organ_and_gives_the_notation() -> None:
    from tests.pipeline.test_extract import header, signer

    def read(parent: str, organ: str, number: str, heading: str) -> dict[str, str | None]:
        specs = header(parent=parent, organ=(organ,), number=number)
        body = [(heading, "center", 95.0), ("Về việc kiện toàn Hội đồng", "center", 92.0)]
        return values(specs + body + signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")))

    # a blurred photo: "Số" read "6ð", the slash a fraction slash
    v = read("UBND TỈNH SÓC TRĂNG", "SỞ TƯ PHÁP", "6ð: 71⁄GP-STP", "GIẤY PHÉP")
    assert (v["organ_name"], v["code_number"], v["code_notation"]) == ("Sở Tư pháp", "71", "GP-STP")
    # a handwritten number over the slash, read as digits, a bracket and an "f"
    v = read("BỘ Y TẾ", "CỤC AN TOÀN THỰC PHẨM", "số: 24 6 ( fTTr-ATTP", "TỜ TRÌNH")
    assert (v["code_number"], v["code_notation"]) == (None, "TTr-ATTP")


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("số: 2919 mc-vp", "2919"),  # the slash lost, the notation read in lower case
        ("số: 1079 ,GP-UBND", "1079"),  # the slash read as a comma
        ("Số: 1300 ;qp-svr", "1300"),  # ... or a semicolon (seed 813 corp 000)
        ("sø: 1957 ,C1-UBND", "1957"),  # ... and the type's "T" as a "1" (seed 365 alt 008)
        ("Số: 1 Z43QĐ-UBND", None),  # a digit in the type only after the comma (review 32)
        ("Số: 19 S7-UBND", None),
        ("Sẽ: 47'GP-UBND", "47"),  # ... as an apostrophe (seed 95's blurred dev 005)
        ("Số: 5 'A-B'", None),  # a quote before one letter is no slash before a notation
        ("Số: 2020'S-Mart", None),
        ("Số: 72#QĐ-UBND", None),  # a written number read as junk glued to the notation
        ("số: 2.219 mc-vp", None),  # no clean digits: no number
        ("Số: 2 1 0 QĐ-SYT", None),
    ],
)
def test_a_number_before_a_notation_whose_slash_was_lost_or_misread(line: str, number: str | None) -> None:
    assert values(_ubnd_directive(number=line))["code_number"] == number


def test_a_stroke_read_before_a_notation_part_is_left_out() -> None:
    from digitize.pipeline.fields.number import repair_notation

    assert repair_notation("IQLD-VP", "Cục Quản lý dược")[0] == "QLD-VP"
    assert repair_notation("TB-lSNNMT", "Sở Nông nghiệp và Môi trường")[0] == "TB-SNNMT"


def test_the_number_line_read_into_the_organ_s_line_is_not_the_organ_s_name() -> None:
    from tests.pipeline.test_extract import header, signer

    for merged in (
        "CỤC QUẢN LÝ DƯỢC Số 7ðđc QLD",
        "CỤC QUẢN LÝ DƯỢC Số: 74/BC-QLD",
        "CỤC QUẢN LÝ DƯỢC sẽt2iï/(BC-QLD",
    ):
        specs = [
            *header(parent="BỘ Y TẾ", organ=(merged,), number="Kính gửi: các đơn vị"),
            ("BÁO CÁO", "center", 95.0),
            ("Kết quả kiểm tra công tác văn thư, lưu trữ năm 2020", "center", 92.0),
            *signer(("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG")),
        ]
        v = values(specs)
        assert (v["organ_name"] or "").casefold() == "cục quản lý dược", merged
        assert v["parent_organ"] == "Bộ Y tế", merged


def test_a_notation_s_type_letter_read_as_a_digit_after_a_handwritten_number() -> None:
    from tests.pipeline.test_extract import header, signer

    specs = [
        *header(parent="BỘ TÀI CHÍNH", organ=("CỤC QUẢN LÝ GIÁ",), number="sø: 2ð 5Ï /6p-QLG"),
        ("GIẤY PHÉP", "center", 95.0),
        ("HOẠT ĐỘNG DỊCH VỤ", "center", 92.0),
        *signer(("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG")),
    ]
    v = values(specs)
    assert (v["code_number"], v["code_notation"]) == (None, "GP-QLG")
    assert (v["organ_name"] or "").casefold() == "cục quản lý giá"


def test_an_unread_handwritten_number_before_a_seven_letter_organ_s_notation_part() -> None:
    # seed 273 alt 011: "số: … /sVHTTDL-QLDL" (the pen's "689" unread, the notation's "S" read small): a
    # công văn's notation opens with the organ's abbreviation, seven letters here, not a type's
    from tests.pipeline.test_extract import header, signer

    specs = [
        *header(
            parent="UBND TỈNH QUẢNG NAM",
            organ=("SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"),
            number="số: … /sVHTTDL-QLDL",
            vv=("V/v tăng cường phòng, chống", "dịch bệnh trên cây trồng"),
        ),
        ("Kính gửi: Ủy ban nhân dân các huyện, thị xã.", "body", 92.0),
        *signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
    ]
    v = values(specs)
    assert (v["code_number"], v["code_notation"]) == (None, "SVHTTDL-QLDL")
    assert v["organ_name"] == "Sở Văn hóa, Thể thao và Du lịch"


def test_a_number_line_in_lower_case_read_into_the_organ_s_line() -> None:
    from tests.pipeline.test_extract import header, signer

    specs = [
        *header(parent="BỘ KHOA HỌC VÀ CÔNG NGHỆ", organ=("CỤC SỞ HỮU TRÍ TUỆ s6 34®c SHTT",), number=""),
        ("BÁO CÁO", "center", 95.0),
        ("Kết quả kiểm tra công tác văn thư, lưu trữ năm 2020", "center", 92.0),
        *signer(("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG")),
    ]
    assert (values(specs)["organ_name"] or "").casefold() == "cục sở hữu trí tuệ"


def test_the_abbreviation_of_a_department_of_transport_keeps_the_t_of_van_tai() -> None:
    from digitize.pipeline.fields.number import organ_abbreviations, repair_notation

    # "tải" (vận tải) is no function word like "tại": its initial stays in the abbreviation
    assert "SGTV" not in organ_abbreviations("Sở Giao thông vận tải")
    v = values(
        header(parent="UBND TỈNH PHÚ THỌ", organ=("SỞ GIAO THÔNG VẬN TẢI",), number="sẽ: 29 /sGTvr-QLcL")
    )
    assert v["code_notation"] == "SGTVT-QLCL"
    assert repair_notation("KH-TTNT", "Trung tâm Nước sạch tại nông thôn")[0] == "KH-TTNT"
    # an organ's name read without marks still leaves its function words out ("cac" is "các")
    assert "BQLKCN" in organ_abbreviations("Ban quan ly cac khu cong nghiep")
    assert "SGTVT" in organ_abbreviations("So giao thong van tai")


def test_a_garbled_notation_part_letter_for_letter_the_organ_s_own_abbreviation() -> None:
    from tests.pipeline.test_extract import signer

    specs = [
        *header(
            parent="UBND TỈNH HÀ GIANG",
            organ=("SỞ VĂN HÓA, THỂ THAO VÀ DU", "LỊCH"),
            number="sø 168 /cr.svHrrpL",  # the hyphen read as a dot, T as r, D as p
            date="Hà Giang, ngày 7 tháng 12 năm 2023",
        ),
        ("CHỈ THỊ", "center", 95.0),
        ("Về việc đẩy nhanh tiến độ giải ngân vốn đầu tư công", "center", 92.0),
        *signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
    ]
    assert values(specs)["code_notation"] == "CT-SVHTTDL"
    from digitize.pipeline.fields.number import repair_notation

    # a part read cleanly stays as printed; a garbled one sharing too few letters with the organ's is kept
    assert repair_notation("CT-SVHTDL", "Sở Văn hóa, Thể thao và Du lịch")[0] == "CT-SVHTDL"
    assert repair_notation("CT-sxqrrpm", "Sở Văn hóa, Thể thao và Du lịch")[0] == "CT-sxqrrpm"


def test_a_number_line_whose_so_and_slash_were_misread_gives_its_notation() -> None:
    from tests.pipeline.test_extract import signer

    specs = [
        *header(parent="BỘ Y TẾ", organ=("CỤC QUẢN LÝ DƯỢC",), number="Sứ 1734GCN-QLD"),
        ("GIẤY CHỨNG NHẬN", "center", 95.0),
        ("THỰC HÀNH TỐT SẢN XUẤT THUỐC", "center", 92.0),
        *signer(("CỤC TRƯỞNG",)),
    ]
    v = values(specs)
    assert (v["code_number"], v["code_notation"]) == ("1734", "GCN-QLD")
    # an organ's or an address line with a number is no number line
    assert values(header(number="Sở 12 Nguyễn Huệ-Huế"))["code_number"] is None


@pytest.mark.parametrize(
    ("parent", "organ", "number", "notation"),
    [
        # a three-letter abbreviation: its T read r
        ("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", "CỤC VIỄN THÔNG", "sø: 1384 /op-cvr", "QĐ-CVT"),
        # a handwritten number read as anything, "Số:" read "sẽ:", the hyphen a dot
        ("UBND THÀNH PHỐ HÀ NỘI", "SỞ Y TẾ", "sẽ: 1 ƒ7j/op.syr", "QĐ-SYT"),
    ],
)
def test_a_garbled_short_notation_part_is_the_organ_s_own_abbreviation(
    parent: str, organ: str, number: str, notation: str
) -> None:
    from tests.pipeline.test_extract import signer

    specs = [
        *header(parent=parent, organ=(organ,), number=number, date="Hà Nội, ngày 7 tháng 12 năm 2024"),
        ("QUYẾT ĐỊNH", "center", 95.0),
        ("Về việc thành lập Tổ công tác", "center", 92.0),
        *signer(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
    ]
    assert values(specs)["code_notation"] == notation


def test_an_address_line_above_the_number_line_is_no_number_line() -> None:
    # reviewer: "Sứ 1724GCN-QLD" made digits glued to a capital a number line even without "Số:"'s colon;
    # a company's address under its name ("Số 12B-Lê Lợi, Huế") is such a line, and being above the real
    # number line it was taken first: code_number "12", code_notation "B-L" (1169, QĐ-CTAP before abec987)
    v = values(
        header(parent=None, organ=("CÔNG TY CỔ PHẦN AN PHÚ", "Số 12B-Lê Lợi, Huế"), number="Số: 1169/QĐ-CTAP")
    )
    assert (v["code_number"], v["code_notation"]) == ("1169", "QĐ-CTAP")


def test_a_speck_read_before_the_number_line_s_so_leaves_the_number() -> None:
    # a photo's dark edge read "vJ" (confidence 16) before "Số: 1972/CT-UBND": the line is still the number's
    specs = [
        ("vJ Số: 1972/CT-UBND", "left", (16.0, 93.0, 91.0)) if s[0].startswith("Số:") else s
        for s in _ubnd_directive()
    ]
    v = values(specs)
    assert (v["code_number"], v["code_notation"]) == ("1972", "CT-UBND")
    # a word read with confidence before "Số:" is no speck: the line is not taken for the number's
    specs = [
        ("Xem Số: 1972/CT-UBND", "left", (88.0, 93.0, 91.0)) if s[0].startswith("Số:") else s
        for s in _ubnd_directive()
    ]
    assert values(specs)["code_number"] is None


def test_a_real_word_read_doubtfully_before_so_is_no_speck() -> None:
    # "Mẫu số: 03/TB-UBND" (a form's name, its "Mẫu" read at 20) is no number line: "Mẫu" is a word, no speck
    specs = [
        ("Mẫu số: 03/TB-UBND", "left", (20.0, 93.0, 91.0)) if s[0].startswith("Số:") else s
        for s in _ubnd_directive()
    ]
    assert values(specs)["code_number"] is None


def test_an_abbreviation_read_letter_for_letter_is_kept_not_made_its_look_alike() -> None:
    from digitize.pipeline.fields.number import repair_notation

    assert repair_notation("HĐ-SYT", "Sở Y tế")[0] == "HĐ-SYT"  # Hợp đồng, not HD (Hướng dẫn)
    assert repair_notation("HD-SYT", "Sở Y tế")[0] == "HD-SYT"


def test_a_notation_with_a_part_still_garbled_after_its_repairs_is_none() -> None:
    from tests.pipeline.test_extract import signer

    def report(number: str) -> dict[str, str | None]:
        specs = header(number=number, parent="UBND TỈNH YÊN BÁI", organ=("SỞ Y TẾ",))
        body = [("BÁO CÁO", "center", 95.0), ("Kết quả thực hiện nhiệm vụ năm 2022", "center", 92.0)]
        return values(specs + body + signer(("GIÁM ĐỐC",)))

    # "/BC-SYT" read "/pc-svr" (a photo's perspective): "svr" opens in lower case as no printed part does;
    # letter for letter it is the Sở Y tế's "SYT" read as look-alikes ("Y" as "v", "T" as "r"): that one, in
    # doubt (it was none; the number stays)
    v = report("Số: 2999 /pc-svr")
    assert (v["code_number"], v["code_notation"]) == ("2999", "BC-SYT")
    # ... none where no letter of the organ's own reads so ("sxr")
    assert report("Số: 2999 /pc-sxr")["code_notation"] is None
    assert report("Số: 2999 /BC-svT")["code_notation"] == "BC-SYT"  # repaired: kept
    assert report("Số: 2999 /BC-SYT")["code_notation"] == "BC-SYT"


def test_another_abbreviation_one_letter_from_the_heading_s_is_the_heading_s_in_doubt() -> None:
    # seed 119-blur dev 009 and 012: "PC-HC" under "BÁO CÁO" ("PC", a phiếu chuyển's), "CP-QLD" under "GIẤY
    # PHÉP" ("CP", the Government's): B/P and G/C read for each other on a shaken photo
    from digitize.pipeline.fields import extract
    from tests.pipeline.test_extract import page

    def notation(number: str) -> tuple[str | None, bool]:
        f = extract([page(_ubnd_directive(number=number))]).fields["code_notation"]
        return f.value, f.confidence < 0.6

    assert notation("Số: 07/CP-UBND") == ("CT-UBND", True)  # under "CHỈ THỊ"
    assert notation("Số: 07/TB-UBND") == ("TB-UBND", False)  # two letters apart: as read
    assert notation("Số: 07/CT-UBND") == ("CT-UBND", False)


def test_a_decision_s_notation_under_the_heading_of_what_it_promulgates_stands() -> None:
    # review (session 18): "QUY CHẾ" over "QĐ-CP" was made "QC-CP", "NGHỊ QUYẾT" over "NĐ-CP" "NQ-CP"
    from tests.pipeline.test_extract import header, signer

    for heading, number in (("QUY CHẾ", "Số: 12/QĐ-CP"), ("NGHỊ QUYẾT", "Số: 12/NĐ-CP")):
        specs = [*header(parent=None, organ=("CHÍNH PHỦ",), number=number), (heading, "center", 95.0)]
        assert values(specs + signer(("TM. CHÍNH PHỦ", "THỦ TƯỚNG")))["code_notation"] == number.split("/")[1]


def test_a_notation_read_as_one_part_with_its_type_misread_is_the_heading_s_and_the_organ_s_in_doubt() -> (
    None
):
    # "CT-SYT" read "GTSYT" on a photo (its hyphen lost, C read G) was taken at 0.67 under CHỈ THỊ
    from digitize.pipeline.fields import extract
    from tests.pipeline.test_extract import page, signer

    def notation(number: str, heading: str = "CHỈ THỊ") -> tuple[str | None, float]:
        specs = [
            *header(parent="UBND TỈNH QUẢNG NAM", organ=("SỞ Y TẾ",), number=number),
            (heading, "center", 95.0),
            ("Về việc tăng cường công tác phòng, chống dịch bệnh", "center", 92.0),
            ("Trong thời gian qua, công tác phòng, chống dịch bệnh đã có nhiều kết quả", "body", 92.0),
            *signer(("GIÁM ĐỐC",), "Vũ Quốc Dũng"),
        ]
        f = extract([page(specs)]).fields["code_notation"]
        return f.value, f.confidence

    value, conf = notation("Số: 07/GTSYT")
    assert (value, conf < 0.6) == ("CT-SYT", True)
    value, conf = notation("Số: 07/GTUBND")  # a known abbreviation after it
    assert (value, conf < 0.6) == ("CT-UBND", True)
    # two letters from the heading's, or no abbreviation known after it: as read
    assert notation("Số: 07/BBSYT")[0] != "CT-SYT"
    assert notation("Số: 07/GTXYZ")[0] != "CT-XYZ"
