"""Handwritten digits in the header: a second, targeted OCR pass on the number and the day.

Decree 30 documents are often printed with blanks ("Số:     /CT-UBND", "Quảng Ngãi, ngày    tháng 01 năm
2025") that the clerk fills in by hand on the signing day. The page's first reading loses those digits, or
reads them wrong ("1139" as "72#", a handwritten "09" as "03", "06" swallowed into "ngày"). Where the header's
number, day or month is not read as clean printed digits, only the blank's region is cut from the scan (at
its own resolution) and read again: the crops, each at three scales, stacked into one small image read once
by the ``vie`` and once by the ``eng`` model, digits only (two small Tesseract runs per page, and none when
the digits are printed). A value is taken only when most of the readings agree (and at least three);
otherwise an unreadable day is dropped rather than kept wrong, so the date stays null (needs review) and is
never taken from a decree cited in the body.
A pure function of the prepared page and its first reading.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace

import cv2
import numpy as np

from digitize.errors import ToolFailed
from digitize.pipeline.fields.ids import tax_code_valid
from digitize.pipeline.fields.lines import Line, page_lines
from digitize.pipeline.model import Box, RecognizedPage, Word
from digitize.pipeline.preprocess import Prepared
from digitize.text import fold
from digitize.tools import tesseract

PRINTED_CONF = 90.0  # a digit token read at least this sure is printed (or cleanly written): no second pass
MIN_VOTE_CONF = 30.0  # a reading below this is not a vote
SCALES = (1.0, 1.5, 2.0)
LANGS = ("eng", "vie")
UNREADABLE = "…"

_SO = re.compile(r"^\W?s[o0ô6e]\S?\s*[:;.,]?$")
_NOTATION_TAIL = re.compile(r"[/#|\\]?([A-ZĐÐ][A-Za-zĐđÐ]{0,7}(?:-[A-Za-zĐđÐ0-9]+)+)$")


@dataclass(frozen=True)
class Blank:
    """A region of the page to read again, and what it stands for."""

    kind: str  # "number" | "day" | "month"
    line: int  # the page line it belongs to
    box: Box  # region in the page's (upright) frame
    drop: tuple[int, ...]  # indices (into page.words) of the first reading's words for it
    first: str  # the first reading's text there
    first_conf: float


def _word_index(page: RecognizedPage) -> dict[int, int]:
    return {id(w): k for k, w in enumerate(page.words)}


def _char_width(ln: Line) -> float:
    """Width of a printed character on the line (from its words read with confidence)."""
    widths = [(w.box.x1 - w.box.x0) / len(w.text) for w in ln.words if w.conf >= 80 and len(w.text) >= 3]
    return statistics.median(widths) if widths else (ln.y1 - ln.y0) * 0.55


def _doubtful(words: list[Word]) -> bool:
    return not words or any(not w.text.strip(".,").isdigit() or w.conf < PRINTED_CONF for w in words)


def find_blanks(page: RecognizedPage) -> list[Blank]:
    """The header's number, day and month regions whose first reading is not clean printed digits."""
    idx = _word_index(page)
    out: list[Blank] = []
    lines = [ln for ln in page_lines(page) if ln.y1 < 0.35 * page.height]
    for ln in lines:
        words = sorted(ln.words, key=lambda w: w.box.x0)
        folded = [fold(w.text) for w in words]
        cw = _char_width(ln)
        h = ln.y1 - ln.y0
        # "<place>, ngày D tháng M năm Y"
        i_ngay = next((i for i, f in enumerate(folded) if f.startswith("ngay")), None)
        # "tháng“", "năm.": a speck or the pen's stroke read as a mark after the printed word
        bare = [re.sub(r"\W+$", "", f) for f in folded]
        i_thang = next((i for i, f in enumerate(bare) if f == "thang"), None)
        i_nam = next((i for i, f in enumerate(bare) if f == "nam"), None)
        if i_ngay is not None and i_thang is not None and i_nam is not None and i_ngay < i_thang < i_nam:
            ngay = words[i_ngay]
            # the printed "tháng" is about 1.3 of the printed "năm": a wider "tháng" has swallowed the month
            # written after it
            thang_w = words[i_thang].box.x1 - words[i_thang].box.x0
            nam_w = words[i_nam].box.x1 - words[i_nam].box.x0
            thang_swallowed = bare[i_nam] == folded[i_nam].rstrip(".,") and thang_w > 1.3 * 1.29 * nam_w
            if thang_swallowed:
                thang_w = 1.29 * nam_w
            # the printed "ngày" is about 0.85 of the printed "tháng" on the same line: a wider "ngày" has
            # swallowed the digits written after it
            ngay_w = 0.85 * thang_w if len(bare[i_thang]) == 5 else 4 * cw
            swallowed = (ngay.box.x1 - ngay.box.x0) > 1.3 * ngay_w or len(folded[i_ngay].rstrip(".,")) > 4
            day_words = words[i_ngay + 1 : i_thang]
            if swallowed or _doubtful(day_words):
                x0 = min(ngay.box.x1, ngay.box.x0 + 1.05 * ngay_w) if swallowed else ngay.box.x1
                drop = [idx[id(w)] for w in day_words if id(w) in idx]
                conf = min((w.conf for w in day_words), default=0.0)
                out.append(
                    Blank(
                        "day",
                        ngay.line,
                        Box(x0, ln.y0, words[i_thang].box.x0, ln.y1),
                        tuple(drop),
                        " ".join(w.text for w in day_words),
                        conf,
                    )
                )
            month_words = words[i_thang + 1 : i_nam]
            if thang_swallowed or _doubtful(month_words):
                drop = [idx[id(w)] for w in month_words if id(w) in idx]
                conf = min((w.conf for w in month_words), default=0.0)
                thang = words[i_thang]
                x0 = thang.box.x0 + 1.05 * thang_w if thang_swallowed else thang.box.x1
                box = Box(x0, ln.y0, words[i_nam].box.x0, ln.y1)
                out.append(
                    Blank("month", ngay.line, box, tuple(drop), " ".join(w.text for w in month_words), conf)
                )
        # "Số: N/NOTATION" (the left column: words left of the page's middle)
        left = [w for w in words if (w.box.x0 + w.box.x1) / 2 < 0.5 * page.width]
        if left and _SO.match(fold(left[0].text)) and len(left) >= 2:
            so = left[0]
            num_words: list[Word] = []
            x1: float | None = None
            for w in left[1:]:
                if w.text.startswith("/") or _NOTATION_TAIL.match(w.text):
                    x1 = w.box.x0
                    break
                tail = _NOTATION_TAIL.search(w.text)
                if tail and tail.start() > 0:  # "72#QĐ-TTg": the number glued to the notation
                    n = len(w.text) - tail.start(1) + 1
                    x1 = max(w.box.x0, w.box.x1 - n * cw)  # the word is cut back, not dropped
                    num_words.append(replace(w, text=w.text[: tail.start()].rstrip("/")))
                    break
                if tail:
                    x1 = w.box.x0
                    break
                num_words.append(w)
            if x1 is not None and x1 - so.box.x1 > 1.2 * cw and _doubtful(num_words):
                drop = [idx[id(w)] for w in num_words if id(w) in idx]
                conf = min((w.conf for w in num_words), default=0.0)
                box = Box(so.box.x1, ln.y0 - 0.1 * h, x1, ln.y1 + 0.1 * h)
                out.append(
                    Blank("number", so.line, box, tuple(drop), " ".join(w.text for w in num_words), conf)
                )
    out.extend(_tax_blanks(page, idx))
    return out


