"""``digitize verify``: exit codes (0 passed, 1 indeterminate, 2 failed), JSON, text/PDF report, trust dir."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from digitize.cli import main
from tests.support.pki import TestPKI
from tests.verify import helpers as h


@pytest.fixture(scope="module")
def signed(pki: TestPKI) -> bytes:
    return h.pyhanko_sign(h.make_pdf(), pki.officer.p12, pki.p12_password)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in (result.stdout + result.stderr)
    return result.exit_code, result.stdout, result.stderr


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("note.pdf", b"hello, not a pdf", "Not a PDF"),
        ("empty.pdf", b"", "empty"),
        ("truncated.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "signature"),
        ("unsigned.pdf", h.make_pdf(), "no digital signature"),
    ],
)
def test_unreadable_or_unsigned_gets_a_format_failure_report(
    tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    code, out, _err = _run("verify", _write(tmp_path, name, data), "--json", "--offline")
    assert code == 2
    body = json.loads(out)
    assert body["document"]["indication"] == "TOTAL_FAILED"
    assert body["document"]["sub_indication"] == "FORMAT_FAILURE"
    assert body["signatures"] == []
    assert words.lower() in body["document"]["reason_en"].lower()
    assert body["registry"] == {"known": False, "document_id": None, "validity": None}


def test_missing_input_is_a_one_line_error(tmp_path: Path) -> None:
    code, _out, err = _run("verify", str(tmp_path / "none.pdf"))
    assert code == 66
    assert "Không tìm thấy tệp" in err and len(err.strip().splitlines()) == 1


def test_bad_trust_file(tmp_path: Path, signed: bytes) -> None:
    bad = _write(tmp_path, "ca.pem", b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    code, _out, err = _run("verify", _write(tmp_path, "s.pdf", signed), "--trust", bad)
    assert code == 65 and "ca.pem" in err


def test_exit_codes_and_json(pki: TestPKI, tmp_path: Path, signed: bytes) -> None:
    good = _write(tmp_path, "good.pdf", signed)
    code, out, _ = _run("verify", good, "--trust", str(pki.root_cert), "--json")
    assert code == 0
    body = json.loads(out)
    assert body["document"]["indication"] == "TOTAL_PASSED"
    sig = body["signatures"][0]
    assert sig["signer"]["name"] == "Nguyễn Văn An" and sig["revocation"] == "good"
    assert _run("verify", good)[0] == 1  # no trust root: INDETERMINATE
    bad = _write(tmp_path, "bad.pdf", h.flip_signed_byte(signed))
    assert _run("verify", bad, "--trust", str(pki.root_cert))[0] == 2


def test_trust_dir_from_settings(
    pki: TestPKI, tmp_path: Path, signed: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digitize.config import reset_settings

    trust_dir = tmp_path / "trust"
    trust_dir.mkdir()
    (trust_dir / "root.pem").write_bytes(pki.root_cert.read_bytes())
    (trust_dir / "README.txt").write_text("not a certificate, ignored")
    monkeypatch.setenv("DIGITIZE_TRUST_DIR", str(trust_dir))
    reset_settings()
    assert _run("verify", _write(tmp_path, "good.pdf", signed))[0] == 0


def test_text_and_pdf_reports(pki: TestPKI, tmp_path: Path, signed: bytes) -> None:
    doc = _write(tmp_path, "good.pdf", signed)
    out_pdf = tmp_path / "report.pdf"
    code, out, _ = _run("verify", doc, "--trust", str(pki.root_cert), "--pdf-report", str(out_pdf))
    assert code == 0
    assert "KẾT QUẢ XÁC THỰC CHỮ KÝ SỐ" in out and "HỢP LỆ (TOTAL_PASSED)" in out
    assert "Nguyễn Văn An" in out and "Sở Khoa học và Công nghệ tỉnh Yên Bái" in out
    pdf = pdfium.PdfDocument(out_pdf)
    text = pdf[0].get_textpage().get_text_range()
    assert "KẾT QUẢ XÁC THỰC CHỮ KÝ SỐ" in text  # glyphs of an embedded font map back to Vietnamese text
    assert "Nguyễn Văn An" in text
    assert not list(tmp_path.glob("*.part"))
    code, out, _ = _run("verify", doc, "--trust", str(pki.root_cert), "--lang", "en")
    assert "DIGITAL SIGNATURE VERIFICATION REPORT" in out and "VALID (TOTAL_PASSED)" in out
