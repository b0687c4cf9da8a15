"""A blurred page's words lost inside a line, read again in their gap (``pipeline.gaps``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from digitize.pipeline import gaps, preprocess
from digitize.pipeline.fields import extract
from digitize.pipeline.model import Box, RecognizedPage, Word, page_text
from tests.pipeline.pages import BODY

LANG = "vie"
SUBJECT = BODY[1]  # "Về việc cấp Giấy phép tiến hành công việc bức xạ"


def _subject_word(page: RecognizedPage, text: str) -> Word:
    line = next(w.line for w in page.words if w.text == "Giấy")
    return next(w for w in page.words if w.line == line and w.text == text)


def _without(page: RecognizedPage, word: Word) -> RecognizedPage:
    """The reading with one word left out, no trace of it (as Tesseract drops a blurred word)."""
    words = tuple(w for w in page.words if w is not word)
    return replace(page, words=words, text=page_text(words))


def _line(page: RecognizedPage) -> str:
    """The subject's line as read."""
    line = next(w.line for w in page.words if w.text == "Giấy")
    return " ".join(w.text for w in sorted(page.words, key=lambda w: w.box.x0) if w.line == line)


def _subject(page: RecognizedPage) -> str | None:
    return extract([page]).values()["subject"]


@pytest.mark.parametrize("lost", ["tiến", "công", "Về", "xạ"])
def test_a_word_lost_between_two_words_of_the_subject_or_at_its_end_is_read_in_its_gap_and_put_back(
    blurred: tuple[preprocess.Prepared, RecognizedPage], lost: str
) -> None:
    prepared, first = blurred
    assert _subject(first) == SUBJECT
    dropped = _without(first, _subject_word(first, lost))
    assert lost not in _line(dropped).split()
    page = gaps.second_pass(prepared, dropped, lang=LANG)
    assert _line(page) == SUBJECT
    assert _subject(page) == SUBJECT
    # in its place on its line, the rest of the reading as it was
    back = _subject_word(page, lost)
    was = _subject_word(first, lost).box
    assert abs(back.box.x0 - was.x0) < 10 and abs(back.box.x1 - was.x1) < 10
    kept = sorted((w.text, w.conf, w.box.x0, w.box.y0) for w in page.words if w is not back)
    assert kept == sorted((w.text, w.conf, w.box.x0, w.box.y0) for w in dropped.words)


def test_a_gap_with_no_ink_or_on_a_sharp_page_is_not_read(
    blurred: tuple[preprocess.Prepared, RecognizedPage], tesseract_reads: list[object]
) -> None:
    prepared, first = blurred
    reads = tesseract_reads
    assert gaps.second_pass(prepared, first, lang=LANG) is first  # no gap: nothing read
    lost = _subject_word(first, "tiến")
    dropped = _without(first, lost)
    assert gaps.second_pass(replace(prepared, blurred=False), dropped, lang=LANG) is dropped
    # the word's ink gone too (a line spaced wide): a blank gap is not read
    ocr = prepared.ocr.copy()
    s = prepared.scale
    left, right = _subject_word(first, "phép").box, _subject_word(first, "hành").box
    ocr[round(lost.box.y0 * s) - 5 : round(lost.box.y1 * s) + 5, round(left.x1 * s) : round(right.x0 * s)] = (
        255
    )
    assert gaps.second_pass(replace(prepared, ocr=ocr), dropped, lang=LANG) is dropped
    assert reads == []


def _gap(left: str | None, right: str | None) -> gaps._Gap:
    a = None if left is None else Word(left, 96.0, Box(100, 100, 160, 130))
    b = None if right is None else Word(right, 96.0, Box(260, 100, 320, 130))
    return gaps._Gap(a, b, (160, 260), (90, 90, 330, 140))


def _read(*words: tuple[str, float, float]) -> list[Word]:
    return [Word(t, c, Box(x, 100, x + 50, 130)) for t, c, x in words]


def test_what_the_gap_s_reading_gives_is_taken_only_when_sure_and_as_the_corpus_writes_it() -> None:
    gap = _gap("Giấy", "tiến")
    row = _read(("Giấy", 95, 100), ("phép", 93, 185), ("tiến", 90, 265))
    assert [w.text for w in gaps._lost_words(gap, row) or []] == ["phép"]
    assert gaps._taken(gap, _read(("phép", 93, 185)))
    # the cut read otherwise than the page around the gap: its reading is not the line's
    assert gaps._lost_words(gap, _read(("Giây", 95, 100), ("phép", 93, 185), ("tiến", 90, 265))) is not None
    assert gaps._lost_words(gap, _read(("Gìa", 95, 100), ("phép", 93, 185), ("tiến", 90, 265))) is None
    assert gaps._lost_words(gap, _read(("phép", 93, 185), ("tiến", 90, 265))) is None
    # unsure, a single letter, no syllable, or a syllable the corpus never shows there: the gap stays
    assert not gaps._taken(gap, _read(("phép", 60, 185)))
    assert not gaps._taken(gap, _read(("m", 95, 185)))
    assert not gaps._taken(gap, _read(("phxp", 95, 185)))
    assert not gaps._taken(_gap("phép", "hành"), _read(("tin", 94, 185)))  # "tiến" read "tin"
    assert not gaps._taken(gap, [])


def test_at_a_line_s_end_what_the_cut_reads_beyond_the_lost_word_without_a_letter_is_left_out() -> None:
    # a stamp's handwritten digit over "SỬ" of "SỬ DỤNG VẬT LIỆU …" (seed 451 dev 012): "3” SỨ DỤNG"
    gap = _gap(None, "DỤNG")
    row = _read(("3”", 51, 150), ("SỨ", 86, 200), ("DỤNG", 96, 265))
    assert [w.text for w in gaps._lost_words(gap, row) or []] == ["SỨ"]
    assert gaps._taken(gap, _read(("SỨ", 86, 200)))  # "SỬ DỤNG" once its mark is fixed
    # inside a line it stays what the gap holds: not words lost
    inner = gaps._lost_words(_gap("Giấy", "DỤNG"), [*_read(("Giấy", 95, 100)), *row])
    assert [w.text for w in inner or []] == ["3”", "SỨ"]
