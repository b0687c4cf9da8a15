"""The web review queue (``/review``) lists in the one order of ``digitize.services.review``: oldest received
first, then id — the same order as ``GET /api/v1/review`` (tests/api/test_review_queue.py) — and its pages and
the "next" key keep it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import update

from digitize.store import db
from digitize.store.models import Document, utcnow
from tests.support.store_data import stored_document


def test_web_review_queue_is_oldest_first(login: Callable[[str], TestClient], tmp_path: Path) -> None:
    ids = [
        stored_document(tmp_path, f"w{i}.pdf", {"type_name": "Giấy phép"}, needs_review=True)
        for i in range(4)
    ]
    ages = {ids[0]: 2, ids[1]: 5, ids[2]: 1, ids[3]: 9}  # the last stored is the oldest
    now = utcnow()
    with db.session() as s:
        for doc_id, days in ages.items():
            s.execute(
                update(Document).where(Document.id == doc_id).values(created_at=now - timedelta(days=days))
            )
    expected = [ids[3], ids[1], ids[0], ids[2]]
    client = login("reviewer")
    page = client.get("/review")
    assert page.status_code == 200
    links = [f'href="/review/{d}"' for d in ids]
    assert all(link in page.text for link in links)
    assert sorted(ids, key=lambda d: page.text.index(f'href="/review/{d}"')) == expected
    # "next" walks the same order and wraps round
    assert client.get(f"/review/{expected[0]}/next").headers["location"] == f"/review/{expected[1]}"
    assert client.get(f"/review/{expected[3]}/next").headers["location"] == f"/review/{expected[0]}"
    # the API, asked by a reviewer, agrees
    from digitize.services.review import queue_records

    with db.session() as s:
        assert [r["id"] for r in queue_records(s)["items"]] == expected
