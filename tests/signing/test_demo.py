"""Signing out of the box: the first run makes a demo PKI in the home; admin signs a document with the demo
profile and it verifies there (demo root trusted in that home only); the stamp says it is a demo; pdfsig
accepts it with the demo root in an NSS db; another home does not trust the demo root."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import click
from click.testing import CliRunner

from digitize.cli.store import prepare_first_run
from digitize.config import get_settings, reset_settings
from digitize.services.signing import certificates_of, sign_stored, usable_profiles
from digitize.signing.demo import DEMO_TEXT
from digitize.store import db
from digitize.store.auth import Principal
from digitize.store.objects import get_object_store
from digitize.tools import pdfsig
from digitize.verify import trust_roots_from_settings, verify_pdf
from tests.api.signing_helpers import done_pdf_document


def test_first_run_signs_out_of_the_box(digitize_home: Path, tmp_path: Path) -> None:
    @click.command()
    def cmd() -> None:
        prepare_first_run(tmp_path / "no-samples")

    result = CliRunner().invoke(cmd, [], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    demo = digitize_home / "demo"
    assert (digitize_home / "trust" / "demo-root.pem").is_file() and (demo / "officer.p12").is_file()
    assert oct((demo / "p12-password.txt").stat().st_mode & 0o777) == "0o600"
    settings = get_settings()
    assert settings.signing_profiles_file == digitize_home / "signing.toml"
    admin = Principal("user", "admin", "admin")
    assert usable_profiles(admin) == ["demo"]
    with db.session() as s:
        assert len(certificates_of(s, "user", "admin")) == 1  # the demo officer's, for sessions and the agent

    doc_id = done_pdf_document(tmp_path, "mau")
    record = sign_stored(admin, doc_id, "demo")
    assert record["verified"] is True and record["indication"] == "TOTAL_PASSED"
    signed = get_object_store().read_bytes(f"signed/{record['sha256'][:2]}/{record['sha256']}")
    out = tmp_path / "demo-signed.pdf"
    out.write_bytes(signed)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "BẢN DEMO" in text  # the stamp's title says it
    assert DEMO_TEXT.encode("utf-16-be") in signed or b"/Reason" in signed
    report = verify_pdf(signed, trust_roots=trust_roots_from_settings(), visual_checks=False)
    assert report.all_passed

    # pdfsig with the demo root in an NSS db
    nss = tmp_path / "nss"
    nss.mkdir()
    root = digitize_home / "trust" / "demo-root.pem"
    for args in (["-N", "--empty-password"], ["-A", "-n", "demo root", "-t", "CT,C,C", "-i", str(root)]):
        subprocess.run(["certutil", "-d", f"sql:{nss}", *args], check=True, capture_output=True)
    # OCSP left on (the demo certificate names no responder): poppler 22.12 with -no-ocsp and no CRL in the
    # database reports a stale NSS error (see tests/support/pki.py)
    proc = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(out)], capture_output=True, text=True)
    (sig,) = pdfsig.parse(proc.stdout)
    assert sig.signature_validation == "Signature is Valid."
    assert sig.certificate_validation == "Certificate is Trusted."

    # another home does not trust the demo root
    other = tmp_path / "other-home"
    other.mkdir()
    os.environ["DIGITIZE_HOME"] = str(other)
    try:
        reset_settings()
        assert get_settings().trust_dir is None and get_settings().signing_profiles_file is None
        assert not verify_pdf(signed, trust_roots=trust_roots_from_settings(), visual_checks=False).all_passed
    finally:
        os.environ["DIGITIZE_HOME"] = str(digitize_home)
        reset_settings()


def test_readme_demo_agent_flow(digitize_home: Path, tmp_path: Path) -> None:
    """The README's quick start: a key holding the demo officer's certificate, the agent paired, the demo
    PKCS#12 as the officer's key on the PC, one document prepared and signed."""
    from digitize.cli import main
    from tests.support.live import live_server

    @click.command()
    def cmd() -> None:
        prepare_first_run(tmp_path / "no-samples")

    assert CliRunner().invoke(cmd, [], catch_exceptions=False).exit_code == 0
    demo = digitize_home / "demo"
    doc_id = done_pdf_document(tmp_path, "mau-dai-ly")
    created = CliRunner().invoke(
        main,
        [
            "keys",
            "create",
            "--role",
            "officer",
            "--name",
            "agent",
            "--certificate",
            str(demo / "officer.pem"),
        ],
    )
    assert created.exit_code == 0, created.output
    key = created.stdout.strip().splitlines()[-1]
    config = tmp_path / "agent.json"
    env = {"KEY": key, "P12_PW": (demo / "p12-password.txt").read_text()}
    with live_server() as url:
        paired = CliRunner().invoke(
            main, ["agent", "pair", "--server", url, "--key-env", "KEY", "--config", str(config)], env=env
        )
        assert paired.exit_code == 0, paired.output
        run = CliRunner().invoke(
            main,
            ["agent", "run", "--p12", str(demo / "officer.p12"), "--p12-password-env", "P12_PW",
             "--document", doc_id, "--level", "B-B", "--once", "--yes", "--config", str(config)],
            env=env,
        )  # fmt: skip
    assert run.exit_code == 0 and "Signed 1/1" in run.output, run.output
    with db.session() as s:
        from digitize.signing.service import list_signatures

        (sig,) = list_signatures(s, doc_id)
    assert sig["verified"] is True and sig["signer"] == "Quản trị viên (BẢN DEMO)"
    # a demo key's stamp says so over sessions too: the title, the demo signature image, the reason
    from io import BytesIO

    from pyhanko.pdf_utils.reader import PdfFileReader

    signed = get_object_store().read_bytes(f"signed/{sig['sha256'][:2]}/{sig['sha256']}")
    out = tmp_path / "demo-agent.pdf"
    out.write_bytes(signed)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "GIÁM ĐỐC (BẢN DEMO)" in text
    (embedded,) = PdfFileReader(BytesIO(signed)).embedded_signatures
    assert str(embedded.sig_object["/Reason"]) == DEMO_TEXT
    assert b"/Im" in signed or b"/XObject" in signed  # the demo signature image (it carries DEMO_TEXT)
