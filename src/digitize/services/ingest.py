"""Taking scans in: the one path that ``POST /api/v1/batches``, the web ``/upload``, ``digitize ingest`` and
the hot folder all follow.

1. ``store``: a new batch; every original stored write-once (``digitize.ingest.Ingestor``: guarded ZIPs, the
   same content twice is one document); each stored document pokes this process's pool so work starts while
   the rest is still being stored; the documents join a hồ sơ when one was named (resolved first: an unknown
   one refuses the upload before anything is stored).
2. ``queue``: the new documents handed to the executor (``digitize.processing.executor.enqueue``: Celery, or
   the embedded pool); stacks to split go to the background splitter (``digitize.services.stacks``).

``upload`` is both, for callers that do not wait (API, web, hot folder). ``digitize ingest`` stores, then
queues (or, with ``--wait``, splits and drains in the foreground itself).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from digitize.config import Settings, get_settings
from digitize.ingest import IngestedItem, Ingestor, IngestReport, Progress, create_batch
from digitize.processing.executor import enqueue, poke_current_pool
from digitize.store import db


@dataclass(frozen=True)
class Source:
    """A file to take in, and the name the user knows it by (an upload's file name, not the temp path)."""

    path: Path
    name: str


def resolve_file(file_ref: str | None, settings: Settings | None = None) -> str | None:
    """The id of the hồ sơ named by id or code (None for none); an unknown one is refused (422)."""
    if not file_ref:
        return None
    from digitize.services.files import resolve_file_id

    with db.session(settings) as s:
        return resolve_file_id(s, file_ref)


def store(
    sources: Iterable[Source],
    *,
    batch_name: str | None,
    actor: str,
    file_id: str | None = None,
    split: bool = False,
    on_item: Progress | None = None,
    settings: Settings | None = None,
) -> IngestReport:
    """Step 1: a new batch with every source stored (nothing processed yet, but the pool is poked)."""
    settings = settings or get_settings()
    batch_id = create_batch(batch_name, actor=actor, settings=settings)

    def stored(item: IngestedItem) -> None:
        if item.document_id is not None and not item.duplicate:
            poke_current_pool()
        if on_item is not None:
            on_item(item)

    ingestor = Ingestor(batch_id, actor=actor, settings=settings, on_item=stored, split=split)
    for source in sources:
        ingestor.add_path(source.path, display_name=source.name)
    report = ingestor.report
    if file_id is not None:
        from digitize.services.files import join_at_upload

        with db.session(settings) as s:
            join_at_upload(s, file_id, report.document_ids, by=actor)
    return report


def queue(report: IngestReport, settings: Settings | None = None) -> None:
    """Step 2: the new documents to the executor; new stacks to the background splitter."""
    settings = settings or get_settings()
    enqueue(report.new_document_ids, settings)
    if report.new_stack_ids:
        from digitize.services.stacks import split_in_background

        split_in_background(settings)


def upload(
    sources: Iterable[Source],
    *,
    batch_name: str | None,
    actor: str,
    file_ref: str | None = None,
    split: bool = False,
    settings: Settings | None = None,
) -> IngestReport:
    """Store and queue: what the API, the web upload and the hot folder do with what they were given."""
    settings = settings or get_settings()
    file_id = resolve_file(file_ref, settings)  # before anything is stored
    report = store(
        sources, batch_name=batch_name, actor=actor, file_id=file_id, split=split, settings=settings
    )
    queue(report, settings)
    return report
