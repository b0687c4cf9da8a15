"""Remote signing (Cloud Signature Consortium API v1) with ``certomancer-csc-dummy`` started on loopback:
the holder's key is at the service, the agent on the officer's PC asks it to sign the sessions' digests (one
authorisation with the hashes pinned for the batch); the server finishes; pdfsig/NSS and our verifier
accept. Server-side profiles pointing at the service (pyHanko's CSCSigner): the organisation's seal key,
applied by a clerk after the leader; an officer's own remote credential, usable by that officer alone."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import func, select

from digitize.cli import main
from digitize.config import reset_settings
from digitize.errors import KeyAccessError, ServiceUnavailable
from digitize.services.signing import create_sessions, register_certificate
from digitize.signing.csc import CscKey
from digitize.signing.sessions import fingerprint
from digitize.store import db
from digitize.store.auth import Principal, create_api_key, create_user
from digitize.store.models import Signature
from digitize.store.objects import get_object_store
from digitize.tools import pdfsig
from digitize.verify import trust_roots_from_settings, verify_pdf
from tests.api.signing_helpers import done_pdf_document
from tests.signing.helpers import seal_png
from tests.support.live import live_server
from tests.support.pki import TestPKI

CONFIG = """
external-url-prefix: "http://127.0.0.1:{port}"
keysets:
  digitize:
    path-prefix: {keys}
    keys:
      root: {{path: root.key.pem}}
      signer: {{path: signer.key.pem}}
      seal: {{path: seal.key.pem}}
