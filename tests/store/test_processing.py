"""process_document_by_id with the real pipeline: idempotent, failures kept, dead work re-queued, S3."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from digitize.config import reset_settings
from digitize.ingest import ingest_paths
from digitize.processing import machine
from digitize.processing.executor import process_document_by_id
from digitize.store import db
from digitize.store.db import dispose_all
from digitize.store.models import Document, Page, Variant
from digitize.store.objects import S3ObjectStore, get_object_store
from digitize.store.search import search
from digitize.store.service import document_record
from tests.support.scans import make_licence


def test_process_twice_is_harmless(database: str, tmp_path: Path) -> None:
    scan = make_licence(tmp_path / "a.png", 5, "Nguyễn Văn An", "0101234567")
    doc_id = ingest_paths([scan]).document_ids[0]
    state = process_document_by_id(doc_id)
    assert state in ("done", "needs_review")
    assert process_document_by_id(doc_id) == state  # a second run changes nothing
    with db.session() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None and doc.attempts == 2 and doc.claimed_by is None  # intake once, compose once
        assert s.scalar(select(func.count()).select_from(Page).where(Page.document_id == doc_id)) == 1
        variants = s.scalars(select(Variant).where(Variant.document_id == doc_id)).all()
        assert sorted(v.kind for v in variants) == ["original", "searchable"]
        searchable = next(v for v in variants if v.kind == "searchable")
        assert searchable.derived_from == doc.sha256
        data = get_object_store().read_bytes(searchable.key)
        assert hashlib.sha256(data).hexdigest() == searchable.sha256 and data.startswith(b"%PDF")
        assert search(s, "nguyen van an").ids == [doc_id]
        rec = document_record(s, doc_id)
    assert "Nguyễn Văn An" in rec["pages"][0]["text"]


def test_bad_file_fails_with_reason_and_others_go_on(database: str, tmp_path: Path) -> None:
    """Bytes that only look like a scan are refused at ingest (nothing becomes a document); a broken original
    a store already holds (stored before the door checked that files open) still fails with its reason."""
    from digitize.store.models import RECEIVED
    from digitize.store.objects import original_key, sha256_file

    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing here")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    txt = tmp_path / "notes.txt"
    txt.write_text("hello")
    report = ingest_paths([bad, empty, txt])
    assert report.document_ids == []
    assert {i.filename: i.error.code for i in report.items if i.error} == {
        "bad.pdf": "corrupt_input",
        "empty.png": "unsupported_type",
        "notes.txt": "unsupported_type",
    }
    sha = sha256_file(bad)
    get_object_store().put_file(original_key(sha), bad, media_type="application/pdf")
    with db.session() as s:
        old = Document(
            sha256=sha,
            media_type="application/pdf",
            size=bad.stat().st_size,
            original_filename="old.pdf",
            original_key=original_key(sha),
            state=RECEIVED,
        )
        s.add(old)
        s.flush()
        old_id = old.id
    assert process_document_by_id(old_id) == "failed"
    with db.session() as s:
        docs = s.scalars(select(Document)).all()
        assert [d.id for d in docs] == [old_id]
        assert all(d.state == "failed" and d.error_code and d.error_message for d in docs)
        assert {d.error_code for d in docs} <= {"corrupt_input", "empty_input", "unsupported_type"}


def test_work_of_a_dead_process_is_given_back_at_once(database: str, tmp_path: Path) -> None:
    import socket

    scan = make_licence(tmp_path / "d.png", 8, "Lê Văn Cường", "0101234999")
    doc_id = ingest_paths([scan]).document_ids[0]
    prepared = machine.prepare_document(doc_id, machine.new_token())
    (page_id,) = prepared.pending_pages
    token = machine.new_token()
    assert machine.claim_page(page_id, token) is not None
    dead_pid = 2**22 + 12345  # above pid_max on this machine: never alive
    with db.session() as s:
        s.execute(
            update(Page)
            .where(Page.id == page_id)
            .values(claimed_by=f"{token} {socket.gethostname()}:{dead_pid}")
        )
    assert machine.runnable_documents() == []  # held (its lease still runs)
    assert machine.expire_dead_claims() == 1
    assert machine.expire_dead_claims() == 0
    assert machine.reap(None).pages == [page_id]
    assert machine.runnable_documents() == [doc_id]
    assert process_document_by_id(doc_id) in ("done", "needs_review")
    with db.session() as s:
        page = s.get(Page, page_id)
        assert page is not None and page.state == "done" and page.attempts == 2  # the dead run counted


def test_a_live_claim_is_kept(database: str, tmp_path: Path) -> None:
    scan = make_licence(tmp_path / "l.png", 9, "Phạm Thị Dung", "0101234888")
    doc_id = ingest_paths([scan]).document_ids[0]
    (page_id,) = machine.prepare_document(doc_id, machine.new_token()).pending_pages
    assert machine.claim_page(page_id, machine.new_token()) is not None  # this live process
    assert machine.expire_dead_claims() == 0
    assert not machine.reap(None)
    assert machine.claim_page(page_id, machine.new_token()) is None  # held by a live worker


@pytest.fixture
def s3_storage(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    monkeypatch.setenv("DIGITIZE_STORAGE_URL", "s3://digitize-test/archive")
    monkeypatch.setenv("DIGITIZE_S3_ENDPOINT", f"http://{host}:{port}")
    monkeypatch.setenv("DIGITIZE_S3_ACCESS_KEY", "testing")
    monkeypatch.setenv("DIGITIZE_S3_SECRET_KEY", "testing")
    reset_settings()
    dispose_all()
    yield f"http://{host}:{port}"
    server.stop()


def test_ingest_and_process_on_s3(s3_storage: str, tmp_path: Path) -> None:
    scan = make_licence(tmp_path / "s3.png", 6, "Trần Thị Bình", "0400111222")
    report = ingest_paths([scan, scan])
    assert len(report.document_ids) == 1
    doc_id = report.document_ids[0]
    store = get_object_store()
    assert isinstance(store, S3ObjectStore)
    with db.session() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        assert store.read_bytes(doc.original_key) == scan.read_bytes()
    assert not (Path(os.environ["DIGITIZE_HOME"]) / "objects").exists()
    assert process_document_by_id(doc_id) in ("done", "needs_review")
    with db.session() as s:
        v = s.scalar(select(Variant).where(Variant.document_id == doc_id, Variant.kind == "searchable"))
        assert v is not None and store.exists(v.key)
        assert store.presigned_url(v.key) is not None
        assert search(s, "tran thi binh").ids == [doc_id]
