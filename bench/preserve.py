"""Preservation benchmarks (issue 16): export, fixity audit and import throughput.

``BENCH_PRESERVE_RECORDS`` (default 10,000) documents are built straight through the store (no OCR): an
original of ``BENCH_PRESERVE_KB`` KiB (default 32) and a searchable PDF of half that, two pages of text,
seven fields, a correction in the history, a validity row and the search entry. Then, on SQLite in a
temporary home with local objects (``BENCH_PRESERVE_PG=1`` adds PostgreSQL):

* ``digitize export`` (bagit and aip): records/s and MB/s of payload written;
* ``digitize audit``: objects/s and MB/s read and hashed;
* ``digitize import`` into a fresh home (validation included): records/s.

The machine is shared: figures are noisy, compare the lines of one run with each other.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

RECORDS = int(os.environ.get("BENCH_PRESERVE_RECORDS", "10000"))
KB = int(os.environ.get("BENCH_PRESERVE_KB", "32"))
TYPES = ["Giấy phép", "Quyết định", "Giấy chứng nhận", "Công văn"]
_TEXT = (
    "về việc cấp giấy phép tiến hành công việc bức xạ cho công ty theo đề nghị của giám đốc sở khoa học "
    "và công nghệ căn cứ luật năng lượng nguyên tử nghị định quy định chi tiết thi hành điều kiện an toàn"
)
WORDS = _TEXT.split(" ")


def _env(home: Path, database_url: str | None) -> None:
    from digitize.config import reset_settings
    from digitize.store.db import dispose_all

    os.environ["DIGITIZE_HOME"] = str(home)
    if database_url:
        os.environ["DIGITIZE_DATABASE_URL"] = database_url
    else:
        os.environ.pop("DIGITIZE_DATABASE_URL", None)
    os.environ.pop("DIGITIZE_STORAGE_URL", None)
    dispose_all()
    reset_settings()


def build(n: int, kb: int, seed: int = 16) -> int:
    """``n`` documents through the store's models and object store; returns the bytes stored."""
    import hashlib
    from datetime import date, timedelta

    from digitize.store import db
    from digitize.store import search as search_mod
    from digitize.store.models import (
        DONE,
        ORIGINAL,
        SEARCHABLE,
        Document,
        FieldHistory,
        FieldValue,
        Page,
        SearchEntry,
        Validity,
        Variant,
    )
    from digitize.store.objects import get_object_store, original_key, variant_key
    from digitize.text import fold

    rng = random.Random(seed)
    objects = get_object_store()
    stored = 0
    chunk = 500
    for start in range(0, n, chunk):
        with db.session() as s:
            for i in range(start, min(n, start + chunk)):
                original = b"%PDF-1.4\n%" + i.to_bytes(8, "big") + rng.randbytes(kb * 1024)
                searchable = b"%PDF-1.7\n%" + i.to_bytes(8, "big") + rng.randbytes(kb * 512)
                sha_o = hashlib.sha256(original).hexdigest()
                sha_s = hashlib.sha256(searchable).hexdigest()
                _put(objects, original_key(sha_o), original)
                _put(objects, variant_key(SEARCHABLE, sha_s), searchable)
                stored += len(original) + len(searchable)
                type_name = TYPES[i % len(TYPES)]
                issued = date(2020, 1, 1) + timedelta(days=rng.randrange(2000))
                fields = {
                    "type_name": type_name,
                    "code_number": str(i),
                    "code_notation": "GP-SKHCN",
                    "issued_date": issued.isoformat(),
                    "holder_name": f"Công ty TNHH Số {i}",
                    "holder_id": f"{4000000000 + i}",
                    "valid_until": (issued + timedelta(days=1825)).isoformat(),
                }
                texts = [" ".join(rng.choice(WORDS) for _ in range(120)) for _ in range(2)]
                doc = Document(
                    sha256=sha_o,
                    media_type="application/pdf",
                    size=len(original),
                    original_filename=f"scan-{i:06d}.pdf",
                    original_key=original_key(sha_o),
                    state=DONE,
                    page_count=2,
                    ocr_confidence=0.93,
                    type_name=type_name,
                    type_folded=fold(type_name),
                    holder_name=fields["holder_name"],
                    holder_id=fields["holder_id"],
                    valid_from=issued,
                    valid_until=issued + timedelta(days=1825),
                )
                s.add(doc)
                s.flush()
                s.add_all(
                    [
                        Variant(
                            document_id=doc.id,
                            kind=ORIGINAL,
                            key=original_key(sha_o),
                            sha256=sha_o,
                            size=len(original),
                            media_type="application/pdf",
                        ),
                        Variant(
                            document_id=doc.id,
                            kind=SEARCHABLE,
                            key=variant_key(SEARCHABLE, sha_s),
                            sha256=sha_s,
                            size=len(searchable),
                            media_type="application/pdf",
                            derived_from=sha_o,
                        ),
                        *[
                            Page(
                                document_id=doc.id,
                                index=k,
                                state="done",
                                source="ocr",
                                text=t,
                                confidence=0.93,
                            )
                            for k, t in enumerate(texts)
                        ],
                        *[
                            FieldValue(document_id=doc.id, name=k, value=v, confidence=0.9)
                            for k, v in fields.items()
                        ],
                        FieldHistory(
                            document_id=doc.id,
                            name="holder_name",
                            old_value="Cong ty",
                            new_value=fields["holder_name"],
                            changed_by="user:reviewer",
                            reason="OCR",
                        ),
                        Validity(
                            document_id=doc.id, valid_from=issued, valid_until=issued + timedelta(days=1825)
                        ),
                        SearchEntry(
                            document_id=doc.id,
                            body=search_mod.search_body(dict(fields), texts),
                            type_folded=doc.type_folded,
                            holder_id=doc.holder_id,
                            valid_from=doc.valid_from,
                            valid_until=doc.valid_until,
                        ),
                    ]
                )
    return stored


