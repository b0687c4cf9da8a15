"""Export, import and fixity audits of the store (issue 16): what the CLI, the API/web pages, ``serve``'s
scheduled job and Celery beat call. The work itself is ``digitize.preservation``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from digitize.config import Settings, get_settings
from digitize.preservation.export import ExportReport, export_store
from digitize.preservation.fixity import FixityReport, audit_objects, last_audit
from digitize.preservation.importing import ImportReport, import_bag
from digitize.preservation.layout import BagFormat

Progress = Callable[[int, int], None]


def export(
    out: Path,
    *,
    fmt: BagFormat | str = BagFormat.BAGIT,
    batch_id: str | None = None,
    settings: Settings | None = None,
    on_progress: Progress | None = None,
) -> ExportReport:
    return export_store(out, fmt=fmt, batch_id=batch_id, settings=settings, on_progress=on_progress)


def import_(
    path: Path, *, settings: Settings | None = None, on_progress: Progress | None = None
) -> ImportReport:
    return import_bag(path, settings=settings, on_progress=on_progress)


def audit(*, settings: Settings | None = None, on_progress: Progress | None = None) -> FixityReport:
    return audit_objects(settings, on_progress=on_progress)


def last_fixity(settings: Settings | None = None) -> dict[str, Any] | None:
    return last_audit(settings or get_settings())


__all__ = [
    "BagFormat",
    "ExportReport",
    "FixityReport",
    "ImportReport",
    "audit",
    "export",
    "import_",
    "last_fixity",
]
