from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from digitize.config import reset_settings
from digitize.store import db
from digitize.store.auth import clear_key_cache, create_api_key, parse_grant
from digitize.store.db import dispose_all
from tests.support.databases import fresh_postgres_database


@pytest.fixture
def make_key() -> Callable[..., str]:
    def make(role: str, name: str | None = None, grants: tuple[str, ...] = ()) -> str:
        with db.session() as s:
            _, plain = create_api_key(
                s, role=role, name=name or f"test {role}", grants=[parse_grant(g) for g in grants]
            )
        return plain

    return make


@pytest.fixture
def client(digitize_home: Any) -> Iterator[TestClient]:
    """The app with its local worker pool (one process), on this test's own home."""
    from digitize.api.app import create_app

    dispose_all()
    clear_key_cache()
    app = create_app(start_pool=True, pool_workers=1)
    with TestClient(app) as c:
        yield c
    dispose_all()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def bare_client(
    request: pytest.FixtureRequest, digitize_home: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    """The app without a worker pool (for tests that need no processing), on SQLite and on PostgreSQL."""
    from digitize.api.app import create_app

    dispose_all()
    clear_key_cache()
    with contextlib.ExitStack() as stack:
        if request.param == "postgres":
            url = stack.enter_context(fresh_postgres_database())
            monkeypatch.setenv("DIGITIZE_DATABASE_URL", url)
        reset_settings()
        with TestClient(create_app(start_pool=False)) as c:
            yield c
        dispose_all()


def auth(key: str, **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}", **extra}


def wait_batch(client: TestClient, batch_id: str, key: str, timeout: float = 180.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        r = client.get(f"/api/v1/batches/{batch_id}", headers=auth(key))
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        if body["state"] == "done":
            return body
        if time.monotonic() > deadline:
            raise AssertionError(f"batch not done in time: {body}")
        time.sleep(0.5)
