"""The tone mark over a word's vowel read from the pixels, not from Tesseract's reading of them.

Tesseract reads a name's word with the wrong tone mark in every re-reading of the same pixels (a hook read as
an acute: "Hiểu" → "Hiếu", "Cẩn" → "Cấn"): its readings are not independent, so a vote over them cannot tell.
This module looks at the ink itself. Given the grey crop of one word (its box as read, with room above and
below for the marks) and the word as read, it finds the tone-bearing vowel's column (the word set in a
Times-like font and its letters' advances scaled to the crop's ink), takes the small detached ink above that
vowel's body (and below its baseline, for the dot), and tells the mark by its shape: a nearest-neighbour
vote over the same features of marks rendered at build time in the serif and sans fonts of this machine
(Liberation, DejaVu: official documents are set in Times New Roman, metric-alike to Liberation Serif), each
blurred, resampled and binarised at several levels. The features are those of the ink found by the very same
steps, so a rendered and a scanned word are measured alike.

``read_tone(crop, word)`` → ``ToneRead`` (the tone's digit as in ``syllable.key``, the class's share of the
neighbours' weight, its margin over the next class), or None where the crop shows no such vowel (no ink, no
body in the vowel's column, marks merged into the letter). ``steady_tone`` reads a word three times, its box
cut a little taller and shorter, and gives the tone only where all agree.

No pass uses it yet: measured on real print (tools/tonemark_real.py; docs/ocr.md, "markpix") it reads
~86% of the marks of clean office scans right (80% at 150 dpi) where Tesseract reads 98.4%: where they differ
over a mark above the vowel Tesseract is the one right nearly every time (at 150 dpi, the size of many
pages' names: the pixels were right in 1 of 13 such disagreements at margin 0.5). Taking the pixels' mark,
or doubting a name on their word, would read right names wrong or put them to review for no catch.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from digitize.text import nfc

# the tone marks by digit (``syllable.key``): 0 none, 1 acute (sắc), 2 grave (huyền), 3 hook (hỏi),
# 4 tilde (ngã), 5 dot below (nặng)
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
TONE_NAMES = ("none", "acute", "grave", "hook", "tilde", "dot")
_TONE_OF = {m: str(i) for i, m in enumerate(TONES) if m}
_HAT, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VOWELS = "aeiouy"

# the height (px) a word's crop is brought to before its ink is measured
NORM_HEIGHT = 72
# neighbours that vote
NEIGHBOURS = 7

_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/dejavu"),
)
# (Times-like first: the weight of the vote is the count of neighbours, so the fonts are not weighted)
_FONTS = (
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "DejaVuSerif.ttf",
    "DejaVuSerif-Bold.ttf",
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
)
# the font whose advances place a word's letters in a crop
_LAYOUT_FONT = "LiberationSerif-Bold.ttf"


@dataclass(frozen=True)
class ToneRead:
    tone: str  # "0".."5"
    share: float  # the class's share of the neighbours' weight (0..1)
    margin: float  # share minus the next class's share

    @property
    def name(self) -> str:
        return TONE_NAMES[int(self.tone)]


def _font_path(name: str) -> Path | None:
    for d in _FONT_DIRS:
        if (d / name).is_file():
            return d / name
    return None


@lru_cache(maxsize=16)
def _font(name: str, size: int):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    path = _font_path(name)
    return None if path is None else ImageFont.truetype(str(path), size)


def tone_of(word: str) -> str:
    """The tone digit of a word ("0" for the level tone)."""
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONE_OF:
            return _TONE_OF[ch]
    return "0"


def _strip_tone(ch: str) -> str:
    return nfc("".join(c for c in unicodedata.normalize("NFD", ch) if c not in _TONE_OF))


def _base(ch: str) -> str:
    return unicodedata.normalize("NFD", ch)[0].lower()


def tone_index(word: str) -> int | None:
    """The index (NFC letters) of ``word``'s tone-bearing vowel: the one with the tone mark where it has one;
    else where the mark goes (a vowel with a hat, horn or breve, the last of them — "ươ" → "ơ"; else in a
    cluster closed by a consonant its last vowel, in an open one of three its middle, of two its first, the
    old style "Hòa", "Thúy"; "qu"/"gi" open no cluster). None for a word without a vowel."""
    w = nfc(word)
    for i, ch in enumerate(w):
        if any(c in _TONE_OF for c in unicodedata.normalize("NFD", ch)):
            return i
    low = w.lower()
    vowels = [i for i, ch in enumerate(low) if _base(ch) in _VOWELS]
    if not vowels:
        return None
    start = vowels[0]
    if (
        start > 0
        and ((low[start - 1] == "q" and _base(low[start]) == "u") or low[start - 1 : start + 1] == "gi")
        and len(vowels) > 1
        and vowels[1] == start + 1
    ):
        vowels = vowels[1:]
    # the first run of vowels
    run = [vowels[0]]
    for i in vowels[1:]:
        if i != run[-1] + 1:
            break
        run.append(i)
    marked = [i for i in run if any(c in (_HAT, _BREVE, _HORN) for c in unicodedata.normalize("NFD", w[i]))]
    if marked:
        return marked[-1]
    if len(run) == 1:
        return run[0]
    if run[-1] + 1 < len(w):
        return run[-1]
    return run[1] if len(run) == 3 else run[0]


def with_tone(word: str, tone: str) -> str | None:
    """``word`` with its tone-bearing vowel's tone mark made ``tone`` ("0".."5"); None without a vowel."""
    w = nfc(word)
    i = tone_index(w)
    if i is None:
        return None
    ch = _strip_tone(w[i])
    mark = TONES[int(tone)]
    return w[:i] + nfc(ch + mark) + w[i + 1 :]