_TAX_LABEL = re.compile(r"(ma so thue|ma so doanh nghiep|\bmst)\s*:?\s*")
_CLEAN_TAX = re.compile(r"^\d{10}(-\d{3})?[.,;]?$")


def _tax_blanks(page: RecognizedPage, idx: dict[int, int]) -> list[Blank]:
    """A tax code printed in cells (the walls read as "|", "I", "l"): the run after its label when it is not
    read as clean digits."""
    out: list[Blank] = []
    for ln in page_lines(page):
        words = sorted(ln.words, key=lambda w: w.box.x0)
        folded = [fold(w.text) for w in words]
        for i, f in enumerate(folded):
            m = _TAX_LABEL.search(" ".join(folded[max(0, i - 3) : i + 1]))
            if m is None or not ("thue" in f or "nghiep" in f or f.startswith("mst")):
                continue
            if "thue" not in f and any("thue" in g for g in folded[i + 1 : i + 4]):
                continue  # "Mã số doanh nghiệp/Mã số thuế: …": the code follows the second label
            w = words[i]
            tail = f[f.find(":") + 1 :] if ":" in f else f.split("thue", 1)[-1] if "thue" in f else ""
            after = words[i + 1 :]
            stop = next(
                (k for k, a in enumerate(after) if fold(a.text).startswith(("dia", "dien"))), len(after)
            )
            after = after[:stop]
            first = (tail + " " + " ".join(a.text for a in after)).strip()
            if not first or _CLEAN_TAX.match(first.replace(" ", "")):
                break  # read as a clean tax code already: never replaced
            x0 = w.box.x1 - (w.box.x1 - w.box.x0) * len(tail) / max(1, len(f)) if tail else w.box.x1
            x0 = max(w.box.x0, x0 - 0.8 * (ln.y1 - ln.y0))  # the glued split is a guess: a first cell not cut
            x1 = max([w.box.x1, *(a.box.x1 for a in after)])
            if x1 - x0 < 8:
                break
            drop = tuple(idx[id(a)] for a in after if id(a) in idx)
            conf = min((a.conf for a in after), default=w.conf)
            out.append(Blank("taxcode", w.line, Box(x0, ln.y0, x1, ln.y1), drop, first, conf))
            break
    return out


