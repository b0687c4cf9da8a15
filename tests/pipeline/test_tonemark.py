"""The pixel tone-mark reader on marks the test renders itself (``pipeline.tonemark``)."""

from __future__ import annotations

import numpy as np
import pytest

from digitize.pipeline import tonemark

FONTS = ("LiberationSerif-Bold.ttf", "DejaVuSerif.ttf")

pytestmark = pytest.mark.skipif(
    any(tonemark._font_path(f) is None for f in FONTS),
    reason="the Liberation and DejaVu fonts are not installed",
)


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("tone", "012345")
def test_each_mark_over_a_bare_vowel_is_read_from_its_pixels(font: str, tone: str) -> None:
    # words the reader never saw whole (other onsets, codas, a size between the rendered ones), each mark
    # over a bare vowel and a horned one; the word given to place the letters carries no mark at all
    for word in ("Bam", "Loc", "Sưt"):
        marked = tonemark.with_tone(word, tone)
        assert marked is not None
        crop = tonemark.render_word(marked, font, 36)
        assert crop is not None
        got = tonemark.read_tone(crop, word)
        assert got is not None and got.tone == tone, (marked, font, got)


@pytest.mark.parametrize("tone", "12345")
def test_a_mark_over_a_hat_is_told_from_the_others(tone: str) -> None:
    word = "Cân"
    marked = tonemark.with_tone(word, tone)
    assert marked is not None
    crop = tonemark.render_word(marked, FONTS[0], 36)
    assert crop is not None
    # read as the first reading had it with the acute ("Cấn" for a printed "Cẩn"): the pixels say otherwise
    got = tonemark.read_tone(crop, "Cấn")
    assert got is not None and got.tone == tone and got.name == tonemark.TONE_NAMES[int(tone)]


def test_where_the_tone_goes() -> None:
    assert tonemark.tone_index("Hiểu") == 2
    assert tonemark.tone_index("Nguyen") == 4  # (closed: the cluster's last vowel)
    assert tonemark.tone_index("Quang") == 2  # ("qu" opens no cluster)
    assert tonemark.tone_index("Giang") == 2
    assert tonemark.tone_index("Hoa") == 1  # (open, two vowels: the first, as "Hòa")
    assert tonemark.tone_index("Phương") == 3  # ("ươ": the ơ)
    assert tonemark.tone_index("Ng") is None
    assert tonemark.with_tone("Hiếu", "3") == "Hiểu"
    assert tonemark.with_tone("Cẩn", "0") == "Cân"
    assert tonemark.tone_of("Cấn") == "1" and tonemark.tone_of("Cân") == "0"


def test_a_blank_crop_shows_no_mark() -> None:
    assert tonemark.read_tone(np.full((40, 80), 255, np.uint8), "Hiếu") is None
    assert tonemark.features(np.full((40, 80), 255, np.uint8), "Hiếu") is None


def test_word_crop_keeps_room_beyond_the_page() -> None:
    page = np.zeros((100, 100), np.uint8)
    crop = tonemark.word_crop(page, 10, 0, 50, 20)
    assert crop.shape == (35, 40)
    assert (crop[:10] == 255).all() and (crop[10:] == 0).all()


def test_a_steady_reading_is_the_one_every_cut_of_the_word_gives() -> None:
    # a word set on a page at its place: cut a little taller and shorter, each look reads the hook
    word = tonemark.render_word("Hỏn", FONTS[0], 36)
    assert word is not None
    page = np.full((200, 300), 255, np.uint8)
    ys = np.nonzero(word < 128)[0]
    top, bottom = int(ys.min()), int(ys.max()) + 1
    page[80 : 80 + word.shape[0], 100 : 100 + word.shape[1]] = word
    box = (100.0, 80.0 + top, 100.0 + word.shape[1], 80.0 + bottom)
    got = tonemark.steady_tone(lambda *b: tonemark.region(page, *b), box, "Hon")
    assert got is not None and got.name == "hook" and got.margin > 0.5
    # a box on paper only: no mark seen
    assert tonemark.steady_tone(lambda *b: tonemark.region(page, *b), (10.0, 10.0, 60.0, 40.0), "Hon") is None
