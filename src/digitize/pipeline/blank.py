"""Blank pages of a stack scan: ink coverage after border, hole-punch, bleed-through and noise removal.

A duplex scanner gives every sheet a back; most backs are empty but not white: the scanner's dark edges, a
punched hole or two, the text of the front showing through (faint, mirrored), dust and sensor noise. What is
left once those are removed decides: a page with (almost) no real ink is blank. Blank pages are marked and
left out of the derived document; the stored original keeps them.

Pure: RGB pixels in, a frozen :class:`BlankEvidence` out (no OCR, ~20 ms a 300 dpi page).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

WORK_DPI = 100.0  # analysis resolution: letters are still ~10 px tall, specks of dust vanish in the average
INK_RATIO = 0.62  # a pixel is ink when darker than this share of its local paper (bleed-through is ~0.8-0.9)
EDGE_MARGIN = 0.03  # share of each side ignored (scanner edges, guide shadows)
MIN_COMPONENT_MM2 = (
    0.6  # smaller ink blobs are noise (a full stop at 13 pt is ~0.25 mm², but stands by letters)
)
BLANK_COVERAGE = 0.0006  # share of the page covered by real ink below which the page is blank
BLANK_COMPONENTS = 6  # ... and fewer letter-sized blobs than this


@dataclass(frozen=True)
class BlankEvidence:
    coverage: float  # share of the (inner) page covered by ink that survived the cleaning
    components: int  # letter-sized ink blobs left
    removed_holes: int  # round filled blobs taken for punched holes
    blank: bool


def _grey(rgb: np.ndarray) -> np.ndarray:
    if rgb.ndim == 2:
        return rgb
    # the darkest channel: red seals and blue signatures count as ink as much as black text
    return np.asarray(rgb.min(axis=2), dtype=np.uint8)


def downscale(rgb: np.ndarray, dpi: float) -> tuple[np.ndarray, float]:
    """A copy at about WORK_DPI (area averaging) and its resolution; the page itself when already small."""
    f = WORK_DPI / max(dpi, 1.0)
    if f >= 1.0:
        return rgb, dpi
    h, w = rgb.shape[:2]
    small = cv2.resize(rgb, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)
    return small, dpi * f


def detect(rgb: np.ndarray, dpi: float = 300.0) -> BlankEvidence:
    """Decide whether one page (RGB or grey, any orientation) carries no content."""
    grey = _grey(rgb)
    f = min(1.0, WORK_DPI / max(dpi, 1.0))
    h0, w0 = grey.shape
    if f < 1.0:
        grey = cv2.resize(grey, (max(1, round(w0 * f)), max(1, round(h0 * f))), interpolation=cv2.INTER_AREA)
    px_per_mm = dpi * f / 25.4
    h, w = grey.shape
    # local paper level: a wide closing (takes the text away) then a blur; the page's own shading divides out
    k = max(3, int(px_per_mm * 8) | 1)
    paper = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    paper = cv2.blur(paper, (k, k))
    paper = np.maximum(paper, 1).astype(np.float32)
    ratio = grey.astype(np.float32) / paper
    ink = (ratio < INK_RATIO).astype(np.uint8)
    # paper level itself dark (scanner lid, a black border region): not paper, not ink
    ink[paper < 90] = 0
    # borders: whatever touches the image edge is the scanner's, and a thin frame is ignored outright
    mh, mw = max(1, round(h * EDGE_MARGIN)), max(1, round(w * EDGE_MARGIN))
    ink[:mh, :] = 0
    ink[-mh:, :] = 0
    ink[:, :mw] = 0
    ink[:, -mw:] = 0
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    min_area = MIN_COMPONENT_MM2 * px_per_mm * px_per_mm
    kept_area = 0
    kept = 0
    holes = 0
    for i in range(1, n):
        x, y, bw, bh, area = (int(v) for v in stats[i])
        if area < min_area:
            continue
        cut = x <= mw or y <= mh or x + bw >= w - mw or y + bh >= h - mh
        if cut and area > 0.5 * bw * bh and (bw < 3 * px_per_mm or bh < 3 * px_per_mm):
            continue  # cut by the frame: an edge shadow reaching in
        d_mm = max(bw, bh) / px_per_mm
        fill = area / float(bw * bh)
        near_edge = min(x, y, w - (x + bw), h - (y + bh)) < 25 * px_per_mm
        if near_edge and 3.5 <= d_mm <= 10 and 0.7 <= bw / max(bh, 1) <= 1.4 and fill > 0.6:
            holes += 1  # a punched hole: round, filled, 4-8 mm, near an edge
            continue
        kept += 1
        kept_area += area
    inner = max(1, (h - 2 * mh) * (w - 2 * mw))
    coverage = kept_area / inner
    return BlankEvidence(
        coverage=coverage,
        components=kept,
        removed_holes=holes,
        blank=coverage < BLANK_COVERAGE and kept < BLANK_COMPONENTS,
    )
