"""The review queue has one order, oldest first (received first, then id), through the API and the web
page alike (both call ``digitize.services.review``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import update

from digitize.store import db
from digitize.store.models import Document, utcnow
from tests.api.conftest import auth
from tests.support.store_data import stored_document


def test_review_queue_is_oldest_first_and_pages(
    bare_client: TestClient, make_key: Callable[..., str], tmp_path: Path
) -> None:
    reviewer = make_key("reviewer")
    ids = [
        stored_document(
            tmp_path, f"r{i}.pdf", {"type_name": "Giấy phép", "holder_name": f"Người {i}"}, needs_review=True
        )
        for i in range(4)
    ]
    done = stored_document(tmp_path, "done.pdf", {"type_name": "Giấy phép"})
    # received in another order than stored: the last one stored is the oldest
    ages = {ids[0]: 2, ids[1]: 5, ids[2]: 1, ids[3]: 9}
    now = utcnow()
    with db.session() as s:
        for doc_id, days in ages.items():
            s.execute(
                update(Document).where(Document.id == doc_id).values(created_at=now - timedelta(days=days))
            )
    expected = sorted(ages, key=lambda d: -ages[d])  # oldest first
    assert expected == [ids[3], ids[1], ids[0], ids[2]]
    r = bare_client.get("/api/v1/review", headers=auth(reviewer))
    assert r.status_code == 200, r.text
    body = r.json()
    assert [i["id"] for i in body["items"]] == expected
    assert body["total"] == 4 and done not in [i["id"] for i in body["items"]]
    # paging keeps the order
    first = bare_client.get("/api/v1/review?limit=2", headers=auth(reviewer)).json()
    rest = bare_client.get("/api/v1/review?limit=2&offset=2", headers=auth(reviewer)).json()
    assert [i["id"] for i in first["items"] + rest["items"]] == expected
