"""The first page's Decree 30 header zone: the motto, the gutter between its two columns, the type name line,
the header lines and their left (organ, "Số: …", "V/v …") and right (motto, "<place>, ngày …") halves."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from digitize.pipeline.fields.dates import WORD_DATE
from digitize.pipeline.fields.lines import Line, split_line, sub_line
from digitize.pipeline.fields.text import fold1, match
from digitize.pipeline.fields.vocab import F_TYPES
from digitize.pipeline.model import Word
from digitize.text import fold

# how like the motto's first line a line must read (fuzz.partial_ratio of the folded texts): a blurred photo's
# "CỘNG 2ÓA XÃ LÔ CHÚ WGSÑA VIỆT W0" reads 79
MOTTO_LIKE = 75


def is_motto(line: Line) -> bool:
    return (
        len(line.folded) >= 22
        and fuzz.partial_ratio("cong hoa xa hoi chu nghia viet nam", line.folded) >= MOTTO_LIKE
    )


def is_motto2(line: Line) -> bool:
    return len(line.folded) >= 18 and fuzz.partial_ratio("doc lap - tu do - hanh phuc", line.folded) >= 80


def type_line(line: Line) -> tuple[str, float] | None:
    """The document type when ``line`` is its heading ("QUYẾT ĐỊNH"); a stamp's junk read on the same row
    with almost no confidence ("TỜ TRÌNH 5TlG", conf 4) is left out."""
    hit = _type_text(line.text)
    if hit is None and any(w.conf < 30 for w in line.words):
        sure = " ".join(w.text for w in line.words if w.conf >= 30)
        hit = _type_text(sure) if sure else None
    if hit is None and (lead := _lead_apart(line)):
        hit = _type_text(" ".join(w.text for w in lead))  # "BÁO CÁO      F—] đố: z202": a stamp beside it
    if hit is None:
        runs = (_type_text(" ".join(w.text for w in run)) for run in _capitals_apart(line))
        hit = next((h for h in runs if h), None)
    if hit is None and (rest := _after_specks(line)):
        hit = _type_text(" ".join(w.text for w in rest))  # "s—: GIẤY CHỨNG NHẬN" (a blurred photo's specks)
    if hit is None:
        hit = _after_stamp_marks(line)
    return hit


def _after_stamp_marks(line: Line) -> tuple[str, float] | None:
    """The heading after one or two marks read as capitals, a letter or two each ("TT x TỪ TRÌNH": the box's
    sides of a stamp over a blurred photo's heading, seed 363 blur alt 010: type, notation and subject lost),
    when the words after them are a heading's, two at least, all in capitals (a type name of two letters'
    first word is a word of the heading: "TỜ" of "TỜ TRÌNH" is tried after the marks, not as one)."""
    words = sorted(line.words, key=lambda w: w.box.x0)
    for k in (1, 2):
        lead, rest = words[:k], words[k:]
        if len(rest) < 2 or any(sum(ch.isalpha() for ch in w.text) > SPECK_LETTERS for w in lead):
            break
        if all(_upper_word(w.text) for w in rest) and (hit := _type_text(" ".join(w.text for w in rest))):
            return hit
    return None


SPECK_LETTERS = 2  # a word of this many letters at most, none a capital's run, before a heading: a speck's


def _after_specks(line: Line) -> list[Word]:
    """The line's words in capitals after one or two specks read before them, close to them ("s—: GIẤY
    CHỨNG NHẬN" on a shaken photo: the specks of a seal or the paper's edge, read as marks and a letter);
    [] when the line is no such thing."""
    words = sorted(line.words, key=lambda w: w.box.x0)
    k = 0
    while k < min(2, len(words) - 1):
        letters = [ch for ch in words[k].text if ch.isalpha()]
        if len(letters) > SPECK_LETTERS or (len(letters) == SPECK_LETTERS and _upper_word(words[k].text)):
            break
        k += 1
    rest = words[k:]
    return rest if k > 0 and len(rest) >= 2 and all(_upper_word(w.text) for w in rest) else []


APART = 2.0  # a gap of this many word heights parts a heading from a stamp's words on its row


def _capitals_apart(line: Line) -> list[list[Word]]:
    """The runs of the line's words in capitals standing apart from its other words (a gap of ``APART``
    word heights on each side that has words): a heading with a stamp's words read on its row before or
    after it ("s. 067 GIẤY CHỨNG NHẬN", "sẽ: 2862 TƠTRNH ccx hz" with the heading read at confidence 20)."""
    words = sorted(line.words, key=lambda w: w.box.x0)
    if len(words) < 2:
        return []
    h = max(1.0, sorted(w.box.y1 - w.box.y0 for w in words)[len(words) // 2])
    groups: list[list[Word]] = [[words[0]]]
    for a, b in itertools.pairwise(words):
        if b.box.x0 - a.box.x1 >= APART * h:
            groups.append([b])
        else:
            groups[-1].append(b)
    if len(groups) < 2:
        return []
    return [g for g in groups if all(_upper_word(w.text) for w in g)]


def _upper_word(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def in_capitals(line: Line) -> bool:
    """The line's letters are mostly capitals (at least 60 %: a heading with a mark misread in lower case)."""
    return _capitals_text(line.text)


