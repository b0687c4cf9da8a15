"""The two executors of the one processing state machine store the same thing.

* The happy path, in this process on the same generated documents (a scanned TIFF and a born-digital PDF):
  the page texts, the fields and the final state must be the same, and the searchable PDF must give the text
  back.
* Failures, on the real executors (the embedded ``LocalPool`` and a Celery worker on Redis), from the same
  starting state: a worker that died mid-page (the page is redone, the dead run counted), a page given up
  after ``page_max_attempts`` worker deaths (``too_many_attempts``), every page given up (the document
  ``failed``, ``too_many_attempts``), a page that fails on its own (``bad_input``): the documents must end
  identical (states, codes, attempts, texts, fields, pages left out).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from digitize.config import Settings, reset_settings
from digitize.processing import machine
from digitize.store import db
from digitize.store.models import Document, FieldValue, Page, Variant, utcnow
from tests.support.databases import fresh_postgres_database

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with fresh_postgres_database("dgz_same") as url:
        yield url


@pytest.fixture
def settings(pg_url: str, digitize_home: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("DIGITIZE_DATABASE_URL", pg_url)
    reset_settings()
    return Settings()


def _documents(tmp: Path, seed: int) -> list[Path]:
    from samples import generate

    scan = generate.make_document("giay_phep", seed, dpi=200)
    text = generate.make_document("quyet_dinh", seed + 1, dpi=100)
    return [
        generate.write_document(scan, tmp / f"scan-{seed}", "tiff", {}, seed=seed),
        generate.write_document(text, tmp / f"text-{seed}", "textpdf", {}, seed=seed),
    ]


def _run_distributed(document_id: str, settings: Settings) -> str:
    prepared = machine.prepare_document(document_id, machine.new_token(), settings)
    assert prepared.state == "processing" and prepared.pending_pages
    for page_id in prepared.pending_pages:
        claim = machine.claim_page(page_id, machine.new_token(), settings=settings)
        assert claim is not None
        with machine.page_lease(claim, settings):
            assert machine.run_page(claim, settings) is True
        assert machine.run_page(claim, settings) is False  # a second run stores nothing
    token = machine.new_token()
    assert machine.start_compose(document_id, token, settings)
    assert not machine.start_compose(document_id, machine.new_token(), settings)
    assert machine.begin_compose(document_id, token, settings)
    return machine.compose_document(document_id, token, settings)


def _result(document_id: str, settings: Settings) -> tuple[str, list[str], dict[str, str | None]]:
    with db.session(settings) as s:
        doc = s.get(Document, document_id)
        assert doc is not None
        texts = list(s.scalars(select(Page.text).where(Page.document_id == document_id).order_by(Page.index)))
        fields = dict(
            s.execute(
                select(FieldValue.name, FieldValue.value).where(FieldValue.document_id == document_id)
            ).all()
        )
        return doc.state, [t or "" for t in texts], fields


def test_distributed_and_embedded_paths_store_the_same(settings: Settings, tmp_path: Path) -> None:
    from digitize.ingest import ingest_paths
    from digitize.processing.executor import process_document_by_id
    from digitize.store.objects import get_object_store

    first = ingest_paths(_documents(tmp_path / "a", 501), settings=settings).document_ids
    # the same documents, byte for byte different (another ingest would deduplicate them)
    second_files = _documents(tmp_path / "b", 501)
    for f in second_files:
        with f.open("ab") as fh:
            fh.write(b"\n" if f.suffix == ".pdf" else b"\0")
    second = ingest_paths(second_files, settings=settings).document_ids
    assert len(first) == len(second) == 2
    for embedded_id, distributed_id in zip(first, second, strict=True):
        assert process_document_by_id(embedded_id, settings=settings) in ("done", "needs_review")
        assert _run_distributed(distributed_id, settings) in ("done", "needs_review")
        e_state, e_texts, e_fields = _result(embedded_id, settings)
        d_state, d_texts, d_fields = _result(distributed_id, settings)
        assert d_texts == e_texts
        assert d_fields == e_fields
        assert d_state == e_state
        assert any("giấy phép" in t.lower() or "quyết định" in t.lower() for t in d_texts)
        with db.session(settings) as s:
            key = s.scalar(
                select(Variant.key).where(Variant.document_id == distributed_id, Variant.kind == "searchable")
            )
        assert key is not None
        with get_object_store(settings).as_local_file(key, ".pdf") as pdf:
            out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
        words = [w for w in d_texts[0].split()[:30] if len(w) > 3]
        assert sum(1 for w in words if w in out.stdout) >= len(words) * 0.8


# --- failed pages, worker deaths and give-ups: the embedded pool and real Celery workers agree ----------

Scenario = Callable[[str, Settings], None]


def _prepared_pages(document_id: str, settings: Settings) -> list[int]:
    """The intake step, as a worker runs it first (its pages listed, all pending)."""
    prepared = machine.prepare_document(document_id, machine.new_token(), settings)
    assert prepared.state == "processing" and len(prepared.pending_pages) == 2
    return list(prepared.pending_pages)


def _worker_died_mid_page(document_id: str, settings: Settings) -> None:
    """A worker claimed page 1 and died (another machine: its lease simply ran out)."""
    first = _prepared_pages(document_id, settings)[0]
    token = machine.new_token()
    assert machine.claim_page(first, token, settings=settings) is not None
    with db.session(settings) as s:
        s.execute(
            update(Page)
            .where(Page.id == first)
            .values(claimed_by=f"{token} elsewhere:4242", lease_until=utcnow() - timedelta(seconds=5))
        )


def _gave_up(document_id: str, settings: Settings) -> None:
    """Page 1 already killed its worker page_max_attempts times: the next claim gives up on it."""
    first = _prepared_pages(document_id, settings)[0]
    with db.session(settings) as s:
        s.execute(
            update(Page)
            .where(Page.id == first)
            .values(
                attempts=settings.page_max_attempts,
                claimed_by="dead elsewhere:4242",
                lease_until=utcnow() - timedelta(seconds=5),
            )
        )


def _all_given_up(document_id: str, settings: Settings) -> None:
    """Every page already killed its worker page_max_attempts times: the document fails, with the code of
    its first page (one code per failure, whichever executor gives up)."""
    pages = _prepared_pages(document_id, settings)
    with db.session(settings) as s:
        s.execute(
            update(Page)
            .where(Page.id.in_(pages))
            .values(
                attempts=settings.page_max_attempts,
                claimed_by="dead elsewhere:4242",
                lease_until=utcnow() - timedelta(seconds=5),
            )
        )


def _page_fails(document_id: str, settings: Settings) -> None:
    """A page the original does not have (its own failure, not the worker's): that page fails, the
    document goes on."""
    _prepared_pages(document_id, settings)
    with db.session(settings) as s:
        s.add(Page(document_id=document_id, index=7, state="pending", attempts=0, updated_at=utcnow()))


SCENARIOS: dict[str, Scenario] = {
    "worker died mid-page": _worker_died_mid_page,
    "given up after worker deaths": _gave_up,
    "a page fails": _page_fails,
    "every page given up": _all_given_up,
}


def _outcome(document_id: str, settings: Settings) -> dict[str, object]:
    with db.session(settings) as s:
        doc = s.get(Document, document_id)
        assert doc is not None
        pages = s.execute(
            select(Page.index, Page.state, Page.error_code, Page.attempts, Page.text)
            .where(Page.document_id == document_id)
            .order_by(Page.index)
        ).all()
        fields = dict(
            s.execute(
                select(FieldValue.name, FieldValue.value).where(FieldValue.document_id == document_id)
            ).all()
        )
        searchable = s.scalar(
            select(Variant.detail).where(Variant.document_id == document_id, Variant.kind == "searchable")
        )
    return {
        "state": str(doc.state),
        "error_code": doc.error_code,
        "pages": [(i, str(st), code, n, (t or "").split()[:12]) for i, st, code, n, t in pages],
        "fields": fields,
        "left_out": (searchable or {}).get("pages_left_out"),
        "claimed": doc.claimed_by,
    }


@pytest.mark.redis
def test_failures_end_the_same_on_both_executors(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digitize.ingest import ingest_paths
    from digitize.processing.executor import LocalPool
    from digitize.workers import tasks
    from tests.workers import harness
    from tests.workers.test_celery_e2e import FAST, make_cluster, wait_finished

    redis = harness.RedisServer(tmp_path / "redis")
    redis.start()
    cluster = make_cluster(tmp_path, monkeypatch, database_url=pg_url, broker_url=redis.url)
    settings = cluster.settings
    assert FAST["DIGITIZE_WORKER_STALE_SECONDS"]
    try:
        pairs: dict[str, tuple[str, str]] = {}
        for n, name in enumerate(SCENARIOS):
            src = tmp_path / f"s{n}"
            src.mkdir()
            embedded = harness.make_document(src / "embedded.tif", 700 + n, pages=2)
            celery = harness.make_document(src / "celery.tif", 700 + n, pages=2)
            with celery.open("ab") as fh:  # the same pages, another file (an ingest would deduplicate)
                fh.write(b"\0")
            ids = ingest_paths([embedded, celery], batch_name=name, settings=settings).document_ids
            assert len(ids) == 2
            pairs[name] = (ids[0], ids[1])
            for doc_id in ids:
                SCENARIOS[name](doc_id, settings)
        # the embedded executor: the pool finds the work in the database
        with LocalPool(settings, workers=1, poll_interval=0.2, requeue_interval=1.0) as pool:
            pool.drain([e for e, _ in pairs.values()], timeout=300)
        # the Celery executor: the pages are sent as the intake task sends them; a worker runs them
        with db.session(settings) as s:
            page_ids = list(
                s.scalars(select(Page.id).where(Page.document_id.in_([c for _, c in pairs.values()])))
            )
        tasks.send_pages(page_ids)
        cluster.start_worker("same")
        wait_finished(cluster, [c for _, c in pairs.values()], timeout=300)
    finally:
        for w in cluster.workers:
            w.stop()
        redis.stop()
    for name, (embedded_id, celery_id) in pairs.items():
        e, c = _outcome(embedded_id, settings), _outcome(celery_id, settings)
        assert e == c, name
        assert e["claimed"] is None
        pages = e["pages"]
        assert isinstance(pages, list)
        if name == "worker died mid-page":
            assert e["state"] in ("done", "needs_review") and e["error_code"] is None
            assert [p[1:4] for p in pages] == [("done", None, 2), ("done", None, 1)]
        elif name == "given up after worker deaths":
            assert (e["state"], e["error_code"]) == ("needs_review", "pages_failed")
            assert [p[1:3] for p in pages] == [("failed", "too_many_attempts"), ("done", None)]
            assert e["left_out"] == [0]
        elif name == "every page given up":
            assert (e["state"], e["error_code"]) == ("failed", "too_many_attempts")
            assert [p[1:3] for p in pages] == [("failed", "too_many_attempts")] * 2
            assert e["left_out"] is None and not e["fields"]
        else:
            assert (e["state"], e["error_code"]) == ("needs_review", "pages_failed")
            assert [p[1:3] for p in pages] == [("done", None), ("done", None), ("failed", "bad_input")]
            assert e["left_out"] == [7]