pki-architectures:
  digitize:
    keyset: digitize
    entity-defaults: {{country-name: VN, organization-name: "Dịch vụ ký số từ xa (thử nghiệm)"}}
    entities:
      root: {{common-name: "CSC Root CA thử nghiệm"}}
      signer: {{common-name: "Lê Thị Hoa"}}
      seal: {{common-name: "Sở Khoa học và Công nghệ tỉnh Yên Bái"}}
    certs:
      root:
        subject: root
        subject-key: root
        issuer: root
        authority-key: root
        validity: {{valid-from: "2020-01-01T00:00:00+0000", valid-to: "2100-01-01T00:00:00+0000"}}
        extensions:
          - {{id: basic_constraints, critical: true, value: {{ca: true}}}}
          - id: key_usage
            critical: true
            smart-value: {{schema: key-usage, params: [digital_signature, key_cert_sign, crl_sign]}}
      signer:
        subject: signer
        issuer: root
        validity: {{valid-from: "2020-01-01T00:00:00+0000", valid-to: "2100-01-01T00:00:00+0000"}}
        extensions:
          - id: key_usage
            critical: true
            smart-value: {{schema: key-usage, params: [digital_signature, non_repudiation]}}
      seal:
        subject: seal
        issuer: root
        validity: {{valid-from: "2020-01-01T00:00:00+0000", valid-to: "2100-01-01T00:00:00+0000"}}
        extensions:
          - id: key_usage
            critical: true
            smart-value: {{schema: key-usage, params: [digital_signature, non_repudiation]}}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def csc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """certomancer-csc-dummy on loopback (SCAL 2: hashes pinned in the authorisation); yields its CSC URL.

    One service for the module's tests (starting one costs a Python process importing certomancer): it keeps
    no state a test could leave for the next, each authorisation is for the hashes it names."""
    exe = Path(sys.executable).with_name("certomancer-csc")
    assert exe.exists(), "certomancer-csc-dummy is a dev dependency (pip install -e '.[dev]')"
    tmp_path = tmp_path_factory.mktemp("csc")
    keys = tmp_path / "csc-keys"
    keys.mkdir()
    for name in ("root", "signer", "seal"):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        (keys / f"{name}.key.pem").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
    port = _free_port()
    cfg = tmp_path / "csc.yml"
    cfg.write_text(CONFIG.format(port=port, keys=keys), encoding="utf-8")
    log = (tmp_path / "csc.log").open("wb")
    proc = subprocess.Popen([str(exe), str(cfg), str(port), "2"], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, (tmp_path / "csc.log").read_text()
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/csc/v1"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def test_sessions_signed_by_a_remote_signing_service(
    csc: str, pki: TestPKI, tmp_path: Path, digitize_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with CscKey.open(csc, "digitize/signer") as key:
        cert_pem = "".join(
            serialization_pem(c) for c in (key.certificate, *key.chain)
        )  # the holder's certificate as the service gives it
        root = key.chain[-1]
        holder_fp = fingerprint(key.certificate)
    trust = tmp_path / "trust"
    trust.mkdir()
    (trust / "csc-root.pem").write_text(serialization_pem(root))
    shutil.copy(pki.root_cert, trust / "test-root.pem")
    monkeypatch.setenv("DIGITIZE_TRUST_DIR", str(trust))
    monkeypatch.setenv("DIGITIZE_TSA_URL", pki.tsa_url)
    reset_settings()
    db.get_engine()
    with db.session() as s:
        create_user(s, name="hoa", role="officer", password="mat-khau-dai")
        register_certificate(s, "user", "hoa", cert_pem, by="test")
        row, agent_key = create_api_key(s, role="officer", name="agent of hoa")
        register_certificate(s, "key", row.key_id, cert_pem, by="test")
    docs = [done_pdf_document(tmp_path, f"gp-csc-{i}") for i in range(2)]
    created, errors = create_sessions(Principal("user", "hoa", "officer"), docs, cert_pem, level="B-T")
    assert errors == [] and all(c["signature_algorithm"] == "rsassa_pkcs1v15" for c in created)

    config = tmp_path / "agent.json"
    with live_server() as url:
        env = {"AGENT_KEY": agent_key}
        args = ["agent", "pair", "--server", url, "--key-env", "AGENT_KEY", "--config", str(config)]
        assert CliRunner().invoke(main, args, env=env).exit_code == 0
        result = CliRunner().invoke(
            main,
            ["agent", "run", "--csc-url", csc, "--csc-credential", "digitize/signer", "--once", "--yes",
             "--config", str(config)],
        )  # fmt: skip
    assert result.exit_code == 0 and "Signed 2/2" in result.output, result.output

    with db.session() as s:
        rows = s.scalars(select(Signature).where(Signature.document_id.in_(docs))).all()
    assert len(rows) == 2 and all(r.verified and r.signer == "Lê Thị Hoa" for r in rows)
    signed = get_object_store().read_bytes(rows[0].key or "")
    assert verify_pdf(signed, trust_roots=trust_roots_from_settings(), visual_checks=False).all_passed
    out = tmp_path / "csc-signed.pdf"
    out.write_bytes(signed)
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(
        ["certutil", "-d", f"sql:{nss}", "-N", "--empty-password"], check=True, capture_output=True
    )
    for nick, pem in (("csc root", trust / "csc-root.pem"), ("test root", pki.root_cert)):
        subprocess.run(
            ["certutil", "-d", f"sql:{nss}", "-A", "-n", nick, "-t", "CT,C,C", "-i", str(pem)],
            check=True,
            capture_output=True,
        )
    proc = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(out)], capture_output=True, text=True)
    (sig,) = pdfsig.parse(proc.stdout)
    assert sig.signature_validation == "Signature is Valid."
    assert sig.certificate_validation == "Certificate is Trusted."
    assert holder_fp  # the key never left the service: the server only ever saw this certificate


def serialization_pem(cert: object) -> str:
    from asn1crypto import pem

    return str(pem.armor("CERTIFICATE", cert.dump()).decode("ascii"))  # type: ignore[attr-defined]


# --- server-side profiles pointing at the CSC service (pyHanko's CSCSigner) ---------------------------------


def _pdfsig_accepts(tmp_path: Path, roots: list[Path], pdf: bytes, n: int) -> None:
    """pdfsig with ``roots`` trusted in a fresh NSS db: ``n`` signatures, each valid and trusted."""
    out = tmp_path / f"signed-{hash(pdf) & 0xFFFF:x}.pdf"
    out.write_bytes(pdf)
    nss = tmp_path / f"nss-{out.stem}"
    nss.mkdir()
    subprocess.run(
        ["certutil", "-d", f"sql:{nss}", "-N", "--empty-password"], check=True, capture_output=True
    )
    for i, pem in enumerate(roots):
        subprocess.run(
            ["certutil", "-d", f"sql:{nss}", "-A", "-n", f"root {i}", "-t", "CT,C,C", "-i", str(pem)],
            check=True,
            capture_output=True,
        )
    proc = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(out)], capture_output=True, text=True)
    sigs = [s for s in pdfsig.parse(proc.stdout) if s.signed]
    assert len(sigs) == n, proc.stdout
    for sig in sigs:
        assert sig.signature_validation == "Signature is Valid.", proc.stdout
        assert sig.certificate_validation == "Certificate is Trusted.", proc.stdout


