"""PKCS#11 signing against a real SoftHSM2 token holding the officer's keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from digitize.certs import load_trust_roots
from digitize.errors import KeyAccessError
from digitize.signing.keys import Pkcs11Source, open_key
from digitize.signing.sign import Signing, SignProfile, SignRequest
from tests.signing.conftest import TOKEN_PIN, Images, Token
from tests.signing.helpers import assert_pdfsig_accepts, pyhanko_validate
from tests.support.pki import TestPKI


@pytest.fixture
def pin_env(softhsm_token: Token, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(softhsm_token.pin_env, TOKEN_PIN)
    return softhsm_token.pin_env


@pytest.mark.parametrize("label, pss", [("officer", False), ("officer", True), ("officer-ec", False)])
def test_sign_with_token(
    pki: TestPKI,
    softhsm_token: Token,
    pin_env: str,
    sample_pdf: Path,
    images: Images,
    tmp_path: Path,
    label: str,
    pss: bool,
) -> None:
    src = Pkcs11Source(softhsm_token.module, softhsm_token.label, label, pin_env)
    outs = [tmp_path / f"t{i}.pdf" for i in range(2)]
    with open_key(src, pss=pss) as key:
        assert key.certificate.subject.native["common_name"] == "Nguyễn Văn An"
        profile = SignProfile(
            role="leader", level="B-T", tsa_url=pki.tsa_url, signature_image=images.signature
        )
        signing = Signing(key, profile, load_trust_roots([pki.root_cert]))
        for out in outs:  # a batch over one token session
            signing.sign_file(SignRequest(sample_pdf, out))
    for out in outs:
        (st,) = pyhanko_validate(pki, out)
        assert (st.intact, st.valid, st.trusted, st.timestamped) == (True, True, True, True)
        if pss:
            assert st.mechanism.endswith("rsassa_pss")
    assert_pdfsig_accepts(pki, outs[0], ["leader_1"])


def test_wrong_pin(softhsm_token: Token, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAD_PIN", "000000")
    with pytest.raises(KeyAccessError) as info:
        open_key(Pkcs11Source(softhsm_token.module, softhsm_token.label, "officer", "BAD_PIN"))
    assert "Sai mã PIN" in info.value.message_vi and "wrong PIN" in info.value.message_en
    assert "000000" not in info.value.one_line()


def test_missing_token_and_key(softhsm_token: Token, pin_env: str, tmp_path: Path) -> None:
    with pytest.raises(KeyAccessError) as info:
        open_key(Pkcs11Source(softhsm_token.module, "no-such-token", "officer", pin_env))
    assert "no-such-token" in info.value.message_en
    with pytest.raises(KeyAccessError) as info:
        open_key(Pkcs11Source(softhsm_token.module, softhsm_token.label, "no-such-key", pin_env))
    assert "no-such-key" in info.value.message_en
    with pytest.raises(KeyAccessError):
        open_key(Pkcs11Source(tmp_path / "nope.so", softhsm_token.label, "officer", pin_env))


def test_cli_batch_with_token_prompts_once(
    pki: TestPKI, softhsm_token: Token, sample_pdf: Path, tmp_path: Path
) -> None:
    """digitize sign with --pkcs11-module and no --pin-env: the PIN is asked once for the whole batch."""
    from click.testing import CliRunner

    from digitize.cli import main

    inputs = []
    for i in range(3):
        p = tmp_path / f"d{i}.pdf"
        p.write_bytes(sample_pdf.read_bytes())
        inputs.append(str(p))
    out_dir = tmp_path / "out"
    res = CliRunner().invoke(
        main,
        [
            "sign",
            *inputs,
            "--output-dir",
            str(out_dir),
            "--pkcs11-module",
            str(softhsm_token.module),
            "--token-label",
            softhsm_token.label,
            "--key-label",
            "officer",
            "--trust",
            str(pki.root_cert),
            "--invisible",
        ],
        input=TOKEN_PIN + "\n",
    )
    assert res.exit_code == 0, res.output
    assert res.output.count("token PIN") == 1  # one prompt
    assert TOKEN_PIN not in res.output
    for name in ("d0.pdf", "d1.pdf", "d2.pdf"):
        (st,) = pyhanko_validate(pki, out_dir / name)
        assert st.intact and st.valid and st.trusted
    # a wrong PIN typed at the prompt: exit 65, nothing written
    res = CliRunner().invoke(
        main,
        [
            "sign",
            inputs[0],
            "-o",
            str(tmp_path / "x.pdf"),
            "--pkcs11-module",
            str(softhsm_token.module),
            "--token-label",
            softhsm_token.label,
            "--key-label",
            "officer",
            "--trust",
            str(pki.root_cert),
        ],
        input="999999\n",
    )
    assert res.exit_code == 65 and not (tmp_path / "x.pdf").exists()