def _lead_apart(line: Line) -> list[Word]:
    """The line's leading words in capitals when the words after them stand apart (a gap of at least two
    line heights: a stamp's box beside a heading, not a word of it); [] otherwise."""
    words = sorted(line.words, key=lambda w: w.box.x0)
    lead: list[Word] = []
    for k, w in enumerate(words):
        letters = [ch for ch in w.text if ch.isalpha()]
        if not letters or not all(ch.isupper() for ch in letters):
            break
        lead.append(w)
        if k + 1 < len(words):
            nxt = words[k + 1]
            height = max(1.0, w.box.y1 - w.box.y0)
            if nxt.box.x0 - w.box.x1 >= 2 * height:
                return lead
    return []


def type_text(text: str) -> tuple[str, float] | None:
    """The document type ``text`` names as a heading does (fuzzily: "GIẦY PHÉP"), with its match score."""
    return _type_text(text)


def _type_text(text: str) -> tuple[str, float] | None:
    letters = re.sub(r"[^a-z ]", "", fold1(text)).strip()
    if not letters or len(letters) > 24:
        return None
    if text.strip()[:1].islower():
        return None
    return match(letters, F_TYPES, 84)


# the header's third row read as one line across the gutter, its number unread ("Số: Ï /UBNDKT ThừcThiến Huế
# ngày TẾ thống Ý2 năm 2023"): "Số:" then the notation's stroke opens it, or a date line's "ngày … năm <year>"
# is in it ("Số: Kiẩ(bđifCác cơ quan" is the body's address line misread)
_HEADER_ROW = re.compile(
    r"^\W?\s*s[o0eø]\S?\s*[:;.,][^/]{0,12}/|\bng[a-z]y(?:\b|(?=\d)).{0,40}\bn[a-z]m\s*+(?:19|20)\d\d\b"
)


def _motto_x0(mline: Line) -> float:
    """Where the motto starts: its "CỘNG"; when OCR glued "CỘNG" to the organ's last word on the same row
    ("HUẾÔNG HÒA XÃ …") or lost it, a sixth of the way from "HÒA" to the line's end before "HÒA" ("CỘNG " is
    5 of the motto's 34 letters and spaces, "HÒA … NAM" the other 29)."""
    words = sorted(mline.words, key=lambda w: w.box.x0)
    cong = [k for k, w in enumerate(words) if fold(w.text).startswith(("cong", "cộng"))]
    # the "CỘNG" before "HÒA", when read: an organ beside the motto may name a "CÔNG" of its own ("BỘ CÔNG
    # THƯƠNG" on the motto's row of a blurred photo, forced-blur 85 dev 011: the gutter set before it cut the
    # organ's names to "Bộ công", "Cục hóa")
    before_hoa = [k for k in cong if k + 1 < len(words) and fold(words[k + 1].text).strip(".,") == "hoa"]
    if before_hoa or cong:
        return words[(before_hoa or cong)[0]].box.x0
    # "HÒA" first: "CỘNG" lost, or read on the row of the organ's line ("… TRUYỀN THÔNG CÓ" over "HÒA XÃ …")
    hoa = next((k for k, w in enumerate(words) if fold(w.text).strip(".,") == "hoa"), None)
    if hoa is None:
        return mline.x0
    x_hoa = words[hoa].box.x0
    return x_hoa - (mline.x1 - x_hoa) * 5 / 29