def _erase_walls(crop: np.ndarray) -> np.ndarray:
    """Cell walls (ink running nearly the crop's full height, or a long horizontal rule) made paper."""
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    h, w = ink.shape
    vert = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(3, int(0.7 * h))))
    )
    horiz = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, w // 3), 1))
    )
    out = crop.copy()
    out[(vert > 0) | (horiz > 0)] = 255
    return out


def _crop(prepared: Prepared, box: Box) -> np.ndarray:
    """The region (page frame) cut from the scan at its own resolution, widened up and down for handwriting
    that leaves the printed line."""
    h = box.y1 - box.y0
    x0, y0 = max(0.0, box.x0 + 2), max(0.0, box.y0 - 0.45 * h)
    x1, y1 = box.x1 - 2, box.y1 + 0.45 * h
    master = prepared.master
    grey = cv2.cvtColor(master, cv2.COLOR_RGB2GRAY) if master.ndim == 3 else master
    m = prepared.matrix.copy()
    m[0, 2] -= x0
    m[1, 2] -= y0
    size = (max(1, int(x1 - x0)), max(1, int(y1 - y0)))
    return cv2.warpAffine(grey, m, size, flags=cv2.INTER_LINEAR, borderValue=255)


def _sheet(crops: list[np.ndarray]) -> tuple[np.ndarray, list[tuple[int, int, int]]]:
    """Each crop at each scale as a row of one image; (top, bottom, crop index) of each row."""
    rows: list[tuple[np.ndarray, int]] = []
    for k, c in enumerate(crops):
        for s in SCALES:
            img = c if s == 1.0 else cv2.resize(c, None, fx=s, fy=s, interpolation=cv2.INTER_CUBIC)
            rows.append((img, k))
    width = max(r.shape[1] for r, _ in rows) + 60
    parts, spans, y = [], [], 0
    for img, k in rows:
        pad = np.full((img.shape[0] + 50, width), 255, np.uint8)
        pad[25 : 25 + img.shape[0], 30 : 30 + img.shape[1]] = img
        spans.append((y, y + pad.shape[0], k))
        y += pad.shape[0]
        parts.append(pad)
    return np.vstack(parts), spans


def read_votes(crops: list[np.ndarray], *, timeout: float = 30.0) -> list[list[tuple[str, float]]]:
    """Every reading (digits, confidence) of each crop: three scales x two models, one Tesseract run per
    model."""
    sheet, spans = _sheet(crops)
    votes: list[list[tuple[str, float]]] = [[] for _ in crops]
    for lang in LANGS:
        tokens = tesseract.image_to_data(
            sheet, lang=lang, psm=6, dpi=300, timeout=timeout, extra="-c tessedit_char_whitelist=0123456789"
        )
        rows: dict[int, list[tuple[str, float]]] = {}
        for t in tokens:
            cy = t.top + t.height / 2
            r = next((i for i, (a, b, _) in enumerate(spans) if a <= cy < b), None)
            if r is not None and t.text.strip().isdigit():
                rows.setdefault(r, []).append((t.text.strip(), t.conf))
        for r, toks in rows.items():
            text = "".join(x for x, _ in toks)
            votes[spans[r][2]].append((text, min(c for _, c in toks)))
    return votes