def _csc_profiles(
    csc: str, pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, **values: str
) -> tuple[Path, Path]:
    """The CSC root and the test root trusted; a profiles file with ``body`` (CSC placeholders filled)."""
    with CscKey.open(csc, "digitize/seal") as key:
        root = key.chain[-1]
    trust = tmp_path / "trust"
    trust.mkdir()
    csc_root = trust / "csc-root.pem"
    csc_root.write_text(serialization_pem(root))
    shutil.copy(pki.root_cert, trust / "test-root.pem")
    profiles = tmp_path / "signing.toml"
    seal = seal_png(tmp_path / "con-dau.png")
    profiles.write_text(body.format(csc=csc, p12=pki.officer.p12, seal=seal, **values), encoding="utf-8")
    monkeypatch.setenv("DIGITIZE_TRUST_DIR", str(trust))
    monkeypatch.setenv("DIGITIZE_SIGNING_PROFILES_FILE", str(profiles))
    monkeypatch.setenv("CSC_TEST_P12_PASSWORD", pki.p12_password)
    monkeypatch.setenv("CSC_TEST_TOKEN", "mã-truy-cập-thử")
    reset_settings()
    return csc_root, profiles


def _client() -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from digitize.api.app import create_app
    from digitize.store.auth import clear_key_cache
    from digitize.store.db import dispose_all

    dispose_all()
    clear_key_cache()
    with TestClient(create_app(start_pool=False)) as c:
        yield c
    dispose_all()


client = pytest.fixture(_client)


def _key(role: str, name: str) -> str:
    with db.session() as s:
        return create_api_key(s, role=role, name=name)[1]