TEXT_LAYER = 100.0  # a text layer's words are "read" with full confidence; OCR never gives it


def _heading_case(line: Line, hit: tuple[str, float]) -> bool:
    """The words the heading ``hit`` was read from are in capitals, as Decree 30 prints it (a text layer may
    keep an all-caps style's heading in lower case: only OCR'd lines are asked): the line, its words read
    with confidence, or a run of its words in capitals (a stamp's words in lower case on the heading's row,
    "QUYẾT ĐỊNH  đến số 123 ngày chuyển", leave the heading a heading)."""
    if in_capitals(line) or heading_run(line, hit):
        return True
    words = sorted(line.words, key=lambda w: w.box.x0)
    sure = [w for w in words if w.conf >= 30]
    runs = [list(g) for k, g in itertools.groupby(words, key=lambda w: _upper_word(w.text)) if k]
    for run in (sure, *runs):
        text = " ".join(w.text for w in run)
        found = _type_text(text) if run else None
        if found is not None and found[0] == hit[0] and _capitals_text(text):
            return True
    return _unsure_heading_word(words, hit)


UNSURE_CASE = 30.0  # a word read below this tells nothing of its case ("Giấy" at 29 of "GIẤY PHÉP")


def _unsure_heading_word(words: Sequence[Word], hit: tuple[str, float]) -> bool:
    """Each word of the heading ``hit`` is read on the line once, those read at least ``UNSURE_CASE`` in
    capitals and one read below it, whose case tells nothing ("Giấy PHÉP sẽ: 5907-": an incoming stamp's
    "Số:" and number on the heading's row, "GIẤY" read at 29 in small letters, seed 479 dev 012)."""
    names = fold(hit[0]).split()
    mine = [w for w in words if fold(w.text).strip(".,:;") in names]
    if sorted(fold(w.text).strip(".,:;") for w in mine) != sorted(names):
        return False
    sure = [w for w in mine if w.conf >= UNSURE_CASE]
    return 0 < len(sure) < len(mine) and all(_upper_word(w.text) for w in sure)


CENTRED = 0.04  # of the page's width: a heading's centre is this near the page's


def _centred_alone(line: Line, width: float, hit: tuple[str, float]) -> bool:
    """The OCR'd line is the heading ``hit`` alone, in title case ("Quyết định"), centred on the page and
    ending in no punctuation: a heading typed so ("Phương Nam," ending a body line is not)."""
    return (
        line.boxed
        and abs(line.x0 + line.x1 - width) <= 2 * CENTRED * width
        and re.search(r"[^\w\s]\s*$", line.text) is None
        and (found := _type_text(line.text)) is not None
        and found[0] == hit[0]
    )


