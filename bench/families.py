"""Per-field exact accuracy of the whole pipeline (intake → preprocess → recognize → extract) on the varied
generator's two families, beside the fixed generator, with a breakdown per axis value.

- ``eval``: only measured on, never tuned on (its names, organs, places, companies and subjects come from
  pools the ``dev`` family and the fixed generator never draw from; its seeds are its own);
- ``dev``: the family to tune on (reported so the gap between the two shows over-fitting);
- ``fixed``: the previous generator (``samples.generate.write_set`` without a family), same number of
  documents, for comparison.

``python -m bench families`` (also run by ``python -m bench fields``). ``BENCH_FAMILIES_N`` documents per
family (default 7: one of each of the seven kinds), ``BENCH_FAMILIES_SEED`` (default 41),
``BENCH_FAMILIES_SETS`` (default ``eval,dev,fixed``). Documents run two at a time (the machine has 2 cores);
timings under a shared load are noisy.
"""

from __future__ import annotations

import os
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from digitize.pipeline.model import FIELD_NAMES

TARGET = 0.97


def norm(value: str | None) -> str | None:
    return None if value is None else " ".join(unicodedata.normalize("NFC", value).split()).casefold()


def _run(path: str) -> dict[str, str | None]:
    from digitize.errors import DigitizeError
    from digitize.pipeline.run import process_document

    try:
        result = process_document(Path(path), jobs=1)
    except (
        DigitizeError
    ) as exc:  # a page Tesseract gave up on (timeout on a loaded machine): every field missed
        return {"error": f"{type(exc).__name__}: {exc}"}
    values: dict[str, str | None] = result.extraction.values()
    return values


def _extract_all(paths: Sequence[Path]) -> list[dict[str, str | None]]:
    with ProcessPoolExecutor(2) as pool:
        return list(pool.map(_run, [str(p) for p in paths]))


def score(
    truths: Sequence[dict[str, Any]], got: Sequence[dict[str, str | None]]
) -> tuple[dict[str, list[int]], dict[tuple[str, str], list[int]], list[str]]:
    """Per field (hits, count); per (axis, value) (hits, count) over all fields; the misses in words."""
    per_field: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_axis: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for gt, values in zip(truths, got, strict=True):
        axes = dict(gt.get("axes") or {"variant": gt.get("variant", "?")})
        if "error" in values:
            misses.append(f"    {gt['file']}: not read: {values['error']}")
        for name in FIELD_NAMES:
            want, have = gt["fields"][name], values.get(name)
            hit = int(norm(want) == norm(have))
            per_field[name][0] += hit
            per_field[name][1] += 1
            for axis, value in axes.items():
                per_axis[(axis, value)][0] += hit
                per_axis[(axis, value)][1] += 1
            if not hit:
                misses.append(f"    {gt['file']}: {name}: expected {want!r}, got {have!r}")
    return per_field, per_axis, misses


def _ratio(v: list[int]) -> str:
    return f"{v[0] / v[1]:.3f}" if v[1] else "  -  "


def run_sets(n: int, seed: int, sets: Sequence[str]) -> dict[str, float]:
    from samples.generate import load_gt, write_set

    results: dict[str, tuple[dict[str, list[int]], dict[tuple[str, str], list[int]], list[str], int]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-families-") as tmp:
        for name in sets:
            t0 = time.perf_counter()
            out = Path(tmp) / name
            paths = write_set(out, n, seed, family=None if name == "fixed" else name)
            truths = []
            for p in paths:
                gt = load_gt(p)
                gt["file"] = p.name
                if name == "fixed":
                    gt["variant"] = p.stem.split("_", 1)[1].removeprefix(gt["kind"] + "_")
                truths.append(gt)
            got = _extract_all(paths)
            pf, pa, misses = score(truths, got)
            results[name] = (pf, pa, misses, len(paths))
            print(f"  {name}: {len(paths)} documents, {time.perf_counter() - t0:.0f} s", flush=True)
    totals: dict[str, float] = {}
    header = "  field          " + "".join(f"{s:>8s}" for s in sets)
    print(header)
    for field in FIELD_NAMES:
        print(f"  {field:14s} " + "".join(f"{_ratio(results[s][0][field]):>8s}" for s in sets))
    for s in sets:
        pf = results[s][0]
        ok, cnt = sum(v[0] for v in pf.values()), sum(v[1] for v in pf.values())
        totals[s] = ok / cnt if cnt else 0.0
    print("  ALL FIELDS     " + "".join(f"{totals[s]:8.3f}" for s in sets) + f"   target {TARGET}")
    for s in sets:
        if s == "fixed":
            continue
        print(f"  {s}: all fields by axis value")
        by_axis: dict[str, list[tuple[str, list[int]]]] = defaultdict(list)
        for (axis, value), v in sorted(results[s][1].items()):
            by_axis[axis].append((value, v))
        for axis, vals in by_axis.items():
            cells = ", ".join(f"{value} {_ratio(v)} ({v[1] // len(FIELD_NAMES)})" for value, v in vals)
            print(f"    {axis:12s} {cells}")
    if "fixed" in results:
        print("  fixed: all fields by variant: " + ", ".join(
            f"{value} {_ratio(v)}" for (_axis, value), v in sorted(results["fixed"][1].items())
        ))  # fmt: skip
    for s in sets:
        misses = results[s][2]
        if misses:
            print(f"  misses ({s}):")
            print("\n".join(misses))
    return totals


def main() -> None:
    n = int(os.environ.get("BENCH_FAMILIES_N", "7"))
    seed = int(os.environ.get("BENCH_FAMILIES_SEED", "41"))
    sets = [s for s in os.environ.get("BENCH_FAMILIES_SETS", "eval,dev,fixed").split(",") if s]
    print(
        f"families: per-field exact accuracy, {n} documents per set (seed {seed}); tune on dev, report eval"
    )
    run_sets(n, seed, sets)


if __name__ == "__main__":
    main()
