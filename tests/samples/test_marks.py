"""samples.marks: the hand-drawn marks of the generator."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from samples.marks import _into_box, handwritten_digits


def _ink(img: Image.Image) -> float:
    return float(np.asarray(img.getchannel("A"), dtype=np.float64).sum())


def test_ink_inside_the_box_is_cropped_as_drawn() -> None:
    sheet = Image.new("RGBA", (200, 40), (0, 0, 0, 0))
    ImageDraw.Draw(sheet).rectangle((60, 10, 120, 30), fill=(0, 0, 255, 235))
    out = _into_box(sheet, 50, 100)
    assert out.size == (100, 40)
    assert np.array_equal(np.asarray(out), np.asarray(sheet.crop((50, 0, 150, 40))))


def test_ink_over_the_box_edge_is_squeezed_in_whole() -> None:
    sheet = Image.new("RGBA", (200, 40), (0, 0, 0, 0))
    ImageDraw.Draw(sheet).rectangle((60, 10, 170, 30), fill=(0, 0, 255, 235))  # 20 px past the box's edge
    out = _into_box(sheet, 50, 100)
    assert out.size == (100, 40)
    # all of the ink is there, narrowed by the squeeze (box 100 of the 120 px it needed)
    assert abs(_ink(out) - _ink(sheet) * 100 / 120) < 0.03 * _ink(sheet)
    alpha = np.asarray(out.getchannel("A"))
    assert alpha[20, 95:].min() > 200  # the ink's right end is in the box, not cut at its edge


def test_four_digits_in_a_narrow_box_keep_their_last_digit() -> None:
    # a box narrow for four digits: the old drawing cut the last one at the box's edge (445 alt 004's
    # "2237", its 7 read as a 1): a cut stroke leaves a band of ink up to the edge, a whole glyph's end is
    # thin there
    worst = 0
    for seed in range(40):
        img = handwritten_digits("2237", seed, 150, 70)
        assert img.size == (150, 70)
        alpha = np.asarray(img.getchannel("A")) > 40
        worst = max(worst, int(alpha[:, -3:].sum()))
    assert worst < 0.25 * 70
