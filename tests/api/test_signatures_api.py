"""POST /api/v1/documents/{id}/signatures: an officer signs a stored document with a server-side profile
(the test PKI's PKCS#12 officer); the result carries the QR code, is verified and recorded."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from digitize.signing.qr import parse_payload, read_qr
from digitize.store import db
from digitize.store.models import Signature, Variant
from digitize.verify import trust_roots_from_settings, verify_pdf
from tests.api.conftest import auth
from tests.api.signing_helpers import bind_profile, done_pdf_document, write_profiles
from tests.signing.helpers import assert_pdfsig_accepts
from tests.support.pki import TestPKI, pki  # noqa: F401  (the session's test PKI)
from tests.support.store_data import stored_document


@pytest.fixture
def profiles(pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    return write_profiles(pki, tmp_path, monkeypatch)


def _counts(doc_id: str) -> tuple[int, int]:
    with db.session() as s:
        sigs = s.scalar(select(func.count()).select_from(Signature).where(Signature.document_id == doc_id))
        variants = s.scalar(
            select(func.count())
            .select_from(Variant)
            .where(Variant.document_id == doc_id, Variant.kind == "signed")
        )
    return int(sigs or 0), int(variants or 0)


def test_officer_signs_with_a_profile(
    bare_client: TestClient,
    make_key: Callable[..., str],
    tmp_path: Path,
    profiles: Path,
    pki: TestPKI,  # noqa: F811
) -> None:
    officer = make_key("officer")
    bind_profile(profiles, "giam-doc", keys=(officer,))
    doc_id = done_pdf_document(tmp_path, "gp-ky")
    r = bare_client.post(
        f"/api/v1/documents/{doc_id}/signatures",
        json={"profile": "giam-doc", "procedure_code": "1.004227"},
        headers=auth(officer),
    )
    assert r.status_code == 201, r.text
    rec = r.json()
    assert rec["document_id"] == doc_id and rec["verified"] is True and rec["indication"] == "TOTAL_PASSED"
    assert rec["signer"] == "Nguyễn Văn An" and rec["role"] == "leader" and rec["level"] == "B-B"
    assert rec["signed_by"].startswith("key:") and rec["profile"] == "giam-doc"
    assert rec["qr"].startswith(f"https://tracuu.example.gov.vn/v/{doc_id}?")

    # the signed PDF: served by sha256, intact, its QR code readable and pointing at the public page
    pdf = bare_client.get(f"/api/v1/documents/{doc_id}/file?variant=signed", headers=auth(officer))
    assert pdf.status_code == 200 and hashlib.sha256(pdf.content).hexdigest() == rec["sha256"]
    report = verify_pdf(pdf.content, trust_roots=trust_roots_from_settings(), visual_checks=False)
    assert report.all_passed and report.document.modified_after_signing is False
    decoded = read_qr(pdf.content)
    assert decoded is not None and decoded == rec["qr"]
    facts = parse_payload(decoded)
    assert facts["document_id"] == doc_id and facts["document_code"] == "1169/GP-SKHCN"
    assert facts["holder_id"] == "0101234567" and facts["valid_until"] == "2099-06-15"
    assert facts["procedure_code"] == "1.004227" and facts["issuing_system"] == "Sở Khoa học và Công nghệ"
    assert facts["document_name"] == "Giấy phép" and facts["time"] and facts["time"].endswith("+07:00")
    stamped, signed_at = (datetime.fromisoformat(x) for x in (facts["time"], rec["signing_time"]))
    assert timedelta(0) <= signed_at - stamped < timedelta(seconds=30)  # drawn just before signing
    out = tmp_path / "signed.pdf"
    out.write_bytes(pdf.content)
    assert len(assert_pdfsig_accepts(pki, out)) == 1  # a third party accepts it (QR drawn before signing)
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(out), "-"], capture_output=True, text=True)
    assert f"https://tracuu.example.gov.vn/v/{doc_id}" in text.stdout

    # a second signature follows the first (incremental), no second QR code; both still valid
    r2 = bare_client.post(
        f"/api/v1/documents/{doc_id}/signatures",
        json={"profile": "giam-doc", "level": "B-T"},
        headers=auth(officer),
    )
    assert r2.status_code == 201, r2.text
    assert r2.json()["level"] == "B-T" and r2.json()["verified"] is True and r2.json()["qr"] is None
    assert r2.json()["derived_from"] == rec["sha256"]
    listed = bare_client.get(f"/api/v1/documents/{doc_id}/signatures", headers=auth(officer)).json()["items"]
    assert [x["id"] for x in listed] == [rec["id"], r2.json()["id"]]
    record = bare_client.get(f"/api/v1/documents/{doc_id}", headers=auth(officer)).json()
    assert len(record["signatures"]) == 2 and all(x["verified"] for x in record["signatures"])
    assert _counts(doc_id) == (2, 2)


def test_refusals(
    bare_client: TestClient, make_key: Callable[..., str], tmp_path: Path, profiles: Path
) -> None:
    officer, archivist = make_key("officer"), make_key("archivist")
    for name in ("giam-doc", "chung-thuc", "hong"):
        bind_profile(profiles, name, keys=(officer, archivist))
    doc_id = done_pdf_document(tmp_path, "gp-tu-choi")
    url = f"/api/v1/documents/{doc_id}/signatures"

    def post(body: dict[str, object], key: str = officer, target: str = url) -> tuple[int, str]:
        r = bare_client.post(target, json=body, headers=auth(key))
        return r.status_code, (r.json().get("error") or {}).get("code", "") if r.status_code >= 400 else ""

    assert post({"profile": "giam-doc"}, archivist) == (403, "forbidden")
    assert bare_client.post(url, json={"profile": "giam-doc"}).status_code == 401
    assert post({"profile": "giam-doc"}, target="/api/v1/documents/khong-co/signatures") == (404, "not_found")
    assert post({"profile": "khong-co"}) == (422, "bad_input")
    assert post({"profile": "giam-doc", "level": "B-LTA"}) == (422, "bad_input")  # not allowed by the profile
    assert post({"profile": "giam-doc", "level": "B-X"})[0] == 422
    status, code = post({"profile": "hong"})  # the key file does not exist
    assert status == 422 and code in ("key_access_error", "signing_error", "bad_input", "usage_error")
    broken = stored_document(tmp_path, "broken.pdf", {"type_name": "Giấy phép"}, broken=True)
    assert post({"profile": "giam-doc"}, target=f"/api/v1/documents/{broken}/signatures")[0] == 422
    assert _counts(doc_id) == (0, 0) and _counts(broken) == (0, 0)

    # DocMDP P=1: a certified document takes no further signature
    assert post({"profile": "chung-thuc"}) == (201, "")
    assert post({"profile": "giam-doc"}) == (409, "signature_not_allowed")
    assert _counts(doc_id) == (1, 1)


def test_concurrent_signatures_follow_each_other(tmp_path: Path, profiles: Path, digitize_home: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from digitize.signing.service import sign_document

    doc_id = done_pdf_document(tmp_path, "gp-dong-thoi")
    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(lambda _: sign_document(doc_id, "giam-doc", "test"), range(2))
    first, second = sorted((a, b), key=lambda r: r["id"])
    assert second["derived_from"] == first["sha256"]  # not two branches of the same revision
    assert first["qr"] and second["qr"] is None and first["verified"] and second["verified"]


def test_a_profile_is_used_only_by_the_people_it_names(
    bare_client: TestClient, make_key: Callable[..., str], tmp_path: Path, profiles: Path
) -> None:
    """Issue 12, finding 7 replayed: another officer (or an admin) with the Director's profile gets 403."""
    director, other = make_key("officer", "Giám đốc"), make_key("officer", "Phó phòng")
    admin = make_key("admin")
    bind_profile(profiles, "giam-doc", keys=(director,))
    doc_id = done_pdf_document(tmp_path, "gp-giam-doc")
    url = f"/api/v1/documents/{doc_id}/signatures"
    for key in (other, admin):
        r = bare_client.post(url, json={"profile": "giam-doc"}, headers=auth(key))
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden", r.text
    # a profile naming nobody is nobody's, the Director's own key included
    r = bare_client.post(url, json={"profile": "chung-thuc"}, headers=auth(director))
    assert r.status_code == 403
    assert _counts(doc_id) == (0, 0)
    r = bare_client.post(url, json={"profile": "giam-doc"}, headers=auth(director))
    assert r.status_code == 201 and r.json()["signed_by"].startswith("key:"), r.text
    assert _counts(doc_id) == (1, 1)


