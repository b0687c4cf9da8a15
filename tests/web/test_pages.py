"""The web pages through FastAPI's TestClient: sign-in/out, CSRF refusal, role gating, the English switch,
review with history, search without diacritics, statistics and CSV, the public verification page."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from digitize.api.web.session import COOKIE
from digitize.store import db
from digitize.store.service import field_history
from tests.support.store_data import stored_document
from tests.web.conftest import PASSWORD, csrf_of, sign_in


def test_pages_need_sign_in_and_redirect_back(web: TestClient, users: dict[str, str]) -> None:
    r = web.get("/search?q=abc")
    assert r.status_code == 303
    assert r.headers["location"] == "/login?next=%2Fsearch%3Fq%3Dabc"
    page = web.get(r.headers["location"])
    assert page.status_code == 200
    assert "Đăng nhập" in page.text
    token = csrf_of(page.text)
    r = web.post(
        "/login",
        data={"name": users["officer"], "password": PASSWORD, "csrf_token": token, "next": "/search?q=abc"},
    )
    assert r.status_code == 303 and r.headers["location"] == "/search?q=abc"
    cookie = r.headers["set-cookie"]
    assert COOKIE in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    page = web.get("/search?q=abc")
    assert page.status_code == 200
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"


def test_wrong_password_and_foreign_next(web: TestClient, users: dict[str, str]) -> None:
    r = sign_in(web, users["admin"], "sai-mat-khau")
    assert r.status_code == 401
    assert "Sai tên hoặc mật khẩu" in r.text
    assert web.get("/").status_code == 303  # still not signed in
    token = csrf_of(web.get("/login").text)
    r = web.post(
        "/login",
        data={"name": users["admin"], "password": PASSWORD, "csrf_token": token, "next": "//evil.example/x"},
    )
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_password_guessing_is_throttled(
    web: TestClient, users: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import delete

    from digitize.services import access
    from digitize.store.models import SignInThrottle

    # past the free attempts, the longest delay at once (the growth itself: tests/security/test_sign_in.py)
    monkeypatch.setattr(access, "_delay", lambda n, free, cap: 0.0 if n <= free else cap)
    for _ in range(access.FREE_PAIR + 1):
        assert sign_in(web, users["reviewer"], "doan-mo-mat-khau").status_code == 401
    r = sign_in(web, users["reviewer"], PASSWORD)  # even the right password, for a while
    assert r.status_code == 429 and "Sai mật khẩu quá nhiều lần" in r.text
    assert int(r.headers["retry-after"]) > 1
    with db.session() as s:
        s.execute(delete(SignInThrottle))
    assert sign_in(web, users["reviewer"], PASSWORD).status_code == 303


def test_sign_out(login: Callable[[str], TestClient]) -> None:
    client = login("admin")
    home = client.get("/")
    assert home.status_code == 200 and "admin1" in home.text
    r = client.post("/logout", data={"csrf_token": csrf_of(home.text)})
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert client.get("/").status_code == 303


def test_csrf_refused(login: Callable[[str], TestClient], users: dict[str, str]) -> None:
    client = login("admin")
    # no token, a wrong token: refused and still signed in
    r = client.post("/logout", data={})
    assert r.status_code == 403 and "Phiên làm việc" in r.text
    r = client.post("/logout", data={"csrf_token": "x" * 43})
    assert r.status_code == 403
    assert client.get("/").status_code == 200
    # login form without the token
    client.cookies.clear()
    r = client.post("/login", data={"name": users["admin"], "password": PASSWORD})
    assert r.status_code == 403
    # the upload takes its token from the header
    login("archivist")
    r = client.post("/upload", files=[("files", ("a.png", b"x", "image/png"))])
    assert r.status_code == 403
    # the token of another session is worth nothing
    other = csrf_of(client.get("/upload").text)
    login("archivist")
    r = client.post(
        "/upload", files=[("files", ("a.png", b"x", "image/png"))], headers={"X-CSRF-Token": other}
    )
    assert r.status_code == 403


def test_roles_decide_pages(login: Callable[[str], TestClient]) -> None:
    expect = {
        "archivist": {"/upload": 200, "/review": 403, "/sign": 403, "/search": 200, "/stats": 200},
        "reviewer": {"/upload": 403, "/review": 200, "/sign": 403, "/search": 200},
        "officer": {"/upload": 403, "/review": 403, "/sign": 200, "/search": 200},
        "admin": {"/upload": 200, "/review": 200, "/sign": 200, "/search": 200, "/stats": 200},
        "agency": {"/upload": 403, "/review": 403, "/sign": 403, "/search": 403},
    }
    for role, pages in expect.items():
        client = login(role)
        home = client.get("/")
        for path, status in pages.items():
            r = client.get(path)
            assert r.status_code == status, (role, path, r.status_code)
            # the menu shows exactly the pages the role may open
            assert (f'href="{path}"' in home.text) == (status == 200), (role, path)


def test_english_switch(login: Callable[[str], TestClient]) -> None:
    client = login("reviewer")
    assert "Tra cứu tài liệu" in client.get("/search").text
    r = client.get("/search?lang=en")
    assert "Search documents" in r.text and "Tra cứu tài liệu" not in r.text
    assert "lang=en" in r.headers.get("set-cookie", "")
    client.cookies.set("lang", "en")
    assert "Search documents" in client.get("/review").text or "Review queue" in client.get("/review").text
    r = client.get("/lang/vi?next=/search")
    assert r.status_code == 303 and r.headers["location"] == "/search"
    client.cookies.set("lang", "vi")
    assert "Hàng đợi kiểm tra" in client.get("/review").text
    # errors are in the page's language too
    client.cookies.set("lang", "en")
    assert "Your role may not use this page" in client.get("/upload").text
    # every page of an admin, in English: the frame and the page itself
    admin = login("admin")
    admin.cookies.set("lang", "en")
    for path in ("/", "/upload", "/batches", "/review", "/search", "/sign", "/stats", "/verify"):
        text = admin.get(path).text
        assert '<html lang="en">' in text and "Sign out" in text, path
        for vietnamese in ("Đăng xuất", "Tra cứu", "Tải lên", "Kiểm tra", "Thống kê", "Không có"):
            assert vietnamese not in text, (path, vietnamese)


def test_review_correction_keeps_history_and_search_folds(
    login: Callable[[str], TestClient], tmp_path: Path
) -> None:
    doc_id = stored_document(
        tmp_path,
        "gp-1.pdf",
        {"type_name": "Giấy phép", "holder_name": "Công ty Bình Mnh", "issued_date": "2021-06-15"},
        text="Giấy phép cấp cho Công ty Bình Mnh",
        needs_review=True,
        broken=True,  # its page image below: a file that does not open
    )
    other = stored_document(
        tmp_path, "gp-2.pdf", {"type_name": "Giấy phép", "holder_name": "Công ty Hòa An"}, needs_review=True
    )
    client = login("reviewer")
    queue = client.get("/review")
    assert f"/review/{doc_id}" in queue.text and f"/review/{other}" in queue.text
    page = client.get(f"/review/{doc_id}")
    assert page.status_code == 200
    assert 'value="Công ty Bình Mnh"' in page.text
    assert 'class="field low"' in page.text  # empty fields are highlighted
    form = {"csrf_token": csrf_of(page.text), "reason": "sửa lỗi OCR"}
    form.update(
        {"f_holder_name": "Công ty Bình Minh", "f_type_name": "Giấy phép", "f_issued_date": "2021-06-15"}
    )
    r = client.post(f"/review/{doc_id}", data=form)
    assert r.status_code == 303
    assert r.headers["location"] == f"/review/{other}?saved=1"  # straight on to the next in the queue
    with db.session() as s:
        hist = field_history(s, doc_id)
    assert [(h["field"], h["old"], h["new"], h["by"]) for h in hist] == [
        ("holder_name", "Công ty Bình Mnh", "Công ty Bình Minh", "user:reviewer1")
    ]
    # a bad date is refused on the page, nothing saved
    form2 = {"csrf_token": form["csrf_token"], "f_valid_until": "31/12/2030"}
    r = client.post(f"/review/{other}", data=form2)
    assert r.status_code == 422 and "YYYY-MM-DD" in r.text
    # search without diacritics finds the corrected value; the document page shows the history
    client = login("officer")
    r = client.get("/search", params={"q": "cong ty binh minh"})
    assert f"/documents/{doc_id}" in r.text and f"/documents/{other}" not in r.text
    doc = client.get(f"/documents/{doc_id}")
    assert "Công ty Bình Mnh" in doc.text and "sửa lỗi OCR" in doc.text and "Hoàn thành" in doc.text
    # the helper's file is no real PDF: its page image is a clean error page, not a traceback
    r = client.get(f"/documents/{doc_id}/pages/0.png")
    assert r.status_code >= 400 and 'id="error-message"' in r.text


def test_statistics_and_csv(login: Callable[[str], TestClient], tmp_path: Path) -> None:
    for i in range(3):
        stored_document(tmp_path, f"qd-{i}.pdf", {"type_name": "Quyết định"})
    stored_document(tmp_path, "gp.pdf", {"type_name": "Giấy phép"})
    client = login("archivist")
    page = client.get("/stats")
    assert page.status_code == 200
    assert "<svg" in page.text and 'id="stats-chart"' in page.text
    assert '<th class="num" id="total-received">4</th>' in page.text
    assert '<th class="num" id="total-digitized">4</th>' in page.text
    q = client.get("/stats?period=quarter")
    assert "-Q1" in q.text and "-Q4" in q.text
    # quarters summed from months (the page) == quarters grouped in SQL
    from digitize.services.statistics import OFFSET_HOURS, by_quarter, compute

    year = (datetime.now(UTC) + timedelta(hours=OFFSET_HOURS)).year
    with db.session() as s:
        in_sql = compute(s, year, "quarter")
        summed = by_quarter(compute(s, year, "month"))
    assert in_sql.cells == summed.cells and sum(c["received"] for c in in_sql.cells.values()) == 4
    r = client.get("/stats.csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Kỳ", "Loại", "Tiếp nhận"]
    by_type = {}
    for row in rows[1:-1]:
        by_type[row[1]] = by_type.get(row[1], 0) + int(row[2])
    assert by_type == {"Quyết định": 3, "Giấy phép": 1}
    assert rows[-1][0] == "Tổng" and rows[-1][2] == "4"


def test_public_verify_page_reports_unsigned_pdf(web: TestClient, tmp_path: Path) -> None:
    page = web.get("/verify")
    assert page.status_code == 200 and "Xác thực" in page.text
    token = csrf_of(page.text)
    r = web.post(
        "/verify",
        data={"csrf_token": token},
        files={"file": ("x.pdf", b"not a pdf at all", "application/pdf")},
    )
    assert r.status_code == 200
    assert "KHÔNG HỢP LỆ" in r.text and "FORMAT_FAILURE" in r.text
    # the report as a PDF: only the report the server made (a signed token), in the page's language
    report = re.search(r'name="report" value="([^"]+)"', r.text)
    assert report is not None
    pdf = web.post("/verify/report.pdf?lang=en", data={"csrf_token": token, "report": report.group(1)})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    forged = web.post(
        "/verify/report.pdf", data={"csrf_token": token, "report": report.group(1)[:-4] + "AAAA"}
    )
    assert forged.status_code == 422
    r = web.post("/verify?lang=en", files={"file": ("x.pdf", b"%PDF-1.4", "application/pdf")})
    assert r.status_code == 403  # no CSRF token


def test_session_cookie_reads_api_files_but_not_writes(
    login: Callable[[str], TestClient], tmp_path: Path
) -> None:
    doc_id = stored_document(tmp_path, "a.pdf", {"type_name": "Công văn"})
    client = login("officer")
    r = client.get(f"/api/v1/documents/{doc_id}/file")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    r = client.patch(f"/api/v1/documents/{doc_id}/fields", json={"subject": "x"})
    assert r.status_code == 401
    client.cookies.clear()
    assert client.get(f"/api/v1/documents/{doc_id}/file").status_code == 401


@pytest.mark.postgres
def test_pages_on_postgresql(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Statistics (period labels computed in SQL), search and review on PostgreSQL."""
    from digitize.api.app import create_app
    from digitize.config import reset_settings
    from digitize.store.auth import create_user
    from digitize.store.db import dispose_all
    from tests.support.databases import fresh_postgres_database

    with fresh_postgres_database("dgz_web") as url:
        monkeypatch.setenv("DIGITIZE_DATABASE_URL", url)
        reset_settings()
        dispose_all()
        with db.session() as s:
            create_user(s, name="pgadmin", role="admin", password=PASSWORD)
        for i in range(2):
            stored_document(tmp_path, f"qd-{i}.pdf", {"type_name": "Quyết định"}, text="Đà Nẵng")
        doc = stored_document(tmp_path, "gp.pdf", {"type_name": "Giấy phép"}, needs_review=True)
        with TestClient(create_app(start_pool=False), follow_redirects=False) as client:
            assert sign_in(client, "pgadmin").status_code == 303
            page = client.get("/stats?fresh=1")
            assert '<th class="num" id="total-received">3</th>' in page.text
            quarter = client.get("/stats?period=quarter&fresh=1")
            assert '<th class="num" id="total-digitized">3</th>' in quarter.text
            rows = list(csv.reader(io.StringIO(client.get("/stats.csv").content.decode("utf-8-sig"))))
            assert {r[1] for r in rows[1:-1]} == {"Quyết định", "Giấy phép"}
            assert "Trang 1/1 · 2 kết quả" in client.get("/search", params={"q": "da nang"}).text
            assert f"/review/{doc}" in client.get("/review").text
        dispose_all()


