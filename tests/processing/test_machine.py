"""The processing state machine's page tasks share their document's budget for second readings
(``Settings.ocr_second_pass_seconds``), whichever worker runs them: the tally is the document's row."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from digitize.config import Settings, reset_settings
from digitize.processing import machine
from digitize.store import db
from digitize.store.models import Document
from tests.support.databases import fresh_postgres_database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def settings(
    request: pytest.FixtureRequest, digitize_home: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Settings]:
    db.dispose_all()
    if request.param == "sqlite":
        yield Settings()
        db.dispose_all()
        return
    with fresh_postgres_database("dgz_tally") as url:
        monkeypatch.setenv("DIGITIZE_DATABASE_URL", url)
        reset_settings()
        yield Settings()
        db.dispose_all()


def _one_page_scan(tmp: Path, settings: Settings, seed: int = 77) -> str:
    from digitize.ingest import ingest_paths
    from samples import generate

    doc = generate.make_document("quyet_dinh", seed, dpi=150)
    path = generate.write_document(doc, tmp / "scan", "tiff", {}, seed=seed)
    return ingest_paths([path], settings=settings).document_ids[0]


def _spent(document_id: str, settings: Settings) -> float:
    with db.session(settings) as s:
        return float(s.scalar(select(Document.second_pass_seconds).where(Document.id == document_id)) or 0.0)


def _spend(tally: machine.DocumentTally, seconds: float) -> None:
    db.dispose_all()
    tally.spend(seconds)


def test_the_tally_is_shared_through_the_documents_row(settings: Settings, tmp_path: Path) -> None:
    doc_id = _one_page_scan(tmp_path, settings)
    tally = machine.DocumentTally(doc_id, 10.0, settings)
    assert tally.left() == 10.0
    ctx = multiprocessing.get_context("spawn")
    children = [ctx.Process(target=_spend, args=(tally, 1.5)) for _ in range(3)]
    for c in children:
        c.start()
    tally.spend(2.0)
    for c in children:
        c.join(60)
        assert c.exitcode == 0
    assert tally.left() == pytest.approx(3.5)
    tally.spend(-5.0)  # nothing is given back
    assert tally.left() == pytest.approx(3.5)
    # listing the document's pages (a new processing of it) starts a new tally
    machine.prepare_document(doc_id, machine.new_token(), settings)
    assert _spent(doc_id, settings) == 0.0


def test_a_page_task_spends_and_stops_at_its_documents_budget(settings: Settings, tmp_path: Path) -> None:
    doc_id = _one_page_scan(tmp_path, settings)
    prepared = machine.prepare_document(doc_id, machine.new_token(), settings)
    (page_id,) = prepared.pending_pages
    # the document's other pages took the whole budget already: this page gets no second reading
    with db.session(settings) as s:
        s.execute(update(Document).where(Document.id == doc_id).values(second_pass_seconds=60.0))
    claim = machine.claim_page(page_id, machine.new_token(), settings=settings)
    assert claim is not None
    assert machine.run_page(claim, settings) is True
    assert _spent(doc_id, settings) == 60.0  # no pass ran, none spent
    # with budget left, a page's passes (each looks, most find nothing to do) spend from the document's tally
    doc2 = _one_page_scan(tmp_path / "b", settings, seed=78)
    prepared = machine.prepare_document(doc2, machine.new_token(), settings)
    claim = machine.claim_page(prepared.pending_pages[0], machine.new_token(), settings=settings)
    assert claim is not None and machine.run_page(claim, settings) is True
    assert 0.0 < _spent(doc2, settings) < 60.0
