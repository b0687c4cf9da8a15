from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from digitize.config import reset_settings
from digitize.store.db import dispose_all
from tests.support.databases import fresh_postgres_database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(
    request: pytest.FixtureRequest, digitize_home: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """Run the test on the embedded SQLite default and on a fresh PostgreSQL database."""
    dispose_all()
    if request.param == "sqlite":
        reset_settings()
        yield "sqlite"
        dispose_all()
        return
    with fresh_postgres_database() as url:
        monkeypatch.setenv("DIGITIZE_DATABASE_URL", url)
        reset_settings()
        yield "postgres"
        dispose_all()
