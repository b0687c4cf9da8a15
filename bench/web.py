"""Latency of the web pages with 100,000 documents in the store (target: every page under 300 ms).

Generates the rows straight into a fresh SQLite store (``DIGITIZE_HOME`` in a temporary directory; set
``BENCH_WEB_DATABASE_URL`` to a PostgreSQL URL to measure there instead): documents with their fields, search
entries (the FTS index is kept by the migration's triggers), validity, batches, signatures and agency reads,
spread over two years. Then every page is fetched through the whole app (FastAPI + templates) as a signed-in
admin, ``ROUNDS`` times, and the median and 95th percentile are printed, beside the first (cold) load.
The statistics are cached for two minutes (and refreshed in the background), so their first load is the one
that computes them.

    python -m bench web            # or: BENCH_WEB_DOCS=20000 python -m bench web
"""

from __future__ import annotations

import os
import random
import re
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

N_DOCS = int(os.environ.get("BENCH_WEB_DOCS", "100000"))
ROUNDS = int(os.environ.get("BENCH_WEB_ROUNDS", "15"))
CHUNK = 5000
TARGET_MS = 300.0

TYPES = ["Giấy phép", "Quyết định", "Giấy chứng nhận", "Công văn"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quốc", "Hữu", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hằng", "Hoa", "Lan", "Long", "Nam", "Phúc", "Quang", "Tâm", "Thảo"]
PLACES = ["Đà Nẵng", "Yên Bái", "Hà Nội", "Huế", "Cần Thơ", "Hải Phòng"]


