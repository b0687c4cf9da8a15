"""Fixtures of the web pages' tests: an app without workers, users of every role, a signed-in client."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from digitize.store import db
from digitize.store.auth import clear_key_cache, create_user
from digitize.store.db import dispose_all
from tests.support.pki import pki  # noqa: F401  (the session's test PKI, for the signing tests)

PASSWORD = "mật-khẩu-thử-1"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    m = CSRF_RE.search(html)
    assert m, "no CSRF token on the page"
    return m.group(1)


@pytest.fixture
def web(digitize_home: Any) -> Iterator[TestClient]:
    """The whole app (API + pages) without a worker pool, on this test's own home."""
    from digitize.api.app import create_app

    dispose_all()
    clear_key_cache()
    with TestClient(create_app(start_pool=False), follow_redirects=False) as c:
        yield c
    dispose_all()


@pytest.fixture
def users(web: TestClient) -> dict[str, str]:
    names = {role: f"{role}1" for role in ("archivist", "reviewer", "officer", "admin", "agency")}
    with db.session() as s:
        for role, name in names.items():
            create_user(s, name=name, role=role, password=PASSWORD)
    return names


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> Any:
    page = client.get("/login")
    token = csrf_of(page.text)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token, "next": "/"})


@pytest.fixture
def login(web: TestClient, users: dict[str, str]) -> Callable[[str], TestClient]:
    def as_role(role: str) -> TestClient:
        web.cookies.clear()
        r = sign_in(web, users[role])
        assert r.status_code == 303, r.text
        return web

    return as_role
