"""Signature block: a second, targeted OCR pass where the first one lost the signer.

A round seal stamped over "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" and the signer's name makes Tesseract's page
layout analysis take the whole block for a picture (on grey and bitonal scans the seal is as dark as the
text, so the colour separation of ``preprocess`` cannot help): the block's words are missing or garbled.
When a page has the "Nơi nhận" list but no signer title with a person's name beside it, the region right
of the list is read again on its own as one block of text (``--psm 6``) at the scan's own resolution, then,
if that finds no signer either, once more after the seal's big strokes (connected ink far larger than a
letter: its ring, the emblem) are erased; the words found there replace the first pass's words in that
region.
A pure function of the prepared page and its first reading; pages without a signature block are untouched
(no second Tesseract run).
"""

from __future__ import annotations

import re
from dataclasses import replace

import cv2
import numpy as np

from digitize.errors import ToolFailed
from digitize.pipeline.fields.lines import page_lines
from digitize.pipeline.fields.signer import read_signer
from digitize.pipeline.fields.vocab import F_SURNAMES
from digitize.pipeline.model import Box, RecognizedPage, Word
from digitize.pipeline.preprocess import Prepared
from digitize.text import fold, nfc
from digitize.tools import tesseract

_NOI_NHAN = re.compile(r"^\W*noi\s*nh[a-z]n\b")


def _needs_pass(page: RecognizedPage) -> tuple[float, float] | None:
    """(top, line height) of the "Nơi nhận" line when the signer is not readable from the first pass."""
    lines = page_lines(page)
    nn = next((ln for ln in lines if _NOI_NHAN.match(ln.folded)), None)
    if nn is None:
        return None
    found = read_signer(lines)
    if found.value("signer_name") and found.value("signer_title"):
        return None
    return nn.y0, max(1.0, nn.y1 - nn.y0)


def erase_seal(grey: np.ndarray, letter: float) -> np.ndarray:
    """The image with connected ink much bigger than a letter (a seal's ring and emblem) made paper."""
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    big = [
        i
        for i in range(1, n)
        if stats[i, cv2.CC_STAT_HEIGHT] > 3.5 * letter and stats[i, cv2.CC_STAT_WIDTH] > 3.5 * letter
    ]
    if not big:
        return grey
    out = grey.copy()
    out[np.isin(labels, big)] = 255
    return out


def _read(
    image: np.ndarray, x0: float, y0: float, base: int, *, lang: str, dpi: int, timeout: float
) -> list[Word]:
    tokens = tesseract.image_to_data(image, lang=lang, psm=6, dpi=dpi, timeout=timeout)
    new: list[Word] = []
    keys: dict[tuple[int, int, int], int] = {}
    for t in tokens:
        text = nfc(t.text).strip()
        if t.conf < 0 or not any(ch.isalnum() for ch in text):
            continue
        line = keys.setdefault((t.block, t.par, t.line), base + len(keys))
        box = Box(x0 + t.left, y0 + t.top, x0 + t.left + t.width, y0 + t.top + t.height)
        new.append(Word(text=text, conf=t.conf, box=box, block=t.block + 1000, line=line))
    return new


def _signer_found(page: RecognizedPage, words: list[Word], title: str | None = None) -> bool:
    """The new words give a name led by a family name (and, when the first reading had a title, the same
    title: a reading that loses "PHÓ" under the seal is not better)."""
    probe = replace(page, words=tuple(words), text="")
    found = read_signer(page_lines(probe))
    name = found.value("signer_name")
    if title is not None and found.value("signer_title") != title:
        return False
    return bool(name) and fold(str(name).split()[0]) in F_SURNAMES


def second_pass(
    prepared: Prepared, page: RecognizedPage, *, lang: str, timeout: float = 60.0
) -> RecognizedPage:
    """The page with its signature block read again when the first pass lost it."""
    if page.source != "ocr" or not page.words:
        return page
    found = _needs_pass(page)
    if found is None:
        return page
    top, line_h = found
    w, h = page.width, page.height
    x0, y0 = 0.45 * w, max(0.0, top - 3 * line_h)
    x1, y1 = w, min(h, top + 0.30 * h)
    if x1 - x0 < 8 or y1 - y0 < 8:
        return page
    # the region at the scan's own resolution (the OCR image may have been scaled down for speed)
    master = prepared.master
    grey = cv2.cvtColor(master, cv2.COLOR_RGB2GRAY) if master.ndim == 3 else master
    m = prepared.matrix.copy()
    m[0, 2] -= x0
    m[1, 2] -= y0
    crop = cv2.warpAffine(grey, m, (int(x1 - x0), int(y1 - y0)), flags=cv2.INTER_LINEAR, borderValue=255)
    heights = sorted(wd.box.y1 - wd.box.y0 for wd in page.words)
    letter = 0.7 * heights[len(heights) // 2]
    dpi = round(prepared.dpi / prepared.scale)
    base = max(wd.line for wd in page.words) + 1
    best: list[Word] = []
    first_title = read_signer(page_lines(page)).value("signer_title")
    for image in (crop, erase_seal(crop, letter)):
        try:
            new = _read(image, x0, y0, base, lang=lang, dpi=dpi, timeout=timeout)
        except ToolFailed:  # a second reading that fails (a timeout on a loaded machine) keeps the first
            break
        if _signer_found(page, new, first_title):
            best = new
            break
    if not best:
        return page  # the second reading found no signer either: keep the first

    def inside(wd: Word) -> bool:
        cx, cy = (wd.box.x0 + wd.box.x1) / 2, (wd.box.y0 + wd.box.y1) / 2
        return x0 <= cx <= x1 and y0 + 2 * line_h <= cy <= y1

    kept = [wd for wd in page.words if not inside(wd)]
    words = tuple(kept + best)
    lines: dict[int, list[str]] = {}
    for wd in words:
        lines.setdefault(wd.line, []).append(wd.text)
    text = "\n".join(" ".join(ws) for _, ws in sorted(lines.items()))
    return replace(page, words=words, text=text)
