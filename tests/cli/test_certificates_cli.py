"""``digitize keys create --certificate`` and ``digitize users create --certificate``: signing certificates
registered to the person or key (repeatable); a file that is no certificate creates nothing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select

from digitize.cli import main
from digitize.services.signing import certificates_of
from digitize.signing.sessions import fingerprint, parse_pem_chain
from digitize.store import db
from digitize.store.models import ApiKey, User
from tests.support.pki import TestPKI, pki  # noqa: F401


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_certificates_bound_at_creation(digitize_home: Path, pki: TestPKI, tmp_path: Path) -> None:  # noqa: F811
    assert run("db", "upgrade")[0] == 0
    rsa_fp = fingerprint(parse_pem_chain(pki.officer.cert.read_bytes())[0])
    ec_fp = fingerprint(parse_pem_chain(pki.officer_ec.cert.read_bytes())[0])
    code, out, _ = run(
        "keys", "create", "--role", "officer", "--name", "Giám đốc",
        "--certificate", str(pki.officer.cert), "--certificate", str(pki.officer_ec.cert),
    )  # fmt: skip
    assert code == 0
    key_id = out.strip().splitlines()[-1].split("_")[1]
    code, _, _ = run(
        "users", "create", "--name", "van.thu", "--role", "clerk", "--password-env", "PW",
        "--certificate", str(pki.organization.cert), env={"PW": "mat-khau-dai"},
    )  # fmt: skip
    assert code == 0
    with db.session() as s:
        assert [c["fingerprint"] for c in certificates_of(s, "key", key_id)] == [rsa_fp, ec_fp]
        assert len(certificates_of(s, "user", "van.thu")) == 1
    # not a certificate: refused before anything is created
    junk = tmp_path / "junk.pem"
    junk.write_text("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    code, _, _ = run(
        "users", "create", "--name", "x", "--role", "officer", "--password-env", "PW",
        "--certificate", str(junk), env={"PW": "mat-khau-dai"},
    )  # fmt: skip
    assert code != 0
    code, _, _ = run("keys", "create", "--role", "officer", "--name", "y", "--certificate", str(junk))
    assert code != 0
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(User).where(User.name == "x")) == 0
        assert s.scalar(select(func.count()).select_from(ApiKey).where(ApiKey.name == "y")) == 0
