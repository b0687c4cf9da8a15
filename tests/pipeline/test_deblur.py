"""Deblur on generated pages: the motion streak of a shaken photo found blindly and deconvolved (real OpenCV
and Tesseract)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from digitize.pipeline import deblur, preprocess
from tests.pipeline.pages import decree_page


def _shaken(img: Image.Image, sigma: float, shake: int, angle: float) -> np.ndarray:
    """A shaken phone photo: out of focus (Gaussian ``sigma``), moved by ``shake`` px along ``angle``°
    (counter-clockwise as shown), JPEG-compressed."""
    arr = np.asarray(img.convert("RGB")).astype(np.float32)
    if sigma > 0:
        arr = cv2.GaussianBlur(arr, (0, 0), sigma)
    if shake > 1:
        kernel = np.zeros((shake, shake), np.float32)
        kernel[shake // 2, :] = 1.0
        kernel = cv2.warpAffine(
            kernel, cv2.getRotationMatrix2D((shake / 2, shake / 2), angle, 1.0), (shake, shake)
        )
        arr = cv2.filter2D(arr, -1, kernel / float(kernel.sum()))
    out = np.clip(arr, 0, 255).astype(np.uint8)
    ok, jpeg = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, 85])
    assert ok
    return np.asarray(cv2.imdecode(jpeg, cv2.IMREAD_UNCHANGED))


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return decree_page(300)


def _angle_apart(a: float, b: float) -> float:
    d = abs(a - b) % 180.0
    return min(d, 180.0 - d)


@pytest.mark.parametrize("angle", [20.0, 75.0, 140.0])
def test_the_streak_of_a_shaken_page_is_found(page: Image.Image, angle: float) -> None:
    gray = preprocess.ink_gray(_shaken(page, 1.6, 9, angle))
    streak = deblur.estimate(gray)
    assert streak is not None
    assert _angle_apart(streak.angle, angle) <= 10.0
    assert 5.0 <= streak.length <= 12.0


@pytest.mark.parametrize("angle", [20.0, 75.0, 140.0])
def test_the_streaks_tried_reach_the_true_length_and_round_blur(page: Image.Image, angle: float) -> None:
    """The estimate runs short (a 9-px streak under a 2-px round blur is found 7 px long) and cannot see the
    round blur: the candidates read on the page reach the streak's true length and a round blur as wide as
    the true one (until session 15 two candidates, 7 and 8 px, at 1.5 and 1 px)."""
    streak = deblur.estimate(preprocess.ink_gray(_shaken(page, 2.0, 9, angle)))
    assert streak is not None
    tried = deblur.candidates(streak)
    assert all(_angle_apart(c.angle, angle) <= 10.0 for c in tried)
    assert any(abs(c.length - 9.0) <= 0.5 for c in tried), tried
    assert any(c.sigma >= 2.0 for c in tried), tried


def test_an_out_of_focus_page_keeps_the_unsharp_mask(
    page: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blurred alike in every direction (a real out-of-focus photo): the text's own lines and stems may look
    like a streak to the estimate, but no streak reads surer than the mask, which the page keeps."""
    shaken = _shaken(page, 2.0, 1, 0.0)
    got = preprocess.prepare(shaken, dpi=300, osd_check=False)
    assert got.blurred and got.streak is None
    monkeypatch.setattr(deblur, "estimate", lambda gray: None)  # the mask alone
    assert np.array_equal(got.ocr, preprocess.prepare(shaken, dpi=300, osd_check=False).ocr)


def test_the_kernel_is_a_line_along_the_streak() -> None:
    psf = deblur.kernel(deblur.Streak(angle=90.0, length=9.0, sigma=0.5))
    assert abs(float(psf.sum()) - 1.0) < 1e-5
    c = psf.shape[0] // 2
    # spread down the column, not along the row
    assert psf[c - 3, c] > 5 * psf[c, c - 3]