def test_organisation_profile_is_the_clerks_after_the_leader(
    bare_client: TestClient,
    make_key: Callable[..., str],
    tmp_path: Path,
    profiles: Path,
    pki: TestPKI,  # noqa: F811
) -> None:
    """Decree 30/2020 with the organisation's key on the server: only a clerk applies it, only after a valid
    leader's signature."""
    from tests.signing.helpers import seal_png

    seal = seal_png(tmp_path / "con-dau.png")
    officer, clerk = make_key("officer"), make_key("clerk")
    profiles.write_text(
        profiles.read_text(encoding="utf-8")
        + f'\n[profiles.con-dau]\nrole = "organization"\nlevel = "B-B"\np12 = "{pki.organization.p12}"\n'
        f'p12_password_env = "API_TEST_P12_PASSWORD"\nseal_image = "{seal}"\n',
        encoding="utf-8",
    )
    bind_profile(profiles, "giam-doc", keys=(officer,))
    bind_profile(profiles, "con-dau", keys=(officer, clerk))
    doc_id = done_pdf_document(tmp_path, "gp-con-dau")
    url = f"/api/v1/documents/{doc_id}/signatures"
    r = bare_client.post(url, json={"profile": "con-dau"}, headers=auth(clerk))
    assert r.status_code == 409, r.text  # no leader signature yet
    r = bare_client.post(url, json={"profile": "con-dau"}, headers=auth(officer))
    assert r.status_code == 403, r.text  # an officer does not apply the seal
    assert bare_client.post(url, json={"profile": "giam-doc"}, headers=auth(officer)).status_code == 201
    r = bare_client.post(url, json={"profile": "con-dau"}, headers=auth(clerk))
    assert r.status_code == 201, r.text
    assert r.json()["role"] == "organization" and r.json()["verified"] is True
    assert _counts(doc_id) == (2, 2)
