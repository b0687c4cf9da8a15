"""samples.marks: the hand-drawn marks of the generator."""

from __future__ import annotations

import itertools

import numpy as np
from PIL import Image, ImageDraw

from samples.marks import _closer, _ink_span, handwritten_digits


def _glyph(width: int) -> Image.Image:
    tile = Image.new("RGBA", (60, 60), (0, 0, 0, 0))
    ImageDraw.Draw(tile).rectangle((10, 10, 10 + width, 50), fill=(0, 0, 255, 235))
    return tile


def test_glyphs_inside_the_box_stay_where_they_were_drawn() -> None:
    tiles = [(_glyph(20), 50 + 40 * i, 0) for i in range(3)]  # ink 60..150 in the box [50, 250)
    assert _closer(tiles, 50, 200, 40.0) == tiles


def test_glyphs_over_the_box_s_edge_are_moved_closer_whole_and_inside() -> None:
    tiles = [(_glyph(20), 50 + 45 * i, 0) for i in range(4)]  # ink 60..216: past the box [50, 200)
    moved = _closer(tiles, 50, 150, 40.0)
    assert [t for t, _, _ in moved] == [t for t, _, _ in tiles]  # the same glyphs, not resized
    spans = []
    for tile, x, _ in moved:
        span = _ink_span(tile)
        assert span is not None
        spans.append((x + span[0], x + span[1]))
    assert spans[0][0] >= 50 and spans[-1][1] <= 200  # every glyph's ink in the box
    assert all(b[0] > a[1] for a, b in itertools.pairwise(spans))  # and still apart


def test_four_digits_in_a_narrow_box_keep_their_last_digit() -> None:
    # a box narrow for four digits: the old drawing cut the last one at the box's edge (445 alt 004's
    # "2237", its 7 read as a 1): a cut stroke leaves a band of ink up to the edge, a whole glyph's end is
    # thin there or short of it
    worst = 0
    for seed in range(40):
        img = handwritten_digits("2237", seed, 150, 70)
        assert img.size == (150, 70)
        alpha = np.asarray(img.getchannel("A")) > 40
        worst = max(worst, int(alpha[:, -3:].sum()))
    assert worst < 0.25 * 70