def _populate(n: int, seed: int = 7) -> tuple[str, str, str]:
    """Insert ``n`` documents (and what hangs off them); returns ids of a document, a batch, one to review."""
    from sqlalchemy import insert

    from digitize.store import db
    from digitize.store.models import (
        AccessLogEntry,
        Batch,
        BatchItem,
        Document,
        FieldValue,
        Page,
        SearchEntry,
        Signature,
        Validity,
    )
    from digitize.text import fold, squash

    rng = random.Random(seed)
    engine = db.get_engine()
    now = datetime.now(UTC)
    n_batches = max(1, n // 100)
    batch_ids = [f"{i:032x}" for i in range(1, n_batches + 1)]
    with engine.begin() as conn:
        conn.execute(
            insert(Batch.__table__),
            [
                {"id": b, "name": f"Lô {i}", "created_at": now - timedelta(days=730 * i / n_batches)}
                for i, b in enumerate(batch_ids)
            ],
        )
    review_id = ""
    for start in range(0, n, CHUNK):
        docs, fields, entries, validity, items, sigs, reads, pages = [], [], [], [], [], [], [], []
        for i in range(start, min(n, start + CHUNK)):
            doc_id = f"{i + 1:032x}"
            created = now - timedelta(seconds=rng.randrange(0, 730 * 86400))
            type_name = TYPES[i % len(TYPES)]
            holder = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            holder_id = f"{rng.randrange(10**9, 10**10)}"
            state = "done" if i % 20 else ("needs_review" if i % 40 else "failed")
            if state == "needs_review" and not review_id:
                review_id = doc_id
            issued = (created - timedelta(days=rng.randrange(1, 30))).date()
            reviewed = created + timedelta(hours=2) if i % 3 == 0 else None
            docs.append(
                {
                    "id": doc_id,
                    "sha256": f"{i + 1:064x}",
                    "media_type": "image/png",
                    "size": 120_000,
                    "original_filename": f"scan-{i:06d}.png",
                    "original_key": f"originals/{i + 1:064x}",
                    "state": state,
                    "attempts": 1,
                    "page_count": 1,
                    "ocr_confidence": 0.9,
                    "type_name": type_name,
                    "type_folded": fold(type_name),
                    "holder_name": holder,
                    "holder_id": holder_id,
                    "reviewed_by": "user:bench" if reviewed else None,
                    "reviewed_at": reviewed,
                    "created_at": created,
                    "updated_at": created,
                    "processed_at": created + timedelta(minutes=1) if state != "received" else None,
                }
            )
            values = {
                "type_name": type_name,
                "code_number": str(rng.randrange(1, 3000)),
                "code_notation": "GP-SKHCN",
                "issued_date": issued.isoformat(),
                "holder_name": holder,
                "holder_id": holder_id,
                "place": rng.choice(PLACES),
            }
            for name, value in values.items():
                fields.append(
                    {
                        "document_id": doc_id,
                        "name": name,
                        "value": value,
                        "confidence": 0.95,
                        "source": "ocr",
                        "updated_at": created,
                    }
                )
            body = squash(fold(" ".join(values.values()) + f" Cấp cho {holder} tại {values['place']}"))
            entries.append({"document_id": doc_id, "body": body, "updated_at": created})
            pages.append(
                {"document_id": doc_id, "index": 0, "state": "done", "confidence": 0.9, "updated_at": created}
            )
            validity.append(
                {
                    "document_id": doc_id,
                    "status": "active",
                    "valid_from": issued,
                    "valid_until": issued + timedelta(days=3650) if type_name == "Giấy phép" else None,
                    "updated_at": created,
                }
            )
            items.append(
                {
                    "batch_id": batch_ids[i * n_batches // n],
                    "position": i,
                    "filename": f"scan-{i:06d}.png",
                    "document_id": doc_id,
                }
            )
            if i % 5 == 0 and state == "done":
                sigs.append(
                    {
                        "document_id": doc_id,
                        "sha256": f"{n + i + 1:064x}",
                        "signer": "Nguyễn Văn An",
                        "role": "leader",
                        "level": "B-T",
                        "signed_at": created + timedelta(days=1),
                    }
                )
            if i % 3 == 0:
                reads.append(
                    {
                        "at": created + timedelta(days=rng.randrange(1, 60)),
                        "client": "Cục Thuế (bench)",
                        "purpose": "Kiểm tra giấy phép",
                        "document_id": doc_id,
                        "holder_id": holder_id,
                    }
                )
        with engine.begin() as conn:
            conn.execute(insert(Document.__table__), docs)
            conn.execute(insert(FieldValue.__table__), fields)
            conn.execute(insert(SearchEntry.__table__), entries)
            conn.execute(insert(Page.__table__), pages)
            conn.execute(insert(Validity.__table__), validity)
            conn.execute(insert(BatchItem.__table__), items)
            if sigs:
                conn.execute(insert(Signature.__table__), sigs)
            if reads:
                conn.execute(insert(AccessLogEntry.__table__), reads)
    with engine.begin() as conn:  # fresh planner statistics, as a running database has them
        conn.exec_driver_sql("ANALYZE")
    return f"{(n // 2) + 1:032x}", batch_ids[len(batch_ids) // 2], review_id


def main() -> None:
    from fastapi.testclient import TestClient

    from digitize.config import reset_settings

    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        os.environ["DIGITIZE_HOME"] = str(Path(tmp) / "home")
        if os.environ.get("BENCH_WEB_DATABASE_URL"):
            os.environ["DIGITIZE_DATABASE_URL"] = os.environ["BENCH_WEB_DATABASE_URL"]
        reset_settings()
        from digitize.api.app import create_app
        from digitize.store import db
        from digitize.store.auth import create_user

        t0 = time.monotonic()
        doc_id, batch_id, review_id = _populate(N_DOCS)
        with db.session() as s:
            create_user(s, name="bench", role="admin", password="bench-password")
        print(
            f"generated {N_DOCS} documents in {time.monotonic() - t0:.1f} s ({db.get_engine().dialect.name})"
        )

        with TestClient(create_app(start_pool=False), follow_redirects=False) as client:
            token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
            assert token is not None
            r = client.post(
                "/login", data={"name": "bench", "password": "bench-password", "csrf_token": token.group(1)}
            )
            assert r.status_code == 303, r.text
            pages = [
                ("overview", "/"),
                ("batches", "/batches"),
                ("batches p.40", "/batches?page=40"),
                ("batch", f"/batches/{batch_id}"),
                ("batch progress", f"/batches/{batch_id}/progress"),
                ("search (all)", "/search"),
                ("search p.200", "/search?page=200"),
                ("search q=nguyen van", "/search?q=nguyen+van"),
                ("search q=da nang an", "/search?q=da+nang+an"),
                ("search type+valid_on", "/search?type=Gi%E1%BA%A5y+ph%C3%A9p&valid_on=2026-01-01"),
                ("search state", "/search?state=needs_review"),
                ("document", f"/documents/{doc_id}"),
                ("review queue", "/review"),
                ("review document", f"/review/{review_id}"),
                ("signing queue", "/sign"),
                ("stats (month)", "/stats"),
                ("stats (quarter)", "/stats?period=quarter"),
                ("stats.csv", "/stats.csv"),
                ("verify", "/verify"),
            ]
            worst = 0.0
            head = f"{'page':<24} {'first ms':>9} {'median ms':>10} {'p95 ms':>8}"
            print(f"{head}  (n={ROUNDS}, {N_DOCS} documents)")
            for label, url in pages:
                t = time.perf_counter()
                r = client.get(url)  # the first (cold) load, also a check
                first = (time.perf_counter() - t) * 1000
                assert r.status_code == 200, (url, r.status_code, r.text[:300])
                times = []
                for _ in range(ROUNDS):
                    t = time.perf_counter()
                    r = client.get(url)
                    times.append((time.perf_counter() - t) * 1000)
                    assert r.status_code == 200
                times.sort()
                p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                worst = max(worst, p95)
                flag = "" if p95 < TARGET_MS else "  > target"
                print(f"{label:<24} {first:>9.1f} {statistics.median(times):>10.1f} {p95:>8.1f}{flag}")
            print(f"slowest p95: {worst:.1f} ms (target < {TARGET_MS:.0f} ms)")
        db.dispose_all()


if __name__ == "__main__":
    main()
