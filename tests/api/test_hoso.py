"""Hồ sơ (archival files) through the API and the CLI: metadata checked, documents join at upload or in
review, search filters by it, agencies neither see it nor filter by it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from digitize.cli import main
from tests.api.conftest import auth
from tests.support.scans import tiny_pdf
from tests.support.store_data import stored_document

META = {
    "code": "H47.12-2024-01",
    "title": "Hồ sơ cấp giấy phép hoạt động năm 2024",
    "retention": "Vĩnh viễn",
    "access": "hạn chế",
    "fonds_code": "H47.12",
    "start_date": "2024-01-02",
    "end_date": "2024-12-30",
    "sheet_count": 120,
    "page_count": 236,
    "language": "vi",
    "notes": "Số hóa từ bản giấy",
}


def test_files_api(bare_client: TestClient, make_key: Callable[..., str], tmp_path: Path) -> None:
    archivist, reviewer = make_key("archivist"), make_key("reviewer")
    agency = make_key("agency", grants=("Giấy phép",))
    a = stored_document(
        tmp_path, "a.pdf", {"type_name": "Giấy phép", "holder_name": "Đỗ Văn Hải"}, text="hai"
    )
    b = stored_document(
        tmp_path, "b.pdf", {"type_name": "Giấy phép", "holder_name": "Ngô Thị Lan"}, text="lan"
    )

    r = bare_client.post("/api/v1/files", json=META, headers=auth(archivist))
    assert r.status_code == 201, r.text
    f = r.json()
    assert f["retention"] == "permanent" and f["access"] == "restricted" and f["document_count"] == 0
    # the same code twice; bad metadata; the wrong role
    assert bare_client.post("/api/v1/files", json=META, headers=auth(archivist)).status_code == 409
    for bad in (
        {**META, "code": "x/../y z"},
        {**META, "code": "B-1", "retention": "forever-ish"},
        {**META, "code": "B-2", "access": "secret-ish"},
        {**META, "code": "B-3", "end_date": "2020-01-01"},
        {**META, "code": "B-4", "sheet_count": -1},
        {**META, "code": "B-5", "unknown": 1},
        {"code": "B-6"},
    ):
        assert bare_client.post("/api/v1/files", json=bad, headers=auth(archivist)).status_code == 422, bad
    assert (
        bare_client.post("/api/v1/files", json={**META, "code": "X"}, headers=auth(reviewer)).status_code
        == 403
    )

    # a reviewer puts a document in the hồ sơ (review); the record says so; the filter finds it
    r = bare_client.post(
        f"/api/v1/files/{f['code']}/documents", json={"documents": [a]}, headers=auth(reviewer)
    )
    assert r.status_code == 200, r.text
    assert bare_client.get(f"/api/v1/documents/{a}", headers=auth(reviewer)).json()["file_id"] == f["id"]
    for ref in (f["id"], f["code"]):
        r = bare_client.get("/api/v1/documents", params={"file_id": ref}, headers=auth(reviewer))
        assert [i["id"] for i in r.json()["items"]] == [a]
        r = bare_client.get("/api/v1/documents", params={"file_id": ref, "q": "hai"}, headers=auth(reviewer))
        assert [i["id"] for i in r.json()["items"]] == [a]
    r = bare_client.get("/api/v1/documents", params={"file_id": f["id"], "q": "lan"}, headers=auth(reviewer))
    assert r.json()["items"] == []
    assert (
        bare_client.get("/api/v1/documents", params={"file_id": "nope"}, headers=auth(reviewer)).status_code
        == 422
    )
    assert bare_client.get(f"/api/v1/files/{f['id']}", headers=auth(reviewer)).json()["document_count"] == 1
    assert (
        bare_client.post(
            f"/api/v1/files/{f['id']}/documents", json={"documents": ["0" * 32]}, headers=auth(reviewer)
        ).status_code
        == 404
    )

    # agencies: no hồ sơ in records, no filter by it, no /files
    head = auth(agency, **{"X-Purpose": "kiem tra"})
    assert bare_client.get(f"/api/v1/documents/{a}", headers=head).json().get("file_id") is None
    assert all(
        i.get("file_id") is None for i in bare_client.get("/api/v1/documents", headers=head).json()["items"]
    )
    assert bare_client.get("/api/v1/documents", params={"file_id": f["id"]}, headers=head).status_code == 400
    assert bare_client.get("/api/v1/files", headers=head).status_code == 403
    assert bare_client.get(f"/api/v1/files/{f['id']}", headers=head).status_code == 403

    # change, and delete only when empty
    r = bare_client.patch(f"/api/v1/files/{f['id']}", json={"notes": "Đã bổ sung"}, headers=auth(archivist))
    assert r.status_code == 200 and r.json()["notes"] == "Đã bổ sung" and r.json()["code"] == META["code"]
    assert bare_client.delete(f"/api/v1/files/{f['id']}", headers=auth(archivist)).status_code == 409
    r = bare_client.delete(f"/api/v1/files/{f['id']}/documents/{a}", headers=auth(reviewer))
    assert r.status_code == 200
    assert bare_client.get(f"/api/v1/documents/{a}", headers=auth(reviewer)).json()["file_id"] is None
    assert bare_client.delete(f"/api/v1/files/{f['id']}", headers=auth(archivist)).status_code == 204
    del b


def test_join_at_upload(bare_client: TestClient, make_key: Callable[..., str]) -> None:
    archivist = make_key("archivist")
    f = bare_client.post("/api/v1/files", json=META, headers=auth(archivist)).json()
    pdf = tiny_pdf("upload into a file")
    # an unknown hồ sơ refuses the upload before anything is stored
    r = bare_client.post(
        "/api/v1/batches",
        data={"file_id": "NO-SUCH-FILE"},
        files=[("files", ("a.pdf", pdf, "application/pdf"))],
        headers=auth(archivist),
    )
    assert r.status_code == 422
    assert bare_client.get("/api/v1/documents", headers=auth(archivist)).json()["total"] == 0
    r = bare_client.post(
        "/api/v1/batches",
        data={"file_id": f["code"]},
        files=[("files", ("a.pdf", pdf, "application/pdf"))],
        headers=auth(archivist),
    )
    assert r.status_code == 201, r.text
    batch = bare_client.get(f"/api/v1/batches/{r.json()['id']}", headers=auth(archivist)).json()
    doc = batch["documents"][0]
    assert bare_client.get(f"/api/v1/documents/{doc}", headers=auth(archivist)).json()["file_id"] == f["id"]


def test_cli_files_ingest_and_search(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(
        main, ["files", "create", "--code", "HS-01", "--title", "Hồ sơ thử", "--retention", "10"]
    )
    assert r.exit_code == 0, r.output
    assert '"retention": "10y"' in r.stdout
    scan = tmp_path / "s.pdf"
    scan.write_bytes(tiny_pdf("cli ingest into a file"))
    assert runner.invoke(main, ["ingest", str(scan), "--file", "NOPE"]).exit_code == 65
    r = runner.invoke(main, ["ingest", str(scan), "--file", "HS-01", "--json"])
    assert r.exit_code == 0, r.output
    other = stored_document(tmp_path, "o.pdf", {"type_name": "Quyết định"})
    r = runner.invoke(main, ["search", "", "--file", "HS-01", "--json"])
    assert r.exit_code == 0, r.output
    assert '"total": 1' in r.stdout and other not in r.stdout
    r = runner.invoke(main, ["files", "add", "HS-01", other])
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["search", "", "--file", "HS-01", "--json"])
    assert '"total": 2' in r.stdout
    r = runner.invoke(main, ["files", "list"])
    assert "HS-01" in r.stdout and "\t2\t" in r.stdout
