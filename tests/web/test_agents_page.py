"""The officer's signing page lists their own paired signing agents and unpairs them (a CSRF form, POST); no
one else's agent is listed or can be unpaired (404 alike); the pairing command names the configured public
address, never a Host header the client made up."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from digitize.config import reset_settings
from digitize.services.signing import issue_pairing_code, redeem_pairing_code
from digitize.store import db
from digitize.store.auth import Principal, create_user
from tests.web.conftest import PASSWORD, csrf_of, sign_in


def _pair(user: str, role: str, device: str) -> dict[str, Any]:
    code = issue_pairing_code(Principal("user", user, role))["code"]
    return redeem_pairing_code(code, address="127.0.0.1", device=device)


@pytest.fixture
def officers(web: TestClient) -> None:
    with db.session() as s:
        for name, role in (("hoa", "officer"), ("lan", "officer"), ("thu", "clerk"), ("qt", "admin")):
            create_user(s, name=name, role=role, password=PASSWORD)


def _as(web: TestClient, name: str) -> TestClient:
    web.cookies.clear()
    assert sign_in(web, name).status_code == 303
    return web


def _sessions_status(api_key: str, web: TestClient) -> int:
    return web.get("/api/v1/signing-sessions", headers={"Authorization": f"Bearer {api_key}"}).status_code


def test_officer_sees_and_unpairs_only_their_own_agents(web: TestClient, officers: None) -> None:
    mine = _pair("hoa", "officer", "PC phòng Hòa <b>")
    other = _pair("lan", "officer", "Laptop Lan")
    assert _sessions_status(mine["api_key"], web) == 200 and _sessions_status(other["api_key"], web) == 200

    page = _as(web, "hoa").get("/sign")
    assert page.status_code == 200
    agents = page.text[page.text.index('id="agents"') :]
    assert "PC phòng Hòa &lt;b&gt;" in agents and "Laptop Lan" not in agents  # hers only, as text
    assert f"/sign/agents/{mine['key_id']}/unpair" in agents
    assert f"/sign/agents/{other['key_id']}/unpair" not in agents
    # paired at, and last used (the API call above): two times, no "never"
    assert "chưa dùng" not in agents and len(re.findall(r"\d{4}-\d\d-\d\dT", agents)) == 2
    token = csrf_of(page.text)

    # someone else's agent: 404, and it still works
    r = web.post(f"/sign/agents/{other['key_id']}/unpair", data={"csrf_token": token})
    assert r.status_code == 404, r.text
    assert _sessions_status(other["api_key"], web) == 200
    # an unknown key id: the same 404
    assert web.post("/sign/agents/khongco/unpair", data={"csrf_token": token}).status_code == 404
    # no CSRF token: refused, still paired
    assert web.post(f"/sign/agents/{mine['key_id']}/unpair", data={}).status_code in (400, 403)
    assert _sessions_status(mine["api_key"], web) == 200
    # a GET does not unpair
    assert web.get(f"/sign/agents/{mine['key_id']}/unpair").status_code in (404, 405)
    assert _sessions_status(mine["api_key"], web) == 200

    r = web.post(f"/sign/agents/{mine['key_id']}/unpair", data={"csrf_token": token})
    assert r.status_code == 303 and r.headers["location"] == "/sign?unpaired=1"
    assert _sessions_status(mine["api_key"], web) == 401  # the agent's key stops at once
    page = web.get("/sign?unpaired=1")
    assert 'id="agents-unpaired"' in page.text and "PC phòng Hòa" not in page.text
    # twice: 404 (already unpaired)
    assert web.post(f"/sign/agents/{mine['key_id']}/unpair", data={"csrf_token": token}).status_code == 404

    # lan's agent is unaffected and lan can unpair it herself
    page = _as(web, "lan").get("/sign")
    assert "Laptop Lan" in page.text
    r = web.post(f"/sign/agents/{other['key_id']}/unpair", data={"csrf_token": csrf_of(page.text)})
    assert r.status_code == 303 and _sessions_status(other["api_key"], web) == 401


def test_admin_and_agents_cannot_unpair(web: TestClient, officers: None) -> None:
    clerk_agent = _pair("thu", "clerk", "Máy văn thư")
    page = _as(web, "thu").get("/sign")
    assert "Máy văn thư" in page.text  # a clerk pairs and sees hers too
    # an administrator (who may open /sign) cannot unpair an officer's agent through the page
    page = _as(web, "qt").get("/sign")
    assert page.status_code == 200 and "Máy văn thư" not in page.text
    r = web.post(f"/sign/agents/{clerk_agent['key_id']}/unpair", data={"csrf_token": csrf_of(page.text)})
    assert r.status_code in (403, 404), r.text
    web.cookies.clear()
    # a paired agent's own key does not manage agents (no session, no page)
    r = web.post(
        f"/sign/agents/{clerk_agent['key_id']}/unpair",
        headers={"Authorization": f"Bearer {clerk_agent['api_key']}"},
    )
    assert r.status_code in (401, 403, 404) or r.headers["location"].startswith("/login"), r.text
    assert _sessions_status(clerk_agent["api_key"], web) == 200


def test_pairing_command_names_the_public_address_not_the_host_header(
    web: TestClient, officers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = "evil.example:8443"
    monkeypatch.setenv("DIGITIZE_PUBLIC_BASE_URL", "https://ky.sokhcn.gov.vn/")
    reset_settings()
    page = _as(web, "hoa").get("/sign")
    r = web.post("/sign/agent-code", data={"csrf_token": csrf_of(page.text)}, headers={"Host": hostile})
    assert r.status_code == 200, r.text
    command = re.search(r'id="pairing-command">([^<]*)<', r.text)
    assert command is not None
    assert command.group(1).startswith("digitize agent pair --server https://ky.sokhcn.gov.vn --code ")
    assert "evil.example" not in r.text

    # not configured: the request's own address is the fallback
    monkeypatch.delenv("DIGITIZE_PUBLIC_BASE_URL")
    reset_settings()
    r = web.post("/sign/agent-code", data={"csrf_token": csrf_of(page.text)})
    command = re.search(r'id="pairing-command">([^<]*)<', r.text)
    assert command is not None and command.group(1).startswith(
        "digitize agent pair --server http://testserver "
    )
