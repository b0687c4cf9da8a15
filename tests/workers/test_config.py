"""The Celery configuration derived from the settings, and ``digitize worker`` refusing to start without a
broker (both without any service running)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from digitize.config import Settings
from digitize.workers.celery_app import celery_config


def test_delivery_guarantees_and_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGITIZE_BROKER_URL", "redis://127.0.0.1:6390/3")
    monkeypatch.setenv("DIGITIZE_OCR_PAGE_TIMEOUT", "40")
    monkeypatch.setenv("DIGITIZE_QUEUE_NAME", "pages")
    monkeypatch.setenv("DIGITIZE_BROKER_KEY_PREFIX", "tinh-yb:")
    conf = celery_config(Settings())
    assert conf["broker_url"] == "redis://127.0.0.1:6390/3"
    assert conf["task_acks_late"] is True
    assert conf["task_reject_on_worker_lost"] is True
    assert conf["worker_prefetch_multiplier"] == 1
    assert conf["result_backend"] is None and conf["task_ignore_result"] is True
    assert conf["task_soft_time_limit"] == 40 and conf["task_time_limit"] > 40
    assert conf["broker_connection_retry_on_startup"] is True
    assert conf["task_default_queue"] == "pages"
    transport = conf["broker_transport_options"]
    # longer than the longest task (a compose may take ten pages' worth): never handed out twice
    assert transport["visibility_timeout"] >= 3600
    assert transport["visibility_timeout"] > 10 * conf["task_time_limit"]
    assert transport["global_keyprefix"] == "tinh-yb:"


def test_amqp_gets_no_redis_transport_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGITIZE_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
    conf = celery_config(Settings())
    assert conf["broker_url"].startswith("amqp://")
    assert conf["broker_transport_options"] == {}


def test_worker_without_a_broker_is_a_usage_error() -> None:
    from digitize.cli import main

    result = CliRunner().invoke(main, ["--lang", "en", "worker", "--concurrency", "1"])
    assert result.exit_code == 64, result.output
    assert "DIGITIZE_BROKER_URL" in result.output


def test_the_tasks_are_registered_under_stable_names() -> None:
    import digitize.workers.tasks  # noqa: F401  (registers them)
    from digitize.workers.celery_app import app

    assert {"digitize.prepare", "digitize.page", "digitize.compose"} <= set(app.tasks)
    assert app.tasks["digitize.compose"].soft_time_limit > app.conf.task_soft_time_limit
