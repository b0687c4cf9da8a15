"""Fixtures shared by the whole suite.

Every test runs with its own ``DIGITIZE_HOME`` (nothing touches ./var) and Tesseract limited to one
thread (the suite runs one process per core with pytest-xdist).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from digitize.config import reset_settings

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def digitize_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh DIGITIZE_HOME for each test; other DIGITIZE_ variables from the caller are dropped."""
    for key in list(os.environ):
        if key.startswith("DIGITIZE_"):
            monkeypatch.delenv(key)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("DIGITIZE_HOME", str(home))
    # the test PKI's OCSP responders, CRLs and TSA run on loopback, which verification refuses by default
    monkeypatch.setenv("DIGITIZE_VERIFY_FETCH_ALLOW_HOSTS", "127.0.0.1,localhost,::1")
    reset_settings()
    yield home
    reset_settings()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (real scans, DSS PDFs); tests that need it skip cleanly where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
