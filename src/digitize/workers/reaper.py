"""The stuck-work reaper: a thread in every worker's main process.

Every ``reaper_interval_seconds`` (with jitter, so several workers do not scan in step) it asks the core
(``digitize.processing.machine.reap``) for work whose lease expired, and sends it again. A worker machine that
died mid-page is thus re-queued within ``worker_stale_seconds`` + ``reaper_interval_seconds``, however long
the broker would keep its unacknowledged message. Several reapers at once are harmless: each change is a
conditional UPDATE that only one of them makes.
"""

from __future__ import annotations

import logging
import random
import threading
from typing import Any

from digitize.config import Settings

log = logging.getLogger("digitize.reaper")


class Reaper:
    def __init__(self, app: Any, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="digitize-reaper", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=10)

    def _run(self) -> None:
        interval = max(0.5, self.settings.reaper_interval_seconds)
        while not self._stop.wait(interval * random.uniform(0.8, 1.2)):
            try:
                self.run_once()
            except Exception as exc:  # database or broker away: next time
                log.warning("reaper: %s", exc)

    def run_once(self) -> dict[str, Any]:
        from digitize.processing import machine
        from digitize.workers import tasks

        depth = tasks.queue_depth()
        reaped = machine.reap(depth, self.settings)
        if not reaped:
            return {}
        sent = tasks.resend(reaped)
        log.warning("reaper re-queued stuck work: %s", sent)
        return sent