def _capitals_text(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.6 * len(letters)


def heading_run(line: Line, hit: tuple[str, float]) -> list[Word]:
    """The words in capitals standing apart on the line that the heading ``hit`` was read from; [] when
    none is (the heading is the line, or its words read as the type's)."""
    runs = _capitals_apart(line)
    return next((run for run in runs if _type_text(" ".join(w.text for w in run)) == hit), [])


@dataclass(frozen=True)
class Layout:
    """Where the parts of the first page's header are (indices into ``first``)."""

    first: tuple[Line, ...]  # the lines of page 1
    width: float
    motto_i: int | None
    gutter: float  # x between the header's two columns
    type_i: int | None  # the type name line ("QUYẾT ĐỊNH"), not for a công văn
    type_hit: tuple[str, float] | None
    header: tuple[Line, ...]  # lines above the type name (or the body)
    left: tuple[Line, ...]
    right: tuple[Line, ...]


# a gap between two words of a line this wide (of the page's width) across the gutter: the two columns' halves
# of a header row, no line of body text (whose words stand a space apart)
GUTTER_GAP = 0.1


def _apart_at_gutter(line: Line, gutter: float, width: float) -> bool:
    """A line that crosses the gutter only by the header's two columns read as one line: its words leave a
    wide gap over the gutter. On a blurred photo OCR ran the organ's own line into the date's ("CỤC THƠ Y Nội,
    ngôy I1 tháng 5", its date unreadable) or into a speck on the right ("CỤC THÚ Y °"): the header was cut
    there and the parent ministry taken as the organ (seed 85's alt 004 and 010)."""
    words = sorted(line.words, key=lambda w: w.box.x0)
    return any(
        a.box.x1 <= gutter <= b.box.x0 and b.box.x0 - a.box.x1 >= GUTTER_GAP * width
        for a, b in itertools.pairwise(words)
    )


def top_down(lines: Sequence[Line]) -> list[Line]:
    """A column's lines from top to bottom: OCR may number a wrapped organ's rows out of order ("THƯƠNG BINH
    VÀ XÃ" before the "SỞ LAO ĐỘNG -" printed above it, the organ's head then read after its tail and its tail
    taken for the parent's). A line moves up only past lines wholly below it (each one's middle beyond the
    other's edge), never past one on its own row, and only onto a row of its own: a line read apart on the
    row of a line above (an incoming stamp's "ĐẾN" beside "SỞ Y TẾ") stays where OCR put it, after the
    "Số:" line that ends the organ's (REVIEW-26 #2); lines without boxes keep their order."""
    out: list[Line] = []
    for ln in lines:
        k = len(out)
        while k and ln.boxed and out[k - 1].boxed and _wholly_below(out[k - 1], ln):
            k -= 1
        if k < len(out) and k and not (out[k - 1].boxed and _wholly_below(ln, out[k - 1])):
            k = len(out)  # on the row of the line it would follow: not moved
        out.insert(k, ln)
    return out


# how far apart (in the shorter line's heights) two pieces of a column read as lines of their own may stand on
# one row and still be one line's words: a word space is under half a letter's height
ROW_PIECE_GAP = 0.5


def _same_row(a: Line, b: Line) -> bool:
    """Each line's middle lies within the other's height."""
    return a.y0 < (b.y0 + b.y1) / 2 < a.y1 and b.y0 < (a.y0 + a.y1) / 2 < b.y1


def pieces_rejoined(lines: Sequence[Line]) -> list[Line]:
    """A column's lines with two consecutive ones on one row, a word space apart, made one line, its words
    left to right: OCR may cut a header line's first word off into a line of its own set after the rest (the
    ministry "BỘ Y TẾ" read "Y TẾ", then "BỘ" on its own: the organ was read "Bộ Cục Quản lý Dược" under the
    parent "Y tế", seed 495 dev 008). Lines apart by more (a stamp's "ĐẾN" beside the organ) stay apart, and
    so do lines no organ line is: a digit, a colon or "đến" in either (an incoming stamp's "ĐẾN Số: 2352"
    ending where the number line "Số: 12/QĐ-SYT" begins)."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.boxed
            and ln.boxed
            and prev.words
            and ln.words
            and _same_row(prev, ln)
            and _organ_piece(prev)
            and _organ_piece(ln)
        ):
            gap = max(ln.x0 - prev.x1, prev.x0 - ln.x1)  # (< 0: one over the other, no pieces of a line)
            if 0 <= gap <= ROW_PIECE_GAP * min(prev.y1 - prev.y0, ln.y1 - ln.y0):
                out[-1] = sub_line(prev, sorted(prev.words + ln.words, key=lambda w: w.box.x0))
                continue
        out.append(ln)
    return out


def _organ_piece(line: Line) -> bool:
    """A line that may be a piece of an organ's line: no digit, no colon, no stamp's "đến"."""
    return not re.search(r"[\d:]", line.text) and "den" not in fold(line.text).split()


def _wholly_below(a: Line, b: Line) -> bool:
    """``a`` lies below ``b``: its top under ``b``'s middle and ``b``'s bottom over ``a``'s middle."""
    return a.y0 > (b.y0 + b.y1) / 2 and b.y1 < (a.y0 + a.y1) / 2


# a body's first words: no type name stands under them (a decision's "QUYẾT ĐỊNH:" clause, under its "Căn cứ"
# lines, taken for the title a stamp left junk: seed 345 dev 000)
BODY_OPENS = re.compile(r"(?:can cu|kinh gui)\b")  # ("Căn cứ:" too; not "Căn cước")


def read_layout(first: Sequence[Line]) -> Layout:
    """The header zone of page 1 and its two columns."""
    width = first[0].width or 1.0
    motto_i = next((i for i, ln in enumerate(first[:14]) if is_motto(ln)), None)
    gutter = width * 0.45
    if motto_i is not None and first[motto_i].boxed:
        mline = first[motto_i]
        x_motto = _motto_x0(mline)
        gutter = max(width * 0.3, min(width * 0.55, x_motto - width * 0.02))
    type_i: int | None = None
    type_hit: tuple[str, float] | None = None
    for i, ln in enumerate(first[:30]):
        if motto_i is not None and i <= motto_i:
            continue
        if BODY_OPENS.match(fold(ln.text)):
            break  # the body began: its "QUYẾT ĐỊNH:" (the decision's clause) is no type name
        hit = type_line(ln)
        if (
            hit
            and ln.words
            and all(w.conf < TEXT_LAYER for w in ln.words)
            and not (_heading_case(ln, hit) or _centred_alone(ln, width, hit))
        ):
            continue  # OCR reads a heading's capitals: "Phương Nam," ending a body line is no "Phương án"
        if hit and hit[0] != "Công văn":
            type_i, type_hit = i, hit
            break
    end = type_i if type_i is not None else len(first)
    header: list[Line] = []
    for i, ln in enumerate(first[:end]):
        if (
            i > (motto_i or 0) + 1
            and ln.boxed
            and ln.x0 < gutter - width * 0.08
            and ln.x1 > gutter + width * 0.08
            and not re.search(r"\d\s*/", ln.folded)
            and not _HEADER_ROW.search(ln.folded)
            and not _apart_at_gutter(ln, gutter, width)
        ):
            break
        if fold(ln.text).startswith(("kinh gui", "can cu")):
            break
        header.append(ln)
    left: list[Line] = []
    right: list[Line] = []
    for ln in header:
        a, b = split_line(ln, gutter)
        if a is not None and re.search(r"[A-Za-zÀ-ỹĐđ0-9]", a.text):
            left.append(a)
        if b is not None and re.search(r"[A-Za-zÀ-ỹĐđ0-9]", b.text):
            right.append(b)
    left, right = pieces_rejoined(top_down(left)), pieces_rejoined(top_down(right))
    if not any(ln.boxed for ln in header):  # no geometry: reading order is column by column already
        left = [ln for ln in header if not (is_motto(ln) or is_motto2(ln) or WORD_DATE.search(ln.folded))]
        right = [ln for ln in header if ln not in left]
    return Layout(
        first=tuple(first),
        width=width,
        motto_i=motto_i,
        gutter=gutter,
        type_i=type_i,
        type_hit=type_hit,
        header=tuple(header),
        left=tuple(left),
        right=tuple(right),
    )