def consensus(votes: list[tuple[str, float]], kind: str) -> tuple[str, float] | None:
    """The value most readings agree on (by number value; written form as most often read), when at least
    three sure readings and more than half of them agree and it is a possible day, month or number."""
    sure = [(t, c) for t, c in votes if c >= MIN_VOTE_CONF]
    if not sure:
        return None
    by_value = Counter(int(t) for t, _ in sure)
    value, n = by_value.most_common(1)[0]
    if n < 3 or 2 * n <= len(sure):
        return None
    if (kind == "day" and not 1 <= value <= 31) or (kind == "month" and not 1 <= value <= 12):
        return None
    forms = Counter(t for t, _ in sure if int(t) == value)
    text = forms.most_common(1)[0][0]
    if kind == "number" and len(text) > 6:
        return None
    conf = statistics.fmean(c for t, c in sure if int(t) == value)
    return text, conf * n / len(sure)


def tax_consensus(votes: list[tuple[str, float]]) -> tuple[str, float] | None:
    """A tax code from the readings of its cells (Tesseract gives long digit runs read with a whitelist no
    confidence, so agreement decides): one whose check digit holds (10 digits, or 10 + 3 for a branch), else
    the 10 or 13 digits at least two readings and more than half of them agree on. Its confidence stays low
    (the document goes to review)."""
    sure = [t for t, _ in votes if len(t) in (10, 13)]
    checked = [t for t in sure if tax_code_valid(t[:10])]
    if checked:
        text, n = Counter(checked).most_common(1)[0]
        conf = 80.0
    elif sure:
        text, n = Counter(sure).most_common(1)[0]
        if n < 2 or 2 * n <= len(sure):
            return None
        conf = 60.0 * n / len(sure)
    else:
        return None
    return (f"{text[:10]}-{text[10:]}" if len(text) == 13 else text), conf


def second_pass(prepared: Prepared, page: RecognizedPage, *, timeout: float = 30.0) -> RecognizedPage:
    """The page with its header's handwritten number, day and month read again where the first reading
    doubted them."""
    if page.source != "ocr" or not page.words:
        return page
    blanks = find_blanks(page)
    blanks = [b for b in blanks if b.box.x1 - b.box.x0 >= 8 and b.box.y1 - b.box.y0 >= 8]
    if not blanks:
        return page
    try:
        crops = [_crop(prepared, b.box) for b in blanks]
        crops = [_erase_walls(c) if b.kind == "taxcode" else c for b, c in zip(blanks, crops, strict=True)]
        votes = read_votes(crops, timeout=timeout)
    except ToolFailed:  # a second reading that fails (a timeout on a loaded machine) keeps the first
        return page
    drop: set[int] = set()
    new: list[Word] = []
    for blank, crop, vs in zip(blanks, crops, votes, strict=True):
        if blank.kind != "taxcode":  # a "1" with a long lead-in stroke, read "4" by both models
            vs = [(ones_for_fours(crop, t), c) for t, c in vs]
        found = tax_consensus(vs) if blank.kind == "taxcode" else consensus(vs, blank.kind)
        if found is None and (blank.kind in ("number", "taxcode") or blank.first_conf >= 85):
            continue  # keep the first reading (a number stays as read; a sure day too)
        text, conf = found if found is not None else (UNREADABLE, 0.0)
        drop.update(blank.drop)
        block = page.words[blank.drop[0]].block if blank.drop else _line_block(page, blank.line)
        new.append(Word(text=text, conf=conf, box=blank.box, block=block, line=blank.line))
    if not new:
        return page
    words = [w for k, w in enumerate(page.words) if k not in drop]
    words = _fix_glued(words, new)
    words.extend(new)
    words.sort(key=lambda w: (w.line, w.box.x0))
    lines: dict[int, list[str]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w.text)
    text = "\n".join(" ".join(ws) for _, ws in sorted(lines.items()))
    return replace(page, words=tuple(words), text=text)


def _line_block(page: RecognizedPage, line: int) -> int:
    return next((w.block for w in page.words if w.line == line), 0)


