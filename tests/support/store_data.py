"""Helpers to put documents with known fields into a test store (through the real store functions)."""

from __future__ import annotations

from pathlib import Path

from digitize.ingest import ingest_paths
from digitize.pipeline.model import RecognizedPage
from digitize.processing.executor import Outcome, claim, finalize
from tests.support.scans import tiny_pdf


def stored_document(
    tmp: Path, name: str, fields: dict[str, str | None], text: str = "", needs_review: bool = False
) -> str:
    """Ingest a small unique file and finish it with the given fields and page text (no OCR)."""
    path = tmp / name
    path.write_bytes(tiny_pdf(name + repr(sorted(fields.items()))))
    report = ingest_paths([path])
    doc_id = report.document_ids[0]
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
