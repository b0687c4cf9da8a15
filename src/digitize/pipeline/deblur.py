"""Deblur: a shaken phone photo's motion streak, estimated blindly from the page, deconvolved away.

A hand that moves while the phone takes the picture smears every letter along one direction by a few pixels
(the streak), on top of the lens's round blur. An unsharp mask sharpens all directions alike and cannot undo
the streak: Tesseract then reads such pages badly (the generator's shaken photos, seeds 85/87: 0.65 of their
words). Deconvolving the page with the right streak reads 0.77 of them (a brute-force-best streak chosen per
page on 12 pages; a Gaussian alone, whatever its width, read 0.65: nothing gained, as the Richardson–Lucy
tried before).

The streak is estimated from the page's power spectrum: a streak of length L along direction u multiplies
it by sinc²(L f·u), a round blur only by a function of |f|. So the streak is the (angle, length) whose sinc²
divided out leaves the spectrum most alike in every direction (``estimate``: the mean absolute deviation of
the log spectrum from its ring means, over the band where text still shows above the JPEG noise). On the 56
shaken photos of seeds 85/87 it finds the angle within 3° (median; 9 of 10 within 9°), in 0.15 CPU s a page.
The text itself is not alike in every direction (its lines and stems), so a page blurred only round may
show a "streak" too: ``preprocess.sharpened`` keeps a deconvolved page only when Tesseract reads its inkiest
band surer than the unsharp mask's. A page out of focus with no streak that wins is tried with round blurs
too (``round_candidates``: a Gaussian Wiener filter as wide as its edges measure, and wider).

Pure numpy and OpenCV; ``preprocess.prepare`` uses it on pages it measured blurred.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

TILE = 256  # px: the spectrum is averaged over windows this size ...
MAX_TILES = 48  # ... at most this many, the inkiest (enough for a stable average, and cheap)
TILE_MIN_STD = 20.0  # grey levels: a window with less contrast holds no text
MIN_TILES = 4
# The band of frequencies (cycles per pixel) fitted: below BAND_LOW the page layout (line pitch, margins)
# dominates, above BAND_HIGH a shaken photo's spectrum is JPEG noise (its round blur has taken the text
# away). The sinc's zeros are filled by that noise: the model's sinc² is floored at SINC_FLOOR.
BAND_LOW = 0.03
BAND_HIGH = 0.25
SINC_FLOOR = 0.2
# Frequencies within this many bins of either axis are left out: a deskewed page's text lines and letter stems
# put their own energy there, whatever the blur
AXIS_BINS = 2
ANGLE_STEP = 3.0  # degrees: the angles are searched every 2 steps, then around the best every half step
MAX_LENGTH = 14  # px: longest streak looked for
MIN_LENGTH = 3.0  # px: a shorter streak is no streak (the page keeps the unsharp mask)
# The Wiener filter's noise-to-signal ratio (0.003 and 0.03 read no better on the 12 pages)
NOISE = 0.01
ROUND_SIGMA = 1.0
# A page blurred round only (out of focus, no streak): ``round_candidates`` tries a Gaussian as wide as its
# edges measure and this many times wider (the edges' measure runs short on print blurred round)
ROUND_WIDER = 1.3
# A page of more pixels than this is deconvolved in blocks (``deconvolve``): whole, a 70 MP page took 2.7 GB
WHOLE_MAX_PIXELS = 12_000_000
BLOCK = 2048  # px: the blocks' side ...
BLOCK_MARGIN = 96  # px: ... and the page around each block deconvolved with it (its cut edges ring inside it)


@dataclass(frozen=True)
class Streak:
    """A motion streak on an image: ``length`` px along ``angle`` degrees (counter-clockwise from the rows,
    as the image is shown, 0-180), on top of a round Gaussian blur of ``sigma`` px."""

    angle: float
    length: float
    sigma: float = ROUND_SIGMA

    def scaled(self, factor: float) -> Streak:
        """The same streak on the image scaled by ``factor``."""
        return Streak(self.angle, self.length * factor, self.sigma * factor)


def _spectrum(gray: np.ndarray) -> np.ndarray | None:
    """The ink's power spectrum averaged over the page's inkiest windows (Hann-weighted), centred; None when
    the page holds fewer than MIN_TILES windows of text."""
    # the windows are cut from the grey page and made float one by one (the whole page made float first took
    # 280 MB on a 70 MP page); their means taken out, the paper's spectrum is the ink's
    h, w = gray.shape
    tiles = [
        gray[y : y + TILE, x : x + TILE]
        for y in range(0, h - TILE + 1, TILE // 2)
        for x in range(0, w - TILE + 1, TILE // 2)
    ]
    spread = [float(t.std()) for t in tiles]
    keep = [t for s, t in sorted(zip(spread, tiles, strict=True), key=lambda p: -p[0]) if s >= TILE_MIN_STD]
    keep = [t.astype(np.float32) for t in keep[:MAX_TILES]]
    if len(keep) < MIN_TILES:
        return None
    win = np.outer(np.hanning(TILE), np.hanning(TILE)).astype(np.float32)
    # window by window: the 48 transformed at once took 144 MB
    power = np.zeros((TILE, TILE), np.float32)
    for t in keep:
        power += np.abs(np.fft.fft2((t - t.mean()) * win)) ** 2
    return np.asarray(np.fft.fftshift(power / len(keep)))


def estimate(gray: np.ndarray) -> Streak | None:
    """The page's motion streak (see the module doc), or None: no streak of MIN_LENGTH px or more, or too
    little text to tell."""
    power = _spectrum(gray)
    if power is None:
        return None
    c = TILE // 2
    yy, xx = np.mgrid[-c : TILE - c, -c : TILE - c]
    fr = np.hypot(xx, yy) / TILE
    # half the plane (the spectrum of a real image is symmetric), ordered by ring of frequency
    band = (fr >= BAND_LOW) & (fr <= BAND_HIGH) & (yy < -AXIS_BINS) & (np.abs(xx) > AXIS_BINS)
    ring = np.round(fr[band] * TILE / 2).astype(np.int64)
    order = np.argsort(ring, kind="stable")
    ring = ring[order]
    fx, fy = (xx[band] / TILE)[order], (yy[band] / TILE)[order]
    logp = np.log(power[band][order] + 1e-9 * float(power.max()))
    starts = np.flatnonzero(np.r_[True, ring[1:] != ring[:-1]])
    sizes = np.diff(np.r_[starts, ring.size])
    lengths = np.arange(1, MAX_LENGTH + 1, dtype=np.float64)[:, None]

    def anisotropy(residual: np.ndarray) -> np.ndarray:
        """Mean absolute deviation from the ring means, for each row of ``residual``."""
        means = np.add.reduceat(residual, starts, axis=-1) / sizes
        return np.asarray(np.abs(residual - np.repeat(means, sizes, axis=-1)).mean(axis=-1))

    def fit(angle: float) -> tuple[float, float]:
        t = np.radians(angle)
        along = fx * np.cos(t) - fy * np.sin(t)  # rows grow downwards: the angle as shown
        model = np.log(np.maximum(np.sinc(lengths * along) ** 2, SINC_FLOOR))
        scores = anisotropy(logp[None, :] - model)
        i = int(np.argmin(scores))
        return float(scores[i]), float(lengths[i, 0])

    none = float(anisotropy(logp[None, :])[0])
    coarse = {a: fit(a) for a in np.arange(0.0, 180.0, 2 * ANGLE_STEP)}
    centre = min(coarse, key=lambda a: coarse[a][0])
    fine = {
        a % 180.0: fit(a % 180.0)
        for a in np.arange(centre - 1.5 * ANGLE_STEP, centre + 1.6 * ANGLE_STEP, ANGLE_STEP / 2)
    }
    angle = min(fine, key=lambda a: fine[a][0])
    score, length = fine[angle]
    if score >= none or length < MIN_LENGTH:
        return None
    return Streak(float(angle), length)


def candidates(streak: Streak) -> tuple[Streak, ...]:
    """The streaks tried on a page (``preprocess`` keeps the one Tesseract reads surest, or the unsharp
    mask): the estimate as found and 1 and 2 px longer, with a round blur of 1-2 px. The estimate runs short
    (by 2 px, median, on 56 shaken pages) and the round blur it cannot see, so no one of them reads best
    everywhere: on the 75 shaken pages of the forced-blur sets 95/97 each was the surest on 5-19 of them.
    Two (the estimate at 1.5 px, one px longer at 1 px; until session 15) read 0.848 of their words, these
    five 0.860 (0.765 the mask alone, 0.874 the best of the five and the mask chosen by their truth); a
    sixth (one px longer at 2 px) added nothing."""
    a, n = streak.angle, streak.length
    return (
        Streak(a, n, 1.5),
        Streak(a, n + 1.0, 1.0),
        Streak(a, n + 1.0, 1.5),
        Streak(a, n + 2.0, 1.5),
        Streak(a, n, 2.0),
    )


def round_candidates(sigma: float) -> tuple[Streak, ...]:
    """The round blurs tried on a page beside its streaks (``preprocess.sharpened``, ``ROUND_DEBLUR``): no
    motion, a Gaussian of ``sigma`` px (the page's edges as measured, ``preprocess.edge_blur``) and one
    ``ROUND_WIDER`` times wider. Nothing for a page of no measured blur."""
    if not sigma > 0:
        return ()
    return Streak(0.0, 0.0, sigma), Streak(0.0, 0.0, ROUND_WIDER * sigma)


def kernel(streak: Streak, supersample: int = 8) -> np.ndarray:
    """The streak's point spread function: a line ``length`` px long, drawn supersampled, then the round
    Gaussian; sums to 1."""
    r = int(np.ceil(3 * streak.sigma + streak.length / 2 + 1))
    n = 2 * r + 1
    fine = np.zeros((n * supersample, n * supersample), np.float32)
    t = np.radians(streak.angle)
    steps = max(2, int(streak.length * supersample * 2))
    for s in np.linspace(-streak.length / 2, streak.length / 2, steps):
        x = int((r + 0.5 + s * np.cos(t)) * supersample)
        y = int((r + 0.5 - s * np.sin(t)) * supersample)
        fine[min(n * supersample - 1, y), min(n * supersample - 1, x)] += 1.0
    psf = cv2.resize(fine, (n, n), interpolation=cv2.INTER_AREA)
    if streak.sigma > 0:
        psf = cv2.GaussianBlur(psf, (n, n), streak.sigma)
    out: np.ndarray = psf / float(psf.sum())
    return out


def deconvolve(gray: np.ndarray, streak: Streak, noise: float = NOISE, block: int = BLOCK) -> np.ndarray:
    """The page with ``streak`` undone by a Wiener filter (noise-to-signal ``noise``), clamped to 0-255.
    The paper is white (the page was flattened): the ink is padded with paper, so the borders do not ring.

    In float32 (numpy's float64 made a 70 MP page take 2.7 GB and 38 s, review of 00f664a). A page of up to
    WHOLE_MAX_PIXELS is deconvolved whole; a larger one in blocks ``block`` px square, each cut with
    ``BLOCK_MARGIN`` px of the page around it, so that what its cut edges ring does not reach the block, and
    padded with paper to one transform size (one filter for all blocks)."""
    h, w = gray.shape
    psf = kernel(streak)
    if h * w <= WHOLE_MAX_PIXELS:
        return _wiener(gray, psf, noise, _shape(h, w, psf))
    out = np.empty((h, w), np.uint8)
    side = block + 2 * BLOCK_MARGIN
    shape = _shape(side, side, psf)
    wf = _filter(psf, noise, shape)
    for y in range(0, h, block):
        for x in range(0, w, block):
            y0, x0 = max(0, y - BLOCK_MARGIN), max(0, x - BLOCK_MARGIN)
            y1, x1 = min(h, y + block + BLOCK_MARGIN), min(w, x + block + BLOCK_MARGIN)
            part = _wiener(gray[y0:y1, x0:x1], psf, noise, shape, wf)
            out[y : y + block, x : x + block] = part[y - y0 : y - y0 + block, x - x0 : x - x0 + block]
    return out


def _shape(h: int, w: int, psf: np.ndarray) -> tuple[int, int]:
    """The transform size for an image ``h`` x ``w`` padded by the kernel (no wrapping round)."""
    return cv2.getOptimalDFTSize(h + psf.shape[0]), cv2.getOptimalDFTSize(w + psf.shape[1])


def _filter(psf: np.ndarray, noise: float, shape: tuple[int, int]) -> np.ndarray:
    """The Wiener filter of ``psf`` for transforms of ``shape`` (half-plane, complex64)."""
    ph, pw = psf.shape
    kp = np.zeros(shape, np.float32)
    kp[:ph, :pw] = psf
    kp = np.roll(kp, (-(ph // 2), -(pw // 2)), axis=(0, 1))
    hf = np.fft.rfft2(kp)
    return np.asarray(np.conj(hf) / (np.abs(hf) ** 2 + np.float32(noise)), np.complex64)


def _wiener(
    gray: np.ndarray, psf: np.ndarray, noise: float, shape: tuple[int, int], wf: np.ndarray | None = None
) -> np.ndarray:
    """``gray`` deconvolved by ``psf`` (``deconvolve``) in transforms of ``shape``, in float32; ``wf``: the
    filter already made for them."""
    h, w = gray.shape
    padded = np.zeros(shape, np.float32)
    np.subtract(255.0, gray, out=padded[:h, :w], dtype=np.float32)
    f = np.fft.rfft2(padded)
    del padded
    f *= _filter(psf, noise, shape) if wf is None else wf
    restored = np.fft.irfft2(f, s=shape)[:h, :w]
    del f
    np.subtract(255.0, restored, out=restored)
    return np.clip(restored, 0, 255, out=restored).astype(np.uint8)
