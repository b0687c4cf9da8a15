"""The sweep of signing sessions (``digitize.services.signing.sweep_sessions``): the prepared PDFs under the
store's ``sessions/`` go when their session expires, is completed or is refused (the document changed), and
when no session names them (a prepare cut short), at ``serve``'s start, periodically and on
``digitize sessions sweep``; a live session's PDF is untouched and still completes."""

from __future__ import annotations

import base64
import json
import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import update

from digitize.cli import main
from digitize.config import reset_settings
from digitize.errors import Conflict, Gone
from digitize.services.signing import complete_session, create_session, register_certificate
from digitize.signing.sessions import SignatureAlgorithm
from digitize.store import db
from digitize.store.auth import Principal, create_user
from digitize.store.models import SigningSession, utcnow
from digitize.store.objects import get_object_store
from tests.api.signing_helpers import done_pdf_document, write_profiles
from tests.signing.test_sessions import holder_sign
from tests.support.pki import TestPKI, pki  # noqa: F401  (the session's test PKI)

HOA = Principal("user", "hoa", "officer")
LAN = Principal("user", "lan", "officer")


def _prepared() -> set[str]:
    return {key for key, _ in get_object_store().list_prefix("sessions")}


def _sign(pki: TestPKI, created: dict[str, object]) -> str:  # noqa: F811
    digest = base64.b64decode(str(created["digest"]))
    return base64.b64encode(holder_sign(pki.officer.key, digest, SignatureAlgorithm.RSASSA_PKCS1V15)).decode()


def _expire(session_id: str) -> None:
    with db.session() as s:
        s.execute(
            update(SigningSession)
            .where(SigningSession.id == session_id)
            .values(expires_at=utcnow() - timedelta(minutes=5))
        )


def _key(session_id: str) -> str:
    return f"sessions/{session_id[:2]}/{session_id}.pdf"


@pytest.fixture
def officer(pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, digitize_home: Path) -> str:  # noqa: F811
    write_profiles(pki, tmp_path, monkeypatch)
    reset_settings()
    db.get_engine()
    with db.session() as s:
        create_user(s, name="hoa", role="officer", password="mật-khẩu-dài")
        register_certificate(s, "user", "hoa", pki.officer.cert.read_bytes(), by="test")
    return pki.officer.cert.read_text() + pki.intermediate_cert.read_text()


def test_nothing_leaks_and_a_live_session_is_untouched(
    officer: str,
    pki: TestPKI,  # noqa: F811
    tmp_path: Path,
) -> None:
    with db.session() as s:  # a second officer, whose session goes stale when hoa's signature lands
        create_user(s, name="lan", role="officer", password="mật-khẩu-dài")
        register_certificate(s, "user", "lan", pki.officer_ec.cert.read_bytes(), by="test")
    docs = [done_pdf_document(tmp_path, f"gp-don-{i}") for i in range(3)]
    first = create_session(HOA, docs[0], officer)
    done = create_session(HOA, docs[0], officer)  # replaces hoa's first: its PDF goes at once
    expired = create_session(HOA, docs[1], officer)
    live = create_session(HOA, docs[2], officer)
    stale = create_session(LAN, docs[0], pki.officer_ec.cert.read_text() + pki.intermediate_cert.read_text())
    assert _prepared() == {_key(str(x["id"])) for x in (done, expired, live, stale)}
    assert _key(str(first["id"])) not in _prepared()
    with pytest.raises(Conflict, match="thay bằng phiên ký mới hơn"):  # replaced: never completes
        complete_session(HOA, str(first["id"]), _sign(pki, first))

    complete_session(HOA, str(done["id"]), _sign(pki, done))  # completed: its PDF goes at once
    ec_signature = base64.b64encode(
        holder_sign(pki.officer_ec.key, base64.b64decode(str(stale["digest"])), SignatureAlgorithm.ECDSA)
    ).decode()
    with pytest.raises(Conflict):  # prepared before docs[0] was signed: refused, its PDF goes too
        complete_session(LAN, str(stale["id"]), ec_signature)
    assert _key(str(done["id"])) not in _prepared() and _key(str(stale["id"])) not in _prepared()

    _expire(str(expired["id"]))
    store = get_object_store()
    store.put_bytes("sessions/ab/abandoned.pdf", b"%PDF-1.7 prepare cut short")
    store.put_bytes("sessions/cd/being-prepared.pdf", b"%PDF-1.7 just written")
    old = time.time() - 2 * 3600
    os.utime(store.local_path("sessions/ab/abandoned.pdf") or "", (old, old))

    result = CliRunner().invoke(main, ["sessions", "sweep", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"expired": 1, "removed": 1, "orphans": 1, "kept": 2}
    assert _prepared() == {_key(str(live["id"])), "sessions/cd/being-prepared.pdf"}
    with pytest.raises(Gone):  # 410 still, not 409, once the sweep marked it
        complete_session(HOA, str(expired["id"]), _sign(pki, expired))

    again = CliRunner().invoke(main, ["sessions", "sweep", "--json"])
    assert json.loads(again.output) == {"expired": 0, "removed": 0, "orphans": 0, "kept": 2}
    record = complete_session(HOA, str(live["id"]), _sign(pki, live))  # the live one still completes
    assert record["id"] == docs[2] and len(record["signatures"]) == 1
    assert _prepared() == {"sessions/cd/being-prepared.pdf"}


def test_serve_sweeps_at_start(officer: str, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from digitize.api.app import create_app

    doc = done_pdf_document(tmp_path, "gp-khoi-dong")
    gone, live = create_session(HOA, doc, officer), create_session(HOA, doc, officer)
    _expire(str(gone["id"]))
    with TestClient(create_app(start_pool=False)):
        deadline = time.monotonic() + 30
        while _key(str(gone["id"])) in _prepared() and time.monotonic() < deadline:
            time.sleep(0.2)
    assert _prepared() == {_key(str(live["id"]))}
