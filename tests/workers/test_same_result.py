"""The distributed path (intake → one task per page → compose) stores what the embedded path stores.

Both run in this process on the same generated documents (a scanned TIFF and a born-digital PDF), against
PostgreSQL: the page texts, the fields and the final state must be the same, and the searchable PDF must
give the text back.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from digitize import distributed
from digitize.config import Settings, reset_settings
from digitize.store import db
from digitize.store.models import Document, FieldValue, Page, Variant
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
    prepared = distributed.prepare_document(document_id, distributed.new_token(), settings)
    assert prepared.state == "processing" and prepared.pending_pages
    for page_id in prepared.pending_pages:
        claim = distributed.claim_page(page_id, distributed.new_token(), settings=settings)
        assert claim is not None
        with distributed.page_lease(claim, settings):
            assert distributed.run_page(claim, settings) is True
        assert distributed.run_page(claim, settings) is False  # a second run stores nothing
    token = distributed.new_token()
    assert distributed.start_compose(document_id, token, settings)
    assert not distributed.start_compose(document_id, distributed.new_token(), settings)
    assert distributed.begin_compose(document_id, token, settings)
    return distributed.compose_document(document_id, token, settings)


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
    from digitize.processing import process_document_by_id
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