def _put(objects: Any, key: str, data: bytes) -> None:
    """Into the object store; on a local directory straight to its layout without the per-object fsync
    of ``put_file`` (building 20,000 objects would otherwise take minutes on this machine's disk)."""
    from digitize.store.objects import LocalObjectStore

    if isinstance(objects, LocalObjectStore):
        path = objects.root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        path.chmod(0o444)
        return
    objects.put_bytes(key, data, media_type="application/pdf")


def _line(label: str, count: int, unit: str, nbytes: int, seconds: float) -> str:
    return (
        f"{label:<28} {count:>7} {unit} in {seconds:7.1f} s: {count / seconds:8.0f} {unit}/s, "
        f"{nbytes / 1e6 / seconds:7.1f} MB/s"
    )


def run_on(label: str, database_url: str | None, target_url: str | None, work: Path) -> list[str]:
    from digitize.preservation.export import export_store
    from digitize.preservation.fixity import audit_objects
    from digitize.preservation.importing import import_bag

    lines: list[str] = []
    _env(work / "src", database_url)
    t0 = time.monotonic()
    stored = build(RECORDS, KB)
    lines.append(_line(f"[{label}] build (no OCR)", RECORDS, "records", stored, time.monotonic() - t0))

    report = audit_objects(record=False)
    assert report.ok, report.as_dict()
    lines.append(_line(f"[{label}] audit", report.checked, "objects", report.bytes, report.seconds))

    for fmt in ("bagit", "aip"):
        out = work / f"bag-{fmt}"
        er = export_store(out, fmt=fmt)
        lines.append(_line(f"[{label}] export {fmt}", er.documents, "records", er.bytes, er.seconds))
        if fmt == "aip":
            shutil.rmtree(out)

    _env(work / "dst", target_url)
    ir = import_bag(work / "bag-bagit")
    lines.append(_line(f"[{label}] import (validated)", ir.documents, "records", ir.bytes, ir.seconds))
    shutil.rmtree(work / "bag-bagit")
    return lines


def main() -> None:
    saved = {k: v for k, v in os.environ.items() if k.startswith("DIGITIZE_")}
    lines: list[str] = []
    try:
        with tempfile.TemporaryDirectory(prefix="bench-preserve-") as tmp:
            lines += run_on("sqlite", None, None, Path(tmp) / "sqlite")
        if os.environ.get("BENCH_PRESERVE_PG") == "1":
            lines += _postgres()
    finally:
        for k in [k for k in os.environ if k.startswith("DIGITIZE_")]:
            del os.environ[k]
        os.environ.update(saved)
    print(f"preservation: {RECORDS} records, originals {KB} KiB + searchable {KB // 2} KiB (noisy machine)")
    for line in lines:
        print("  " + line)


def _postgres() -> list[str]:
    import uuid

    import sqlalchemy as sa

    admin_url = os.environ.get("DIGITIZE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    names = [f"bench_preserve_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    base = admin_url.rsplit("/", 1)[0]
    out: list[Any] = []
    try:
        with admin.connect() as conn:
            for name in names:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        with tempfile.TemporaryDirectory(prefix="bench-preserve-pg-") as tmp:
            out = run_on("postgres", f"{base}/{names[0]}", f"{base}/{names[1]}", Path(tmp))
    finally:
        from digitize.store.db import dispose_all

        dispose_all()
        with admin.connect() as conn:
            for name in names:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
    return out


if __name__ == "__main__":
    main()
