"""Stacks, hot folder and output size (issue 15): ``python -m bench split``.

1. Split accuracy on generated stacks of the EVALUATION family (``samples.stacks``, never used in tuning):
   documents exactly right (same pages, same blank pages) out of all documents, stacks exactly right, and how
   many stacks the rules sent to review.
2. Pages per minute through the hot folder: ``digitize serve`` watching a folder (embedded pool, one process
   per core), single-page scans dropped at once; from the first drop to the last document done.
3. MB per page of our PDF/A beside OCRmyPDF ``-O1`` and ``-O2`` (``--output-type pdfa-2``, same pages) and
   the input files: colour 300 dpi PNG scans, a grey 300 dpi TIFF, a 200 dpi JPEG.

Environment: ``BENCH_SPLIT_STACKS`` (default 4 stacks of 4 documents), ``BENCH_SPLIT_DROP`` (default 12
files),
``BENCH_SPLIT_SIZE_PAGES`` (default 6), ``BENCH_SPLIT_SKIP`` (comma list of parts to skip: split,watch,size).
Figures on a shared 2-core machine are noisy: compare the columns of one run, not runs.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DIGITIZE = Path(sys.executable).with_name("digitize")
OCRMYPDF = Path(sys.executable).with_name("ocrmypdf")


def _skip(part: str) -> bool:
    return part in {p.strip() for p in os.environ.get("BENCH_SPLIT_SKIP", "").split(",")}


# --- 1. split accuracy -----------------------------------------------------------------------------------


def split_accuracy(workdir: Path, n_stacks: int) -> dict[str, Any]:
    from digitize.pipeline import intake, split
    from samples import stacks

    docs_right = docs_total = stacks_right = reviewed = pages = 0
    seconds = 0.0
    for i in range(n_stacks):
        path = stacks.write_stack(
            stacks.make_stack(i, family="eval", n_docs=4), workdir / f"eval_{i:02d}.pdf"
        )
        truth = json.loads((path.parent / f"{path.stem}.gt.json").read_text(encoding="utf-8"))
        info = intake.inspect(path)
        t0 = time.monotonic()
        with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            plan = split.plan(list(pool.map(split.page_evidence, info.pages)))
        seconds += time.monotonic() - t0
        pages += len(info.pages)
        got = {(tuple(d.pages), tuple(d.blank_pages)) for d in plan.documents}
        want = [(tuple(d["pages"]), tuple(d["blank_pages"])) for d in truth["documents"]]
        right = sum(1 for w in want if w in got)
        docs_right += right
        docs_total += len(want)
        exact = right == len(want) and len(plan.documents) == len(want)
        stacks_right += exact
        reviewed += plan.needs_review
        print(
            f"  stack eval/{i}: {len(info.pages)} pages, {len(want)} documents, "
            f"{right} exactly right{'' if exact else ' (WRONG)'}{', review' if plan.needs_review else ''}",
            flush=True,
        )
    return {
        "documents_exact": f"{docs_right}/{docs_total}",
        "stacks_exact": f"{stacks_right}/{n_stacks}",
        "sent_to_review": reviewed,
        "evidence_pages_per_min": round(60 * pages / seconds, 1) if seconds else None,
    }


# --- 2. hot folder ---------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def hot_folder(workdir: Path, n_files: int) -> dict[str, Any]:
    import httpx
    from sqlalchemy import create_engine, text

    from samples import generate as g

    home = workdir / "home"
    inbox = workdir / "inbox"
    for d in (home, inbox):
        d.mkdir(parents=True)
    sources = []
    for i in range(n_files):
        doc = g.make_document(g.KINDS[i % len(g.KINDS)], 7_500_000 + i, dpi=300)
        sources.append(
            g.write_document(
                doc, workdir / "src" / f"scan{i:03d}", "jpeg", {"noise": 3.0, "skew": 1.0}, seed=i
            )
        )
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIGITIZE_")}
    env.update(DIGITIZE_HOME=str(home), DIGITIZE_WATCH_DIR=str(inbox), DIGITIZE_WATCH_SETTLE_SECONDS="0.5")
    log = open(workdir / "serve.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [str(DIGITIZE), "serve", "--port", str(port)], env=env, stdout=log, stderr=log, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        time.sleep(3)  # the pool's warm-up
        engine = create_engine(f"sqlite:///{home / 'digitize.db'}")
        t0 = time.monotonic()
        for src in sources:
            shutil.copy(src, inbox / src.name)
        done = 0
        while time.monotonic() - t0 < 900:
            with engine.connect() as c:
                done = int(
                    c.execute(
                        text("select count(*) from documents where state in ('done','needs_review')")
                    ).scalar()
                    or 0
                )
            if done >= n_files:
                break
            time.sleep(0.25)
        wall = time.monotonic() - t0
        engine.dispose()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
        log.close()
    return {
        "files": n_files,
        "done": done,
        "wall_s": round(wall, 1),
        "pages_per_min": round(60 * done / wall, 1),
        "processed_folder": len(list((inbox / "processed").iterdir())),
    }


# --- 3. output size --------------------------------------------------------------------------------------


SIZE_CASES: tuple[tuple[str, str, dict[str, Any], int], ...] = (
    ("quyet_dinh", "png", {"noise": 3.0, "skew": 1.0}, 300),
    ("giay_chung_nhan", "png", {"lighting": 0.5, "noise": 3.0}, 300),
    ("giay_phep", "tiff", {"gray": True, "noise": 3.0, "skew": -1.0}, 300),
    ("cong_van", "jpeg", {"noise": 4.0, "jpeg_quality": 85}, 200),
    ("quyet_dinh", "png", {"noise": 2.0, "border": 40}, 300),
    ("giay_phep", "jpeg", {"noise": 3.0, "lighting": 0.4, "jpeg_quality": 90}, 300),
)


def output_size(workdir: Path, n_pages: int) -> dict[str, Any]:
    from digitize.pipeline.run import process_document
    from samples import generate as g

    totals = {"input": 0, "digitize": 0, "ocrmypdf_O1": 0, "ocrmypdf_O2": 0}
    pages = 0
    for i, (kind, fmt, deg, dpi) in enumerate(SIZE_CASES[:n_pages]):
        doc = g.make_document(kind, 7_600_000 + i, dpi=300)
        deg = {**deg, "dpi": dpi}
        src = g.write_document(doc, workdir / f"size_{i:02d}_{kind}", fmt, deg, seed=7_600_000 + i)
        n = len(doc.pages)
        pages += n
        ours = workdir / f"size_{i:02d}.ours.pdf"
        process_document(src, ours, jobs=1)
        row = {"input": src.stat().st_size, "digitize": ours.stat().st_size}
        for level in ("1", "2"):
            out = workdir / f"size_{i:02d}.O{level}.pdf"
            subprocess.run(
                [
                    str(OCRMYPDF),
                    "-q",
                    "-l",
                    "vie",
                    "-O",
                    level,
                    "--output-type",
                    "pdfa-2",
                    str(src),
                    str(out),
                ],
                check=True,
                capture_output=True,
            )
            row[f"ocrmypdf_O{level}"] = out.stat().st_size
        for k, v in row.items():
            totals[k] += v
        print(
            f"  {src.name}: " + ", ".join(f"{k} {v / n / 1e6:.3f}" for k, v in row.items()) + " MB/page",
            flush=True,
        )
    return {k: round(v / pages / 1e6, 3) for k, v in totals.items()} | {"pages": pages}


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-split-") as tmp:
        work = Path(tmp)
        if not _skip("split"):
            (work / "split").mkdir()
            res = split_accuracy(work / "split", int(os.environ.get("BENCH_SPLIT_STACKS", "4")))
            print(f"split accuracy (evaluation family): {res}", flush=True)
        if not _skip("watch"):
            res = hot_folder(work / "watch", int(os.environ.get("BENCH_SPLIT_DROP", "12")))
            print(f"hot folder: {res}", flush=True)
        if not _skip("size"):
            (work / "size").mkdir()
            res = output_size(work / "size", int(os.environ.get("BENCH_SPLIT_SIZE_PAGES", "6")))
            print(f"MB per page: {res}", flush=True)


if __name__ == "__main__":
    main()
