"""``digitize sign`` as CONTRACT.md fixes it, and server-side signing profiles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from digitize.cli import main
from tests.signing.conftest import Images
from tests.signing.helpers import assert_pdfsig_accepts, pyhanko_validate
from tests.support.pki import TestPKI


def test_cli_leader_then_organization(
    pki: TestPKI, p12_env: str, images: Images, sample_pdf: Path, tmp_path: Path
) -> None:
    leader, final = tmp_path / "leader.pdf", tmp_path / "final.pdf"
    env = {**os.environ}
    base = [str(Path(sys.executable).parent / "digitize"), "sign"]  # the installed command
    proc = subprocess.run(
        [
            *base,
            str(sample_pdf),
            "-o",
            str(leader),
            "--p12",
            str(pki.officer.p12),
            "--p12-password-env",
            p12_env,
            "--role",
            "leader",
            "--level",
            "B-T",
            "--tsa",
            pki.tsa_url,
            "--trust",
            str(pki.root_cert),
            "--signature-image",
            str(images.signature),
            "--title",
            "Phó Giám đốc",
            "--name",
            "Nguyễn Văn An",
            "--certify",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    result = CliRunner().invoke(
        main,
        [
            "sign",
            str(leader),
            "-o",
            str(final),
            "--p12",
            str(pki.organization.p12),
            "--p12-password-env",
            p12_env,
            "--role",
            "organization",
            "--trust",
            str(pki.root_cert),
            "--seal-image",
            str(images.seal),
            "--signature-image",
            str(images.signature),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    info = json.loads(result.output.strip().splitlines()[-1])
    assert info["role"] == "organization" and info["signing_time"].endswith("+07:00")
    assert_pdfsig_accepts(pki, final, ["leader_1", "organization_1"])
    for s in pyhanko_validate(pki, final):
        assert s.intact and s.valid and s.trusted and s.status.docmdp_ok
    verified = CliRunner().invoke(main, ["verify", str(final), "--trust", str(pki.root_cert), "--json"])
    assert verified.exit_code == 0, verified.output[-2000:]
    report = json.loads(verified.output)
    assert [s["indication"] for s in report["signatures"]] == ["TOTAL_PASSED", "TOTAL_PASSED"]
    assert report["signatures"][0]["timestamp_time"] is not None  # the leader's B-T


@pytest.mark.parametrize("ident, code", [("revoked", 65), ("expired", 65)])
def test_cli_refuses_bad_certificate(
    pki: TestPKI, p12_env: str, sample_pdf: Path, tmp_path: Path, ident: str, code: int
) -> None:
    out = tmp_path / "out.pdf"
    result = CliRunner().invoke(
        main,
        [
            "sign",
            str(sample_pdf),
            "-o",
            str(out),
            "--p12",
            str(pki.identity(ident).p12),
            "--p12-password-env",
            p12_env,
            "--trust",
            str(pki.root_cert),
        ],
    )
    assert result.exit_code == code
    assert "chứng thư" in result.output.lower() or "Chứng thư" in result.output
    assert not out.exists()


def test_cli_batch_and_usage(pki: TestPKI, p12_env: str, sample_pdf: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    a.write_bytes(sample_pdf.read_bytes())
    b.write_bytes(sample_pdf.read_bytes())
    out_dir = tmp_path / "signed"
    result = CliRunner().invoke(
        main,
        [
            "sign",
            str(a),
            str(b),
            "--output-dir",
            str(out_dir),
            "--p12",
            str(pki.officer.p12),
            "--p12-password-env",
            p12_env,
            "--trust",
            str(pki.root_cert),
            "--role",
            "copy",
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.pdf", "b.pdf"]
    # no key given → usage error, no output
    result = CliRunner().invoke(main, ["sign", str(a), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 64 and not (tmp_path / "x.pdf").exists()
    # B-T without a TSA → usage error
    result = CliRunner().invoke(
        main,
        [
            "sign",
            str(a),
            "-o",
            str(tmp_path / "x.pdf"),
            "--p12",
            str(pki.officer.p12),
            "--p12-password-env",
            p12_env,
            "--level",
            "B-T",
        ],
    )
    assert result.exit_code == 64 and not (tmp_path / "x.pdf").exists()


def test_sign_with_profile(
    pki: TestPKI,
    p12_env: str,
    images: Images,
    sample_pdf: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from digitize.config import reset_settings
    from digitize.errors import NotFound
    from digitize.signing.profiles import close_all, sign_with_profile

    conf = tmp_path / "profiles.toml"
    conf.write_text(
        f"""
[profiles.giam-doc]
role = "leader"
level = "B-T"
tsa = "{pki.tsa_url}"
p12 = "{pki.officer.p12}"
p12_password_env = "{p12_env}"
title = "Giám đốc"
signature_image = "{images.signature}"
trust = ["{pki.root_cert}"]
""",
        encoding="utf-8",
    )
    monkeypatch.setenv("DIGITIZE_SIGNING_PROFILES_FILE", str(conf))
    reset_settings()
    try:
        signed, result = sign_with_profile("giam-doc", sample_pdf.read_bytes())
        out = tmp_path / "p.pdf"
        out.write_bytes(signed)
        (st,) = pyhanko_validate(pki, out)
        assert st.intact and st.valid and st.trusted and st.timestamped
        assert result.signer_name == "Nguyễn Văn An"
        with pytest.raises(NotFound):
            sign_with_profile("khong-co", sample_pdf.read_bytes())
    finally:
        close_all()


def test_cli_without_trust_warns_but_still_checks_revocation(
    pki: TestPKI, p12_env: str, sample_pdf: Path, tmp_path: Path
) -> None:
    ok, bad = tmp_path / "ok.pdf", tmp_path / "bad.pdf"
    res = CliRunner().invoke(
        main,
        [
            "sign",
            str(sample_pdf),
            "-o",
            str(ok),
            "--p12",
            str(pki.officer.p12),
            "--p12-password-env",
            p12_env,
            "--invisible",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "no trusted CA configured" in res.output and ok.is_file()
    # the key file's own root anchors the revocation check: a revoked certificate is still refused
    res = CliRunner().invoke(
        main,
        [
            "sign",
            str(sample_pdf),
            "-o",
            str(bad),
            "--p12",
            str(pki.revoked.p12),
            "--p12-password-env",
            p12_env,
            "--invisible",
        ],
    )
    assert res.exit_code == 65 and "thu hồi" in res.output and not bad.exists()
