"""``digitize agent`` against a live server, with SoftHSM2 as the officer's USB token: the key never leaves
the token, the PIN is entered once for the batch, every document comes back signed and verified (pdfsig/NSS
and our verifier)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from digitize.cli import main
from digitize.config import reset_settings
from digitize.services.signing import create_sessions, register_certificate
from digitize.store import db
from digitize.store.auth import Principal, create_api_key, create_user
from digitize.store.models import Signature
from digitize.verify import trust_roots_from_settings, verify_pdf
from tests.api.signing_helpers import done_pdf_document, write_profiles
from tests.signing.conftest import TOKEN_PIN, Token
from tests.signing.helpers import assert_pdfsig_accepts
from tests.support.live import live_server
from tests.support.pki import TestPKI


@pytest.fixture
def server(
    pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, digitize_home: Path
) -> Iterator[tuple[str, str, Path]]:
    """A live server; an officer ``officer1`` (web user) and the agent's API key, both holding the
    officer's certificate; the agent paired (its config file)."""
    write_profiles(pki, tmp_path, monkeypatch)
    monkeypatch.setenv("DIGITIZE_TSA_URL", pki.tsa_url)
    reset_settings()
    db.get_engine()
    with db.session() as s:
        create_user(s, name="officer1", role="officer", password="mat-khau-dai")
        row, plain = create_api_key(s, role="officer", name="agent of officer1")
        for ident in ("officer", "officer_ec"):
            pem = pki.identity(ident).cert.read_bytes()
            register_certificate(s, "user", "officer1", pem, by="test")
            register_certificate(s, "key", row.key_id, pem, by="test")
    with live_server() as url:
        config = tmp_path / "agent.json"
        env = {"AGENT_KEY": plain}
        result = CliRunner().invoke(
            main,
            ["agent", "pair", "--server", url, "--key-env", "AGENT_KEY", "--config", str(config)],
            env=env,
        )
        assert result.exit_code == 0, result.output
        assert config.stat().st_mode & 0o077 == 0 and json.loads(config.read_text())["server"] == url
        yield url, plain, config


def _token_args(token: Token, label: str) -> list[str]:
    return ["--pkcs11-module", str(token.module), "--token-label", token.label, "--key-label", label]


def test_agent_signs_what_the_officer_prepared(
    server: tuple[str, str, Path], softhsm_token: Token, pki: TestPKI, tmp_path: Path
) -> None:
    _url, _key, config = server
    docs = [done_pdf_document(tmp_path, f"gp-dai-ly-{i}") for i in range(3)]
    officer = Principal("user", "officer1", "officer")
    pem = pki.officer.cert.read_text() + pki.intermediate_cert.read_text()
    created, errors = create_sessions(officer, docs, pem, level="B-T")  # what the web page does
    assert errors == [] and len(created) == 3

    # the PIN is typed once (hidden prompt) for the whole batch: a second prompt would find no input
    result = CliRunner().invoke(
        main,
        ["agent", "run", *_token_args(softhsm_token, softhsm_token.officer_label), "--once", "--yes",
         "--config", str(config)],
        input=TOKEN_PIN + "\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Signed 3/3" in result.output and result.output.count("Giấy phép số 1169/GP-SKHCN") == 3
    with db.session() as s:
        rows = s.scalars(select(Signature).where(Signature.document_id.in_(docs))).all()
        assert sorted(r.document_id for r in rows) == sorted(docs)
        assert all(r.verified and r.level == "B-T" for r in rows)
    from digitize.store.objects import get_object_store

    signed = get_object_store().read_bytes(rows[0].key or "")
    out = tmp_path / "agent.pdf"
    out.write_bytes(signed)
    assert len(assert_pdfsig_accepts(pki, out)) == 1
    assert verify_pdf(signed, trust_roots=trust_roots_from_settings(), visual_checks=False).all_passed
    # nothing waits any more
    again = CliRunner().invoke(
        main,
        ["agent", "run", *_token_args(softhsm_token, "officer"), "--once", "--yes", "--config", str(config)],
    )
    assert again.exit_code == 0 and "Nothing waits" in again.output


def test_agent_prepares_and_signs_with_an_ec_key(
    server: tuple[str, str, Path],
    softhsm_token: Token,
    pki: TestPKI,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _url, _key, config = server
    docs = [done_pdf_document(tmp_path, f"gp-ec-{i}") for i in range(2)]
    monkeypatch.setenv("AGENT_PIN", TOKEN_PIN)
    args = ["agent", "run", *_token_args(softhsm_token, softhsm_token.ec_label), "--pin-env", "AGENT_PIN"]
    for d in docs:
        args += ["--document", d]
    result = CliRunner().invoke(main, [*args, "--level", "B-B", "--once", "--yes", "--config", str(config)])
    assert result.exit_code == 0, result.output
    with db.session() as s:
        rows = s.scalars(select(Signature).where(Signature.document_id.in_(docs))).all()
        assert len(rows) == 2 and all(r.verified for r in rows)


def test_agent_refuses_without_confirmation_and_with_a_wrong_pin(
    server: tuple[str, str, Path], softhsm_token: Token, pki: TestPKI, tmp_path: Path
) -> None:
    _url, _key, config = server
    doc = done_pdf_document(tmp_path, "gp-khong")
    pem = pki.officer.cert.read_text() + pki.intermediate_cert.read_text()
    create_sessions(Principal("user", "officer1", "officer"), [doc], pem)
    base = ["agent", "run", *_token_args(softhsm_token, "officer"), "--once", "--config", str(config)]
    result = CliRunner().invoke(main, base, input="n\n")  # the officer says no: nothing is signed
    assert "Cancelled" in result.output
    result = CliRunner().invoke(main, [*base, "--yes"], input="000000\n")  # wrong PIN
    assert result.exit_code != 0
    with db.session() as s:
        assert s.scalars(select(Signature).where(Signature.document_id == doc)).all() == []


def test_what_the_agent_shows_cannot_be_rewritten_by_the_text_it_shows() -> None:
    """The line the officer confirms is made of text others wrote (a file name from a scanner's share, a field
    a reviewer typed, the server's answer): an escape sequence (ESC or the one-byte CSI U+009B) could erase
    it and print another document's line, a bidi override could reorder its number. None reaches the
    terminal; the words stay."""
    from digitize.signing.agent import describe

    hostile = {
        "id": "s1",
        "document_id": "d1",
        "role": "leader",
        "level": "B-B",
        "document": {
            "type_name": "Giấy phép\x1b[2K\r\x1b[1A\u009b2KQuyết định khen thưởng",
            "number": "12\u202e34/GP",
            "holder_name": "Công ty\u2066 Bình Minh\x07",
        },
    }
    line = describe(hostile)
    assert not any(ch in line for ch in "\x1b\r\x07\u009b\u202e\u2066"), repr(line)
    assert "Giấy phép" in line and "Quyết định khen thưởng" in line and "Bình Minh" in line
    assert "1234/GP" in line
