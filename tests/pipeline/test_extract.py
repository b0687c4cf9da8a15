"""Field extraction from OCR words with boxes: each field with noisy OCR input, and real Tesseract output."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

import pytest

from digitize.pipeline.fields import extract, needs_review, parse_date, required_fields
from digitize.pipeline.model import Box, ExtractedField, Extraction, RecognizedPage, Word
from digitize.text import fold

W, H = 2480.0, 3508.0  # A4 at 300 dpi
LEFT_C, RIGHT_C, BODY_C = 640.0, 1730.0, 1320.0
CHAR = 22.0  # px per character at 13 pt / 300 dpi, roughly


def _words(text: str, x0: float, y: float, line: int, conf: float | Sequence[float]) -> list[Word]:
    out = []
    x = x0
    for k, t in enumerate(text.split()):
        c = conf if isinstance(conf, float | int) else conf[k]
        w = len(t) * CHAR
        out.append(Word(t, float(c), Box(x, y, x + w, y + 45), line=line))
        x += w + CHAR
    return out


def _width(text: str) -> float:
    return len(text) * CHAR


# a line: (text, "left"|"right"|"center"|"body"|"sig"|"x=<px>", conf)
Spec = tuple[str, str, float | Sequence[float]]


def page(specs: Sequence[Spec], index: int = 0) -> RecognizedPage:
    words: list[Word] = []
    y = 150.0
    for n, (text, where, conf) in enumerate(specs):
        if where == "left":
            x0 = LEFT_C - _width(text) / 2
        elif where == "right":
            x0 = RIGHT_C - _width(text) / 2
        elif where == "center":
            x0 = BODY_C - _width(text) / 2
        elif where == "sig":
            x0 = 1900 - _width(text) / 2
        elif where == "body":
            x0 = 355.0
        else:
            x0 = float(where.split("=")[1])
        words.extend(_words(text, x0, y, n, conf))
        y += 60
    text = "\n".join(s[0] for s in specs)
    return RecognizedPage(index=index, source="ocr", width=W, height=H, text=text, words=tuple(words))


def header(
    parent: str | None = "UBND TỈNH YÊN BÁI",
    organ: Sequence[str] = ("SỞ KHOA HỌC VÀ CÔNG NGHỆ",),
    number: str = "Số: 1169/QĐ-SKHCN",
    date: str = "Yên Bái, ngày 15 tháng 6 năm 2021",
    vv: Sequence[str] = (),
    conf: float = 92.0,
) -> list[Spec]:
    left = ([parent] if parent else []) + list(organ) + [number] + list(vv)
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", date]
    return [(t, "left", conf) for t in left] + [(t, "right", conf) for t in right]


def signer(
    lines: Sequence[str] = ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    name: str = "Nguyễn Văn An",
    name_conf: float | Sequence[float] = 90.0,
) -> list[Spec]:
    out: list[Spec] = [("Nơi nhận:", "x=300", 90.0)]
    out += [(t, "sig", 92.0) for t in lines]
    out += [("- Như Điều 3;", "x=300", 90.0), ("- Lưu: VT.", "x=300", 90.0)]
    out += [(name, "sig", name_conf)]
    return out


def decision(**kw: object) -> list[Spec]:
    body: list[Spec] = [
        ("QUYẾT ĐỊNH", "center", 95.0),
        ("Về việc cấp Giấy phép tiến hành công việc bức xạ cho Công ty", "center", 91.0),
        ("TNHH Thiết bị Y tế Hoàng Long", "center", 91.0),
        ("GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ", "center", 93.0),
        ("Căn cứ Luật Năng lượng nguyên tử ngày 03 tháng 6 năm 2008;", "body", 90.0),
        ("QUYẾT ĐỊNH:", "center", 93.0),
        ("Điều 1. Cấp Giấy phép cho Công ty TNHH Thiết bị Y tế Hoàng Long,", "body", 90.0),
        ("mã số thuế: 5200123456, địa chỉ: Số 12, đường Trần Phú.", "body", 90.0),
        ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "body", 90.0),
    ]
    return header(**kw) + body + signer()  # type: ignore[arg-type]


def contract_fields(fields: dict[str, str | None]) -> dict[str, str | None]:
    """The generator's truth in the CONTRACT's convention: a licence's or certificate's subject is its full
    title ("Giấy phép" + the line under the heading)."""
    out = dict(fields)
    subject, type_name = out.get("subject"), out.get("type_name")
    if (
        subject
        and type_name in ("Giấy phép", "Giấy chứng nhận")
        and not fold(subject).startswith(fold(type_name))
    ):
        out["subject"] = f"{type_name} {subject[0].lower()}{subject[1:]}"
    return out


def values(specs: Sequence[Spec]) -> dict[str, str | None]:
    return extract([page(specs)]).values()


def same(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return unicodedata.normalize("NFC", a).casefold() == unicodedata.normalize("NFC", b).casefold()


# --------------------------------------------------------------------------------------------- clean


def test_clean_decision_gives_every_field() -> None:
    v = values(decision())
    assert v == {
        "type_name": "Quyết định",
        "code_number": "1169",
        "code_notation": "QĐ-SKHCN",
        "issued_date": "2021-06-15",
        "organ_name": "Sở Khoa học và Công nghệ",
        "parent_organ": "UBND tỉnh Yên Bái",
        "place": "Yên Bái",
        "subject": "Về việc cấp Giấy phép tiến hành công việc bức xạ cho Công ty TNHH Thiết bị Y tế "
        "Hoàng Long",
        "signer_name": "Nguyễn Văn An",
        "signer_title": "Phó Giám đốc",
        "holder_name": "Công ty TNHH Thiết bị Y tế Hoàng Long",
        "holder_id": "5200123456",
        "valid_from": "2021-06-15",
        "valid_until": None,
    }
    for f in extract([page(decision())]).fields.values():
        assert 0.0 <= f.confidence <= 1.0
        assert f.value is None or unicodedata.is_normalized("NFC", f.value)


# ------------------------------------------------------------------------------------- per field, noisy


@pytest.mark.parametrize(
    ("line", "expected"),
    [("QUYET DINH", "Quyết định"), ("QUYẾT ĐINH", "Quyết định"), ("GIAY PHEP", "Giấy phép"),
     ("GIẤY CHÚNG NHẬN", "Giấy chứng nhận"), ("THONG BÁO", "Thông báo")],
)  # fmt: skip
def test_type_name_without_diacritics(line: str, expected: str) -> None:
    specs = decision()
    assert specs[6][0] == "QUYẾT ĐỊNH"
    specs[6] = (line, "center", 80.0)
    assert values(specs)["type_name"] == expected


def test_type_name_from_notation_when_the_line_is_lost() -> None:
    specs = [s for s in decision() if s[0] != "QUYẾT ĐỊNH"]
    assert values(specs)["type_name"] == "Quyết định"


@pytest.mark.parametrize(
    ("line", "number", "notation"),
    [
        ("So: 1169/QD-SKHCN", "1169", "QĐ-SKHCN"),
        ("Số: 1169 /QĐ-SKHCN", "1169", "QĐ-SKHCN"),
        ("S6: l169/QÐ-SKHCN.", "1169", "QĐ-SKHCN"),
        ("Số:1169/0Đ-SKHCN", "1169", "QĐ-SKHCN"),
        ("Số: 15/GP-SKHCN", "15", "GP-SKHCN"),
        ("Số: 12/2019/QĐ-UBND", "12", "QĐ-UBND"),
    ],
)
def test_number_and_notation_repaired(line: str, number: str, notation: str) -> None:
    v = values(decision(number=line))
    assert (v["code_number"], v["code_notation"]) == (number, notation)


def test_notation_restores_the_stroke_from_the_organ() -> None:
    v = values(decision(organ=("SỞ GIÁO DỤC VÀ ĐÀO TẠO",), number="Số: 1906 /SGDDT-CTrTT"))
    assert v["code_notation"] == "SGDĐT-CTrTT"
    v = values(decision(organ=("SO KE HOACH VA DAU TU",), number="So: 88/QD-SKHDT"))
    assert (v["organ_name"], v["code_notation"]) == ("Sở Kế hoạch và Đầu tư", "QĐ-SKHĐT")


@pytest.mark.parametrize(
    ("line", "iso", "place"),
    [
        ("Yên Bái, ngay 5 thang 6 nam 2020", "2020-06-05", "Yên Bái"),
        ("Yen Bai, ngày 15 tháng 6 năm 2021", "2021-06-15", "Yên Bái"),
        ("Đà Nẵng, ngày 26tháng 7 năm 2020", "2020-07-26", "Đà Nẵng"),
        ("Thành phố Hồ Chí Minh, ngảy O5 thảng 01 nãm 2022", "2022-01-05", "Hồ Chí Minh"),
        ("Hà Nội, 05/06/2020", "2020-06-05", "Hà Nội"),
        ("Thua Thien Hue, ngày 31 tháng 12 năm 2019", "2019-12-31", "Thừa Thiên Huế"),
    ],
)
def test_issue_date_and_place(line: str, iso: str, place: str) -> None:
    v = values(decision(date=line))
    assert (v["issued_date"], v["place"]) == (iso, place)


def test_issue_date_is_the_headers_not_a_body_date() -> None:
    v = values(decision(date="Yên Bái, ngày 15 tháng 6 năm 2021"))
    assert v["issued_date"] == "2021-06-15"  # not 2008-06-03 of "Căn cứ Luật ..."


def test_parse_date_forms() -> None:
    assert parse_date("ngày 5 tháng 6 năm 2020") == parse_date("05/06/2020") == parse_date("5-6-2020")
    assert str(parse_date("ngay O1 thang 1O nam 2O21")) == "2021-10-01"
    assert parse_date("ngày 31 tháng 2 năm 2020") is None


@pytest.mark.parametrize(
    ("parent", "organ", "exp_parent", "exp_organ"),
    [
        ("UBND TINH YEN BAI", ("SO KHOA HOC VA CONG NGHE",), "UBND tỉnh Yên Bái", "Sở Khoa học và Công nghệ"),
        ("UBND THÀNH PHÓ ĐÀ NẴNG", ("SỞ GIÁO DỤC VÀ ĐÀO TẠO",), "UBND thành phố Đà Nẵng",
         "Sở Giáo dục và Đào tạo"),
        ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", ("SỞ Y TẾ",), "UBND tỉnh Lào Cai", "Sở Y tế"),
        ("LUBND THÀNH PHÔ ĐÀ NẴNG", ("SỞ Y TẾ",), "UBND thành phố Đà Nẵng", "Sở Y tế"),
        ("UBND TỈNH ĐẮK LẮK", ("SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"), "UBND tỉnh Đắk Lắk",
         "Sở Văn hóa, Thể thao và Du lịch"),
        ("UBND TỈNH NGHỆ AN", ("SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"), "UBND tỉnh Nghệ An",
         "Sở Lao động - Thương binh và Xã hội"),
        (None, ("ỦY BAN NHÂN DÂN", "TỈNH YÊN BÁI"), None, "Ủy ban nhân dân tỉnh Yên Bái"),
        ("UBND TỈNH YÊN BÁI", ("BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG",), "UBND tỉnh Yên Bái",
         "Ban quản lý dự án đầu tư xây dựng"),
    ],
)  # fmt: skip
def test_parent_and_organ(
    parent: str | None, organ: tuple[str, ...], exp_parent: str | None, exp_organ: str
) -> None:
    v = values(decision(parent=parent, organ=organ))
    assert v["parent_organ"] == exp_parent
    assert same(v["organ_name"], exp_organ)


def test_header_columns_split_by_x_when_ocr_merges_rows() -> None:
    """Tesseract returned each header row as ONE line across both columns: x positions separate them."""
    rows = [
        ("UBND TỈNH YÊN BÁI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("SỞ Y TẾ", "Độc lập - Tự do - Hạnh phúc"),
        ("Số: 77/GP-SYT", "Yên Bái, ngày 02 tháng 3 năm 2023"),
    ]
    words: list[Word] = []
    for n, (lt, rt) in enumerate(rows):
        y = 150.0 + 60 * n
        words += _words(lt, LEFT_C - _width(lt) / 2, y, n, 90.0)
        words += _words(rt, RIGHT_C - _width(rt) / 2, y, n, 90.0)
    rest = page(
        [("GIẤY PHÉP", "center", 95.0), ("HOẠT ĐỘNG KHÁM BỆNH, CHỮA BỆNH", "center", 93.0), *signer()]
    )
    shifted = [Word(w.text, w.conf, Box(w.box.x0, w.box.y0 + 400, w.box.x1, w.box.y1 + 400), line=w.line + 3)
               for w in rest.words]  # fmt: skip
    pg = RecognizedPage(index=0, source="ocr", width=W, height=H, text="", words=tuple(words + shifted))
    v = extract([pg]).values()
    assert (v["parent_organ"], v["organ_name"], v["code_number"], v["code_notation"]) == (
        "UBND tỉnh Yên Bái", "Sở Y tế", "77", "GP-SYT",
    )  # fmt: skip
    assert (v["place"], v["issued_date"], v["type_name"]) == ("Yên Bái", "2023-03-02", "Giấy phép")
    assert same(v["subject"], "Giấy phép hoạt động khám bệnh, chữa bệnh")  # its full title


def test_subject_of_a_cong_van_is_the_vv_lines() -> None:
    specs = header(
        organ=("SỞ GIÁO DỤC VÀ ĐÀO TẠO",),
        number="Số: 1906 /SGDĐT-CTrTT",
        vv=("V/v khẩn trương thực hiện các biện", "pháp phòng, chống dịch COVID-19"),
    )
    specs += [
        ("Kính gửi: Các trường trực thuộc Sở.", "center", 90.0),
        ("Thực hiện chỉ đạo ...", "body", 90.0),
    ]
    specs += signer(("GIÁM ĐỐC",), "Lê Thị Bích Thuận")
    v = values(specs)
    assert v["type_name"] == "Công văn"
    assert v["subject"] == "khẩn trương thực hiện các biện pháp phòng, chống dịch COVID-19"
    assert (v["holder_name"], v["valid_until"]) == (None, None)
    assert v["signer_title"] == "Giám đốc"


def test_subject_vv_with_noisy_prefix() -> None:
    specs = header(organ=("SỞ Y TẾ",), number="Số: 55/SYT-NVY", vv=("V/V báo cáo tình hình dịch bệnh",))
    specs += [("Kính gửi: Các đơn vị.", "center", 90.0), *signer(("GIÁM ĐỐC",))]
    assert values(specs)["subject"] == "báo cáo tình hình dịch bệnh"


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Phó Giám đốc"),
        (("KT. GIAM DOC", "PHO GIAM DOC"), "Phó Giám đốc"),
        (("GIÁM ĐỐC",), "Giám đốc"),
        (("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Chủ tịch"),
        (("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Phó Chủ tịch"),
        (("TM. UY BAN NHAN DAN", "KT. CHU TICH"), "Phó Chủ tịch"),  # the deputy's line lost under the seal
        (("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"), "Chánh Văn phòng"),
    ],
)
def test_signer_title(lines: tuple[str, ...], title: str) -> None:
    specs = [*header(), ("QUYẾT ĐỊNH", "center", 95.0), ("Về việc ...", "center", 90.0), *signer(lines)]
    assert values(specs)["signer_title"] == title


@pytest.mark.parametrize(
    ("ocr", "conf", "expected"),
    [
        ("Nguyễn Văn An", 92.0, "Nguyễn Văn An"),
        ("®\\VÀ DÀ Nguyễn Văn An", [40.0, 50.0, 88.0, 90.0, 90.0], "Nguyễn Văn An"),  # seal rim letters first
        ("NGUYEN Văn An", 85.0, "Nguyễn Văn An"),  # surname diacritics restored
        ("Tế Thị Bích Thuận", [60.0, 95.0, 95.0, 95.0], "Lê Thị Bích Thuận"),  # seal over the surname
        ("Đỗ Phương Nhung.", 90.0, "Đỗ Phương Nhung"),
        # a doubtful tone mark under the seal: read unsurely, the listed name with its letters
        ("Nguyễn Đức Hiểu", [95.0, 95.0, 75.0], "Nguyễn Đức Hiếu"),
        # read surely (85): kept as read since names39, in doubt (the test after this one)
        ("Nguyễn Đức Hiểu", [95.0, 95.0, 85.0], "Nguyễn Đức Hiểu"),
        ("Trần Phưong Oanh", [95.0, 70.0, 95.0], "Trần Phương Oanh"),
        # seen on a seeded multi-page TIFF: seal rim junk, then two syllables glued by a comma
        ("se°_ Định,Thị Thảo", [30.0, 60.0, 90.0], "Đinh Thị Thảo"),
        # the seal's rim turns the capital L of the surname into "b"
        ("°_ bý Thanh Đạt", [36.0, 70.0, 90.0, 96.0], "Lý Thanh Đạt"),
    ],
)
def test_signer_name_under_a_seal(ocr: str, conf: float | list[float], expected: str) -> None:
    specs = [*header(), ("QUYẾT ĐỊNH", "center", 95.0), ("Về việc ...", "center", 90.0)]
    specs += signer(name=ocr, name_conf=conf)
    assert values(specs)["signer_name"] == expected


def test_signer_name_read_surely_with_a_mark_no_listed_name_has_is_in_doubt() -> None:
    # before names39 "Hiểu" (85) was made the listed "Hiếu"; now kept as read, but its mark may be misread
    # (REVIEW-39b M2: the 85 case kept with its honest result, not moved to 75)
    specs = [*header(), ("QUYẾT ĐỊNH", "center", 95.0), ("Về việc ...", "center", 90.0)]
    specs += signer(name="Nguyễn Đức Hiểu", name_conf=[95.0, 95.0, 85.0])
    found = extract([page(specs)]).fields["signer_name"]
    assert found.value == "Nguyễn Đức Hiểu" and found.confidence < 0.6


def test_signer_on_the_last_page_of_two() -> None:
    p1 = page(decision()[:-6])
    p2_specs = [
        ("2", "center", 90.0),
        ("Điều 3. Thi hành.", "body", 90.0),
        *signer(("GIÁM ĐỐC",), "Trần Thị Mai"),
    ]
    p2 = page(p2_specs, index=1)
    v = extract([p1, p2]).values()
    assert (v["signer_title"], v["signer_name"], v["code_number"]) == ("Giám đốc", "Trần Thị Mai", "1169")


@pytest.mark.parametrize(
    ("lines", "holder", "holder_id"),
    [
        (["Tên tổ chức: Công ty TNHH Kỹ thuật Minh Châu", "Mã số thuế: 52OO123456"],
         "Công ty TNHH Kỹ thuật Minh Châu", "5200123456"),
        (["Cơ sở: Công ty Cổ phần Dược phẩm An Phát", "Mã số doanh nghiệp/Mã số thuế: 0101234567-001"],
         "Công ty Cổ phần Dược phẩm An Phát", "0101234567-001"),
        (["Ông/Bà: Trần Văn Bình", "Số căn cước công dân: 015087001234"], "Trần Văn Bình", "015087001234"),
        (["Ten to chuc: Cong ty TNHH Sao Mai", "Ma so thue: 4 6 0 1 2 3 4 5 6 7"], "Công ty TNHH Sao Mai",
         "4601234567"),
        (["Cấp cho: Bệnh viện Đa khoa tỉnh Yên Bái;", "MST: 0101234567001"], "Bệnh viện Đa khoa tỉnh Yên Bái",
         "0101234567-001"),
        # two stray digits read after a tax code: a tax code has 10 digits
        (["Tên tổ chức: Công ty TNHH Sao Mai", "Mã số thuế: 114543029355"], "Công ty TNHH Sao Mai",
         "1145430293"),
    ],
)  # fmt: skip
def test_holder_and_id(lines: list[str], holder: str, holder_id: str) -> None:
    specs = [*header(number="Số: 15/GP-SKHCN"), ("GIẤY PHÉP", "center", 95.0), ("XÂY DỰNG", "center", 90.0)]
    specs += [("GIÁM ĐỐC SỞ XÂY DỰNG", "center", 90.0), ("CẤP PHÉP:", "center", 90.0)]
    specs += [(t, "body", 88.0) for t in lines] + signer()
    v = values(specs)
    assert (v["holder_name"], v["holder_id"]) == (holder, holder_id)


def test_holder_of_a_decision_from_its_subject() -> None:
    v = values(decision())
    assert v["holder_name"] == "Công ty TNHH Thiết bị Y tế Hoàng Long"


@pytest.mark.parametrize(
    ("sentence", "valid_from", "valid_until"),
    [
        ("Giấy phép có hiệu lực đến ngày 15 tháng 6 năm 2024.", None, "2024-06-15"),
        ("Giấy phép này có hiệu lực kể từ ngày ký và có hiệu lực đến ngày 15 tháng 6 năm 2024.",
         "2021-06-15", "2024-06-15"),
        ("Giấy chứng nhận có giá trị đến ngày 15/06/2024.", None, "2024-06-15"),
        ("Giay chung nhan co gia tri den ngay 15 thang 6 nam 2024.", None, "2024-06-15"),
        ("Giấy chứng nhận có hiệu lực từ ngày 01 tháng 7 năm 2021 đến ngày 30 tháng 6 năm 2026.",
         "2021-07-01", "2026-06-30"),
        ("Giấy phép có thời hạn 05 năm kể từ ngày ký.", None, "2026-06-15"),
        ("Quyết định này có hiệu lực kể từ ngày ký.", "2021-06-15", None),
    ],
)  # fmt: skip
def test_validity_sentences(sentence: str, valid_from: str | None, valid_until: str | None) -> None:
    specs = [*header(number="Số: 15/GP-SKHCN"), ("GIẤY PHÉP", "center", 95.0), ("XÂY DỰNG", "center", 90.0)]
    specs += [("Tên tổ chức: Công ty TNHH Sao Mai", "body", 90.0)]
    # wrap the sentence over two lines, as a body paragraph does
    words = sentence.split()
    specs += [
        (" ".join(words[: len(words) // 2]), "body", 90.0),
        (" ".join(words[len(words) // 2 :]), "body", 90.0),
    ]
    specs += signer()
    v = values(specs)
    assert (v["valid_from"], v["valid_until"]) == (valid_from, valid_until)


def test_page_without_header_gives_no_header_fields() -> None:
    specs: list[Spec] = [("2", "center", 90.0), ("b) Báo cáo trước ngày 29/7/2020.", "body", 90.0)]
    specs += signer(("GIÁM ĐỐC",), "Lê Thị Bích Thuận")
    v = values(specs)
    assert (v["organ_name"], v["code_number"], v["issued_date"], v["place"]) == (None, None, None, None)
    assert v["signer_name"] == "Lê Thị Bích Thuận"


def test_born_digital_text_without_boxes() -> None:
    text = "\n".join(
        [
            "UBND TỈNH NINH BÌNH",
            "SỞ Y TẾ",
            "Số: 1265/GCN-SYT",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Ninh Bình, ngày 01 tháng 02 năm 2022",
            "GIẤY CHỨNG NHẬN",
            "ĐỦ ĐIỀU KIỆN AN TOÀN THỰC PHẨM",
            "GIÁM ĐỐC SỞ Y TẾ",
            "Cơ sở: Công ty TNHH Môi trường Nam Việt",
            "Mã số doanh nghiệp/Mã số thuế: 2785341316",
            "Giấy chứng nhận có giá trị đến ngày 01 tháng 02 năm 2027.",
            "GIÁM ĐỐC",
            "Phạm Minh Tuấn",
        ]
    )
    pg = RecognizedPage(index=0, source="text", width=595.0, height=842.0, text=text)
    v = extract([pg]).values()
    assert v["organ_name"] == "Sở Y tế" and v["parent_organ"] == "UBND tỉnh Ninh Bình"
    assert (v["code_number"], v["code_notation"], v["issued_date"]) == ("1265", "GCN-SYT", "2022-02-01")
    assert (v["type_name"], v["holder_id"], v["valid_until"]) == (
        "Giấy chứng nhận",
        "2785341316",
        "2027-02-01",
    )
    assert same(v["subject"], "Giấy chứng nhận đủ điều kiện an toàn thực phẩm")
    assert (v["signer_title"], v["signer_name"]) == ("Giám đốc", "Phạm Minh Tuấn")


def test_empty_input() -> None:
    assert all(v is None for v in extract([]).values().values())
    blank = RecognizedPage(index=0, source="ocr", width=W, height=H, text="")
    assert all(v is None for v in extract([blank]).values().values())


# --------------------------------------------------------------------------------------------- review


def test_confidence_follows_ocr_confidence_and_review() -> None:
    good = extract([page(decision(conf=95.0))])
    assert not needs_review(good)
    poor = extract([page(decision(conf=35.0))])
    assert poor.fields["organ_name"].confidence < good.fields["organ_name"].confidence
    assert needs_review(poor)
    # a missing required field
    fields = dict(good.fields)
    fields["code_number"] = ExtractedField("code_number", None, 0.0)
    assert needs_review(Extraction(fields))
    assert needs_review(good, threshold=1.01)
    assert "holder_name" in required_fields("Giấy phép") and "holder_name" not in required_fields("Công văn")


# --------------------------------------------------------------------------------------------- real OCR


def _tesseract_pages(path: Path) -> list[RecognizedPage]:
    from digitize.pipeline.run import process_document  # a missing module fails, never skips

    return list(process_document(path, jobs=1).pages)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kind", "seed", "fmt", "deg"),
    [
        ("giay_phep", 4242, "png", {"dpi": 200, "noise": 4.0}),
        ("quyet_dinh", 4243, "jpeg", {"rotate": 90, "skew": 1.5, "jpeg_quality": 70, "dpi": 200}),
        ("cong_van", 4244, "jpeg", {"rotate": 180, "noise": 5.0, "jpeg_quality": 70}),
        ("giay_chung_nhan", 4245, "textpdf", {}),
    ],
)
def test_fields_from_real_tesseract_output(
    tmp_path: Path, kind: str, seed: int, fmt: str, deg: dict[str, object]
) -> None:
    from samples.generate import make_document, write_document

    doc = make_document(kind, seed, dpi=300)
    path = write_document(doc, tmp_path / kind, fmt, deg, seed=seed)
    got = extract(_tesseract_pages(path)).values()
    want = contract_fields(doc.fields)
    wrong = {k: (v, got[k]) for k, v in want.items() if not same(v, got[k])}
    # at most one field may suffer from OCR (a seal over the name, a misread letter in the subject)
    assert len(wrong) <= 1, wrong
    for key in ("code_number", "code_notation", "issued_date", "organ_name", "type_name"):
        assert key not in wrong, wrong


@pytest.mark.slow
def test_real_letter_header(shared_dir: Path) -> None:
    real = shared_dir / "realdata" / "4_1.jpg"
    if not real.is_file():
        pytest.skip("realdata/4_1.jpg is not present")
    v = extract(_tesseract_pages(real)).values()
    assert v["code_number"] == "1906"
    assert v["code_notation"] == "SGDĐT-CTrTT"
    assert v["issued_date"] == "2020-07-26"
    assert same(v["organ_name"], "Sở Giáo dục và Đào tạo")
    assert v["parent_organ"] == "UBND thành phố Đà Nẵng"
    assert v["place"] == "Đà Nẵng"
    assert v["type_name"] == "Công văn"
    assert fold(v["subject"] or "").startswith("khan truong thuc hien")


def test_subject_vv_when_ocr_drops_the_second_v() -> None:
    specs = header(
        organ=("SỞ Y TẾ",), number="Số: 21/SYT-VP", vv=("V/ góp ý dự thảo Quyết định ban hành", "quy chế")
    )
    specs += [("Kính gửi: Các đơn vị.", "center", 90.0), *signer(("GIÁM ĐỐC",))]
    v = values(specs)
    assert (v["type_name"], v["subject"]) == ("Công văn", "góp ý dự thảo Quyết định ban hành quy chế")


# ------------------------------------------------------------------ real documents' failure kinds (#17)


def _ubnd_directive(
    number: str = "Số: 07 /CT-UBND", date: str = "Quảng Ngãi, ngày 20 tháng 3 năm 2018"
) -> list[Spec]:
    head = header(parent=None, organ=("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"), number=number, date=date)
    body: list[Spec] = [
        ("CHỈ THỊ", "center", 95.0),
        ("Về việc miễn nhiệm chức danh Ủy viên", "center", 91.0),
        ("Ủy ban nhân dân tỉnh Quảng Ngãi nhiệm kỳ 2021 - 2026", "center", 91.0),
        (
            "Căn cứ Nghị định số 08/2016/NĐ-CP ngày 25/01/2016 của Chính phủ quy định số lượng Phó",
            "body",
            90.0,
        ),
        ("Chủ tịch Ủy ban nhân dân và quy trình, thủ tục bầu, từ chức, miễn nhiệm;", "body", 90.0),
    ]
    return head + body + signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Phạm Trường Thọ")


def test_two_line_ubnd_header_is_one_organ_without_parent() -> None:
    v = values(_ubnd_directive())
    assert v["organ_name"] == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert v["parent_organ"] is None
    assert v["code_number"] == "07"  # as written, leading zero kept
    assert v["code_notation"] == "CT-UBND"
    assert v["issued_date"] == "2018-03-20"
    assert v["place"] == "Quảng Ngãi"


def test_subject_goes_on_over_a_line_starting_with_an_organ_name() -> None:
    v = values(_ubnd_directive())
    assert (
        v["subject"]
        == "Về việc miễn nhiệm chức danh Ủy viên Ủy ban nhân dân tỉnh Quảng Ngãi nhiệm kỳ 2021 - 2026"
    )


def test_handwritten_number_and_day_unreadable() -> None:
    # the number and the day written by hand into the printed form, read as junk: the notation and the place
    # still come from the header, and the date is NOT taken from the act cited in the body
    v = values(_ubnd_directive(number="Số: ## /CT-UBND", date="Quảng Ngãi, ngày tháng 01 năm 2025"))
    assert v["code_number"] is None
    assert v["code_notation"] == "CT-UBND"
    assert v["organ_name"] == "Ủy ban nhân dân tỉnh Quảng Ngãi" and v["parent_organ"] is None
    assert v["place"] == "Quảng Ngãi"
    assert v["issued_date"] is None
    v2 = values(_ubnd_directive(number="Số: 72#QĐ-TTg"))
    assert v2["code_notation"] == "QĐ-TTg"
    # the notation's slash read as a comma (bitonal, seed 181 alt 012: "Số: … ,Gp-UBND", the notation lost)
    v3 = values(_ubnd_directive(number="Số: … ,Gp-UBND"))
    assert (v3["code_number"], v3["code_notation"]) == (None, "GP-UBND")
    # ... or without its hyphen (a blurred photo, seed 181 dev 010: "Số: … /TTrQLD", the notation lost): the
    # heading's abbreviation gives it back; letters that give no notation give none
    assert values(_ubnd_directive(number="Số: … /CTUBND"))["code_notation"] == "CT-UBND"
    assert values(_ubnd_directive(number="Số: … /oouewo"))["code_notation"] is None


@pytest.mark.parametrize(
    "line",
    [
        # its hyphen read as a space or a comma: the first part alone is no notation (was "UBND" at 0.83)
        "Số: … /UBND VP",
        "Số: … /UBND, VP",
        "Số: … /HĐND VP",
        "Số: … /SGDĐT GDTrH",
        "Số: … /BQLKCN TB",
        # read as one part: where the hyphen stood is a guess (was "UBND" at 0.66, "CTSYT" at 0.70)
        "Số: … /ctubnd",
        "Số: … /ubndvp",
        "Số: … /CTSYT",
        "Số: … /CTTU",
        # the type's part lost under a CHỈ THỊ heading (was "UBND" at 0.83)
        "Số: … /UBND",
        "Số: … /HĐND",
    ],
)
def test_a_notation_read_without_its_hyphen_after_an_unread_number_is_never_sure(line: str) -> None:
    f = extract([page(_ubnd_directive(number=line))]).fields.get("code_notation")
    assert f is None or f.confidence < 0.6, (f.value, f.confidence)


@pytest.mark.parametrize("line", ["Số: 12/UBND VP", "Số: 12/CT UBND", "Số: 12/ctubnd", "Số: 12/CTSYT"])
def test_a_notation_read_whole_but_for_its_hyphen_after_a_read_number_is_never_sure(line: str) -> None:
    # REVIEW-24: the hyphen read as a space left its first part ("UBND" of "UBND-VP" at 0.92), a one-part
    # reading no list has kept ("CTSYT" at 0.78) or made a known part by dropping letters ("UBND" at 0.74)
    fields = extract([page(_ubnd_directive(number=line))]).fields
    assert fields["code_number"].value == "12"
    f = fields.get("code_notation")
    assert f is None or f.confidence < 0.6, (f.value, f.confidence)
    assert extract([page(_ubnd_directive(number="Số: 12/CT-UBND"))]).fields["code_notation"].confidence >= 0.6


def test_stamp_beside_the_subject_is_left_out() -> None:
    specs = _ubnd_directive()
    k = next(i for i, s in enumerate(specs) if s[0].startswith("Về việc"))
    specs.insert(k + 2, ("ĐẾN Ngày :4/4...8...", "x=60", 30.0))
    base = page(specs)
    # an incoming-mail stamp in the left margin, read on the same row as the centred subject's first line
    row = next(w for w in base.words if w.text == "Về")
    stamp = [
        Word(t, 20.0, Box(60.0 + 80 * n, row.box.y0, 60.0 + 80 * n + 60, row.box.y1), line=row.line)
        for n, t in enumerate(["TRUNG", "TÂM", "CÔNG", "BÁO", "0,", "NGÃI|"])
    ]
    words = tuple(sorted(base.words + tuple(stamp), key=lambda w: (w.line, w.box.x0)))
    subject = extract([RecognizedPage(0, "ocr", W, H, base.text, words)]).values()["subject"]
    assert (
        subject == "Về việc miễn nhiệm chức danh Ủy viên Ủy ban nhân dân tỉnh Quảng Ngãi nhiệm kỳ 2021 - 2026"
    )


def test_deputy_title_when_the_seal_hides_pho() -> None:
    # "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG", the seal over "PHÓ" and over "KT."
    specs = _ubnd_directive()[:-5] + signer(("ven „THỦ TƯỚNG", "“EHỦ TƯỚNG"), "Nguyễn Hòa Bình")
    v = values(specs)
    assert v["signer_title"] == "Phó Thủ tướng"
    specs = _ubnd_directive()[:-5] + signer(("ÁT. CHỦ TỊCH",), "Phạm Trường Thọ")
    assert values(specs)["signer_title"] == "Phó Chủ tịch"
    specs = _ubnd_directive()[:-5] + signer(("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"), "Lê Văn Hòa")
    assert values(specs)["signer_title"] == "Chánh Văn phòng"


def test_in_force_from_signing_without_a_holder_is_no_validity() -> None:
    specs = [*_ubnd_directive(), ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "body", 90.0)]
    assert values(specs)["valid_from"] is None
