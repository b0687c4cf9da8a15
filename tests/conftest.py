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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The modules holding end-to-end tests (marked ``slow``) run first, each kept whole (its module-scoped
    fixtures set up once per worker), in collection order; the rest as collected after them.

    ``--dist loadgroup`` hands the tests out in this order, a few at a time: quick tests at the end let both
    workers finish together, where a worker given the last e2e tests ran on alone while the other idled.
    Every process collects the same order (the hook is deterministic), as pytest-xdist requires."""
    slow_modules = {item.path for item in items if item.get_closest_marker("slow") is not None}
    items[:] = [i for i in items if i.path in slow_modules] + [i for i in items if i.path not in slow_modules]
    _xdist_groups(config, items)


def _xdist_groups(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The tests marked ``xdist_group(NAME)`` handed out together (one process: what they share is made
    once). pytest-xdist puts NAME at the end of their ids for ``--dist loadgroup`` by setting ``_nodeid``,
    which pytest 9 no longer reads (the id is built from ``_id``): without this every test went alone, its
    group ignored."""
    if not getattr(config.option, "loadgroup", False):
        return  # not a pytest-xdist worker of ``--dist loadgroup``
    from _pytest.nodeid import NodeId

    for item in items:
        names = sorted(
            {
                str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                for m in item.iter_markers("xdist_group")
            }
        )
        if names and "@" not in item.nodeid:
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(names)}")


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
