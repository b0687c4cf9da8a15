"""The scheduled fixity audit: due when none ran or the last is older than the interval; the serve thread
runs it; Celery beat has the entry."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from digitize.config import Settings, get_settings, reset_settings
from digitize.preservation.fixity import last_audit
from digitize.preservation.schedule import FixityScheduler, due, run_if_due
from tests.support.store_data import stored_document


def test_due_and_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stored_document(tmp_path, "s.pdf", {"type_name": "Giấy phép"})
    settings = get_settings()
    assert due(settings)
    assert run_if_due(settings)
    assert not due(settings) and not run_if_due(settings)
    assert due(settings, now=datetime.now(UTC) + timedelta(hours=settings.fixity_interval_hours, seconds=1))
    monkeypatch.setenv("DIGITIZE_FIXITY_INTERVAL_HOURS", "0")
    reset_settings()
    assert not due(get_settings(), now=datetime.now(UTC) + timedelta(days=3650))


def test_serve_thread_runs_it(tmp_path: Path) -> None:
    stored_document(tmp_path, "t.pdf", {"type_name": "Giấy phép"})
    scheduler = FixityScheduler(get_settings(), poll_seconds=0.05, first_after=0)
    scheduler.start()
    try:
        for _ in range(200):
            if last_audit() is not None:
                break
            time.sleep(0.05)
    finally:
        scheduler.stop()
    last = last_audit()
    assert last is not None and last["checked"] == 1 and last["problem_count"] == 0


def test_celery_beat_entry() -> None:
    from digitize.workers.celery_app import beat_schedule

    entry = beat_schedule(Settings(fixity_interval_hours=24))["digitize-fixity-audit"]
    assert entry["task"] == "digitize.fixity_audit" and entry["schedule"] == 3600
    assert beat_schedule(Settings(fixity_interval_hours=0)) == {}
    from digitize.workers import tasks

    assert tasks.fixity_audit.name == "digitize.fixity_audit"


def test_audit_covers_stack_originals(tmp_path: Path) -> None:
    """A stack scan kept whole (issue 15) is an original a user uploaded: the audit reads it too."""
    import hashlib

    from digitize.preservation.fixity import audit_objects
    from digitize.store import db
    from digitize.store.models import Stack
    from digitize.store.objects import get_object_store, original_key

    data = b"%PDF-1.4\n% a stack of three documents\n"
    sha = hashlib.sha256(data).hexdigest()
    objects = get_object_store()
    objects.put_bytes(original_key(sha), data)
    with db.session() as s:
        s.add(
            Stack(
                sha256=sha,
                media_type="application/pdf",
                size=len(data),
                original_filename="stack.pdf",
                original_key=original_key(sha),
                state="split",
            )
        )
    assert audit_objects(record=False).checked == 1
    objects.delete(original_key(sha))
    report = audit_objects(record=False)
    assert [(p.kind, str(p.problem)) for p in report.problems] == [("stack", "missing")]
