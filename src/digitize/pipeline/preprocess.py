"""Preprocess (OpenCV): from a page's pixels to an image Tesseract reads well, and the geometry to show the
untouched scan upright.

Top to bottom (``prepare``): a grey "ink" image in which red seal ink turns pale (a seal over the signer's
name does not wipe the name out) → on a downscaled copy: orientation 0/90 (row-profile sharpness), deskew
(±10°), upright vs upside down (ink above/below the text lines; Tesseract OSD when unsure) and the letter
height → turn, deskew and scale in one resampling pass (small letters of phone photos up, big letters of
300 dpi scans down), with dark scanner borders whitened and the uneven background flattened (before the pass
on a photo that is upscaled, after it otherwise) → mid-tones darkened (upscaled photos) or salt-and-pepper
noise filtered (the others).

The colour master is never resampled: ``upright_matrix(w, h, rotation, skew)`` maps it onto the upright frame
(compose draws it with that matrix). Word boxes are in the upright frame; the OCR image is that frame times
``scale``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import NamedTuple

import cv2
import numpy as np

from digitize.errors import ToolFailed
from digitize.pipeline.deblur import Streak

ANALYSIS_WIDTH = 1000  # px: orientation and skew are measured on a downscaled page
UPSCALE_BELOW = 11.9  # px: median letter height (connected components) under which a page is upscaled
TARGET_TEXT_HEIGHT = 11.0  # px: ... to this height
MAX_UPSCALE = 4.0
DOWNSCALE_ABOVE = 26.0  # px: letters taller than this are scaled down to DOWNSCALE_TO for speed
DOWNSCALE_TO = 20.0
# bicubic (was bilinear): a photo turned by resampling (a rotated copy, a phone's own straightening) and then
# deskewed is resampled twice; bilinear twice smears its small letters until Tesseract loses whole lines.
# Generated photo-like pages (66-80 dpi, skewed 0-2°, seeds 201-208, measured only): 0.935 → 0.952
UPSCALE_INTERPOLATION = cv2.INTER_CUBIC
# gamma 2.5 (was 2.0): on the real photos the same accuracy or better (4_1 0.977 → 0.978) and 2-5 % fewer
# Tesseract instructions (callgrind): faint speckle goes under the threshold, fewer blobs to lay out
DARKEN_GAMMA = 2.5
_DARKEN = np.array([255.0 * (i / 255.0) ** DARKEN_GAMMA for i in range(256)]).round().astype(np.uint8)
OSD_BELOW = 0.75  # confidence of the own 0/180 decision under which Tesseract's OSD is asked
# A page with (almost) no dark ink: a blank back, a page holding only a faint seal. Its flattened paper is
# grain around white, and Tesseract's Otsu threshold then falls inside that grain (240 on such a page): every
# grain becomes a blob, and one such page took 49 CPU s to read 7 junk words (the bare engine 3.6 s on it).
# On such a page (under NO_INK_SHARE of the pixels darker than NO_INK_BELOW, and Otsu above PAPER_OTSU) the
# paper grain lighter than PAPER_LEVEL is made white: 0.36 s. Pages with text have far more dark ink
# (the 13 real pages and the generated scans: untouched).
NO_INK_BELOW = 128
NO_INK_SHARE = 0.0005
PAPER_OTSU = 200.0
PAPER_LEVEL = 200
# ... unless at least this share of its pixels is darker than PAPER_LEVEL: a whole page of faint print (a
# grey 200 dpi page shot shaken: its blurred letters spread into greys, none darker than 128; generated seed
# 337 dev 004: 0.05 % of its pixels under 128, 4.4 % under 200) is text, not grain. Whitened, the grey halo
# its sharpening reads the letters from was cut, and it was not sharpened: 0.145 of its words read, 0.474
# now. A grainy under-exposed blank page with a faint seal (the test's, as the eval seal page) holds 1.0 %
# under 200 once flattened, a shaken receipt page 0.3-0.8 %, the generated blank-and-seal pages <= 0.12 %.
NO_INK_FAINT_SHARE = 0.02
# ... and they lie in lines with gaps between them: at least this share of the rows from the first dark one to
# the last holds at most FAINT_GAP_ROW of the 90th percentile row's dark pixels (the gaps between text lines,
# the margins between blocks: 0.41-0.61 on faint pages, single-spaced and blurred ones too; grain fills every
# row: 0.00 on grainy blank pages with a seal, a coarser grain included). The share of the dark pixels in the
# densest quarter of the rows (first version) took a single-spaced faint page for grain (review of d4eaab3).
FAINT_GAPS = 0.2
FAINT_GAP_ROW = 0.15
# Dark regions around a whitened rim are not counted as ink: the corners of a photo shot in low light are
# darker still (vignetting); the darkest, touching the edge, are made white (``whiten_borders``), and the
# flattening, its estimate of the paper lifted by that white, leaves a dark rim around them, under
# NO_INK_BELOW. A dark grainy blank back with a faint seal (generated seed 485 dev 011, low light, grey,
# deskewed by 5.5° on its grain) held 0.08 % of its pixels under 128, 95 % of them in those rims: it escaped
# the whitening, was sharpened, and Tesseract's layout analysis ran over its 150 000 grain blobs for 5 CPU
# minutes (the page, then the document, timed out). Left out: the dark regions touching the page's edge, or
# within RIM_GAP pixels of a white (255) region reaching the edge and smaller than half the page (a whitened
# corner, not the white paper of a clean page). A heading near the top edge is counted (a margin of 8 % first
# left it out: review 40a). A page with at least NO_INK_SURE of its pixels dark inside NO_INK_MARGIN of its
# edges is text (no labelling).
NO_INK_MARGIN = 0.08
NO_INK_SURE = 0.005  # share of the page dark inside the margins: ink, whatever rims reach in (0.08 % at most)
RIM_GAP = 3
# Defence in depth, on the images ``prepare``, ``rescaled`` and ``choose_after_reading`` hand to Tesseract:
# the specks its Otsu threshold would cut (dark components of at most SPECK_AREA pixels). Pages of text hold
# at most ~700 of them (generated seeds 485 and 487, all pages, the seal pages included); a page whose grain
# went under the threshold holds tens of thousands (the page above: 67 000 of 150 000 blobs), and the layout
# analysis' cost grows with them. Over SPECKS_MAX, on a page of grain (under GRAIN_INK_SHARE of its pixels
# dark at Otsu darker than PAPER_LEVEL: its threshold fell inside the grain; the page above 0.08, noisy
# low-light pages of small print 0.75-0.9), the levels lighter than the darkest of SPECK_LEVELS leaving at
# most SPECKS_MAX specks (tried from 200 down) are made white: the grain goes, dark print stays. When none
# does, or on a page of print, the page is left as it is: a lower level breaks the strokes of small print
# into more pieces still, and whitens them (a low-light 7 pt page at 200 dpi came out almost blank at 100),
# and a cut at 180-200 on a noisy page of small print lost 7-21 % of its tone marks, i-dots and commas
# (review 40a).
SPECK_AREA = 4
SPECKS_MAX = 10000
SPECK_LEVELS = (200, 180, 160)
GRAIN_INK_SHARE = 0.4


@dataclass(frozen=True, eq=False)
class Unconfirmed:
    """A page of small print only just blurred (``MASK_FIRST_SHARP``) read first with the unsharp mask: what
    ``sharpened`` needs to choose between the mask and the streaks afterwards. ``gray``: the cleaned page
    before the mask; ``band``: (top, bottom, left, right) of its inkiest band on the OCR image."""

    gray: np.ndarray
    band: tuple[int, int, int, int]
    dpi: float
    letter: float
    sharp: float


@dataclass(frozen=True, eq=False)
class Prepared:
    master: np.ndarray  # RGB as it came in (untouched): what the output PDF shows, placed by ``matrix``
    ocr: np.ndarray  # grey uint8 for Tesseract, upright and deskewed, ``scale`` times the upright frame
    scale: float  # OCR pixels per pixel of the upright frame
    rotation: int  # degrees (clockwise) turned to make the page upright: 0/90/180/270
    skew: float  # degrees (counter-clockwise) of deskew applied after the turn
    dpi: float  # effective resolution of the OCR image
    width: int  # size of the upright frame (the master turned and deskewed; word boxes are in it)
    height: int
    # a phone shot's page found and warped flat: ``master`` is then the rectified page, not the input
    rectified: bool = False
    letter: float = 0.0  # median letter height on the OCR image (px; 0: no letter-sized ink)
    blurred: bool = False  # measured blurred (``sharpness`` under BLURRED_BELOW) and so sharpened
    # the motion streak estimated on a blurred page's OCR image and deconvolved (``deblur``; None: none found,
    # the page got the unsharp mask)
    streak: Streak | None = None
    # a page whose choice between the unsharp mask and its streaks waits for the first reading
    # (``prepare(..., mask_first=True)``): ``ocr`` is the masked page; ``choose_after_reading`` settles it
    unconfirmed: Unconfirmed | None = None

    @property
    def matrix(self) -> np.ndarray:
        """2x3 affine map from master pixel coordinates to the upright frame."""
        m, _, _ = upright_matrix(self.master.shape[1], self.master.shape[0], self.rotation, self.skew)
        return m


# --- geometry: one affine map from the scan to the upright, deskewed frame ------------------------------


def upright_matrix(w: int, h: int, rotation: int, skew: float) -> tuple[np.ndarray, int, int]:
    """(2x3 matrix, width, height): turn clockwise by ``rotation`` then rotate counter-clockwise by ``skew``
    degrees about the centre, the canvas grown to hold the whole page (edge coordinates, origin top-left)."""
    r = rotation % 360
    if r == 90:
        turn = np.array([[0.0, -1.0, h], [1.0, 0.0, 0.0]])
        w1, h1 = h, w
    elif r == 180:
        turn = np.array([[-1.0, 0.0, w], [0.0, -1.0, h]])
        w1, h1 = w, h
    elif r == 270:
        turn = np.array([[0.0, 1.0, 0.0], [-1.0, 0.0, w]])
        w1, h1 = h, w
    else:
        turn = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
        w1, h1 = w, h
    if abs(skew) < 1e-3:
        return turn, w1, h1
    m = cv2.getRotationMatrix2D((w1 / 2, h1 / 2), skew, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = round(h1 * sin + w1 * cos), round(h1 * cos + w1 * sin)
    m[0, 2] += nw / 2 - w1 / 2
    m[1, 2] += nh / 2 - h1 / 2
    full = m[:, :2] @ turn
    full = np.hstack([full[:, :2], (m[:, :2] @ turn[:, 2] + m[:, 2])[:, None]])
    return full, nw, nh


def to_upright(
    img: np.ndarray, rotation: int, skew: float, border: int | tuple[int, ...] = 255
) -> np.ndarray:
    """The image turned and deskewed into the upright frame (what Tesseract sees, before scaling)."""
    if abs(skew) < 1e-3:
        return _rot90(img, rotation)
    m, nw, nh = upright_matrix(img.shape[1], img.shape[0], rotation, skew)
    # OpenCV samples at pixel centres, the matrix maps pixel edges: shift by half a pixel either side
    c = m.copy()
    c[:, 2] += m[:, 0] * 0.5 + m[:, 1] * 0.5 - 0.5
    return cv2.warpAffine(
        img, c, (nw, nh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )


# --- grey "ink" image ---------------------------------------------------------------------------------


def ink_gray(rgb: np.ndarray) -> np.ndarray:
    """Luminance, except that red (seal) ink is replaced by its red channel, which is pale."""
    if rgb.ndim == 2:
        return rgb
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    r, g, b = cv2.split(rgb)
    redness = cv2.subtract(r, cv2.max(g, b))  # saturating: 0 where not red
    _, red = cv2.threshold(redness, 40, 255, cv2.THRESH_BINARY)
    if cv2.countNonZero(red) > 0.0005 * red.size:
        cv2.copyTo(r, red, gray)
    return gray


# --- orientation and skew -----------------------------------------------------------------------------


def _small_binary(
    gray: np.ndarray, width: int = ANALYSIS_WIDTH, flattened: np.ndarray | None = None
) -> np.ndarray:
    """Otsu's ink of the page flattened, downscaled to ``width``; ``flattened``: ``_flatten(gray)`` when the
    caller has it already (used when no downscale is needed)."""
    h, w = gray.shape[:2]
    f = width / float(max(h, w))
    if f < 1:
        small = cv2.resize(gray, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)
        small = _flatten(small)
    else:
        small = flattened if flattened is not None else _flatten(gray)
    _, binary = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return binary


NARROW_COLUMNS = 144  # the skew search sums ink over bands of columns this many wide in all


class _Profiles:
    """Row profiles of a binary page turned by small angles, cheaply.

    Only the rows the ink lands on matter, so the page is first narrowed (columns averaged in bands, ~144
    left) and each angle is a vertical shear of that narrow image: y' = -sin(a)·(x - cx) + cos(a)·(y - cy)
    + cy, the row a rotation about the centre would give, with x at the middle of the band (off by under
    half a band's width times sin(a): a third of a pixel at 10°). About 5x cheaper than turning the page."""

    def __init__(self, binary: np.ndarray) -> None:
        h, w = binary.shape
        self.k = max(1, round(w / NARROW_COLUMNS))
        nw = max(1, round(w / self.k))
        self.narrow = binary if nw == w else cv2.resize(binary, (nw, h), interpolation=cv2.INTER_AREA)
        self.gain = w / nw  # row sums of the narrow image, back on the scale of the whole page
        self.w, self.h = w, h

    def score(self, angle: float) -> float:
        img = self.narrow
        if angle:
            t = np.radians(angle)
            sin, cos = float(np.sin(t)), float(np.cos(t))
            nw = img.shape[1]
            sx = self.w / nw  # page columns per narrow column
            cx, cy = self.w / 2.0, self.h / 2.0
            # y' from the narrow column's centre x = (xs + 0.5) * sx
            m = np.array(
                [[1.0, 0.0, 0.0], [-sin * sx, cos, -sin * (0.5 * sx - cx) - cos * cy + cy]], dtype=np.float64
            )
            img = cv2.warpAffine(img, m, (nw, self.h), flags=cv2.INTER_NEAREST, borderValue=0)
        rows = cv2.reduce(img, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel().astype(np.float64) * self.gain
        diff = np.diff(rows)
        return float((diff * diff).sum())


def find_skew(
    binary: np.ndarray,
    limit: float = 10.0,
    steps: tuple[tuple[float, float], ...] = ((1.0, 10.0), (0.2, 1.0), (0.05, 0.2)),
    start: float = 0.0,
) -> tuple[float, float]:
    """(angle to rotate by, score): coarse-to-fine search of the row-profile sharpness."""
    profiles = _Profiles(binary)
    best_a, best_s = start, profiles.score(start)
    for step, span in steps:
        centre = best_a
        for a in np.arange(centre - span, centre + span + 1e-9, step):
            if abs(a) > limit or abs(a - centre) < 1e-9:
                continue
            s = profiles.score(float(a))
            if s > best_s:
                best_a, best_s = float(a), s
    return best_a, best_s


def _rot90(img: np.ndarray, degrees: int) -> np.ndarray:
    """Rotate clockwise by 0/90/180/270 degrees."""
    d = degrees % 360
    if d == 90:
        return cv2.rotate(img, cv2.ROTATE_90_CLOCKWISE)
    if d == 180:
        return cv2.rotate(img, cv2.ROTATE_180)
    if d == 270:
        return cv2.rotate(img, cv2.ROTATE_90_COUNTERCLOCKWISE)
    return img


# A band of rows over this many times the median band's height is left out of the upside-down cue
TALLEST_LINE = 1.6


def upside_down_score(binary: np.ndarray, tallest: float | None = None) -> tuple[float, int]:
    """> 0 when the (horizontal) text looks upside down.

    Latin and above all Vietnamese letters carry far more ink above the x-height band (ascenders, capitals,
    diacritics: ắ ề ổ ...) than below the baseline (descenders g p q y). For each text line the core band is
    where the row profile is densest; we compare the ink above it with the ink below it.
    ``tallest``: bands of rows over this many times the median band's height are left out (``TALLEST_LINE``
    when None; ``inf``: none left out).
    Returns (score, number of text lines seen).
    """
    tallest = TALLEST_LINE if tallest is None else tallest
    rows = binary.sum(axis=1, dtype=np.float64) / 255.0
    if rows.max() <= 0:
        return 0.0, 0
    on = rows > 0.05 * rows.max()
    segments: list[np.ndarray] = []
    y = 0
    n = len(rows)
    while y < n:
        if not on[y]:
            y += 1
            continue
        start = y
        while y < n and on[y]:
            y += 1
        if y - start >= 4:
            segments.append(rows[start:y])
    # A band of rows far taller than a text line is no line: a line run into the ink touching it (a received
    # stamp's box and handwriting under a heading, a signature, a seal), whose extra ink lies wholly on one
    # side of the line's core band and outweighs the whole page's cue (w615 dev 013, a photo flattened:
    # deskewed by 0.2° the heading over a stamp box ran into it, +0.04 instead of -0.37, read upside down).
    usual = float(np.median([len(seg) for seg in segments])) if segments else 0.0
    above = below = 0.0
    lines = 0
    for seg in segments:
        if len(segments) >= 3 and len(seg) > tallest * usual:
            continue
        lines += 1
        core = seg >= 0.5 * seg.max()
        idx = np.nonzero(core)[0]
        top, bottom = idx[0], idx[-1]
        above += float(seg[:top].sum())
        below += float(seg[bottom + 1 :].sum())
    total = above + below
    if total <= 0:
        return 0.0, lines
    return (below - above) / total, lines


def _ink_stats(binary: np.ndarray) -> tuple[float, np.ndarray]:
    """(median letter height in px, the binary with only letter-sized ink) from one labelling."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    hs = stats[1:, cv2.CC_STAT_HEIGHT]
    ws = stats[1:, cv2.CC_STAT_WIDTH]
    height = 0.0
    if n >= 20:
        letters = (hs >= 3) & (hs < binary.shape[0] / 20) & (ws < 4 * hs) & (ws >= 2)
        if letters.sum() >= 20:
            height = float(np.median(hs[letters]))
    if n < 30:
        return height, binary
    med = float(np.median(hs[hs >= 3])) if (hs >= 3).any() else 0.0
    if med <= 0:
        return height, binary
    lut = np.zeros(n, dtype=np.uint8)
    lut[1:][(hs <= 2.2 * med) & (ws <= 4.0 * med)] = 255
    return height, lut[labels]


class Analysis(NamedTuple):
    """What the downscaled copy tells: the quarter turn, the skew, the confidence of the 0/180 decision, the
    median letter height in pixels of the page, and whether the two ink cues of the 0/180 decision (the
    letter-sized ink, all the ink) point opposite ways, each clearly (``CUES_CLEAR``)."""

    turn: int
    skew: float
    confidence: float
    letter_height: float
    cues_disagree: bool = False


# The letter-sized-ink cue and the all-ink cue of the 0/180 decision point opposite ways, each by at least
# this much: on a blurred photo the blur glues letters into word blobs that the letter filter drops, and what
# is left can say "upside down" (dev 48 N=14 003, a blurred colour photo: letters +0.16, all ink -0.15, read
# upside down, 11 fields lost; dev pages with a mere +0.05 on one cue and a clear one on the other are right).
# Fired on 8 of 150 dev and fixed-generator pages (2 of them seal-only pages, left as they were), none of the
# 13 real scans and photos.
CUES_CLEAR = 0.1


def analyse(
    gray: np.ndarray, whitened: np.ndarray | None = None, flattened: np.ndarray | None = None
) -> Analysis:
    """On a downscaled copy: see ``Analysis``. ``whitened``: ``whiten_borders(gray)`` when the caller has it
    already, ``flattened``: then ``_flatten(whitened)`` (both used only for a page no bigger than the analysis
    size)."""
    h, w = gray.shape[:2]
    f = min(1.0, ANALYSIS_WIDTH / float(max(h, w)))
    if f < 1:
        gray = cv2.resize(gray, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)
        whitened = flattened = None
    if whitened is None:
        whitened, flattened = whiten_borders(gray), None
    all_ink = _small_binary(whitened, flattened=flattened)
    letter_height, binary = _ink_stats(all_ink)
    letter_height /= f
    # lines run across (0) or down (90)? A coarse search of both on a half-size copy, then the fine
    # search only for the winner at full analysis size.
    half = cv2.resize(
        binary, (max(1, binary.shape[1] // 2), max(1, binary.shape[0] // 2)), interpolation=cv2.INTER_AREA
    )
    coarse = ((1.0, 10.0),)
    c0, s0 = find_skew(half, 10.0, coarse)
    c90, s90 = find_skew(_rot90(half, 90), 10.0, coarse)
    if s90 > s0 * 1.15:
        base, upright, start, every = 90, _rot90(binary, 90), c90, _rot90(all_ink, 90)
        # the letters' height on the page turned upright (their width as it came: a landscape photo of
        # 13 px print measured 17 and was taken for big print, REVIEW-29b)
        turned_height, _ = _ink_stats(every)
        letter_height = turned_height / f
    else:
        base, upright, start, every = 0, binary, c0, all_ink
    # to 0.1°: a line of the analysis image drifts by under two pixels (finer steps changed no OCR result)
    angle, _ = find_skew(upright, 10.0, ((0.5, 1.0), (0.1, 0.4)), start=start)
    if angle:
        h, w = upright.shape
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        upright = cv2.warpAffine(upright, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
        every = cv2.warpAffine(every, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    ud, lines = upside_down_score(upright)
    # the all-ink cue as CUES_CLEAR was measured on: every band, the tall ones too (only the letters' cue
    # decides the turn; leaving the tall bands out of both made them agree where they had disagreed)
    ud_all, _ = upside_down_score(every, float("inf"))
    if ud > 0:
        base = (base + 180) % 360
    disagree = min(abs(ud), abs(ud_all)) >= CUES_CLEAR and (ud > 0) != (ud_all > 0)
    return Analysis(base, angle, min(1.0, abs(ud) * 4) * min(1.0, lines / 15.0), letter_height, disagree)


# How much higher (0-100, character-weighted) Tesseract's word confidence must be on the page turned than on
# the page as it is to turn it: dev 48 N=14 003 read 31 as analysed, 88 turned; upright pages 95 vs 37-52
READING_MARGIN = 15.0


# The band read both ways up: the third of the page holding the most ink (the full page read twice would cost
# two more readings of every page a crafted document makes fire; the band kept the vote's verdict on all the
# pages it fired on)
READING_BAND = 3


def turned_by_reading(gray: np.ndarray, dpi: float) -> bool:
    """Does Tesseract read the page clearly better (``READING_MARGIN``) turned by 180°? Two readings of the
    inkiest third of the page (only for pages whose ink cues contradict each other or cannot be trusted)."""
    top, bottom = _inkiest_rows(gray, READING_BAND)
    band = np.ascontiguousarray(gray[top:bottom])
    as_is = reading_confidence(band, dpi)
    turned = reading_confidence(_rot90(band, 180), dpi)
    return turned >= 0 and turned >= as_is + READING_MARGIN


def reading_confidence(img: np.ndarray, dpi: float) -> float:
    """Tesseract's word confidence (0-100, character-weighted, words of 2 characters or more) on ``img``;
    -1 when it read no such word or failed."""
    from digitize.config import get_settings
    from digitize.tools import tesseract

    try:
        words = tesseract.image_to_data(
            img, lang=get_settings().ocr_languages, psm=3, dpi=max(70, round(dpi)), timeout=60.0
        )
    except ToolFailed:
        return -1.0
    return char_weighted((w.text, w.conf) for w in words)


def char_weighted(words: Iterable[tuple[str, float]]) -> float:
    """The mean confidence of (text, confidence) words of two characters or more, each weighted by its
    length; -1 when there is none."""
    weights = [(len(t), c) for t, c in words if len(t) >= 2 and c >= 0]
    chars = sum(n for n, _ in weights)
    return sum(n * c for n, c in weights) / chars if chars else -1.0


def _inkiest_rows(gray: np.ndarray, share: int) -> tuple[int, int]:
    """(top, bottom) of the band of rows, 1/``share`` of the page high, that holds the most dark ink."""
    h = gray.shape[0]
    band_h = max(1, h // share)
    ink = np.cumsum(np.concatenate(([0], (gray < 128).sum(axis=1, dtype=np.int64))))
    top = int(np.argmax(ink[band_h:] - ink[:-band_h])) if h > band_h else 0
    return top, top + band_h


def _inkiest_columns(band: np.ndarray, width: int) -> tuple[int, int]:
    """(left, right) of the ``width`` columns of ``band`` holding the most dark ink (all, if no wider)."""
    w = band.shape[1]
    if w <= width:
        return 0, w
    ink = np.cumsum(np.concatenate(([0], (band < 128).sum(axis=0, dtype=np.int64))))
    left = int(np.argmax(ink[width:] - ink[:-width]))
    return left, left + width


def _flatten(gray: np.ndarray) -> np.ndarray:
    """Divide by a smooth estimate of the paper (uneven lighting, shadows, yellowed paper → white)."""
    h, w = gray.shape
    f = 200.0 / max(h, w)
    small = cv2.resize(gray, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7)))
    bg = cv2.medianBlur(bg, 5)
    bg = np.maximum(cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR), 1)
    return cv2.divide(gray, bg, scale=255.0)


def whiten_borders(gray: np.ndarray) -> np.ndarray:
    """Dark regions touching the image edge (scanner lid, table, rotation corners) become white paper.

    Found on a downscaled copy; the mask is scaled back up (slightly grown) and painted white."""
    h, w = gray.shape
    f = min(1.0, ANALYSIS_WIDTH / float(max(h, w)))
    small = (
        gray
        if f == 1.0
        else cv2.resize(gray, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)
    )
    sh, sw = small.shape
    _, dark = cv2.threshold(small, 89, 255, cv2.THRESH_BINARY_INV)
    if cv2.countNonZero(dark) < 0.002 * dark.size:
        return gray
    if not (dark[0].any() or dark[-1].any() or dark[:, 0].any() or dark[:, -1].any()):
        return gray  # no dark pixel on the edge, so no region touching it: the page's letters not labelled
    _n, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    x, y, bw, bh, area = (stats[:, i] for i in range(5))
    touches = (x == 0) | (y == 0) | (x + bw >= sw) | (y + bh >= sh)
    big = (area > 0.002 * sh * sw) | (bw > 0.25 * sw) | (bh > 0.25 * sh)
    keep = touches & big
    keep[0] = False
    if not keep.any():
        return gray
    lut = np.zeros(len(keep), dtype=np.uint8)
    lut[keep] = 255
    mask: np.ndarray = lut[labels]
    mask = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    if f != 1.0:
        mask = cv2.resize(mask, (w, h), interpolation=cv2.INTER_NEAREST)
    return cv2.max(gray, mask)  # white (255) under the mask, the page elsewhere


def denoise(gray: np.ndarray) -> np.ndarray:
    """Light median filter when the page shows salt-and-pepper noise (judged on a central crop)."""
    h, w = gray.shape
    crop = gray[h // 4 : h // 4 + 512, w // 4 : w // 4 + 512]
    noise = float(np.mean(cv2.absdiff(crop, cv2.medianBlur(crop, 3)))) if crop.size else 0.0
    return cv2.medianBlur(gray, 3) if noise > 6.0 else gray


# --- the page in a phone shot: find its four corners, warp it flat -----------------------------------

PAGE_FIND_SIZE = 600  # px: the page outline is looked for on a copy this long
PAGE_MIN_AREA = 0.20  # share of the photo the page must cover ...
PAGE_MAX_AREA = 0.97  # ... and leave uncovered (a scan's page fills it: nothing to find)
PAGE_MIN_CONTRAST = 35.0  # grey levels between the page and what surrounds it
KEYSTONE_MIN = 0.01  # opposite sides differing by 1 % (or 1.5°) is perspective; a rectangle is left alone


def _order_corners(pts: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left."""
    pts = pts.reshape(4, 2).astype(np.float64)
    s, d = pts.sum(axis=1), pts[:, 1] - pts[:, 0]
    return np.array([pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]])


def _keystone(q: np.ndarray) -> float:
    """How far a quadrilateral is from a (possibly turned) rectangle: the larger of the relative length
    difference of opposite sides and the angle between them, 1.5° counting as KEYSTONE_MIN (a turned
    rectangle: 0)."""
    sides = [q[(i + 1) % 4] - q[i] for i in range(4)]
    lengths = [float(np.hypot(*v)) for v in sides]
    out = 0.0
    for a, b in ((0, 2), (1, 3)):
        rel = abs(lengths[a] - lengths[b]) / max(lengths[a], lengths[b], 1e-6)
        ang = np.degrees(np.arctan2(sides[a][1], sides[a][0]) - np.arctan2(-sides[b][1], -sides[b][0]))
        ang = abs((ang + 180.0) % 360.0 - 180.0)
        out = max(out, rel, ang / 1.5 * KEYSTONE_MIN)
    return out


def find_page(gray: np.ndarray) -> np.ndarray | None:
    """The four corners (TL, TR, BR, BL, in ``gray``'s pixels) of a page photographed at an angle on a
    darker background, or None unless that is clearly what the image shows.

    The page is the largest bright region (Otsu on a blurred small copy), its outline simplified to four
    corners. Confident only when: four convex corners; the page covers 20-97 % of the image and the outline
    fills the quadrilateral; the page is brighter than its surroundings by ``PAGE_MIN_CONTRAST``; every
    angle is 60-120°; each side lies on the page's edge (``_on_edges``); and the quadrilateral is not a
    rectangle (a flat or merely turned page is left to the deskew: nothing to gain from resampling it).

    A shadow over part of the page (the phone's, the photographer's) makes that part darker than Otsu's
    level: the bright region is the lit part only, and its outline's four corners cut across the page (one
    side through the shadowed paper, the shot warped into a wrong shape). Such a side lies on no edge, or on
    the shadow's; the region is also taken at lower levels, down towards the background's, where the
    shadowed paper, still brighter than the shadowed desk around it, joins the page (``PAGE_LEVELS``), and
    a clearly larger quadrilateral found there, keeping at least two of the first one's sides, is the page."""
    h, w = gray.shape[:2]
    step = max(1, -(-max(h, w) // PAGE_FIND_SIZE))  # every step-th pixel: a page outline needs no more
    small = np.ascontiguousarray(gray[::step, ::step])
    soft = cv2.GaussianBlur(small, (5, 5), 0)
    otsu, _ = cv2.threshold(soft, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    darker = soft[soft <= otsu]
    background = float(np.median(darker)) if darker.size else otsu
    found = [_page_at(small, soft, otsu - share * (otsu - background)) for share in PAGE_LEVELS]
    quads = [q for q in found if q is not None]
    if not quads:
        return None

    # The highest level's, unless a lower one's is clearly larger: a shadow's straight edge across the page is
    # a step from paper to darker paper, and the lit part alone may pass for a page at Otsu's level; the
    # whole page, shadowed part and all, is larger. Below Otsu's level a page's outline takes in the soft
    # edge too (0.2-1.4 % more area on the generator's shots): the highest level's outline is the tighter.
    def area(q: np.ndarray) -> float:
        return float(cv2.contourArea(q.astype(np.float32)))

    # A larger quadrilateral is the same page only when it keeps at least PAGE_KEPT_SIDES of the highest
    # level's sides: a shadow moves one or two of them; a grey folder, clipboard or sheet under the page (real
    # edges down to the desk, found at a lower level too) moves all four.
    tol = max(3.0, PAGE_SIDE_TOL * max(small.shape))
    grown = [q for q in quads[1:] if area(q) > PAGE_GROWN * area(quads[0]) and _grown_from(q, quads[0], tol)]
    page: np.ndarray = max(grown, key=area, default=quads[0]) * step
    return page


def _grown_from(low: np.ndarray, high: np.ndarray, tol: float) -> bool:
    """Whether ``low`` (TL, TR, BR, BL) holds ``high`` (its corners at most ``tol`` outside it) and at least
    ``PAGE_KEPT_SIDES`` of ``high``'s sides lie along ``low``'s same sides (both ends within ``tol`` of its
    line): the page grown by a shadowed part, not another object under the page."""
    outline = low.astype(np.float32).reshape(-1, 1, 2)
    if any(cv2.pointPolygonTest(outline, (float(x), float(y)), True) < -tol for x, y in high):
        return False
    kept = 0
    for i in range(4):
        a, b = low[i], low[(i + 1) % 4]
        u = (b - a) / max(float(np.hypot(*(b - a))), 1e-6)
        ends = (high[i], high[(i + 1) % 4])
        kept += all(abs(float(u[0] * (p[1] - a[1]) - u[1] * (p[0] - a[0]))) <= tol for p in ends)
    return kept >= PAGE_KEPT_SIDES


# the levels the page is looked for at: Otsu's, then a quarter, a half and three quarters of the way down to
# the background's median (a page partly in shadow: its lit part alone is above Otsu's level)
PAGE_LEVELS = (0.0, 0.25, 0.5, 0.75)
PAGE_GROWN = 1.03  # a lower level's page this much larger than the highest level's: a shadowed part joined
PAGE_KEPT_SIDES = 2  # ... keeping this many of its sides (a shadow moves one or two; a folder under it, four)
PAGE_SIDE_TOL = 0.01  # a side kept: its ends this share of the copy's length (>= 3 px) from the larger's side
EDGE_SAMPLES = 24  # points along each side where the page's edge is looked for ...
EDGE_SHARE = 0.7  # ... at least this share of them on a step from page to background ...
EDGE_STEP = PAGE_MIN_CONTRAST / 2  # ... of at least this many grey levels


def _page_at(small: np.ndarray, soft: np.ndarray, level: float) -> np.ndarray | None:
    """``find_page``'s quadrilateral (in ``small``'s pixels) of the largest region of ``soft`` brighter than
    ``level``, or None when it is no page photographed at an angle."""
    sh, sw = small.shape
    _, bright = cv2.threshold(soft, level, 255, cv2.THRESH_BINARY)
    # letters are holes in the page: close them
    k = max(3, round(max(sh, sw) / 60)) | 1
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(bright, connectivity=4)
    if n < 2:
        return None
    big = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    region = (labels == big).astype(np.uint8) * 255
    contours, _ = cv2.findContours(region, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    outline = max(contours, key=cv2.contourArea)
    hull = cv2.convexHull(outline)
    hull_area = float(cv2.contourArea(hull))
    if not PAGE_MIN_AREA * sh * sw <= hull_area <= PAGE_MAX_AREA * sh * sw:
        return None
    peri = cv2.arcLength(hull, True)
    quad = None
    for eps in (0.01, 0.02, 0.03, 0.05):
        approx = cv2.approxPolyDP(hull, eps * peri, True)
        if len(approx) == 4:
            quad = approx
            break
    if quad is None or not cv2.isContourConvex(quad):
        return None
    q = _order_corners(quad)
    q_area = float(cv2.contourArea(q.astype(np.float32)))
    if q_area <= 0 or abs(float(cv2.contourArea(outline)) / q_area - 1.0) > 0.06:
        return None  # the bright region is not a quadrilateral (a lit table, a hand over the page ...)
    for i in range(4):
        a, b, c = q[i - 1], q[i], q[(i + 1) % 4]
        u, v = a - b, c - b
        cos = float(u @ v) / max(float(np.hypot(*u) * np.hypot(*v)), 1e-6)
        if abs(cos) > 0.5:
            return None
    mask = np.zeros((sh, sw), np.uint8)
    cv2.fillConvexPoly(mask, q.round().astype(np.int32), 255)
    inside = float(cv2.mean(small, mask)[0])
    outside = float(cv2.mean(small, cv2.bitwise_not(mask))[0])
    if inside - outside < PAGE_MIN_CONTRAST or _keystone(q) < KEYSTONE_MIN or not _on_edges(soft, q):
        return None
    return q


def _on_edges(soft: np.ndarray, q: np.ndarray) -> bool:
    """Each side of ``q`` (TL, TR, BR, BL: clockwise on the image) lies on a step from brighter paper inside
    to darker background outside: at ``EDGE_SHARE`` of ``EDGE_SAMPLES`` points along its middle, the grey a
    little inside the side ``EDGE_STEP`` levels above the grey as far outside it. Points whose either side
    falls off the image are not counted; a side with fewer than half of its points counted lies along the
    image's edge (the page cut off by the frame: its outline there is the frame's, nothing to check)."""
    sh, sw = soft.shape
    d = max(3.0, 0.015 * max(sh, sw))
    t = (np.arange(EDGE_SAMPLES) + 0.5) / EDGE_SAMPLES * 0.8 + 0.1  # the middle 80 %: clear of the corners
    for i in range(4):
        a, b = q[i], q[(i + 1) % 4]
        u = (b - a) / max(float(np.hypot(*(b - a))), 1e-6)
        normal = np.array([-u[1], u[0]])  # into the quadrilateral (clockwise, y down)
        pts = a + t[:, None] * (b - a)
        ins, outs = (pts + d * normal).round().astype(int), (pts - d * normal).round().astype(int)
        ok = (
            (ins[:, 0] >= 0) & (ins[:, 0] < sw) & (ins[:, 1] >= 0) & (ins[:, 1] < sh)
            & (outs[:, 0] >= 0) & (outs[:, 0] < sw) & (outs[:, 1] >= 0) & (outs[:, 1] < sh)
        )  # fmt: skip
        if ok.sum() < EDGE_SAMPLES / 2:
            continue
        ins, outs = ins[ok], outs[ok]
        step = soft[ins[:, 1], ins[:, 0]].astype(np.float64) - soft[outs[:, 1], outs[:, 0]]
        if float(np.mean(step >= EDGE_STEP)) < EDGE_SHARE:
            return False
    return True


def rectify(rgb: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The page inside ``quad`` (TL, TR, BR, BL) warped to an upright rectangle, as large as its longer
    opposite sides (no resolution lost on the near side of the photo), its outermost rim made white.

    The corners are found on a copy ``PAGE_FIND_SIZE`` long: each is off by up to a pixel or two of that
    copy. Off outwards, a sliver of the desk and of the page's shadowed edge lies along the warped page's
    side: a grey line (120-190) too light for ``whiten_borders``, which Tesseract read as ink and lost the
    header's number by. The page's rim of twice that copy's pixel is blank margin on any document."""
    tl, tr, br, bl = quad
    width = round(max(np.hypot(*(tr - tl)), np.hypot(*(br - bl))))
    height = round(max(np.hypot(*(bl - tl)), np.hypot(*(br - tr))))
    dst = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(quad.astype(np.float32), dst)
    border = (255,) * (rgb.shape[2] if rgb.ndim == 3 else 1)
    flat = cv2.warpPerspective(
        rgb, m, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )
    rim = min(2 * -(-max(rgb.shape[:2]) // PAGE_FIND_SIZE), width // 4, height // 4)
    if rim > 0:
        flat[:rim], flat[-rim:], flat[:, :rim], flat[:, -rim:] = 255, 255, 255, 255
    return flat


# --- the stage ----------------------------------------------------------------------------------------


# Blur (phone photos, low-resolution scans): Laplacian energy over the page's contrast, times the squared
# letter height (a blur is as bad as it is wide against the letters), measured on the image Tesseract gets
# (turned, deskewed, scaled). Sharp photos measure 1.4-2.4, generated 200-dpi blurred scans 0.85-0.94,
# 300-dpi scans 3-10; the blurred real photos 0.46-0.53 (their letters read 0.64-0.87 unsharpened), the
# generator's shaken phone photos (dev family, photo=blur) 0.02-0.23. Every page with letters is checked
# (until 2026-12-01 only letters under 16 px: the generator's shaken photos, 20-30 px letters, went through
# unsharpened). A blurred page gets an unsharp mask as wide as its measured edge blur (``edge_blur``: the
# real blurred photos ~0.9 px, so UNSHARP_SIGMA as before; the shaken photos 1.4-2.1 px), or, when it shows
# a motion streak that reads surer so, the streak deconvolved (``sharpened``).
BLURRED_BELOW = 0.7
UNSHARP_SIGMA = 1.5
UNSHARP_MAX_SIGMA = 3.0


def _faint_print(gray: np.ndarray) -> bool:
    """Does the page hold faint print all over it: at least ``NO_INK_FAINT_SHARE`` of its pixels under the
    paper level, in lines with gaps between them (``FAINT_GAPS``) as text has and grain has not?"""
    dark = gray < PAPER_LEVEL
    if int(np.count_nonzero(dark)) < NO_INK_FAINT_SHARE * gray.size:
        return False
    per_row = np.count_nonzero(dark, axis=1)
    inked = np.flatnonzero(per_row)
    span = per_row[inked[0] : inked[-1] + 1]
    gaps = np.count_nonzero(span <= FAINT_GAP_ROW * float(np.percentile(span, 90)))
    return bool(gaps >= FAINT_GAPS * span.size)


def _inner_ink(gray: np.ndarray) -> int:
    """How many pixels of dark ink (under ``NO_INK_BELOW``) the page holds, its dark regions touching its edge
    or a whitened rim left out (``RIM_GAP``; a page dark enough inside ``NO_INK_MARGIN``: all of it)."""
    dark = (gray < NO_INK_BELOW).astype(np.uint8)
    total = int(np.count_nonzero(dark))
    if total < NO_INK_SHARE * gray.size:
        return total
    h, w = gray.shape
    my, mx = round(NO_INK_MARGIN * h), round(NO_INK_MARGIN * w)
    inner = int(np.count_nonzero(dark[my : h - my, mx : w - mx]))
    if inner >= NO_INK_SURE * gray.size:
        return inner  # a page of text: far more ink inside the margins than rims reach in with (no labelling)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    x, y, bw, bh, area = (stats[1:n, i] for i in range(5))
    out = (x == 0) | (y == 0) | (x + bw >= w) | (y + bh >= h)
    rim = _whitened_rim(gray)
    if rim is not None:
        near = np.zeros(n, bool)
        near[np.unique(labels[(rim > 0) & (dark > 0)])] = True
        out |= near[1:]
    return int(area[~out].sum())


def _whitened_rim(gray: np.ndarray) -> np.ndarray | None:
    """The white (255) regions reaching the page's edge and smaller than half of it (whitened corners and
    borders, not a clean page's white paper), grown by ``RIM_GAP`` pixels; None when there are none."""
    white = (gray == 255).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(white, connectivity=8)
    h, w = gray.shape
    x, y, bw, bh, area = (stats[:, i] for i in range(5))
    keep = ((x == 0) | (y == 0) | (x + bw >= w) | (y + bh >= h)) & (area < 0.5 * gray.size)
    keep[0] = False
    if not keep.any():
        return None
    lut = np.zeros(n, np.uint8)
    lut[keep] = 255
    size = 2 * RIM_GAP + 1
    return cv2.dilate(lut[labels], cv2.getStructuringElement(cv2.MORPH_RECT, (size, size)))


def whiten_paper_grain(gray: np.ndarray) -> np.ndarray:
    """The page with its paper grain made white when it holds almost no dark ink (see ``NO_INK_SHARE``,
    ``RIM_GAP``)."""
    if _inner_ink(gray) >= NO_INK_SHARE * gray.size:
        return gray
    if _faint_print(gray):
        return gray  # faint print all over the page: text, not grain
    otsu, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    if otsu <= PAPER_OTSU:
        return gray
    out = gray.copy()
    out[gray > PAPER_LEVEL] = 255
    return out


def _specks(gray: np.ndarray, level: float) -> int:
    """How many dark components of at most ``SPECK_AREA`` pixels the page holds at ``level`` (at or under)."""
    _, binary = cv2.threshold(gray, level, 255, cv2.THRESH_BINARY_INV)
    n, _, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    return int(np.count_nonzero(stats[1:n, cv2.CC_STAT_AREA] <= SPECK_AREA))


def despeckled(gray: np.ndarray) -> np.ndarray:
    """The page as handed to Tesseract: a page of grain its grain made white when Otsu's threshold would cut
    it into more than ``SPECKS_MAX`` specks and one of ``SPECK_LEVELS`` leaves at most that many (see there);
    any other page as it is (the same array)."""
    otsu, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    if _specks(gray, otsu) <= SPECKS_MAX:
        return gray
    if np.count_nonzero(gray < PAPER_LEVEL) >= GRAIN_INK_SHARE * np.count_nonzero(gray <= otsu):
        return gray  # most of its dark is darker than the paper's grain: a (noisy) page of print
    for level in SPECK_LEVELS:
        if level < otsu and _specks(gray, level) <= SPECKS_MAX:
            out = gray.copy()
            out[gray > level] = 255
            return out
    return gray


SHARPNESS_STRIPE = (
    32  # rows: the sharpness is measured on one stripe of rows in every four (a quarter the work)
)


def sharpness(gray: np.ndarray, letter_height: float) -> float:
    """Laplacian energy over the page's contrast, times the squared letter height: low when blurred."""
    s = SHARPNESS_STRIPE
    n = lap_sum = lap_sq = g_sum = g_sq = 0.0
    for y in range(0, max(1, gray.shape[0] - s + 1), 4 * s):
        stripe = gray[y : y + s]
        if stripe.shape[0] < 3 or stripe.shape[1] == 0:
            break  # an image one or two rows high: no row away from its border to measure
        lap = cv2.Laplacian(stripe, cv2.CV_32F)[1:-1]  # the stripe's first and last rows see its border
        lm, ls = cv2.meanStdDev(lap)
        gm, gs = cv2.meanStdDev(stripe[1:-1])
        k = float(lap.size)
        n += k
        lap_sum += k * float(lm[0, 0])
        lap_sq += k * (float(ls[0, 0]) ** 2 + float(lm[0, 0]) ** 2)
        g_sum += k * float(gm[0, 0])
        g_sq += k * (float(gs[0, 0]) ** 2 + float(gm[0, 0]) ** 2)
    if n <= 0:
        return 0.0
    lap_var = lap_sq / n - (lap_sum / n) ** 2
    g_var = g_sq / n - (g_sum / n) ** 2
    return lap_var / max(g_var, 1.0) * (letter_height / 10.0) ** 2


def edge_blur(gray: np.ndarray) -> float:
    """Width (Gaussian sigma, px) of the page's edges: its ink-to-paper contrast over the steepest gradients
    (a blurred step of contrast C and sigma s rises at most C / (s * sqrt(2 pi)) per pixel)."""
    sub = gray[::2, ::2]  # every other pixel is enough for the percentiles
    gx = cv2.Sobel(gray, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(gray, cv2.CV_32F, 0, 1, ksize=3)
    mag = cv2.magnitude(gx, gy)[::2, ::2] / 8.0
    lo, hi = np.percentile(sub, (1, 99))
    contrast = max(float(hi - lo), 1.0)
    strong = mag[mag > 0.1 * contrast]
    if strong.size < 100:
        return 0.0
    return float(contrast / (np.sqrt(2 * np.pi) * float(np.percentile(strong, 95))))


def unsharp(gray: np.ndarray, sigma: float = UNSHARP_SIGMA, amount: float = 1.0) -> np.ndarray:
    """Unsharp mask: the page plus ``amount`` times its difference from a Gaussian blur of it."""
    soft = cv2.GaussianBlur(gray, (0, 0), sigma)
    return cv2.addWeighted(gray, 1.0 + amount, soft, -amount, 0)


# The band of a blurred page read to choose between the unsharp mask and the deconvolved streaks: the inkiest
# sixth of the page (a few text lines; on the 12 pages the surest reading there was the best or within 4 words
# of the best reading of the whole page). It can be wrong: review of 00f664a, 24 shaken photos of seeds
# 85/87 (6 a set), the streak kept read 17 better (up to +0.185 of their words), 2 worse (87 dev 002:
# 0.906 -> 0.892, its band 87.67 against the mask's 83.76). Neither a margin nor a second band tells that
# page from the good ones: gains of 0.4-1.6 points on the band came with +0.04-0.11 of the words (85 alt
# 001, 87 dev 001 and 004), and 87 dev 002 reads surer deconvolved on its next inkiest band too (83.92
# against 78.38), where 87 dev 004 and 85 alt 003's second page, both better deconvolved, read surer with
# the mask.
DEBLUR_BAND = 6
# ... at most this many pixels of it (its inkiest columns), so that a reading costs no more on a larger page
# (a 24 MP page's band was 4 MP: five candidates cost 5 CPU s more than two). The bands of the 70 blurred
# tuning pages of the forced-blur sets 95/97 are 0.21-0.62 MP, read whole as before. The band's confidence
# is a weak signal (on a 24 MP page of one shaken 300 dpi page tiled 2 x 3 the mask and the streaks read
# within 2 points of each other, whatever the crop; the page itself reads 0.909 of its words masked, 0.958
# deconvolved), and a narrower band only weakens it: at 1-1.5 MP that page kept the mask, at 2 MP a streak.
DEBLUR_BAND_AREA = 2_000_000
# The first DEBLUR_FIRST candidates are read; the others only when one of those comes within DEBLUR_MARGIN
# points of the mask's confidence on the band. On the 70 pages (68 with a streak) the first two read within
# 2 points of the mask on all but 3 (5-34 points under), and on none of these 3 would the others have won:
# words unchanged (0.860; a margin of 1 point would have lost one page's better streak, 0.859). The 2 real
# blurred photos' first two read 6.5-8 points under the mask, so they and out-of-focus pages (the text's
# stems taken for a streak) pay 2 readings, not 5 (review of bfff5f7).
DEBLUR_FIRST = 2
DEBLUR_MARGIN = 3.0
# Small print (letters under ``SMALL_PRINT`` on the OCR image) only just measured blurred
# (sharpness at least DEBLUR_MILD) whose unsharp mask reads its band at least DEBLUR_SURE points keeps the
# mask: its streaks are not deconvolved nor read. The 2 blurred real photos (13 px letters, sharpness
# 0.47-0.55) read their band at 83.7 and 87.0 with the mask, their first two streaks 6.5-8 points under
# (1.4 CPU s of band readings between them, wasted). On generated small print (the shaken photos of seeds
# 401 and 403, 56 documents' first pages scaled down to 12-16 px letters, as they are or with a further
# Gaussian or motion blur: 146 pages with a streak) the streaks are no waste in general: the streak the
# band chose read 91 pages better than the mask, 16 worse (0.585 of their words with the mask alone, 0.647
# as chosen); of the 12 pages the rule leaves to the mask (sharpness 0.3-0.66, mask 82-94), the band had
# chosen a streak on one, which read worse (-0.163): 0.6474 -> 0.6485. The mask's confidence alone
# (82) would have taken back 3 better streaks too (+0.04 to +0.105), the sharpness alone 3 (0.4: +0.02 to
# +0.12). Check seed 407 (69 pages with a streak; the streak chosen read 41 better, 7 worse, 0.545 -> 0.612):
# 4 pages keep the mask, none read differently (the confidence alone would have lost 2 better streaks).
# The real photos: 1.24x -> 1.13x the bare engine's CPU, the same words on every file.
DEBLUR_MILD = 0.3
# px: letters on the OCR image under this are small print (a phone photo's; ``recognize.SMALL_PRINT``)
SMALL_PRINT = 16.0
DEBLUR_SURE = 82.0
# Such a page (``_only_just_blurred_small_print``) of sharpness MASK_FIRST_SHARP at least is read first with
# the mask when the caller can read it again (``prepare(..., mask_first=True)``, as ``run.process_page``
# asks): when that reading's own words on the band (their centres in it) read at least MASK_FIRST_SURE, the
# mask stays and neither is the band read alone nor the streak estimated; otherwise the mask and the streaks
# are chosen on the band as above and the page read again when a streak wins
# (``recognize.choose_after_reading``). The page reading is surer on the band than the band read alone
# (the 2 blurred real photos: 89.7 / 89.3 against 83.7 / 87.0, the mask kept either way: 0.39 CPU s of band
# readings and streak estimates saved on the 10 photos, the same words). Generated small print (shaken
# photos of seeds 401 / 403 scaled to 13-15 px letters, a further Gaussian blur or none: 167 blurred pages,
# 19 of sharpness 0.45 and over): 8 read 88.1-94.2 on the band with the mask (the band alone 82.8-94.8: the
# mask kept before too, the same words), 11 under it are chosen as before, 2 of them (a streak won) read
# twice. The streaks that won on pages under 0.45 (sharpness 0.30-0.40, 7 pages) keep being chosen first.
# The two scores are different measures (the page reading's words on the band, PSM 4, filtered; the band
# read alone, PSM 3): REVIEW-39c measured both on the same sets scaled to 13, 14, 15 px letters, a
# further Gaussian of 0, 0.5 (13, 14 px) or 1 (13 px): 335 blurred pages, 32 of them left to the reading
# (sharpness 0.45-0.68). Page reading minus band alone: -4.6 to +22.3, median +2.3 (over +9 only where the
# band alone read 62-77). A streak won on 4 of the 32 (sharpness 0.49-0.62), their page reading 79.0-84.6
# on the band (3.4 under MASK_FIRST_SURE at the closest): the same choice as before on all 32; 15 read 88
# or more, none of them a page a streak wins. Just outside small print (16.2 px, seed 401 alt 004) a streak
# won at 90.2 on the page reading (and read worse than the mask, 0.887 against 0.914).
MASK_FIRST_SURE = 88.0
MASK_FIRST_SHARP = 0.45
# A page blurred round only (out of focus: no streak found, or none read surer than the mask on the band) is
# also read on the band deconvolved with a Gaussian as wide as its edges measure and 1.3 times wider
# (``deblur.round_candidates``); one replaces the mask only when surer on the band by ROUND_MARGIN points (a
# wider Gaussian read "nhân" as "nhãn" at 96 on a 0.7-point margin, review of blur47). Never tried against a
# streak that won: the band tells them apart too weakly. Seed 139 alt 005's shaken first page (a streak of
# 5 px at 154.5°) read its band at 76.4 with the streak, 76.6 with the Gaussian; the Gaussian's page read its
# place-and-date line "ngày 12 hứng 11 mồm 2003" (the streak's "ngày 12 thứng 11 năm 2023"): the issue date
# and the licence's start lost (blur47's failing handdigits test). OFF by default (session 48): blurred photos
# u535 0.898/0.913 → 0.918/0.918 and u555 dev 0.913 → 0.929 with it, but evaluation seed 47 lost a field
# (0.959 → 0.954: a pen number and a date read otherwise) and corp seed 855 a name's Đ (in doubt both ways);
# review: the band's confidence tells a good Gaussian from a bad one weakly (organ and place of a Gaussian-
# blurred corp page fell from sure to doubt). Measure on with BENCH_FAMILIES_SET=preprocess.ROUND_DEBLUR=1.
ROUND_DEBLUR = False
ROUND_MARGIN = 1.0


def sharpened(
    gray: np.ndarray, dpi: float, letter: float = 0.0, sharp: float = 0.0
) -> tuple[np.ndarray, Streak | None]:
    """A page measured blurred made sharper, and the motion streak deconvolved (None: the unsharp mask).

    The mask is as wide as the blur measured on the image Tesseract gets (at least UNSHARP_SIGMA). When the
    page shows a motion streak (``deblur.estimate``: a shaken phone photo), the streak's candidates are
    deconvolved and Tesseract reads the inkiest band of rows of each and of the masked page: the surest
    reading is taken, the mask unless a streak reads strictly surer (on that band only: the page as a whole
    may read a little worse, ``DEBLUR_BAND``). A wrong streak reads worse than the mask (the generator's
    shaken photos, seeds 85/87: of 12 pages, 2 whose vertical streak was overestimated lost 15-25 of their
    170-220 words deconvolved; the choice kept the mask on both). On the 12 pages: 0.650 of their words read
    with the mask, 0.740 so, 0.772 with the best streak found by brute force. Since session 15 five
    candidates (``deblur.candidates``; about 1.0 CPU s more a shaken page of the forced-blur sets, 0.57
    before, at most 2.2): on the 75 shaken pages of the forced-blur sets 95/97, 0.765 of their words with
    the mask, 0.848 with two candidates, 0.860 with five. The last three are read only when one of the first
    two comes near the mask (``DEBLUR_FIRST``), and the band is at most ``DEBLUR_BAND_AREA`` pixels.
    ``letter`` (px) and ``sharp`` (``sharpness``) as measured on the page: small print only just blurred
    that the mask reads surely keeps the mask unread further (``DEBLUR_SURE``). When no streak is found or
    none reads surer than the mask, two round blurs are read on the band too (``ROUND_DEBLUR``,
    ``deblur.round_candidates``: a page out of focus), one taken when surer than the mask by
    ``ROUND_MARGIN`` (the streak returned then has no length)."""
    from digitize.pipeline import deblur

    sigma = _mask_sigma(gray)
    masked = unsharp(gray, sigma)
    streak = deblur.estimate(gray)
    if streak is None and not ROUND_DEBLUR:
        return masked, None
    top, bottom, left, right = _deblur_band(gray)
    w = gray.shape[1]
    best: Streak | None = None
    surest_tried = -1.0
    masked_conf = surest = reading_confidence(np.ascontiguousarray(masked[top:bottom, left:right]), dpi)
    if _only_just_blurred_small_print(letter, sharp) and masked_conf >= DEBLUR_SURE:
        return masked, None

    def band_confidence(candidate: Streak) -> float:
        # the band deconvolved with a margin as long as the streak, cut off again (the cut rings)
        m = round(candidate.length + 6 * candidate.sigma)
        mt, ml, mr = min(top, m), min(left, m), min(w - right, m)
        region = gray[top - mt : bottom + mt, left - ml : right + mr]
        band = deblur.deconvolve(region, candidate)[mt : mt + bottom - top, ml : ml + right - left]
        return reading_confidence(np.ascontiguousarray(band), dpi)

    for k, candidate in enumerate(deblur.candidates(streak) if streak is not None else ()):
        if k == DEBLUR_FIRST and surest_tried < masked_conf - DEBLUR_MARGIN:
            break  # the first candidates read well under the mask: the others (longer, rounder) do not win
        conf = band_confidence(candidate)
        surest_tried = max(surest_tried, conf)
        if conf > surest:
            best, surest = candidate, conf
    if ROUND_DEBLUR and best is None:
        # no streak read surer than the mask: a round blur, taken when surer than the mask by ROUND_MARGIN
        for candidate in deblur.round_candidates(sigma):
            conf = band_confidence(candidate)
            if conf > surest + ROUND_MARGIN:
                best, surest = candidate, conf
    if best is None:
        return masked, None
    return deblur.deconvolve(gray, best), best


def _mask_sigma(gray: np.ndarray) -> float:
    """The width of the unsharp mask a blurred page gets: its edges' blur, at least UNSHARP_SIGMA."""
    return min(UNSHARP_MAX_SIGMA, max(UNSHARP_SIGMA, edge_blur(gray)))


def _masked(gray: np.ndarray) -> np.ndarray:
    """The unsharp mask a blurred page gets, as wide as its edges' blur (at least UNSHARP_SIGMA)."""
    return unsharp(gray, _mask_sigma(gray))


def _deblur_band(gray: np.ndarray) -> tuple[int, int, int, int]:
    """(top, bottom, left, right) of the band ``sharpened`` reads: the inkiest rows (``DEBLUR_BAND``), their
    inkiest columns (``DEBLUR_BAND_AREA``)."""
    top, bottom = _inkiest_rows(gray, DEBLUR_BAND)
    left, right = _inkiest_columns(gray[top:bottom], max(1, DEBLUR_BAND_AREA // (bottom - top)))
    return top, bottom, left, right


def _only_just_blurred_small_print(letter: float, sharp: float) -> bool:
    """Small print (``SMALL_PRINT``) only just measured blurred (``DEBLUR_MILD``): a page the mask may keep
    unread further (``DEBLUR_SURE``, ``MASK_FIRST_SURE``)."""
    return 0 < letter < SMALL_PRINT and sharp >= DEBLUR_MILD


def _ocr_scale(letter_height: float, dpi: float) -> float:
    """How much to scale the page so that Tesseract sees letters of a size it reads well and fast."""
    th = letter_height
    if th > 0 and th < UPSCALE_BELOW:
        return min(MAX_UPSCALE, TARGET_TEXT_HEIGHT / th)
    if th == 0 and dpi < 200:
        return min(MAX_UPSCALE, 300.0 / max(dpi, 1.0))
    if th > DOWNSCALE_ABOVE:
        # Large letters (300 dpi and up) cost Tesseract time for nothing: letters ~20 px high read as well
        # (measured on generated 300 dpi scans: same accuracy, ~25% less recognition time).
        return max(0.5, DOWNSCALE_TO / th)
    return 1.0


def _warp(gray: np.ndarray, turn: int, skew: float, scale: float) -> np.ndarray:
    """Turn, deskew and scale in one resampling pass."""
    if skew == 0.0:
        out = _rot90(gray, turn)
        if scale == 1.0:
            return out
        h, w = out.shape
        interp = cv2.INTER_AREA if scale < 1 else UPSCALE_INTERPOLATION
        return cv2.resize(out, (round(w * scale), round(h * scale)), interpolation=interp)
    m, nw, nh = upright_matrix(gray.shape[1], gray.shape[0], turn, skew)
    m = m * scale
    c = m.copy()
    c[:, 2] += m[:, 0] * 0.5 + m[:, 1] * 0.5 - 0.5  # OpenCV samples at pixel centres
    interp = cv2.INTER_LINEAR if scale <= 1 else UPSCALE_INTERPOLATION
    return cv2.warpAffine(
        gray,
        c,
        (round(nw * scale), round(nh * scale)),
        flags=interp,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,
    )


def _cleaned(
    gray: np.ndarray,
    dpi: float,
    blurred: bool,
    letter: float = 0.0,
    sharp: float = 0.0,
    mask_first: bool = False,
) -> tuple[np.ndarray, Streak | None, Unconfirmed | None]:
    """A page at its OCR scale cleaned: borders whitened, paper flattened, denoised, and, when measured
    blurred, sharpened (the motion streak deconvolved, or None). Not for a low-resolution page upscaled
    for reading (``prepare`` cleans that one before the upscale); a blurred page read again at 1.5 times
    its scale (``rescaled``) is cleaned so. ``letter`` and ``sharp``: as ``sharpened`` takes them.
    ``mask_first``: small print only just blurred gets the mask, its choice left to after the first reading
    (``MASK_FIRST_SURE``; the third value, else None)."""
    gray = denoise(_flatten(whiten_borders(gray)))
    grainless = whiten_paper_grain(gray)
    if grainless is not gray:
        # a page with almost no ink: its grain made white, never sharpened (sharpened grain went under
        # the whitening level and Tesseract read it for over 180 s: an eval seal-only page)
        return grainless, None, None
    if blurred and mask_first and _only_just_blurred_small_print(letter, sharp) and sharp >= MASK_FIRST_SHARP:
        return _masked(gray), None, Unconfirmed(gray, _deblur_band(gray), dpi, letter, sharp)
    if blurred:
        return (*sharpened(gray, dpi, letter, sharp), None)
    return gray, None, None


def rescaled(prepared: Prepared, factor: float) -> Prepared:
    """A page measured blurred prepared again from its master at ``factor`` times its OCR scale (turned and
    deskewed as it was), cleaned and sharpened as at its own scale: a second reading of a blurred page
    (``recognize.second_scale``)."""
    scale = prepared.scale * factor
    gray = _warp(ink_gray(prepared.master), prepared.rotation, prepared.skew, scale)
    gray, streak, _ = _cleaned(gray, prepared.dpi * factor, blurred=True)
    gray = despeckled(gray)
    return replace(
        prepared,
        ocr=np.ascontiguousarray(gray),
        scale=scale,
        dpi=prepared.dpi * factor,
        letter=prepared.letter * factor,
        streak=streak,
        unconfirmed=None,  # chosen here, at this scale: nothing left to a reading
    )


def plain_at_scale(prepared: Prepared) -> np.ndarray:
    """The page's grey OCR image as ``prepare`` cleans it before any sharpening (borders whitened, paper
    flattened, denoised), from its master at its OCR scale, turned and deskewed as it was."""
    gray = _warp(ink_gray(prepared.master), prepared.rotation, prepared.skew, prepared.scale)
    return denoise(_flatten(whiten_borders(gray)))


def prepare(
    rgb: np.ndarray, *, dpi: float = 300.0, osd_check: bool = True, mask_first: bool = False
) -> Prepared:
    """The page's OCR image and geometry (see the module). ``mask_first``: a page of small print only just
    blurred is given the unsharp mask and its choice of a streak left to after its first reading
    (``Prepared.unconfirmed``, ``recognize.choose_after_reading``; a page whose way up is read or asked,
    below, is settled here as before)."""
    gray = ink_gray(rgb)
    quad = find_page(gray)
    if quad is not None:
        # a page photographed at an angle: from here on the flattened page is the master
        rgb = rectify(rgb, quad)
        gray = ink_gray(rgb)
    # a page no bigger than the analysis size is analysed as it is: whiten its borders once, for both
    whitened = whiten_borders(gray) if max(gray.shape[:2]) <= ANALYSIS_WIDTH else None
    # ... and flatten it once, for both (a phone photo: ~3 ms a page)
    flattened = _flatten(whitened) if whitened is not None else None
    turn, skew, confidence, letter_height, cues_disagree = analyse(gray, whitened, flattened)
    if letter_height == 0:
        # No letter-sized ink (a blank back, a page holding only a seal): nothing to tell its orientation or
        # skew from. The row profiles of a seal's ring gave 180° and up to 10° of "skew", so the page was
        # shown turned and tilted in the PDF, after a Tesseract OSD run on it (dev family: 7 such pages in 4
        # sets of 14). It is left as it came, and OSD is not asked.
        turn, skew, confidence = 0, 0.0, 1.0
    if abs(skew) < 0.1:
        skew = 0.0
    _, width, height = upright_matrix(gray.shape[1], gray.shape[0], turn, skew)
    scale = _ocr_scale(letter_height, dpi)
    if 0.95 <= scale <= 1.05:
        scale = 1.0
    blurred = False
    streak: Streak | None = None
    unconfirmed: Unconfirmed | None = None
    # the way up read on the cleaned page below: its sharpening chosen first
    turn_read = osd_check and ((cues_disagree and letter_height > 0) or confidence < OSD_BELOW)
    if scale > 1.0:
        # A low-resolution photo: borders and background cleaned at its own size (fewer pixels than after
        # the upscale), then turned, deskewed and upscaled in one pass. Its thin, faint strokes (the tone
        # marks over â ê ô: ổ ể ầ ...) stay dark enough to survive Tesseract's binarization: the mid-tones
        # darkened after the upscale (measured on the real photos: word accuracy 0.950 → 0.963; neutral on
        # 300 dpi scans, so only here). No median filter: the small letters' edges read as "noise" to its
        # check, and it then eats the tone marks (real photo 4_1: 0.953 with it, 0.977 without).
        clean = flattened if flattened is not None else _flatten(whiten_borders(gray))
        gray = cv2.LUT(_warp(clean, turn, skew, scale), _DARKEN)
    else:
        gray = _warp(gray, turn, skew, scale)
        sharp = sharpness(gray, letter_height * scale) if letter_height > 0 else 0.0
        blurred = letter_height > 0 and sharp < BLURRED_BELOW
        gray, streak, unconfirmed = _cleaned(
            gray, dpi * scale, blurred, letter_height * scale, sharp, mask_first and not turn_read
        )
    # a page of grain handed to Tesseract (the way up read on it too) with no absurd count of specks
    gray = despeckled(gray)
    # The ink cue undecided (low confidence) on a blurred page: blur glues each line's letters, tone marks
    # and descenders into one blob, so the ink above and below its core band tells little, and OSD no more
    # (dev 57 N=14 001, a blurred bitonal photo, upright: cues +0.03 / -0.08, OSD did not overrule, read
    # upside down: 0.006 of its words). Real photos and scans, blurred ones too, have clear cues (>= 0.3).
    weak_blurred = (
        confidence < OSD_BELOW
        and letter_height > 0
        and (blurred if scale <= 1.0 else sharpness(gray, letter_height * scale) < BLURRED_BELOW)
    )
    if osd_check and (cues_disagree or weak_blurred) and letter_height > 0:
        # The page is read both ways up and the way Tesseract reads with the clearly higher confidence is
        # taken (OSD, on such a blurred page, told nothing: 0 at 0.1; dev 57 001: 46 as turned by the cue,
        # 93 the other way up). A tie or a noise-level difference leaves the page as the cue turned it.
        if turned_by_reading(gray, dpi * scale):
            turn = (turn + 180) % 360
            gray = _rot90(gray, 180)
    elif osd_check and confidence < OSD_BELOW:
        # The ink-profile cue was not decisive: ask Tesseract's orientation detector, on the clean page.
        from digitize.tools import tesseract

        rot, osd_conf = tesseract.osd(gray)
        if rot == 180 and osd_conf >= 1.0:
            turn = (turn + 180) % 360
            gray = _rot90(gray, 180)
    return Prepared(
        master=rgb,
        ocr=np.ascontiguousarray(gray),
        scale=scale,
        rotation=turn,
        skew=skew,
        dpi=dpi * scale,
        width=width,
        height=height,
        rectified=quad is not None,
        letter=letter_height * scale,
        blurred=blurred,
        streak=streak,
        unconfirmed=unconfirmed,
    )