def test_review_skip_goes_round_the_queue(login: Callable[[str], TestClient], tmp_path: Path) -> None:
    ids = [
        stored_document(tmp_path, f"r{i}.pdf", {"type_name": "Công văn"}, needs_review=True) for i in range(3)
    ]
    client = login("reviewer")
    queue = client.get("/review").text
    order = sorted(ids, key=queue.index)  # the queue's order (oldest first)
    assert order == ids
    assert client.get(f"/review/{ids[0]}/next").headers["location"] == f"/review/{ids[1]}"
    assert client.get(f"/review/{ids[1]}/next").headers["location"] == f"/review/{ids[2]}"
    assert client.get(f"/review/{ids[2]}/next").headers["location"] == f"/review/{ids[0]}"  # wraps round
    page = client.get(f"/review/{ids[1]}")
    assert f'data-next="/review/{ids[1]}/next"' in page.text  # where the n key goes


def test_officer_revokes_and_supersedes(login: Callable[[str], TestClient], tmp_path: Path) -> None:
    old = stored_document(tmp_path, "cu.pdf", {"type_name": "Giấy phép", "issued_date": "2021-01-01"})
    new = stored_document(tmp_path, "moi.pdf", {"type_name": "Giấy phép", "issued_date": "2024-01-01"})
    gone = stored_document(tmp_path, "huy.pdf", {"type_name": "Giấy phép", "issued_date": "2022-01-01"})
    reviewer = login("reviewer")
    assert 'id="validity-decide"' not in reviewer.get(f"/documents/{old}").text
    token = csrf_of(reviewer.get("/").text)
    r = reviewer.post(
        f"/documents/{gone}/validity", data={"csrf_token": token, "action": "revoke", "reason": "x"}
    )
    assert r.status_code == 403
    client = login("officer")
    page = client.get(f"/documents/{old}")
    assert 'id="validity-decide"' in page.text
    token = csrf_of(page.text)
    data = {"csrf_token": token, "action": "supersede", "by_document": new, "reason": "cấp lại"}
    assert client.post(f"/documents/{old}/validity", data=data).status_code == 303
    page = client.get(f"/documents/{old}")
    assert "Đã được thay thế" in page.text and f'href="/documents/{new}"' in page.text
    assert 'id="validity-decide"' not in page.text
    data = {"csrf_token": token, "action": "revoke", "reason": ""}
    r = client.post(f"/documents/{gone}/validity", data=data)
    assert r.status_code == 422 and "lý do" in r.text  # a reason is required
    data["reason"] = "cấp sai đối tượng"
    assert client.post(f"/documents/{gone}/validity", data=data).status_code == 303
    assert "Đã thu hồi" in client.get(f"/documents/{gone}").text


