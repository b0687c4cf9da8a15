"""Issue 12, finding 3: an agency key granted ``Giấy chứng nhận:valid_until,code_number`` downloaded the whole
signed PDF (holder name and tax code inside); ``?holder_id=``, ``?q=<holder or signer name>`` and ``?q=<page
text>`` answered yes/no about ungranted fields; records showed ``validity.valid_from``, ``filename``, signer
and sha256; ``?state=needs_review`` listed unreviewed documents. Each leak replayed; plus every request
(empty answers and refusals too) in the access log with its purpose and query."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from digitize.signing.service import sign_document
from digitize.store import db
from digitize.store.models import AccessLogEntry
from tests.api.signing_helpers import LICENCE_FIELDS, done_pdf_document, write_profiles
from tests.support.pki import TestPKI, pki  # noqa: F401  (the session's test PKI)
from tests.support.store_data import stored_document

TYPE = "Giấy chứng nhận"
GRANT = f"{TYPE}:valid_until,code_number"
PURPOSE = "Xác minh giấy chứng nhận"
HOLDER_ID = "0101234567"
HOLDER = "Công ty TNHH Bình Minh"
SIGNER = "Nguyễn Văn An"


def agency(key: str, purpose: str = PURPOSE) -> dict[str, str | bytes]:
    return {"Authorization": f"Bearer {key}", "X-Purpose": purpose.encode("utf-8")}


@pytest.fixture
def certificate(pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:  # noqa: F811
    write_profiles(pki, tmp_path, monkeypatch)
    fields = {**LICENCE_FIELDS, "type_name": TYPE, "signer_name": SIGNER}
    doc_id = done_pdf_document(tmp_path, "gcn-bi-mat", fields)
    sign_document(doc_id, "giam-doc", "test")
    return doc_id


@pytest.fixture
def limited(make_key: Callable[..., str]) -> str:
    return str(make_key("agency", "Sở Tài chính", (GRANT,)))


def test_no_file_without_the_whole_type(bare_client: TestClient, limited: str, certificate: str) -> None:
    r = bare_client.get(f"/api/v1/documents/{certificate}/file?variant=signed", headers=agency(limited))
    assert r.status_code == 403, r.status_code
    assert b"%PDF" not in r.content


@pytest.mark.parametrize(
    "params",
    [
        {"holder_id": HOLDER_ID},
        {"valid_on": "2030-01-01"},  # needs valid_from too
        {"state": "needs_review"},
        {"state": "failed"},
        {"type": "Giấy phép"},  # not granted
    ],
)
def test_filters_on_ungranted_fields_are_refused(
    bare_client: TestClient, limited: str, certificate: str, params: dict[str, str]
) -> None:
    r = bare_client.get("/api/v1/documents", params=params, headers=agency(limited))
    assert r.status_code == 400, r.text
    assert r.json()["error"]["message"]


@pytest.mark.parametrize("q", [HOLDER, "binh minh", HOLDER_ID, SIGNER, "nguyen van an", "So gcn-bi-mat"])
def test_text_query_reads_only_granted_fields(
    bare_client: TestClient, limited: str, certificate: str, q: str
) -> None:
    r = bare_client.get("/api/v1/documents", params={"q": q}, headers=agency(limited))
    assert r.status_code == 200, r.text
    assert r.json()["items"] == [] and r.json()["total"] == 0, q


def test_text_query_finds_granted_field_text(bare_client: TestClient, limited: str, certificate: str) -> None:
    r = bare_client.get("/api/v1/documents", params={"q": "1169"}, headers=agency(limited))
    assert [i["id"] for i in r.json()["items"]] == [certificate]


def test_whole_type_searches_page_text(
    bare_client: TestClient, make_key: Callable[..., str], certificate: str
) -> None:
    whole = make_key("agency", "Cục Thuế", (TYPE,))
    r = bare_client.get("/api/v1/documents", params={"q": "gcn-bi-mat"}, headers=agency(whole))
    assert [i["id"] for i in r.json()["items"]] == [certificate]
    r = bare_client.get("/api/v1/documents", params={"holder_id": HOLDER_ID}, headers=agency(whole))
    assert [i["id"] for i in r.json()["items"]] == [certificate]


def test_records_are_stripped_to_granted_fields(
    bare_client: TestClient, limited: str, certificate: str
) -> None:
    listed = bare_client.get("/api/v1/documents", headers=agency(limited)).json()["items"]
    single = bare_client.get(f"/api/v1/documents/{certificate}", headers=agency(limited)).json()
    for rec in (listed[0], single):
        assert set(rec["fields"]) == {"valid_until", "code_number"}
        assert rec["filename"] is None and rec["provenance"] is None and rec["signatures"] == []
        assert rec["validity"]["valid_from"] is None and rec["validity"]["valid_until"] == "2099-06-15"
        assert rec["validity"].get("reason") is None and rec["pages"] == []
        text = str(rec)
        for secret in (HOLDER, HOLDER_ID, SIGNER, "gcn-bi-mat", "2021-06-15"):
            assert secret not in text, secret
    # validity as of another day would probe valid_from
    r = bare_client.get(f"/api/v1/documents/{certificate}?on=2000-01-01", headers=agency(limited))
    assert r.status_code == 400


def test_unreviewed_records_are_never_seen(
    bare_client: TestClient, make_key: Callable[..., str], tmp_path: Path
) -> None:
    whole = make_key("agency", "Cục Thuế", (TYPE,))
    pending = stored_document(tmp_path, "cho-duyet.pdf", {"type_name": TYPE}, needs_review=True)
    assert bare_client.get("/api/v1/documents", headers=agency(whole)).json()["items"] == []
    assert bare_client.get(f"/api/v1/documents/{pending}", headers=agency(whole)).status_code == 404
    r = bare_client.get("/api/v1/documents", params={"state": "needs_review"}, headers=agency(whole))
    assert r.status_code == 400


def test_every_request_is_logged_with_purpose_and_query(
    bare_client: TestClient, limited: str, certificate: str
) -> None:
    bare_client.get("/api/v1/documents", params={"q": "khong co"}, headers=agency(limited, "Tra cứu 1"))
    bare_client.get(
        "/api/v1/documents", params={"holder_id": HOLDER_ID}, headers=agency(limited, "Tra cứu 2")
    )
    bare_client.get(f"/api/v1/documents/{certificate}/file?variant=signed", headers=agency(limited, "Tải 3"))
    bare_client.get("/api/v1/documents", headers={"Authorization": f"Bearer {limited}"})  # no purpose
    with db.session() as s:
        rows = {r.purpose: r for r in s.scalars(select(AccessLogEntry))}
    assert rows["Tra cứu 1"].query == "q=khong co" and rows["Tra cứu 1"].status == 200
    assert rows["Tra cứu 1"].document_id is None  # found nothing: logged all the same
    assert rows["Tra cứu 2"].query == f"holder_id={HOLDER_ID}" and rows["Tra cứu 2"].status == 400
    assert rows["Tải 3"].status == 403 and rows["Tải 3"].path.endswith("/file")  # type: ignore[union-attr]
    assert rows[""].status == 400
