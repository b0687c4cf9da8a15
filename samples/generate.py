"""Generator of sample scans WITH GROUND TRUTH for Vietnamese administrative documents.

Documents follow the layout of Decree 30/2020/NĐ-CP: a two-column header (organ left, national motto right),
"Số: .../...-..." under the organ and "Place, ngày .. tháng .. năm ...." under the motto, the type name
centred in bold, the trích yếu, the body, "Nơi nhận:" bottom left and the signer block bottom right
(authority line, title, a blue signature, a red round seal overlapping the
signature and part of the name, then the name).

Four kinds: ``quyet_dinh``, ``giay_phep``, ``giay_chung_nhan``, ``cong_van``. Content is random but seeded:
the same ``(kind, seed)`` gives the same document, byte for byte in its pages. All text is NFC.

API::

    doc = make_document("giay_phep", seed=7)          # SampleDoc: fields, text, pages (PIL, 300 dpi)
    img = degrade(doc.pages[0], seed=7, rotate=90, skew=2.5, dpi=200, noise=8, blur=0.6, jpeg_quality=60)
    paths = write_set(Path("out"), n=12, seed=1)     # files + <name>.gt.json

CLI: ``python -m samples.generate OUT_DIR -n 12 --seed 1 [--variants clean_png,rot90_jpeg,...]``.

This is the FIXED generator (one look, one pool of names and organs: what the extractor was first built on).
The varied generator (``samples.axes``, ``samples.varied``, ``samples.marks``) draws each document along
independent axes (colour/grey/bitonal at 200/300 dpi, seal placement and ink, annex/blank/receipt page after
the signature, ĐẾN stamp, handwritten number and date, one-organ / parent / ministry headers, KT./TM./Q./TL.
forms, fonts, margins, seven kinds, phone-photo blur, low light and perspective) in two families with disjoint
seeds and value pools: ``write_set(out, n, seed, family="dev")`` to tune on, ``family="eval"`` only to measure
(``python -m bench families``). ``python -m samples.generate OUT -n 14 --family eval``.

Rotation convention: ``rotate=r`` turns the upright page ``r`` degrees CLOCKWISE (as a sheet fed sideways);
turning the scan ``r`` degrees counter-clockwise makes it upright again. ``skew`` is in degrees,
positive = counter-clockwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import math
import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from digitize.pipeline.model import FIELD_NAMES
from samples.axes import Axes, Family, Seal, Tail

KINDS: tuple[str, ...] = ("quyet_dinh", "giay_phep", "giay_chung_nhan", "cong_van")

FIELD_KEYS: tuple[str, ...] = FIELD_NAMES  # the contract's field names, in its order


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------------------------- fonts

_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/dejavu"),
)
DEFAULT_FONT = "liberation_serif"
# font family -> style -> file (every family here covers Vietnamese)
FONT_FILES: dict[str, dict[str, str]] = {
    "liberation_serif": {
        "regular": "LiberationSerif-Regular.ttf",
        "bold": "LiberationSerif-Bold.ttf",
        "italic": "LiberationSerif-Italic.ttf",
        "bolditalic": "LiberationSerif-BoldItalic.ttf",
    },
    "liberation_sans": {
        "regular": "LiberationSans-Regular.ttf",
        "bold": "LiberationSans-Bold.ttf",
        "italic": "LiberationSans-Italic.ttf",
        "bolditalic": "LiberationSans-BoldItalic.ttf",
    },
    "dejavu_serif": {
        "regular": "DejaVuSerif.ttf",
        "bold": "DejaVuSerif-Bold.ttf",
        "italic": "DejaVuSerif-Italic.ttf",
        "bolditalic": "DejaVuSerif-BoldItalic.ttf",
    },
    "dejavu_sans": {
        "regular": "DejaVuSans.ttf",
        "bold": "DejaVuSans-Bold.ttf",
        "italic": "DejaVuSans-Oblique.ttf",
        "bolditalic": "DejaVuSans-BoldOblique.ttf",
    },
}
_STYLE_FILES = FONT_FILES[DEFAULT_FONT]


def font_path(style: str, family: str = DEFAULT_FONT) -> Path:
    name = FONT_FILES[family][style]
    for d in _FONT_DIRS:
        if (d / name).is_file():
            return d / name
    raise FileNotFoundError(f"font {name} not found; install fonts-liberation2 and fonts-dejavu-core")


@lru_cache(maxsize=128)
def _font(style: str, size_px: float, family: str = DEFAULT_FONT) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(style, family)), size_px)


_MEASURE = 100.0  # measure at 100 px and scale: widths in points


def text_width(text: str, style: str, size_pt: float, family: str = DEFAULT_FONT) -> float:
    return float(_font(style, _MEASURE, family).getlength(text)) * size_pt / _MEASURE


# --------------------------------------------------------------------------------------------- vocabulary

# (province proper name, "tỉnh" | "thành phố", MST prefix)
PROVINCES: tuple[tuple[str, str, str], ...] = (
    ("Yên Bái", "tỉnh", "52"),
    ("Đà Nẵng", "thành phố", "04"),
    ("Hà Nội", "thành phố", "01"),
    ("Hồ Chí Minh", "thành phố", "03"),
    ("Hải Phòng", "thành phố", "02"),
    ("Cần Thơ", "thành phố", "18"),
    ("Quảng Ninh", "tỉnh", "57"),
    ("Thừa Thiên Huế", "tỉnh", "33"),
    ("Nghệ An", "tỉnh", "29"),
    ("Lào Cai", "tỉnh", "53"),
    ("Bắc Giang", "tỉnh", "24"),
    ("Khánh Hòa", "tỉnh", "42"),
    ("Lâm Đồng", "tỉnh", "58"),
    ("Đắk Lắk", "tỉnh", "60"),
    ("Bình Dương", "tỉnh", "37"),
    ("Đồng Nai", "tỉnh", "36"),
    ("Thanh Hóa", "tỉnh", "28"),
    ("Quảng Nam", "tỉnh", "40"),
    ("Phú Thọ", "tỉnh", "26"),
    ("Thái Nguyên", "tỉnh", "46"),
    ("Tuyên Quang", "tỉnh", "50"),
    ("Hà Giang", "tỉnh", "51"),
    ("Kiên Giang", "tỉnh", "17"),
    ("An Giang", "tỉnh", "16"),
    ("Bình Định", "tỉnh", "41"),
    ("Ninh Bình", "tỉnh", "27"),
)


@dataclass(frozen=True)
class Organ:
    name: str  # proper case, e.g. "Sở Khoa học và Công nghệ"
    abbr: str  # for the notation, e.g. "SKHCN"
    units: tuple[str, ...]  # units for công văn notations
    licences: tuple[str, ...]  # giấy phép subjects (proper case, after the type name)
    certificates: tuple[str, ...]  # giấy chứng nhận subjects
    activity: str  # what the licence permits, body text


ORGANS: tuple[Organ, ...] = (
    Organ(
        "Sở Khoa học và Công nghệ",
        "SKHCN",
        ("QLCN", "VP", "TTr", "KHTC"),
        ("Tiến hành công việc bức xạ",),
        ("Đăng ký hoạt động khoa học và công nghệ", "Đăng ký kết quả thực hiện nhiệm vụ khoa học"),
        "Sử dụng thiết bị X-quang chẩn đoán trong y tế",
    ),
    Organ(
        "Sở Y tế",
        "SYT",
        ("NVY", "VP", "TCCB", "KHTC"),
        ("Hoạt động khám bệnh, chữa bệnh", "Tiến hành công việc bức xạ"),
        ("Đủ điều kiện an toàn thực phẩm", "Cơ sở đủ điều kiện kinh doanh dược"),
        "Khám bệnh, chữa bệnh đa khoa theo phạm vi chuyên môn được phê duyệt",
    ),
    Organ(
        "Sở Công Thương",
        "SCT",
        ("QLTM", "VP", "KTAT"),
        ("Kinh doanh bán lẻ sản phẩm rượu", "Sử dụng vật liệu nổ công nghiệp"),
        ("Đủ điều kiện an toàn thực phẩm", "Đủ điều kiện cửa hàng bán lẻ xăng dầu"),
        "Kinh doanh bán lẻ tại các địa điểm đã đăng ký",
    ),
    Organ(
        "Sở Tài nguyên và Môi trường",
        "STNMT",
        ("QLĐĐ", "VP", "TNN", "MT"),
        ("Khai thác, sử dụng nước dưới đất", "Xả nước thải vào nguồn nước"),
        ("Quyền sử dụng đất, quyền sở hữu nhà ở",),
        "Khai thác nước dưới đất phục vụ sản xuất với lưu lượng 250 m3/ngày đêm",
    ),
    Organ(
        "Sở Xây dựng",
        "SXD",
        ("QLXD", "VP", "KTQH"),
        ("Xây dựng", "Hoạt động xây dựng"),
        ("Đủ điều kiện năng lực hoạt động xây dựng",),
        "Xây dựng công trình nhà xưởng theo hồ sơ thiết kế đã được thẩm định",
    ),
    Organ(
        "Sở Giáo dục và Đào tạo",
        "SGDĐT",
        ("CTrTT", "VP", "GDTrH", "KTKĐ"),
        ("Tổ chức hoạt động giáo dục kỹ năng sống",),
        ("Đăng ký hoạt động giáo dục nghề nghiệp",),
        "Tổ chức hoạt động giáo dục kỹ năng sống cho học sinh",
    ),
    Organ(
        "Sở Giao thông vận tải",
        "SGTVT",
        ("QLVT", "VP", "QLCL"),
        ("Kinh doanh vận tải bằng xe ô tô",),
        ("Cơ sở đủ điều kiện đào tạo lái xe",),
        "Kinh doanh vận tải hành khách theo hợp đồng",
    ),
    Organ(
        "Sở Kế hoạch và Đầu tư",
        "SKHĐT",
        ("ĐKKD", "VP", "KTĐN"),
        ("Thành lập văn phòng đại diện",),
        ("Đăng ký đầu tư", "Đăng ký doanh nghiệp"),
        "Thực hiện dự án đầu tư theo nội dung đã đăng ký",
    ),
    Organ(
        "Sở Văn hóa, Thể thao và Du lịch",
        "SVHTTDL",
        ("QLVH", "VP", "QLDL"),
        ("Kinh doanh dịch vụ lữ hành nội địa",),
        ("Cơ sở lưu trú du lịch đạt tiêu chuẩn",),
        "Kinh doanh dịch vụ lữ hành nội địa",
    ),
    Organ(
        "Sở Lao động - Thương binh và Xã hội",
        "SLĐTBXH",
        ("LĐVL", "VP", "BTXH"),
        ("Hoạt động dịch vụ việc làm",),
        ("Đăng ký hoạt động giáo dục nghề nghiệp",),
        "Hoạt động dịch vụ việc làm",
    ),
)

SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trịnh",
)
MIDDLE_M = ("Văn", "Hữu", "Đức", "Minh", "Quốc", "Xuân", "Công", "Thanh", "Mạnh", "Đình")
MIDDLE_F = ("Thị", "Ngọc", "Thu", "Thanh", "Minh", "Thùy", "Kim", "Phương")
GIVEN_M = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hải",
    "Hiếu",
    "Hùng",
    "Khánh",
    "Long",
    "Nam",
    "Phong",
    "Phúc",
    "Quân",
    "Sơn",
    "Thắng",
    "Trung",
    "Tuấn",
    "Việt",
    "Đạt",
    "Toàn",
    "Hưng",
    "Lâm",
)
GIVEN_F = (
    "Giang",
    "Hà",
    "Hạnh",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Nga",
    "Thảo",
    "Trang",
    "Yến",
    "Huyền",
    "Loan",
    "Nhung",
    "Oanh",
)
COMPANY_FORMS = ("Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV")
COMPANY_TRADES = (
    "Thiết bị Y tế",
    "Kỹ thuật",
    "Xây dựng",
    "Dược phẩm",
    "Thương mại và Dịch vụ",
    "Công nghệ",
    "Kiểm định",
    "Nha khoa",
    "Vận tải",
    "Môi trường",
    "Thực phẩm",
)
COMPANY_BRANDS = (
    "Hoàng Long",
    "Nam Việt",
    "Thành Đạt",
    "Minh Châu",
    "An Phát",
    "Sao Mai",
    "Phương Nam",
    "Tân Tiến",
    "Hòa Bình",
    "Đại Dương",
    "Trường Sơn",
    "Hưng Thịnh",
    "Bảo Minh",
    "Việt Úc",
)
STREETS = (
    "Nguyễn Trãi",
    "Lê Lợi",
    "Trần Phú",
    "Hoàng Văn Thụ",
    "Điện Biên Phủ",
    "Hùng Vương",
    "Lý Thường Kiệt",
    "Quang Trung",
    "Nguyễn Du",
    "Bạch Đằng",
)
CV_SUBJECTS = (
    "V/v triển khai thực hiện kế hoạch cải cách hành chính năm {y}",
    "V/v báo cáo tình hình thực hiện nhiệm vụ quý {q} năm {y}",
    "V/v đề nghị cung cấp thông tin phục vụ công tác thanh tra",
    "V/v hướng dẫn thực hiện thủ tục hành chính trên môi trường điện tử",
    "V/v tăng cường công tác phòng, chống dịch bệnh",
    "V/v góp ý dự thảo Quyết định ban hành quy chế phối hợp",
    "V/v số hóa kết quả giải quyết thủ tục hành chính",
)
LAWS = (
    "Căn cứ Luật Năng lượng nguyên tử ngày 03 tháng 6 năm 2008;",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Nghị định số 142/2020/NĐ-CP ngày 09 tháng 12 năm 2020 của Chính phủ quy định về việc tiến "
    "hành công việc bức xạ và hoạt động dịch vụ hỗ trợ ứng dụng năng lượng nguyên tử;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
    "Căn cứ Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ hướng dẫn thể thức và kỹ thuật "
    "trình bày văn bản hành chính;",
    "Căn cứ Quyết định số 12/2019/QĐ-UBND ngày 22 tháng 4 năm 2019 của Ủy ban nhân dân tỉnh quy định "
    "chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở;",
)
FILLER = (
    "Tổ chức, cá nhân có trách nhiệm thực hiện đúng các quy định của pháp luật hiện hành, báo cáo "
    "định kỳ kết quả thực hiện với cơ quan cấp phép và chịu sự kiểm tra, thanh tra "
    "của cơ quan nhà nước có thẩm quyền.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các đơn vị phản ánh kịp thời về Sở để "
    "được hướng dẫn, giải quyết theo thẩm quyền hoặc tổng hợp báo cáo cấp có thẩm quyền xem xét.",
    "Các đơn vị lưu trữ đầy đủ hồ sơ, tài liệu liên quan và cung cấp thông tin khi có yêu cầu của cơ quan "
    "quản lý; bảo đảm an toàn, an ninh thông tin trong quá trình số hóa và khai thác dữ liệu.",
    "Việc tổ chức thực hiện phải bảo đảm tiết kiệm, hiệu quả, đúng tiến độ, không gây phiền hà cho tổ chức, "
    "công dân và doanh nghiệp trên địa bàn tỉnh.",
)


def _upper(text: str) -> str:
    return nfc(text.upper())


# --------------------------------------------------------------------------------------------- content


@dataclass(frozen=True)
class Content:
    """What a document says, before layout."""

    kind: str
    fields: dict[str, str | None]
    header_left: tuple[str, ...]  # upper-case lines; organ line(s) bold
    parent_lines: int  # how many of header_left are the (regular weight) parent organ
    number_line: str
    vv_lines: tuple[str, ...]  # công văn only: trích yếu under the number
    date_line: str
    type_line: str | None  # "QUYẾT ĐỊNH" ... (None for công văn)
    subject_lines: tuple[str, ...]  # under the type name (bold)
    body: tuple[tuple[str, str], ...]  # (style, paragraph); style "center-bold" / "para" / "plain"
    recipients: tuple[str, ...]
    signer_lines: tuple[str, ...]  # bold upper lines above the signature
    signer_name: str


def _date_words(d: dt.date) -> str:
    day = f"{d.day:02d}" if d.day < 10 else str(d.day)
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {day} tháng {month} năm {d.year}"


def person_name(rng: random.Random) -> str:
    """A plausible Vietnamese full name (NFC)."""
    if rng.random() < 0.65:
        return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"


def _company(rng: random.Random) -> str:
    return f"{rng.choice(COMPANY_FORMS)} {rng.choice(COMPANY_TRADES)} {rng.choice(COMPANY_BRANDS)}"


_MST_WEIGHTS = (
    31,
    29,
    23,
    19,
    17,
    13,
    7,
    5,
    3,
)  # Circular 105/2020/TT-BTC: the 10th digit checks the first 9


def with_check_digit(ten: str) -> str:
    """A 10-digit tax code whose last digit is its check digit (the 9th nudged when no digit would do)."""
    head = ten[:9]
    while True:
        rest = 10 - sum(w * int(d) for w, d in zip(_MST_WEIGHTS, head, strict=True)) % 11
        if rest < 10:
            return head + str(rest)
        head = head[:8] + str((int(head[8]) + 1) % 10)


def _tax_code(rng: random.Random, prefix: str) -> str:
    base = with_check_digit(prefix + "".join(str(rng.randrange(10)) for _ in range(8)))
    if rng.random() < 0.15:
        return f"{base}-{rng.randrange(1, 20):03d}"
    return base


# the province codes that open a citizen identity number (Circular 07/2016/TT-BCA, the 63 provinces)
_CCCD_TEXT = (
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 "
    "040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 "
    "083 084 086 087 089 091 092 093 094 095 096"
)
_CCCD_CODES = tuple(sorted(_CCCD_TEXT.split()))


def province_code(drawn: int) -> str:
    """The province code for a number drawn in 1..95: itself when it is one, else the next one up (no code
    is drawn that no province has: "003", "005", "013" … are no province's)."""
    return next((c for c in _CCCD_CODES if int(c) >= drawn), _CCCD_CODES[0])


def cccd(rng: random.Random) -> str:
    """A citizen identity number: a real province code, a century/sex digit, 8 digits (the draws as before,
    so a document whose code was already a province's is unchanged)."""
    return (
        province_code(rng.randrange(1, 96))
        + str(rng.randrange(2))
        + "".join(str(rng.randrange(10)) for _ in range(8))
    )


def make_content(kind: str, seed: int, extra_paragraphs: int = 0) -> Content:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    rng = random.Random(f"{kind}:{seed}")
    province, level, mst_prefix = rng.choice(PROVINCES)
    organ = rng.choice(ORGANS)
    issued = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(0, 7 * 365))
    number = str(rng.choice((rng.randrange(1, 100), rng.randrange(100, 1000), rng.randrange(1000, 3000))))
    by_ubnd = kind == "quyet_dinh" and rng.random() < 0.25

    if by_ubnd:
        organ_name = f"Ủy ban nhân dân {level} {province}"
        parent = None
        header_left: tuple[str, ...] = ("ỦY BAN NHÂN DÂN", _upper(f"{level} {province}"))
        parent_lines = 0
    else:
        organ_name = organ.name
        parent = f"UBND {level} {province}"
        parent_lines = 1
        organ_up = _upper(organ.name)
        if text_width(organ_up, "bold", 12.5) > 215:
            words = organ_up.split()
            cut = len(words) // 2 + 1
            organ_lines: tuple[str, ...] = (" ".join(words[:cut]), " ".join(words[cut:]))
        else:
            organ_lines = (organ_up,)
        header_left = (_upper(parent), *organ_lines)

    abbr = "UBND" if by_ubnd else organ.abbr
    holder_is_person = kind == "giay_chung_nhan" and rng.random() < 0.3
    if holder_is_person:
        holder_name: str | None = person_name(rng)
        holder_id: str | None = cccd(rng)
    else:
        holder_name = _company(rng)
        holder_id = _tax_code(rng, mst_prefix)
    address = f"Số {rng.randrange(1, 300)}, đường {rng.choice(STREETS)}, {level} {province}"
    if level == "tỉnh":
        street = f"Số {rng.randrange(1, 300)}, đường {rng.choice(STREETS)}"
        address = f"{street}, thành phố {province}, tỉnh {province}"

    valid_from: str | None = None
    valid_until: str | None = None
    body: list[tuple[str, str]] = []
    vv_lines: tuple[str, ...] = ()
    type_line: str | None
    subject_lines: tuple[str, ...]
    recipients: tuple[str, ...]
    director = "GIÁM ĐỐC " + _upper(organ.name)
    laws = rng.sample(LAWS, 3)

    if kind == "quyet_dinh":
        type_name = "Quyết định"
        type_line = "QUYẾT ĐỊNH"
        notation = f"QĐ-{abbr}"
        licence = rng.choice(
            organ.licences + tuple("Giấy chứng nhận " + c.lower() for c in organ.certificates)
        )
        if not licence.startswith("Giấy chứng nhận"):
            licence = "Giấy phép " + licence[0].lower() + licence[1:]
        verb = rng.choice(("cấp", "gia hạn", "cấp lại"))
        subject = f"Về việc {verb} {licence} cho {holder_name}"
        subject_lines = tuple(_wrap(subject, "bold", 14, 400))
        body.append(
            (
                "center-bold",
                "CHỦ TỊCH ỦY BAN NHÂN DÂN " + _upper(f"{level} {province}") if by_ubnd else director,
            )
        )
        body.extend(("para", law) for law in laws)
        body.append(
            (
                "para",
                f"Xét hồ sơ đề nghị của {holder_name} ngày "
                f"{(issued - dt.timedelta(days=rng.randrange(10, 40))).strftime('%d/%m/%Y')};",
            )
        )
        body.append(("para", "Theo đề nghị của Trưởng phòng Quản lý chuyên ngành."))
        body.append(("center-bold", "QUYẾT ĐỊNH:"))
        body.append(
            (
                "para",
                f"Điều 1. {verb.capitalize()} {licence} cho {holder_name}, mã số thuế: "
                f"{holder_id}, địa chỉ: {address}.",
            )
        )
        if rng.random() < 0.5:
            until = issued.replace(year=issued.year + rng.choice((2, 3, 5)), day=min(issued.day, 28))
            valid_until = until.isoformat()
            body.append(
                (
                    "para",
                    f"Điều 2. Quyết định này có hiệu lực kể từ ngày ký và có hiệu lực đến "
                    f"{_date_words(until)}.",
                )
            )
        else:
            body.append(("para", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."))
        valid_from = issued.isoformat()
        body.append(
            (
                "para",
                "Điều 3. Chánh Văn phòng, Trưởng các phòng chuyên môn và "
                f"{holder_name} chịu trách nhiệm thi hành Quyết định này./.",
            )
        )
        recipients = ("- Như Điều 3;", "- Cục An toàn bức xạ và hạt nhân (b/c);", "- Lưu: VT, QLCN.")
    elif kind == "giay_phep":
        type_name = "Giấy phép"
        type_line = "GIẤY PHÉP"
        notation = f"GP-{abbr}"
        subject = rng.choice(organ.licences)
        subject_lines = (_upper(subject),)
        body.append(("center-bold", director))
        body.extend(("para", law) for law in laws[:2])
        body.append(("para", f"Xét hồ sơ đề nghị cấp giấy phép của {holder_name},"))
        body.append(("center-bold", "CẤP PHÉP:"))
        body.append(("plain", f"Tên tổ chức: {holder_name}"))
        body.append(("plain", f"Địa chỉ: {address}"))
        body.append(("plain", f"Mã số thuế: {holder_id}"))
        body.append(("plain", f"Được phép: {organ.activity}."))
        until = issued.replace(year=issued.year + rng.choice((1, 2, 3, 5)), day=min(issued.day, 28))
        valid_until = until.isoformat()
        if rng.random() < 0.5:
            valid_from = issued.isoformat()
            body.append(
                ("para", f"Giấy phép này có hiệu lực kể từ ngày ký và có hiệu lực đến {_date_words(until)}.")
            )
        else:
            body.append(("para", f"Giấy phép có hiệu lực đến {_date_words(until)}."))
        recipients = ("- Như trên;", "- Lưu: VT, " + organ.units[0] + ".")
    elif kind == "giay_chung_nhan":
        type_name = "Giấy chứng nhận"
        type_line = "GIẤY CHỨNG NHẬN"
        notation = f"GCN-{abbr}"
        subject = rng.choice(organ.certificates)
        subject_lines = tuple(_wrap(_upper(subject), "bold", 14, 420))
        body.append(("center-bold", director))
        body.append(("para", "CHỨNG NHẬN:"))
        if holder_is_person:
            body.append(("plain", f"Ông/Bà: {holder_name}"))
            body.append(("plain", f"Số căn cước công dân: {holder_id}"))
        else:
            body.append(("plain", f"Cơ sở: {holder_name}"))
            body.append(("plain", f"Mã số doanh nghiệp/Mã số thuế: {holder_id}"))
        body.append(("plain", f"Địa chỉ: {address}"))
        body.append(("plain", f"Đủ điều kiện: {subject[0].lower() + subject[1:]}."))
        until = issued.replace(year=issued.year + rng.choice((3, 5)), day=min(issued.day, 28))
        valid_until = until.isoformat()
        style = rng.randrange(3)
        if style == 0:
            valid_from = issued.isoformat()
            body.append(
                ("para", f"Giấy chứng nhận có hiệu lực kể từ ngày ký và có giá trị đến {_date_words(until)}.")
            )
        elif style == 1:
            body.append(("para", f"Giấy chứng nhận có giá trị đến ngày {until.strftime('%d/%m/%Y')}."))
        else:
            start = issued + dt.timedelta(days=rng.randrange(1, 20))
            valid_from = start.isoformat()
            body.append(
                ("para", f"Giấy chứng nhận có hiệu lực từ {_date_words(start)} đến {_date_words(until)}.")
            )
        recipients = ("- Như trên;", "- Lưu: VT.")
    else:  # cong_van
        type_name = "Công văn"
        type_line = None
        subject_lines = ()
        unit = rng.choice(organ.units)
        notation = f"{abbr}-{unit}"
        subject = rng.choice(CV_SUBJECTS).format(y=issued.year, q=rng.choice(("I", "II", "III", "IV")))
        vv_lines = tuple(_wrap(subject, "regular", 12, 205))
        holder_name = None
        holder_id = None
        body.append(("center", "Kính gửi: Các cơ quan, đơn vị trên địa bàn " + f"{level} {province}."))
        body.append(
            (
                "para",
                f"Thực hiện chỉ đạo của Ủy ban nhân dân {level} tại Công văn số "
                f"{rng.randrange(100, 5000)}/UBND-VP ngày "
                f"{(issued - dt.timedelta(days=rng.randrange(3, 30))).strftime('%d/%m/%Y')}, "
                f"{organ.name} đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:",
            )
        )
        body.append(("para", "1. " + rng.choice(FILLER)))
        body.append(("para", "2. " + rng.choice(FILLER)))
        body.append(
            (
                "para",
                f"Mọi thông tin chi tiết xin liên hệ {organ.name}, điện thoại "
                f"0{rng.randrange(200, 300)} {rng.randrange(1000000, 9999999)}./.",
            )
        )
        recipients = ("- Như trên;", "- UBND " + f"{level} {province} (b/c);", "- Lưu: VT, " + unit + ".")

    for i in range(extra_paragraphs):
        body.insert(len(body) - 1, ("para", FILLER[(seed + i) % len(FILLER)]))

    # signer
    signer = person_name(rng)
    if by_ubnd:
        if rng.random() < 0.5:
            signer_lines: tuple[str, ...] = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
            title = "Chủ tịch"
        else:
            signer_lines = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
            title = "Phó Chủ tịch"
    else:
        r = rng.random()
        if r < 0.35:
            signer_lines, title = ("GIÁM ĐỐC",), "Giám đốc"
        elif r < 0.85 or kind != "cong_van":
            signer_lines, title = ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "Phó Giám đốc"
        else:
            signer_lines, title = ("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"), "Chánh Văn phòng"

    code_number = number
    code_notation = notation
    number_line = f"Số: {code_number}/{notation}"

    fields: dict[str, str | None] = {
        "type_name": type_name,
        "code_number": code_number,
        "code_notation": code_notation,
        "issued_date": issued.isoformat(),
        "organ_name": organ_name,
        "parent_organ": parent,
        "place": province,
        # a licence's or certificate's subject is its full title (CONTRACT): type words + the heading
        "subject": f"{type_name} {subject[0].lower()}{subject[1:]}"
        if kind in ("giay_phep", "giay_chung_nhan")
        else subject.removeprefix("V/v "),  # a công văn's subject is the text after "V/v" (CONTRACT)
        "signer_name": signer,
        "signer_title": title,
        "holder_name": holder_name,
        "holder_id": holder_id,
        "valid_from": valid_from,
        "valid_until": valid_until,
    }
    fields = {k: (nfc(v) if v is not None else None) for k, v in fields.items()}
    return Content(
        kind=kind,
        fields=fields,
        header_left=header_left,
        parent_lines=parent_lines,
        number_line=number_line,
        vv_lines=vv_lines,
        date_line=f"{province}, {_date_words(issued)}",
        type_line=type_line,
        subject_lines=subject_lines,
        body=tuple(body),
        recipients=recipients,
        signer_lines=signer_lines,
        signer_name=signer,
    )


def _wrap(
    text: str, style: str, size: float, width: float, indent: float = 0.0, font: str = DEFAULT_FONT
) -> list[str]:
    words = text.split()
    lines: list[str] = []
    cur = ""
    avail = width - indent
    for w in words:
        cand = f"{cur} {w}" if cur else w
        if text_width(cand, style, size, font) <= avail or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = w
            avail = width
    if cur:
        lines.append(cur)
    return lines


# --------------------------------------------------------------------------------------------- layout

PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 85.0, 45.0, 50.0, 55.0
LEFT_COL = (45.0, 270.0)
RIGHT_COL = (250.0, 580.0)
BODY_SIZE = 13.5


@dataclass(frozen=True)
class Run:
    x: float  # left, points
    y: float  # baseline, points
    text: str
    style: str
    size: float
    font: str = DEFAULT_FONT


@dataclass(frozen=True)
class Rule:
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Graphic:
    kind: str  # "signature" | "seal" | "hand" (handwritten digits) | "stamp" (the ĐẾN box)
    x: float
    y: float
    w: float
    h: float
    seed: int
    label: str = ""  # seal: text around; hand: the digits; stamp: "số|ngày|chuyển"
    strength: float = 1.0  # ink: 1 = as stamped, lower = faint


@dataclass
class PageLayout:
    runs: list[Run] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    graphics: list[Graphic] = field(default_factory=list)


@dataclass
class Layout:
    pages: list[PageLayout]
    text_lines: list[list[str]]  # per page, reading order


@dataclass(frozen=True)
class Look:
    """How a document is laid out and marked (the fixed generator's look by default)."""

    font: str = DEFAULT_FONT
    margins: tuple[float, float, float, float] = (MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B)
    seal: Seal = Seal.OVER_NAME
    handwritten: bool = False  # number and day/month by hand into printed blanks
    stamp: str | None = None  # "ĐẾN" stamp: "số|ngày|chuyển" (None: no stamp)
    tail: Tail = Tail.NONE
    tail_names: tuple[str, ...] = ()  # people an annex names (none of them the signer)


def _centered(
    page: PageLayout,
    text: str,
    style: str,
    size: float,
    col: tuple[float, float],
    y: float,
    font: str = DEFAULT_FONT,
) -> Run:
    w = text_width(text, style, size, font)
    run = Run((col[0] + col[1]) / 2 - w / 2, y, text, style, size, font)
    page.runs.append(run)
    return run


def _centered_pieces(
    page: PageLayout,
    pieces: Sequence[tuple[str, float]],
    style: str,
    size: float,
    col: tuple[float, float],
    y: float,
    font: str,
) -> list[tuple[float, float]]:
    """A centred line of printed pieces, each followed by a blank of the given width (points); returns the
    (x, width) of each blank, where a hand writes."""
    total = sum(text_width(t, style, size, font) + gap for t, gap in pieces)
    x = (col[0] + col[1]) / 2 - total / 2
    blanks = []
    for t, gap in pieces:
        if t:
            page.runs.append(Run(x, y, t, style, size, font))
        x += text_width(t, style, size, font)
        if gap:
            blanks.append((x, gap))
        x += gap
    return blanks


MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
HEADER_SIZE = 12.5


def header_columns(m_l: float, m_r: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """The header's left (organ) and right (motto) columns for the page margins: they follow the left margin a
    little, and overlap in the middle (each line is centred in its own column)."""
    dx = (m_l - MARGIN_L) * 0.4
    return (LEFT_COL[0] + dx, LEFT_COL[1] + dx), (
        RIGHT_COL[0] + dx * 0.3,
        RIGHT_COL[1] - (m_r - MARGIN_R) * 0.5,
    )


def header_left_width(font: str, margins: tuple[float, float, float, float], widest: float) -> float:
    """How wide (at most ``widest``) a left-header line may be wrapped so that, centred in its column, it
    stays clear of the motto beside it: a real header is a table of two cells, whose texts never touch (a
    wide font under wide margins had "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN" run into "CỘNG HÒA")."""
    (l0, l1), (r0, r1) = header_columns(margins[0], margins[1])
    motto_left = (r0 + r1) / 2 - text_width(MOTTO[0], "bold", HEADER_SIZE, font) / 2
    return min(widest, 2 * (motto_left - 10.0 - (l0 + l1) / 2))


def layout(content: Content, seed: int, look: Look | None = None) -> Layout:
    lk = look or Look()
    fnt = lk.font
    m_l, m_r, m_t, m_b = lk.margins
    left_col, right_col = header_columns(m_l, m_r)
    pages = [PageLayout()]
    text: list[list[str]] = [[]]
    page = pages[0]
    lines = text[0]
    hs = HEADER_SIZE
    lead = 1.25
    hand_rng = random.Random(f"hand:{seed}")

    # header, left column
    y = m_t + hs
    for i, line in enumerate(content.header_left):
        style = "regular" if i < content.parent_lines else "bold"
        run = _centered(page, line, style, hs, left_col, y, fnt)
        lines.append(line)
        last = run
        y += hs * lead
    # short rule under the organ name
    cx = (left_col[0] + left_col[1]) / 2
    half = min(text_width(last.text, "bold", hs, fnt), 180) / 3
    ry = last.y + hs * 0.5
    page.rules.append(Rule(cx - half, ry, cx + half, ry))
    y += 8
    number = content.fields["code_number"] or ""
    if lk.handwritten and content.number_line.startswith("Số: " + number + "/"):
        rest = content.number_line[len("Số: " + number) :]
        gap = 34.0 + 7.0 * len(number)
        (bx, bw), *_ = _centered_pieces(page, (("Số:", gap), (rest, 0.0)), "regular", 13, left_col, y, fnt)
        page.graphics.append(Graphic("hand", bx + 3, y - 19, bw - 6, 24, hand_rng.randrange(10**6), number))
    else:
        _centered(page, content.number_line, "regular", 13, left_col, y, fnt)
    lines.append(content.number_line)
    y += 13 * lead
    for vv in content.vv_lines:
        _centered(page, vv, "regular", 12, left_col, y, fnt)
        lines.append(vv)
        y += 12 * lead
    left_bottom = y

    # header, right column
    y = m_t + hs
    motto1, motto2 = MOTTO
    _centered(page, motto1, "bold", hs, right_col, y, fnt)
    y += hs * lead
    r2 = _centered(page, motto2, "bold", 13, right_col, y, fnt)
    page.rules.append(Rule(r2.x, y + 3, r2.x + text_width(motto2, "bold", 13, fnt), y + 3))
    y += 13 * lead + 8
    issued = content.fields["issued_date"]
    dm = re.fullmatch(r"(.*), ngày (\d+) tháng (\d+) năm (\d{4})", content.date_line)
    if lk.handwritten and dm and issued:
        place, _day, _month, year = dm.groups()
        iso = dt.date.fromisoformat(issued)
        blanks = _centered_pieces(
            page,
            ((f"{place}, ngày", 30.0), ("tháng", 28.0), (f"năm {year}", 0.0)),
            "italic",
            13,
            right_col,
            y,
            fnt,
        )
        for (bx, bw), value in zip(blanks, (str(iso.day), str(iso.month)), strict=False):
            page.graphics.append(
                Graphic("hand", bx + 2, y - 19, bw - 4, 24, hand_rng.randrange(10**6), value)
            )
    else:
        _centered(page, content.date_line, "italic", 13, right_col, y, fnt)
    lines.extend([motto1, motto2, content.date_line])
    y = max(y + 13 * lead, left_bottom) + 18
    header_bottom = y

    # type name and subject
    body_w = (m_l, PAGE_W - m_r)
    if content.type_line:
        _centered(page, content.type_line, "bold", 14, body_w, y, fnt)
        lines.append(content.type_line)
        y += 14 * lead
        for s in content.subject_lines:
            _centered(page, s, "bold", 14, body_w, y, fnt)
            lines.append(s)
            y += 14 * lead
        # short rule under the subject
        cx = (body_w[0] + body_w[1]) / 2
        ry = y - 14 * lead + 14 * 0.55
        page.rules.append(Rule(cx - 50, ry, cx + 50, ry))
        y += 4
    y += 14

    if lk.stamp:
        srng = random.Random(f"stamp:{seed}")
        sw, sh = 150.0, 72.0
        # below the header, clear of the number and the date (a clerk stamps where there is room), over
        # the start or the end of the type name and subject lines
        if srng.random() < 0.5:
            sx = left_col[0] + srng.uniform(0, 25)
        else:
            sx = right_col[1] - sw - srng.uniform(0, 40)
        sy = header_bottom - 14 + srng.uniform(0, 10)
        page.graphics.append(Graphic("stamp", sx, sy, sw, sh, srng.randrange(10**6), lk.stamp))

    size = BODY_SIZE
    indent = 28.0
    width = body_w[1] - body_w[0]

    def newpage() -> None:
        nonlocal page, lines, y
        page = PageLayout()
        pages.append(page)
        lines = []
        text.append(lines)
        y = m_t + size
        no = str(len(pages))
        _centered(page, no, "regular", 13, body_w, y, fnt)
        lines.append(no)
        y += 13 * lead + 10

    for style, para in content.body:
        if style in ("center-bold", "center"):
            st = "bold" if style == "center-bold" else "regular"
            wrapped = _wrap(para, st, size, width, font=fnt)
            for ln in wrapped:
                if y > PAGE_H - m_b:
                    newpage()
                _centered(page, ln, st, size, body_w, y, fnt)
                lines.append(ln)
                y += size * lead
            y += 4
            continue
        ind = indent
        wrapped = _wrap(para, "regular", size, width, indent=ind, font=fnt)
        for k, ln in enumerate(wrapped):
            if y > PAGE_H - m_b:
                newpage()
            x = body_w[0] + (ind if k == 0 else 0)
            page.runs.append(Run(x, y, ln, "regular", size, fnt))
            lines.append(ln)
            y += size * lead
        y += 4

    # closing: needs ~190 pt
    n_signer = len(content.signer_lines)
    if y + 190 + 16 * max(0, n_signer - 3) > PAGE_H - m_b + 20:
        newpage()
    y += 10
    top = y
    # Nơi nhận (left)
    ny = top
    page.runs.append(Run(body_w[0] - 20, ny, "Nơi nhận:", "bolditalic", 12, fnt))
    lines.append("Nơi nhận:")
    ny += 12 * lead
    for rec in content.recipients:
        page.runs.append(Run(body_w[0] - 20, ny, rec, "regular", 11, fnt))
        lines.append(rec)
        ny += 11 * lead
    # signer block (right)
    sig_col = (PAGE_W - m_r - 240, PAGE_W - m_r)
    sy = top
    for sl in content.signer_lines:
        _centered(page, sl, "bold", 13, sig_col, sy, fnt)
        lines.append(sl)
        sy += 13 * lead
    name_y = sy + 95
    name_run = _centered(page, content.signer_name, "bold", 13.5, sig_col, name_y, fnt)
    lines.append(content.signer_name)
    cx = (sig_col[0] + sig_col[1]) / 2
    page.graphics.append(Graphic("signature", cx - 55, sy + 5, 130, 70, seed))
    seal_d = 112.0
    if lk.seal is Seal.BESIDE:  # left of the signature, its rim clear of the name
        sx = min(name_run.x, cx - 55) - seal_d - 4
        seal_y = name_y - seal_d - 16
        strength = 1.0
    else:  # centred left of the signature, its lower rim over the left part of the name
        sx = min(name_run.x - seal_d * 0.45, cx - seal_d * 0.85)
        seal_y = name_y - seal_d + 10
        strength = 0.4 if lk.seal is Seal.FAINT else 1.0
    page.graphics.append(Graphic("seal", sx, seal_y, seal_d, seal_d, seed, "seal", strength))

    if lk.tail is not Tail.NONE:
        _tail_page(content, seed, lk, pages, text, body_w)
    return Layout(pages, text)


def _tail_page(
    content: Content,
    seed: int,
    lk: Look,
    pages: list[PageLayout],
    text: list[list[str]],
    body_w: tuple[float, float],
) -> None:
    """A page after the signed one: an annex, a blank page with a faint seal, or an unsigned "Nơi nhận"."""
    rng = random.Random(f"tail:{seed}")
    page = PageLayout()
    lines: list[str] = []
    fnt = lk.font
    m_t = lk.margins[2]
    if lk.tail is Tail.BLANK_SEAL:  # nothing but a faint seal (stamped through, or a page seal)
        d = 112.0
        page.graphics.append(
            Graphic(
                "seal",
                rng.uniform(body_w[0], body_w[1] - d),
                rng.uniform(120, 560),
                d,
                d,
                seed + 1,
                "seal",
                rng.uniform(0.25, 0.45),
            )
        )
    elif lk.tail is Tail.RECEIPT:  # the recipients' list carried over, nobody signs here
        y = m_t + 40
        page.runs.append(Run(body_w[0] - 20, y, "Nơi nhận:", "bolditalic", 12, fnt))
        lines.append("Nơi nhận:")
        y += 15
        extra = (
            "- Văn phòng Tỉnh ủy;",
            "- Ủy ban Mặt trận Tổ quốc;",
            "- Các sở, ban, ngành;",
            "- UBND các huyện, thị xã, thành phố;",
            "- Cổng thông tin điện tử;",
            "- Lưu: VT.",
        )
        for rec in extra[: rng.randrange(3, len(extra) + 1)]:
            page.runs.append(Run(body_w[0] - 20, y, rec, "regular", 11, fnt))
            lines.append(rec)
            y += 13.75
    else:  # annex
        y = m_t + 12.5
        organ = _upper(content.fields["organ_name"] or "")
        for ln in _wrap(organ, "bold", 12.5, 215, font=fnt)[:2]:
            _centered(page, ln, "bold", 12.5, LEFT_COL, y, fnt)
            lines.append(ln)
            y += 15.6
        y += 40
        _centered(page, "PHỤ LỤC", "bold", 14, body_w, y, fnt)
        lines.append("PHỤ LỤC")
        y += 18
        ref_type = content.fields["type_name"] or "Quyết định"
        issued = dt.date.fromisoformat(content.fields["issued_date"] or "2021-01-01")
        ref = (
            f"(Kèm theo {ref_type} số {content.fields['code_number']}/{content.fields['code_notation']} "
            f"{_date_words(issued)} của {content.fields['organ_name']})"
        )
        for ln in _wrap(ref, "italic", 13, body_w[1] - body_w[0], font=fnt):
            _centered(page, ln, "italic", 13, body_w, y, fnt)
            lines.append(ln)
            y += 16
        y += 20
        items = ("Trưởng nhóm", "Thành viên", "Thư ký", "Cán bộ phụ trách")
        for k, name in enumerate(lk.tail_names):
            ln = f"{k + 1}. Ông/Bà {name}, {rng.choice(items)}"
            page.runs.append(Run(body_w[0], y, ln, "regular", BODY_SIZE, fnt))
            lines.append(ln)
            y += BODY_SIZE * 1.6
        # the annex's own closing: a title and a name, no signature (a draft that names someone else)
        if lk.tail_names:
            sig_col = (PAGE_W - lk.margins[1] - 240, PAGE_W - lk.margins[1])
            y += 30
            _centered(page, "NGƯỜI LẬP DANH SÁCH", "bold", 13, sig_col, y, fnt)
            lines.append("NGƯỜI LẬP DANH SÁCH")
            _centered(page, lk.tail_names[0], "bold", 13.5, sig_col, y + 70, fnt)
            lines.append(lk.tail_names[0])
    pages.append(page)
    text.append(lines)


# --------------------------------------------------------------------------------------------- graphics


def make_signature(seed: int, w_px: int, h_px: int) -> Image.Image:
    """A blue pen scribble on a transparent background."""
    rng = random.Random(f"sig:{seed}")
    img = Image.new("RGBA", (w_px, h_px), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    n = 90
    pts: list[tuple[float, float]] = []
    x, yv = 0.08 * w_px, 0.6 * h_px
    vx, vy = 0.0, 0.0
    for i in range(n):
        t = i / n
        target_x = (0.08 + 0.84 * t) * w_px
        loop = math.sin(t * math.pi * rng.uniform(5, 9)) * 0.28 * h_px
        target_y = 0.5 * h_px + loop + rng.uniform(-0.1, 0.1) * h_px
        vx = 0.6 * vx + 0.4 * (target_x - x)
        vy = 0.6 * vy + 0.4 * (target_y - yv)
        x, yv = x + vx, yv + vy
        pts.append((x, yv))
    width = max(2, round(w_px / 130))
    colour = (25, 45, 165, 235)
    d.line(pts, fill=colour, width=width, joint="curve")
    # a flourish underline
    y0 = 0.82 * h_px
    d.line(
        [(0.15 * w_px, y0), (0.5 * w_px, y0 + 0.05 * h_px), (0.9 * w_px, y0 - 0.1 * h_px)],
        fill=colour,
        width=width,
        joint="curve",
    )
    return img


def make_seal(seed: int, d_px: int, label: str) -> Image.Image:
    """A red round seal (two rings, text around, a star in the middle) on a transparent background."""
    red = (205, 28, 38)
    img = Image.new("RGBA", (d_px, d_px), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    lw = max(2, d_px // 55)
    draw.ellipse((lw, lw, d_px - lw, d_px - lw), outline=(*red, 210), width=lw * 2)
    inner = int(d_px * 0.2)
    draw.ellipse((inner, inner, d_px - inner, d_px - inner), outline=(*red, 210), width=lw)
    c = d_px / 2
    # star
    r1, r2 = d_px * 0.12, d_px * 0.05
    star = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        r = r1 if k % 2 == 0 else r2
        star.append((c + r * math.cos(a), c + r * math.sin(a)))
    draw.polygon(star, fill=(*red, 210))
    # text around
    label = label or "CƠ QUAN NHÀ NƯỚC"
    chars = list(label + " ★ ")
    fsize = d_px * 0.085
    font = _font("bold", fsize)
    radius = d_px / 2 - lw * 2 - fsize * 0.9
    n = len(chars)
    for i, ch in enumerate(chars):
        if ch.strip() == "" or ch == "★":
            continue
        ang = -math.pi / 2 + 2 * math.pi * i / n - math.pi * 0.9
        tile = Image.new("RGBA", (int(fsize * 1.6), int(fsize * 1.6)), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text(
            (tile.width / 2, tile.height / 2), ch, font=font, fill=(*red, 220), anchor="mm"
        )
        tile = tile.rotate(-math.degrees(ang) - 90, resample=Image.Resampling.BILINEAR)
        px = c + radius * math.cos(ang) - tile.width / 2
        py = c + radius * math.sin(ang) - tile.height / 2
        img.alpha_composite(tile, (int(px), int(py)))
    rng = random.Random(f"seal:{seed}")
    # uneven ink: fade random patches
    arr = np.array(img)
    yy, xx = np.mgrid[0:d_px, 0:d_px]
    fade = np.ones((d_px, d_px), dtype=np.float32)
    for _ in range(4):
        fx, fy = rng.uniform(0, d_px), rng.uniform(0, d_px)
        fr = rng.uniform(0.2, 0.45) * d_px
        fade *= 1 - 0.45 * np.exp(-((xx - fx) ** 2 + (yy - fy) ** 2) / (2 * fr * fr))
    arr[..., 3] = (arr[..., 3].astype(np.float32) * fade).astype(np.uint8)
    return Image.fromarray(arr, "RGBA")


def _multiply(page: np.ndarray, overlay: Image.Image, x: int, y: int) -> None:
    """Ink over ink: multiply the RGBA overlay onto the RGB page array in place."""
    ov = np.asarray(overlay, dtype=np.float32) / 255.0
    h, w = ov.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(page.shape[1], x + w), min(page.shape[0], y + h)
    if x1 <= x0 or y1 <= y0:
        return
    sub = ov[y0 - y : y1 - y, x0 - x : x1 - x]
    alpha = sub[..., 3:4]
    factor = 1.0 - alpha * (1.0 - sub[..., :3])
    region = page[y0:y1, x0:x1].astype(np.float32) * factor
    page[y0:y1, x0:x1] = np.clip(region, 0, 255).astype(np.uint8)


def render_page(pl: PageLayout, dpi: int = 300) -> Image.Image:
    s = dpi / 72.0
    img = Image.new("RGB", (round(PAGE_W * s), round(PAGE_H * s)), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    ink = (18, 18, 22)
    for r in pl.runs:
        draw.text((r.x * s, r.y * s), r.text, font=_font(r.style, r.size * s, r.font), fill=ink, anchor="ls")
    for ru in pl.rules:
        draw.line([(ru.x0 * s, ru.y0 * s), (ru.x1 * s, ru.y1 * s)], fill=ink, width=max(1, round(0.8 * s)))
    arr = np.array(img)
    order = {"hand": 0, "signature": 1, "stamp": 2, "seal": 3}
    for g in sorted(pl.graphics, key=lambda g: order.get(g.kind, 9)):
        if g.kind == "signature":
            ov = make_signature(g.seed, round(g.w * s), round(g.h * s))
        elif g.kind == "hand":
            from samples.marks import handwritten_digits

            ov = handwritten_digits(g.label, g.seed, round(g.w * s), round(g.h * s))
        elif g.kind == "stamp":
            from samples.marks import incoming_stamp

            ov = incoming_stamp(g.label, g.seed, round(g.w * s), round(g.h * s))
        else:
            ov = make_seal(g.seed, round(g.w * s), g.label)
        if g.strength != 1.0:
            a = np.asarray(ov).copy()
            a[..., 3] = (a[..., 3].astype(np.float32) * g.strength).astype(np.uint8)
            ov = Image.fromarray(a, "RGBA")
        _multiply(arr, ov, round(g.x * s), round(g.y * s))
    out = Image.fromarray(arr, "RGB")
    out.info["dpi"] = (dpi, dpi)
    return out


def _seal_label(content: Content) -> str:
    organ = content.fields["organ_name"] or ""
    return _upper(organ) + " ★ " + _upper(content.fields["place"] or "")


# --------------------------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class SampleDoc:
    kind: str
    seed: int
    fields: dict[str, str | None]
    text: str  # ground-truth text, pages separated by form feed, reading order
    pages: tuple[Image.Image, ...]  # upright, clean, RGB, at `dpi`
    dpi: int
    layout: Layout = field(repr=False, compare=False)
    family: str | None = None  # "dev" | "eval" for the varied generator (samples.varied); None: fixed
    axes: Axes | None = None  # where the document lies on each axis (varied generator only)

    @property
    def page_texts(self) -> list[str]:
        return self.text.split("\f")


def make_document(kind: str, seed: int, *, dpi: int = 300, min_pages: int = 1) -> SampleDoc:
    """One clean document: ground-truth fields and text, and its pages rendered at ``dpi``."""
    extra = 0
    while True:
        content = make_content(kind, seed, extra_paragraphs=extra)
        lay = layout(content, seed)
        if len(lay.pages) >= min_pages or extra > 40:
            break
        extra += 3
    return render_document(content, lay, seed, dpi)


def render_document(content: Content, lay: Layout, seed: int, dpi: int) -> SampleDoc:
    """The pages of a laid-out document, with its ground truth (the seal's label names the organ)."""
    label = _seal_label(content)
    for pl in lay.pages:
        pl.graphics[:] = [
            Graphic(g.kind, g.x, g.y, g.w, g.h, g.seed, label if g.kind == "seal" else g.label, g.strength)
            for g in pl.graphics
        ]
    pages = tuple(render_page(pl, dpi) for pl in lay.pages)
    text = "\f".join("\n".join(lines) for lines in lay.text_lines)
    return SampleDoc(content.kind, seed, dict(content.fields), nfc(text), pages, dpi, lay)


# --------------------------------------------------------------------------------------------- degradation


def degrade(
    image: Image.Image,
    seed: int,
    *,
    rotate: int = 0,
    skew: float = 0.0,
    dpi: int | None = None,
    noise: float = 0.0,
    blur: float = 0.0,
    border: int = 0,
    lighting: float = 0.0,
    jpeg_quality: int | None = None,
    gray: bool = False,
) -> Image.Image:
    """A scanned-looking copy of a clean page.

    rotate: 0/90/180/270, clockwise.  skew: degrees, counter-clockwise positive.  dpi: resample from the
    image's dpi to this one.  noise: sigma of Gaussian noise (0..255) plus a few specks.  blur: Gaussian
    radius in pixels at the output dpi.  border: width in pixels of dark scanner borders (irregular).
    lighting: 0..1, strength of an uneven illumination gradient.  jpeg_quality: JPEG round-trip.
    gray: convert to 8-bit grey.
    """
    if rotate not in (0, 90, 180, 270):
        raise ValueError("rotate must be 0, 90, 180 or 270")
    rng = np.random.default_rng(seed + 7919)
    src_dpi = round(float(image.info.get("dpi", (300, 300))[0]))
    img = image.convert("RGB")
    out_dpi = dpi or src_dpi
    if out_dpi != src_dpi:
        f = out_dpi / src_dpi
        img = img.resize((round(img.width * f), round(img.height * f)), Image.Resampling.LANCZOS)
    if skew:
        img = img.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(255, 255, 255))
    if rotate:
        img = img.rotate(-rotate, expand=True)  # PIL rotates counter-clockwise
    arr = np.asarray(img).astype(np.float32)
    h, w = arr.shape[:2]
    if lighting:
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / math.hypot(w, h)
        shade = 1.0 - lighting * 0.45 * dist / max(float(dist.max()), 1e-6)
        tint = np.array([1.0, 0.985, 0.95], dtype=np.float32)  # yellowish paper
        arr = arr * shade[..., None] * tint
    if border:
        b = int(border)
        dark = rng.uniform(20, 60)
        for side in range(4):
            widths = np.clip(b + np.cumsum(rng.normal(0, b * 0.03, size=max(h, w))), b * 0.5, b * 1.5)
            if side == 0:
                for xcol in range(w):
                    arr[: int(widths[xcol]), xcol] = dark
            elif side == 1:
                for xcol in range(w):
                    arr[h - int(widths[xcol]) :, xcol] = dark
            elif side == 2:
                for yrow in range(h):
                    arr[yrow, : int(widths[yrow] * 0.6)] = dark
            else:
                for yrow in range(h):
                    arr[yrow, w - int(widths[yrow] * 0.6) :] = dark
    if noise:
        arr = arr + rng.normal(0, noise, size=(h, w, 1)).astype(np.float32)
        n_specks = int(h * w * 2e-5 * (noise / 10))
        ys, xs = rng.integers(0, h, n_specks), rng.integers(0, w, n_specks)
        arr[ys, xs] = 40
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    if gray:
        img = img.convert("L")
    if jpeg_quality:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=int(jpeg_quality))
        buf.seek(0)
        img = Image.open(buf)
        img.load()
    img.info["dpi"] = (out_dpi, out_dpi)
    return img


# --------------------------------------------------------------------------------------------- output

# variant name -> (format, degradation kwargs, min_pages)
VARIANTS: dict[str, tuple[str, dict[str, Any], int]] = {
    "clean_png": ("png", {}, 1),
    "skew_jpeg": ("jpeg", {"skew": 3.0, "noise": 6.0, "jpeg_quality": 70, "dpi": 200}, 1),
    "rot90_jpeg": ("jpeg", {"rotate": 90, "skew": 1.0, "noise": 5.0, "jpeg_quality": 75}, 1),
    "rot180_png": ("png", {"rotate": 180, "noise": 4.0, "gray": True}, 1),
    "rot270_jpeg": ("jpeg", {"rotate": 270, "blur": 0.8, "jpeg_quality": 70, "dpi": 200}, 1),
    "border_light_jpeg": ("jpeg", {"border": 60, "lighting": 0.8, "skew": -2.0, "jpeg_quality": 80}, 1),
    "blur_noise_200": ("png", {"blur": 1.0, "noise": 10.0, "dpi": 200, "gray": True}, 1),
    "skew6_jpeg": ("jpeg", {"skew": -6.0, "noise": 3.0, "jpeg_quality": 80}, 1),
    "multipage_tiff": ("tiff", {"gray": True, "noise": 3.0, "skew": 1.5}, 2),
    "scan_pdf": ("pdf", {"skew": -1.0, "noise": 4.0, "jpeg_quality": 75, "dpi": 200}, 2),
    "born_digital_pdf": ("textpdf", {}, 1),
}


def write_born_digital_pdf(doc: SampleDoc, path: Path) -> None:
    """A PDF with real text (fpdf2, Liberation Serif embedded) plus the signature and seal as images."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format=(PAGE_W, PAGE_H))
    pdf.set_auto_page_break(False)
    pdf.set_compression(True)
    fam = {"regular": "", "bold": "B", "italic": "I", "bolditalic": "BI"}
    for style, code in fam.items():
        pdf.add_font("LiberationSerif", code, str(font_path(style)))
    for pl in doc.layout.pages:
        pdf.add_page()
        pdf.set_text_color(18, 18, 22)
        for r in pl.runs:
            pdf.set_font("LiberationSerif", fam[r.style], r.size)
            pdf.text(r.x, r.y, r.text)
        pdf.set_line_width(0.8)
        for ru in pl.rules:
            pdf.line(ru.x0, ru.y0, ru.x1, ru.y1)
        for g in pl.graphics:
            px = round(g.w * 200 / 72)
            ov = (
                make_signature(g.seed, px, round(g.h * 200 / 72))
                if g.kind == "signature"
                else make_seal(g.seed, px, g.label)
            )
            pdf.image(ov, x=g.x, y=g.y, w=g.w, h=g.h)
    pdf.set_title(doc.fields.get("subject") or doc.kind)
    pdf.set_creator("samples.generate")
    pdf.set_creation_date(dt.datetime(2021, 1, 1, tzinfo=dt.UTC))
    pdf.output(str(path))


def write_document(doc: SampleDoc, out: Path, fmt: str, degradation: dict[str, Any], *, seed: int) -> Path:
    """Write one document (all its pages) in ``fmt`` with ``degradation`` applied, plus ``<name>.gt.json``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    ext = {
        "png": ".png",
        "png8": ".png",
        "tiff_g4": ".tif",
        "jpeg": ".jpg",
        "tiff": ".tif",
        "pdf": ".pdf",
        "textpdf": ".pdf",
    }[fmt]
    path = out.with_suffix(ext)
    if fmt == "textpdf":
        write_born_digital_pdf(doc, path)
    else:
        kw = dict(degradation)
        jpeg_q = kw.get("jpeg_quality")
        if fmt in ("jpeg", "pdf"):
            kw.pop("jpeg_quality", None)  # the file's own encoding does it
        imgs = [degrade(p, seed * 31 + i, **kw) for i, p in enumerate(doc.pages)]
        dpi = imgs[0].info["dpi"]
        if fmt == "png":
            imgs[0].save(path, "PNG", dpi=dpi, optimize=False)
        elif fmt == "png8":  # palette PNG: small files for the committed examples
            imgs[0].convert("RGB").quantize(24).save(path, "PNG", dpi=dpi, optimize=True)
        elif fmt == "jpeg":
            imgs[0].save(path, "JPEG", quality=int(jpeg_q or 85), dpi=dpi)
        elif fmt == "tiff":
            imgs[0].save(path, "TIFF", save_all=True, append_images=imgs[1:], compression="tiff_lzw", dpi=dpi)
        elif fmt == "tiff_g4":  # bilevel Group 4 fax, as many archive scanners write
            bw = [im.convert("L").point(lambda v: 255 if v > 150 else 0).convert("1") for im in imgs]
            bw[0].save(path, "TIFF", save_all=True, append_images=bw[1:], compression="group4", dpi=dpi)
        else:
            rgb = [im.convert("RGB") for im in imgs]
            buf_pages = []
            for im in rgb:  # JPEG-compressed image pages
                b = io.BytesIO()
                im.save(b, "JPEG", quality=int(jpeg_q or 80), dpi=dpi)
                b.seek(0)
                page = Image.open(b)
                page.load()
                buf_pages.append(page)
            buf_pages[0].save(
                path, "PDF", save_all=True, append_images=buf_pages[1:], resolution=float(dpi[0])
            )
    gt = {
        "kind": doc.kind,
        "seed": doc.seed,
        "format": fmt,
        "pages": len(doc.pages),
        "text": doc.text,
        "fields": doc.fields,
        "degradation": {"rotate": 0, "skew": 0.0, "dpi": doc.dpi, **degradation},
    }
    gt_path = gt_path_for(path)
    gt_path.write_text(json.dumps(gt, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def gt_path_for(path: Path) -> Path:
    """The ground-truth file of a generated sample: ``<stem>.gt.json`` next to it."""
    return path.parent / (path.stem + ".gt.json")


def load_gt(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gt_path_for(path).read_text(encoding="utf-8"))
    return data


def write_set(
    out_dir: Path,
    n: int,
    seed: int,
    variants: Sequence[str] | None = None,
    kinds: Iterable[str] = KINDS,
    *,
    family: Family | str | None = None,
    photo: str | None = None,
) -> list[Path]:
    """``n`` documents; returns the written files (not the .gt.json).

    ``family="dev"|"eval"``: the varied generator (``samples.varied``): every document drawn along the axes of
    ``samples.axes`` from that family's seeds and value pools (tune on ``dev``, only measure on ``eval``);
    ``variants`` and ``kinds`` do not apply. ``family=None``: the fixed generator, cycling through ``kinds``
    and ``variants``. ``photo`` (a ``samples.axes.Photo`` value, varied families only): every document
    captured so."""
    if family is not None:
        from samples.axes import Photo
        from samples.varied import write_family_set

        return write_family_set(out_dir, n, seed, family, photo=None if photo is None else Photo(photo))
    names = list(variants) if variants else list(VARIANTS)
    for v in names:
        if v not in VARIANTS:
            raise ValueError(f"unknown variant {v!r}; one of {', '.join(VARIANTS)}")
    kind_list = list(kinds)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i in range(n):
        kind = kind_list[i % len(kind_list)]
        variant = names[i % len(names)]
        fmt, deg, min_pages = VARIANTS[variant]
        doc_seed = seed * 1000 + i
        doc = make_document(kind, doc_seed, min_pages=min_pages)
        paths.append(write_document(doc, out_dir / f"{i:03d}_{kind}_{variant}", fmt, deg, seed=doc_seed))
    return paths


# The small committed examples in samples/examples/ (python -m samples.generate samples/examples --examples)
EXAMPLES: tuple[tuple[str, str, int, str, dict[str, Any], int], ...] = (
    (
        "quyet_dinh_scan",
        "quyet_dinh",
        101,
        "jpeg",
        {"skew": 1.5, "noise": 4.0, "jpeg_quality": 55, "dpi": 200, "gray": True},
        1,
    ),
    ("giay_phep_seal", "giay_phep", 102, "png8", {"dpi": 200}, 1),
    ("cong_van_2pages", "cong_van", 103, "tiff_g4", {"dpi": 200, "skew": -1.0}, 2),
    ("giay_chung_nhan_born_digital", "giay_chung_nhan", 104, "textpdf", {}, 1),
    (
        "cong_van_rot90",
        "cong_van",
        105,
        "jpeg",
        {"rotate": 90, "jpeg_quality": 55, "dpi": 200, "gray": True},
        1,
    ),
)


def write_examples(out_dir: Path) -> list[Path]:
    """Regenerate ``samples/examples`` (small files, each with its ``.gt.json``)."""
    paths = []
    for name, kind, seed, fmt, deg, min_pages in EXAMPLES:
        doc = make_document(kind, seed, min_pages=min_pages)
        paths.append(write_document(doc, out_dir / name, fmt, deg, seed=seed))
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m samples.generate", description=__doc__.split("\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("-n", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--variants", default="", help="comma-separated: " + ", ".join(VARIANTS))
    ap.add_argument("--kinds", default="", help="comma-separated: " + ", ".join(KINDS))
    ap.add_argument("--examples", action="store_true", help="write the committed example set instead")
    ap.add_argument(
        "--family",
        choices=[str(f) for f in Family],
        default=None,
        help="the varied generator's family (dev: tune on it; eval: only measure on it)",
    )
    args = ap.parse_args(argv)
    if args.examples:
        for p in write_examples(args.out_dir):
            print(p)
        return 0
    variants = [v for v in args.variants.split(",") if v] or None
    kinds = [k for k in args.kinds.split(",") if k] or list(KINDS)
    for p in write_set(args.out_dir, args.n, args.seed, variants, kinds, family=args.family):
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
