"""The reviewer puts a document into a hồ sơ on the review page; the admin's fixity page shows the last
audit and its problems, and runs one; the metric says the same."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from digitize.services import files as files_service
from digitize.store import db
from digitize.store.auth import create_api_key
from digitize.store.models import Document, Variant
from digitize.store.objects import get_object_store
from tests.support.store_data import stored_document
from tests.web.conftest import csrf_of


def test_review_page_puts_the_document_in_a_file(login: Callable[[str], TestClient], tmp_path: Path) -> None:
    doc = stored_document(
        tmp_path, "r.pdf", {"type_name": "Giấy phép", "holder_name": "Hà Văn Tú"}, needs_review=True
    )
    with db.session() as s:
        files_service.create_file(
            s,
            files_service.FileInput.parse({"code": "HS-REV-1", "title": "Hồ sơ duyệt", "retention": "20"}),
            by="t",
        )
    web = login("reviewer")
    page = web.get(f"/review/{doc}")
    assert page.status_code == 200 and 'value="HS-REV-1"' in page.text  # offered in the datalist
    token = csrf_of(page.text)
    bad = web.post(f"/review/{doc}", data={"csrf_token": token, "file_ref": "NO-SUCH", "stay": "1"})
    assert bad.status_code == 422 and "NO-SUCH" in bad.text
    with db.session() as s:
        assert s.get(Document, doc).file_id is None  # nothing half-saved
    ok = web.post(f"/review/{doc}", data={"csrf_token": token, "file_ref": "HS-REV-1", "stay": "1"})
    assert ok.status_code == 303
    with db.session() as s:
        assert s.get(Document, doc).file_id == files_service.get_file(s, "HS-REV-1").id
    ok = web.post(f"/review/{doc}", data={"csrf_token": token, "file_ref": "", "stay": "1"})
    with db.session() as s:
        assert s.get(Document, doc).file_id is None


def test_fixity_page_and_metric(login: Callable[[str], TestClient], tmp_path: Path) -> None:
    doc = stored_document(tmp_path, "f.pdf", {"type_name": "Giấy phép"})
    assert login("reviewer").get("/admin/fixity").status_code == 403
    web = login("admin")
    page = web.get("/admin/fixity")
    assert page.status_code == 200 and 'id="fixity-run"' in page.text and "fixity-last" in page.text
    with db.session() as s:
        _, admin_key = create_api_key(s, role="admin", name="metrics")
    bearer = {"Authorization": f"Bearer {admin_key}"}
    metrics = web.get("/metrics", headers=bearer).text
    assert "digitize_fixity_last_run_timestamp_seconds 0.0" in metrics

    with db.session() as s:
        key = s.query(Variant).filter(Variant.document_id == doc).one().key
    get_object_store().delete(key)
    r = web.post("/admin/fixity", data={"csrf_token": csrf_of(page.text)})
    assert r.status_code == 303
    for _ in range(200):
        page = web.get("/admin/fixity")
        if 'id="fixity-list"' in page.text:
            break
        time.sleep(0.05)
    assert key in page.text and 'id="fixity-problems">1<' in page.text
    metrics = web.get("/metrics", headers=bearer).text
    assert "digitize_fixity_problems 1.0" in metrics and "digitize_fixity_objects_checked 1.0" in metrics
