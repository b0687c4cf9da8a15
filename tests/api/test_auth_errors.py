from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from digitize.config import reset_settings
from tests.api.conftest import auth
from tests.support.scans import tiny_pdf
from tests.support.store_data import stored_document


def test_no_key_401_wrong_role_403_bad_key_401(bare_client: TestClient, make_key: Callable[..., str]) -> None:
    r = bare_client.get("/api/v1/batches")
    assert r.status_code == 401
    body = r.json()
    assert body["error"]["code"] == "unauthenticated" and body["error"]["message"]
    assert r.headers["www-authenticate"] == "Bearer"

    reviewer = make_key("reviewer")
    r = bare_client.post(
        "/api/v1/batches",
        files=[("files", ("a.pdf", tiny_pdf("a"), "application/pdf"))],
        headers=auth(reviewer),
    )
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "forbidden"

    r = bare_client.get("/api/v1/batches", headers=auth("dgz_deadbeef_nottherightsecret"))
    assert r.status_code == 401
    good = make_key("archivist")
    tampered = good[:-2] + ("AA" if not good.endswith("AA") else "BB")
    assert bare_client.get("/api/v1/batches", headers=auth(tampered)).status_code == 401
    assert bare_client.get("/api/v1/batches", headers=auth(good)).status_code == 200
    assert bare_client.get("/api/v1/batches", headers={"Authorization": "Basic abc"}).status_code == 401


