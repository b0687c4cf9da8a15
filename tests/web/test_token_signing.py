"""The web side of signing with a key that stays with its holder: the admin registers an officer's
certificate (/certificates); the officer ticks documents and presses "sign with my token"; the page follows
the sessions while the agent (here the agent's code over the app, with the officer's PKCS#12 as the key)
signs them; every document ends signed and verified."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from digitize.config import reset_settings
from digitize.signing.agent import Agent
from digitize.signing.keys import P12Source, open_key
from digitize.store import db
from digitize.store.auth import create_api_key
from digitize.store.models import Signature
from tests.api.signing_helpers import done_pdf_document
from tests.support.pki import TestPKI
from tests.web.conftest import csrf_of


@pytest.fixture
def trust(pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = tmp_path / "trust"
    d.mkdir()
    shutil.copy(pki.root_cert, d / "root.pem")
    monkeypatch.setenv("DIGITIZE_TRUST_DIR", str(d))
    monkeypatch.setenv("DIGITIZE_TSA_URL", pki.tsa_url)
    monkeypatch.setenv("WEB_TOKEN_P12", pki.p12_password)
    reset_settings()


def test_sign_with_my_token(
    login: Callable[[str], TestClient], web: TestClient, pki: TestPKI, tmp_path: Path, trust: None
) -> None:
    docs = [done_pdf_document(tmp_path, f"gp-token-{i}") for i in range(3)]
    # the officer has no certificate yet: no token button
    client = login("officer")
    assert 'id="token-submit"' not in client.get("/sign").text
    assert client.get("/certificates").status_code == 403  # admins only

    # the admin registers the officer's certificate
    admin = login("admin")
    page = admin.get("/certificates")
    assert page.status_code == 200
    r = admin.post(
        "/certificates",
        data={"csrf_token": csrf_of(page.text), "user": "officer1", "pem": pki.officer.cert.read_text()},
    )
    assert r.status_code == 303, r.text
    assert "officer1" in admin.get("/certificates").text
    bad = admin.post("/certificates", data={"csrf_token": csrf_of(page.text), "user": "officer1", "pem": "x"})
    assert bad.status_code == 422

    client = login("officer")
    queue = client.get("/sign")
    assert 'id="token-submit"' in queue.text and "Nguyễn Văn An" in queue.text
    fp = queue.text.split('id="token-certificate"><option value="', 1)[1].split('"', 1)[0]
    r = client.post(
        "/sign/token",
        data={"csrf_token": csrf_of(queue.text), "ids": docs, "certificate": fp, "level": "B-T"},
    )
    assert r.status_code == 303, r.text
    url = r.headers["location"]
    page = client.get(url)
    assert page.text.count('data-state="pending"') == 3 and 'data-finished="0"' in page.text
    assert 'hx-get="/sign/token/' in page.text  # followed live

    # the officer's agent, paired with a key that holds the same certificate, signs them (one key opening)
    with db.session() as s:
        from digitize.services.signing import register_certificate

        row, plain = create_api_key(s, role="officer", name="agent of officer1")
        register_certificate(s, "key", row.key_id, pki.officer.cert.read_bytes(), by="test")
    agent_http = TestClient(web.app, headers={"Authorization": f"Bearer {plain}"})
    agent = Agent(agent_http)
    pending = agent.pending()
    assert sorted(p["document_id"] for p in pending) == sorted(docs)
    with open_key(P12Source(pki.officer.p12, "WEB_TOKEN_P12")) as key:
        outcomes = agent.sign_batch(pending, key)
    assert all(o.ok for o in outcomes), outcomes

    fragment = client.get(url + "/progress").text
    assert fragment.count('data-state="completed"') == 3 and 'data-finished="1"' in fragment
    assert "hx-get" not in fragment
    with db.session() as s:
        rows = s.scalars(select(Signature).where(Signature.document_id.in_(docs))).all()
    assert len(rows) == 3 and all(r.verified and r.level == "B-T" for r in rows)
    # another user cannot follow this batch
    assert login("reviewer").get(url).status_code == 403
