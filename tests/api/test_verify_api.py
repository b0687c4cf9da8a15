"""POST /api/v1/verify (no login): the contract's report for anything sent, the registry cross-check by the
sha256 of the signed revision and by the QR code, the readable report as PDF and text, the size limit."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from digitize.cli import main
from digitize.config import get_settings, reset_settings
from digitize.signing.profiles import sign_with_profile
from digitize.signing.qr import QrInfo, stamp_qr
from digitize.signing.service import sign_document
from digitize.store import db
from digitize.store.service import revoke
from tests.api.signing_helpers import done_pdf_document, make_pdf, write_profiles
from tests.support.pki import TestPKI, pki  # noqa: F401  (the session's test PKI)

DOC_KEYS = {"indication", "sub_indication", "modified_after_signing", "signatures", "timestamps"}
SIG_KEYS = set(
    [
        "field",
        "kind",
        "indication",
        "sub_indication",
        "intact",
        "crypto_valid",
        "trusted",
        "modification",
        "coverage",
        "signer",
        "signing_time",
        "timestamp_time",
        "certificate_valid_from",
        "certificate_valid_until",
        "revocation",
    ]
)


@pytest.fixture
def profiles(pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    return write_profiles(pki, tmp_path, monkeypatch)


def _verify(client: TestClient, data: bytes, name: str = "x.pdf", query: str = "") -> dict[str, object]:
    r = client.post(f"/api/v1/verify{query}", files={"file": (name, data, "application/pdf")})
    assert r.status_code == 200, r.text
    body: dict[str, object] = r.json()
    return body


@pytest.mark.parametrize(
    "data", [b"", b"not a pdf at all", b"%PDF-1.7\n1 0 obj <</Type /Catalog", b"\x00" * 999]
)
def test_garbage_gets_a_format_failure_report(bare_client: TestClient, data: bytes) -> None:
    body = _verify(bare_client, data, "rac.bin")
    doc = body["document"]
    assert isinstance(doc, dict) and set(doc) >= DOC_KEYS
    assert doc["indication"] == "TOTAL_FAILED" and doc["sub_indication"] == "FORMAT_FAILURE"
    assert body["registry"] == {"known": False, "document_id": None, "validity": None, "matched_by": None}


def test_unsigned_pdf_and_missing_file(bare_client: TestClient, tmp_path: Path) -> None:
    body = _verify(bare_client, make_pdf(tmp_path / "a.pdf", "khong ky").read_bytes())
    assert body["document"]["indication"] != "TOTAL_PASSED" and body["signatures"] == []  # type: ignore[index]
    r = bare_client.post("/api/v1/verify")
    assert r.status_code == 422 and r.json()["error"]["code"] == "bad_input"
    # the message names this door's field, ``file`` (a batch upload's is ``files``)
    assert "'file'" in r.json()["error"]["message"] and "'file'" in r.json()["error"]["message_en"]
    r = bare_client.post("/api/v1/verify", files={"files": ("a.pdf", b"%PDF-1.7", "application/pdf")})
    assert r.status_code == 400 and r.json()["error"]["code"] == "missing_field"
    assert r.json()["error"]["message_en"] == "No file in the 'file' field."


def test_signed_document_is_known_with_its_validity(
    bare_client: TestClient, make_key: Callable[..., str], tmp_path: Path, profiles: Path
) -> None:
    doc_id = done_pdf_document(tmp_path, "gp-xac-thuc")
    rec = sign_document(doc_id, "giam-doc", "test")
    assert rec["verified"] is True
    officer = make_key("officer")
    signed = bare_client.get(
        f"/api/v1/documents/{doc_id}/file?variant=signed", headers=auth_h(officer)
    ).content

    body = _verify(bare_client, signed, "gp.pdf")
    assert body["document"]["indication"] == "TOTAL_PASSED"  # type: ignore[index]
    sigs = body["signatures"]
    assert isinstance(sigs, list) and len(sigs) == 1 and set(sigs[0]) >= SIG_KEYS
    assert sigs[0]["signer"]["name"] == "Nguyễn Văn An" and sigs[0]["trusted"] is True
    assert body["registry"] == {
        "known": True,
        "document_id": doc_id,
        "validity": "valid",
        "matched_by": "sha256",
    }
    assert "Chữ ký" in str(body["text"]) or "chữ ký" in str(body["text"]).lower()
    assert f"mã tài liệu {doc_id}, còn hiệu lực" in str(body["text"])  # the status in words, not "valid"

    # English, text and the downloadable PDF report
    en = _verify(bare_client, signed, query="?lang=en")
    assert "signature" in str(en["text"]).lower()
    r = bare_client.post("/api/v1/verify?format=pdf", files={"file": ("gp.pdf", signed, "application/pdf")})
    assert (
        r.status_code == 200 and r.headers["content-type"] == "application/pdf" and r.content[:5] == b"%PDF-"
    )
    assert "attachment" in r.headers["content-disposition"]
    r = bare_client.post("/api/v1/verify?format=text&lang=en", files={"file": ("gp.pdf", signed)})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain") and doc_id in r.text

    # the CLI on the server's machine gives the same cross-check against this home's store
    local = tmp_path / "received.pdf"
    local.write_bytes(signed)
    cli = CliRunner().invoke(main, ["verify", str(local), "--json"])
    assert cli.exit_code == 0, cli.output
    assert json.loads(cli.stdout)["registry"] == {"known": True, "document_id": doc_id, "validity": "valid"}

    # revoked today: the same file still verifies, the registry says revoked
    with db.session() as s:
        revoke(s, doc_id, reason="Cấp sai đối tượng", by="test")
    body = _verify(bare_client, signed)
    assert body["registry"]["validity"] == "revoked"  # type: ignore[index]
    assert "đã bị thu hồi" in str(body["text"])
    en_text = str(_verify(bare_client, signed, query="?lang=en")["text"])
    assert f"document {doc_id}, validity: revoked" in en_text
    cli = CliRunner().invoke(main, ["verify", str(local), "--json"])
    assert json.loads(cli.stdout)["registry"]["validity"] == "revoked"


def test_registry_by_qr_code(bare_client: TestClient, tmp_path: Path, profiles: Path) -> None:
    """A PDF signed elsewhere (not stored) whose QR code names a stored document: matched by the QR."""
    doc_id = done_pdf_document(tmp_path, "gp-qr")
    pdf = make_pdf(tmp_path / "ban-khac.pdf", "ban khac").read_bytes()
    stamped = stamp_qr(
        pdf, QrInfo(document_id=doc_id, document_name="Giấy phép"), get_settings().public_base_url
    )
    signed, _ = sign_with_profile("giam-doc", stamped)
    body = _verify(bare_client, signed)
    assert body["document"]["indication"] == "TOTAL_PASSED"  # type: ignore[index]
    assert body["registry"] == {"known": True, "document_id": doc_id, "validity": "valid", "matched_by": "qr"}
    plain, _ = sign_with_profile("giam-doc", pdf)  # no QR, not stored: unknown
    assert _verify(bare_client, plain)["registry"]["known"] is False  # type: ignore[index]


def test_size_limit(bare_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGITIZE_MAX_UPLOAD_BYTES", "1000")
    reset_settings()
    r = bare_client.post("/api/v1/verify", files={"file": ("big.pdf", b"%PDF-" + b"0" * 2000)})
    assert r.status_code == 413 and r.json()["error"]["code"] == "input_too_large"


def auth_h(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_public_rate_limit(bare_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from digitize.api.ratelimit import public_bucket

    monkeypatch.setenv("DIGITIZE_PUBLIC_RATE_LIMIT_PER_MINUTE", "2")
    reset_settings()
    public_bucket.clear()
    try:
        for _ in range(2):
            assert bare_client.post("/api/v1/verify", files={"file": ("a.pdf", b"x")}).status_code == 200
        r = bare_client.post("/api/v1/verify", files={"file": ("a.pdf", b"x")})
        assert r.status_code == 429 and r.json()["error"]["code"] == "rate_limited"
        assert int(r.headers["retry-after"]) >= 1
        assert bare_client.get("/v/0123456789abcdef0123456789abcdef").status_code == 429  # same address
    finally:
        public_bucket.clear()


def test_report_language_follows_accept_language_and_lang_wins(bare_client: TestClient) -> None:
    """The report's language is chosen as at every door: ``?lang=``, else ``Accept-Language``."""

    def text(query: str = "", accept: str | None = None) -> str:
        headers = {"Accept-Language": accept} if accept else {}
        r = bare_client.post(
            f"/api/v1/verify{query}",
            files={"file": ("x.pdf", b"not a pdf", "application/pdf")},
            headers=headers,
        )
        assert r.status_code == 200, r.text
        return str(r.json()["text"])

    vi, en = "KẾT QUẢ XÁC THỰC CHỮ KÝ SỐ", "DIGITAL SIGNATURE VERIFICATION REPORT"
    assert text().startswith(vi)
    assert text(accept="en-US,en;q=0.9").startswith(en)
    assert text(accept="vi-VN,vi;q=0.9,en;q=0.5").startswith(vi)
    assert text("?lang=vi", accept="en-GB").startswith(vi)
    assert text("?lang=en", accept="vi").startswith(en)
    r = bare_client.post(
        "/api/v1/verify?format=text",
        files={"file": ("x.pdf", b"x", "application/pdf")},
        headers={"Accept-Language": "en"},
    )
    assert r.status_code == 200 and r.text.startswith(en)
