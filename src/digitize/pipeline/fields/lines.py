"""Lines of a recognized page (words grouped by Tesseract's line number, with their box and confidence)."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from digitize.pipeline import correct
from digitize.pipeline.fields.names import is_syllable
from digitize.pipeline.fields.text import fold1
from digitize.pipeline.model import Box, RecognizedPage, Word
from digitize.pipeline.syllable import key, skeleton
from digitize.text import nfc


@dataclass(frozen=True)
class Line:
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


def make_line(page: RecognizedPage, words: Sequence[Word], boxed: bool = True) -> Line:
    text = nfc(" ".join(w.text for w in words))
    conf = statistics.fmean(w.conf for w in words) / 100.0 if words else 1.0
    return Line(
        page=page.index,
        words=tuple(words),
        text=text,
        folded=fold1(text),
        x0=min(w.box.x0 for w in words),
        y0=min(w.box.y0 for w in words),
        x1=max(w.box.x1 for w in words),
        y1=max(w.box.y1 for w in words),
        conf=max(0.0, min(1.0, conf)),
        width=page.width,
        height=page.height,
        boxed=boxed,
    )


# how many lines back (on its page) a piece cut off its row may stand from the line it ends
ROW_LOOKBACK = 40
# how far right of its row's end a piece may start, in the row's line heights: a word's space, a little more
# on a blurred page (seed 479 dev 012: 13 px at a line height of 22; seed 475 dev 005: 29 px at 54). A line
# farther off is another column's, on the same row by chance (REVIEW-39a H1: "Gia hạn lần 1 đến ngày
# 01/01/2023" beside "Có hiệu lực từ ngày 15/06/2021")
ROW_GAP_HEIGHTS = 1.5


def rows_rejoined(lines: Sequence[Line]) -> list[Line]:
    """``lines`` with each line's piece that the reading cut off on its row and set after the lines below it
    put back at its end: a centred citation read as two columns ("(Kèm theo Giấy phép số 57/GP-SCT ngày
    11", "của Sở Công Thương)", then "tháng 12 năm 2017" beside the first: seed 475 dev 005, whose header's
    day was written by hand and lost), a validity clause cut at its page's middle ("Giấy phép này có hiệu
    lực", "7 năm 2019.", … then "kể từ ngày ký và có hiệu lực đến ngày 05 tháng": seed 479 dev 012). A piece
    is a line on the row of one before it on its page (its middle within that first line's height, at most
    ``ROW_LOOKBACK`` lines back) starting right of the row's end, by at most ``ROW_GAP_HEIGHTS`` of that
    line's height: a line farther right is another column's. Callers read the lines as they come first and
    these only when that finds nothing."""
    rows: list[tuple[Line, list[Word], float]] = []  # first line, the row's words, the row's right end
    for ln in lines:
        row = None
        if ln.boxed:
            for k in range(len(rows) - 1, max(-1, len(rows) - 1 - ROW_LOOKBACK), -1):
                first, _, x1 = rows[k]
                if first.page != ln.page:
                    break
                height = first.y1 - first.y0
                if (
                    first.boxed
                    and first.y0 < (ln.y0 + ln.y1) / 2 < first.y1
                    and 0 <= ln.x0 - x1 <= ROW_GAP_HEIGHTS * height
                ):
                    row = k
                    break
        if row is None:
            rows.append((ln, list(ln.words), ln.x1))
            continue
        first, words, x1 = rows[row]
        words.extend(ln.words)
        rows[row] = (first, words, max(x1, ln.x1))
    out = []
    for first, words, _ in rows:
        if len(words) == len(first.words):
            out.append(first)
            continue
        page = RecognizedPage(index=first.page, source="ocr", width=first.width, height=first.height, text="")
        out.append(make_line(page, words))
    return out


def page_lines(page: RecognizedPage) -> list[Line]:
    if page.words:
        by_line: dict[int, list[Word]] = {}
        for w in page.words:
            if w.text.strip():
                by_line.setdefault(w.line, []).append(w)
        return [make_line(page, ws) for _, ws in sorted(by_line.items())]
    # text without boxes: one pseudo line per text line, full width
    out = []
    conf = 100.0 if page.source == "text" else 100.0 * (page.confidence or 0.5)
    for n, raw in enumerate(page.text.split("\n")):
        if not raw.strip():
            continue
        y = float(n * 20)
        words = [
            Word(text=t, conf=conf, box=box(0.0, y, page.width or 1.0, y + 15), line=n) for t in raw.split()
        ]
        out.append(make_line(page, words, boxed=False))
    return out


# a value some of whose words the language model chose rather than read (``model_guessed``): under review's
# threshold, however surely Tesseract read the letters it had
GUESSED_WORDS_CONF = 0.5


def model_guessed(lines: Sequence[Line], value: str, *, any_case: bool = False) -> bool:
    """A capitalised word of ``value`` (on ``lines``) whose marks the language model chose, not Tesseract
    (``Word.read``): in a name it cannot know the model guesses from the language's words, "Thành Dạt" (read
    at 90) became "Thành Đất" for the company "Thành Đạt" (seed 85's dev 006, at 0.96). ``any_case``: the
    value was re-cased from the lines (a subject in capitals given in sentence case). A reading that is no
    syllable, given its marks by the model as a common one, is no guess ("Thưong" → "Thương", "Dich" →
    "Dịch" in "Công ty Cổ phần Thương mại và Dịch vụ …" went from 0.94 to review): "Dạt", a syllable as
    read, is one."""
    case = str.casefold if any_case else str
    names = {case(w.strip(_MARKS)) for w in value.split()}
    return any(
        w.read and w.text[:1].isupper() and case(w.text.strip(_MARKS)) in names and not _marks_restored(w)
        for ln in lines
        for w in ln.words
    )


# how much likelier (natural log of the language model's score) a word's other marks must read in its place
# for the word as read to be in doubt ("tải biển Đại" over "tải biến Đại": 4.8)
OTHER_MARKS_MARGIN = 4.0


def other_marks_likelier(value: str) -> bool:
    """A lower-case word of ``value`` (a company's name: its common words, not its proper name) the language
    model reads with other marks there far likelier (``OTHER_MARKS_MARGIN``): "Vận tải biến Đại Dương" of
    "biển" (seed 105's alt 005, read at 96, taken at 0.94). Tesseract read both letters and marks surely; the
    model says which word the phrase has."""
    model = correct.load()
    words = [key(w.strip(_MARKS).lower()) for w in value.split()]
    for i, w in enumerate(value.split()):
        core = w.strip(_MARKS)
        if not core.isalpha() or not core.islower() or words[i] not in model.index:
            continue
        others = model.frequent.get(skeleton(words[i][:-1]), ())
        if len(others) < 2:
            continue
        a = words[i - 2] if i >= 2 else None
        b = words[i - 1] if i >= 1 else "<s>"
        c = words[i + 1] if i + 1 < len(words) else "<p>"

        def fit(k: str, a: str | None = a, b: str = b, c: str = c) -> float:
            return model.logp(a, b, k) + model.logp(b, k, c)

        read = fit(words[i])
        if any(fit(k) - read >= OTHER_MARKS_MARGIN for k in others if k != words[i]):
            return True
    return False


def _marks_restored(w: Word) -> bool:
    """The model gave the word its marks (its letters as read): the reading no syllable, the result common."""
    read, text = w.read.strip(_MARKS), w.text.strip(_MARKS)
    return skeleton(read) == skeleton(text) and not is_syllable(read) and correct.common(text)


_MARKS = "()[],.;:\"'“”"


def box(x0: float, y0: float, x1: float, y1: float) -> Box:
    return Box(x0, y0, x1, y1)


def sub_line(line: Line, words: Sequence[Word]) -> Line:
    page = RecognizedPage(index=line.page, source="ocr", width=line.width, height=line.height, text="")
    return make_line(page, words, boxed=line.boxed)


def split_line(line: Line, gutter: float) -> tuple[Line | None, Line | None]:
    if not line.boxed:
        return line, None
    left = [w for w in line.words if (w.box.x0 + w.box.x1) / 2 < gutter]
    right = [w for w in line.words if (w.box.x0 + w.box.x1) / 2 >= gutter]
    return (sub_line(line, left) if left else None, sub_line(line, right) if right else None)


# a word read with less confidence than this before a line's label may be a speck (a photo's dark edge)
SPECK_CONF = 30.0
# a label stands at most this many words into its line
LABEL_AT_MOST = 3
# a speck read as letters is read as this many at most ("vJ"); a longer word is one the page has
SPECK_LETTERS = 2


def is_speck(word: Word) -> bool:
    """Whether a word is a speck read as text: read with less confidence than ``SPECK_CONF``, and no word at
    all: no letter in it, or at most ``SPECK_LETTERS`` of them that make no Vietnamese syllable ("vJ", "';"
    are specks; "Mẫu" or "Hồ" read at 20 are words, however doubtful)."""
    text = word.text.strip()
    if word.conf >= SPECK_CONF or not text:
        return False
    return not any(ch.isalpha() for ch in text) or (len(text) <= SPECK_LETTERS and not is_syllable(text))


def from_label(words: Sequence[Word], is_label: Callable[[Word], bool]) -> Sequence[Word]:
    """``words`` (left to right) from the first one ``is_label`` holds for, when only specks (``is_speck``)
    stand before it within ``LABEL_AT_MOST`` words: a photo's dark edge read "vJ" before "Số: 1972/GCN-UBND"
    is no part of the line; else ``words`` as they are ("Mẫu số: 03/TB-UBND" read with "Mẫu" at 20 is a
    form's name, no number line). A mark with no letter nor digit is no word however surely read (a
    low-light photo's dark edge read ":" at 52 before "số: 7 /gC-QLD": the pen's number never read again)."""
    for k, w in enumerate(words[:LABEL_AT_MOST]):
        if is_label(w):
            return words[k:]
        if not is_speck(w) and any(ch.isalnum() for ch in w.text):
            break
    return words
