"""The Celery application: queues only carry work, the database is the truth about state.

Settings come from ``digitize.config.Settings`` (``DIGITIZE_BROKER_URL``: ``redis://`` by default,
``amqp://`` for RabbitMQ). No result backend: a task's outcome is written to the database by the core
(``digitize.processing.machine``), which every task only calls.

Delivery guarantees: messages are acknowledged after the work (``task_acks_late``) and given back when a
worker process dies (``task_reject_on_worker_lost``); each process takes one message at a time
(``worker_prefetch_multiplier=1``). A whole machine that dies leaves its claims in the database without
heartbeats; every worker runs a reaper thread (``digitize.workers.reaper``) that re-queues such work within
``worker_stale_seconds`` + ``reaper_interval_seconds``, whatever the broker's visibility timeout.
"""

from __future__ import annotations

from typing import Any, ClassVar

from celery import Celery, bootsteps
from celery.signals import worker_process_init

from digitize.config import DEFAULT_BROKER_URL, REDIS_BROKER_SCHEMES, Settings, get_settings

DEFAULT_BROKER = DEFAULT_BROKER_URL


def celery_config(settings: Settings) -> dict[str, Any]:
    """The Celery configuration derived from our settings (pure: tested without a broker)."""
    page_soft = float(settings.ocr_page_timeout)
    page_hard = page_soft + 30.0
    broker = settings.effective_broker_url
    transport: dict[str, Any] = {}
    if broker.startswith(REDIS_BROKER_SCHEMES):
        transport = {
            # An unacknowledged message goes back to the queue after this long. Longer than any task may
            # run (the hard time limit of a compose is several pages' worth), so a slow task is never
            # handed to a second worker while the first one still works on it. Dead workers are covered
            # by the reaper, not by this timeout.
            "visibility_timeout": int(max(3600.0, 2 * (10 * page_soft + 60))),
            "socket_timeout": 30,
            "socket_connect_timeout": 5,
            "retry_on_timeout": True,
            "health_check_interval": 25,
        }
        if settings.broker_key_prefix:
            transport["global_keyprefix"] = settings.broker_key_prefix
    return {
        "broker_url": broker,
        "result_backend": None,
        "task_ignore_result": True,
        "task_store_errors_even_if_ignored": False,
        "task_serializer": "json",
        "accept_content": ["json"],
        "task_default_queue": settings.queue_name,
        "task_default_exchange": settings.queue_name,
        "task_default_routing_key": settings.queue_name,
        "task_acks_late": True,
        "task_acks_on_failure_or_timeout": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_soft_time_limit": page_soft,
        "task_time_limit": page_hard,
        "task_track_started": False,
        "broker_connection_retry": True,
        "broker_connection_retry_on_startup": True,
        "broker_connection_max_retries": None,
        "broker_connection_timeout": 5,
        "broker_heartbeat": 30,
        "broker_transport_options": transport,
        # A lost broker connection redelivers unacknowledged messages anyway; cancelling the running ones
        # avoids acknowledging on a dead channel. The database keeps what was finished; the page of a run
        # cancelled so is given back uncounted, a bounded number of times (tasks.PageRequest.cancel).
        "worker_cancel_long_running_tasks_on_connection_loss": True,
        "worker_hijack_root_logger": False,
        "worker_send_task_events": False,
        "task_send_sent_event": False,
        "enable_utc": True,
        "timezone": "UTC",
    }


def create_app(settings: Settings | None = None) -> Celery:
    settings = settings or get_settings()
    app = Celery("digitize")
    app.conf.update(celery_config(settings))
    app.steps["worker"].add(ReaperStep)
    app.conf.imports = ("digitize.workers.tasks",)  # imported by the worker at start
    app.conf.beat_schedule = beat_schedule(settings)
    return app


def beat_schedule(settings: Settings) -> dict[str, Any]:
    """``celery -A digitize.workers.celery_app beat``: the fixity audit (issue 16), looked at hourly; it runs
    when the last one is older than ``fixity_interval_hours`` (0: not scheduled)."""
    if settings.fixity_interval_hours <= 0:
        return {}
    every = min(3600.0, settings.fixity_interval_hours * 3600)
    return {"digitize-fixity-audit": {"task": "digitize.fixity_audit", "schedule": every}}


class ReaperStep(bootsteps.StartStopStep):
    """Runs the stuck-work reaper in a thread of the worker's main process."""

    requires: ClassVar[set[str]] = {"celery.worker.components:Pool"}

    def __init__(self, worker: Any, **kwargs: Any) -> None:
        super().__init__(worker, **kwargs)
        self.reaper: Any = None

    def start(self, worker: Any) -> None:
        from digitize.workers.reaper import Reaper

        self.reaper = Reaper(worker.app, get_settings())
        self.reaper.start()

    def stop(self, worker: Any) -> None:
        if self.reaper is not None:
            self.reaper.stop()

    def shutdown(self, worker: Any) -> None:
        self.stop(worker)


@worker_process_init.connect
def _fresh_connections_in_child(**_: Any) -> None:
    """A forked pool process must not share the parent's database connections."""
    from digitize.processing import machine

    machine.after_fork()


app = create_app()