def test_the_deconvolved_shaken_page_reads_better_than_the_unsharpened_one(
    page: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digitize.pipeline import recognize
    from tests.pipeline.pages import ground_truth, word_accuracy

    shaken = _shaken(page, 2.0, 9, 50.0)
    fixed = preprocess.prepare(shaken, dpi=300, osd_check=False)
    assert fixed.blurred and fixed.streak is not None
    monkeypatch.setattr(deblur, "estimate", lambda gray: None)  # the same page with the unsharp mask
    plain = preprocess.prepare(shaken, dpi=300, osd_check=False)
    assert plain.blurred and plain.streak is None
    truth = ground_truth()
    better = word_accuracy(recognize.recognize(fixed).text, truth)
    worse = word_accuracy(recognize.recognize(plain).text, truth)
    assert better > worse + 0.05, (better, worse)


def test_a_page_deconvolved_in_blocks_is_the_page_deconvolved_whole(
    page: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large page is deconvolved in blocks (bounded memory): each block with enough of the page around it
    that the seams do not show."""
    gray = preprocess.ink_gray(_shaken(page, 2.0, 9, 50.0))
    streak = deblur.Streak(50.0, 10.0, 1.5)
    whole = deblur.deconvolve(gray, streak)
    monkeypatch.setattr(deblur, "WHOLE_MAX_PIXELS", 0)
    blocks = deblur.deconvolve(gray, streak, block=700)
    assert blocks.shape == whole.shape and blocks.dtype == np.uint8
    assert int(np.abs(blocks.astype(np.int16) - whole).max()) <= 2


def test_a_huge_shaken_page_is_deblurred_in_bounded_memory(page: Image.Image) -> None:
    """Review of 00f664a: a 70 MP page deconvolved whole in float64 took 2.7 GB. A 6000 x 4000 page (24 MP)
    now: its streak estimated on windows made float and transformed one by one, deconvolved in float32 blocks.
    Traced peak of numpy's allocations, over the page's own 24 MB: 16 MB (estimate) and 190 MB (deconvolve),
    0.25 GB and 0.94 GB before."""
    import tracemalloc

    small = preprocess.ink_gray(_shaken(page, 1.6, 9, 75.0))
    big = np.ascontiguousarray(np.tile(small, (3, 3))[:6000, :4000])
    tracemalloc.start()
    try:
        streak = deblur.estimate(big)
        assert streak is not None
        out = deblur.deconvolve(big, deblur.candidates(streak)[0])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert out.shape == big.shape
    assert peak < 250 * 2**20, peak / 2**20


def _band_readings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The shapes of the images ``sharpened`` has Tesseract read (the real reading, recorded)."""
    shapes: list[tuple[int, int]] = []
    read = preprocess.reading_confidence

    def recorded(img: np.ndarray, dpi: float) -> float:
        shapes.append((int(img.shape[0]), int(img.shape[1])))
        return read(img, dpi)

    monkeypatch.setattr(preprocess, "reading_confidence", recorded)
    return shapes


def test_a_page_the_mask_reads_far_surer_reads_only_the_first_two_streaks(
    page: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review of bfff5f7: an out-of-focus page (no shake) shows the text's stems as a long near-vertical
    'streak'; its first two candidates read far under the mask, so the three others (longer, rounder) are
    not read: the band is read 3 times (the mask, 2 streaks), not 6. No streak won: the two round blurs are
    read too (``preprocess.ROUND_DEBLUR``), 5 readings."""
    gray = preprocess.ink_gray(_shaken(page, 2.0, 1, 0.0))
    assert deblur.estimate(gray) is not None
    monkeypatch.setattr(preprocess, "ROUND_DEBLUR", True)  # (off by default: measured on in bench)
    shapes = _band_readings(monkeypatch)
    undone: list[deblur.Streak] = []
    deconvolve = deblur.deconvolve
    monkeypatch.setattr(deblur, "deconvolve", lambda g, s, *a: undone.append(s) or deconvolve(g, s, *a))
    _, kept = preprocess.sharpened(gray, 300.0)
    assert kept is None
    assert len(shapes) == 3 + 2, shapes
    assert [s.length > 0 for s in undone] == [True, True, False, False]  # 2 streaks, 2 round blurs
    monkeypatch.setattr(preprocess, "ROUND_DEBLUR", False)
    shapes.clear()
    assert preprocess.sharpened(gray, 300.0)[1] is None
    assert len(shapes) == 3, shapes


def test_a_shaken_page_keeps_a_streak_of_its_true_length(
    page: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The choice, not only the candidates: a 9-px shake under a 2-px round blur (found 7 px long) is
    deconvolved with a streak within 1 px of 9 px along the shake, after reading all five candidates."""
    gray = preprocess.ink_gray(_shaken(page, 2.0, 9, 140.0))
    shapes = _band_readings(monkeypatch)
    _, kept = preprocess.sharpened(gray, 300.0)
    assert kept is not None
    assert _angle_apart(kept.angle, 140.0) <= 10.0
    assert abs(kept.length - 9.0) <= 1.0, kept
    assert len(shapes) == 1 + len(deblur.candidates(kept)), shapes


def test_a_large_page_reads_a_band_of_bounded_area(
    page: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review of bfff5f7: the band read for each candidate was a sixth of the page, full width (a 24 MP page:
    4 MP a reading, +5 CPU s for five candidates). A page four times as wide (its band 2.6 MP) reads its
    band's inkiest columns, at most 2 MP, and still keeps the streak along the shake."""
    gray = preprocess.ink_gray(_shaken(page, 1.8, 8, 30.0))
    wide = np.ascontiguousarray(np.tile(gray, (1, 4)))
    assert (wide.shape[0] // 6) * wide.shape[1] > 2_000_000
    shapes = _band_readings(monkeypatch)
    _, kept = preprocess.sharpened(wide, 300.0)
    assert shapes and all(h * w <= 2_000_000 for h, w in shapes), shapes
    assert kept is not None and _angle_apart(kept.angle, 30.0) <= 10.0, kept


def test_round_candidates_are_gaussians_as_wide_as_measured_and_wider() -> None:
    """A page blurred round only is tried with a Gaussian of its edges' width and ROUND_WIDER times wider
    (no motion: length 0); none for a page of no measured blur. Their kernels are round Gaussians."""
    assert deblur.round_candidates(2.0) == (
        deblur.Streak(0.0, 0.0, 2.0),
        deblur.Streak(0.0, 0.0, deblur.ROUND_WIDER * 2.0),
    )
    assert deblur.round_candidates(0.0) == ()
    psf = deblur.kernel(deblur.Streak(0.0, 0.0, 2.0))
    assert psf.sum() == pytest.approx(1.0, abs=1e-5)
    assert np.allclose(psf, psf.T, atol=1e-6) and np.allclose(psf, psf[::-1, ::-1], atol=1e-6)
    c = psf.shape[0] // 2
    assert psf[c, c] == psf.max()
