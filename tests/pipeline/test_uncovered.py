"""The pass over blocks of a blurred page its first reading left out (``pipeline.uncovered``)."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
import pytest

from digitize.pipeline import preprocess, recognize, uncovered
from digitize.pipeline.model import RecognizedPage, page_text
from digitize.tools import tesseract

LANG = "vie"


def _without(page: RecognizedPage, texts: set[str]) -> RecognizedPage:
    """The reading with the lines holding any of ``texts`` left out (as the page layout drops a block)."""
    gone = {w.line for w in page.words if w.text in texts}
    words = tuple(w for w in page.words if w.line not in gone)
    return replace(page, words=words, text=page_text(words))


def _lines(page: RecognizedPage) -> list[str]:
    return page.text.splitlines()


def test_a_block_the_first_reading_dropped_is_read_and_put_back_in_its_place(
    blurred: tuple[preprocess.Prepared, RecognizedPage],
) -> None:
    prepared, first = blurred
    assert "QUYẾT ĐỊNH" in first.text
    dropped = _without(first, {"QUYẾT"})
    assert "QUYẾT" not in dropped.text
    page = uncovered.second_pass(prepared, dropped, lang=LANG)
    lines = _lines(page)
    title = next(i for i, ln in enumerate(lines) if "QUYẾT" in ln)
    # in reading order: after the header's date line, before the subject under it
    assert any("2021" in ln for ln in lines[:title])
    assert any(ln.startswith("Về việc") for ln in lines[title + 1 :])
    # the rest of the reading kept as it was, word for word
    kept = [(w.text, w.conf, w.box) for w in page.words if w.block < uncovered.BLOCK]
    assert kept == [(w.text, w.conf, w.box) for w in dropped.words]
    assert [w.line for w in page.words] == sorted(w.line for w in page.words)


def test_a_sure_page_or_a_sharp_one_is_not_read_again(
    blurred: tuple[preprocess.Prepared, RecognizedPage], tesseract_reads: list[object]
) -> None:
    prepared, first = blurred
    reads = tesseract_reads
    # every block read: nothing uncovered
    assert uncovered.second_pass(prepared, first, lang=LANG) is first
    # a sharp page: not looked at
    sharp = replace(prepared, blurred=False)
    dropped = _without(first, {"QUYẾT"})
    assert uncovered.second_pass(sharp, dropped, lang=LANG) is dropped
    assert reads == []


def test_what_is_read_unsurely_or_is_too_tall_for_print_is_not_added(
    blurred: tuple[preprocess.Prepared, RecognizedPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared, first = blurred
    dropped = _without(first, {"QUYẾT"})
    with monkeypatch.context() as m:
        m.setattr(uncovered, "MIN_CONF", 101.0)  # no reading is that sure
        m.setattr(uncovered, "MAX_HEADING_WORDS", 0)  # ... and no heading read unsurely is taken
        assert uncovered.second_pass(prepared, dropped, lang=LANG) is dropped
    with monkeypatch.context() as m:
        m.setattr(uncovered, "MAX_BAND", 0.5)  # every band taller than that: a seal's ring, not print
        assert uncovered._bands(prepared.ocr, dropped, prepared.scale, prepared.letter) == []
    # a reading that fails adds nothing
    from digitize.errors import ToolFailed

    def failing(image: np.ndarray, **kw: object) -> list[tesseract.Token]:
        raise ToolFailed("tesseract timed out")

    monkeypatch.setattr(tesseract, "image_to_data", failing)
    assert uncovered.second_pass(prepared, dropped, lang=LANG) is dropped


def test_a_type_s_heading_read_unsurely_is_added_at_the_confidence_it_was_read(
    blurred: tuple[preprocess.Prepared, RecognizedPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A blurred photo's "GIẤY PHÉP" read alone "GIẤY" at 0, "PHÉP" at 7: no sure band, but its words name a
    document type in capitals, as a heading prints it; they go in unsure (the type name in doubt), at most at
    ``HEADING_CONF`` however surely they were read."""
    from digitize.pipeline.fields import extract
    from digitize.pipeline.model import Box, Word

    def word(text: str, conf: float, x: float = 0.0, line: int = 0) -> Word:
        return Word(text=text, conf=conf, box=Box(x, 0, x + 10, 10), block=uncovered.BLOCK, line=line)

    def read(words: list[Word]) -> list[tuple[str, float]]:
        return [(w.text, w.conf) for w in uncovered._heading(words)]

    giay, phep = word("GIẤY", 0.0, 0), word("PHÉP", 7.0, 20)
    assert uncovered._heading([phep, giay]) == [giay, phep]
    misread = [word("GIẦY", 16.0, 0), word("PHÉP", 95.0, 20)]  # a mark misread
    assert read(misread) == [("GIẦY", 16.0), ("PHÉP", uncovered.HEADING_CONF)]
    assert not uncovered._heading([word("Giấy", 0.0, 0), word("phép", 7.0, 20)])  # no heading's capitals
    organ = [word("CỤC", 10.0), word("VIỄN", 7.0, 20), word("THÔNG", 7.0, 40)]
    assert not uncovered._heading(organ)  # no type
    assert not uncovered._heading([word("PHÉP", 7.0)])
    assert not uncovered._heading([word("GIẤY", 7.0, 0, line=1), word("PHÉP", 7.0, 20, line=2)])  # two lines
    # the heading beside junk on its row (a received stamp's handwritten number): the heading's words alone
    bao, cao = word("BÁO", 88.0, 0), word("CÁO", 96.0, 20)
    junk = [word("‡70", 90.0, 60), word("'0", 8.0, 80), word("Ynng", 34.0, 100), word("th", 0.0, 120)]
    assert read([*junk, cao, bao]) == [("BÁO", 50.0), ("CÁO", 50.0)]
    # every heading the band holds, on each of its lines
    again = [word("GIẤY", 0.0, 0, line=1), word("PHÉP", 7.0, 20, line=1)]
    assert read([giay, phep, *again]) == [("GIẤY", 0.0), ("PHÉP", 7.0)] * 2

    prepared, first = blurred
    dropped = _without(first, {"QUYẾT"})
    monkeypatch.setattr(uncovered, "MIN_CONF", 101.0)  # no reading is that sure
    page = uncovered.second_pass(prepared, dropped, lang=LANG)
    assert "QUYẾT ĐỊNH" in page.text
    assert extract([page]).values()["type_name"] == "Quyết định"


