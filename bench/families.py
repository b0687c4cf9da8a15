"""Per-field exact accuracy of the whole pipeline (intake → preprocess → recognize → extract) on the varied
generator's families, beside the fixed generator, with a breakdown per axis value.

- ``eval``: only measured on, never tuned on (its names, organs, places, companies and subjects come from
  pools the ``dev`` family and the fixed generator never draw from; its seeds are its own);
- ``dev``: the family to tune on (reported so the gap between the two shows over-fitting);
- ``alt``: a second family to tune on (``BENCH_FAMILIES_SETS=alt,dev``), with pools of its own (none of
  eval's values, none of dev's but the provinces): a rule that holds only on dev's few organs, names and
  subjects misses here first;
- ``hold``: measure-only, never tuned on, pools disjoint from all three (``dev``'s, ``alt``'s and
  ``eval``'s; but the provinces, too few: ``alt``'s); a second held-out family of our own, so a gap between
  ``alt``/``dev`` and ``eval`` tells ``eval``'s content being harder (``hold`` scores as ``alt``) from the
  extractor having learned ``alt``'s and ``dev``'s pools (``hold`` scores as ``eval``);
  ``BENCH_FAMILIES_SETS=hold,alt``;
- ``corp``: TUNE ON (its misses may be looked into: ``BENCH_FAMILIES_SETS=corp BENCH_FAMILIES_MISSES=corp``);
  its content is not ours: signers, organs with their notation abbreviations, titles, licences, provinces
  and streets drawn from the public-domain Official Gazette corpus (``samples/data/corpus_pools.json``, built
  by ``tools/build_corpus_pools.py``), so tuning on it does not only learn our generator's pools;
- ``fixed``: the previous generator (``samples.generate.write_set`` without a family), same number of
  documents, for comparison.

``python -m bench families`` (also run by ``python -m bench fields``). ``BENCH_FAMILIES_N`` documents per
family (default 7: one of each of the seven kinds), ``BENCH_FAMILIES_SEED`` (default 41),
``BENCH_FAMILIES_SETS`` (default ``eval,dev,fixed``). The sets are generated side by side, then all their
documents go through one pool of two processes (the machine has 2 cores), the longest (most pages) first,
so no core idles between sets; the CPU seconds of the pipeline are printed beside the wall time (a shared
machine's load stretches the wall time, not the CPU time).

``eval``'s and ``hold``'s misses are not printed, only their number and how many documents were not read (a
page's Tesseract timeout on a loaded machine; such a document is run once more, alone, at the end): they are
measured, never looked into (only the sets named in ``BENCH_FAMILIES_MISSES``, default ``dev,alt,fixed``, show
their misses).

``BENCH_FAMILIES_NAMES=wide``: every person named from ``samples.heldout_names`` (names on none of the
extractor's lists; a tuning family of its own, seeds 601–605 tuned on).
``BENCH_FAMILIES_PHOTO=blur`` (or ``low_light``, ``perspective``, ``none``): every document of the varied
families captured so, its other axes as drawn (a set of 14 shaken phone photos, where a balanced set holds
three or four); the fixed generator's set is as always.
``BENCH_FAMILIES_SET=recognize.BLURRED_SECOND_SCALE=0`` sets a knob of ``digitize.pipeline`` in every
worker (a change measured on and off in one checkout).
``BENCH_FAMILIES_AXES=colour=bitonal,handwritten=yes,seal=over_name`` (any axes of ``samples.axes.Axes``):
those axes fixed in every document of the varied families, the others as drawn: a set of one failure kind.
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bench import apply_settings, settings
from digitize.pipeline.model import FIELD_NAMES

TARGET = 0.97


def norm(value: str | None) -> str | None:
    return None if value is None else " ".join(unicodedata.normalize("NFC", value).split()).casefold()


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (Tesseract runs as a child)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _run(path: str) -> tuple[dict[str, str | None], float]:
    """The fields of one document (with each field's confidence under ``CONF_PREFIX`` + its name, as text),
    and the CPU seconds its pipeline took."""
    from digitize.errors import DigitizeError
    from digitize.pipeline.run import process_document

    apply_settings("BENCH_FAMILIES_SET")
    c0 = _cpu()
    try:
        result = process_document(Path(path), jobs=1)
    except (
        DigitizeError
    ) as exc:  # a page Tesseract gave up on (timeout on a loaded machine): every field missed
        return {"error": f"{type(exc).__name__}: {exc}"}, _cpu() - c0
    values: dict[str, str | None] = result.extraction.values()
    for name, f in result.extraction.fields.items():
        values[CONF_PREFIX + name] = f"{f.confidence:.3f}"
    return values, _cpu() - c0


def _write(args: tuple[str, int, int, str]) -> list[Path]:
    from samples.axes import Photo, parse_fixed
    from samples.generate import write_set
    from samples.varied import write_family_set

    name, n, seed, out = args
    if name == "fixed":
        return write_set(Path(out), n, seed)
    photo = os.environ.get("BENCH_FAMILIES_PHOTO") or None
    fixed = parse_fixed(os.environ.get("BENCH_FAMILIES_AXES", ""))
    if os.environ.get("BENCH_FAMILIES_NAMES", "") == "wide":  # names on none of the extractor's lists
        from samples.heldout_names import wide_names

        with wide_names():
            return write_family_set(
                Path(out), n, seed, name, photo=None if photo is None else Photo(photo), fixed=fixed
            )
    return write_family_set(
        Path(out), n, seed, name, photo=None if photo is None else Photo(photo), fixed=fixed
    )


def _pages(path: Path) -> int:
    """A cost estimate to order the work by: the pages (frames) of the file."""
    if path.suffix == ".pdf":
        return path.read_bytes().count(b"/Type /Page") or 1
    from PIL import Image

    with Image.open(path) as im:
        return int(getattr(im, "n_frames", 1))


def _extract_all(
    paths: Sequence[Path], pool: ProcessPoolExecutor
) -> list[tuple[dict[str, str | None], float]]:
    """Every document through the pipeline in ``pool``, the longest first; results in ``paths``' order. A
    document not read (a page Tesseract gave up on after its timeout: the shared machine's load, not the
    extractor) is run once more, alone, once the others are done."""
    order = sorted(range(len(paths)), key=lambda i: -_pages(paths[i]))
    got = dict(zip(order, pool.map(_run, [str(paths[i]) for i in order]), strict=True))
    for i in [i for i in order if "error" in got[i][0]]:
        values, cpu = _run(str(paths[i]))
        got[i] = (values, got[i][1] + cpu)
    return [got[i] for i in range(len(paths))]


CONF_PREFIX = "conf:"
# a value taken without review (``digitize.pipeline.fields.review.REVIEW_THRESHOLD``): wrong so, the worst
SURE_CONF = 0.6


def score(
    truths: Sequence[dict[str, Any]], got: Sequence[dict[str, str | None]]
) -> tuple[dict[str, list[int]], dict[tuple[str, str], list[int]], list[str], int]:
    """Per field (hits, count); per (axis, value) (hits, count) over all fields; the misses in words, a miss
    taken without review marked "SURE-WRONG" with its confidence; the right values given in doubt (what a
    reviewer checks for nothing: the price of each doubt that keeps a SURE-WRONG away)."""
    per_field: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_axis: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    right_in_doubt = 0
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
            conf = float(values.get(CONF_PREFIX + name) or 0.0)
            right_in_doubt += int(bool(hit) and have is not None and conf < SURE_CONF)
            if not hit:
                sure = f"  SURE-WRONG {conf:.2f}" if have is not None and conf >= SURE_CONF else ""
                misses.append(f"    {gt['file']}: {name}: expected {want!r}, got {have!r}{sure}")
    return per_field, per_axis, misses, right_in_doubt


def _ratio(v: list[int]) -> str:
    return f"{v[0] / v[1]:.3f}" if v[1] else "  -  "


def run_sets(
    n: int, seed: int, sets: Sequence[str], show_misses: Sequence[str] = ("dev", "alt", "fixed")
) -> dict[str, float]:
    from samples.generate import load_gt

    # per set: per field, per axis value, misses, documents, right values in doubt
    Scored = tuple[dict[str, list[int]], dict[tuple[str, str], list[int]], list[str], int, int]
    results: dict[str, Scored] = {}
    with tempfile.TemporaryDirectory(prefix="bench-families-") as tmp, ProcessPoolExecutor(2) as pool:
        t0 = time.perf_counter()
        written = list(pool.map(_write, [(name, n, seed, str(Path(tmp) / name)) for name in sets]))
        t1 = time.perf_counter()
        every = [p for paths in written for p in paths]
        got_all = _extract_all(every, pool)
        t2 = time.perf_counter()
        cpu = sum(c for _, c in got_all)
        print(
            f"  {len(every)} documents ({', '.join(sets)}): generated in {t1 - t0:.0f} s,"
            f" read in {t2 - t1:.0f} s wall on 2 processes, {cpu:.0f} CPU s"
            f" ({cpu / max(1, len(every)):.1f} s a document)",
            flush=True,
        )
        k = 0
        for name, paths in zip(sets, written, strict=True):
            truths = []
            for p in paths:
                gt = load_gt(p)
                gt["file"] = p.name
                if name == "fixed":
                    gt["variant"] = p.stem.split("_", 1)[1].removeprefix(gt["kind"] + "_")
                truths.append(gt)
            got = [values for values, _ in got_all[k : k + len(paths)]]
            k += len(paths)
            pf, pa, misses, doubted = score(truths, got)
            results[name] = (pf, pa, misses, len(paths), doubted)
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
    # wrong values taken without review (the worst outcome: an agency reuses them)
    sure_wrong = {s: sum("SURE-WRONG" in m for m in results[s][2]) for s in sets}
    print("  SURE-WRONG     " + "".join(f"{sure_wrong[s]:8d}" for s in sets) + "   (fields, target 0)")
    # right values a reviewer is asked to check (the review load each doubt costs)
    print("  RIGHT IN DOUBT " + "".join(f"{results[s][4]:8d}" for s in sets) + "   (fields)")
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
        if s not in show_misses:
            unread = sum(1 for m in misses if ": not read: " in m)
            print(
                f"  misses ({s}): {len(misses) - unread} fields, not shown (measured, never looked into);"
                f" documents not read: {unread}"
            )
        elif misses:
            print(f"  misses ({s}):")
            print("\n".join(misses))
    return totals


def main() -> None:
    n = int(os.environ.get("BENCH_FAMILIES_N", "7"))
    seed = int(os.environ.get("BENCH_FAMILIES_SEED", "41"))
    sets = [s for s in os.environ.get("BENCH_FAMILIES_SETS", "eval,dev,fixed").split(",") if s]
    fixed = os.environ.get("BENCH_FAMILIES_AXES", "")
    from samples.axes import parse_fixed

    parse_fixed(fixed)  # a typo is told before the run, not from inside the pool's workers
    apply_settings("BENCH_FAMILIES_SET")  # so is a knob's (and it is shown)
    if settings("BENCH_FAMILIES_SET"):
        print("  settings: " + ", ".join(f"{k}={v}" for k, v in settings("BENCH_FAMILIES_SET")))
    print(
        f"families: per-field exact accuracy, {n} documents per set (seed {seed});"
        " tune on dev/alt, report eval/hold" + (f"; axes fixed: {fixed}" if fixed else "")
    )
    shown = [s for s in os.environ.get("BENCH_FAMILIES_MISSES", "dev,alt,fixed").split(",") if s]
    run_sets(n, seed, sets, shown)


if __name__ == "__main__":
    main()
