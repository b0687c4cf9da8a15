"""``digitize worker [--concurrency N]``: a Celery worker (prefork pool) on ``digitize.workers.celery_app``.

Celery is imported only when the command runs (the core library never imports it).
"""

from __future__ import annotations

import click

from digitize.errors import UsageError


@click.command(name="worker")
@click.option(
    "--concurrency",
    "-c",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the number of CPUs).",
)
@click.option(
    "--loglevel",
    "-l",
    default="INFO",
    show_default=True,
    type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"], case_sensitive=False),
)
@click.option("--hostname", "-n", default=None, help="Node name (default: celery@HOST).")
@click.option(
    "--max-tasks-per-child",
    type=click.IntRange(min=1),
    default=None,
    help="Replace a worker process after this many tasks.",
)
def worker(
    concurrency: int | None, loglevel: str, hostname: str | None, max_tasks_per_child: int | None
) -> None:
    """Chạy một worker Celery (Run a Celery worker): pages from DIGITIZE_BROKER_URL, state in the database."""
    import os

    from digitize.config import get_settings
    from digitize.store import db

    settings = get_settings()
    if not settings.broker_url:
        raise UsageError(
            "Chưa đặt DIGITIZE_BROKER_URL (vd. redis://127.0.0.1:6379/0).",
            "DIGITIZE_BROKER_URL is not set (e.g. redis://127.0.0.1:6379/0).",
        )
    db.get_engine(settings)  # the schema is up to date before the first task (one migrates, others wait)
    db.dispose_all()  # no connection crosses the fork into the pool processes

    from digitize.workers.celery_app import app

    argv = [
        "worker",
        f"--loglevel={loglevel.upper()}",
        "--pool=prefork",
        f"--concurrency={concurrency or os.cpu_count() or 1}",
        f"--queues={settings.queue_name}",
        "--without-gossip",
        "--without-mingle",
    ]
    if hostname:
        argv.append(f"--hostname={hostname}")
    if max_tasks_per_child:
        argv.append(f"--max-tasks-per-child={max_tasks_per_child}")
    app.worker_main(argv)
