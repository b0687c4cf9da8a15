"""Separator sheets between the documents of a stack: a QR code that says so, or a Kodak PATCH-T.

- QR (read with zxing-cpp, ``tools/barcodes.py``): its text, upper-cased, without spaces or dashes, is one of
  :data:`SEPARATOR_TEXTS` (``PATCHT``, ``SEPARATOR``, ``DIGITIZESEPARATOR`` …). Other QR codes (the
  verification QR of an e-copy, Circular 01/2023) are not separators.
- PATCH-T: four parallel bars narrow-wide-narrow-wide (narrow 2.03 mm, wide 5.08 mm, spaces 2.03 mm, at least
  19 mm long). zxing-cpp has no patch-code reader, so the bars are measured here: runs along scan lines across
  the bars, the same NWNW pattern at the same place on many consecutive lines, either orientation. A sheet fed
  turned round reads WNWN (which is also Patch 3, the batch separator): taken as a separator too.

The separator page itself belongs to no document. Pure: pixels in, a frozen :class:`SeparatorEvidence` out.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import cv2
import numpy as np

from digitize.tools import barcodes

SEPARATOR_TEXTS: frozenset[str] = frozenset({"PATCHT", "SEPARATOR", "DIGITIZESEPARATOR", "TACHHOSO"})

WORK_DPI = 100.0
NARROW_MM, WIDE_MM = 2.03, 5.08
TOLERANCE = 0.4  # share of the nominal width a measured bar or space may be off by
MIN_LENGTH_MM = 19.0


class SeparatorKind(StrEnum):
    QR = "qr"
    PATCH_T = "patch_t"


@dataclass(frozen=True)
class SeparatorEvidence:
    kind: SeparatorKind | None
    text: str | None = None  # the QR's text

    @property
    def found(self) -> bool:
        return self.kind is not None


def _norm(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def is_separator_text(text: str) -> bool:
    return _norm(text) in SEPARATOR_TEXTS


def _grey(rgb: np.ndarray) -> np.ndarray:
    return rgb if rgb.ndim == 2 else cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)


def _classes(widths: np.ndarray, px_per_mm: float) -> np.ndarray:
    """1 for a narrow bar/space, 2 for a wide one, 0 for anything else."""
    mm = widths / px_per_mm
    out = np.zeros(len(widths), dtype=np.int8)
    out[np.abs(mm - NARROW_MM) <= NARROW_MM * TOLERANCE] = 1
    out[np.abs(mm - WIDE_MM) <= WIDE_MM * TOLERANCE * 0.6] = 2
    return out


_NWNW = np.array([1, 2, 1, 2], dtype=np.int8)
_WNWN = np.array([2, 1, 2, 1], dtype=np.int8)  # the same bars read from the other side (a sheet turned over)


def _row_hit(row: np.ndarray, px_per_mm: float) -> int | None:
    """Where (x of the first bar) a row crosses NWNW bars with narrow spaces and quiet zones, or None."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], row, [0])).astype(np.int8)))
    starts, ends = edges[0::2], edges[1::2]
    n = len(starts)
    if n < 4:
        return None
    bars = _classes((ends - starts).astype(np.float64), px_per_mm)
    gaps = _classes((starts[1:] - ends[:-1]).astype(np.float64), px_per_mm)
    quiet = WIDE_MM * px_per_mm
    before = np.concatenate(([np.inf], (starts[1:] - ends[:-1]).astype(np.float64)))
    after = np.concatenate(((starts[1:] - ends[:-1]).astype(np.float64), [np.inf]))
    for i in np.flatnonzero(bars[: n - 3] > 0):
        if (
            (np.array_equal(bars[i : i + 4], _NWNW) or np.array_equal(bars[i : i + 4], _WNWN))
            and np.all(gaps[i : i + 3] == 1)
            and before[i] >= quiet
            and after[i + 3] >= quiet
        ):
            return int(starts[i])
    return None


def _patch_on_rows(binary: np.ndarray, px_per_mm: float) -> bool:
    """True when the same NWNW crossing spans MIN_LENGTH_MM of consecutive rows."""
    need = MIN_LENGTH_MM * px_per_mm
    run_rows = 0
    last_x: int | None = None
    for row in binary:
        hit = _row_hit(row, px_per_mm)
        if hit is not None and last_x is not None and abs(hit - last_x) <= 2 * px_per_mm:
            run_rows += 1
            if run_rows >= need:
                return True
        else:
            run_rows = 1 if hit is not None else 0
            last_x = hit
    return False


def find_patch_t(rgb: np.ndarray, dpi: float = 300.0) -> bool:
    """A PATCH-T anywhere on the page, bars vertical or horizontal."""
    grey = _grey(rgb)
    f = min(1.0, WORK_DPI / max(dpi, 1.0))
    if f < 1.0:
        h, w = grey.shape
        grey = cv2.resize(grey, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)
    px_per_mm = dpi * f / 25.4
    _, binary = cv2.threshold(grey, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if cv2.countNonZero(binary) == 0:
        return False
    return _patch_on_rows(binary, px_per_mm) or _patch_on_rows(np.ascontiguousarray(binary.T), px_per_mm)


def detect(rgb: np.ndarray, dpi: float = 300.0) -> SeparatorEvidence:
    """Is this page a separator sheet? QR first (its text says so), then the PATCH-T bars."""
    grey = _grey(rgb)
    for code in barcodes.read(grey):
        if "QR" in code.format.upper().replace(" ", "") and is_separator_text(code.text):
            return SeparatorEvidence(SeparatorKind.QR, code.text)
    if find_patch_t(grey, dpi):
        return SeparatorEvidence(SeparatorKind.PATCH_T)
    return SeparatorEvidence(None)
