"""Blank-page detection on generated backs: noise, bleed-through, punched holes, scanner edges."""

from __future__ import annotations

import numpy as np
import pytest

from digitize.pipeline import blank
from samples import generate as g
from samples import stacks


@pytest.fixture(scope="module")
def front():
    return g.make_document("cong_van", 4242, dpi=200).pages[0]


@pytest.mark.parametrize(
    ("bleed", "holes", "edges"), [(0.0, False, False), (0.12, True, True), (0.18, True, False)]
)
def test_backs_are_blank(front, bleed, holes, edges):
    back = stacks.blank_back(front, 7, bleed=bleed, holes=holes, edges=edges)
    ev = blank.detect(np.asarray(back), 200)
    assert ev.blank, ev
    if holes:
        assert ev.removed_holes == 2


def test_a_text_page_is_not_blank(front):
    ev = blank.detect(np.asarray(front), 200)
    assert not ev.blank and ev.coverage > 0.01


def test_a_short_note_on_an_empty_page_is_not_blank(front):
    img = np.full((2339, 1654, 3), 250, dtype=np.uint8)  # A4 at 200 dpi
    lines = np.asarray(front)[300:420, 150:1500]  # a few lines of the front's header
    img[1000:1120, 150:1500] = lines
    assert not blank.detect(img, 200).blank


def test_dark_border_alone_is_blank():
    img = np.full((2339, 1654), 245, dtype=np.uint8)
    img[:, :40] = 20
    img[:60, :] = 25
    assert blank.detect(img, 200).blank