def _fix_glued(words: list[Word], new: list[Word]) -> list[Word]:
    """Words the new readings overlap are cut back: "ngày06" keeps "ngày", "72#QĐ-TTg" keeps "/QĐ-TTg"."""
    out = []
    for w in words:
        hit = next((n for n in new if n.line == w.line and w.box.x0 < n.box.x1 and n.box.x0 < w.box.x1), None)
        if hit is None:
            out.append(w)
            continue
        f = fold(w.text)
        if ":" in w.text and hit.box.x0 > w.box.x0:  # "thuế:|8523…": the label kept, the cells re-read
            out.append(replace(w, text=w.text[: w.text.index(":") + 1], box=replace(w.box, x1=hit.box.x0)))
        elif f.startswith(("ngay", "thang")):  # "tháng“12": the month swallowed
            n = 4 if f.startswith("ngay") else 5
            out.append(replace(w, text=w.text[:n], box=replace(w.box, x1=min(w.box.x1, hit.box.x0))))
        else:
            tail = _NOTATION_TAIL.search(w.text)
            if tail:
                out.append(
                    replace(w, text="/" + tail.group(1), box=replace(w.box, x0=max(w.box.x0, hit.box.x1)))
                )
            elif w.box.x0 < hit.box.x0 or w.box.x1 > hit.box.x1:
                out.append(w)
    return out


def _runs(row: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of the ink runs of one row of a mask (gaps of two pixels or less bridged)."""
    xs = np.flatnonzero(row)
    if not len(xs):
        return []
    cuts = np.flatnonzero(np.diff(xs) > 3)
    starts = [xs[0], *xs[cuts + 1]]
    ends = [*xs[cuts], xs[-1]]
    return [(int(a), int(b)) for a, b in zip(starts, ends, strict=True)]


def lead_in_one(mask: np.ndarray) -> bool:
    """True when a handwritten digit's ink (one connected mark) is a "1" with a long lead-in stroke, which
    both Tesseract models read as "4": a stroke left of the stem that ends in the air, down-left of where it
    leaves the stem. A "4" closes its triangle with a bar running from that stroke's foot across to the stem
    (one long run of ink in a row there); a "1" has only the stem below the lead-in's foot."""
    h, w = mask.shape
    if h < 12 or w < 6:
        return False
    rows = [_runs(mask[r]) for r in range(h)]
    split = [r for r in range(int(0.2 * h), int(0.9 * h)) if len(rows[r]) >= 2]
    if len(split) < max(3, 0.1 * h):
        return False  # no separate stroke left of the stem: a plain "1" or something else
    foot = max(split)
    stem = rows[foot][-1]
    thick = stem[1] - stem[0] + 1
    lo, hi = max(0, foot - int(0.12 * h)), min(h, foot + int(0.2 * h) + 1)
    # the bar of a "4": a run in that window from the left stroke over to the stem, much longer than a stroke
    if any(len(rw) == 1 and rw[0][1] - rw[0][0] + 1 >= max(2.2 * thick, 0.5 * w) for rw in rows[lo:hi]):
        return False
    # below the foot only the stem (nothing right of it either: a "4"'s bar crossing it)
    below = [rw for rw in rows[foot + 1 :] if rw]
    if len(below) < 0.15 * h:
        return False
    return all(len(rw) == 1 and rw[0][1] - rw[0][0] + 1 <= 2.0 * thick for rw in below)


def _digit_marks(crop: np.ndarray) -> list[np.ndarray]:
    """The crop's digit-sized marks (connected ink at least half the crop's text height), left to right."""
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return []
    tall = max(int(stats[i, cv2.CC_STAT_HEIGHT]) for i in range(1, n))
    marks = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if h >= 0.5 * tall and stats[i, cv2.CC_STAT_AREA] >= 15:
            marks.append((x, labels[y : y + h, x : x + w] == i))
    return [m for _, m in sorted(marks, key=lambda t: t[0])]


def ones_for_fours(crop: np.ndarray, text: str) -> str:
    """``text`` read from ``crop`` with each "4" that is a "1" with a lead-in stroke (by shape) made "1";
    unchanged unless the crop holds exactly one mark per digit."""
    if "4" not in text:
        return text
    marks = _digit_marks(crop)
    if len(marks) != len(text):
        return text
    return "".join("1" if ch == "4" and lead_in_one(m) else ch for ch, m in zip(text, marks, strict=True))