def _h(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_the_organisations_seal_key_at_a_remote_service(
    csc: str, pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, client: Any
) -> None:
    """Decree 30/2020 with the seal key at a CSC provider: only a clerk applies it, only after a valid
    leader's signature; pdfsig and our verifier accept both signatures."""
    officer, clerk = _key("officer", "giám đốc"), _key("clerk", "văn thư")
    ids = {"officer": officer.split("_", 2)[1], "clerk": clerk.split("_", 2)[1]}
    csc_root, _ = _csc_profiles(
        csc,
        pki,
        tmp_path,
        monkeypatch,
        """
[profiles.giam-doc]
role = "leader"
p12 = "{p12}"
p12_password_env = "CSC_TEST_P12_PASSWORD"
api_keys = ["{officer}"]

[profiles.con-dau-tu-xa]
role = "organization"
level = "B-B"
csc_url = "{csc}"
csc_credential = "digitize/seal"
csc_token_env = "CSC_TEST_TOKEN"
csc_approval_seconds = 60
seal_image = "{seal}"
api_keys = ["{officer}", "{clerk}"]
""",
        **ids,
    )
    doc_id = done_pdf_document(tmp_path, "gp-con-dau-tu-xa")
    url = f"/api/v1/documents/{doc_id}/signatures"
    r = client.post(url, json={"profile": "con-dau-tu-xa"}, headers=_h(clerk))
    assert r.status_code == 409, r.text  # no leader signature yet
    r = client.post(url, json={"profile": "con-dau-tu-xa"}, headers=_h(officer))
    assert r.status_code == 403, r.text  # an officer does not apply the seal, even one the profile names
    assert client.post(url, json={"profile": "giam-doc"}, headers=_h(officer)).status_code == 201
    r = client.post(url, json={"profile": "con-dau-tu-xa"}, headers=_h(clerk))
    assert r.status_code == 201, r.text
    rec = r.json()
    assert rec["role"] == "organization" and rec["verified"] is True and rec["indication"] == "TOTAL_PASSED"
    assert rec["signer"] == "Sở Khoa học và Công nghệ tỉnh Yên Bái"

    with db.session() as s:
        rows = s.scalars(
            select(Signature).where(Signature.document_id == doc_id).order_by(Signature.id)
        ).all()
    assert [r.role for r in rows] == ["leader", "organization"]
    signed = get_object_store().read_bytes(rows[-1].key or "")
    report = verify_pdf(signed, trust_roots=trust_roots_from_settings(), visual_checks=False)
    assert report.all_passed and len(report.signatures) == 2
    _pdfsig_accepts(tmp_path, [csc_root, pki.root_cert], signed, 2)


def test_an_officers_remote_key_is_that_officers_alone(
    csc: str, pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, client: Any
) -> None:
    """A profile holding Lê Thị Hoa's remote credential (VNPT SmartCA style) names her alone: another officer
    and an administrator get 403; she signs (B-T), the holder's approval asked for the one hash."""
    hoa, other, admin = _key("officer", "Lê Thị Hoa"), _key("officer", "khác"), _key("admin", "quản trị")
    csc_root, _ = _csc_profiles(
        csc,
        pki,
        tmp_path,
        monkeypatch,
        """
[profiles.hoa-ky-tu-xa]
role = "leader"
level = "B-T"
tsa = "{tsa}"
csc_url = "{csc}"
csc_credential = "digitize/signer"
title = "Phó Giám đốc"
api_keys = ["{hoa}"]
""",
        tsa=pki.tsa_url,
        hoa=hoa.split("_", 2)[1],
    )
    doc_id = done_pdf_document(tmp_path, "gp-tu-xa")
    url = f"/api/v1/documents/{doc_id}/signatures"
    for key in (other, admin):
        r = client.post(url, json={"profile": "hoa-ky-tu-xa"}, headers=_h(key))
        assert r.status_code == 403, r.text
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Signature)) == 0
    r = client.post(url, json={"profile": "hoa-ky-tu-xa"}, headers=_h(hoa))
    assert r.status_code == 201, r.text
    rec = r.json()
    assert rec["signer"] == "Lê Thị Hoa" and rec["level"] == "B-T" and rec["verified"] is True
    with db.session() as s:
        row = s.scalars(select(Signature).where(Signature.document_id == doc_id)).one()
    signed = get_object_store().read_bytes(row.key or "")
    report = verify_pdf(signed, trust_roots=trust_roots_from_settings(), visual_checks=False)
    assert report.all_passed and report.signatures[0].timestamp_time is not None
    _pdfsig_accepts(tmp_path, [csc_root, pki.root_cert], signed, 1)


def test_a_remote_profile_that_cannot_reach_its_service_stores_nothing(
    pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, client: Any
) -> None:
    hoa = _key("officer", "Lê Thị Hoa")
    profiles = tmp_path / "signing.toml"
    profiles.write_text(
        f'[profiles.xa]\nrole = "leader"\ncsc_url = "http://127.0.0.1:{_free_port()}/csc/v1"\n'
        f'csc_credential = "digitize/signer"\napi_keys = ["{hoa.split("_", 2)[1]}"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("DIGITIZE_SIGNING_PROFILES_FILE", str(profiles))
    reset_settings()
    doc_id = done_pdf_document(tmp_path, "gp-khong-toi")
    r = client.post(f"/api/v1/documents/{doc_id}/signatures", json={"profile": "xa"}, headers=_h(hoa))
    assert r.status_code == 503 and "ký từ xa" in r.json()["error"]["message"], r.text
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Signature)) == 0


