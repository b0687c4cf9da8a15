"""The embedded executor's worker start-up (``processing.executor``)."""

from __future__ import annotations

import logging
import os

import pytest

from digitize.pipeline import run
from digitize.processing import executor


def test_a_worker_whose_warm_up_fails_says_so_in_the_log_and_still_starts(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # a renamed second pass or a corrupt model makes run.warm() raise: the worker must still start (the
    # document reports the missing part itself), and the operator must be told the worker is cold
    def broken() -> None:
        raise ImportError("no module named 'digitize.pipeline.gone'")

    monkeypatch.setattr(run, "warm", broken)
    with caplog.at_level(logging.WARNING, logger="digitize.processing.executor"):
        pid = executor._child_warm()
    assert pid == os.getpid()
    failed = [r for r in caplog.records if "warm-up failed" in r.getMessage()]
    assert failed and failed[0].exc_info is not None
    assert "digitize.pipeline.gone" in str(failed[0].exc_info[1])
