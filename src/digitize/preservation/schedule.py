"""The scheduled fixity audit: a thread in ``digitize serve`` (the embedded default), and the Celery beat
entry (``workers``) when a broker is configured. Both run an audit when the last one recorded in the audit
trail is older than ``Settings.fixity_interval_hours`` (0: never on a schedule), so a restarted server does
not start over, and several servers on one database rarely run it twice.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta

from digitize.config import Settings, get_settings

log = logging.getLogger("digitize.fixity")


def due(settings: Settings, now: datetime | None = None) -> bool:
    """Whether a scheduled audit should run now."""
    from digitize.preservation.fixity import last_audit

    if settings.fixity_interval_hours <= 0:
        return False
    last = last_audit(settings)
    if last is None or not last.get("at"):
        return True
    at = datetime.fromisoformat(str(last["at"]).replace("Z", "+00:00"))
    now = now or datetime.now(UTC)
    return now - at >= timedelta(hours=settings.fixity_interval_hours)


def run_if_due(settings: Settings | None = None) -> bool:
    """Run an audit if one is due; True when it ran (its outcome is in the audit trail)."""
    from digitize.preservation.fixity import audit_objects

    settings = settings or get_settings()
    if not due(settings):
        return False
    report = audit_objects(settings)
    if report.ok:
        log.info("fixity audit: %d objects, %d bytes, all sound", report.checked, report.bytes)
    else:
        log.error("fixity audit: %d of %d objects missing or changed", report.problem_count, report.checked)
    return True


class FixityScheduler:
    """A daemon thread that checks every ``poll_seconds`` whether an audit is due and runs it."""

    def __init__(
        self, settings: Settings | None = None, poll_seconds: float = 300.0, first_after: float = 60.0
    ) -> None:
        self.settings = settings or get_settings()
        self.poll_seconds = poll_seconds
        self.first_after = first_after  # let the server start before the first look
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.settings.fixity_interval_hours <= 0 or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="fixity-scheduler", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self._stop.wait(self.first_after)
        while not self._stop.is_set():
            try:
                run_if_due(self.settings)
            except Exception as exc:  # the database or the bucket is away: try again later
                log.warning("fixity audit not run: %s", exc)
            self._stop.wait(self.poll_seconds)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
