"""Extract: the contract fields (Circular 02/2019/TT-BNV metadata) from recognized pages.

Works on OCR words with their boxes (and on the text of born-digital pages, whose words carry boxes too) of
documents in the Decree 30/2020 layout:

- header, two columns told apart by x position: left = parent organ (first line) and organ (next lines),
  then "Số: 1169/QĐ-UBND" (split into number and notation, the notation repaired against known
  abbreviations) and for a công văn the "V/v ..." trích yếu; right = the national motto and
  "<place>, ngày .. tháng .. năm ...." (place and issue date);
- the type name line ("QUYẾT ĐỊNH", "GIẤY PHÉP" ...) and the trích yếu under it;
- the body: holder ("Tên tổ chức:", "Cơ sở:", "Ông/Bà:", "... cho Công ty ..."), tax code / citizen ID,
  validity ("có hiệu lực kể từ ngày ký", "có hiệu lực/giá trị đến ngày ...", "từ ngày .. đến ngày ..");
- the signer block on the last page, right half: the last title line ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" →
  "Phó Giám đốc") and the name, the lowest line under it (even where a red seal covers part of it).

OCR noise is met by matching on diacritic-folded text (``digitize.text.fold``) and by rapidfuzz against
vocabularies (document types, organs, the 63 provinces, titles, surnames), which also restores diacritics.
Each field gets a confidence 0..1 = OCR confidence of the words it came from x match quality.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from digitize.pipeline.model import FIELD_NAMES, Box, ExtractedField, Extraction, RecognizedPage, Word
from digitize.text import fold, nfc, squash

# Fields every document should yield; a low-confidence (or missing) one puts the document in review.
REQUIRED_FIELDS: tuple[str, ...] = (
    "type_name",
    "code_number",
    "code_notation",
    "issued_date",
    "organ_name",
    "subject",
    "signer_name",
)
# Extra required fields for results that are reused by other agencies.
REQUIRED_BY_TYPE: dict[str, tuple[str, ...]] = {
    "Giấy phép": ("holder_name", "valid_until"),
    "Giấy chứng nhận": ("holder_name",),
}
REVIEW_THRESHOLD = 0.6

# --------------------------------------------------------------------------------------------- vocabulary

CENTRAL_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")
PROVINCES: tuple[str, ...] = (
    *CENTRAL_CITIES,
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn",
    "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Huế",
)  # fmt: skip
# Other place names seen on date lines (provincial cities, districts).
PLACES: tuple[str, ...] = (
    *PROVINCES,
    "Buôn Ma Thuột", "Vinh", "Nha Trang", "Đà Lạt", "Quy Nhơn", "Hạ Long", "Việt Trì", "Biên Hòa",
    "Thủ Dầu Một", "Pleiku", "Rạch Giá", "Long Xuyên", "Mỹ Tho", "Phan Thiết", "Tuy Hòa", "Đồng Hới",
    "Tam Kỳ", "Móng Cái", "Sa Pa", "Thủ Đức",
)  # fmt: skip

DEPARTMENTS: tuple[str, ...] = (
    "Sở Nội vụ", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường", "Sở Giao thông vận tải",
    "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông",
    "Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa và Thể thao",
    "Sở Du lịch", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Ngoại vụ",
    "Sở Dân tộc và Tôn giáo", "Ban Dân tộc", "Thanh tra tỉnh", "Văn phòng Ủy ban nhân dân",
    "Ban Quản lý các khu công nghiệp", "Công an tỉnh", "Bộ Khoa học và Công nghệ", "Bộ Y tế",
    "Bộ Giáo dục và Đào tạo", "Bộ Nội vụ", "Cục An toàn bức xạ và hạt nhân",
)  # fmt: skip

DOC_TYPES: tuple[str, ...] = (
    "Quyết định", "Giấy phép", "Giấy chứng nhận", "Công văn", "Thông báo", "Kế hoạch", "Báo cáo", "Tờ trình",
    "Chỉ thị", "Nghị quyết", "Hướng dẫn", "Giấy mời", "Biên bản", "Chứng chỉ", "Giấy xác nhận", "Quy chế",
    "Quy định", "Công điện", "Giấy giới thiệu", "Phương án", "Đề án", "Chương trình", "Hợp đồng",
    "Giấy ủy quyền", "Thông cáo", "Phiếu chuyển", "Bản ghi nhớ",
)  # fmt: skip
NOTATION_TYPES: dict[str, str] = {
    "QĐ": "Quyết định", "GP": "Giấy phép", "GCN": "Giấy chứng nhận", "TB": "Thông báo", "KH": "Kế hoạch",
    "BC": "Báo cáo", "TTr": "Tờ trình", "CT": "Chỉ thị", "NQ": "Nghị quyết", "HD": "Hướng dẫn",
    "GM": "Giấy mời", "BB": "Biên bản", "CC": "Chứng chỉ", "GXN": "Giấy xác nhận", "QC": "Quy chế",
    "QyĐ": "Quy định", "CĐ": "Công điện", "GGT": "Giấy giới thiệu", "PA": "Phương án", "ĐA": "Đề án",
    "CTr": "Chương trình", "HĐ": "Hợp đồng", "GUQ": "Giấy ủy quyền", "PC": "Phiếu chuyển",
}  # fmt: skip
# Abbreviations seen in notations (with Đ where they have one): restored when OCR loses the stroke.
KNOWN_ABBREVIATIONS: tuple[str, ...] = (
    *NOTATION_TYPES, "UBND", "HĐND", "VP", "NĐ", "CP", "TTg", "BNV", "QLĐĐ", "ĐKKD", "LĐVL", "KTĐN",
    "KTKĐ", "GDĐT", "SGDĐT", "SKHĐT", "SLĐTBXH", "CTrTT", "ĐT", "TCĐ", "QLĐT", "KĐCL", "ĐTXD",
    "PCTT", "TĐKT", "ĐTN", "BQLDA", "TCCB", "TTr", "QLCL", "QLCN",
)  # fmt: skip

TITLES: tuple[str, ...] = (
    "Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Chánh Văn phòng", "Phó Chánh Văn phòng",
    "Trưởng phòng", "Phó Trưởng phòng", "Chánh Thanh tra", "Phó Chánh Thanh tra", "Cục trưởng",
    "Phó Cục trưởng", "Bộ trưởng", "Thứ trưởng", "Trưởng ban", "Phó Trưởng ban", "Hiệu trưởng",
    "Phó Hiệu trưởng", "Viện trưởng", "Phó Viện trưởng", "Tổng Giám đốc", "Phó Tổng Giám đốc",
    "Chi cục trưởng", "Phó Chi cục trưởng", "Thủ trưởng", "Vụ trưởng", "Thủ tướng", "Phó Thủ tướng",
    "Phó Vụ trưởng", "Tổng cục trưởng", "Phó Tổng cục trưởng", "Chánh án", "Phó Chánh án",
)  # fmt: skip
SURNAMES: tuple[str, ...] = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Lâm", "Mai", "Trương", "Cao", "Hà", "Lương", "Tô", "Tạ",
    "Đào", "Quách", "Lưu", "Chu", "Kiều", "Vương", "Thái", "Triệu", "Hứa", "Lại", "Văn", "Châu", "Tăng",
)  # fmt: skip

_AUTH_PREFIX = re.compile(r"^\s*(kt|tm|tl|q|ttl)\s*[.,:]?\s+", re.I)
# "ÁT. CHỦ TỊCH", "kT. CHỦ TỊCH": a "KT." half under the seal (one letter, then "T.")
_KT_MISREAD = re.compile(r"^\W*(?:[a-z]{1,2}\s+)?[a-z]t\s*\.\s+")
_BODY_START = (
    "giam doc", "chu tich", "can cu", "chung nhan", "cap phep", "kinh gui", "bo truong", "uy ban nhan dan",
    "thu truong", "cuc truong", "truong ban", "hieu truong", "xet ", "theo de nghi", "dieu 1", "nay ",
    "hoi dong", "ban chap hanh", "thu tuong",
)  # fmt: skip


def _folded_vocab(items: Iterable[str]) -> dict[str, str]:
    return {fold(x): x for x in items}


_F_PROVINCES = _folded_vocab(PROVINCES)
_F_PLACES = _folded_vocab(PLACES)
_F_TYPES = _folded_vocab(DOC_TYPES)
_F_TITLES = _folded_vocab(TITLES)
_F_SURNAMES = _folded_vocab(SURNAMES)


def _organ_vocab() -> dict[str, str]:
    out = _folded_vocab(DEPARTMENTS)
    for p in PROVINCES:
        level = "thành phố" if p in CENTRAL_CITIES or p == "Huế" else "tỉnh"
        out[fold(f"Ủy ban nhân dân {level} {p}")] = f"Ủy ban nhân dân {level} {p}"
        out[fold(f"Công an {level} {p}")] = f"Công an {level} {p}"
    return out


_F_ORGANS = _organ_vocab()

# --------------------------------------------------------------------------------------------- text helpers

_DIGITISH = str.maketrans({"o": "0", "O": "0", "D": "0", "l": "1", "I": "1", "i": "1", "|": "1", "S": "5"})
# old-style tone placement → the form used in GT and vocabularies ("hoà" → "hòa", "uỷ" → "ủy")
_TONE_FIX = [
    (re.compile(p, re.I), r)
    for p, r in (
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    )
]  # fmt: skip


def normalize_tones(text: str) -> str:
    """Modern tone placement (``Hoà`` → ``Hòa``, ``Uỷ`` → ``Ủy``), keeping the case of each letter."""
    if not text:
        return text
    out = nfc(text)
    for pat, rep in _TONE_FIX:

        def _sub(m: re.Match[str], rep: str = rep) -> str:
            src = m.group(0)
            return "".join(r.upper() if s.isupper() else r for s, r in zip(src, rep, strict=True))

        out = pat.sub(_sub, out)
    # "Hoà" at a word end only: "hoàn" keeps its à
    return out


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    f = fold(ch)
    return f if len(f) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch)


def _fold1(text: str) -> str:
    """``fold`` with the length kept, so that offsets in the folded text are offsets in the original."""
    return "".join(map(_fold_char, text))


def _sentence_case(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.7:
        low = text.lower()
        return low[:1].upper() + low[1:]
    return text


def _clean_value(text: str) -> str:
    return squash(text).strip(" ,;:.-–—_|'\"“”")


# --------------------------------------------------------------------------------------------- lines


@dataclass(frozen=True)
class _Line:
    page: int
    words: tuple[Word, ...]
    text: str
    folded: str
    x0: float
    y0: float
    x1: float
    y1: float
    conf: float  # 0..1
    width: float  # page width
    height: float
    boxed: bool

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


def _make_line(page: RecognizedPage, words: Sequence[Word], boxed: bool = True) -> _Line:
    text = nfc(" ".join(w.text for w in words))
    conf = statistics.fmean(w.conf for w in words) / 100.0 if words else 1.0
    return _Line(
        page=page.index,
        words=tuple(words),
        text=text,
        folded=_fold1(text),
        x0=min(w.box.x0 for w in words),
        y0=min(w.box.y0 for w in words),
        x1=max(w.box.x1 for w in words),
        y1=max(w.box.y1 for w in words),
        conf=max(0.0, min(1.0, conf)),
        width=page.width,
        height=page.height,
        boxed=boxed,
    )


def _page_lines(page: RecognizedPage) -> list[_Line]:
    if page.words:
        by_line: dict[int, list[Word]] = {}
        for w in page.words:
            if w.text.strip():
                by_line.setdefault(w.line, []).append(w)
        return [_make_line(page, ws) for _, ws in sorted(by_line.items())]
    # text without boxes: one pseudo line per text line, full width
    out = []
    conf = 100.0 if page.source == "text" else 100.0 * (page.confidence or 0.5)
    for n, raw in enumerate(page.text.split("\n")):
        if not raw.strip():
            continue
        y = float(n * 20)
        words = [
            Word(text=t, conf=conf, box=_box(0.0, y, page.width or 1.0, y + 15), line=n) for t in raw.split()
        ]
        out.append(_make_line(page, words, boxed=False))
    return out


def _box(x0: float, y0: float, x1: float, y1: float) -> Box:
    return Box(x0, y0, x1, y1)


def _sub_line(line: _Line, words: Sequence[Word]) -> _Line:
    page = RecognizedPage(index=line.page, source="ocr", width=line.width, height=line.height, text="")
    return _make_line(page, words, boxed=line.boxed)


def _split(line: _Line, gutter: float) -> tuple[_Line | None, _Line | None]:
    if not line.boxed:
        return line, None
    left = [w for w in line.words if (w.box.x0 + w.box.x1) / 2 < gutter]
    right = [w for w in line.words if (w.box.x0 + w.box.x1) / 2 >= gutter]
    return (_sub_line(line, left) if left else None, _sub_line(line, right) if right else None)


# --------------------------------------------------------------------------------------------- dates

_N = r"[0-9oOlI]"
_WORD_DATE = re.compile(
    rf"ngay\s*({_N}{{1,2}})\s*[,.]?\s*thang\s*({_N}{{1,2}})\s*[,.]?\s*nam\s*({_N}{{4}})",
)
_NUM_DATE = re.compile(r"(?<!\d)([0-3]?\d)\s*[/.\-]\s*([01]?\d)\s*[/.\-]\s*((?:19|20)\d{2})(?!\d)")


def _mkdate(d: str, m: str, y: str) -> dt.date | None:
    try:
        return dt.date(int(y.translate(_DIGITISH)), int(m.translate(_DIGITISH)), int(d.translate(_DIGITISH)))
    except ValueError:
        return None


def find_dates(folded: str) -> list[tuple[int, int, dt.date]]:
    """Dates in folded text: ``ngay 5 thang 6 nam 2020`` and ``05/06/2020`` → (start, end, date)."""
    out: list[tuple[int, int, dt.date]] = []
    for m in _WORD_DATE.finditer(folded):
        d = _mkdate(m.group(1), m.group(2), m.group(3))
        if d:
            out.append((m.start(), m.end(), d))
    for m in _NUM_DATE.finditer(folded):
        d = _mkdate(m.group(1), m.group(2), m.group(3))
        if d and not any(s <= m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), d))
    return sorted(out)


def parse_date(text: str) -> dt.date | None:
    """The first date in ``text`` ("ngày 5 tháng 6 năm 2020", "05/06/2020", OCR-noisy forms)."""
    found = find_dates(_fold1(nfc(text)))
    return found[0][2] if found else None


# --------------------------------------------------------------------------------------------- fields


class _Result:
    def __init__(self) -> None:
        self.fields: dict[str, ExtractedField] = {}

    def set(self, name: str, value: str | None, confidence: float) -> None:
        if value is None or not str(value).strip():
            return
        if name in self.fields and self.fields[name].value is not None:
            return
        self.fields[name] = ExtractedField(
            name, nfc(str(value).strip()), round(max(0.0, min(1.0, confidence)), 3)
        )

    def extraction(self) -> Extraction:
        return Extraction({n: self.fields.get(n, ExtractedField(n, None, 0.0)) for n in FIELD_NAMES})


def _match(text: str, vocab: dict[str, str], cutoff: float) -> tuple[str, float] | None:
    key = fold(squash(text))
    if not key:
        return None
    hit = process.extractOne(key, list(vocab), scorer=fuzz.ratio, score_cutoff=cutoff)
    if hit is None:
        return None
    return vocab[hit[0]], float(hit[1]) / 100.0


def _is_motto(line: _Line) -> bool:
    return (
        len(line.folded) >= 22 and fuzz.partial_ratio("cong hoa xa hoi chu nghia viet nam", line.folded) >= 80
    )


def _is_motto2(line: _Line) -> bool:
    return len(line.folded) >= 18 and fuzz.partial_ratio("doc lap - tu do - hanh phuc", line.folded) >= 80


def _type_line(line: _Line) -> tuple[str, float] | None:
    letters = re.sub(r"[^a-z ]", "", line.folded).strip()
    if not letters or len(letters) > 24:
        return None
    if line.text.strip()[:1].islower():
        return None
    hit = _match(letters, _F_TYPES, 84)
    return hit


def _province(text: str, cutoff: float = 80) -> tuple[str, float] | None:
    t = re.sub(r"^(tinh|thanh pho|tp\.?)\s+", "", fold(squash(text)))
    return _match(t, _F_PROVINCES, cutoff)


def _parent_organ(text: str) -> tuple[str, float]:
    f = fold(squash(text))
    # up to two junk characters before (a speck read as "L", a quote)
    m = re.match(r"^\W?\w?\W?(ubnd|u\s*b\s*n\s*d|uy ban nhan dan)\s*(tinh|thanh pho|tp\.?)?\s*(.*)$", f)
    if m:
        level = "thành phố" if (m.group(2) or "").startswith(("thanh", "tp")) else "tỉnh"
        prov = _province(m.group(3))
        if prov:
            name = prov[0]
            if m.group(2) is None and name in CENTRAL_CITIES:
                level = "thành phố"
            return f"UBND {level} {name}", prov[1]
        return "UBND " + _sentence_case(text.split(None, 1)[1] if " " in text else text), 0.6
    hit = _match(text, _F_ORGANS, 85)
    if hit:
        return hit
    return _sentence_case(normalize_tones(squash(text))), 0.7


_AUTHORITY_START = (
    "giam doc", "chu tich", "bo truong", "uy ban nhan dan", "thu truong", "cuc truong", "truong ban",
    "hieu truong", "hoi dong", "ban chap hanh", "thu tuong",
)  # fmt: skip


def _centred_part(ln: _Line, cx: float) -> _Line | None:
    """The longest run of the line's words (only end words dropped) centred on ``cx`` (the type name's
    centre): a stamp or a banner in the margin beside a centred subject line is left out. None when no run
    is centred (a stamp's own line)."""
    words = sorted(ln.words, key=lambda w: w.box.x0)
    tol = 0.025 * ln.width
    best: tuple[int, int] | None = None
    for i in range(len(words)):
        for j in range(len(words) - 1, i - 1, -1):
            if best is not None and j - i <= best[1] - best[0]:
                break
            if abs((words[i].box.x0 + words[j].box.x1) / 2 - cx) <= tol:
                best = (i, j)
                break
    if best is None:
        return None
    if best == (0, len(words) - 1):
        return ln
    return _sub_line(ln, words[best[0] : best[1] + 1])


def _continues(ln: _Line) -> bool:
    """A subject's next line in normal case ("Ủy ban nhân dân tỉnh Bắc Kạn nhiệm kỳ ...") goes on with it; the
    authority line that opens the body ("ỦY BAN NHÂN DÂN TỈNH ...", "CHỦ TỊCH ...") is in capitals."""
    letters = [ch for ch in ln.text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) < 0.5 * len(letters)


def _strip_speck(text: str) -> str:
    """A speck or a stray mark before the first word ("- Về việc", "Ò Phê chuẩn") is not the subject's."""
    return re.sub(r"^(?:[^\w\s]+\s*|\w\s+(?=[A-ZÀ-ỸĐ]))+", "", text.strip())


_CITES = re.compile(
    r"^\W*(can cu|xet|theo de nghi)|\b(nghi dinh|thong tu|quyet dinh|luat|cong van) so\b|\bso \S+/"
)
# "Quảng Ngãi, ngày    tháng 01 năm 2025": the header's date line, whatever its digits
_PLACE_DATE = re.compile(r"[,.]?\s*ng[aà]y\b(?=.*\bth[aá]ng\b.*\bn[aă]m\b)", re.I)


def _set_place(res: _Result, ln: _Line, prefix: str) -> None:
    prefix = re.sub(r"(?i)^.*?(độc lập.*hạnh phúc)", "", prefix)
    prefix = _clean_value(prefix)
    if prefix:
        hit = _match(re.sub(r"^(thanh pho|tp\.?)\s*", "", fold(prefix)), _F_PLACES, 78)
        if hit:
            res.set("place", hit[0], ln.conf * hit[1])
        elif len(prefix) <= 30:
            res.set("place", normalize_tones(prefix), ln.conf * 0.6)


def _ubnd_organ(text: str) -> tuple[str, float] | None:
    """ "ỦY BAN NHÂN DÂN / TỈNH QUẢNG NGÃI" (one organ over two lines, no parent) → its proper name."""
    f = fold(squash(text))
    m = re.match(r"^\W?\w?\W?(uy ban nhan dan|ubnd)\s+(tinh|thanh pho|tp\.?)\s+(.+)$", f)
    if m is None:
        return None
    prov = _province(m.group(3))
    if prov is None:
        return None
    level = "thành phố" if m.group(2).startswith(("thanh", "tp")) else "tỉnh"
    return f"Ủy ban nhân dân {level} {prov[0]}", prov[1]


def _organ(text: str) -> tuple[str, float]:
    hit = _match(text, _F_ORGANS, 84)
    if hit:
        return hit
    return _sentence_case(normalize_tones(squash(text))), 0.7


def _abbreviation(organ: str) -> str | None:
    words = [w for w in re.split(r"[\s,\-]+", organ) if w and w.lower() != "và"]
    if not words:
        return None
    if fold(organ).startswith("uy ban nhan dan"):
        return "UBND"
    return "".join(w[0].upper() for w in words)


def _abbr_key(text: str) -> str:
    """Comparison key of an abbreviation: folded, with the usual OCR confusions (0/O/Q, 1/I/l) merged."""
    return fold(text).replace("0", "o").replace("q", "o").replace("1", "i").replace("l", "i")


def _repair_notation(raw: str, organ: str | None) -> tuple[str, float]:
    s = nfc(raw).replace("Ð", "Đ").replace("—", "-").replace("–", "-").replace("_", "-")
    s = re.sub(r"\s+", "", s).strip(".,;:|")
    parts = [p for p in s.split("-")]
    known = list(KNOWN_ABBREVIATIONS)
    ab = _abbreviation(organ) if organ else None
    if ab:
        known.insert(0, ab)
    fixed = []
    quality = 1.0
    for p in parts:
        if not p:
            continue
        key = _abbr_key(p)
        cands = {_abbr_key(k): k for k in reversed(known)}
        if key in cands:
            rep = cands[key]
            fixed.append(rep)
            continue
        if len(p) >= 4 or (not fixed and len(p) >= 3):
            pool = cands
            if not fixed:  # the first part: a type prefix, or the organ's own abbreviation for a công văn
                firsts = [*NOTATION_TYPES, "UBND", *([ab] if ab else [])]
                pool = {_abbr_key(k): k for k in firsts}
            hit = process.extractOne(key, list(pool), scorer=fuzz.ratio, score_cutoff=80)
            if hit:
                fixed.append(pool[hit[0]])
                quality = min(quality, float(hit[1]) / 100.0)
                continue
        fixed.append(p)
        quality = min(quality, 0.85)
    return "-".join(fixed), quality


_NUMBER = re.compile(r"([0-9oOlI]{1,6})\s*/\s*(?:((?:19|20)\d{2})\s*/\s*)?([^\s/]+(?:\s*-\s*[^\s/]+)*)")
_VV_NOISE = r"[\'\"`‘’“”.,:;*-]{0,2}"  # a speck before "V/v" reads as a quote or a dot on phone photos
_VV = re.compile(r"^\s*" + _VV_NOISE + r"\s*(v\s*[/\\|l1i]\s*v\b|vv\s)")
_VV_PREFIX = re.compile(r"^\s*" + _VV_NOISE + r"\s*(v\s*[/\\|l1i]\s*v\b\.?|vv\b|v\s*[/\\|l1i])\s*")
_SO_WORD = re.compile(r"^\s*s[o0ô6e]\S?\s*[:;.,]")
_NOSLASH = re.compile(
    r"^\s*\S{1,3}\s*[:;.,]?\s*([0-9]{1,6})()\s*([A-ZĐÐ][A-Za-zĐđÐ]{0,7}\s*-\s*[A-Za-zĐđÐ0-9]+(?:-[A-Za-zĐđÐ0-9]+)*)"
)
_SO = re.compile(r"^\s*[sš5][^\s\d]{0,2}\s*[:;.,]?\s*(?=[0-9oOlI]{1,6}\s*/)")
# "Số: ## /CT-UBND", "Số: 72#QĐ-TTg": whatever stands for the number, then the printed notation
_HAND_NUMBER = re.compile(
    r"^\s*\W?\s*s[o0ô6]\S?\s*[:;.,]\s*\S{0,5}?\s*[/#|\\]?\s*([a-zđ]{1,6}(?:\s*-\s*[a-zđ]{1,8}){1,2})\b"
)
_SO_IN_LINE = re.compile(r"\s+S[ốoô6Ố]\S?\s*[:;.,]\s*.*$")


def extract(pages: Sequence[RecognizedPage]) -> Extraction:
    """Every field of the contract table from the recognized pages of one document."""
    res = _Result()
    if not pages:
        return res.extraction()
    all_lines = [ln for p in pages for ln in _page_lines(p)]
    first = [ln for ln in all_lines if ln.page == pages[0].index]
    last = [ln for ln in all_lines if ln.page == pages[-1].index]
    if not first:
        return res.extraction()
    width = first[0].width or 1.0

    # ---- header zone and columns
    motto_i = next((i for i, ln in enumerate(first[:14]) if _is_motto(ln)), None)
    gutter = width * 0.45
    if motto_i is not None and first[motto_i].boxed:
        mline = first[motto_i]
        cong = [w for w in mline.words if fold(w.text).startswith(("cong", "cộng"))]
        x_motto = cong[0].box.x0 if cong else mline.x0
        gutter = max(width * 0.3, min(width * 0.55, x_motto - width * 0.02))
    type_i: int | None = None
    type_hit: tuple[str, float] | None = None
    for i, ln in enumerate(first[:30]):
        if motto_i is not None and i <= motto_i:
            continue
        hit = _type_line(ln)
        if hit and hit[0] != "Công văn":
            type_i, type_hit = i, hit
            break
    end = type_i if type_i is not None else len(first)
    header: list[_Line] = []
    for i, ln in enumerate(first[:end]):
        if (
            i > (motto_i or 0) + 1
            and ln.boxed
            and ln.x0 < gutter - width * 0.08
            and ln.x1 > gutter + width * 0.08
            and not re.search(r"\d\s*/", ln.folded)
        ):
            end = i
            break
        if fold(ln.text).startswith(("kinh gui", "can cu")):
            end = i
            break
        header.append(ln)
    left: list[_Line] = []
    right: list[_Line] = []
    for ln in header:
        a, b = _split(ln, gutter)
        if a is not None and re.search(r"[A-Za-zÀ-ỹĐđ0-9]", a.text):
            left.append(a)
        if b is not None and re.search(r"[A-Za-zÀ-ỹĐđ0-9]", b.text):
            right.append(b)
    if not any(ln.boxed for ln in header):  # no geometry: reading order is column by column already
        left = [ln for ln in header if not (_is_motto(ln) or _is_motto2(ln) or _WORD_DATE.search(ln.folded))]
        right = [ln for ln in header if ln not in left]

    # ---- number and notation (left column, else anywhere in the header)
    num_i: int | None = None
    raw_notation: str | None = None
    num_conf = 0.0
    for i, ln in enumerate(left + [x for x in header if x not in left]):
        t = ln.text
        m_so = _SO.match(fold(t))
        m = _NUMBER.search(t, m_so.end() if m_so else 0)
        if m is None and i < len(left):
            m = _NOSLASH.match(t) if _SO_WORD.match(_fold1(t)) else None  # "Số: 9GCN-STNMT": the slash lost
            m_so = m_so or (None if m is None else _SO_WORD.match(_fold1(t)))
        if m and (m_so or re.match(r"^\s*\S{0,4}\s*[:;.]?\s*[0-9oOlI]{1,6}\s*/", t)):
            number = m.group(1).translate(_DIGITISH)
            if number.isdigit():
                res.set("code_number", number, ln.conf)  # as written: "01" stays "01"
                raw_notation = m.group(3)
                num_conf = ln.conf
                num_i = i if i < len(left) else None
                break

    if "code_number" not in res.fields:
        # the number written by hand and unreadable: the printed notation after it still counts, and the
        # line still ends the organ lines
        for i, ln in enumerate(left[:8]):
            m_hand = _HAND_NUMBER.match(_fold1(ln.text))
            if m_hand:
                raw_notation = ln.text[m_hand.start(1) : m_hand.end(1)]
                num_conf = ln.conf * 0.9
                num_i = i
                break

    # ---- organ lines (left column above the number); a page without a Decree 30 header has none
    has_header = motto_i is not None or "code_number" in res.fields
    if not has_header:
        left, right, header = [], [], []
    organ_lines = [ln for ln in (left[:num_i] if num_i is not None else left[:3]) if not _is_motto(ln)]
    organ_lines = [ln for ln in organ_lines if len(re.sub(r"[^A-Za-zÀ-ỹĐđ]", "", ln.text)) >= 2]
    cut = next((k for k, ln in enumerate(organ_lines) if _SO_WORD.match(_fold1(ln.text))), None)
    organ_lines = organ_lines[:cut]
    organ_texts = [_SO_IN_LINE.sub("", ln.text) for ln in organ_lines]
    organ_name: str | None = None
    ubnd = _ubnd_organ(" ".join(organ_texts)) if len(organ_lines) <= 2 else None
    if ubnd is not None:
        organ_name = ubnd[0]
        res.set("organ_name", ubnd[0], statistics.fmean(ln.conf for ln in organ_lines) * ubnd[1])
    elif organ_lines:
        joined = " ".join(organ_texts)
        conf = statistics.fmean(ln.conf for ln in organ_lines)
        if (
            fold(joined).startswith(("uy ban nhan dan", "ubnd"))
            and len(organ_lines) <= 2
            and (
                len(organ_lines) == 1
                or not fold(organ_lines[1].text).startswith(("so ", "van phong", "ban "))
            )
        ) or len(organ_lines) == 1:
            name, q = _organ(joined)
            organ_name = name
            res.set("organ_name", name, conf * q)
        else:
            pname, pq = _parent_organ(organ_lines[0].text)
            res.set("parent_organ", pname, organ_lines[0].conf * pq)
            rest = organ_lines[1:]
            name, q = _organ(" ".join(ln.text for ln in rest))
            organ_name = name
            res.set("organ_name", name, statistics.fmean(ln.conf for ln in rest) * q)
    if raw_notation:
        notation, q = _repair_notation(raw_notation, organ_name)
        res.set("code_notation", notation, num_conf * q)

    # ---- place and issue date (right column, else the header, else the first date of page 1)
    # A body line citing another act ("Căn cứ Nghị định ... ngày 25/01/2016") never gives the issue date, and
    # when the header's own "<place>, ngày  tháng ... năm ..." line is there but its day (written by hand)
    # is unreadable, the date stays unknown rather than taken from the body.
    body_lines = [ln for ln in first[:25] if not _CITES.search(ln.folded)] if has_header else []
    date_sources = [ln for ln in right if not _is_motto(ln)] + header + body_lines
    for k, ln in enumerate(date_sources):
        found = find_dates(ln.folded)
        if not found:
            m_place = _PLACE_DATE.search(ln.text) if k < len(date_sources) - len(body_lines) else None
            if m_place is not None:
                _set_place(res, ln, ln.text[: m_place.start()])
                break
            continue
        start, _, day = found[0]
        res.set("issued_date", day.isoformat(), ln.conf)
        _set_place(res, ln, ln.text[:start])
        break

    # ---- type name and subject
    vv_lines: list[_Line] = []
    for i, ln in enumerate(left):
        after_number = num_i is not None and i == num_i + 1
        if _VV.match(ln.folded) or (after_number and re.match(r"^\s*v\s*[/\\|l1i]", ln.folded)):
            vv_lines = [ln]
            for nxt in left[i + 1 :]:
                if _NUMBER.search(nxt.text) and _SO.match(fold(nxt.text)):
                    break
                vv_lines.append(nxt)
            break
    notation_val = res.fields.get("code_notation")
    if type_hit is not None and type_i is not None:
        res.set("type_name", type_hit[0], first[type_i].conf * type_hit[1])
    elif vv_lines:
        res.set("type_name", "Công văn", statistics.fmean(x.conf for x in vv_lines))
    elif notation_val and notation_val.value:
        head = notation_val.value.split("-")[0]
        if head in NOTATION_TYPES:
            res.set("type_name", NOTATION_TYPES[head], notation_val.confidence * 0.9)
        elif organ_name and _abbreviation(organ_name) == head:
            res.set("type_name", "Công văn", notation_val.confidence * 0.8)

    if vv_lines:
        text = " ".join(x.text for x in vv_lines)
        vv_prefix = _VV_PREFIX.match(_fold1(text))
        body = text[vv_prefix.end() :] if vv_prefix else text
        res.set("subject", "V/v " + _clean_value(body), statistics.fmean(x.conf for x in vv_lines))
    elif type_i is not None:
        subj: list[_Line] = []
        type_ln = first[type_i]
        ends = sorted(ln.x1 for ln in first)
        right_margin = ends[int(0.9 * (len(ends) - 1))]
        for raw in first[type_i + 1 : type_i + 8]:
            # the trích yếu is centred under the type name: a stamp or a banner beside it is cut off
            part = _centred_part(raw, type_ln.cx) if raw.boxed and type_ln.boxed else raw
            if part is None:
                continue
            ln = part
            f = ln.folded.strip()
            if not re.search(r"[a-z]", f):
                continue
            if (f.startswith(_AUTHORITY_START) and not (subj and _continues(ln))) or _type_line(ln):
                break
            if f.startswith(_BODY_START) and not f.startswith(_AUTHORITY_START):
                break
            if ln.boxed and subj and ln.x0 < (subj[0].x0 - width * 0.12):
                break
            if ln.boxed and subj and ln.x1 > right_margin - 0.02 * width:
                break  # a body line running to the right margin, not a centred subject line
            subj.append(ln)
        if subj:
            joined = _strip_speck(" ".join(x.text for x in subj))
            ve_viec = re.search(r"\b(Về|VỀ) (việc|VIỆC)\b", joined)
            joined = joined[ve_viec.start() :] if ve_viec else joined  # a stamp's words before "Về việc"
            value = fix_company_forms(_sentence_case(joined))
            res.set("subject", _clean_value(value), statistics.fmean(x.conf for x in subj))

    _holder(res, all_lines)
    _validity(res, all_lines)
    _signer(res, last)
    return res.extraction()


# --------------------------------------------------------------------------------------------- holder

_HOLDER_LABEL = re.compile(
    r"^\s*[-+•*]?\s*(ten to chuc|ten co so|ten doanh nghiep|ten don vi|co so|cap cho|ong\s*/\s*ba|ong|ba|"
    r"ho va ten|ho ten|to chuc|chu dau tu|chu so huu|nguoi duoc cap|don vi|doanh nghiep|chung nhan)"
    r"\s*[:;]\s*(\S.*)$"
)
_FOR = re.compile(
    r"\bcho\s+((?:cong ty|benh vien|trung tam|hop tac xa|truong|phong kham|chi nhanh|ong|ba|doanh nghiep|"
    r"ho kinh doanh|co so)\b.*)$"
)
_ID = re.compile(
    r"(ma so thue|ma so doanh nghiep(?:\s*/\s*ma so thue)?|\bmst|so can cuoc cong dan|can cuoc cong dan|"
    r"so cccd|\bcccd|so dinh danh ca nhan|so dinh danh|cmnd|chung minh nhan dan)\s*(?:so)?\s*[:.]?\s*"
    r"([0-9oOlI][0-9oOlI .\-]{8,18}[0-9oOlI])"
)


def _clean_id(raw: str, label: str = "") -> str | None:
    """The identifier's digits in their lawful length: a tax code (mã số thuế / doanh nghiệp) has 10 digits,
    or 10-3 for a branch; a citizen identity number (CCCD, định danh) 12; an old identity card (CMND) 9
    or 12. Stray digits read after a tax code (a speck, the next column: "114543029355") are dropped."""
    s = raw.translate(_DIGITISH)
    m = re.match(r"^(\d[\d .]*\d)(?:\s*-\s*(\d{3}))?", s)
    if not m:
        return None
    digits = re.sub(r"\D", "", m.group(1))
    tax = label.startswith(("ma so", "mst"))
    person = any(k in label for k in ("can cuoc", "cccd", "dinh danh"))
    if m.group(2) and len(digits) == 10:
        return f"{digits}-{m.group(2)}"
    if len(digits) == 13:
        return f"{digits[:10]}-{digits[10:]}"
    if tax and len(digits) in (11, 12):
        return digits[:10]
    if person and len(digits) != 12:
        return None
    if len(digits) in (9, 10, 12):
        return digits
    return None


_COMPANY_FORMS = (
    (re.compile(r"\bcong\s*ty\s+t+nh+\s+mtv\b"), "Công ty TNHH MTV"),
    (re.compile(r"\bcong\s*ty\s+t+nh+\b"), "Công ty TNHH"),
    (re.compile(r"\bcong\s*ty\s+c[o0]\s*phan\b"), "Công ty Cổ phần"),
    (re.compile(r"\bcong\s*ty\s+cp\b"), "Công ty CP"),
)


def fix_company_forms(text: str) -> str:
    """Repair the legal form of a company name as OCR garbles it ("Công ty Cố phần", "TTNHH", "'TNHH")."""
    t = re.sub(r"(?<=\s)['‘’`\"](?=\w)", "", text)
    for pat, rep in _COMPANY_FORMS:
        m = pat.search(_fold1(t))
        if m:
            t = t[: m.start()] + rep + t[m.end() :]
    return t


def _clean_holder(text: str) -> str:
    t = re.split(r",|;|\(|\bmã số|\bđịa chỉ|\bMST\b|\bmã số thuế", text, maxsplit=1, flags=re.I)[0]
    t = re.sub(r"(?i)^(ông\s*/\s*bà|ông|bà)\s*[:.]?\s+", "", _clean_value(t))
    return fix_company_forms(_clean_value(t))


def _holder(res: _Result, lines: Sequence[_Line]) -> None:
    for ln in lines:
        m = _HOLDER_LABEL.match(ln.folded)
        if m:
            value = _clean_holder(ln.text[m.start(2) :])
            if len(value) >= 3 and re.search(r"[A-Za-zÀ-ỹĐđ]", value):
                res.set("holder_name", value, ln.conf)
                break
    if "holder_name" not in res.fields:
        subject = res.fields.get("subject")
        if subject and subject.value:
            m = _FOR.search(_fold1(subject.value))
            if m:
                res.set("holder_name", _clean_holder(subject.value[m.start(1) :]), subject.confidence * 0.95)
    if "holder_name" not in res.fields:
        joined = " ".join(ln.text for ln in lines if fold(ln.text).startswith(("dieu 1", "cap ", "cho ")))
        m = _FOR.search(_fold1(joined))
        if m:
            res.set("holder_name", _clean_holder(joined[m.start(1) :]), 0.6)
    text = " ".join(ln.text for ln in lines)
    folded = _fold1(text)
    for mid in _ID.finditer(folded):
        hid = _clean_id(text[mid.start(2) : mid.end(2)], mid.group(1))
        if hid:
            res.set("holder_id", hid, _conf_at(lines, mid.start(2)))
            break


def _conf_at(lines: Sequence[_Line], offset: int) -> float:
    pos = 0
    for ln in lines:
        nxt = pos + len(ln.text) + 1
        if offset < nxt:
            return ln.conf
        pos = nxt
    return 0.5


# --------------------------------------------------------------------------------------------- validity

_DATE_ANY = (
    rf"(?:ngay\s*{_N}{{1,2}}\s*[,.]?\s*thang\s*{_N}{{1,2}}\s*[,.]?\s*nam\s*{_N}{{4}}|"
    r"(?:ngay\s*)?[0-3]?\d\s*[/.\-]\s*[01]?\d\s*[/.\-]\s*(?:19|20)\d{2})"
)
_RANGE = re.compile(rf"hieu luc\s*(?:ke\s*)?tu\s*({_DATE_ANY})\s*(?:den|toi)\s*(?:het\s*)?({_DATE_ANY})")
_UNTIL = re.compile(
    rf"(?:hieu luc|gia tri|thoi han|su dung)[^.;]{{0,90}}?(?:den|toi)\s*(?:het\s*)?(?:ngay\s*)?({_DATE_ANY})"
)
_FROM_SIGN = re.compile(r"hieu luc\s*(?:thi hanh\s*)?(?:ke\s*)?tu\s*ngay\s*(?:ky|ban hanh|cap)")
_FROM = re.compile(rf"hieu luc\s*(?:thi hanh\s*)?(?:ke\s*)?tu\s*({_DATE_ANY})")
_TERM = re.compile(rf"thoi han\s*(?:la\s*)?({_N}{{1,2}})\s*nam\s*(?:ke\s*)?tu\s*ngay\s*(?:ky|cap)")


def _validity(res: _Result, lines: Sequence[_Line]) -> None:
    body = [ln for ln in lines]
    text = " ".join(ln.text for ln in body)
    folded = _fold1(text)
    issued = res.fields.get("issued_date")
    m = _RANGE.search(folded)
    if m:
        d1, d2 = parse_date(text[m.start(1) : m.end(1)]), parse_date(text[m.start(2) : m.end(2)])
        if d1 and d2:
            c = _conf_at(body, m.start(1))
            res.set("valid_from", d1.isoformat(), c)
            res.set("valid_until", d2.isoformat(), c)
    m = _UNTIL.search(folded)
    if m:
        d = parse_date(text[m.start(1) : m.end(1)])
        if d:
            res.set("valid_until", d.isoformat(), _conf_at(body, m.start(1)))
    if issued and issued.value:
        m2 = _FROM_SIGN.search(folded)
        # "có hiệu lực kể từ ngày ký" of an act granting something to a holder starts its validity; the same
        # words in a decision with no holder (an appointment, a directive) are not a validity period
        if m2 and res.fields.get("holder_name") is not None and res.fields["holder_name"].value:
            res.set("valid_from", issued.value, min(issued.confidence, _conf_at(body, m2.start())))
        m3 = _TERM.search(folded)
        if m3 and "valid_until" not in res.fields:
            years = int(m3.group(1).translate(_DIGITISH))
            start = dt.date.fromisoformat(issued.value)
            try:
                until = start.replace(year=start.year + years)
            except ValueError:
                until = start.replace(year=start.year + years, day=28)
            res.set("valid_until", until.isoformat(), issued.confidence * 0.8)
    m4 = _FROM.search(folded)
    if m4:
        d = parse_date(text[m4.start(1) : m4.end(1)])
        if d:
            res.set("valid_from", d.isoformat(), _conf_at(body, m4.start(1)))


# --------------------------------------------------------------------------------------------- signer


def _title_of(line: _Line) -> tuple[str, float, bool] | None:
    f = re.sub(r"[^a-z .]", " ", line.folded)
    f = squash(f)
    prefixed = bool(_AUTH_PREFIX.match(f) or _KT_MISREAD.match(f))
    core = _KT_MISREAD.sub("", _AUTH_PREFIX.sub("", f)).strip(" .")
    if not core or len(core) > 30:
        return None
    hit = _match(core, _F_TITLES, 84)
    if not hit and not prefixed and " " in core:
        # a misread "KT." or a speck before the title ("ven „THỦ TƯỚNG"): the line without its first token
        rest = core.split(" ", 1)[1]
        first_token = line.text.split()[0] if line.text.split() else ""
        if not first_token.isupper() and len(rest) >= 5:
            hit = _match(rest, _F_TITLES, 90)
            hit = (hit[0], hit[1] * 0.8) if hit else None
    if not hit:
        return None
    return hit[0], hit[1], prefixed


def _name_tokens(line: _Line) -> list[tuple[str, float]]:
    toks = []
    # "Định,Thị": OCR may glue two syllables of a name with a comma or a dot (a seal stroke between them)
    parts = [(p, w.conf) for w in line.words for p in re.split(r"(?<=[^\W\d_])[,.;](?=[^\W\d_])", w.text)]
    for text, conf in parts:
        t = text.strip(".,;:|!'\"“”()[]{}_-—")
        if 2 <= len(t) <= 4 and t.isalpha() and t[0].islower() and conf < 80:
            # a doubtful lower-case syllable: the seal's rim over a capital ("bý" for "Lý")
            t = t[0].upper() + t[1:]
        if (
            len(t) >= 1
            and t.isalpha()
            and t[0].isupper()
            and (len(t) == 1 or not t[1:].isupper() or len(t) <= 2)
        ) or (t.isalpha() and t.isupper() and len(t) > 1):
            toks.append((t, conf / 100.0))
        else:
            toks.append(("", 0.0))
    return toks


# Middle and given names (syllables) common in Vietnamese personal names: a doubtful token of a signer's name
# that is not one of them (a seal stroke through it) is replaced by the nearest one.
NAME_SYLLABLES: tuple[str, ...] = (
    "An", "Anh", "Ánh", "Bảo", "Bích", "Bình", "Cảnh", "Chi", "Chính", "Công", "Cường", "Dung",
    "Dũng", "Dương", "Duy", "Duyên", "Đại", "Đạt", "Điệp", "Định", "Đình", "Đông", "Đức", "Giang",
    "Hà", "Hải", "Hạnh", "Hào", "Hằng", "Hậu", "Hiền", "Hiển", "Hiệp", "Hiếu", "Hoa", "Hòa", "Hoài",
    "Hoàn", "Hoàng", "Hồng", "Huân", "Huệ", "Hùng", "Hưng", "Hương", "Hường", "Hữu", "Huy", "Huyền",
    "Kiên", "Khải", "Khang", "Khánh", "Khoa", "Kim", "Lan", "Lâm", "Lệ", "Liên", "Linh", "Loan",
    "Lợi", "Long", "Lực", "Mai", "Mạnh", "Minh", "My", "Nam", "Nga", "Ngân", "Nghĩa", "Ngọc",
    "Nguyên", "Nhân", "Nhật", "Nhung", "Như", "Oanh", "Phong", "Phú", "Phúc", "Phụng", "Phương",
    "Phượng", "Quang", "Quân", "Quốc", "Quý", "Quyên", "Quyết", "Sang", "Sơn", "Tài", "Tâm", "Tân",
    "Thái", "Thanh", "Thành", "Thảo", "Thắng", "Thị", "Thịnh", "Thu", "Thuận", "Thúy", "Thùy",
    "Thủy", "Thư", "Thương", "Tiến", "Toàn", "Trang", "Trí", "Trinh", "Trọng", "Trung", "Trường",
    "Tú", "Tuấn", "Tùng", "Tuyết", "Uyên", "Vân", "Văn", "Việt", "Vinh", "Vĩnh", "Vũ", "Vy", "Xuân",
    "Yến", "Hiệu", "Thơ", "Lý",
)  # fmt: skip
_F_SYLLABLES: dict[str, list[str]] = {}
for _syl in NAME_SYLLABLES:
    _F_SYLLABLES.setdefault(fold(_syl), []).append(_syl)


def _fix_syllable(token: str, conf: float = 0.0) -> str:
    """The nearest common name syllable for a doubtful token (``conf`` 0..1 of its OCR word)."""
    key = fold(token)
    if len(key) < 2 or token in _F_SYLLABLES.get(key, ()) or conf >= 0.9:
        return token
    if key in _F_SYLLABLES:  # the right letters, an unusual tone mark: "Hiểu" → "Hiếu"
        return max(_F_SYLLABLES[key], key=lambda f: fuzz.ratio(f.lower(), token.lower()))
    if conf >= 0.75:
        return token
    hit = process.extractOne(key, list(_F_SYLLABLES), scorer=fuzz.ratio, score_cutoff=70)
    if hit is None:
        return token
    forms = _F_SYLLABLES[hit[0]]
    return max(forms, key=lambda f: fuzz.ratio(f.lower(), token.lower()))


def _signer(res: _Result, lines: Sequence[_Line]) -> None:
    if not lines:
        return
    width = lines[0].width or 1.0
    right: list[_Line] = []
    for ln in lines:
        if ln.boxed:
            ws = [w for w in ln.words if (w.box.x0 + w.box.x1) / 2 > width * 0.47]
            if ws:
                right.append(_sub_line(ln, ws))
        else:
            right.append(ln)
    title_i = None
    title: tuple[str, float, bool] | None = None
    for i in range(len(right) - 1, -1, -1):
        t = _title_of(right[i])
        if t:
            title_i, title = i, t
            break
    if title is None or title_i is None:
        return
    name, q, prefixed = title
    tl = right[title_i]
    head = _title_of(right[title_i - 1]) if title_i > 0 else None
    if head is not None and not prefixed and not head[0].startswith("Phó"):
        # "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG" with the seal over "PHÓ": the second line names the head's deputy
        known = _match("pho " + fold(head[0]), _F_TITLES, 95)
        deputy = known[0] if known else "Phó " + head[0][0].lower() + head[0][1:]
        if name == head[0] or fuzz.ratio(fold(name), fold(head[0])) >= 80:
            name, q = deputy, min(q, head[1]) * 0.9
    if prefixed:
        pre = _AUTH_PREFIX.match(squash(re.sub(r"[^a-z .]", " ", tl.folded)))
        misread = _KT_MISREAD.match(squash(re.sub(r"[^a-z .]", " ", tl.folded)))
        kind = pre.group(1).lower() if pre else ("kt" if misread else "")
        if kind == "kt" and not name.startswith("Phó"):
            name = "Phó " + name
        elif kind == "q":
            name = "Quyền " + name[0].lower() + name[1:]
    res.set("signer_title", name, tl.conf * q)

    # the name: the lowest line under the title that reads as a person's name
    below = [ln for ln in right[title_i + 1 :] if ln.y0 < tl.y1 + (tl.y1 - tl.y0) * 14 or not ln.boxed]
    best: tuple[str, float] | None = None
    for ln in reversed(below):
        if _title_of(ln):
            continue
        raw = _name_tokens(ln)
        if raw and not raw[0][0] and len(raw) >= 3:
            # "Ngu)8ế Đức Hiếu": a seal stroke through the surname; its first letters may still name it
            lead = re.match(r"[^\W\d_]{2,}", ln.words[0].text.strip(".,;:|!'\"()[]"))
            if lead:
                prefix = fold(lead.group(0))
                hits = [v for k, v in _F_SURNAMES.items() if k.startswith(prefix) and len(k) > len(prefix)]
                if len(hits) == 1:
                    raw[0] = (hits[0], 0.5)
        toks = [(t, c) for t, c in raw if t]
        # from the first known surname on (seal rims and scribbles give junk before it)
        start = next((k for k, (t, _) in enumerate(toks) if fold(t) in _F_SURNAMES and k + 1 < len(toks)), 0)
        toks = toks[start:]
        toks = [(t, c) for t, c in toks if len(t) >= 2 or t.upper() in ("Y",)]
        if 2 <= len(toks) <= 5:
            words = [t if not t.isupper() or len(t) <= 1 else t[0] + t[1:].lower() for t, _ in toks]
            sur = _F_SURNAMES.get(fold(words[0]))
            if sur is None and toks[0][1] < 0.8 and len(words) >= 3:
                # a seal over the surname: the most common surname one letter away (SURNAMES is by frequency)
                near = [
                    v
                    for k, v in _F_SURNAMES.items()
                    if fuzz.ratio(k, fold(words[0])) >= 50 and abs(len(k) - len(fold(words[0]))) <= 1
                ]
                if near:
                    sur = near[0]
                    toks[0] = (sur, toks[0][1] * 0.7)
            if sur is not None:
                words[0] = sur
            penalty = 1.0
            for k in range(1, len(words)):
                fixed = _fix_syllable(words[k], toks[k][1])
                if fixed != words[k]:
                    words[k] = fixed
                    penalty = min(penalty, 0.75)
            conf = statistics.fmean(c for _, c in toks) * (1.0 if sur else 0.85) * penalty
            best = (" ".join(words), conf)
            break
    if best:
        res.set("signer_name", best[0], best[1])


# --------------------------------------------------------------------------------------------- review


def required_fields(type_name: str | None) -> tuple[str, ...]:
    """REQUIRED_FIELDS plus those of the document type (a licence needs its holder and end date)."""
    return REQUIRED_FIELDS + REQUIRED_BY_TYPE.get(type_name or "", ())


def needs_review(extraction: Extraction, threshold: float = REVIEW_THRESHOLD) -> bool:
    """True when a required field is missing or its confidence is below ``threshold``."""
    type_field = extraction.fields.get("type_name")
    for name in required_fields(type_field.value if type_field else None):
        f = extraction.fields.get(name)
        if f is None or f.value is None or f.confidence < threshold:
            return True
    return False


def low_confidence_fields(extraction: Extraction, threshold: float = REVIEW_THRESHOLD) -> list[str]:
    """The fields (required or not) found with a confidence below ``threshold``, and missing required ones."""
    type_field = extraction.fields.get("type_name")
    req = set(required_fields(type_field.value if type_field else None))
    out = []
    for name in FIELD_NAMES:
        f = extraction.fields.get(name)
        missing = f is None or f.value is None
        if (missing and name in req) or (f is not None and not missing and f.confidence < threshold):
            out.append(name)
    return out
