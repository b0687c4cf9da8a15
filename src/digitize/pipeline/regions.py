"""What the second, targeted OCR passes share: a region of the page cut from the scan, and the words read
in it put back in the page's frame.

The passes (``stamps``, ``dropped``, ``signature``, ``handdigits``) read again a part of a page whose first
reading lost something. They cut it from ``Prepared.master`` (the scan at its own resolution: the OCR image
may have been scaled down for speed) through ``Prepared.matrix`` (scan pixels → the upright frame the word
boxes are in), paper white where the region leaves the scan.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Concatenate, ParamSpec

import cv2
import numpy as np

from digitize.pipeline.model import Box, RecognizedPage, Word
from digitize.text import nfc

if TYPE_CHECKING:
    from digitize.pipeline.fields.layout import Layout
    from digitize.pipeline.fields.lines import Line
    from digitize.pipeline.fields.number import NumberRead
    from digitize.pipeline.fields.result import Found
    from digitize.pipeline.preprocess import Prepared
    from digitize.tools.tesseract import Token


P = ParamSpec("P")
Pass = Callable[Concatenate["Prepared", RecognizedPage, P], RecognizedPage]


def on_read_pages(second_pass: Pass[P]) -> Pass[P]:
    """A second pass run only on a page OCR read words on: a born-digital page (its text layer) and a page
    with no word read are returned as they are, no region cut, no second Tesseract run."""

    @functools.wraps(second_pass)
    def run(prepared: Prepared, page: RecognizedPage, /, *args: P.args, **kwargs: P.kwargs) -> RecognizedPage:
        if page.source != "ocr" or not page.words:
            return page
        return second_pass(prepared, page, *args, **kwargs)

    return run


class _Last(threading.local):
    """The page the second passes last looked at (this thread's), its lines, signer and header once worked
    out."""

    page: RecognizedPage | None = None
    lines: tuple[Line, ...] = ()
    signer: Found | None = None
    header: tuple[Layout, NumberRead] | None = None
    header_read: bool = False  # ``header`` worked out (None: no Decree 30 header)


_last = _Last()


def lines_of(page: RecognizedPage) -> tuple[Line, ...]:
    """``page_lines(page)``, worked out once for a page: the second passes run one after the other on the
    same page (each returns it as it is unless it changed something) and each asked for its lines again
    (~2 ms a phone photo each, seven times a page)."""
    if _last.page is not page:
        from digitize.pipeline.fields.lines import page_lines

        lines = tuple(page_lines(page))
        _last.page, _last.lines, _last.signer = page, lines, None
        _last.header, _last.header_read = None, False
    return _last.lines


def signer_of(page: RecognizedPage) -> Found:
    """``read_signer(page_lines(page))``, worked out once for a page (see ``lines_of``)."""
    lines = lines_of(page)
    if _last.signer is None:
        from digitize.pipeline.fields.signer import read_signer

        _last.signer = read_signer(lines)
    return _last.signer


def header_of(page: RecognizedPage) -> tuple[Layout, NumberRead] | None:
    """The page's Decree 30 header (``read_layout``: its motto found and a line boxed in it) and its number
    line (``read_number``), or None without such a header; worked out once for a page (see ``lines_of``):
    the header pass's two steps each worked them out."""
    lines = lines_of(page)
    if not lines:
        return None  # a page without a word read has no header
    if not _last.header_read:
        from digitize.pipeline.fields.layout import read_layout
        from digitize.pipeline.fields.number import read_number

        layout = read_layout(lines)
        decree = layout.motto_i is not None and any(ln.boxed for ln in layout.header)
        _last.header = (layout, read_number(layout, blurred=page.blurred)) if decree else None
        _last.header_read = True
    return _last.header


def letter_height(words: Sequence[Word]) -> float:
    """A letter's height on the page: 0.7 of the median word box's height (a word's box holds its ascenders
    and descenders); 0.0 without words."""
    if not words:
        return 0.0
    heights = sorted(w.box.y1 - w.box.y0 for w in words)
    return 0.7 * heights[len(heights) // 2]


def grey_master(prepared: Prepared) -> np.ndarray:
    """The scan in grey (as it is when it is grey already)."""
    master = prepared.master
    return cv2.cvtColor(master, cv2.COLOR_RGB2GRAY) if master.ndim == 3 else master


def cut(
    prepared: Prepared,
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    *,
    colour: bool = False,
    source: np.ndarray | None = None,
) -> np.ndarray:
    """The page region from (x0, y0) to (x1, y1) (the upright frame) cut from the scan at its own resolution:
    grey, or in the scan's colours with ``colour``; at least 1 x 1 pixel. ``source``: the scan already made
    grey (``grey_master``), when several regions are cut from one page."""
    image = prepared.master if colour else (source if source is not None else grey_master(prepared))
    m = prepared.matrix.copy()
    m[0, 2] -= x0
    m[1, 2] -= y0
    size = (max(1, int(x1 - x0)), max(1, int(y1 - y0)))
    white = 255 if image.ndim == 2 else (255,) * image.shape[2]
    return cv2.warpAffine(image, m, size, flags=cv2.INTER_LINEAR, borderValue=white)


def sharpened(prepared: Prepared, crop: np.ndarray) -> np.ndarray:
    """A grey cut from the scan as the first reading saw its region: on a page measured blurred, with the
    unsharp mask the OCR image got, as wide as the cut's own edge blur (``preprocess.edge_blur``, on the
    scan's resolution); as it is on other pages. A blurred cut read as it came lost whole lines the first
    reading had: Tesseract ran a blurred line into the next one and read only one of them (a colour
    photo's type name "BÁO CÁO" lost over its subject in the stamp pass)."""
    if not prepared.blurred or crop.ndim != 2 or min(crop.shape[:2]) < 8:
        return crop
    from digitize.pipeline import preprocess

    sigma = min(preprocess.UNSHARP_MAX_SIGMA, max(preprocess.UNSHARP_SIGMA, preprocess.edge_blur(crop)))
    return preprocess.unsharp(crop, sigma)


TONE_GAP = 40  # grey levels between a stamp's or a seal's ink and the print for ``print_tone`` to tell them
MIN_APART = 0.1  # share of the lighter ink lying apart from the print for it to be a stamp's or a seal's


# a region holds no ink when under NO_INK_SHARE of its pixels are INK_BELOW_PAPER levels darker than its paper
# (its 90th percentile of grey, measured on every 4th row and column): a speck or two at most. Paper grain
# (a grey 300 dpi scan: +-5 around 250) and a low-light photo's dark paper (+-20 around 110) are no ink
INK_BELOW_PAPER = 50
# ... or, on paper darker than 50 / INK_SHARE_OF_PAPER (a low-light photo), that share of its paper's level,
# not under INK_BELOW_PAPER_DIM levels (the dark paper's grain is ~±20)
INK_SHARE_OF_PAPER = 0.35
INK_BELOW_PAPER_DIM = 30
NO_INK_SHARE = 0.0001


def no_ink(grey: np.ndarray) -> bool:
    """Whether the grey region holds no ink to read (``NO_INK_SHARE``): Tesseract reads such a region's grain
    as hundreds of junk words, for seconds (a blank signature block: ~900 words in 7 CPU s, read three
    times)."""
    if grey.size == 0:
        return True
    paper = float(np.percentile(grey[::4, ::4], 90))
    if paper < 2 * INK_BELOW_PAPER_DIM:
        return False  # paper too dark to tell its grain from print: read as it is
    # on dark paper print is dark by less: a low-light photo's faint print 46 levels under its paper of 110
    below = max(INK_BELOW_PAPER_DIM, min(INK_BELOW_PAPER, INK_SHARE_OF_PAPER * paper))
    return int(np.count_nonzero(grey < paper - below)) < NO_INK_SHARE * grey.size


LIGHT_SHARE = 0.2  # of the ink: the lighter ink's share at least for ``print_tone`` to take it out
# ... or, asked for less (a stamp a tenth of the rows' ink), the most of the region's width the lighter ink
# apart from the print may span (2nd to 98th percentile): a stamp's is compact (seed 619 dev 010: 0.12 of
# the rows), a line of thin print's (mid-grey on a grey scan, beside bold print) runs across the page
LIGHT_SPAN = 0.4


def print_tone(grey: np.ndarray, light_share: float = LIGHT_SHARE) -> np.ndarray | None:
    """The region with ink lighter than the print made paper, where it holds two inks: on a grey scan a red
    seal or a purple or blue stamp is mid-grey and the black print under and beside it darker. The ink
    (pixels under the region's paper/ink Otsu level) is split again by Otsu; taken only when the lighter part
    is a fifth of the ink or more, its median ``TONE_GAP`` levels above the darker part's, and some of it
    (``MIN_APART``) lies more than 3 pixels from the darker: not only the soft edges of one ink (nor the grey
    edges of a bitonal scan turned by a fraction of a degree). None otherwise: nothing to take out."""
    flat = np.ascontiguousarray(grey).reshape(-1, 1)
    paper, _ = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    ink = flat[flat < paper]
    if ink.size < 50:
        return None
    split, _ = cv2.threshold(ink.reshape(-1, 1), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    dark, light = ink[ink <= split], ink[ink > split]
    if light.size < light_share * ink.size or dark.size == 0:
        return None
    if float(np.median(light)) - float(np.median(dark)) < TONE_GAP:
        return None
    lighter = ((grey > split) & (grey < paper)).astype(np.uint8)
    dark_ink = (grey <= split).astype(np.uint8)
    apart = cv2.bitwise_and(lighter, 1 - cv2.dilate(dark_ink, np.ones((7, 7), np.uint8)))
    if cv2.countNonZero(apart) < MIN_APART * light.size:
        return None
    if light.size < LIGHT_SHARE * ink.size:
        xs = np.nonzero(apart)[1]
        lo, hi = np.percentile(xs, [2, 98])
        if hi - lo > LIGHT_SPAN * grey.shape[1]:
            return None  # a small share, spread across the region: thin print, no stamp
    near_print = cv2.dilate(dark_ink, np.ones((3, 3), np.uint8))
    out = grey.copy()
    out[(grey > split) & (near_print == 0)] = 255  # the print's soft edges kept (letters not thinned)
    return out


def page_words(
    tokens: Iterable[Token], x0: float, y0: float, *, scale: float = 1.0, first_line: int, block: int
) -> list[Word]:
    """The words Tesseract read in a region, in the page's frame: the region's top-left at (x0, y0) of the
    page, ``scale`` region pixels to a page pixel. Tokens with no letter or digit, or no confidence, are
    dropped; each line read gets a page line number from ``first_line`` on, each block ``block`` added to its
    number (the words stay apart from the first reading's blocks)."""
    out: list[Word] = []
    keys: dict[tuple[int, int, int], int] = {}
    for t in tokens:
        text = nfc(t.text).strip()
        if t.conf < 0 or not any(ch.isalnum() for ch in text):
            continue
        line = keys.setdefault((t.block, t.par, t.line), first_line + len(keys))
        box = Box(
            x0 + t.left / scale,
            y0 + t.top / scale,
            x0 + (t.left + t.width) / scale,
            y0 + (t.top + t.height) / scale,
        )
        out.append(Word(text=text, conf=t.conf, box=box, block=t.block + block, line=line))
    return out
