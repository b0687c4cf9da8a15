"""Tesseract 5, behind one small module.

Probes presence, version and installed languages (``ToolMissing`` when absent), and runs recognition as a
child process reading the page (BMP) on stdin, with ``OMP_THREAD_LIMIT=1`` in that child's own environment
(Tesseract's OpenMP threads make a page several times slower on a small machine; we run one process per core
instead) and a per-call timeout. Nothing here changes this process's environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image

from digitize.errors import ToolFailed, ToolMissing


@dataclass(frozen=True)
class TesseractInfo:
    path: str
    version: str
    languages: frozenset[str]


@dataclass(frozen=True)
class Token:
    """One row of Tesseract's TSV output at word level."""

    text: str
    conf: float
    left: int
    top: int
    width: int
    height: int
    block: int
    par: int
    line: int
    word: int


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


@lru_cache(maxsize=1)
def probe() -> TesseractInfo:
    """Where Tesseract is, which version and which languages it has."""
    path = shutil.which("tesseract")
    if path is None:
        raise ToolMissing(
            "Không tìm thấy chương trình Tesseract OCR (cài tesseract-ocr tesseract-ocr-vie).",
            "Tesseract OCR is not installed (install tesseract-ocr tesseract-ocr-vie).",
        )
    try:
        out = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=30, env=_env(), check=False
        )
        langs = subprocess.run(
            [path, "--list-langs"], capture_output=True, text=True, timeout=30, env=_env(), check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ToolMissing(f"Không chạy được Tesseract: {exc}", f"Cannot run Tesseract: {exc}") from exc
    first = (out.stdout or out.stderr).strip().splitlines()
    version = first[0].split()[-1] if first else "unknown"
    names = frozenset(
        line.strip() for line in langs.stdout.splitlines()[1:] if line.strip() and " " not in line.strip()
    )
    return TesseractInfo(path=path, version=version, languages=names)


def require(languages: str) -> TesseractInfo:
    """The probe, raising ``ToolMissing`` unless every language of ``vie+eng`` is installed."""
    info = probe()
    major = info.version.lstrip("v").split(".")[0]
    if major.isdigit() and int(major) < 4:
        raise ToolMissing(
            f"Cần Tesseract 4 trở lên (đang có {info.version}).",
            f"Tesseract 4 or later is needed (found {info.version}).",
        )
    missing = [lang for lang in languages.split("+") if lang and lang not in info.languages]
    if missing:
        raise ToolMissing(
            f"Tesseract thiếu dữ liệu ngôn ngữ: {', '.join(missing)} (cài tesseract-ocr-vie).",
            f"Tesseract lacks language data: {', '.join(missing)} (install tesseract-ocr-vie).",
        )
    return info


def _to_pil(image: np.ndarray | Image.Image) -> Image.Image:
    pil = image if isinstance(image, Image.Image) else Image.fromarray(image)
    # BMP: no compression work on either side of the pipe; Tesseract (Leptonica) reads it directly.
    pil.format = "BMP"
    return pil


def _run(args: list[str], image: np.ndarray | Image.Image, *, timeout: float) -> str:
    """Run Tesseract on ``image`` (piped as BMP) with ``args``; its stdout as text."""
    import io

    buf = io.BytesIO()
    _to_pil(image).save(buf, format="BMP")
    try:
        proc = subprocess.run(
            [probe().path, "stdin", "stdout", *args],
            input=buf.getvalue(),
            capture_output=True,
            timeout=timeout,
            env=_env(),
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ToolFailed(
            f"Tesseract quá thời gian ({timeout:.0f} giây) cho một trang.",
            f"Tesseract timed out ({timeout:.0f} s) on a page.",
        ) from exc
    except OSError as exc:
        raise ToolMissing(f"Không chạy được Tesseract: {exc}", f"Cannot run Tesseract: {exc}") from exc
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()[-500:]
        raise ToolFailed(f"Tesseract lỗi: {err}", f"Tesseract failed: {err}")
    return proc.stdout.decode("utf-8", "replace")


def image_to_data(
    image: np.ndarray | Image.Image,
    *,
    lang: str,
    psm: int = 3,
    dpi: int = 300,
    timeout: float = 180.0,
    extra: str = "",
) -> list[Token]:
    """Word-level boxes, texts and confidences (Tesseract TSV), empty words dropped."""
    require(lang)
    args = ["-l", lang, "--psm", str(psm), "--dpi", str(dpi), "-c", "tessedit_do_invert=0", *extra.split()]
    # the TSV as text, parsed here (word rows only)
    return parse_tsv(_run([*args, "tsv"], image, timeout=timeout))


def parse_tsv(tsv: str) -> list[Token]:
    """Word rows (level 5) of Tesseract's TSV: level page block par line word left top width height conf
    text; empty words dropped."""
    tokens: list[Token] = []
    for row in tsv.split("\n"):
        if not row.startswith("5\t"):
            continue
        cells = row.split("\t", 11)
        if len(cells) < 12:
            continue
        word = cells[11].strip()
        if not word:
            continue
        tokens.append(
            Token(
                text=word,
                conf=float(cells[10]),
                left=int(cells[6]),
                top=int(cells[7]),
                width=int(cells[8]),
                height=int(cells[9]),
                block=int(cells[2]),
                par=int(cells[3]),
                line=int(cells[4]),
                word=int(cells[5]),
            )
        )
    return tokens


def osd(image: np.ndarray | Image.Image, *, timeout: float = 30.0) -> tuple[int, float]:
    """Tesseract's orientation detection: (degrees to rotate clockwise to make upright, confidence)."""
    info = probe()
    if "osd" not in info.languages:
        return 0, 0.0
    try:
        out = _run(["--psm", "0", "-c", "min_characters_to_try=10"], image, timeout=timeout)
    except ToolFailed:
        return 0, 0.0
    rotate, conf = 0, 0.0
    for line in out.splitlines():
        key, _, value = line.partition(":")
        try:
            if key.strip() == "Rotate":
                rotate = int(value.strip())
            elif key.strip() == "Orientation confidence":
                conf = float(value.strip())
        except ValueError:
            return 0, 0.0
    return rotate, conf
