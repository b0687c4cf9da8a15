"""Preprocess (OpenCV): from a page's pixels to an upright colour master and an image Tesseract reads well.

Top to bottom: a grey "ink" image in which red seal ink turns pale (so a seal over the signer's name does not
wipe the name out) → orientation (0/90/180/270) → deskew (±10°) → dark scanner borders whitened → uneven
background flattened → noise reduced → low-resolution photos upscaled to an effective ~300 dpi.

The colour master is only rotated/deskewed (the output PDF shows the page as it was, upright); the OCR image
has the master's geometry times ``scale``, so word boxes map back by dividing by ``scale``.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

ANALYSIS_WIDTH = 1000  # px: orientation and skew are measured on a downscaled page
TARGET_TEXT_HEIGHT = 17.0  # px: median letter height (connected components) that Tesseract reads well
MAX_UPSCALE = 4.0
OSD_BELOW = 0.75  # confidence of the own 0/180 decision under which Tesseract's OSD is asked


@dataclass(frozen=True, eq=False)
class Prepared:
    master: np.ndarray  # RGB, upright and deskewed: what the output PDF shows
    ocr: np.ndarray  # grey uint8 for Tesseract: master geometry x scale
    scale: float  # ocr pixels per master pixel
    rotation: int  # degrees (clockwise) applied to make the page upright: 0/90/180/270
    skew: float  # degrees of deskew applied
    dpi: float  # effective resolution of the OCR image


# --- grey "ink" image ---------------------------------------------------------------------------------


def ink_gray(rgb: np.ndarray) -> np.ndarray:
    """Luminance, except that red (seal) ink is replaced by its red channel, which is pale."""
    if rgb.ndim == 2:
        return rgb
    r = rgb[:, :, 0].astype(np.int16)
    g = rgb[:, :, 1].astype(np.int16)
    b = rgb[:, :, 2].astype(np.int16)
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    red = (r - np.maximum(g, b)) > 40
    if red.mean() > 0.0005:
        gray = np.where(red, rgb[:, :, 0], gray).astype(np.uint8)
    return gray


# --- orientation and skew -----------------------------------------------------------------------------


def _small_binary(gray: np.ndarray, width: int = ANALYSIS_WIDTH) -> np.ndarray:
    h, w = gray.shape[:2]
    f = width / float(max(h, w))
    small = (
        cv2.resize(gray, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)
        if f < 1
        else gray
    )
    small = _flatten(small)
    _, binary = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return binary


def _profile_score(binary: np.ndarray, angle: float) -> float:
    """Sharpness of the row profile when the ink is rotated by ``angle`` degrees (text lines → peaks)."""
    if angle:
        h, w = binary.shape
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        binary = cv2.warpAffine(binary, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    rows = binary.sum(axis=1, dtype=np.float64)
    diff = np.diff(rows)
    return float((diff * diff).sum())


def find_skew(binary: np.ndarray, limit: float = 10.0) -> tuple[float, float]:
    """(angle to rotate by, score): coarse-to-fine search of the row-profile sharpness."""
    best_a, best_s = 0.0, _profile_score(binary, 0.0)
    for step, span in ((1.0, limit), (0.2, 1.0), (0.05, 0.2)):
        centre = best_a
        for a in np.arange(centre - span, centre + span + 1e-9, step):
            if abs(a) > limit or abs(a - centre) < 1e-9:
                continue
            s = _profile_score(binary, float(a))
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


def upside_down_score(binary: np.ndarray) -> tuple[float, int]:
    """> 0 when the (horizontal) text looks upside down.

    Latin and above all Vietnamese letters carry far more ink above the x-height band (ascenders, capitals,
    diacritics: ắ ề ổ ...) than below the baseline (descenders g p q y). For each text line the core band is
    where the row profile is densest; we compare the ink above it with the ink below it.
    Returns (score, number of text lines seen).
    """
    rows = binary.sum(axis=1, dtype=np.float64) / 255.0
    if rows.max() <= 0:
        return 0.0, 0
    on = rows > 0.05 * rows.max()
    above = below = 0.0
    lines = 0
    y = 0
    n = len(rows)
    while y < n:
        if not on[y]:
            y += 1
            continue
        start = y
        while y < n and on[y]:
            y += 1
        seg = rows[start:y]
        if len(seg) < 4:
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


def _letters_only(binary: np.ndarray) -> np.ndarray:
    """Keep letter-sized ink (and diacritics); drop seals, signatures, rules, pictures."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    if n < 30:
        return binary
    hs = stats[1:, cv2.CC_STAT_HEIGHT]
    ws = stats[1:, cv2.CC_STAT_WIDTH]
    med = float(np.median(hs[hs >= 3])) if (hs >= 3).any() else 0.0
    if med <= 0:
        return binary
    keep = np.zeros(n, dtype=bool)
    keep[1:] = (hs <= 2.2 * med) & (ws <= 4.0 * med)
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def orientation(gray: np.ndarray) -> tuple[int, float, float]:
    """(clockwise rotation making the page upright, residual skew in degrees, confidence 0..1)."""
    h, w = gray.shape[:2]
    f = ANALYSIS_WIDTH / float(max(h, w))
    if f < 1:
        gray = cv2.resize(gray, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)
    binary = _letters_only(_small_binary(whiten_borders(gray)))
    a0, s0 = find_skew(binary, limit=10.0)
    turned = _rot90(binary, 90)
    a90, s90 = find_skew(turned, limit=10.0)
    if s90 > s0 * 1.15:
        base, angle, upright = 90, a90, turned
    else:
        base, angle, upright = 0, a0, binary
    if angle:
        h, w = upright.shape
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        upright = cv2.warpAffine(upright, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    ud, lines = upside_down_score(upright)
    if ud > 0:
        base = (base + 180) % 360
    return base, angle, min(1.0, abs(ud) * 4) * min(1.0, lines / 15.0)


def rotate(img: np.ndarray, degrees: float, border: int | tuple[int, int, int]) -> np.ndarray:
    """Rotate by ``degrees`` (counter-clockwise positive, as OpenCV) keeping the whole page."""
    if abs(degrees) < 1e-3:
        return img
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = round(h * sin + w * cos), round(h * cos + w * sin)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(
        img, m, (nw, nh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )


# --- cleaning -----------------------------------------------------------------------------------------


def _flatten(gray: np.ndarray) -> np.ndarray:
    """Divide by a smooth estimate of the paper (uneven lighting, shadows, yellowed paper → white)."""
    h, w = gray.shape
    f = 200.0 / max(h, w)
    small = cv2.resize(gray, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    k = 7
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    bg = cv2.medianBlur(bg, 5)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    out = gray.astype(np.float32) * 255.0 / np.maximum(bg, 1.0)
    return np.clip(out, 0, 255).astype(np.uint8)


def whiten_borders(gray: np.ndarray) -> np.ndarray:
    """Dark regions touching the image edge (scanner lid, table, rotation corners) become white paper."""
    h, w = gray.shape
    dark = (gray < 90).astype(np.uint8)
    if dark.mean() < 0.002:
        return gray
    n, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    out = gray
    for i in range(1, n):
        x, y, bw, bh, area = stats[i]
        touches = x == 0 or y == 0 or x + bw >= w or y + bh >= h
        if not touches:
            continue
        big = area > 0.002 * h * w or bw > 0.25 * w or bh > 0.25 * h
        if big:
            if out is gray:
                out = gray.copy()
            out[labels == i] = 255
    return out


def text_height(gray: np.ndarray) -> float:
    """Median height of letter-sized connected components (px)."""
    _, binary = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    if n < 20:
        return 0.0
    hs = stats[1:, cv2.CC_STAT_HEIGHT]
    ws = stats[1:, cv2.CC_STAT_WIDTH]
    keep = (hs >= 4) & (hs < gray.shape[0] / 20) & (ws < 4 * hs) & (ws >= 2)
    if keep.sum() < 20:
        return 0.0
    return float(np.median(hs[keep]))


def denoise(gray: np.ndarray) -> np.ndarray:
    """Light median filter when the page shows salt-and-pepper noise."""
    med = cv2.medianBlur(gray, 3)
    noise = float(np.mean(cv2.absdiff(gray, med)))
    return med if noise > 6.0 else gray


# --- the stage ----------------------------------------------------------------------------------------


def prepare(rgb: np.ndarray, *, dpi: float = 300.0, osd_check: bool = True) -> Prepared:
    gray = ink_gray(rgb)
    turn, skew, confidence = orientation(gray)
    master = _rot90(rgb, turn)
    gray = _rot90(gray, turn)
    if abs(skew) >= 0.1:
        master = rotate(master, skew, (255, 255, 255))
        gray = rotate(gray, skew, 255)
    else:
        skew = 0.0
    gray = whiten_borders(gray)
    gray = _flatten(gray)
    th = text_height(gray)
    scale = 1.0
    if th > 0 and th < TARGET_TEXT_HEIGHT * 0.7:
        scale = min(MAX_UPSCALE, TARGET_TEXT_HEIGHT / th)
    elif th == 0 and dpi < 200:
        scale = min(MAX_UPSCALE, 300.0 / max(dpi, 1.0))
    if scale > 1.05:
        h, w = gray.shape
        gray = cv2.resize(gray, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_CUBIC)
    else:
        scale = 1.0
    gray = denoise(gray)
    if osd_check and confidence < OSD_BELOW:
        # The ink-profile cue was not decisive: ask Tesseract's orientation detector, on the clean page.
        from digitize.tools import tesseract

        rot, osd_conf = tesseract.osd(gray)
        if rot == 180 and osd_conf >= 1.0:
            turn = (turn + 180) % 360
            master = _rot90(master, 180)
            gray = _rot90(gray, 180)
    return Prepared(
        master=np.ascontiguousarray(master),
        ocr=np.ascontiguousarray(gray),
        scale=scale,
        rotation=turn,
        skew=skew,
        dpi=dpi * scale,
    )
