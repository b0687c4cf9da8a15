"""The embedded executor: a worker process SIGKILLed mid-page is replaced and the page redone (counted as an
attempt, as on Celery); a document whose intake keeps killing its worker ends failed (``too_many_attempts``,
the code Celery gives)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import select, update

from digitize.config import get_settings
from digitize.ingest import ingest_paths
from digitize.processing import machine
from digitize.processing.executor import LocalPool
from digitize.store import db
from digitize.store.models import Document, Page
from tests.support.scans import make_licence, tiny_pdf


@pytest.mark.slow
def test_killed_worker_is_replaced_and_its_document_redone(tmp_path: Path) -> None:
    scans = [
        make_licence(tmp_path / f"k{i}.png", 300 + i, f"Người Số {i}", f"09000000{i:02d}") for i in range(3)
    ]
    ids = ingest_paths(scans).document_ids
    with LocalPool(workers=1, poll_interval=0.2, requeue_interval=1.0) as pool:
        deadline = time.monotonic() + 60
        victim = None
        while victim is None:
            assert time.monotonic() < deadline
            with db.session() as s:
                row = s.execute(
                    select(Page.id, Page.claimed_by).where(
                        Page.state == "pending", Page.claimed_by.is_not(None)
                    )
                ).first()
            if row is not None:
                victim = row
            else:
                time.sleep(0.02)
        os.kill(int(victim[1].rsplit(":", 1)[1]), signal.SIGKILL)
        pool.drain(ids, timeout=120)
    with db.session() as s:
        docs = {d.id: d for d in s.scalars(select(Document).where(Document.id.in_(ids)))}
        page = s.get(Page, victim[0])
        assert page is not None and page.state == "done" and page.attempts == 2
    assert all(d.state in ("done", "needs_review") for d in docs.values()), {
        d.id: (d.state, d.error_message) for d in docs.values()
    }


def test_a_document_that_keeps_killing_its_worker_fails(tmp_path: Path) -> None:
    p = tmp_path / "x.pdf"
    p.write_bytes(tiny_pdf("x"))
    doc_id = ingest_paths([p]).document_ids[0]
    with db.session() as s:  # its intake was claimed page_max_attempts times, each time the worker died
        s.execute(
            update(Document).where(Document.id == doc_id).values(attempts=get_settings().page_max_attempts)
        )
    assert machine.run_document(doc_id) == "failed"
    with db.session() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None and doc.state == "failed" and doc.error_code == "too_many_attempts"
        assert doc.error_message and "given up" in doc.error_message


def test_only_a_long_running_pool_starts_its_workers_before_documents() -> None:
    """``store --wait`` and the drainer (documents already waiting) start a process per document, up to the
    pool's size, when they submit them; only ``digitize serve``'s pool (``warm=True``) starts and warms every
    process at once, before any document arrives."""
    waiting = LocalPool(workers=2)
    try:
        assert not waiting._executor._processes  # one document on a big machine starts one process, not N
    finally:
        LocalPool._end_children(waiting._executor)
    serving = LocalPool(workers=2, warm=True)
    try:
        assert len(serving._executor._processes) == 2
    finally:
        LocalPool._end_children(serving._executor)


def test_a_warmed_worker_has_its_engines_and_a_failed_warm_up_is_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """``_child_warm`` (each process of serve's pool) leaves its thread with the engines of the OCR languages
    and the handwritten digits'; a warm-up that fails (Tesseract missing) is logged, not swallowed, and the
    worker still starts (its documents report the missing tool themselves)."""
    import threading

    from digitize.pipeline import handdigits
    from digitize.processing.executor import _child_warm
    from digitize.tools import tesseract

    keys: list[set[tuple[str, tuple[tuple[str, str], ...]]]] = []
    pids: list[int] = []

    def worker() -> None:
        pids.append(_child_warm())
        engines = getattr(tesseract._engines, "set", None)
        keys.append(set(engines.by_key) if engines is not None else set())

    with caplog.at_level("WARNING", logger="digitize.processing.executor"):
        thread = threading.Thread(target=worker)  # a fresh thread: no engine yet
        thread.start()
        thread.join()
    languages = {get_settings().ocr_languages, *handdigits.digit_languages()}
    assert pids == [os.getpid()] and {(lang, ()) for lang in languages} <= keys[0]
    assert "warm-up failed" not in caplog.text
    monkeypatch.setenv("PATH", str(tmp_path))
    tesseract.probe.cache_clear()
    try:
        with caplog.at_level("WARNING", logger="digitize.processing.executor"):
            thread = threading.Thread(target=worker)
            thread.start()
            thread.join()
    finally:
        tesseract.probe.cache_clear()
    assert pids[-1] == os.getpid()
    assert "warm-up failed" in caplog.text and "Tesseract" in caplog.text