def test_an_organ_s_or_a_stamp_s_line_naming_a_type_is_no_heading() -> None:
    """An organ's name or a stamp's line holds a type's words ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ": "KẾ HOẠCH"; a received
    stamp's "CÔNG VĂN ĐẾN"), read unsurely in a band: nothing added (review 40b: "Kế hoạch" taken surely for
    a Quyết định's type); nor a type's name read only near (a fuzzy "KẾ HOẠCH" out of "SỞ KẾ HOẠCH")."""
    from digitize.pipeline.model import Box, Word

    def line(text: str, conf: float = 40.0) -> list[Word]:
        return [
            Word(text=t, conf=conf, box=Box(30 * k, 0, 30 * k + 20, 10), block=uncovered.BLOCK, line=0)
            for k, t in enumerate(text.split())
        ]

    for text in (
        "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
        "PHÒNG KẾ HOẠCH - TÀI CHÍNH",
        "TRUNG TÂM HƯỚNG DẪN",
        "CÔNG VĂN ĐẾN",
        "CÔNG VĂN",
        "SỞ KẾ HOẠCH",
        "SỞ KẾ HOẠC",
    ):
        assert uncovered._heading(line(text)) == [], text
    assert [w.text for w in uncovered._heading(line("BÁO CÁO"))] == ["BÁO", "CÁO"]


