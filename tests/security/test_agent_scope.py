"""A paired signing agent's key (``POST /api/v1/agent/pair`` with a code from an officer's signing page) does
what the agent does, nothing else: signing sessions. It carries the officer's role, but a copy of it taken
from the officer's PC must not read every record (personal data) or revoke a result. And a password change,
which takes back every web session of a stolen account, takes back the agents paired from it too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from digitize.services.access import change_password
from digitize.services.signing import issue_pairing_code, redeem_pairing_code
from digitize.store import db
from digitize.store.auth import Principal, create_user
from tests.api.conftest import auth
from tests.api.signing_helpers import done_pdf_document

PASSWORD = "mật-khẩu-dài-thử"


def _paired_agent(name: str) -> str:
    with db.session() as s:
        create_user(s, name=name, role="officer", password=PASSWORD)
    code = issue_pairing_code(Principal("user", name, "officer"))["code"]
    paired = redeem_pairing_code(code, address="192.0.2.7", device="PC\x1b[2K\u202e")
    assert paired["name"] == f"trình ký của {name} (PC[2K)"  # shown by `digitize keys list`: no escapes
    return str(paired["api_key"])


def test_a_paired_agent_key_reaches_signing_sessions_only(
    bare_client: TestClient, make_key: Callable[..., str], tmp_path: Path
) -> None:
    agent = _paired_agent("can-bo-1")
    doc_id = done_pdf_document(tmp_path, "gp-agent")
    officer = make_key("officer")  # an officer's own key: the same role, its full reach
    assert bare_client.get("/api/v1/documents", headers=auth(officer)).status_code == 200

    assert bare_client.get("/api/v1/signing-sessions", headers=auth(agent)).status_code == 200
    assert bare_client.get("/api/v1/documents", headers=auth(agent)).status_code == 403
    assert bare_client.get(f"/api/v1/documents/{doc_id}", headers=auth(agent)).status_code == 403
    assert bare_client.get(f"/api/v1/documents/{doc_id}/file", headers=auth(agent)).status_code == 403
    r = bare_client.post(
        f"/api/v1/documents/{doc_id}/revoke", json={"reason": "thu hồi giả"}, headers=auth(agent)
    )
    assert r.status_code == 403, r.text
    assert bare_client.get("/api/v1/batches", headers=auth(agent)).status_code == 403
    record = bare_client.get(f"/api/v1/documents/{doc_id}", headers=auth(officer)).json()
    assert record["validity"]["status"] != "revoked"


def test_a_password_change_takes_back_the_agents_paired_from_the_account(bare_client: TestClient) -> None:
    agent = _paired_agent("can-bo-2")
    assert bare_client.get("/api/v1/signing-sessions", headers=auth(agent)).status_code == 200
    change_password("can-bo-2", "mật-khẩu-mới-dài", by="cli")
    assert bare_client.get("/api/v1/signing-sessions", headers=auth(agent)).status_code == 401
