"""Store benchmarks.

1. A batch of one-page scans through the HTTP API (a real ``digitize serve`` with its worker pool: upload,
   store, queue, process, poll) against ``process_document`` on the same files in a pool of the same size:
   the store + queue overhead. ``BENCH_STORE_PAGES`` (default 50).
2. Search latency (the API's ``list_documents``: search + records) on ``BENCH_SEARCH_RECORDS`` (default
   100,000) generated records, SQLite and PostgreSQL: p50 and p95 over a mix of queries (target p95 < 100 ms).
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
POLL_SECONDS = float(os.environ.get("BENCH_STORE_POLL", "0.2"))  # how often the client asks for the batch
PLACES = ["Đà Nẵng", "Yên Bái", "Hà Nội", "Huế", "Cần Thơ", "Hải Phòng", "Nghệ An", "Quảng Nam", "Lâm Đồng"]
TYPES = ["Giấy phép", "Quyết định", "Giấy chứng nhận", "Công văn"]
_TEXT = (
    "về việc cấp giấy phép tiến hành công việc bức xạ cho công ty theo đề nghị của giám đốc sở khoa học "
    "và công nghệ căn cứ luật năng lượng nguyên tử nghị định quy định chi tiết thi hành điều kiện an toàn "
    "trách nhiệm thực hiện kể từ ngày ký hiệu lực thi hành chánh văn phòng ủy ban nhân dân tỉnh"
)
WORDS = _TEXT.split(" ")


def _person(rng: random.Random) -> str:
    from samples.generate import person_name

    return person_name(rng)


# --- 1. batch through the API vs process_document -----------------------------------------------------


def _page_scan(path: Path, i: int) -> Path:
    """A real one-page Decree 30 document (samples.generate) as a 300 dpi JPEG scan."""
    from samples.generate import KINDS, degrade, make_document

    doc = make_document(KINDS[i % len(KINDS)], 7000 + i)
    page = degrade(doc.pages[0], 7000 + i, skew=0.8, dpi=300, noise=4.0)
    path = path.with_suffix(".jpg")
    page.convert("RGB").save(path, quality=85, dpi=(300, 300))
    return path


def _scan(path: Path, i: int) -> Path:
    """A small 8-line page: OCR is quick, so per-document fixed costs weigh the most (the worst case)."""
    from PIL import Image, ImageDraw, ImageFont

    rng = random.Random(i)
    dpi = 200
    lines = [
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", True),
        (f"Số: {100 + i}/GP-SKHCN", False),
        (f"{rng.choice(PLACES)}, ngày 15 tháng 6 năm 2021", False),
        ("GIẤY PHÉP", True),
        ("Tiến hành công việc bức xạ", False),
        (f"Cấp cho: {_person(rng)}", False),
        (f"Mã số thuế: 01{rng.randrange(10**8):08d}", False),
        ("Giấy phép có hiệu lực đến ngày 15 tháng 6 năm 2031", False),
    ]
    img = Image.new("L", (int(5.8 * dpi), int(1.0 * dpi) + int(0.32 * dpi) * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    size = int(13 / 72 * dpi)
    reg = ImageFont.truetype(str(FONT_DIR / "LiberationSerif-Regular.ttf"), size)
    bold = ImageFont.truetype(str(FONT_DIR / "LiberationSerif-Bold.ttf"), size)
    y = int(0.5 * dpi)
    for text, b in lines:
        draw.text((int(0.5 * dpi), y), text, fill=0, font=bold if b else reg)
        y += int(0.32 * dpi)
    img.save(path, dpi=(dpi, dpi))
    return path


def _ocr_one(args: tuple[str, str]) -> float:
    from digitize.pipeline.run import process_document

    t0 = time.monotonic()
    process_document(Path(args[0]), Path(args[1]), jobs=1)
    return time.monotonic() - t0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a live process (and its reaped children), from /proc."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            parts = fh.read().rsplit(")", 1)[-1].split()
    except OSError:
        return 0.0
    tick = os.sysconf("SC_CLK_TCK")
    return sum(int(x) for x in parts[11:15]) / tick


def _children(pid: int) -> list[int]:
    """Child processes started by any thread of ``pid``."""
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as fh:
                found.extend(int(x) for x in fh.read().split())
        except OSError:
            continue
    return found


def _timeline(home: Path, t_upload_start: float, t_wall_start: datetime) -> dict[str, float]:
    """Per-document received → done from the database: when the pool started, its idle time, the tail."""
    import sqlite3

    con = sqlite3.connect(home / "digitize.db")
    rows = con.execute(
        "SELECT d.id, d.created_at, d.processed_at, d.claimed_by, "
        "(SELECT SUM(p.seconds) FROM pages p WHERE p.document_id = d.id) FROM documents d"
    ).fetchall()
    con.close()

    def ts(v: str) -> float:
        t = datetime.fromisoformat(v)
        t = t if t.tzinfo else t.replace(tzinfo=UTC)
        return (t - t_wall_start).total_seconds()

    created = sorted(ts(r[1]) for r in rows)
    done = sorted(ts(r[2]) for r in rows if r[2])
    busy = sum(float(r[4] or 0) for r in rows)
    starts = sorted(ts(r[2]) - float(r[4] or 0) for r in rows if r[2])
    return {
        "first_received_s": created[0],
        "last_received_s": created[-1],
        "first_start_s": starts[0] if starts else -1.0,
        "first_done_s": done[0] if done else -1.0,
        "last_done_s": done[-1] if done else -1.0,
        "second_last_done_s": done[-2] if len(done) > 1 else -1.0,
        "pipeline_busy_s": busy,
    }


def bench_batch(
    pages: int, workers: int, *, full_pages: bool = True, diagnose: bool = False
) -> dict[str, float]:
    import httpx

    work = Path(tempfile.mkdtemp(prefix="bench-store-"))
    diag: dict[str, float] = {}
    try:
        make = _page_scan if full_pages else _scan
        scans = [make(work / f"p{i:03d}.png", i) for i in range(pages)]
        out = work / "out"
        out.mkdir()
        import resource

        def run_direct() -> tuple[float, float, float]:
            """(wall, CPU of the pool's processes, sum of per-document pipeline times)."""
            ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.monotonic()
            with ProcessPoolExecutor(max_workers=workers) as pool:
                busy = list(pool.map(_ocr_one, [(str(p), str(out / f"{p.stem}.pdf")) for p in scans]))
            wall = time.monotonic() - t0
            ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            return wall, (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime), sum(busy)

        # The baseline runs before AND after the API run, and the two are averaged: a shared machine drifts
        # by a few percent over a minute, as much as the overhead being measured.
        before = run_direct()

        home = work / "home"
        env = {k: v for k, v in os.environ.items() if not k.startswith("DIGITIZE_")}
        env["DIGITIZE_HOME"] = str(home)
        exe = str(Path(sys.executable).with_name("digitize"))
        subprocess.run([exe, "db", "upgrade"], env=env, check=True, capture_output=True)
        key = (
            subprocess.run(
                [exe, "keys", "create", "--role", "archivist", "--name", "bench"],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        port = _free_port()
        proc = subprocess.Popen(
            [exe, "serve", "--port", str(port), "--workers", str(workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("digitize serve did not start")
                time.sleep(0.2)
            time.sleep(2.0)  # let the pool's worker processes finish importing
            headers = {"Authorization": f"Bearer {key}"}
            files = [("files", (p.name, p.read_bytes(), "application/octet-stream")) for p in scans]
            server_cpu0 = _cpu_seconds(proc.pid)
            wall0 = datetime.now(UTC)
            t0 = time.monotonic()
            # One client for the upload and every poll, as a real client keeps its connection: a new
            # httpx client per request costs ~18 ms of CPU (it builds an SSL context), which on two cores
            # is taken from the OCR workers (74 polls: +4 s of pipeline time, the bench's own "overhead").
            with httpx.Client(base_url=url, headers=headers, timeout=300) as client:
                r = client.post("/api/v1/batches", files=files)
                r.raise_for_status()
                batch_id = r.json()["id"]
                upload = time.monotonic() - t0
                server_upload_cpu = _cpu_seconds(proc.pid) - server_cpu0
                polls = 0
                while True:
                    polls += 1
                    view = client.get(f"/api/v1/batches/{batch_id}").json()
                    if view["state"] == "done":
                        break
                    time.sleep(POLL_SECONDS)
            through_api = time.monotonic() - t0
            if diagnose:
                diag.update(_timeline(home, t0, wall0))
                diag["server_cpu_s"] = _cpu_seconds(proc.pid) - server_cpu0
                diag["server_upload_cpu_s"] = server_upload_cpu
                diag["polls"] = polls
                diag["workers_cpu_s"] = sum(_cpu_seconds(c) for c in _children(proc.pid))
        finally:
            os.killpg(proc.pid, 15)
            proc.wait(30)
        after = run_direct()
        direct = (before[0] + after[0]) / 2
        if diagnose:
            diag["direct_before_s"], diag["direct_after_s"] = before[0], after[0]
            diag["direct_cpu_s"] = (before[1] + after[1]) / 2
            diag["direct_pipeline_busy_s"] = (before[2] + after[2]) / 2
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        **diag,
        "pages": pages,
        "workers": workers,
        "direct_s": direct,
        "api_s": through_api,
        "upload_s": upload,
        "overhead": (through_api - direct) / direct,
    }


# --- 2. search latency ------------------------------------------------------------------------------


def _populate(url: str, n: int, seed: int = 1) -> list[str]:
    """Insert ``n`` records (documents, fields, validity, search entries) in bulk; return holder names."""
    from sqlalchemy import insert

    from digitize.store.db import make_engine, upgrade_schema
    from digitize.store.models import Document, FieldValue, SearchEntry, Validity
    from digitize.store.search import search_body
    from digitize.text import fold

    engine = make_engine(url)
    upgrade_schema(engine)
    rng = random.Random(seed)
    holders: list[str] = []
    now = datetime.now(UTC)
    chunk = 5000
    for start in range(0, n, chunk):
        docs, fields, validity, entries = [], [], [], []
        for _ in range(min(chunk, n - start)):
            doc_id = uuid.uuid4().hex
            holder = (
                _person(rng)
                if rng.random() < 0.6
                else f"Công ty TNHH {_person(rng).split()[-1]} {_person(rng).split()[-1]}"
            )
            holders.append(holder)
            type_name = rng.choice(TYPES)
            holder_id = f"0{rng.randrange(10**9):09d}"
            issued = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
            until = issued + timedelta(days=365 * rng.choice([1, 3, 5, 10])) if rng.random() < 0.7 else None
            values = {
                "type_name": type_name,
                "holder_name": holder,
                "holder_id": holder_id,
                "place": rng.choice(PLACES),
                "issued_date": issued.isoformat(),
                "code_number": str(rng.randrange(1, 5000)),
                "signer_name": _person(rng),
                "valid_until": until.isoformat() if until else None,
            }
            text = " ".join(rng.choice(WORDS) for _ in range(60))
            sha = uuid.uuid4().hex + uuid.uuid4().hex
            docs.append(
                {
                    "id": doc_id,
                    "sha256": sha,
                    "media_type": "image/png",
                    "size": 1000,
                    "original_filename": f"{doc_id}.png",
                    "original_key": f"originals/{sha[:2]}/{sha}",
                    "state": "done",
                    "attempts": 1,
                    "page_count": 1,
                    "ocr_confidence": 0.9,
                    "type_name": type_name,
                    "type_folded": fold(type_name),
                    "holder_name": holder,
                    "holder_id": holder_id,
                    "valid_from": issued,
                    "valid_until": until,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            for name, value in values.items():
                fields.append(
                    {
                        "document_id": doc_id,
                        "name": name,
                        "value": value,
                        "confidence": 0.9,
                        "source": "ocr",
                        "updated_at": now,
                    }
                )
            validity.append(
                {
                    "document_id": doc_id,
                    "status": "active",
                    "valid_from": issued,
                    "valid_until": until,
                    "updated_at": now,
                }
            )
            entries.append(
                {
                    "document_id": doc_id,
                    "body": search_body(values, [text]),
                    "updated_at": now,
                    "type_folded": fold(type_name),
                    "holder_id": holder_id,
                    "valid_from": issued,
                    "valid_until": until,
                }
            )
        with engine.begin() as conn:
            conn.execute(insert(Document), docs)
            conn.execute(insert(FieldValue), fields)
            conn.execute(insert(Validity), validity)
            conn.execute(insert(SearchEntry), entries)
    with engine.begin() as conn:
        if engine.dialect.name != "postgresql":
            conn.exec_driver_sql("ANALYZE")
            conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    if engine.dialect.name == "postgresql":  # as autovacuum would leave it in steady state
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()
    return holders


def _queries(holders: list[str], rng: random.Random, n: int) -> list[dict[str, Any]]:
    from digitize.text import fold

    out: list[dict[str, Any]] = []
    for i in range(n):
        kind = i % 4
        holder = rng.choice(holders)
        if kind == 0:
            out.append({"q": fold(holder)})  # a holder's name typed without diacritics
        elif kind == 1:
            out.append({"q": fold(holder), "type_name": rng.choice(TYPES)})
        elif kind == 2:
            out.append(
                {
                    "q": rng.choice(["da nang", "buc xa", "giay phep", "yen bai", "an toan"]),
                    "valid_on": date(2020, 1, 1) + timedelta(days=rng.randrange(1500)),
                }
            )
        else:
            out.append({"q": None, "type_name": rng.choice(TYPES), "valid_on": date(2022, 6, 1)})
    return out


def bench_search(url: str, records: int, n_queries: int = 200) -> dict[str, Any]:
    from sqlalchemy.orm import Session

    from digitize.store.db import make_engine
    from digitize.store.service import list_documents

    t0 = time.monotonic()
    holders = _populate(url, records)
    load = time.monotonic() - t0
    rng = random.Random(7)
    engine = make_engine(url)
    times: list[float] = []
    cpu: list[float] = []
    kinds: dict[int, list[float]] = {}
    totals = 0
    with Session(engine) as s:
        for params in _queries(holders, rng, 20):  # warm up
            list_documents(s, limit=20, **params)
        for i, params in enumerate(_queries(holders, rng, n_queries)):
            t, c = time.perf_counter(), time.process_time()
            result = list_documents(s, limit=20, **params)
            ms = (time.perf_counter() - t) * 1000
            times.append(ms)
            kinds.setdefault(i % 4, []).append(ms)
            cpu.append((time.process_time() - c) * 1000)
            totals += result["total"]
    engine.dispose()
    times.sort()
    cpu.sort()
    return {
        "records": records,
        "load_s": load,
        "p50_ms": statistics.median(times),
        "p95_ms": times[int(len(times) * 0.95) - 1],
        "max_ms": times[-1],
        "mean_hits": totals / n_queries,
        "cpu_p95_ms": cpu[int(len(cpu) * 0.95) - 1],
        "by_kind": {k: statistics.median(v) for k, v in sorted(kinds.items())},
    }


def _postgres_url() -> tuple[str, Any] | None:
    import sqlalchemy as sa

    admin_url = os.environ.get("BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    try:
        admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        name = f"bench_store_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except Exception as exc:
        print(f"  PostgreSQL not reachable ({exc}); skipped")
        return None

    def drop() -> None:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return f"{admin_url.rsplit('/', 1)[0]}/{name}", drop


def main() -> None:
    pages = int(os.environ.get("BENCH_STORE_PAGES", "50"))
    records = int(os.environ.get("BENCH_SEARCH_RECORDS", "100000"))
    workers = int(os.environ.get("BENCH_STORE_WORKERS", str(os.cpu_count() or 1)))
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")

    if pages > 0:
        for full, what in ((True, "full A4 Decree 30 scans"), (False, "small 8-line pages, worst case")):
            r = bench_batch(pages, workers, full_pages=full)
            print(
                f"store.batch ({what}): {r['pages']} pages, {r['workers']} workers: "
                f"process_document {r['direct_s']:.1f} s, "
                f"through the API {r['api_s']:.1f} s (upload {r['upload_s']:.1f} s): "
                f"overhead {r['overhead'] * 100:+.1f}%" + (" (target <= 10%)" if full else ""),
                flush=True,
            )

    if records > 0:
        tmp = Path(tempfile.mkdtemp(prefix="bench-search-"))
        try:
            _report("sqlite", bench_search(f"sqlite:///{tmp / 'search.db'}", records))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        pg = _postgres_url()
        if pg is not None:
            url, drop = pg
            try:
                _report("postgresql", bench_search(url, records))
            finally:
                drop()


KINDS = ("holder name", "holder name + type", "broad words + valid_on", "type + valid_on")


def _report(name: str, r: dict[str, Any]) -> None:
    print(
        f"store.search {name}: {r['records']} records (loaded in {r['load_s']:.0f} s): "
        f"p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, max {r['max_ms']:.1f} ms "
        f"(target p95 < 100 ms); p95 of CPU time in this process {r['cpu_p95_ms']:.1f} ms; "
        f"mean hits {r['mean_hits']:.0f}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
        flush=True,
    )
    print(
        "  median by query kind: " + ", ".join(f"{KINDS[k]} {v:.1f} ms" for k, v in r["by_kind"].items()),
        flush=True,
    )


if __name__ == "__main__":
    main()
