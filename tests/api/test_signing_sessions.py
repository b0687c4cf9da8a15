"""Signing sessions over HTTP (CONTRACT "Signing where the key stays with its holder"): the server gets a
certificate and hands out a digest; the holder's key (here a software key the server never sees) signs it;
the server finishes the PDF. Each result is accepted by pdfsig/NSS and by our verifier; every refusal."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from digitize.config import reset_settings
from digitize.signing.sessions import SignatureAlgorithm
from digitize.store import db
from digitize.store.models import Signature, SigningSession, utcnow
from digitize.verify import trust_roots_from_settings, verify_pdf
from tests.api.conftest import auth
from tests.api.signing_helpers import done_pdf_document, key_id, write_profiles
from tests.signing.helpers import assert_pdfsig_accepts
from tests.signing.test_sessions import holder_sign
from tests.support.pki import TestPKI, pki  # noqa: F401  (the session's test PKI)


@pytest.fixture
def env(pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    monkeypatch.setenv("DIGITIZE_TSA_URL", pki.tsa_url)
    reset_settings()
    return write_profiles(pki, tmp_path, monkeypatch)


def _register(plain_key: str, *pems: Path) -> None:
    from digitize.services.signing import register_certificate

    with db.session() as s:
        for pem in pems:
            register_certificate(s, "key", key_id(plain_key), pem.read_bytes(), by="test")


def _signatures(doc_id: str) -> int:
    with db.session() as s:
        n = s.scalar(select(func.count()).select_from(Signature).where(Signature.document_id == doc_id))
    return int(n or 0)


def _pem(pki: TestPKI, ident: str) -> str:  # noqa: F811
    return pki.identity(ident).cert.read_text() + pki.intermediate_cert.read_text()


def _sign_over_http(
    client: TestClient,
    key: str,
    pki: TestPKI,  # noqa: F811
    doc_id: str,
    ident: str = "officer",
    **body: object,
) -> tuple[dict[str, object], dict[str, object]]:
    r = client.post(
        f"/api/v1/documents/{doc_id}/signing-sessions",
        json={"certificate": _pem(pki, ident), **body},
        headers=auth(key),
    )
    assert r.status_code == 201, r.text
    created = r.json()
    algorithm = SignatureAlgorithm(created["signature_algorithm"])
    value = holder_sign(pki.identity(ident).key, base64.b64decode(created["digest"]), algorithm)
    r = client.post(
        f"/api/v1/signing-sessions/{created['id']}/signature",
        json={"signature": base64.b64encode(value).decode()},
        headers=auth(key),
    )
    assert r.status_code == 200, r.text
    return created, r.json()


@pytest.mark.parametrize(
    ("ident", "body"),
    [
        ("officer", {"level": "B-T", "title": "Giám đốc"}),
        ("officer", {"level": "B-LT", "signature_algorithm": "rsassa_pss"}),
        ("officer_ec", {"level": "B-B"}),
    ],
)
def test_session_flow_with_a_key_the_server_never_sees(
    bare_client: TestClient,
    make_key: Callable[..., str],
    tmp_path: Path,
    env: Path,
    pki: TestPKI,  # noqa: F811
    ident: str,
    body: dict[str, object],
) -> None:
    officer = make_key("officer")
    _register(officer, pki.identity(ident).cert)
    doc_id = done_pdf_document(tmp_path, "gp-phien")
    created, record = _sign_over_http(bare_client, officer, pki, doc_id, ident, **body)
    assert created["digest_algorithm"] == "sha256" and len(base64.b64decode(str(created["digest"]))) == 32
    sigs = record["signatures"]
    assert isinstance(sigs, list) and len(sigs) == 1 and sigs[0]["verified"] is True
    assert sigs[0]["level"] == body["level"] and sigs[0]["role"] == "leader"
    pdf = bare_client.get(f"/api/v1/documents/{doc_id}/file?variant=signed", headers=auth(officer))
    assert pdf.status_code == 200 and hashlib.sha256(pdf.content).hexdigest() == sigs[0]["sha256"]
    out = tmp_path / "signed.pdf"
    out.write_bytes(pdf.content)
    assert len(assert_pdfsig_accepts(pki, out)) == 1
    report = verify_pdf(pdf.content, trust_roots=trust_roots_from_settings(), visual_checks=False)
    assert report.all_passed
    assert (report.signatures[0].timestamp_time is not None) == (body["level"] != "B-B")
    if body["level"] == "B-LT":
        assert b"/DSS" in pdf.content
    # the session is used up: a second completion is refused
    r = bare_client.post(
        f"/api/v1/signing-sessions/{created['id']}/signature",
        json={"signature": base64.b64encode(b"x" * 256).decode()},
        headers=auth(officer),
    )
    assert r.status_code == 409


def test_refusals(
    bare_client: TestClient,
    make_key: Callable[..., str],
    tmp_path: Path,
    env: Path,
    pki: TestPKI,  # noqa: F811
) -> None:
    officer, other, archivist = make_key("officer"), make_key("officer"), make_key("archivist")
    _register(officer, pki.officer.cert)
    _register(other, pki.officer_ec.cert)
    doc_id = done_pdf_document(tmp_path, "gp-tu-choi-phien")
    url = f"/api/v1/documents/{doc_id}/signing-sessions"

    def create(key: str, ident: str = "officer", **body: object) -> tuple[int, dict[str, object]]:
        r = bare_client.post(url, json={"certificate": _pem(pki, ident), **body}, headers=auth(key))
        return r.status_code, r.json()

    def finish(key: str, session_id: str, value: bytes) -> tuple[int, str]:
        r = bare_client.post(
            f"/api/v1/signing-sessions/{session_id}/signature",
            json={"signature": base64.b64encode(value).decode()},
            headers=auth(key),
        )
        return r.status_code, (r.json().get("error") or {}).get("code", "") if r.status_code >= 400 else ""

    # a certificate registered to someone else (or to nobody) → 403; a role that may not sign → 403
    assert create(other, "officer")[0] == 403
    assert create(officer, "officer_ec")[0] == 403
    assert create(archivist)[0] == 403
    assert create(officer, role="organization")[0] == 403  # the organisation's signature is the clerk's
    assert create(officer, certificate="not a certificate")[0] in (403, 422)
    assert bare_client.post(url, json={"certificate": _pem(pki, "officer")}).status_code == 401

    status, created = create(officer)
    assert status == 201
    sid, digest = str(created["id"]), base64.b64decode(str(created["digest"]))
    good = holder_sign(pki.officer.key, digest, SignatureAlgorithm.RSASSA_PKCS1V15)

    # another caller cannot see or finish it
    assert finish(other, sid, good)[0] == 404
    # a value over another digest, or by another key → 422 and nothing stored; the session stays usable
    assert finish(
        officer, sid, holder_sign(pki.officer.key, bytes(32), SignatureAlgorithm.RSASSA_PKCS1V15)
    ) == (
        422,
        "signature_invalid",
    )
    wrong_key = holder_sign(pki.organization.key, digest, SignatureAlgorithm.RSASSA_PKCS1V15)
    assert finish(officer, sid, wrong_key)[0] == 422
    assert (
        bare_client.post(
            f"/api/v1/signing-sessions/{sid}/signature", json={"signature": "***"}, headers=auth(officer)
        ).status_code
        == 422
    )
    assert _signatures(doc_id) == 0

    # pending sessions are listed for their owner only
    mine = bare_client.get("/api/v1/signing-sessions", headers=auth(officer)).json()["items"]
    assert [x["id"] for x in mine] == [sid] and mine[0]["document"]["number"] == "1169/GP-SKHCN"
    assert bare_client.get("/api/v1/signing-sessions", headers=auth(other)).json()["items"] == []

    # expired → 410
    with db.session() as s:
        s.execute(
            update(SigningSession).where(SigningSession.id == sid).values(expires_at=utcnow() - timedelta(1))
        )
    assert finish(officer, sid, good) == (410, "gone")
    assert _signatures(doc_id) == 0

    # the document changed between prepare and complete → refused (409), nothing stored
    status, created = create(officer)
    stale_id = str(created["id"])
    stale_value = holder_sign(
        pki.officer.key, base64.b64decode(str(created["digest"])), SignatureAlgorithm.RSASSA_PKCS1V15
    )
    _sign_over_http(bare_client, other, pki, doc_id, "officer_ec")  # another signature lands first
    assert _signatures(doc_id) == 1
    assert finish(officer, stale_id, stale_value)[0] == 409
    assert _signatures(doc_id) == 1


def test_leader_before_organisation(
    bare_client: TestClient,
    make_key: Callable[..., str],
    tmp_path: Path,
    env: Path,
    pki: TestPKI,  # noqa: F811
) -> None:
    """Decree 30/2020: the clerk's organisation signature only after a valid leader's signature."""
    officer, clerk = make_key("officer"), make_key("clerk")
    _register(officer, pki.officer.cert)
    _register(clerk, pki.organization.cert)
    doc_id = done_pdf_document(tmp_path, "gp-thu-tu")
    r = bare_client.post(
        f"/api/v1/documents/{doc_id}/signing-sessions",
        json={"certificate": _pem(pki, "organization"), "role": "organization"},
        headers=auth(clerk),
    )
    assert r.status_code == 409, r.text  # no leader signature yet
    r = bare_client.post(
        f"/api/v1/documents/{doc_id}/signing-sessions",
        json={"certificate": _pem(pki, "organization"), "role": "leader"},
        headers=auth(clerk),
    )
    assert r.status_code == 403  # a clerk does not sign as the leader
    _sign_over_http(bare_client, officer, pki, doc_id, level="B-T")
    _, record = _sign_over_http(
        bare_client, clerk, pki, doc_id, "organization", role="organization", level="B-T"
    )
    sigs = record["signatures"]
    assert isinstance(sigs, list) and [x["role"] for x in sigs] == ["leader", "organization"]
    assert all(x["verified"] for x in sigs)
    pdf = bare_client.get(f"/api/v1/documents/{doc_id}/file?variant=signed", headers=auth(officer))
    out = tmp_path / "both.pdf"
    out.write_bytes(pdf.content)
    assert len(assert_pdfsig_accepts(pki, out)) == 2


def test_a_session_survives_a_restart(
    bare_client: TestClient,
    make_key: Callable[..., str],
    tmp_path: Path,
    env: Path,
    pki: TestPKI,  # noqa: F811
) -> None:
    """Prepared by one server process, completed by another (the state is in the database and the store)."""
    from digitize.api.app import create_app
    from digitize.store.auth import clear_key_cache
    from digitize.store.db import dispose_all

    officer = make_key("officer")
    _register(officer, pki.officer.cert)
    doc_id = done_pdf_document(tmp_path, "gp-khoi-dong-lai")
    r = bare_client.post(
        f"/api/v1/documents/{doc_id}/signing-sessions",
        json={"certificate": _pem(pki, "officer"), "level": "B-T"},
        headers=auth(officer),
    )
    assert r.status_code == 201, r.text
    created = r.json()
    dispose_all()
    clear_key_cache()
    with TestClient(create_app(start_pool=False)) as fresh:
        value = holder_sign(
            pki.officer.key, base64.b64decode(created["digest"]), SignatureAlgorithm.RSASSA_PKCS1V15
        )
        r = fresh.post(
            f"/api/v1/signing-sessions/{created['id']}/signature",
            json={"signature": base64.b64encode(value).decode()},
            headers=auth(officer),
        )
        assert r.status_code == 200, r.text
        assert r.json()["signatures"][0]["verified"] is True


def test_batch_sessions_refuse_a_foreign_certificate_outright(
    bare_client: TestClient,
    make_key: Callable[..., str],
    tmp_path: Path,
    env: Path,
    pki: TestPKI,  # noqa: F811
) -> None:
    """POST /api/v1/signing-sessions (a selection for one holder): a certificate not registered to the caller
    is 403 for the whole batch, as for one session (CONTRACT), and nothing is prepared; a refusal that
    concerns one document (not finished, unknown) stays per document inside the 201."""
    officer, other = make_key("officer"), make_key("officer")
    _register(officer, pki.officer.cert)
    _register(other, pki.officer_ec.cert)
    docs = [done_pdf_document(tmp_path, f"gp-lo-{i}") for i in range(2)]

    def batch(key: str, ident: str = "officer", **body: object) -> tuple[int, dict[str, object]]:
        r = bare_client.post(
            "/api/v1/signing-sessions",
            json={"certificate": _pem(pki, ident), "documents": docs, **body},
            headers=auth(key),
        )
        return r.status_code, r.json()

    def sessions() -> int:
        with db.session() as s:
            return int(s.scalar(select(func.count()).select_from(SigningSession)) or 0)

    status, body = batch(other, "officer")  # the officer's certificate, someone else's key
    assert status == 403 and body["error"]["code"] == "forbidden", body
    assert batch(officer, "officer_ec")[0] == 403  # a certificate registered to nobody
    assert batch(officer, role="organization")[0] == 403  # the seal is the clerk's
    assert batch(officer, certificate="không phải chứng thư")[0] == 422
    assert sessions() == 0

    r = bare_client.post(
        "/api/v1/signing-sessions",
        json={"certificate": _pem(pki, "officer"), "documents": [*docs, "khong-co"]},
        headers=auth(officer),
    )
    assert r.status_code == 201, r.text
    assert sorted(x["document_id"] for x in r.json()["items"]) == sorted(docs)
    assert [(e["document_id"], e["code"]) for e in r.json()["errors"]] == [("khong-co", "not_found")]
    assert sessions() == 2


def test_a_new_session_replaces_the_holders_earlier_one(
    bare_client: TestClient,
    make_key: Callable[..., str],
    tmp_path: Path,
    env: Path,
    pki: TestPKI,  # noqa: F811
) -> None:
    """One pending session per document and holder: asking again (an agent run interrupted at its prompt,
    a second click on the web page) replaces the earlier one instead of leaving two, the second of which
    would go stale once the first lands (the newcomer's walk-through: "Signed 1/2", exit 1); the replaced
    session's prepared PDF leaves the store at once."""
    from digitize.store.objects import get_object_store

    officer = make_key("officer")
    _register(officer, pki.officer.cert)
    doc_id = done_pdf_document(tmp_path, "gp-thay-phien")
    other_doc = done_pdf_document(tmp_path, "gp-tai-lieu-khac")
    url = f"/api/v1/documents/{doc_id}/signing-sessions"
    body = {"certificate": _pem(pki, "officer")}
    r1 = bare_client.post(url, json=body, headers=auth(officer))
    r2 = bare_client.post(url, json=body, headers=auth(officer))
    assert r1.status_code == r2.status_code == 201, (r1.text, r2.text)
    first, second = r1.json(), r2.json()
    objects = get_object_store()
    with db.session() as s:
        rows = {r.id: r for r in s.scalars(select(SigningSession))}
    assert rows[first["id"]].state == "replaced" and rows[second["id"]].state == "pending"
    assert not objects.exists(rows[first["id"]].prepared_key)
    assert objects.exists(rows[second["id"]].prepared_key)
    pending = bare_client.get("/api/v1/signing-sessions", headers=auth(officer)).json()["items"]
    assert [x["id"] for x in pending] == [second["id"]]
    value = holder_sign(
        pki.officer.key, base64.b64decode(first["digest"]), SignatureAlgorithm.RSASSA_PKCS1V15
    )
    r = bare_client.post(
        f"/api/v1/signing-sessions/{first['id']}/signature",
        json={"signature": base64.b64encode(value).decode()},
        headers=auth(officer),
    )
    assert r.status_code == 409 and _signatures(doc_id) == 0
    # a session for another document replaces nothing
    r = bare_client.post(f"/api/v1/documents/{other_doc}/signing-sessions", json=body, headers=auth(officer))
    assert r.status_code == 201, r.text
    pending = bare_client.get("/api/v1/signing-sessions", headers=auth(officer)).json()["items"]
    assert {x["id"] for x in pending} == {second["id"], r.json()["id"]}
