"""Independent axes of variation of generated documents, and the families (``dev``, ``alt``, ``eval``,
``hold``).

Each axis is a small typed value drawn per document from a seeded RNG (``draw_axes``). The families never
share a seed and draw their names, organs, places, companies and subjects from disjoint pools (``pools``):
``dev`` is what the extractor may be tuned on, ``eval`` is only measured on (``python -m bench fields``);
``alt`` is tuned on too, its pools chosen apart from both, to show rules that hold only on dev's content;
``hold`` is measure-only like ``eval`` (never tuned on), its pools apart from all three (but the provinces,
too few: alt's), a second held-out family of our own to tell eval's content being harder from the
extractor having learned alt's and dev's. ``corp`` is tuned on: its pools are not ours but derived from the
public-domain Official Gazette corpus (``samples/data/corpus_pools.json``, ``tools/build_corpus_pools.py``).

The lists below were written for this generator (Decree 30/2020 conventions and common Vietnamese names);
no text is copied from ``../shared`` (``corp``'s lists are derived from it: compact tables, no document).
All strings are NFC.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

from digitize.pipeline.fields.vocab import PROVINCES


def _nfc(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", s) for s in items)


class Family(StrEnum):
    DEV = "dev"  # tune on it
    EVAL = "eval"  # only measure on it
    # tune on it too: pools of its own (none of dev's or eval's values), so a rule that holds only on dev's
    # few organs, names and subjects shows up before eval is measured
    ALT = "alt"
    # only measure on it, like eval: pools apart from dev's, alt's and eval's (but the provinces), so a gap
    # between alt/dev and eval can be told apart from eval's own content being harder
    HOLD = "hold"
    # tune on it: content not written by us, drawn from the public-domain Official Gazette corpus (the pools
    # in samples/data/corpus_pools.json, built by tools/build_corpus_pools.py): real signers, organs,
    # notations and titles, so tuning stops learning only our own generator's content
    CORP = "corp"


# Seeds of the two families never meet: a document's RNG is keyed by its family name and its seed is offset.
FAMILY_SEED_BASE: dict[Family, int] = {
    Family.DEV: 1_000_000,
    Family.ALT: 5_000_000,
    Family.EVAL: 9_000_000,
    Family.HOLD: 13_000_000,
    Family.CORP: 17_000_000,
}


class Colour(StrEnum):
    COLOUR = "colour"
    GREY = "grey"
    BITONAL = "bitonal"


class Seal(StrEnum):
    OVER_NAME = "over_name"  # the rim over the left part of the name (the usual stamping)
    BESIDE = "beside"  # left of the signature, clear of the name
    FAINT = "faint"  # over the name, little ink


class Header(StrEnum):
    PARENT = "parent"  # "UBND TỈNH X" / "SỞ Y": parent + organ
    ONE_ORGAN = "one_organ"  # "ỦY BAN NHÂN DÂN" / "TỈNH X": one organ on two lines, no parent
    MINISTRY = "ministry"  # "BỘ X" / "CỤC Y": parent + organ
    # "TÒA ÁN NHÂN DÂN" / "TỈNH X", "VIỆN KIỂM SÁT NHÂN DÂN" / "TỈNH X": one organ on two lines, no
    # parent, not a People's Committee (the second line goes on with the name). Drawn only where asked
    # for (a failure kind, explicit axes), never by ``draw_axes``/``draw_balanced``: the measured sets
    # stay as they were
    COURT = "court"


# the headers the random draws choose from (COURT is drawn only when asked for)
DRAWN_HEADERS = (Header.PARENT, Header.ONE_ORGAN, Header.MINISTRY)


class SignForm(StrEnum):
    DIRECT = "direct"  # GIÁM ĐỐC
    KT = "kt"  # KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC
    TM = "tm"  # TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH (collective bodies only)
    TM_KT = "tm_kt"  # TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH
    Q = "q"  # Q. GIÁM ĐỐC (acting head: title "Quyền Giám đốc")
    TL = "tl"  # TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG


class Tail(StrEnum):
    NONE = "none"
    ANNEX = "annex"  # "PHỤ LỤC ... (Kèm theo Quyết định số ...)" naming other people
    BLANK_SEAL = "blank_seal"  # an empty page with a faint seal
    RECEIPT = "receipt"  # an unsigned "Nơi nhận" block on its own page


class Font(StrEnum):
    LIBERATION_SERIF = "liberation_serif"
    LIBERATION_SANS = "liberation_sans"
    DEJAVU_SERIF = "dejavu_serif"
    DEJAVU_SANS = "dejavu_sans"


class Margins(StrEnum):
    STANDARD = "standard"
    NARROW = "narrow"
    WIDE = "wide"


class Photo(StrEnum):
    NONE = "none"  # a flatbed scan
    BLUR = "blur"  # out of focus / shaken phone photo
    LOW_LIGHT = "low_light"  # dark, noisy, colour cast, vignetting
    PERSPECTIVE = "perspective"  # shot at an angle: the page's edges on a desk


# document kinds of the varied generator (``samples.generate.KINDS`` holds the fixed generator's four)
VARIED_KINDS: tuple[str, ...] = (
    "quyet_dinh",
    "chi_thi",
    "bao_cao",
    "to_trinh",
    "cong_van",
    "giay_phep",
    "giay_chung_nhan",
)

MARGINS_PT: dict[Margins, tuple[float, float, float, float]] = {  # left, right, top, bottom
    Margins.STANDARD: (85.0, 45.0, 50.0, 55.0),
    Margins.NARROW: (60.0, 30.0, 32.0, 40.0),
    Margins.WIDE: (100.0, 60.0, 70.0, 70.0),
}


@dataclass(frozen=True)
class Axes:
    """Where one generated document lies on every axis."""

    kind: str = "quyet_dinh"
    colour: Colour = Colour.COLOUR
    dpi: int = 300
    seal: Seal = Seal.OVER_NAME
    header: Header = Header.PARENT
    sign: SignForm = SignForm.KT
    tail: Tail = Tail.NONE
    stamp: bool = False  # a "ĐẾN" incoming-mail stamp in the header area
    handwritten: bool = False  # number and day/month written by hand into printed blanks
    font: Font = Font.LIBERATION_SERIF
    margins: Margins = Margins.STANDARD
    photo: Photo = Photo.NONE

    def values(self) -> dict[str, str]:
        """Axis name -> value as text (for ground truth and breakdowns)."""
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            out[f.name] = ("yes" if v else "no") if isinstance(v, bool) else str(v)
        return out

    def scan_mode(self) -> str:
        """Colour mode and resolution together, e.g. ``bitonal_200``."""
        return f"{self.colour}_{self.dpi}"


_AXIS_TYPES: dict[str, Any] = {
    "kind": str,
    "colour": Colour,
    "dpi": int,
    "seal": Seal,
    "header": Header,
    "sign": SignForm,
    "tail": Tail,
    "stamp": bool,
    "handwritten": bool,
    "font": Font,
    "margins": Margins,
    "photo": Photo,
}


def parse_fixed(spec: str) -> dict[str, Any]:
    """``"colour=bitonal,handwritten=yes"`` -> the typed values to fix those axes at (a set of one failure
    kind: every document bitonal with a handwritten number, its other axes as drawn). ValueError on an
    unknown axis or value."""
    out: dict[str, Any] = {}
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        name, sep, value = part.partition("=")
        name, value = name.strip(), value.strip()
        kind = _AXIS_TYPES.get(name)
        if not sep or kind is None:
            raise ValueError(f"not an axis=value: {part!r}; axes: {', '.join(_AXIS_TYPES)}")
        if name in out:
            raise ValueError(f"{name} given twice")
        if kind is bool:
            if value not in ("yes", "no"):
                raise ValueError(f"{name} is yes or no, not {value!r}")
            out[name] = value == "yes"
        elif kind is int:
            if value not in ("200", "300"):
                raise ValueError(f"dpi is 200 or 300, not {value!r}")
            out[name] = int(value)
        elif kind is str:
            if value not in VARIED_KINDS:
                raise ValueError(f"kind is one of {', '.join(VARIED_KINDS)}, not {value!r}")
            out[name] = value
        else:
            out[name] = kind(value)
    return out


def sign_forms_for(header: Header) -> tuple[SignForm, ...]:
    """TM. is for collective bodies (the People's Committee); a Sở or a Cục signs KT./TL./Q. or directly."""
    if header is Header.ONE_ORGAN:
        return tuple(SignForm)
    return (SignForm.DIRECT, SignForm.KT, SignForm.Q, SignForm.TL)


def fit_sign(sign: SignForm, header: Header) -> SignForm:
    """``sign`` where ``header``'s organ may sign so; else its fallback: TM. → direct, TM./KT. → KT."""
    if sign in sign_forms_for(header):
        return sign
    return SignForm.DIRECT if sign is SignForm.TM else SignForm.KT


def draw_axes(rng: random.Random, kind: str | None = None) -> Axes:
    """One point on every axis, each drawn on its own from ``rng``."""
    k = kind or rng.choice(VARIED_KINDS)
    colour = rng.choice(tuple(Colour))
    dpi = rng.choice((200, 300))
    seal = rng.choice(tuple(Seal))
    header = rng.choice(DRAWN_HEADERS)
    sign = rng.choice(sign_forms_for(header))
    tail = rng.choices(tuple(Tail), weights=(4, 2, 1, 1))[0]
    stamp = rng.random() < 0.3
    handwritten = rng.random() < 0.3
    font = rng.choice(tuple(Font))
    margins = rng.choice(tuple(Margins))
    photo = rng.choices(tuple(Photo), weights=(6, 1, 1, 1))[0]
    return Axes(k, colour, dpi, seal, header, sign, tail, stamp, handwritten, font, margins, photo)


def draw_balanced(n: int, rng: random.Random, kinds: tuple[str, ...] = VARIED_KINDS) -> list[Axes]:
    """``n`` points for a small measured set: every axis cycles through its values (photos and tail pages at
    their usual share) in its own random order, so each value shows up about equally often while no axis
    follows another; kinds cycle in order. TM. forms fall back to the direct / KT. form under a Sở or Cục."""

    def column(values: Sequence[object]) -> list[object]:
        order = list(values)
        rng.shuffle(order)
        col = [order[i % len(order)] for i in range(n)]
        rng.shuffle(col)
        return col

    cols = {
        "colour": column(tuple(Colour)),
        "dpi": column((200, 300)),
        "seal": column(tuple(Seal)),
        "header": column(DRAWN_HEADERS),
        "sign": column(tuple(SignForm)),
        "tail": column((Tail.NONE, Tail.NONE, Tail.ANNEX, Tail.BLANK_SEAL, Tail.RECEIPT)),
        "stamp": column((True, False, False)),
        "handwritten": column((True, False, False)),
        "font": column(tuple(Font)),
        "margins": column(tuple(Margins)),
        "photo": column((Photo.NONE, Photo.NONE, Photo.NONE, Photo.BLUR, Photo.LOW_LIGHT, Photo.PERSPECTIVE)),
    }
    out = []
    for i in range(n):
        kw: dict[str, Any] = {k: v[i] for k, v in cols.items()}
        kw["sign"] = fit_sign(kw["sign"], kw["header"])
        out.append(Axes(kind=kinds[i % len(kinds)], **kw))
    return out


# --------------------------------------------------------------------------------------------- pools


@dataclass(frozen=True)
class Dept:
    """A provincial department (Sở) or similar body under the People's Committee."""

    name: str
    abbr: str
    units: tuple[str, ...]
    licences: tuple[str, ...]  # full titles ("Giấy phép ...")
    certificates: tuple[str, ...]  # full titles ("Giấy chứng nhận ...")
    activity: str


@dataclass(frozen=True)
class Agency:
    """A Cục under a ministry (the MINISTRY header)."""

    ministry: str
    name: str
    abbr: str
    licences: tuple[str, ...]
    certificates: tuple[str, ...]
    activity: str


@dataclass(frozen=True)
class Pools:
    family: Family
    provinces: tuple[str, ...]  # proper names; "tỉnh" unless in CITIES
    surnames: tuple[str, ...]
    middle_m: tuple[str, ...]
    middle_f: tuple[str, ...]
    given_m: tuple[str, ...]
    given_f: tuple[str, ...]
    company_forms: tuple[str, ...]
    company_trades: tuple[str, ...]
    company_brands: tuple[str, ...]
    streets: tuple[str, ...]
    depts: tuple[Dept, ...]
    agencies: tuple[Agency, ...]
    decision_subjects: tuple[str, ...]  # "Về việc ..." (non-licensing decisions)
    directive_subjects: tuple[str, ...]
    report_subjects: tuple[str, ...]
    submission_subjects: tuple[str, ...]
    letter_subjects: tuple[str, ...]  # after "V/v "


CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")

_DEV = Pools(
    family=Family.DEV,
    provinces=_nfc(
        (
            "Yên Bái",
            "Đà Nẵng",
            "Hà Nội",
            "Hải Phòng",
            "Quảng Ninh",
            "Thừa Thiên Huế",
            "Nghệ An",
            "Lào Cai",
            "Bắc Giang",
            "Khánh Hòa",
            "Lâm Đồng",
            "Đắk Lắk",
            "Bình Dương",
            "Đồng Nai",
            "Thanh Hóa",
            "Quảng Nam",
            "Phú Thọ",
            "Thái Nguyên",
            "Tuyên Quang",
            "Hà Giang",
            "Kiên Giang",
            "An Giang",
            "Bình Định",
            "Ninh Bình",
            "Cần Thơ",
        )
    ),
    surnames=_nfc(
        (
            "Nguyễn",
            "Lê",
            "Hoàng",
            "Phan",
            "Vũ",
            "Đặng",
            "Bùi",
            "Hồ",
            "Dương",
            "Đinh",
            "Đoàn",
            "Trương",
            "Cao",
            "Đào",
            "Lưu",
        )
    ),
    middle_m=_nfc(("Văn", "Hữu", "Đức", "Minh", "Quốc")),
    middle_f=_nfc(("Thị", "Ngọc", "Thu")),
    given_m=_nfc(("An", "Bình", "Cường", "Dũng", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Nam", "Phong")),
    given_f=_nfc(("Giang", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngân")),
    company_forms=_nfc(("Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV")),
    company_trades=_nfc(("Thiết bị Y tế", "Kỹ thuật", "Xây dựng", "Dược phẩm", "Thương mại và Dịch vụ")),
    company_brands=_nfc(
        ("Hoàng Long", "Nam Việt", "Thành Đạt", "Minh Châu", "An Phát", "Sao Mai", "Phương Nam")
    ),
    streets=_nfc(("Nguyễn Trãi", "Lê Lợi", "Trần Phú", "Hoàng Văn Thụ", "Điện Biên Phủ", "Hùng Vương")),
    depts=(
        Dept(
            "Sở Khoa học và Công nghệ",
            "SKHCN",
            ("QLCN", "VP", "TTr"),
            ("Giấy phép tiến hành công việc bức xạ",),
            ("Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",),
            "Sử dụng thiết bị X-quang chẩn đoán trong y tế",
        ),
        Dept(
            "Sở Y tế",
            "SYT",
            ("NVY", "VP", "TCCB"),
            ("Giấy phép hoạt động khám bệnh, chữa bệnh",),
            ("Giấy chứng nhận đủ điều kiện kinh doanh dược",),
            "Khám bệnh, chữa bệnh đa khoa theo phạm vi chuyên môn được phê duyệt",
        ),
        Dept(
            "Sở Công Thương",
            "SCT",
            ("QLTM", "VP", "KTAT"),
            ("Giấy phép kinh doanh bán lẻ sản phẩm rượu", "Giấy phép sử dụng vật liệu nổ công nghiệp"),
            ("Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu",),
            "Kinh doanh bán lẻ tại các địa điểm đã đăng ký",
        ),
        Dept(
            "Sở Xây dựng",
            "SXD",
            ("QLXD", "VP", "KTQH"),
            ("Giấy phép xây dựng",),
            ("Giấy chứng nhận đủ điều kiện năng lực hoạt động xây dựng",),
            "Xây dựng công trình nhà xưởng theo hồ sơ thiết kế đã được thẩm định",
        ),
        Dept(
            "Sở Giao thông vận tải",
            "SGTVT",
            ("QLVT", "VP", "QLCL"),
            ("Giấy phép kinh doanh vận tải bằng xe ô tô",),
            ("Giấy chứng nhận cơ sở đủ điều kiện đào tạo lái xe",),
            "Kinh doanh vận tải hành khách theo hợp đồng",
        ),
    ),
    agencies=(
        Agency(
            "Bộ Y tế",
            "Cục Quản lý Dược",
            "QLD",
            ("Giấy phép nhập khẩu thuốc",),
            ("Giấy chứng nhận thực hành tốt sản xuất thuốc",),
            "Nhập khẩu thuốc thành phẩm theo danh mục đã được phê duyệt",
        ),
        Agency(
            "Bộ Công Thương",
            "Cục Hóa chất",
            "HC",
            ("Giấy phép sản xuất hóa chất công nghiệp",),
            ("Giấy chứng nhận đủ điều kiện sản xuất hóa chất",),
            "Sản xuất hóa chất công nghiệp tại cơ sở đã đăng ký",
        ),
    ),
    decision_subjects=_nfc(
        (
            "Về việc ban hành Quy chế làm việc của Ban Chỉ đạo chuyển đổi số",
            "Về việc phê duyệt Kế hoạch kiểm tra công tác văn thư, lưu trữ năm {y}",
            "Về việc thành lập Tổ công tác triển khai Đề án số hóa hồ sơ",
            "Về việc kiện toàn Hội đồng thẩm định giá đất cụ thể",
        )
    ),
    directive_subjects=_nfc(
        (
            "Về việc tăng cường công tác phòng cháy, chữa cháy trên địa bàn {place}",
            "Về việc đẩy mạnh cải cách thủ tục hành chính và số hóa hồ sơ",
            "Về việc chấn chỉnh kỷ luật, kỷ cương hành chính trong cơ quan nhà nước",
        )
    ),
    report_subjects=_nfc(
        (
            "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội {q} năm {y}",
            "Tình hình thực hiện công tác cải cách hành chính năm {y}",
            "Kết quả kiểm tra công tác văn thư, lưu trữ năm {y}",
        )
    ),
    submission_subjects=_nfc(
        (
            "Về việc đề nghị phê duyệt dự toán kinh phí số hóa tài liệu lưu trữ năm {y}",
            "Về việc đề nghị ban hành Quy định quản lý cụm công nghiệp trên địa bàn {place}",
            "Về việc đề nghị bổ sung biên chế công chức năm {y}",
        )
    ),
    letter_subjects=_nfc(
        (
            "V/v triển khai thực hiện kế hoạch cải cách hành chính năm {y}",
            "V/v báo cáo tình hình thực hiện nhiệm vụ {q} năm {y}",
            "V/v hướng dẫn thực hiện thủ tục hành chính trên môi trường điện tử",
            "V/v số hóa kết quả giải quyết thủ tục hành chính",
        )
    ),
)

_EVAL = Pools(
    family=Family.EVAL,
    provinces=_nfc(
        (
            "Bắc Kạn",
            "Bạc Liêu",
            "Bắc Ninh",
            "Bến Tre",
            "Bình Phước",
            "Bình Thuận",
            "Cà Mau",
            "Cao Bằng",
            "Đắk Nông",
            "Điện Biên",
            "Đồng Tháp",
            "Gia Lai",
            "Hà Nam",
            "Hà Tĩnh",
            "Hải Dương",
            "Hậu Giang",
            "Hưng Yên",
            "Kon Tum",
            "Lai Châu",
            "Lạng Sơn",
            "Long An",
            "Nam Định",
            "Ninh Thuận",
            "Phú Yên",
            "Quảng Bình",
            "Quảng Trị",
            "Sóc Trăng",
            "Sơn La",
            "Tây Ninh",
            "Thái Bình",
            "Tiền Giang",
            "Trà Vinh",
            "Vĩnh Long",
            "Vĩnh Phúc",
            "Bà Rịa - Vũng Tàu",
            "Quảng Ngãi",
            "Hòa Bình",
        )
    ),
    surnames=_nfc(
        (
            "Trần",
            "Phạm",
            "Huỳnh",
            "Võ",
            "Đỗ",
            "Ngô",
            "Lý",
            "Trịnh",
            "Lâm",
            "Mai",
            "Hà",
            "Lương",
            "Tô",
            "Tạ",
            "Quách",
            "Chu",
            "Kiều",
            "Vương",
            "Triệu",
            "Lại",
        )
    ),
    middle_m=_nfc(("Trọng", "Bá", "Duy", "Tiến", "Thế", "Khắc", "Viết")),
    middle_f=_nfc(("Bích", "Diệu", "Hồng", "Mỹ", "Hải")),
    given_m=_nfc(
        (
            "Thọ",
            "Vinh",
            "Nghĩa",
            "Thịnh",
            "Kiên",
            "Tùng",
            "Hòa",
            "Lộc",
            "Tâm",
            "Khoa",
            "Huy",
            "Quang",
            "Bảo",
            "Tín",
        )
    ),
    given_f=_nfc(
        ("Ánh", "Dung", "Thủy", "Vân", "Diệp", "Quyên", "Hằng", "Nhàn", "Tuyết", "Thư", "Châu", "Ly")
    ),
    company_forms=_nfc(("Công ty TNHH", "Công ty Cổ phần", "Hợp tác xã", "Doanh nghiệp tư nhân")),
    company_trades=_nfc(("Điện tử", "Cơ khí", "Nông sản", "Tin học", "In ấn", "Du lịch", "Thủy sản")),
    company_brands=_nfc(
        (
            "Phú Gia",
            "Kim Long",
            "Đông Á",
            "Thiên Phúc",
            "Hải Âu",
            "Ngọc Lan",
            "Bắc Hà",
            "Sông Hồng",
            "Vạn Xuân",
        )
    ),
    streets=_nfc(
        ("Phan Chu Trinh", "Hai Bà Trưng", "Tôn Đức Thắng", "Võ Thị Sáu", "Lê Duẩn", "Trường Chinh")
    ),
    depts=(
        Dept(
            "Sở Nông nghiệp và Phát triển nông thôn",
            "SNNPTNT",
            ("CCTS", "VP", "CCTY"),
            ("Giấy phép khai thác thủy sản",),
            ("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông lâm thủy sản",),
            "Khai thác thủy sản bằng tàu cá theo nghề lưới vây",
        ),
        Dept(
            "Sở Thông tin và Truyền thông",
            "STTTT",
            ("BCVT", "VP", "TTBCXB"),
            ("Giấy phép hoạt động in", "Giấy phép xuất bản bản tin"),
            ("Giấy chứng nhận đăng ký hoạt động cơ sở in",),
            "In xuất bản phẩm, tem nhãn và bao bì",
        ),
        Dept(
            "Sở Tư pháp",
            "STP",
            ("BTTP", "VP", "HCTP"),
            ("Giấy phép thành lập Văn phòng công chứng",),
            ("Giấy chứng nhận đăng ký hoạt động của tổ chức hành nghề luật sư",),
            "Hành nghề công chứng theo quy định của Luật Công chứng",
        ),
        Dept(
            "Ban Quản lý các khu công nghiệp",
            "BQLKCN",
            ("QLDN", "VP", "QLĐT"),
            ("Giấy phép lao động cho người lao động nước ngoài",),
            ("Giấy chứng nhận đăng ký điều chỉnh dự án đầu tư trong khu công nghiệp",),
            "Sử dụng người lao động nước ngoài làm việc tại dự án trong khu công nghiệp",
        ),
        Dept(
            "Sở Du lịch",
            "SDL",
            ("QLLH", "VP", "QLCSLT"),
            ("Giấy phép tổ chức hoạt động du lịch mạo hiểm",),
            ("Giấy chứng nhận hạng cơ sở lưu trú du lịch",),
            "Tổ chức hoạt động du lịch leo núi và dù lượn",
        ),
    ),
    agencies=(
        Agency(
            "Bộ Khoa học và Công nghệ",
            "Cục An toàn bức xạ và hạt nhân",
            "ATBXHN",
            ("Giấy phép vận chuyển chất phóng xạ",),
            ("Giấy chứng nhận đăng ký dịch vụ hỗ trợ ứng dụng năng lượng nguyên tử",),
            "Vận chuyển nguồn phóng xạ kín phục vụ kiểm tra không phá hủy",
        ),
        Agency(
            "Bộ Thông tin và Truyền thông",
            "Cục Xuất bản, In và Phát hành",
            "XBIPH",
            ("Giấy phép nhập khẩu xuất bản phẩm",),
            ("Giấy chứng nhận đăng ký hoạt động phát hành xuất bản phẩm",),
            "Nhập khẩu xuất bản phẩm để kinh doanh",
        ),
    ),
    decision_subjects=_nfc(
        (
            "Về việc công bố danh mục thủ tục hành chính được chuẩn hóa thuộc phạm vi quản lý",
            "Về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm {y}",
            "Về việc điều chỉnh quy hoạch chi tiết xây dựng khu dân cư phía Đông",
            "Về việc khen thưởng tập thể có thành tích xuất sắc trong phong trào thi đua",
        )
    ),
    directive_subjects=_nfc(
        (
            "Về việc tăng cường công tác thi hành án dân sự trên địa bàn {place}",
            "Về việc nâng cao hiệu quả tiếp công dân, giải quyết khiếu nại, tố cáo",
            "Về việc bảo đảm an toàn giao thông dịp Tết Nguyên đán",
        )
    ),
    report_subjects=_nfc(
        (
            "Tổng kết công tác thi đua, khen thưởng năm {y} và phương hướng nhiệm vụ năm tiếp theo",
            "Kết quả giải quyết thủ tục hành chính trên Cổng dịch vụ công {q} năm {y}",
            "Tình hình quản lý, sử dụng tài sản công năm {y}",
        )
    ),
    submission_subjects=_nfc(
        (
            "Về việc đề nghị phê chuẩn kết quả bầu Phó Chủ tịch Ủy ban nhân dân huyện nhiệm kỳ 2021 - 2026",
            "Về việc xin chủ trương đầu tư dự án nâng cấp đường giao thông liên xã",
            "Về việc đề nghị thẩm định dự thảo Nghị quyết quy định mức thu phí",
        )
    ),
    letter_subjects=_nfc(
        (
            "V/v đôn đốc nộp báo cáo thống kê {q} năm {y}",
            "V/v phối hợp rà soát, cập nhật cơ sở dữ liệu hộ tịch",
            "V/v cung cấp hồ sơ phục vụ công tác thẩm định",
            "V/v chuẩn bị nội dung họp giao ban tháng {m}",
        )
    ),
)


# ------------------------------------------------------------------------------------------ alt family
# Written from general knowledge of Vietnamese administration, without reading eval's lists: each candidate
# list is filtered so that alt keeps none of eval's values and (but for provinces) none of dev's (the filter
# only removes; what is left is what alt draws from).


def _fresh(candidates: tuple[str, ...], *taken: tuple[str, ...]) -> tuple[str, ...]:
    used = {unicodedata.normalize("NFC", x) for t in taken for x in t}
    return tuple(x for x in _nfc(candidates) if x not in used)


def _fresh_depts(candidates: tuple[Dept, ...]) -> tuple[Dept, ...]:
    names = {d.name for d in _DEV.depts + _EVAL.depts}
    titles = {t for d in _DEV.depts + _EVAL.depts for t in d.licences + d.certificates}
    return tuple(
        d for d in candidates if d.name not in names and not set(d.licences + d.certificates) & titles
    )


def _fresh_agencies(candidates: tuple[Agency, ...]) -> tuple[Agency, ...]:
    names = {a.name for a in _DEV.agencies + _EVAL.agencies}
    titles = {t for a in _DEV.agencies + _EVAL.agencies for t in a.licences + a.certificates}
    return tuple(
        a for a in candidates if a.name not in names and not set(a.licences + a.certificates) & titles
    )


# the 63 provinces and central cities (before the 2025 merger), as the extractor's vocabulary lists them
_ALL_PROVINCES = tuple(p for p in PROVINCES if p != "Huế")

_ALT = Pools(
    family=Family.ALT,
    # 63 provinces leave almost none beside dev's and eval's: alt shares dev's (both are tuned on)
    provinces=_fresh(_ALL_PROVINCES, _EVAL.provinces),
    surnames=_fresh(
        (
            "Lã",
            "Khổng",
            "Quách",
            "Mạc",
            "Tạ",
            "Lò",
            "Hà",
            "Kiều",
            "Thái",
            "Tôn",
            "Triệu",
            "Ninh",
            "Lục",
            "Đàm",
            "Mai",
            "Châu",
            "Lương",
            "Tăng",
            "La",
            "Chu",
            "Âu",
            "Giáp",
            "Khúc",
            "Ông",
        ),
        _DEV.surnames,
        _EVAL.surnames,
    ),
    middle_m=_fresh(
        ("Công", "Xuân", "Đình", "Trọng", "Bá", "Thế", "Duy", "Tiến", "Mạnh", "Khắc", "Viết", "Quang"),
        _DEV.middle_m,
        _EVAL.middle_m,
        _DEV.middle_f,
        _EVAL.middle_f,
    ),
    middle_f=_fresh(
        ("Kim", "Mỹ", "Diệu", "Phương", "Hồng", "Bích", "Tuyết", "Khánh", "Hải"),
        _DEV.middle_m,
        _EVAL.middle_m,
        _DEV.middle_f,
        _EVAL.middle_f,
    ),
    given_m=_fresh(
        (
            "Thắng",
            "Tùng",
            "Vĩnh",
            "Kiên",
            "Lực",
            "Quyết",
            "Sơn",
            "Hậu",
            "Nghĩa",
            "Đạt",
            "Tài",
            "Khải",
            "Phúc",
            "Toàn",
            "Lộc",
            "Pọm",
            "Khoa",
            "Thịnh",
            "Chiến",
            "Giáp",
        ),
        _DEV.given_m,
        _EVAL.given_m,
        _DEV.given_f,
        _EVAL.given_f,
    ),
    given_f=_fresh(
        (
            "Duyên",
            "Huyền",
            "Nhung",
            "Thảo",
            "Yến",
            "Quyên",
            "Trâm",
            "Loan",
            "Oanh",
            "Xuân",
            "Khuyến",
            "Nguyệt",
        ),
        _DEV.given_m,
        _EVAL.given_m,
        _DEV.given_f,
        _EVAL.given_f,
    ),
    company_forms=_nfc(("Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV", "Hợp tác xã")),
    company_trades=_fresh(
        ("Nông sản", "Vận tải biển", "Môi trường Xanh", "Giáo dục Quốc tế", "Khoáng sản", "Du lịch Lữ hành"),
        _DEV.company_trades,
        _EVAL.company_trades,
    ),
    company_brands=_fresh(
        ("Đại Dương", "Kim Ngân", "Trường Sơn", "Hưng Thịnh", "Tân Tiến", "Cửu Long", "Bạch Mã", "Ánh Dương"),
        _DEV.company_brands,
        _EVAL.company_brands,
    ),
    streets=_fresh(
        (
            "Quang Trung",
            "Lý Thường Kiệt",
            "Phan Đình Phùng",
            "Bà Triệu",
            "Võ Thị Sáu",
            "Ngô Quyền",
            "Lạc Long Quân",
            "Nguyễn Chí Thanh",
        ),
        _DEV.streets,
        _EVAL.streets,
    ),
    depts=_fresh_depts(
        (
            Dept(
                "Sở Tư pháp",
                "STP",
                ("BTTP", "VP", "HCTP"),
                ("Giấy phép thành lập Văn phòng công chứng",),
                ("Giấy chứng nhận đăng ký hoạt động của Văn phòng luật sư",),
                "Hành nghề công chứng tại trụ sở đã đăng ký",
            ),
            Dept(
                "Sở Tài nguyên và Môi trường",
                "STNMT",
                ("QLĐĐ", "VP", "KS"),
                ("Giấy phép khai thác khoáng sản", "Giấy phép môi trường"),
                ("Giấy chứng nhận quyền sử dụng đất",),
                "Khai thác cát làm vật liệu xây dựng thông thường trong khu vực được cấp phép",
            ),
            Dept(
                "Sở Lao động - Thương binh và Xã hội",
                "SLĐTBXH",
                ("VL-ATLĐ", "VP", "GDNN"),
                ("Giấy phép hoạt động dịch vụ việc làm",),
                ("Giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp",),
                "Tư vấn, giới thiệu việc làm cho người lao động",
            ),
            Dept(
                "Sở Văn hóa, Thể thao và Du lịch",
                "SVHTTDL",
                ("QLVH", "VP", "QLDL"),
                ("Giấy phép kinh doanh dịch vụ lữ hành nội địa",),
                ("Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",),
                "Kinh doanh dịch vụ lữ hành phục vụ khách du lịch nội địa",
            ),
            Dept(
                "Sở Giáo dục và Đào tạo",
                "SGDĐT",
                ("GDTrH", "VP", "KTKĐ"),
                ("Giấy phép tổ chức hoạt động giáo dục kỹ năng sống",),
                ("Giấy chứng nhận đăng ký hoạt động dạy thêm, học thêm",),
                "Tổ chức các lớp giáo dục kỹ năng sống ngoài giờ chính khóa",
            ),
            Dept(
                "Ban Quản lý các khu công nghiệp",
                "BQLKCN",
                ("QLĐT", "VP", "QLMT"),
                ("Giấy phép xây dựng công trình trong khu công nghiệp",),
                ("Giấy chứng nhận đăng ký đầu tư",),
                "Sản xuất, lắp ráp linh kiện điện tử trong khu công nghiệp",
            ),
            Dept(
                "Sở Nông nghiệp và Môi trường",
                "SNNMT",
                ("CCTY", "VP", "QLĐĐ"),
                ("Giấy phép khai thác, sử dụng nước mặt",),
                ("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông sản",),
                "Sơ chế, đóng gói nông sản tại cơ sở đã đăng ký",
            ),
        )
    ),
    agencies=_fresh_agencies(
        (
            Agency(
                "Bộ Thông tin và Truyền thông",
                "Cục Viễn thông",
                "CVT",
                ("Giấy phép thiết lập mạng viễn thông công cộng",),
                ("Giấy chứng nhận hợp quy thiết bị viễn thông",),
                "Thiết lập mạng viễn thông cố định mặt đất trong phạm vi toàn quốc",
            ),
            Agency(
                "Bộ Nông nghiệp và Phát triển nông thôn",
                "Cục Thú y",
                "TY",
                ("Giấy phép nhập khẩu thuốc thú y",),
                ("Giấy chứng nhận cơ sở an toàn dịch bệnh động vật",),
                "Nhập khẩu thuốc thú y thành phẩm theo danh mục được phép lưu hành",
            ),
            Agency(
                "Bộ Văn hóa, Thể thao và Du lịch",
                "Cục Du lịch Quốc gia Việt Nam",
                "CDLQGVN",
                ("Giấy phép kinh doanh dịch vụ lữ hành quốc tế",),
                ("Giấy chứng nhận cơ sở lưu trú du lịch đạt tiêu chuẩn",),
                "Kinh doanh dịch vụ lữ hành quốc tế phục vụ khách du lịch vào Việt Nam",
            ),
        )
    ),
    decision_subjects=_fresh(
        (
            "Về việc giao chỉ tiêu kế hoạch tuyển sinh năm học {y}",
            "Về việc công nhận xã đạt chuẩn nông thôn mới năm {y}",
            "Về việc phân bổ kinh phí hỗ trợ khắc phục hậu quả thiên tai",
            "Về việc thu hồi đất để thực hiện dự án khu dân cư mới",
        ),
        _DEV.decision_subjects,
        _EVAL.decision_subjects,
    ),
    directive_subjects=_fresh(
        (
            "Về việc tăng cường quản lý, bảo vệ rừng trên địa bàn {place}",
            "Về việc đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {y}",
            "Về việc bảo đảm trật tự, an toàn giao thông dịp Tết Nguyên đán",
        ),
        _DEV.directive_subjects,
        _EVAL.directive_subjects,
    ),
    report_subjects=_fresh(
        (
            "Kết quả công tác phòng, chống tham nhũng {q} năm {y}",
            "Tình hình thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {y}",
            "Kết quả triển khai Đề án phát triển ứng dụng dữ liệu dân cư năm {y}",
        ),
        _DEV.report_subjects,
        _EVAL.report_subjects,
    ),
    submission_subjects=_fresh(
        (
            "Về việc đề nghị điều chỉnh quy hoạch sử dụng đất đến năm 2030",
            "Về việc đề nghị phê duyệt danh mục dự án kêu gọi đầu tư năm {y}",
            "Về việc đề nghị khen thưởng tập thể, cá nhân có thành tích xuất sắc",
        ),
        _DEV.submission_subjects,
        _EVAL.submission_subjects,
    ),
    letter_subjects=_fresh(
        (
            "V/v góp ý dự thảo Quyết định quy định giá dịch vụ",
            "V/v rà soát, đề xuất nhu cầu đào tạo, bồi dưỡng cán bộ năm {y}",
            "V/v tăng cường phòng, chống dịch bệnh trên cây trồng",
            "V/v thực hiện chế độ báo cáo định kỳ {q} năm {y}",
        ),
        _DEV.letter_subjects,
        _EVAL.letter_subjects,
    ),
)

# ``hold``: a second held-out family, measured only (never tuned on, its misses never looked into). Written
# from general knowledge of Vietnamese administration without reading eval's lists, each candidate list
# filtered so that hold keeps none of dev's, alt's or eval's values (the filter only removes). The provinces
# are too few for a fourth family: hold draws alt's (dev's and the two largest cities). Persons: family,
# middle and given names no family draws, some two in five family and given names on none of the
# extractor's lists (from ``samples.heldout_names``), the rest listed ones no pool used.
_OTHERS = (_DEV, _ALT, _EVAL)
# every syllable any other family names a person with: a hold syllable is none of them, in any position
_NAMES_TAKEN = tuple(s for p in _OTHERS for s in p.surnames + p.middle_m + p.middle_f + p.given_m + p.given_f)


def _held(candidates: tuple[str, ...], field: str) -> tuple[str, ...]:
    return _fresh(candidates, *(getattr(p, field) for p in _OTHERS))


def _held_names(candidates: tuple[str, ...]) -> tuple[str, ...]:
    return _fresh(candidates, _NAMES_TAKEN)


def _held_organs(candidates: tuple[Dept | Agency, ...]) -> tuple[Any, ...]:
    """The organs none of whose names, abbreviations, licence and certificate titles (nor, for a Cục, its
    ministry) is another family's."""
    others: list[Dept | Agency] = [
        *(d for p in _OTHERS for d in p.depts),
        *(a for p in _OTHERS for a in p.agencies),
    ]
    taken = {o.name for o in others} | {o.abbr for o in others}
    taken |= {t for o in others for t in o.licences + o.certificates}
    taken |= {o.ministry for o in others if isinstance(o, Agency)}
    out = []
    for o in candidates:
        mine = {o.name, o.abbr, *o.licences, *o.certificates}
        if isinstance(o, Agency):
            mine.add(o.ministry)
        if not mine & taken:
            out.append(o)
    return tuple(out)


_HOLD = Pools(
    family=Family.HOLD,
    provinces=_ALT.provinces,  # too few to keep apart (see above): shared with alt and dev, never with eval
    surnames=_held_names(
        (
            # listed (the extractor's SURNAMES), no family's
            "Trịnh",
            "Vương",
            "Phùng",
            "Doãn",
            "Nghiêm",
            "Tống",
            "Thân",
            "Hứa",
            "Lại",
            "Nông",
            "Diệp",
            "Từ",
            "Bế",
            "Ngụy",
            # on none of the extractor's lists (samples.heldout_names.FAMILY)
            "Khuất",
            "Đậu",
            "Tiết",
            "Ung",
            "Khâu",
            "Nhan",
            "Đống",
        )
    ),
    middle_m=_held_names(("Thanh", "Chí", "Tấn", "Gia", "Đăng", "Hoài", "Tất", "Sỹ", "Phước", "Nhật")),
    middle_f=_held_names(("Thùy", "Cẩm", "Quỳnh", "Như", "Lệ", "Bảo", "Tường", "Uyên")),
    given_m=_held_names(
        (
            "Tuấn",
            "Trung",
            "Vinh",
            "Hưng",
            "Thuận",
            "Tín",
            "Cảnh",
            "Kiệt",
            "Khôi",
            "Lượng",
            "Triết",
            "Chương",
            # unlisted (samples.heldout_names.GIVEN)
            "Bổng",
            "Nhơn",
            "Quới",
            "Rạng",
            "Thưởng",
            "Hựu",
            "Mậu",
        )
    ),
    given_f=_held_names(
        (
            "Trang",
            "Dung",
            "Hằng",
            "Thủy",
            "Nga",
            "Phượng",
            "Diễm",
            "Thắm",
            "Nhàn",
            "Xuyến",
            # unlisted (samples.heldout_names.GIVEN)
            "Mến",
            "Miên",
            "Nguyện",
            "Lượm",
            "Vẹn",
        )
    ),
    # the legal forms are few: the common ones shared (as alt's are), beside one no other family writes
    company_forms=_nfc(("Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV", "Công ty Hợp danh")),
    company_trades=_held(
        (
            "Chế biến Gỗ",
            "Cơ khí Chính xác",
            "Thủy sản",
            "Bao bì và In ấn",
            "Tư vấn Thiết kế",
            "Năng lượng Mặt trời",
            "Thực phẩm Sạch",
            "Vật liệu Xây dựng",
            "Thương mại Dịch vụ Xuất nhập khẩu",
            "Điện lạnh",
        ),
        "company_trades",
    ),
    company_brands=_held(
        (
            "Phú Gia",
            "Thiên Phúc",
            "Vạn Xuân",
            "Tràng An",
            "Hồng Hà",
            "Bảo Tín",
            "Lam Sơn",
            "An Bình Phát",
            "Việt Úc",
            "Quang Minh",
            "Sông Đà",
            "Tây Nguyên",
        ),
        "company_brands",
    ),
    streets=_held(
        (
            "Hai Bà Trưng",
            "Phạm Văn Đồng",
            "Nguyễn Văn Linh",
            "Tôn Đức Thắng",
            "Cách Mạng Tháng Tám",
            "30 Tháng 4",
            "Lê Hồng Phong",
            "Nguyễn Thị Minh Khai",
            "Phan Bội Châu",
            "Lý Tự Trọng",
            "Chu Văn An",
            "Hàm Nghi",
        ),
        "streets",
    ),
    depts=_held_organs(
        (
            Dept(
                "Sở Thông tin và Truyền thông",
                "STTTT",
                ("BCVT", "VP", "TTBCXB"),
                (
                    "Giấy phép xuất bản bản tin",
                    "Giấy phép thiết lập trang thông tin điện tử tổng hợp",
                ),
                ("Giấy chứng nhận đăng ký hoạt động cơ sở in",),
                "Xuất bản bản tin nội bộ định kỳ hằng tháng (khổ 19 x 27 cm, 24 trang, 500 bản/kỳ)",
            ),
            Dept(
                "Sở Nông nghiệp và Phát triển nông thôn",
                "SNNPTNT",
                ("TTBVTV", "VP", "CCTS"),
                ("Giấy phép khai thác thủy sản",),
                (
                    "Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật",
                    "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh "
                    "nông, lâm, thủy sản",
                ),
                "Khai thác thủy sản bằng tàu cá có chiều dài lớn nhất từ 15 m trở lên tại vùng khơi",
            ),
            Dept(
                "Ban Quản lý Khu kinh tế",
                "BQLKKT",
                ("QLLĐ", "VP", "QHXD"),
                (
                    "Giấy phép lao động cho người lao động nước ngoài làm việc tại khu kinh tế",
                    "Giấy phép quy hoạch dự án đầu tư xây dựng công trình",
                ),
                ("Giấy chứng nhận xuất xứ hàng hóa mẫu D",),
                "Sử dụng người lao động nước ngoài vào vị trí chuyên gia, nhà quản lý",
            ),
            Dept(
                "Sở Văn hóa và Thể thao",
                "SVHTT",
                ("QLVH", "VP", "NVTDTT"),
                ("Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke",),
                ("Giấy chứng nhận đăng ký hoạt động thư viện",),
                "Kinh doanh dịch vụ karaoke với 06 phòng hát tại địa điểm đã đăng ký",
            ),
            Dept(
                "Sở An toàn thực phẩm",
                "SATTP",
                ("QLATTP", "VP", "TTr"),
                ("Giấy phép tổ chức sự kiện ẩm thực có quy mô trên 200 suất ăn",),
                ("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",),
                "Sản xuất, kinh doanh thực phẩm bao gói sẵn tại cơ sở đã đăng ký",
            ),
            Dept(
                "Sở Dân tộc và Tôn giáo",
                "SDTTG",
                ("CSDT", "VP", "QLTG"),
                ("Giấy phép tổ chức cuộc lễ ngoài cơ sở tôn giáo",),
                ("Giấy chứng nhận đăng ký sinh hoạt tôn giáo tập trung",),
                "Tổ chức cuộc lễ tôn giáo ngoài cơ sở tôn giáo theo chương trình đã đăng ký",
            ),
            Dept(
                "Sở Quy hoạch - Kiến trúc",
                "SQHKT",
                ("QHKT", "VP", "HTKT"),
                ("Giấy phép quy hoạch",),
                ("Giấy chứng nhận đăng ký hành nghề kiến trúc của tổ chức tư vấn thiết kế",),
                "Lập quy hoạch chi tiết tỷ lệ 1/500 khu đất có diện tích 4,8 ha",
            ),
        ),
    ),
    agencies=_held_organs(
        (
            Agency(
                "Bộ Giao thông vận tải",
                "Cục Hàng hải Việt Nam",
                "CHHVN",
                ("Giấy phép vận tải biển nội địa cho tàu biển nước ngoài",),
                ("Giấy chứng nhận đăng ký tàu biển Việt Nam",),
                "Vận chuyển hàng hóa bằng tàu biển giữa các cảng biển Việt Nam (tuyến Hải Phòng - Quy Nhơn)",
            ),
            Agency(
                "Bộ Khoa học và Công nghệ",
                "Cục An toàn bức xạ và hạt nhân",
                "ATBXHN",
                ("Giấy phép vận chuyển chất phóng xạ",),
                ("Giấy chứng nhận đăng ký dịch vụ hỗ trợ ứng dụng năng lượng nguyên tử",),
                "Vận chuyển nguồn phóng xạ kín dùng trong y tế và công nghiệp",
            ),
            Agency(
                "Bộ Xây dựng",
                "Cục Quản lý hoạt động xây dựng",
                "QLHĐXD",
                ("Giấy phép hoạt động xây dựng cho nhà thầu nước ngoài",),
                ("Giấy chứng nhận đủ điều kiện cung cấp dịch vụ thí nghiệm chuyên ngành xây dựng",),
                "Thi công xây dựng gói thầu thuộc dự án đầu tư xây dựng nhà máy xử lý chất thải rắn",
            ),
            Agency(
                "Bộ Lao động - Thương binh và Xã hội",
                "Cục Quản lý lao động ngoài nước",
                "QLLĐNN",
                ("Giấy phép hoạt động dịch vụ đưa người lao động đi làm việc ở nước ngoài theo hợp đồng",),
                ("Giấy chứng nhận đủ điều kiện bồi dưỡng kiến thức cần thiết cho người lao động",),
                "Đưa người lao động đi làm việc ở nước ngoài theo hợp đồng (thị trường Nhật Bản, Hàn Quốc)",
            ),
            Agency(
                "Bộ Tài chính",
                "Cục Quản lý, giám sát bảo hiểm",
                "QLGSBH",
                ("Giấy phép thành lập và hoạt động kinh doanh bảo hiểm",),
                ("Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ kế toán",),
                "Kinh doanh bảo hiểm phi nhân thọ và tái bảo hiểm phi nhân thọ",
            ),
            Agency(
                "Bộ Tư pháp",
                "Cục Bổ trợ tư pháp",
                "BTTP",
                ("Giấy phép thành lập chi nhánh của tổ chức hành nghề luật sư nước ngoài tại Việt Nam",),
                ("Giấy chứng nhận đăng ký hoạt động của Trung tâm trọng tài",),
                "Hành nghề luật sư tư vấn về pháp luật đầu tư, thương mại tại Việt Nam",
            ),
        ),
    ),
    decision_subjects=_held(
        (
            "Về việc phê duyệt danh sách hộ nghèo, hộ cận nghèo năm {y} trên địa bàn {place}",
            "Về việc ban hành Quy định tiêu chí, định mức phân bổ vốn sự nghiệp thực hiện Chương trình mục "
            "tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025",
            "Về việc phê duyệt kết quả lựa chọn nhà thầu Gói thầu số 07 (Tư vấn giám sát thi công xây dựng "
            "và lắp đặt thiết bị)",
            "Về việc giao biên chế công chức và số lượng người làm việc trong các đơn vị sự nghiệp công lập "
            "năm {y}",
            "Về việc công bố danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung và bị bãi bỏ",
            "Về việc xử phạt vi phạm hành chính",
            "Về việc điều chỉnh giá đất cụ thể để tính tiền bồi thường khi Nhà nước thu hồi 3,2 ha đất thực "
            "hiện dự án mở rộng Quốc lộ 1A (đoạn qua thị trấn)",
        ),
        "decision_subjects",
    ),
    directive_subjects=_held(
        (
            "Về việc chủ động phòng, chống, ứng phó với bão, áp thấp nhiệt đới, mưa lớn, lũ, ngập lụt và sạt "
            "lở đất năm {y}",
            "Về tăng cường công tác quản lý nhà nước đối với hoạt động khai thác, vận chuyển và kinh doanh "
            "khoáng sản trên địa bàn {place}",
            "Về việc nâng cao chất lượng, hiệu quả hoạt động của Bộ phận Một cửa các cấp",
            "Về việc thực hành tiết kiệm, chống lãng phí",
            "Về việc triển khai các biện pháp cấp bách phòng, chống bệnh Dịch tả lợn châu Phi (ASF)",
        ),
        "directive_subjects",
    ),
    report_subjects=_held(
        (
            "Tổng kết công tác năm {y} và phương hướng, nhiệm vụ trọng tâm năm tiếp theo",
            "Sơ kết 05 năm thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương "
            "Đảng khóa XII",
            "Tình hình thu, chi ngân sách nhà nước {q} năm {y} và nhiệm vụ, giải pháp những tháng cuối năm",
            "Kết quả rà soát, đánh giá chất lượng nước sạch nông thôn (theo Bộ chỉ số theo dõi - đánh giá) "
            "năm {y}",
            "Công tác thi đua, khen thưởng năm {y}",
        ),
        "report_subjects",
    ),
    submission_subjects=_held(
        (
            "Về việc đề nghị thẩm định, phê duyệt chủ trương đầu tư dự án Đường giao thông kết nối các xã "
            "vùng đồng bào dân tộc thiểu số (giai đoạn 2)",
            "Về việc đề nghị cấp bổ sung kinh phí mua sắm trang thiết bị y tế cho Trung tâm Y tế huyện "
            "năm {y}",
            "Về việc ban hành Nghị quyết quy định mức chi hỗ trợ đối với người hoạt động không chuyên trách "
            "ở cấp xã, ở thôn, tổ dân phố",
            "Về việc xin chủ trương chuyển mục đích sử dụng 12,5 ha đất trồng lúa sang đất phi nông nghiệp",
            "Về việc thông qua Đề án sắp xếp đơn vị hành chính cấp xã",
        ),
        "submission_subjects",
    ),
    letter_subjects=_held(
        (
            "V/v mời họp",
            "V/v cung cấp thông tin phục vụ công tác thanh tra năm {y}",
            "V/v đôn đốc nộp hồ sơ quyết toán dự án hoàn thành",
            "V/v tham gia ý kiến dự thảo Kế hoạch tổ chức Hội chợ thương mại, du lịch năm {y}",
            "V/v hướng dẫn kê khai, nộp lệ phí trước bạ (nhà, đất) qua Cổng Dịch vụ công quốc gia",
            "V/v phối hợp xác minh nguồn gốc đất tại thửa đất số 127, tờ bản đồ số 09",
        ),
        "letter_subjects",
    ),
)


def _measured_values() -> tuple[set[str], set[str]]:
    """Every value of the measure-only families' pools (eval's, hold's: provinces, names, organs, their
    abbreviations, ministries, licences, certificates, subjects …) and the held-out names'
    (``samples.heldout_names``) casefolded, and every syllable of their names: what ``corp`` (tuned on)
    must never draw, or tuning on it would tune on what eval and hold measure."""
    from samples import heldout_names

    values: set[str] = set()
    syllables: set[str] = set()
    for p in (_EVAL, _HOLD):
        for f in fields(p):
            v = getattr(p, f.name)
            if not isinstance(v, tuple):
                continue
            for x in v:
                if isinstance(x, str):
                    values.add(x.casefold())
                    if f.name in ("surnames", "middle_m", "middle_f", "given_m", "given_f"):
                        syllables.update(w.casefold() for w in x.split())
                else:  # a Dept or an Agency
                    for g in fields(x):
                        y = getattr(x, g.name)
                        values.update(z.casefold() for z in (y if isinstance(y, tuple) else (y,)))
    for held in (heldout_names.FAMILY, heldout_names.MIDDLE, heldout_names.GIVEN):
        syllables.update(w.casefold() for w in held)
    values |= syllables
    return values, syllables


def _corp_pools() -> Pools:
    """``corp``: every value from ``samples/data/corpus_pools.json`` (derived from the Official Gazette corpus
    by ``tools/build_corpus_pools.py``), so none is ours. Where the corpus names nothing usable the pools
    are built from its values in a neutral way, said at each: company trades are the ministries' fields
    ("Xây dựng", "Y tế"), brands are its place names ("Hương Sơn"), a Sở's or Cục's units are the corpus's
    "Vụ …" initials and VP, its activity is its licence's title without "Giấy phép", a tờ trình's subject is
    a title behind "Về việc"."""
    data = json.loads((Path(__file__).parent / "data" / "corpus_pools.json").read_text(encoding="utf-8"))
    rng = random.Random("corp-pools")  # which licences and units each organ gets: fixed, not per document
    apart, syllables = _measured_values()

    def free(value: str) -> bool:
        return value.casefold() not in apart

    def lst(key: str) -> tuple[str, ...]:
        return tuple(v for v in _nfc(tuple(data[key])) if free(v))

    def names(key: str) -> tuple[str, ...]:  # no syllable eval, hold or the held-out names use
        return tuple(v for v in lst(key) if not {w.casefold() for w in v.split()} & syllables)

    licences = tuple(t for t in lst("licences") if len(t.split()) >= 4)
    certificates = lst("certificates")
    units = tuple(u for u in lst("units") if u != "VP")
    titles = tuple(t for t in lst("titles") if "{" not in t)

    def activity(licence: str) -> str:
        rest = licence.removeprefix("Giấy phép ")
        return rest[0].upper() + rest[1:]

    def organ_docs() -> tuple[tuple[str, ...], tuple[str, ...], str, tuple[str, ...]]:
        lic = tuple(rng.sample(licences, 2))
        return lic, tuple(rng.sample(certificates, 2)), activity(lic[0]), ("VP", *rng.sample(units, 2))

    nfc = unicodedata.normalize
    depts = []
    for name, abbr in data["depts"]:
        if free(name := nfc("NFC", name)) and free(abbr := nfc("NFC", abbr)):
            lic, cert, act, un = organ_docs()
            depts.append(Dept(name, abbr, un, lic, cert, act))
    agencies = []
    for name, abbr, ministry in data["agencies"]:
        name, abbr, ministry = nfc("NFC", name), nfc("NFC", abbr), nfc("NFC", ministry)
        if free(name) and free(abbr) and free(ministry):
            lic, cert, act, _ = organ_docs()
            agencies.append(Agency(ministry, name, abbr, lic, cert, act))
    trades = tuple(
        t for t in _nfc(tuple(dict.fromkeys(m.removeprefix("Bộ ") for _, m in data["ministries"]))) if free(t)
    )
    letters = tuple(t for t in lst("letter_subjects") if not re.search(r"\d|ngày|đ/c|\bI\.", t))
    # eval's and hold's provinces (hold's are alt's) leave two of the corpus's (old ones): few, kept so
    # rather than drawn from a measured family's
    provinces = tuple(
        v for v in _nfc(tuple(data["provinces"]) + tuple(c for c in data["cities"] if c in CITIES)) if free(v)
    )
    return Pools(
        family=Family.CORP,
        provinces=provinces,
        surnames=names("surnames"),
        middle_m=names("middle_m"),
        middle_f=names("middle_f"),
        given_m=names("given_m"),
        given_f=names("given_f"),
        company_forms=lst("company_forms"),
        company_trades=trades,
        company_brands=lst("places"),
        streets=lst("streets"),
        depts=tuple(depts),
        agencies=tuple(agencies),
        decision_subjects=titles,
        directive_subjects=tuple(t for t in titles if t.startswith("Về ")),
        report_subjects=lst("report_subjects"),
        submission_subjects=tuple(
            v for t in titles if not t.startswith("Về ") and free(v := "Về việc " + t[0].lower() + t[1:])
        ),
        letter_subjects=letters,
    )


_POOLS: dict[Family, Pools] = {
    Family.DEV: _DEV,
    Family.EVAL: _EVAL,
    Family.ALT: _ALT,
    Family.HOLD: _HOLD,
}


def pools(family: Family | str) -> Pools:
    """The value pools of a family (no two families share a name, organ, place, company or subject).
    ``corp``'s are built at the first call (they keep apart from ``samples.heldout_names``, which imports
    this module)."""
    fam = Family(family)
    if fam not in _POOLS and fam is Family.CORP:
        _POOLS[fam] = _corp_pools()
    return _POOLS[fam]
