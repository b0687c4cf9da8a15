"""Agency access: grants per document type and fields (deny by default), X-Purpose required and recorded,
validity as of a date and provenance on records, signed files only, the per-client rate limit (429), and the
access log an admin lists per holder."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from digitize.api.ratelimit import TokenBucket
from digitize.config import reset_settings
from digitize.signing.service import sign_document
from digitize.store import db
from digitize.store.models import Document
from tests.api.signing_helpers import LICENCE_FIELDS, done_pdf_document, write_profiles
from tests.support.pki import TestPKI, pki  # noqa: F401  (the session's test PKI)

PURPOSE = "Kiểm tra hồ sơ đề nghị cấp phép"
HOLDER = "0101234567"


def agency(key: str, purpose: str | None = PURPOSE) -> dict[str, str | bytes]:
    headers: dict[str, str | bytes] = {"Authorization": f"Bearer {key}"}
    if purpose is not None:
        headers["X-Purpose"] = purpose.encode("utf-8")  # UTF-8 bytes, as clients send non-ASCII headers
    return headers


@pytest.fixture
def docs(pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:  # noqa: F811
    write_profiles(pki, tmp_path, monkeypatch)
    licence = done_pdf_document(tmp_path, "gp-a")
    decision = done_pdf_document(
        tmp_path,
        "qd-b",
        {**LICENCE_FIELDS, "type_name": "Quyết định", "valid_from": None, "valid_until": None},
    )
    other = done_pdf_document(
        tmp_path, "gp-c", {**LICENCE_FIELDS, "holder_id": "0309999999", "holder_name": "Công ty Ánh Dương"}
    )
    sign_document(licence, "giam-doc", "test")
    return {"licence": licence, "decision": decision, "other": other}


def test_grants_purpose_records_and_access_log(
    bare_client: TestClient, make_key: Callable[..., str], docs: dict[str, str]
) -> None:
    key = make_key("agency", "Sở Tài chính", ("Giấy phép:holder_name,holder_id,valid_from,valid_until",))
    whole = make_key("agency", "Sở Tư pháp", ("Giấy phép",))  # the whole type: records, provenance, files
    nothing = make_key("agency", "Công an tỉnh")  # no grant at all
    admin = make_key("admin")

    # X-Purpose is required
    r = bare_client.get("/api/v1/documents", headers=agency(key, None))
    assert r.status_code == 400 and r.json()["error"]["code"] == "missing_field"
    assert bare_client.get("/api/v1/documents", headers=agency(key, "  ")).status_code == 400

    # only the granted type, only the granted fields
    r = bare_client.get("/api/v1/documents", headers=agency(key))
    assert r.status_code == 200, r.text
    body = r.json()
    assert {i["id"] for i in body["items"]} == {docs["licence"], docs["other"]} and body["total"] == 2
    for item in body["items"]:
        assert set(item["fields"]) == {"holder_name", "holder_id", "valid_from", "valid_until"}
    r = bare_client.get(f"/api/v1/documents?holder_id={HOLDER}", headers=agency(key))
    assert [i["id"] for i in r.json()["items"]] == [docs["licence"]]
    assert bare_client.get(f"/api/v1/documents/{docs['decision']}", headers=agency(key)).status_code == 404
    assert bare_client.get("/api/v1/documents", headers=agency(nothing)).json()["items"] == []
    assert bare_client.get(f"/api/v1/documents/{docs['licence']}", headers=agency(nothing)).status_code == 404

    # a record: validity as of a date; granted fields only; no page text
    r = bare_client.get(f"/api/v1/documents/{docs['licence']}?valid_on=2100-01-01", headers=agency(key))
    assert r.status_code == 200, r.text
    rec = r.json()
    assert rec["fields"] == {
        "holder_name": "Công ty TNHH Bình Minh",
        "holder_id": HOLDER,
        "valid_from": "2021-06-15",
        "valid_until": "2099-06-15",
    }
    assert rec["validity"]["status"] == "expired" and rec["validity"]["as_of"] == "2100-01-01"
    today = bare_client.get(f"/api/v1/documents/{docs['licence']}", headers=agency(key)).json()
    assert today["validity"]["status"] == "valid"
    assert rec["pages"] == [] and rec["provenance"] is None and rec["signatures"] == []

    # the whole type: provenance and signatures too
    rec = bare_client.get(f"/api/v1/documents/{docs['licence']}", headers=agency(whole)).json()
    with db.session() as s:
        original_sha = s.get(Document, docs["licence"]).sha256  # type: ignore[union-attr]
    assert rec["provenance"]["sha256"] == original_sha and rec["provenance"][
        "ocr_confidence"
    ] == pytest.approx(0.93)
    assert "reviewed_by" in rec["provenance"]
    assert len(rec["signatures"]) == 1 and rec["signatures"][0]["verified"] is True
    assert rec["pages"] == []

    # files: the signed PDF only, and only with the whole type granted
    url = f"/api/v1/documents/{docs['licence']}/file"
    assert bare_client.get(url, headers=agency(whole)).status_code == 403
    assert bare_client.get(url + "?variant=signed", headers=agency(key)).status_code == 403
    signed = bare_client.get(url + "?variant=signed", headers=agency(whole))
    assert (
        signed.status_code == 200
        and signed.headers["etag"] == f'"{hashlib.sha256(signed.content).hexdigest()}"'
    )

    # the access log: who read this holder's records, when and why (admin only)
    assert (
        bare_client.get("/api/v1/access-log", headers={"Authorization": f"Bearer {key}"}).status_code == 403
    )
    r = bare_client.get(
        f"/api/v1/access-log?holder_id={HOLDER}", headers={"Authorization": f"Bearer {admin}"}
    )
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert items and all(i["document_id"] == docs["licence"] for i in items)
    assert all(i["purpose"] == PURPOSE and i["client"].startswith("Sở") and i["at"] for i in items)
    assert {i["path"] for i in items} >= {"/api/v1/documents", f"/api/v1/documents/{docs['licence']}", url}
    # 2 lists, 3 record reads, the signed file (refusals are logged without a document)
    assert len(items) == r.json()["total"] == 6
    assert all(i["status"] == 200 for i in items)
    other = bare_client.get(
        "/api/v1/access-log?holder_id=0309999999", headers={"Authorization": f"Bearer {admin}"}
    ).json()
    assert [i["document_id"] for i in other["items"]] == [docs["other"]]  # the list read it once
    # newest first
    assert [i["at"] for i in items] == sorted((i["at"] for i in items), reverse=True)


def test_rate_limit_per_client(
    bare_client: TestClient, make_key: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGITIZE_AGENCY_RATE_LIMIT_PER_MINUTE", "3")
    reset_settings()
    first = make_key("agency", "Cục Thuế", ("Giấy phép",))
    second = make_key("agency", "Sở Xây dựng", ("Giấy phép",))
    staff = make_key("archivist")
    for _ in range(3):
        assert bare_client.get("/api/v1/documents", headers=agency(first)).status_code == 200
    r = bare_client.get("/api/v1/documents", headers=agency(first))
    assert r.status_code == 429 and r.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(r.headers["retry-after"]) <= 20
    assert bare_client.get("/api/v1/documents", headers=agency(second)).status_code == 200
    for _ in range(5):
        assert (
            bare_client.get("/api/v1/documents", headers={"Authorization": f"Bearer {staff}"}).status_code
            == 200
        )


def test_token_bucket_refills() -> None:
    bucket = TokenBucket()
    assert [bucket.take("a", 60, now=100.0) for _ in range(60)] == [None] * 60
    wait = bucket.take("a", 60, now=100.0)
    assert wait is not None and wait == pytest.approx(1.0)
    assert bucket.take("a", 60, now=100.5) is not None
    assert bucket.take("a", 60, now=101.01) is None  # one token a second
    assert bucket.take("b", 60, now=101.01) is None  # per client
    assert bucket.take("a", 0, now=101.01) is None  # 0: no limit
