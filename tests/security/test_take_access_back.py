"""Finding 6: an API key revoked, a user disabled, a password changed — effective at the next request, in
every process (no cache of verified keys survives a revoke), audited."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import select

from digitize.cli import main
from digitize.store import db
from digitize.store.auth import create_api_key, create_user
from digitize.store.models import ApiKey, AuditEntry, utcnow

PASSWORD = "mat-khau-that-dai-1"


@pytest.fixture
def client() -> Iterator[TestClient]:
    from digitize.api.app import create_app
    from digitize.store.db import dispose_all

    db.get_engine()
    with TestClient(create_app(start_pool=False), follow_redirects=False) as c:
        yield c
    dispose_all()


def _actions() -> list[tuple[str, str | None]]:
    with db.session() as s:
        return [(a.action, a.target) for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_key_revoked_elsewhere_is_refused_at_once(client: TestClient) -> None:
    with db.session() as s:
        row, plain = create_api_key(s, role="archivist", name="máy quét")
        key_id = row.key_id
    h = {"Authorization": f"Bearer {plain}"}
    assert client.get("/api/v1/batches", headers=h).status_code == 200  # verified and remembered
    # another process (the CLI on the same database) revokes it: this process's memory is not told
    with db.session() as s:
        s.scalar(select(ApiKey).where(ApiKey.key_id == key_id)).revoked_at = utcnow()  # type: ignore[union-attr]
    assert client.get("/api/v1/batches", headers=h).status_code == 401


def test_keys_revoke_command(client: TestClient) -> None:
    with db.session() as s:
        row, plain = create_api_key(s, role="agency", name="Sở Tư pháp")
        key_id = row.key_id
    h = {"Authorization": f"Bearer {plain}", "X-Purpose": "audit"}
    assert client.get("/api/v1/documents", headers=h).status_code == 200
    assert key_id in _cli("keys", "list")
    _cli("keys", "revoke", key_id)
    assert client.get("/api/v1/documents", headers=h).status_code == 401
    assert ("key.revoke", key_id) in _actions()
    assert "revoked" in _cli("--lang", "en", "keys", "list")
    result = CliRunner().invoke(main, ["keys", "revoke", "khong-co"])
    assert result.exit_code != 0


def _sign_in(client: TestClient, name: str, password: str = PASSWORD) -> int:
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token}).status_code


def test_users_disable_ends_the_session_and_sign_in(client: TestClient) -> None:
    with db.session() as s:
        create_user(s, name="reviewer1", role="reviewer", password=PASSWORD)
    assert _sign_in(client, "reviewer1") == 303
    assert client.get("/review").status_code == 200
    assert "1" in _cli("users", "disable", "reviewer1")
    assert client.get("/review").status_code == 303
    assert _sign_in(client, "reviewer1") == 401
    _cli("users", "enable", "reviewer1")
    assert _sign_in(client, "reviewer1") == 303
    assert ("user.disable", "reviewer1") in _actions() and ("user.enable", "reviewer1") in _actions()


def test_users_password_command(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    with db.session() as s:
        create_user(s, name="officer2", role="officer", password=PASSWORD)
    assert _sign_in(client, "officer2") == 303
    monkeypatch.setenv("NEW_PW", "mat-khau-moi-cua-officer")
    _cli("users", "password", "officer2", "--password-env", "NEW_PW")
    assert client.get("/sign").status_code == 303  # the session ended
    assert _sign_in(client, "officer2") == 401
    assert _sign_in(client, "officer2", "mat-khau-moi-cua-officer") == 303
    assert ("user.password", "officer2") in _actions()
    monkeypatch.setenv("SHORT", "ngan")
    assert (
        CliRunner().invoke(main, ["users", "password", "officer2", "--password-env", "SHORT"]).exit_code != 0
    )
