"""Helpers of the API tests that sign: a finished document holding a real one-page PDF, signing profiles of
the test PKI, an app client."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digitize.config import reset_settings
from digitize.ingest import ingest_paths
from digitize.pipeline.model import RecognizedPage
from digitize.processing.executor import Outcome, claim, finalize
from tests.support.pki import TestPKI

LICENCE_FIELDS: dict[str, str | None] = {
    "type_name": "Giấy phép",
    "code_number": "1169",
    "code_notation": "GP-SKHCN",
    "issued_date": "2021-06-15",
    "organ_name": "Sở Khoa học và Công nghệ",
    "holder_name": "Công ty TNHH Bình Minh",
    "holder_id": "0101234567",
    "valid_from": "2021-06-15",
    "valid_until": "2099-06-15",
}


def make_pdf(path: Path, text: str) -> Path:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.text(120, 200, text)
    pdf.text(120, 230, "GIAY PHEP tien hanh cong viec buc xa")
    path.write_bytes(bytes(pdf.output()))
    return path


def done_pdf_document(tmp: Path, name: str, fields: dict[str, str | None] | None = None) -> str:
    """A finished document whose original is a real one-page PDF, with the given fields (no OCR)."""
    fields = dict(LICENCE_FIELDS if fields is None else fields)
    pdf = make_pdf(tmp / f"{name}.pdf", f"So {name}")
    doc_id = ingest_paths([pdf]).document_ids[0]
    assert claim(doc_id, "test-worker")
    page = RecognizedPage(index=0, source="text", width=595, height=842, text=f"So {name}", confidence=0.93)
    outcome = Outcome(
        pages=(page,), fields={k: (v, 0.95) for k, v in fields.items()}, needs_review=False, confidence=0.93
    )
    finalize(doc_id, "test-worker", outcome, None)
    return doc_id


def key_id(plain_key: str) -> str:
    """The key id of a plain API key ``dgz_<key id>_<secret>`` (what a profile's ``api_keys`` names)."""
    return plain_key.split("_", 2)[1]


def bind_profile(
    path: Path, profile: str, *, keys: tuple[str, ...] = (), users: tuple[str, ...] = ()
) -> None:
    """Name the API keys (plain keys) and users who may sign with ``profile`` in the profiles file."""
    text = path.read_text(encoding="utf-8")
    header = f"[profiles.{profile}]\n"
    assert header in text, profile
    lines = ""
    if keys:
        lines += "api_keys = [" + ", ".join(f'"{key_id(k)}"' for k in keys) + "]\n"
    if users:
        lines += "users = [" + ", ".join(f'"{u}"' for u in users) + "]\n"
    path.write_text(text.replace(header, header + lines, 1), encoding="utf-8")


def write_profiles(pki: TestPKI, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Profiles ``giam-doc`` (leader B-B, B-T allowed), ``chung-thuc`` (certifying, DocMDP P=1), ``hong``
    (a key file that does not exist); the test root trusted through DIGITIZE_TRUST_DIR."""
    trust = tmp / "trust"
    trust.mkdir(exist_ok=True)
    shutil.copy(pki.root_cert, trust / "root.pem")
    profiles = tmp / "signing.toml"
    profiles.write_text(
        f"""
[profiles.giam-doc]
role = "leader"
level = "B-B"
tsa = "{pki.tsa_url}"
allow_levels = ["B-T"]
p12 = "{pki.officer.p12}"
p12_password_env = "API_TEST_P12_PASSWORD"
title = "Giám đốc"

[profiles.chung-thuc]
role = "leader"
level = "B-B"
certify = true
docmdp = 1
p12 = "{pki.officer.p12}"
p12_password_env = "API_TEST_P12_PASSWORD"

[profiles.hong]
role = "leader"
p12 = "{tmp / "khong-co.p12"}"
p12_password_env = "API_TEST_P12_PASSWORD"
""",
        encoding="utf-8",
    )
    monkeypatch.setenv("DIGITIZE_SIGNING_PROFILES_FILE", str(profiles))
    monkeypatch.setenv("DIGITIZE_TRUST_DIR", str(trust))
    monkeypatch.setenv("DIGITIZE_PUBLIC_BASE_URL", "https://tracuu.example.gov.vn")
    monkeypatch.setenv("API_TEST_P12_PASSWORD", pki.p12_password)
    reset_settings()
    return profiles
