"""Helpers to put documents with known fields into a test store (through the real store functions)."""

from __future__ import annotations

from pathlib import Path

from digitize.ingest import ingest_paths
from digitize.pipeline.model import RecognizedPage
from digitize.processing.executor import Outcome, claim, finalize
from tests.support.scans import tiny_pdf


def stored_document(
    tmp: Path,
    name: str,
    fields: dict[str, str | None],
    text: str = "",
    needs_review: bool = False,
    *,
    broken: bool = False,
) -> str:
    """Ingest a small unique file and finish it with the given fields and page text (no OCR). ``broken``: its
    original only looks like a PDF (planted: ingest refuses such bytes; a store from before may hold some)."""
    path = tmp / name
    if broken:
        path.write_bytes(("%PDF-1.4\n% " + name + "\n" + repr(sorted(fields.items())) + "\n").encode())
        doc_id = _plant(path)
    else:
        path.write_bytes(tiny_pdf(name + repr(sorted(fields.items()))))
        doc_id = ingest_paths([path]).document_ids[0]
    assert claim(doc_id, "test-worker")
    page = RecognizedPage(index=0, source="ocr", width=100, height=100, text=text, confidence=0.9)
    outcome = Outcome(
        pages=(page,),
        fields={k: (v, 0.95) for k, v in fields.items()},
        needs_review=needs_review,
        confidence=0.9,
    )
    finalize(doc_id, "test-worker", outcome, None)
    return doc_id


def _plant(path: Path) -> str:
    from digitize.store import db
    from digitize.store.models import RECEIVED, Document
    from digitize.store.objects import get_object_store, original_key, sha256_file

    sha = sha256_file(path)
    get_object_store().put_file(original_key(sha), path, media_type="application/pdf")
    with db.session() as s:
        doc = Document(
            sha256=sha,
            media_type="application/pdf",
            size=path.stat().st_size,
            original_filename=path.name,
            original_key=original_key(sha),
            state=RECEIVED,
        )
        s.add(doc)
        s.flush()
        return str(doc.id)