@contextlib.contextmanager
def _holder(csc: str, answer: str, delay: float) -> Iterator[str]:
    """A stand-in for the holder's phone in front of the CSC service: ``credentials/authorize`` is answered
    after ``delay`` seconds, passed on (``approve``) or refused with 403 (``decline``); the rest passes."""
    import httpx

    calls: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            method = self.path.split("/csc/v1/", 1)[-1]
            calls.append(method)
            if method == "credentials/authorize":
                time.sleep(delay)
                if answer == "decline":
                    self.send_response(403)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
            r = httpx.post(f"{csc}/{method}", content=body, headers={"Content-Type": "application/json"})
            self.send_response(r.status_code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(r.content)))
            self.end_headers()
            self.wfile.write(r.content)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/csc/v1"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("answer", "delay", "approval", "outcome"),
    [
        ("approve", 1.5, 30.0, None),
        ("decline", 0.2, 30.0, KeyAccessError),
        ("approve", 5.0, 1.0, ServiceUnavailable),
    ],
)
def test_a_profile_waits_for_the_holders_approval(
    csc: str,
    pki: TestPKI,
    tmp_path: Path,
    answer: str,
    delay: float,
    approval: float,
    outcome: type[Exception] | None,
) -> None:
    """The signature waits in ``credentials/authorize`` until the holder approves (signed), declines
    (KeyAccessError) or lets ``approval_seconds`` pass (ServiceUnavailable); no output either way."""
    from digitize.certs import load_trust_roots
    from digitize.signing.keys import CscSource, open_key
    from digitize.signing.sign import Signing, SignProfile
    from tests.signing.helpers import make_pdf

    with CscKey.open(csc, "digitize/signer") as key:
        root = tmp_path / "csc-root.pem"
        root.write_text(serialization_pem(key.chain[-1]))
    pdf = make_pdf(tmp_path / "qd.pdf").read_bytes()
    with (
        _holder(csc, answer, delay) as url,
        open_key(CscSource(url, "digitize/signer", approval_seconds=approval)) as k,
    ):
        signing = Signing(k, SignProfile(role="leader", level="B-B"), load_trust_roots([root]))
        started = time.monotonic()
        if outcome is None:
            signed, result = signing.sign_bytes(pdf)
            assert time.monotonic() - started >= delay and result.signer_name == "Lê Thị Hoa"
            assert verify_pdf(signed, trust_roots=load_trust_roots([root]), visual_checks=False).all_passed
        else:
            with pytest.raises(outcome):
                signing.sign_bytes(pdf)


def test_profiles_command_lists_and_checks_a_remote_profile(
    csc: str, pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``digitize profiles list|check``: what an administrator runs after configuring a remote profile; check
    opens the credential (credentials/info) and checks its certificate against the trust list."""
    _csc_profiles(
        csc,
        pki,
        tmp_path,
        monkeypatch,
        """
[profiles.con-dau]
role = "organization"
csc_url = "{csc}"
csc_credential = "digitize/seal"
seal_image = "{seal}"
users = ["van-thu"]

[profiles.khong-co]
role = "leader"
csc_url = "{csc}"
csc_credential = "digitize/khong-co"
""",
    )
    listed = CliRunner().invoke(main, ["profiles", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    assert [(p["name"], p["key"], p["users"]) for p in json.loads(listed.output)] == [
        ("con-dau", "csc", ["van-thu"]),
        ("khong-co", "csc", []),
    ]
    ok = CliRunner().invoke(main, ["profiles", "check", "con-dau", "--json"])
    assert ok.exit_code == 0, ok.output
    assert "Common Name: Sở Khoa học và Công nghệ tỉnh Yên Bái" in json.loads(ok.output)["subject"]
    missing = CliRunner().invoke(main, ["profiles", "check", "khong-co"])
    assert missing.exit_code == 65 and "ký từ xa" in missing.output, missing.output
    assert CliRunner().invoke(main, ["profiles", "check", "khong-ton-tai"]).exit_code == 66


def test_a_remote_profile_signs_with_rsassa_pss(csc: str, tmp_path: Path) -> None:
    """``pss = true`` on a CSC profile: RSASSA-PSS asked of the service (signAlgo + its parameters)."""
    from digitize.certs import load_trust_roots
    from digitize.signing.keys import CscSource, open_key
    from digitize.signing.sign import Signing, SignProfile
    from tests.signing.helpers import make_pdf

    with CscKey.open(csc, "digitize/signer") as key:
        root = tmp_path / "csc-root.pem"
        root.write_text(serialization_pem(key.chain[-1]))
    roots = load_trust_roots([root])
    with open_key(CscSource(csc, "digitize/signer"), pss=True) as k:
        signed, _ = Signing(k, SignProfile(role="leader", level="B-B", pss=True), roots).sign_bytes(
            make_pdf(tmp_path / "qd.pdf").read_bytes()
        )
    report = verify_pdf(signed, trust_roots=roots, visual_checks=False)
    assert report.all_passed and report.signatures[0].signature_algorithm == "rsassa_pss", report
