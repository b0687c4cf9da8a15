"""Fixtures of the signing tests: the session's test PKI (tests/support/pki.py), images, a SoftHSM2 token."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.signing.helpers import make_pdf, seal_png, signature_png
from tests.support.pki import TestPKI, pki

__all__ = ["pki"]

P12_ENV = "TEST_P12_PASSWORD"
PIN_ENV = "TEST_TOKEN_PIN"
TOKEN_PIN = "246810"


@dataclass(frozen=True)
class Images:
    signature: Path
    seal: Path


@pytest.fixture(scope="session")
def images(tmp_path_factory: pytest.TempPathFactory) -> Images:
    d = tmp_path_factory.mktemp("images")
    return Images(signature_png(d / "chu-ky.png"), seal_png(d / "con-dau.png"))


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("pdf") / "quyet-dinh.pdf")


@pytest.fixture
def p12_env(pki: TestPKI, monkeypatch: pytest.MonkeyPatch) -> str:
    """The name of an environment variable holding the PKCS#12 password."""
    monkeypatch.setenv(P12_ENV, pki.p12_password)
    return P12_ENV


@dataclass(frozen=True)
class Token:
    module: Path
    label: str
    pin_env: str
    officer_label: str
    ec_label: str


@pytest.fixture(scope="session")
def softhsm_token(pki: TestPKI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Token]:
    """A SoftHSM2 token (this process's SOFTHSM2_CONF) holding the officer's RSA and EC keys."""
    from digitize.tools import softhsm

    if not softhsm.available():
        pytest.skip("SoftHSM2 / pkcs11-tool not installed")
    hsm = softhsm.SoftHsm.create(tmp_path_factory.mktemp("softhsm"))
    old = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(hsm.conf)  # read by the module when first loaded in this process
    hsm.init_token("digitize-test", so_pin="13579", pin=TOKEN_PIN)
    hsm.import_key(
        "digitize-test", TOKEN_PIN, pki.officer.key, pki.officer.cert, label="officer", key_id="01"
    )
    hsm.import_key(
        "digitize-test", TOKEN_PIN, pki.officer_ec.key, pki.officer_ec.cert, label="officer-ec", key_id="02"
    )
    yield Token(hsm.module, "digitize-test", PIN_ENV, "officer", "officer-ec")
    if old is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = old
