"""Where a document's CPU goes: ``process_document`` on each file (warm, as ``bench ocr`` runs it), its CPU
split into Tesseract's readings (each with its image size, page segmentation and the pass that asked for it)
and the Python / OpenCV / numpy stages around them.

    PYTHONPATH=src:. .venv/bin/python tools/profile_pages.py FILE... [--calls]

CPU time (user + system of this process), not wall time: on a shared machine the CPU split is what holds.
Each stage's figure leaves out the Tesseract readings made inside it (they are counted under "tesseract").
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import sys
import tempfile
import traceback
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


# words of a reading put in order: inside the first pass and some second passes (counted there too)
NESTED = "(inside them: recognize.read_words)"


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime + c.ru_utime + c.ru_stime


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--calls", action="store_true", help="list every Tesseract reading")
    args = parser.parse_args(argv)

    from digitize.pipeline import compose, correct, intake, preprocess, recognize, run
    from digitize.tools import tesseract

    run.warm()
    stages: dict[str, float] = defaultdict(float)
    in_tess = [0.0]  # Tesseract CPU so far, taken off the stages that made the readings
    calls: list[tuple[str, str, int, str, float, str]] = []
    current = [""]

    def stage(owner: Any, name: str, label: str) -> None:
        inner: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(inner)
        def timed(*a: Any, **k: Any) -> Any:
            c0, t0 = _cpu(), in_tess[0]
            try:
                return inner(*a, **k)
            finally:
                stages[label] += _cpu() - c0 - (in_tess[0] - t0)

        setattr(owner, name, timed)

    reading = tesseract.image_to_data

    def read(image: Any, *a: Any, **k: Any) -> Any:
        c0 = _cpu()
        try:
            return reading(image, *a, **k)
        finally:
            spent = _cpu() - c0
            in_tess[0] += spent
            frames = [f for f in traceback.extract_stack(limit=12)[:-1] if "digitize" in f.filename]
            who = " < ".join(f"{Path(f.filename).stem}.{f.name}" for f in reversed(frames))
            first = len(frames) > 1 and frames[-1].name == "recognize" and frames[-2].name == "process_page"
            stages["tesseract: first pass" if first else "tesseract: second readings"] += spent
            shape = getattr(image, "shape", None) or getattr(image, "size", None)
            calls.append((current[0], str(shape), k.get("psm", 3), k.get("lang", ""), spent, who[:140]))

    tesseract.image_to_data = read  # type: ignore[assignment]
    stage(intake, "inspect", "intake: inspect")
    stage(intake, "load_page", "intake: load page")
    stage(preprocess, "prepare", "preprocess: prepare")
    stage(recognize, "read_words", NESTED)
    stage(run, "second_passes", "second passes (Python)")
    stage(correct, "correct", "corrector")
    stage(run, "extract_fields", "fields")
    stage(compose, "compose", "compose (PDF)")
    total = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.files:
            current[0] = path.stem
            c0 = _cpu()
            run.process_document(path, Path(tmp) / "out.pdf", jobs=1)
            spent = _cpu() - c0
            total += spent
            mine = sum(c[4] for c in calls if c[0] == path.stem)
            print(f"{path.name:40s} CPU {spent:6.2f} s  Tesseract {mine:6.2f} s")
    print(f"{'all':40s} CPU {total:6.2f} s")
    for label, spent in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {label:34s} {spent:6.2f} s  {spent / max(total, 1e-9):6.1%}")
    print(f"  {'other (process_page, glue)':34s} {total - sum(stages.values()) + stages[NESTED]:6.2f} s")
    if args.calls:
        for name, shape, psm, lang, spent, who in calls:
            print(f"{name:20s} {shape:14s} psm {psm} {lang:4s} {spent:6.3f} s  {who}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