def test_an_organ_s_line_read_in_a_heading_s_band_gives_no_sure_type(
    blurred: tuple[preprocess.Prepared, RecognizedPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review 40b's reading: the band left out over a Quyết định's title read "SỞ KẾ HOẠCH" at 90 (an organ's
    line), then "QUYẾT ĐỊNH" at 20: unsure as a whole. The organ's words are no heading ("Kế hoạch" was
    taken surely as the type); the title's go in, in doubt."""
    from digitize.pipeline.fields import extract

    prepared, first = blurred
    dropped = _without(first, {"QUYẾT"})

    def reading(image: np.ndarray, **kw: object) -> list[tesseract.Token]:
        h = image.shape[0]
        rows = [("SỞ KẾ HOẠCH", 90.0, 0), ("QUYẾT ĐỊNH", 20.0, h // 2)]
        return [
            tesseract.Token(t, conf, 10 + 60 * k, top, 50, h // 3, 1, 1, n + 1, k + 1)
            for n, (text, conf, top) in enumerate(rows)
            for k, t in enumerate(text.split())
        ]

    monkeypatch.setattr(tesseract, "image_to_data", reading)
    page = uncovered.second_pass(prepared, dropped, lang=LANG)
    assert "QUYẾT ĐỊNH" in page.text
    assert "HOẠCH" not in page.text
    found = extract([page]).fields["type_name"]
    assert found.value != "Kế hoạch"
    assert found.value == "Quyết định" or found.confidence < 0.6


def test_a_piece_of_a_line_read_already_is_not_added_again() -> None:
    """A band word lying over a word of the first reading (a line's end left uncovered by its box, read
    again: "Cục quản lý dược NLÝ dược") is a piece read twice; one beside it is new."""
    from digitize.pipeline.model import Box, Word

    read = [Word(text="DƯỢC", conf=95.0, box=Box(300, 100, 400, 130), block=1, line=2)]
    again = Word(text="dược", conf=90.0, box=Box(320, 98, 410, 128), block=uncovered.BLOCK, line=0)
    beside = Word(text="QUYẾT", conf=90.0, box=Box(300, 180, 400, 210), block=uncovered.BLOCK, line=1)
    assert uncovered._over_read(again, read)
    assert not uncovered._over_read(beside, read)


def test_a_page_of_countless_marks_is_no_block_left_out(
    blurred: tuple[preprocess.Prepared, RecognizedPage],
) -> None:
    """A page whose uncovered marks run into the thousands (a halftone picture, a security background, a
    crafted page of dots) is no block of print left out: no band, whatever its size, in a time that grows
    with the image (array operations), not with marks times bands."""
    _, first = blurred
    dots = np.full((3000, 3000), 255, np.uint8)
    dots[::12, ::12] = 0
    dots = cv2.dilate(255 - dots, np.ones((9, 9), np.uint8))  # 62 500 letter-sized black squares
    dots = 255 - dots
    assert uncovered._bands(dots, first, 1.0, 12.0) == []
    # the same marks, fewer of them than the bound: bands found (the bound, not the marks' shape, said no)
    few = np.ascontiguousarray(dots[:120, :600])
    assert uncovered._bands(few, replace(first, words=()), 1.0, 12.0)


def test_words_put_in_reading_order_keep_all_they_carry(
    blurred: tuple[preprocess.Prepared, RecognizedPage],
) -> None:
    """``recognize.in_reading_order``: a first reading's words come back as they were (their order, boxes,
    confidences and corrector's alternatives), only their lines numbered again."""
    _, first = blurred
    marked = tuple(replace(w, read="x") if i % 3 == 0 else w for i, w in enumerate(first.words))
    again = recognize.in_reading_order(marked, first.width)
    assert [(w.text, w.conf, w.box, w.read) for w in again] == [
        (w.text, w.conf, w.box, w.read) for w in marked
    ]


def test_a_band_word_filling_a_gap_of_a_line_read_already_joins_that_line() -> None:
    """Seed 363 blur alt 008: "TỈNH YÊN" read in a band between the "UBND" and "BÁI" the first reading kept of
    "UBND TỈNH YÊN BÁI" made a line of their own, and the organ's lines were read out of order."""
    from digitize.pipeline.model import Box, Word

    read = [
        Word(text="UBND", conf=80.0, box=Box(282, 108, 448, 184), block=1, line=0),
        Word(text="BÁI", conf=82.0, box=Box(720, 124, 802, 166), block=1, line=0),
        Word(text="VĂN", conf=80.0, box=Box(266, 178, 378, 226), block=1, line=2),
    ]
    tinh = Word(text="TỈNH", conf=72.0, box=Box(454, 116, 580, 166), block=uncovered.BLOCK, line=0)
    joined = uncovered._into_line(tinh, read)
    assert (joined.block, joined.line) == (1, 0)
    ordered = recognize.in_reading_order((*read, joined), 2480)
    assert page_text(ordered).splitlines()[0] == "UBND TỈNH BÁI"
    # beyond the line's end, or on another row: a line of its own
    after = replace(tinh, box=Box(820, 116, 900, 166))
    below = replace(tinh, box=Box(454, 300, 580, 350))
    assert (uncovered._into_line(after, read).block, uncovered._into_line(below, read).block) == (
        uncovered.BLOCK,
        uncovered.BLOCK,
    )


def test_a_band_line_under_a_skewed_line_stays_its_own() -> None:
    """Review 32: on a photo 2° off, a line's far end reaches the next line's row: the motto's missed second
    line, read in a band, was put inside "CỘNG HÒA … VIỆT NAM" by the line's whole height."""
    import math

    from digitize.pipeline.model import Box, Word

    sk = math.tan(math.radians(2.0))

    def word(t: str, x0: int, x1: int, row: int, block: int) -> Word:
        y0 = int(100 + row * 50 + sk * x0)
        return Word(text=t, conf=85.0, box=Box(x0, y0, x1, y0 + 40), block=block, line=0)

    motto = ["CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM"]
    read = [word(t, 1200 + 170 * i, 1340 + 170 * i, 0, 2) for i, t in enumerate(motto)]
    band = ["Độc", "lập", "-", "Tự", "do", "-", "Hạnh", "phúc"]
    added = [
        uncovered._into_line(word(t, 1420 + 110 * i, 1510 + 110 * i, 1, uncovered.BLOCK), read)
        for i, t in enumerate(band)
    ]
    text = page_text(recognize.in_reading_order((*read, *added), 2480))
    assert text.splitlines() == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def test_a_band_read_as_nothing_is_read_again_enlarged_and_sharpened(
    blurred: tuple[preprocess.Prepared, RecognizedPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seed 491 dev 010: a shaken photo's signer's name under its seal ("Đặng Quốc Nam", 20 px letters)
    read as nothing at all as cut, at any page segmentation; enlarged twice under an unsharp mask as wide as
    its blur it read at 94. The band's cut read so when its own reading gave no sure words; the marks the
    sharpening makes of the seal's ring beside it (".v—" at 0, no syllable) are left out."""
    prepared, first = blurred
    dropped = _without(first, {"QUYẾT"})
    shapes: list[tuple[int, ...]] = []

    def reading(image: np.ndarray, **kw: object) -> list[tesseract.Token]:
        shapes.append(image.shape)
        h = image.shape[0]
        if len(shapes) < 2 or image.shape[0] < 2 * shapes[-2][0] - 2:
            return [tesseract.Token("wv", 10.0, 10, h // 3, 40, h // 3, 1, 1, 1, 1)]  # as cut: junk
        # the line's two words over the band's marks, the seal's mark at its right end
        w = image.shape[1]
        words = [
            ("QUYẾT", 93.0, 0, w * 45 // 100),
            ("ĐỊNH", 95.0, w // 2, w * 45 // 100),
            (".v—", 0.0, w - 8, 8),
        ]
        return [
            tesseract.Token(t, c, x, h // 3, dx, h // 3, 1, 1, 1, k + 1)
            for k, (t, c, x, dx) in enumerate(words)
        ]

    monkeypatch.setattr(tesseract, "image_to_data", reading)
    page = uncovered.second_pass(prepared, dropped, lang=LANG)
    assert "QUYẾT ĐỊNH" in page.text
    assert ".v" not in page.text and "wv" not in page.text
    # the cut enlarged AGAIN_SCALE times
    crop = np.full((40, 100), 255, np.uint8)
    assert uncovered._enlarged(crop).shape == (80, 200)


def test_a_band_of_two_marks_is_read_and_taken_only_as_two_words(
    blurred: tuple[preprocess.Prepared, RecognizedPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seed 491 dev 010: a shaken photo's signer's title "GIÁM ĐỐC", each word's letters glued by the blur
    into one mark, is a band of two marks: read (it read "GIÁM ĐỐC" at 91). A band of two marks read as one
    word (a seal's letter read "te" at 88) adds nothing."""
    two = np.full((120, 600), 255, np.uint8)
    two[40:64, 100:220] = 0
    two[40:64, 260:340] = 0
    bands = uncovered._bands(two, replace(blurred[1], words=()), 1.0, 20.0)
    assert [b[4] for b in bands] == [2]

    prepared, first = blurred
    dropped = _without(first, {"QUYẾT"})
    monkeypatch.setattr(
        uncovered, "_bands", lambda *a: [uncovered.Band(100, 130, 200, 400, 2, (250.0, 350.0))]
    )

    def reads(texts: list[str]) -> RecognizedPage:
        def reading(image: np.ndarray, **kw: object) -> list[tesseract.Token]:
            h = image.shape[0]
            return [
                tesseract.Token(t, 91.0, 10 + 150 * k, h // 3, 120, h // 3, 1, 1, 1, k + 1)
                for k, t in enumerate(texts)
            ]

        monkeypatch.setattr(tesseract, "image_to_data", reading)
        return uncovered.second_pass(prepared, dropped, lang=LANG)

    assert "GIÁM ĐỐC" in reads(["GIÁM", "ĐỐC"]).text
    assert reads(["te"]) is dropped


def _reread(
    monkeypatch: pytest.MonkeyPatch,
    prepared: preprocess.Prepared,
    band: uncovered.Band,
    again: list[tuple[str, float]],
) -> None:
    """Tesseract replayed on ``band``: its cut read as junk, its enlarged cut as ``again``'s words, side by
    side over the band's marks (``band.centres``, one word each)."""
    letter = prepared.letter
    m = round(0.5 * letter)
    cx0 = max(0, band.left - m)
    monkeypatch.setattr(uncovered, "_bands", lambda *a: [band])

    def reading(image: np.ndarray, **kw: object) -> list[tesseract.Token]:
        h = image.shape[0]
        if image.shape[0] < 2 * (band.bottom - band.top):  # as cut
            return [tesseract.Token("wv", 10.0, 10, h // 3, 40, h // 3, 1, 1, 1, 1)]
        half = round(0.8 * letter * uncovered.AGAIN_SCALE)
        return [
            tesseract.Token(
                t,
                c,
                round((x - cx0) * uncovered.AGAIN_SCALE) - half,
                h // 3,
                2 * half,
                h // 3,
                1,
                1,
                1,
                k + 1,
            )
            for k, ((t, c), x) in enumerate(zip(again, band.centres, strict=False))
        ]

    monkeypatch.setattr(tesseract, "image_to_data", reading)


def test_a_re_read_line_missing_a_word_read_as_junk_is_not_taken(
    blurred: tuple[preprocess.Prepared, RecognizedPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review 41c: a signer's title "PHÓ GIÁM ĐỐC" under a seal's ring, read enlarged "'PRÓ" (32) "GIÁM" (92)
    "ĐỐC." (83): its first word, no syllable read unsurely, left out as the seal's junk, "GIÁM ĐỐC." alone was
    taken surely: a wrong title at 0.93. The words taken must stand over most of the band's marks (here two
    of its three): none taken."""
    prepared, first = blurred
    dropped = _without(first, {"QUYẾT"})
    band = uncovered.Band(100, 130, 200, 700, 3, (260.0, 420.0, 580.0))
    _reread(monkeypatch, prepared, band, [("'PRÓ", 32.0), ("GIÁM", 92.0), ("ĐỐC.", 83.0)])
    page = uncovered.second_pass(prepared, dropped, lang=LANG)
    assert [w.text for w in page.words if w.block >= uncovered.BLOCK] == []
    # a partial line (two words of a band of five marks: "GIÁM TỈNH") or a lone word ("SỞ" beside the organ's
    # header, read surely) is no line read
    band = uncovered.Band(100, 130, 200, 900, 5, (260.0, 420.0, 580.0, 700.0, 850.0))
    _reread(monkeypatch, prepared, band, [("GIÁM", 92.0), ("TỈNH", 90.0)])
    assert uncovered.second_pass(prepared, dropped, lang=LANG) is dropped
    band = uncovered.Band(100, 130, 200, 700, 3, (260.0, 420.0, 580.0))
    _reread(monkeypatch, prepared, band, [("SỞ", 95.0)])
    assert uncovered.second_pass(prepared, dropped, lang=LANG) is dropped


def test_a_title_read_only_enlarged_stays_in_doubt(
    blurred: tuple[preprocess.Prepared, RecognizedPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A band read only enlarged and sharpened (the sharpening makes letters of a seal's ring: review 41c's
    "GIÁM TỈNH", "58 ĐỐC") gives words in doubt (``AGAIN_CONF``): a signer's title made of them alone is
    taken, not sure (under 0.6)."""
    from digitize.pipeline.run import extract_fields

    prepared, first = blurred
    lines: dict[tuple[int, int], list[str]] = {}
    for w in first.words:
        lines.setdefault((w.block, w.line), []).append(w.text)
    key = next(k for k, texts in lines.items() if texts == ["GIÁM", "ĐỐC"])
    title = [w for w in first.words if (w.block, w.line) == key]
    words = tuple(w for w in first.words if (w.block, w.line) != key)
    dropped = replace(first, words=words, text=page_text(words))
    s = prepared.scale
    band = uncovered.Band(
        round(min(w.box.y0 for w in title) * s),
        round(max(w.box.y1 for w in title) * s),
        round(min(w.box.x0 for w in title) * s),
        round(max(w.box.x1 for w in title) * s),
        2,
        tuple((w.box.x0 + w.box.x1) / 2 * s for w in title),
    )
    _reread(monkeypatch, prepared, band, [("GIÁM", 92.0), ("ĐỐC", 93.0)])
    page = uncovered.second_pass(prepared, dropped, lang=LANG)
    added = [w for w in page.words if w.block >= uncovered.BLOCK]
    assert [w.text for w in added] == ["GIÁM", "ĐỐC"]
    assert all(w.conf <= uncovered.AGAIN_CONF for w in added)
    found = extract_fields([page]).fields["signer_title"]
    assert found.value == "Giám đốc" and found.confidence < 0.6
    # an empty cut is no image to enlarge
    assert uncovered._enlarged(np.zeros((0, 5), np.uint8)).size == 0


def test_a_band_word_opening_a_line_read_in_slivers_joins_it_and_takes_their_place() -> None:
    """Wide seed 625 alt 003 (a blurred photo): "Đặng Cao Hoài Nhuệ" under the seal's ring was first read "ng
    Cao Hoài Nhuệ", the first two words boxed as slivers of them; the band "Đang Cao." made a line of its own
    under it and the signer's name was read "Đặng Cao". Put on the line it opens, it takes the slivers'
    place; a word a column over (a header's other half) stays apart."""
    from digitize.pipeline.model import Box, Word

    def word(t: str, box: tuple[int, int, int, int], conf: float = 90.0, block: int = 5) -> Word:
        return Word(text=t, conf=conf, box=Box(*box), block=block, line=23)

    read = [
        word("ng", (1598, 2250, 1629, 2263)),
        word("Cao", (1740, 2217, 1770, 2238), 96.0),
        word("Hoài", (1876, 2195, 2029, 2282), 93.0),
        word("Nhuệ", (2058, 2195, 2225, 2282), 35.0),
    ]
    band = [
        Word(text="Cao.", conf=50.0, box=Box(1721, 2204, 1846, 2251), block=uncovered.BLOCK, line=0),
        Word(text="Đang", conf=50.0, box=Box(1492, 2203, 1697, 2281), block=uncovered.BLOCK, line=0),
    ]
    kept, placed = uncovered._put_in_lines(band, read)
    text = page_text(recognize.in_reading_order((*kept, *placed), 2684))
    assert text.splitlines() == ["Đang Cao. Hoài Nhuệ"]
    # before: only a word filling a gap joined a line; these two made a line of their own
    assert all(uncovered._into_line(w, read).block == uncovered.BLOCK for w in band)
    # a band word a column's gap left of a line on its row opens no line of it
    far = replace(band[1], box=Box(900, 2203, 1105, 2281))
    kept, placed = uncovered._put_in_lines([far], read)
    assert placed[0].block == uncovered.BLOCK and len(kept) == len(read)


def test_a_band_word_left_of_a_line_with_no_sliver_of_it_inside_stays_apart() -> None:
    """Review of signer46 (MED-1): a band's word left of a name's line a space away ("Hà" before "Nguyễn Văn
    An", a seal's ring's word) joined it with no evidence it is that line's first word, and the sure name
    became "Hà Nguyễn Văn An". It opens a line only where it takes the place of a sliver of it that line
    has; the space allowed is the line's letter height, not the band word's (a swollen box); a word filling
    a gap of a line no band word opened leaves that line's words as they were."""
    from digitize.pipeline.model import Box, Word

    def word(t: str, box: tuple[int, int, int, int], block: int = 5, line: int = 23) -> Word:
        return Word(text=t, conf=95.0, box=Box(*box), block=block, line=line)

    read = [
        word("Nguyễn", (1600, 2200, 1760, 2245)),
        word("Văn", (1775, 2200, 1860, 2245)),
        word("An", (1875, 2200, 1930, 2245)),
    ]
    ha = word("Hà", (1500, 2197, 1573, 2248), uncovered.BLOCK, 0)
    kept, placed = uncovered._put_in_lines([ha], read)
    assert placed[0].block == uncovered.BLOCK and kept == read
    # a sliver of the line inside a band word a swollen box's height from the line: no line's start either
    sliver = word("ng", (1380, 2225, 1400, 2240))
    tall = word("Đang", (1300, 2100, 1440, 2300), uncovered.BLOCK, 0)
    kept, placed = uncovered._put_in_lines([tall], [sliver, *read])
    assert placed[0].block == uncovered.BLOCK and len(kept) == len(read) + 1
    # the same word a space from the line takes the sliver's place
    near = replace(tall, box=Box(1360, 2195, 1570, 2250))
    kept, placed = uncovered._put_in_lines([near], [sliver, *read])
    assert (placed[0].block, placed[0].line) == (5, 23) and kept == read
    # a band word filling a gap of a line no band word opened: the line's words kept, as before
    gap = replace(ha, box=Box(1765, 2197, 1870, 2248))
    inner = word("ă", (1790, 2210, 1810, 2235))
    kept, placed = uncovered._put_in_lines([gap], [read[0], inner, read[2]])
    assert (placed[0].block, placed[0].line) == (5, 23) and inner in kept
