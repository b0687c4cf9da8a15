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
    from workers.celery_app import beat_schedule

    entry = beat_schedule(Settings(fixity_interval_hours=24))["digitize-fixity-audit"]
    assert entry["task"] == "digitize.fixity_audit" and entry["schedule"] == 3600
    assert beat_schedule(Settings(fixity_interval_hours=0)) == {}
    from workers import tasks

    assert tasks.fixity_audit.name == "digitize.fixity_audit"
