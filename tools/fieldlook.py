"""Look at one family set's documents while tuning the extractor (never at ``eval``'s or ``hold``'s).

PYTHONPATH=src:. .venv/bin/python tools/fieldlook.py gen SEED MODE [OUT]
    the documents a ``tools/measure.sh`` spec reads, written to OUT/<mode><seed>_<family>/ (default
    var/sets): MODE b (alt,dev scans), u (blurred photos), w (wide names), c (corp), x (corp + wide
    names), s (corp + wide names + a stamp on every page), k (alt,dev + wide names, bitonal,
    handwritten, parent header); each with its ground truth beside it
PYTHONPATH=src:. .venv/bin/python tools/fieldlook.py show FILE...
    each field with its confidence, marked XX where it differs from the ground truth beside the file
PYTHONPATH=src:. .venv/bin/python tools/fieldlook.py words FILE [PAGE [Y0 Y1]]
    the OCR words of a page (0-based): line, block, box, confidence, and Tesseract's reading where the
    language model changed it; optionally only words whose top lies between Y0 and Y1
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MODES: dict[str, dict[str, str]] = {
    "b": {},
    "u": {"BENCH_FAMILIES_PHOTO": "blur"},
    "w": {"BENCH_FAMILIES_NAMES": "wide"},
    "c": {},
    "x": {"BENCH_FAMILIES_NAMES": "wide"},
    "s": {"BENCH_FAMILIES_NAMES": "wide", "BENCH_FAMILIES_AXES": "stamp=yes"},
    "k": {
        "BENCH_FAMILIES_NAMES": "wide",
        "BENCH_FAMILIES_AXES": "colour=bitonal,handwritten=yes,header=parent",
    },
}


def gen(seed: int, mode: str, out: Path) -> None:
    os.environ.update(MODES[mode])
    from bench.families import _write

    for family in ["corp"] if mode in "cxs" else ["alt", "dev"]:
        folder = out / f"{mode}{seed}_{family}"
        if folder.exists():
            print(folder, "exists (kept)")
            continue
        print(folder, len(_write((family, 14, seed, str(folder)))))


def show(files: list[str]) -> None:
    from digitize.pipeline.run import process_document
    from samples.generate import load_gt

    for name in files:
        path = Path(name)
        result = process_document(path, jobs=1)
        try:
            truth = load_gt(path)["fields"]
        except (OSError, KeyError, ValueError):
            truth = {}
        print("==", path.name)
        for field, got in result.extraction.fields.items():
            want = truth.get(field, "?")
            same = want == "?" or (want or None) == (got.value or None)
            tail = "" if same else f"   want {want!r}"
            print(f" {'  ' if same else 'XX'} {field:14s} {got.confidence:.2f} {got.value!r}{tail}")


def words(name: str, index: int, y0: float, y1: float) -> None:
    from digitize.pipeline.run import process_document

    page = process_document(Path(name), jobs=1).pages[index]
    print(f"page {index} {page.source} {page.width}x{page.height} dpi {page.dpi}")
    for w in page.words:
        b = w.box
        if y0 <= b.y0 <= y1:
            read = f" read={w.read!r}" if w.read else ""
            box = f"({b.x0:.0f},{b.y0:.0f},{b.x1:.0f},{b.y1:.0f})"
            print(f"  L{w.line:3d} b{w.block:2d} {box} {w.conf:5.1f} {w.text!r}{read}")


def main(argv: list[str]) -> None:
    if len(argv) >= 3 and argv[0] == "gen" and argv[2] in MODES:
        gen(int(argv[1]), argv[2], Path(argv[3]) if len(argv) > 3 else Path("var/sets"))
    elif len(argv) >= 2 and argv[0] == "show":
        show(argv[1:])
    elif len(argv) >= 2 and argv[0] == "words":
        page = int(argv[2]) if len(argv) > 2 else 0
        y0, y1 = (float(argv[3]), float(argv[4])) if len(argv) > 4 else (0.0, 1e9)
        words(argv[1], page, y0, y1)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