def test_errors_are_json_in_the_callers_language(
    bare_client: TestClient, make_key: Callable[..., str]
) -> None:
    key = make_key("archivist")
    r = bare_client.get("/api/v1/documents/nope", headers=auth(key))
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"
    assert r.json()["error"]["message"].startswith("Không có")
    r = bare_client.get("/api/v1/documents/nope?lang=en", headers=auth(key))
    assert r.json()["error"]["message"] == "No document nope."
    r = bare_client.get("/api/v1/documents/nope", headers=auth(key, **{"Accept-Language": "en-GB,en"}))
    assert r.json()["error"]["message"] == "No document nope."
    r = bare_client.get("/api/v1/documents", params={"valid_on": "not-a-date"}, headers=auth(key))
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "bad_input" and "valid_on" in r.json()["error"]["message"]
    assert bare_client.get("/no/such/route").json()["error"]["code"] == "not_found"
    # every error carries the other language too, whichever door raised it (ours, FastAPI's validation,
    # Starlette's routing): Vietnamese first, English beside it; the other way round when asked for English
    for path in ("/api/v1/documents?valid_on=not-a-date", "/no/such/route", "/api/v1/documents/nope"):
        vi = bare_client.get(path, headers=auth(key)).json()["error"]
        assert vi["message"] and vi["message_en"] and vi["message"] != vi["message_en"], (path, vi)
        en = bare_client.get(path, headers=auth(key, **{"Accept-Language": "en"})).json()["error"]
        assert (en["message"], en["message_vi"]) == (vi["message_en"], vi["message"]), (path, en)
    r = bare_client.post(
        "/api/v1/batches", content=b"xx", headers=auth(key, **{"Content-Type": "text/plain"})
    )
    assert r.status_code == 422 and r.json()["error"]["code"] == "bad_input"
    r = bare_client.post(
        "/api/v1/batches", data={"other": "x"}, files=[("nothing", ("a", b"1"))], headers=auth(key)
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == "missing_field"


def test_upload_over_the_size_limit_is_refused_and_nothing_kept(
    bare_client: TestClient,
    make_key: Callable[..., str],
    monkeypatch: pytest.MonkeyPatch,
    digitize_home: Path,
) -> None:
    monkeypatch.setenv("DIGITIZE_MAX_UPLOAD_BYTES", "1000")
    reset_settings()
    key = make_key("archivist")
    files = [
        ("files", ("small.pdf", tiny_pdf("small"), "application/pdf")),
        ("files", ("big.pdf", b"%PDF-1.4" + b"x" * 5000, "application/pdf")),
    ]
    r = bare_client.post("/api/v1/batches", files=files, headers=auth(key))
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "input_too_large"
    assert not list((digitize_home / "tmp").rglob("*.*")) if (digitize_home / "tmp").exists() else True
    assert bare_client.get("/api/v1/batches", headers=auth(key)).json()["total"] == 0


def test_health_metrics_openapi(bare_client: TestClient, make_key: Callable[..., str]) -> None:
    r = bare_client.get("/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok" and r.json()["database"] is True
    assert bare_client.get("/metrics").status_code == 401  # not open to anyone by default
    r = bare_client.get("/metrics", headers=auth(make_key("admin")))
    assert r.status_code == 200
    assert "digitize_documents" in r.text and "digitize_page_seconds_bucket" in r.text
    spec = bare_client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/v1/batches",
        "/api/v1/batches/{batch_id}",
        "/api/v1/documents",
        "/api/v1/documents/{document_id}",
        "/api/v1/documents/{document_id}/file",
        "/api/v1/documents/{document_id}/fields",
        "/api/v1/review",
        "/healthz",
        "/metrics",
    ):
        assert path in paths, path
    post = paths["/api/v1/batches"]["post"]
    assert "multipart/form-data" in post["requestBody"]["content"]
    assert "201" in post["responses"]
    assert "Document" in spec["components"]["schemas"] and "Batch" in spec["components"]["schemas"]


def test_review_corrections_and_validity_decisions(
    bare_client: TestClient, make_key: Callable[..., str], tmp_path: Path
) -> None:
    reviewer, officer, archivist = (
        make_key("reviewer", "Rà soát 1"),
        make_key("officer"),
        make_key("archivist"),
    )
    old = stored_document(
        tmp_path,
        "old.pdf",
        {"type_name": "Giấy phép", "holder_name": "Cong ty Binh Mnh", "issued_date": "2021-06-15"},
        needs_review=True,
    )
    new = stored_document(
        tmp_path,
        "new.pdf",
        {
            "type_name": "Giấy phép",
            "holder_name": "Công ty Bình Minh",
            "issued_date": "2024-01-01",
            "valid_until": "2099-01-01",
        },
    )
    undated = stored_document(
        tmp_path,
        "undated.pdf",
        {"type_name": "Giấy phép", "holder_name": "Công ty An", "issued_date": "2024-01-01"},
    )
    # A licence whose end date was not read is not claimed valid (digitize.validity's rules).
    assert (
        bare_client.get(f"/api/v1/documents/{undated}", headers=auth(officer)).json()["validity"]["status"]
        == "unknown"
    )
    queue = bare_client.get("/api/v1/review", headers=auth(reviewer)).json()
    assert [i["id"] for i in queue["items"]] == [old]
    assert bare_client.get("/api/v1/review", headers=auth(archivist)).status_code == 403

    r = bare_client.patch(
        f"/api/v1/documents/{old}/fields", json={"holder_name": "Công ty Bình Minh"}, headers=auth(reviewer)
    )
    assert r.status_code == 200, r.text
    rec = r.json()
    assert rec["fields"]["holder_name"] == "Công ty Bình Minh"
    assert rec["state"] == "done"
    assert rec["provenance"]["reviewed_by"].endswith("Rà soát 1")
    hist = bare_client.get(f"/api/v1/documents/{old}/history", headers=auth(reviewer)).json()["items"]
    assert hist[0]["old"] == "Cong ty Binh Mnh" and hist[0]["new"] == "Công ty Bình Minh"
    assert bare_client.get("/api/v1/review", headers=auth(reviewer)).json()["total"] == 0
    found = bare_client.get("/api/v1/documents", params={"q": "binh minh"}, headers=auth(reviewer)).json()
    assert found["total"] == 2
    r = bare_client.patch(f"/api/v1/documents/{old}/fields", json={"nonsense": "x"}, headers=auth(reviewer))
    assert r.status_code == 422
    r = bare_client.patch(
        f"/api/v1/documents/{old}/fields", json={"issued_date": "15/06/2021"}, headers=auth(reviewer)
    )
    assert r.status_code == 422

    r = bare_client.post(
        f"/api/v1/documents/{old}/supersede", json={"by": new, "reason": "Cấp lại"}, headers=auth(reviewer)
    )
    assert r.status_code == 403
    r = bare_client.post(
        f"/api/v1/documents/{old}/supersede", json={"by": new, "reason": "Cấp lại"}, headers=auth(officer)
    )
    assert r.status_code == 200, r.text
    assert r.json()["validity"]["status"] == "superseded" and r.json()["validity"]["superseded_by"] == new
    newer = bare_client.get(f"/api/v1/documents/{new}", headers=auth(officer)).json()
    assert newer["validity"]["supersedes"] == old and newer["validity"]["status"] == "valid"
    r = bare_client.post(f"/api/v1/documents/{new}/revoke", json={"reason": ""}, headers=auth(officer))
    assert r.status_code == 422
    r = bare_client.post(f"/api/v1/documents/{new}/revoke", json={"reason": "Vi phạm"}, headers=auth(officer))
    assert r.json()["validity"]["status"] == "revoked"
    r = bare_client.post(f"/api/v1/documents/{new}/revoke", json={"reason": "again"}, headers=auth(officer))
    assert r.status_code == 409


def test_agency_reads_only_granted_types_and_fields_with_purpose(
    bare_client: TestClient, make_key: Callable[..., str], tmp_path: Path
) -> None:
    from sqlalchemy import select

    from digitize.store import db
    from digitize.store.models import AccessLogEntry

    gp = stored_document(
        tmp_path,
        "gp.pdf",
        {"type_name": "Giấy phép", "holder_name": "Công ty A", "holder_id": "0101", "code_number": "12"},
    )
    qd = stored_document(
        tmp_path, "qd.pdf", {"type_name": "Quyết định", "holder_name": "Công ty A", "holder_id": "0101"}
    )
    agency = make_key("agency", "Sở Tài chính", grants=("Giấy phép:holder_name,holder_id",))
    assert bare_client.get("/api/v1/documents", headers=auth(agency)).status_code == 400
    h: dict[str, Any] = auth(agency)
    h["X-Purpose"] = "Kiểm tra hồ sơ thầu".encode()
    listed = bare_client.get("/api/v1/documents", params={"holder_id": "0101"}, headers=h).json()
    assert [i["id"] for i in listed["items"]] == [gp]
    assert set(listed["items"][0]["fields"]) == {"holder_name", "holder_id"}
    assert bare_client.get(f"/api/v1/documents/{qd}", headers=h).status_code == 404  # not granted: not found
    rec = bare_client.get(f"/api/v1/documents/{gp}", headers=h).json()
    assert rec["fields"] == {"holder_name": "Công ty A", "holder_id": "0101"}
    assert rec["pages"] == []
    pct = auth(agency, **{"X-Purpose": "Ki%E1%BB%83m%20tra%20h%E1%BB%93%20s%C6%A1%20th%E1%BA%A7u"})
    assert bare_client.get(f"/api/v1/documents/{gp}", headers=pct).status_code == 200
    with db.session() as s:
        log = s.scalars(select(AccessLogEntry).order_by(AccessLogEntry.id)).all()
        # every request, the refused ones too (the missing purpose, the type not granted)
        assert [(e.document_id, e.purpose, e.holder_id, e.status) for e in log] == [
            (None, "", None, 400),
            (gp, "Kiểm tra hồ sơ thầu", "0101", 200),
            (None, "Kiểm tra hồ sơ thầu", None, 404),
            (gp, "Kiểm tra hồ sơ thầu", "0101", 200),
            (gp, "Kiểm tra hồ sơ thầu", "0101", 200),
        ]
        assert "Sở Tài chính" in log[0].client