def _group(ch: str) -> str:
    """The vowel's letter as the marks above it stand: "hat" (â ê ô), "breve" (ă), "i" (its dot where
    toneless), "plain" (a e o u y ơ ư)."""
    d = unicodedata.normalize("NFD", _strip_tone(ch))
    if _HAT in d:
        return "hat"
    if _BREVE in d:
        return "breve"
    if d[0].lower() == "i" and d[0] == "i":
        return "i"
    return "plain"


def _spans(word: str) -> tuple[list[tuple[float, float]], tuple[float, float]] | None:
    """Each letter's advance span in the layout font at 100 px, and the word's ink span."""
    font = _font(_LAYOUT_FONT, 100)
    if font is None:
        return None
    spans = []
    for i in range(len(word)):
        spans.append((float(font.getlength(word[:i])), float(font.getlength(word[: i + 1]))))
    bbox = font.getbbox(word)
    return spans, (float(bbox[0]), float(bbox[2]))


def _binary(crop: np.ndarray) -> np.ndarray | None:
    """The crop brought to ``NORM_HEIGHT`` and made ink (1) on paper (0) by Otsu; None for a blank crop."""
    if crop.ndim == 3:
        crop = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    h, w = crop.shape[:2]
    if h < 6 or w < 4:
        return None
    if int(crop.max()) - int(crop.min()) < 40:
        return None
    scale = NORM_HEIGHT / h
    im = cv2.resize(crop, (max(4, round(w * scale)), NORM_HEIGHT), interpolation=cv2.INTER_CUBIC)
    _, ink = cv2.threshold(im, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink.astype(np.uint8)


_Comp = tuple[int, int, int, int, int, np.ndarray]


def _comps(ink: np.ndarray) -> list[_Comp]:
    """The ink's connected parts: (x0, y0, x1, y1, area, the part's mask within its box)."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    out = []
    for k in range(1, n):
        x, y, w, h, a = (int(v) for v in stats[k])
        if a < 4:
            continue
        out.append((x, y, x + w, y + h, a, labels[y : y + h, x : x + w] == k))
    return out


# a word's crop: its box as read with this share of the box's height above it and below it
ROOM_ABOVE, ROOM_BELOW = 0.5, 0.25


def region(grey: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    """The box (x0, y0)–(x1, y1) of a grey page, paper beyond the page's edges."""
    top, bottom = round(y0), round(y1)
    left, right = max(0, round(x0)), min(grey.shape[1], round(x1))
    out = np.full((max(1, bottom - top), max(1, right - left)), 255, np.uint8)
    a, b = max(0, top), min(grey.shape[0], bottom)
    if a < b and left < right:
        out[a - top : b - top, :] = grey[a:b, left:right]
    return out


def word_crop(grey: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    """A word's box (x0, y0)–(x1, y1) cut from a grey page with ``ROOM_ABOVE`` and ``ROOM_BELOW`` of its
    height above and below it, paper beyond the page's edges."""
    h = max(1.0, y1 - y0)
    return region(grey, x0, y0 - ROOM_ABOVE * h, x1, y1 + ROOM_BELOW * h)


def features(crop: np.ndarray, word: str) -> tuple[str, np.ndarray] | None:
    """(the vowel's group, the feature vector of the ink over and under the tone-bearing vowel) of a word's
    grey ``crop``: the word's box as read, with ``ROOM_ABOVE`` of its height of room above and
    ``ROOM_BELOW`` below. None where no vowel, no ink, or no body of a letter in the vowel's column."""
    w = nfc(word)
    i = tone_index(w)
    laid = _spans(w)
    ink = _binary(crop)
    if i is None or laid is None or ink is None:
        return None
    spans, (r0, r1) = laid
    comps = _comps(ink)
    if not comps:
        return None
    hgt = ink.shape[0]
    box_h = hgt / (1 + ROOM_ABOVE + ROOM_BELOW)
    box_top = ROOM_ABOVE * box_h
    # the baseline: the lowest row of the box whose ink is dense (a descender's rows are sparse), of the
    # parts that reach into the box's lower half
    inside = [c for c in comps if c[3] > box_top + 0.5 * box_h and c[1] < box_top + box_h]
    if not inside:
        return None
    profile = np.zeros(hgt)
    for c in inside:
        profile[c[1] : c[3]] += c[5].sum(axis=1)
    dense = np.nonzero(profile >= 0.35 * profile.max())[0]
    baseline = int(dense[-1])
    # the letters' bodies: the parts standing on the baseline, a fifth of the box tall at least
    big = [c for c in inside if c[3] >= baseline - 0.1 * box_h and c[1] < baseline - 0.2 * box_h]
    if not big:
        return None
    # the ink's extent across: the letters' bodies (a speck or a mark past the word's ends is no letter)
    ix0, ix1 = min(c[0] for c in big), max(c[2] for c in big)
    if ix1 - ix0 < 4 or r1 - r0 < 1:
        return None
    sx = (ix1 - ix0) / (r1 - r0)

    def at(x: float) -> float:
        return ix0 + (x - r0) * sx

    a, b = at(spans[i][0]), at(spans[i][1])
    cw = max(2.0, b - a)
    cx = (a + b) / 2
    # the body of the vowel: ink of the bodies in the column's core, from the baseline up
    lo, hi = max(0, int(a + 0.25 * cw)), max(int(a + 0.25 * cw) + 1, int(b - 0.25 * cw))
    body = np.zeros((hgt, hi - lo), np.uint8)
    for c in big:
        x0, x1 = max(lo, c[0]), min(hi, c[2])
        if x0 < x1:
            body[c[1] : c[3], x0 - lo : x1 - lo] |= c[5][:, x0 - c[0] : x1 - c[0]].astype(np.uint8)
    rows = np.nonzero(body.any(axis=1))[0]
    if rows.size == 0:
        return None
    top = int(rows[0])
    xh = max(4.0, float(baseline - top))
    # the letters that bear ink above them: the "i"s and "j"s, vowels with a hat or a breve, the tone's vowel
    bearers = [
        k
        for k, ch in enumerate(w)
        if k == i
        or ch in "ij"
        or any(m in unicodedata.normalize("NFD", ch) for m in (_HAT, _BREVE, *TONES[1:5]))
    ]
    centres = {k: (at(spans[k][0]) + at(spans[k][1])) / 2 for k in bearers}
    above, below = [], []
    for c in comps:
        if any(c is d for d in big):
            continue
        mx = (c[0] + c[2]) / 2
        if c[3] <= top + 0.3 * xh and c[1] < top and c[1] > 0 and c[3] > top - 1.4 * xh:
            nearest = min(centres, key=lambda k: abs(centres[k] - mx))
            if nearest == i and abs(mx - cx) < 1.2 * cw:
                above.append(c)
        elif (
            baseline - 0.1 * xh <= c[1] < baseline + 0.5 * xh
            and c[3] < hgt
            and abs(mx - cx) < 0.7 * cw
            and max(c[2] - c[0], c[3] - c[1]) < 0.5 * xh
        ):
            below.append(c)
    group = _group(w[i])
    if group in ("hat", "breve") and len(above) == 1:
        above = _parted(above[0])
    return group, _vector(above, below, top, baseline, cx, xh, group in ("hat", "breve"))


# the window over a vowel the marks above it are seen in, in x-heights from its column's centre and its top
# (a stacked mark stands right of the hat), and the grid it is brought to
WINDOW_X, WINDOW_Y = (-0.9, 1.1), (-1.4, 0.2)
GRID = (8, 10)  # rows, columns


def _window(cs: list[_Comp], top: int, cx: float, xh: float) -> np.ndarray:
    x0, x1 = cx + WINDOW_X[0] * xh, cx + WINDOW_X[1] * xh
    y0, y1 = top + WINDOW_Y[0] * xh, top + WINDOW_Y[1] * xh
    gx, gy = GRID[1] / (x1 - x0), GRID[0] / (y1 - y0)
    fine = 4  # (each cell summed over a finer grid: a thin stroke's share of its cell)
    out = np.zeros((GRID[0] * fine, GRID[1] * fine), np.float32)
    for c in cs:
        ys, xs = np.nonzero(c[5])
        cols = ((xs + c[0] + 0.5 - x0) * gx * fine).astype(int)
        rows = ((ys + c[1] + 0.5 - y0) * gy * fine).astype(int)
        ok = (cols >= 0) & (cols < out.shape[1]) & (rows >= 0) & (rows < out.shape[0])
        out[rows[ok], cols[ok]] = 1.0
    return np.asarray(out.reshape(GRID[0], fine, GRID[1], fine).mean(axis=(1, 3)), np.float32)


def _parted(c: _Comp) -> list[_Comp]:
    """A hat and a tone mark run together by a bold or blurred print (one part) parted where a pixel's
    erosion parts them: each piece grown back inside the part's ink; the part whole where it stays one."""
    mask = c[5].astype(np.uint8)
    thin = cv2.erode(mask, np.ones((3, 3), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(thin, connectivity=8)
    pieces = [k for k in range(1, n) if stats[k][4] >= 3]
    if len(pieces) < 2:
        return [c]
    out: list[_Comp] = []
    for k in pieces:
        piece = cv2.dilate((labels == k).astype(np.uint8), np.ones((3, 3), np.uint8))
        grown = np.asarray(piece, np.uint8) & mask
        ys, xs = np.nonzero(grown)
        y0, y1, x0, x1 = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
        part = grown[y0:y1, x0:x1].astype(bool)
        out.append((c[0] + x0, c[1] + y0, c[0] + x1, c[1] + y1, int(part.sum()), part))
    return out


def _tone_shape(above: list[_Comp], hatted: bool, xh: float) -> np.ndarray:
    """The tone mark's own shape, apart from a hat or a breve where they stand apart (the hat the part lowest
    down): its ink in a square of ``TONE_PATCH`` cells, its slant (the correlation of its pixels' columns
    with their rows: an acute's is negative, a grave's positive, a hook's and a tilde's near none), the log
    of its width over its height, its size, and its place over the hat."""
    out = np.zeros(TONE_PATCH * TONE_PATCH + 7, np.float32)
    marks = list(above)
    hat = None
    if hatted and len(marks) >= 2:
        hat = max(marks, key=lambda c: (c[3], c[2] - c[0]))
        marks = [c for c in marks if c is not hat]
    elif hatted:
        out[-7] = 1.0  # (one part: the mark run into the hat, a bold print's "ể": the two shapes as one)
    if not marks:
        return out
    x0, y0 = min(c[0] for c in marks), min(c[1] for c in marks)
    x1, y1 = max(c[2] for c in marks), max(c[3] for c in marks)
    m = np.zeros((y1 - y0, x1 - x0), np.float32)
    for c in marks:
        sub = m[c[1] - y0 : c[3] - y0, c[0] - x0 : c[2] - x0]
        np.maximum(sub, c[5].astype(np.float32), out=sub)
    side = max(y1 - y0, x1 - x0)
    sq = np.zeros((side, side), np.float32)
    oy, ox = (side - (y1 - y0)) // 2, (side - (x1 - x0)) // 2
    sq[oy : oy + y1 - y0, ox : ox + x1 - x0] = m
    out[: TONE_PATCH * TONE_PATCH] = cv2.resize(
        sq, (TONE_PATCH, TONE_PATCH), interpolation=cv2.INTER_AREA
    ).ravel()
    ys, xs = np.nonzero(m)
    if ys.size > 2 and xs.std() > 0 and ys.std() > 0:
        out[-6] = float(np.corrcoef(xs, ys)[0, 1])
    out[-5] = float(np.log((x1 - x0) / max(1, y1 - y0)))
    out[-4] = (x1 - x0) / xh
    out[-3] = (y1 - y0) / xh
    if hat is not None:
        out[-2] = ((x0 + x1) / 2 - (hat[0] + hat[2]) / 2) / xh
        out[-1] = (hat[1] - y1) / xh
    return out


def _vector(
    above: list[_Comp], below: list[_Comp], top: int, bottom: int, cx: float, xh: float, hatted: bool = False
) -> np.ndarray:
    geo = np.zeros(7, np.float32)
    if above:
        x0, y0 = min(c[0] for c in above), min(c[1] for c in above)
        x1, y1 = max(c[2] for c in above), max(c[3] for c in above)
        geo[0] = (x1 - x0) / xh
        geo[1] = (y1 - y0) / xh
        geo[2] = (top - y1) / xh
        geo[3] = ((x0 + x1) / 2 - cx) / xh
        geo[4] = min(3, len(above)) / 3
    if below:
        x0, y0 = min(c[0] for c in below), min(c[1] for c in below)
        x1, y1 = max(c[2] for c in below), max(c[3] for c in below)
        geo[5] = 1.0
        geo[6] = max(x1 - x0, y1 - y0) / xh
    # (the shape's cells and its place, weighed so that neither swamps the other; a dot below or none is
    # the one thing that tells the dot from the level tone, and weighs most)
    shape = _window(above, top, cx, xh).ravel() * 1.0
    own = _tone_shape(above, hatted, xh) * _TONE_WEIGHTS
    return np.concatenate([shape, own, geo * np.array([1.5, 1.5, 1.5, 1, 1, 6, 2], np.float32)])


TONE_PATCH = 8
_TONE_WEIGHTS = np.array([1.2] * (TONE_PATCH * TONE_PATCH) + [3.0, 3.0, 1.5, 1.5, 1.5, 1.5, 1.5], np.float32)


# --- the marks rendered at build time ---------------------------------------------------------------------

_ONSETS = ("H", "Ng")
_NUCLEI = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
_CODAS = ("", "n")
_STACK_BARE = {"â": "a", "ê": "e", "ô": "o", "ă": "a"}


def _canvas(word: str, font_name: str, size: int) -> np.ndarray | None:
    """``word`` set in a font at ``size`` px, black on white, at a fixed origin on a canvas room enough."""
    from PIL import Image, ImageDraw

    font = _font(font_name, size)
    if font is None:
        return None
    im = Image.new("L", (int(font.getlength(word)) + 2 * size, 3 * size), 255)
    ImageDraw.Draw(im).text((size, size), word, font=font, fill=0)
    return np.asarray(im)


def _cut(a: np.ndarray) -> np.ndarray | None:
    """A canvas cut to its ink's box with ``ROOM_ABOVE`` of its height of room above and ``ROOM_BELOW`` below
    (as a word's box from Tesseract is cut for ``features``)."""
    ys, xs = np.nonzero(a < 128)
    if ys.size == 0:
        return None
    h = ys.max() - ys.min() + 1
    above, below = round(ROOM_ABOVE * h), round(ROOM_BELOW * h)
    padded = np.pad(a, ((above, below), (0, 0)), constant_values=255)
    return padded[ys.min() : ys.max() + 1 + above + below, xs.min() : xs.max() + 1]


def render_word(word: str, font_name: str, size: int) -> np.ndarray | None:
    """``word`` set in a font at ``size`` px, black on white, grey, cut as a word's box is (``_cut``)."""
    a = _canvas(word, font_name, size)
    return None if a is None else _cut(a)


def _stacked(hatted: str, plain: str, tone: int, font_name: str, size: int) -> list[np.ndarray]:
    """``hatted`` (a word whose vowel has a hat or a breve) with the tone mark the font sets over the bare
    vowel of ``plain`` (the same word, its vowel bare) put over the hat at several places: on it, through
    it (Times New Roman's "ế" is an acute through the hat's right arm, an X), right of it. The fonts here
    stack the marks one way each; scans come in others."""
    base, bare, marked = (_canvas(w, font_name, size) for w in (hatted, plain, nfc_tone(plain, tone)))
    if base is None or bare is None or marked is None or not (base.shape == bare.shape == marked.shape):
        return []
    mark = (marked < 128) & ~(bare < 128)
    hat = (base < 128) & ~(bare < 128)
    if not mark.any() or not hat.any():
        return []
    my, mx = np.nonzero(mark)
    hy, hx = np.nonzero(hat)
    hat_h, hat_w = hy.max() - hy.min() + 1, hx.max() - hx.min() + 1
    out = []
    for sink in (-0.5, -0.1, 0.3, 0.8):  # the mark's foot this far down the hat (above it: less than 0)
        for across in (0.0, 0.3, 0.55):  # its centre this far right of the hat's, in the hat's widths
            dy = round(hy.min() + sink * hat_h - my.max())
            dx = round((hx.min() + hx.max()) / 2 + across * hat_w - (mx.min() + mx.max()) / 2)
            im = base.copy()
            ys, xs = my + dy, mx + dx
            ok = (ys >= 0) & (ys < im.shape[0]) & (xs >= 0) & (xs < im.shape[1])
            im[ys[ok], xs[ok]] = np.minimum(im[ys[ok], xs[ok]], marked[my[ok], mx[ok]])
            cut = _cut(im)
            if cut is not None:
                out.append(cut)
    return out


def nfc_tone(word: str, tone: int) -> str:
    return with_tone(word, str(tone)) or word


def _degraded(a: np.ndarray, rng: np.random.Generator, k: int) -> np.ndarray:
    """A rendered crop seen through a scan: brought down to a word height of 24–48 px (a name at 200–300 dpi)
    and back, blurred, noised, and for half of them thickened or thinned."""
    im = a.astype(np.float32)
    if k == 0:
        return a
    target = float(rng.uniform(22, 48))
    s = target / a.shape[0]
    small = cv2.resize(
        im, (max(2, round(a.shape[1] * s)), max(2, round(a.shape[0] * s))), interpolation=cv2.INTER_AREA
    )
    if rng.random() < 0.7:
        small = cv2.GaussianBlur(small, (0, 0), float(rng.uniform(0.3, 0.9)))
    small = small + np.asarray(rng.normal(0, rng.uniform(2, 18), small.shape), np.float32)
    if rng.random() < 0.5:
        level = float(rng.uniform(90, 190))
        small = np.where(small < level, 0.0, 255.0).astype(np.float32)
    return np.clip(small, 0, 255).astype(np.uint8)


def _cache_path() -> Path:
    """Where the rendered marks' features are kept between runs: named by this module's own text, so that a
    change of the features or of the renders makes them anew."""
    digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "digitize" / f"tonemark-{digest}.npz"


def _as_rendered(group: str, vector: np.ndarray, tone: int) -> bool:
    """The marks found are those rendered: ink above where a mark stands above the vowel (or its hat, its
    breve, an "i"'s dot), a dot below where the dot was set, none where none was. A render whose mark the
    degrading merged into its letter, or lost, teaches nothing of the mark's shape."""
    has_above, has_below = vector[-3] > 0, vector[-2] > 0
    if has_below != (tone == 5):
        return False
    if 1 <= tone <= 4 or group != "plain":
        return bool(has_above)
    return not has_above


@lru_cache(maxsize=1)
def _training() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The feature vectors of rendered syllables, every nucleus with every tone, by the vowel's group (made
    once, some seconds, and kept in the user's cache; made again where it cannot be read)."""
    path = _cache_path()
    try:
        with np.load(path) as z:
            return {g: (z[f"{g}_x"], z[f"{g}_y"]) for g in ("plain", "breve", "hat", "i")}
    except (OSError, KeyError, ValueError):
        pass
    table = _rendered()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.npz")
        arrays: dict[str, np.ndarray] = {f"{g}_x": x for g, (x, _) in table.items()}
        arrays.update({f"{g}_y": y for g, (_, y) in table.items()})
        np.savez_compressed(tmp, **arrays)  # type: ignore[arg-type]
        os.replace(tmp, path)
    except OSError:
        pass
    return table


def _rendered() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(51)
    rows: dict[str, tuple[list[np.ndarray], list[int]]] = {}
    for font_name in _FONTS:
        if _font_path(font_name) is None:
            continue
        for nucleus in _NUCLEI:
            for tone in range(6):
                for onset in _ONSETS:
                    for coda in _CODAS:
                        for upper in (False, True):
                            if upper and onset != "H":
                                continue
                            v = nfc(nucleus + TONES[tone])
                            word = (v.upper() + coda) if upper else (onset + v + coda)
                            a = render_word(word, font_name, 40)
                            if a is None:
                                continue
                            ims = [_degraded(a, rng, k) for k in range(2)]
                            if 1 <= tone <= 4 and nucleus in _STACK_BARE and font_name in _FONTS[:3] and coda:
                                hatted = (nucleus.upper() + coda) if upper else (onset + nucleus + coda)
                                bare = _STACK_BARE[nucleus]
                                plain = (bare.upper() + coda) if upper else (onset + bare + coda)
                                ims += [
                                    _degraded(m, rng, 1) for m in _stacked(hatted, plain, tone, font_name, 40)
                                ]
                            for im in ims:
                                f = features(im, word)
                                if f is None or not _as_rendered(f[0], f[1], tone):
                                    continue
                                xs, ys = rows.setdefault(f[0], ([], []))
                                xs.append(f[1])
                                ys.append(tone)
    return {g: (np.stack(xs), np.array(ys)) for g, (xs, ys) in rows.items()}


def classify(group: str, vector: np.ndarray) -> ToneRead | None:
    table = _training().get(group)
    if table is None:
        return None
    xs, ys = table
    d = np.sqrt(((xs - vector) ** 2).sum(axis=1))
    near = np.argsort(d)[:NEIGHBOURS]
    weight = np.zeros(6)
    scale = float(d[near].mean()) + 1e-3
    for j in near:
        weight[ys[j]] += np.exp(-d[j] / scale)
    weight /= weight.sum()
    order = np.argsort(-weight)
    return ToneRead(str(int(order[0])), float(weight[order[0]]), float(weight[order[0]] - weight[order[1]]))


def read_tone(crop: np.ndarray, word: str) -> ToneRead | None:
    """The tone mark the pixels of ``crop`` (a grey word's box with room above and below) show over the
    tone-bearing vowel of ``word`` (as read: it places the letters), with its margin; None where unseen."""
    f = features(crop, word)
    if f is None:
        return None
    return classify(*f)


# a word's box grown or shrunk by these shares of its height, top and bottom, for ``steady_tone``'s looks
STEADY_GROWTH = (0.0, 0.1, -0.06)


def steady_tone(
    cut: Callable[[float, float, float, float], np.ndarray], box: tuple[float, float, float, float], word: str
) -> ToneRead | None:
    """The tone mark ``read_tone`` gives for the word's ``box`` (``cut(x0, y0, x1, y1)``: that region of the
    page, grey), cut with the room ``features`` wants and a little taller and shorter too
    (``STEADY_GROWTH``: where the crop's frame, and so the letters' measured height, moves the reading, the
    mark is no clear one): the one tone all the looks give, with the least of their shares and margins;
    None where they differ or one sees no mark."""
    x0, y0, x1, y1 = box
    h = max(1.0, y1 - y0)
    reads = []
    for g in STEADY_GROWTH:
        crop = cut(x0, y0 - (ROOM_ABOVE + g) * h, x1, y1 + (ROOM_BELOW + g) * h)
        got = read_tone(crop, word)
        if got is None:
            return None
        reads.append(got)
    if len({r.tone for r in reads}) != 1:
        return None
    return ToneRead(reads[0].tone, min(r.share for r in reads), min(r.margin for r in reads))
