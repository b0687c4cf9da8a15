"""Pairing the signing agent by a code shown on the officer's web page, the whole way over HTTP: the officer
signs in, asks for a code on /sign, runs ``digitize agent pair --server URL --code CODE`` on their PC; the
agent then signs what the officer's page prepared. Refusals: a used code (409), an expired one (410), a
wrong one (401) and, past a few, every guess from that address (429, even a right code); an admin gets no
code; a key paired for a disabled officer stops working."""

from __future__ import annotations

import json
import re
import time
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from digitize.cli import main
from digitize.config import get_settings, reset_settings
from digitize.services.signing import create_sessions, register_certificate
from digitize.store import db
from digitize.store.auth import Principal, create_user
from digitize.store.models import AgentPairing, Signature, User, utcnow
from tests.api.signing_helpers import done_pdf_document, write_profiles
from tests.support.live import live_server
from tests.support.pki import TestPKI
from tests.web.conftest import csrf_of

PASSWORD = "mật-khẩu-dài-thử"
CODE_RE = re.compile(r'id="pairing-code"[^>]*>([A-Z2-9]{4}-[A-Z2-9]{4})<')


def _signed_in(url: str, name: str) -> httpx.Client:
    web = httpx.Client(base_url=url, follow_redirects=False, timeout=60)
    token = csrf_of(web.get("/login").text)
    r = web.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": token, "next": "/"})
    assert r.status_code == 303, r.text
    return web


def _code(web: httpx.Client) -> str:
    page = web.get("/sign")
    assert page.status_code == 200 and 'id="pair-form"' in page.text
    r = web.post("/sign/agent-code", data={"csrf_token": csrf_of(page.text)})
    assert r.status_code == 200, r.text
    m = CODE_RE.search(r.text)
    assert m, r.text
    # the configured public address (DIGITIZE_PUBLIC_BASE_URL, set by write_profiles), not the Host header
    server = get_settings().public_base_url.rstrip("/")
    assert f"digitize agent pair --server {server} --code {m.group(1)}" in r.text
    return m.group(1)


def _pair(url: str, code: str, config: Path) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["agent", "pair", "--server", url, "--code", code, "--config", str(config)]
    )
    return result.exit_code, result.output


def test_pairing_the_agent_with_a_code_from_the_signing_page(
    pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, digitize_home: Path
) -> None:
    write_profiles(pki, tmp_path, monkeypatch)
    monkeypatch.setenv("AGENT_P12_PASSWORD", pki.p12_password)
    reset_settings()
    db.get_engine()
    with db.session() as s:
        create_user(s, name="hoa", role="officer", password=PASSWORD)
        create_user(s, name="quan-tri", role="admin", password=PASSWORD)
        register_certificate(s, "user", "hoa", pki.officer.cert.read_bytes(), by="test")
    docs = [done_pdf_document(tmp_path, f"gp-ghep-{i}") for i in range(2)]
    config = tmp_path / "agent.json"
    with live_server() as url:
        web = _signed_in(url, "hoa")
        code = _code(web)
        status, out = _pair(url, code, config)
        assert status == 0 and "Đã ghép nối với" in out and "paired with" in out, out
        saved = json.loads(config.read_text())
        assert saved["server"] == url and saved["api_key"].startswith("dgz_")
        assert config.stat().st_mode & 0o077 == 0
        key = saved["api_key"]

        # the paired agent signs what the officer's page prepared, with the officer's certificate
        created, errors = create_sessions(
            Principal("user", "hoa", "officer"), docs, pki.officer.cert.read_text()
        )
        assert errors == [] and len(created) == 2
        result = CliRunner().invoke(
            main,
            ["agent", "run", "--p12", str(pki.officer.p12), "--p12-password-env", "AGENT_P12_PASSWORD",
             "--once", "--yes", "--config", str(config)],
        )  # fmt: skip
        assert result.exit_code == 0 and "Signed 2/2" in result.output, result.output
        assert result.output.count("✓") == 2 and result.output.count("đã ký / signed") == 2, result.output
        with db.session() as s:
            rows = s.scalars(select(Signature).where(Signature.document_id.in_(docs))).all()
        assert len(rows) == 2 and all(r.verified for r in rows)

        # the code was single use
        status, out = _pair(url, code, tmp_path / "again.json")
        assert status != 0 and "đã được dùng" in out and not (tmp_path / "again.json").exists(), out

        # an expired code
        late = _code(web)
        with db.session() as s:
            s.execute(update(AgentPairing).where(AgentPairing.key_id.is_(None)).values(expires_at=utcnow()))
        status, out = _pair(url, late, tmp_path / "late.json")
        assert status != 0 and "hết hạn" in out, out

        # a new code voids the earlier unused one
        first, second = _code(web), _code(web)
        assert _pair(url, first, tmp_path / "first.json")[0] != 0
        assert first != second

        # an administrator gets no code (a pairing makes a key that signs as its user)
        admin = _signed_in(url, "quan-tri")
        page = admin.get("/sign")
        assert admin.post("/sign/agent-code", data={"csrf_token": csrf_of(page.text)}).status_code == 403

        # wrong codes from one address: refused, then throttled, and then even the right code waits
        statuses: list[int] = []
        for _ in range(30):  # growing delays (1, 2, 4 ... s): wait out the short ones, stop at a long one
            r = httpx.post(f"{url}/api/v1/agent/pair", json={"code": "AAAA-AAAA"}, timeout=30)
            statuses.append(r.status_code)
            if r.status_code == 429:
                if int(r.headers["Retry-After"]) >= 4:
                    break
                time.sleep(int(r.headers["Retry-After"]))
        assert statuses[-1] == 429 and 401 in statuses, statuses
        r = httpx.post(f"{url}/api/v1/agent/pair", json={"code": second}, timeout=30)
        assert r.status_code == 429, r.text  # the right code waits too: guessing gains nothing
        with db.session() as s:
            assert (
                s.scalar(select(AgentPairing.used_at).where(AgentPairing.key_id.is_(None)).limit(1)) is None
            )

        # the paired key works while its officer may sign in, no longer once disabled
        check = httpx.get(f"{url}/api/v1/signing-sessions", headers={"Authorization": f"Bearer {key}"})
        assert check.status_code == 200
        with db.session() as s:
            s.execute(update(User).where(User.name == "hoa").values(disabled=True))
        check = httpx.get(f"{url}/api/v1/signing-sessions", headers={"Authorization": f"Bearer {key}"})
        assert check.status_code == 401


def test_codes_asked_for_too_often_are_throttled(
    pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, digitize_home: Path
) -> None:
    from digitize.errors import RateLimited
    from digitize.services.signing import ISSUE_FREE, issue_pairing_code

    db.get_engine()
    with db.session() as s:
        create_user(s, name="hoa", role="officer", password=PASSWORD)
    hoa = Principal("user", "hoa", "officer")
    codes = {issue_pairing_code(hoa)["code"] for _ in range(ISSUE_FREE + 1)}  # the last one starts a delay
    assert len(codes) == ISSUE_FREE + 1
    with pytest.raises(RateLimited):
        issue_pairing_code(hoa)
    with db.session() as s:  # only the last one is live
        live = s.scalars(select(AgentPairing).where(AgentPairing.expires_at > utcnow() + timedelta(0))).all()
    assert len(live) == 1