def test_document_audit_log_in_words_with_a_header(
    login: Callable[[str], TestClient], tmp_path: Path
) -> None:
    """The activity log shows each action in words in the page's language; an unknown one shows its id."""
    from digitize.store.service import audit

    doc_id = stored_document(
        tmp_path, "gp-audit.pdf", {"type_name": "Giấy phép", "holder_name": "Công ty An"}
    )
    with db.session() as s:
        audit(s, "user:reviewer1", "fields.correct", doc_id)
        audit(s, "system", "<b>strange.action</b>", doc_id)
    client = login("officer")

    def log(html: str) -> str:
        found = re.search(r'<table[^>]*id="audit-log".*?</table>', html, re.S)
        assert found, html
        return found.group(0)

    vi = log(client.get(f"/documents/{doc_id}").text)
    assert "<thead><tr><th>Thời điểm</th><th>Người thực hiện</th><th>Thao tác</th></tr></thead>" in vi
    assert "Sửa trường thông tin" in vi and "Tiếp nhận tài liệu" in vi
    assert "fields.correct" not in vi and "document.receive" not in vi
    assert "&lt;b&gt;strange.action&lt;/b&gt;" in vi and "<b>" not in vi
    en = log(client.get(f"/documents/{doc_id}?lang=en").text)
    assert "<th>When</th><th>By</th><th>Action</th>" in en
    assert "Fields corrected" in en and "Document received" in en and "Sửa trường" not in en
