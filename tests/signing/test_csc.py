"""Remote signing (Cloud Signature Consortium API v1) with ``certomancer-csc-dummy`` started on loopback:
the holder's key is at the service, the agent on the officer's PC asks it to sign the sessions' digests (one
authorisation with the hashes pinned for the batch); the server finishes; pdfsig/NSS and our verifier
accept."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select

from digitize.cli import main
from digitize.config import reset_settings
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
pki-architectures:
  digitize:
    keyset: digitize
    entity-defaults: {{country-name: VN, organization-name: "Dịch vụ ký số từ xa (thử nghiệm)"}}
    entities:
      root: {{common-name: "CSC Root CA thử nghiệm"}}
      signer: {{common-name: "Lê Thị Hoa"}}
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
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def csc(tmp_path: Path) -> Iterator[str]:
    """certomancer-csc-dummy on loopback (SCAL 2: hashes pinned in the authorisation); yields its CSC URL."""
    exe = Path(sys.executable).with_name("certomancer-csc")
    assert exe.exists(), "certomancer-csc-dummy is a dev dependency (pip install -e '.[dev]')"
    keys = tmp_path / "csc-keys"
    keys.mkdir()
    for name in ("root", "signer"):
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
