"""Issue 12, finding 1: stored active content → a script run in an officer's browser → a forged signature.

The attack: an archivist uploads ``scan_0002.html`` (or an ``.svg``, or an ``.html`` inside a ZIP, or an HTML
page with ``%PDF-`` in it named ``.pdf``); the document fails as unsupported, but its "original" is served
inline as text/html from the app's origin, where its script reads the CSRF token and signs with the
Director's profile. Replayed here through every door (API, web upload, CLI ingest, ZIP members): nothing of
it becomes a document, its bytes are kept in quarantine, and any file response (even of such bytes already
in a store from before) cannot be rendered or run by a browser.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from digitize.content import ScanType, quarantine_key, scan_type_of
from digitize.ingest import ingest_paths
from digitize.store import db
from digitize.store.models import AuditEntry, Document
from digitize.store.objects import get_object_store, original_key, sha256_file
from tests.api.conftest import auth
from tests.support.scans import tiny_pdf
from tests.web.conftest import csrf_of

SCRIPT = (
    b"<!doctype html><html><body><script>"
    b'fetch(\'/sign\').then(r=>r.text()).then(t=>{const c=t.match(/csrf_token" value="([^"]+)/)[1];'
    b"fetch('/sign',{method:'POST',body:new URLSearchParams({csrf_token:c,profile:'giam-doc'})})})"
    b"</script></body></html>"
)
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)">'
    b"<script>fetch('/api/v1/documents')</script></svg>"
)
POLYGLOT = b"<html><script>alert(1)</script><!-- %PDF-1.4 -->\n" + b"x" * 200

ATTACKS: dict[str, bytes] = {
    "scan_0002.html": SCRIPT,
    "scan_0003.svg": SVG,
    "scan_0004.pdf": POLYGLOT,  # an HTML page named .pdf, with %PDF- inside
    "scan_0005.png": SCRIPT,  # a name that lies
}


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _assert_quarantined(data: bytes) -> None:
    import hashlib

    sha = hashlib.sha256(data).hexdigest()
    objects = get_object_store()
    assert objects.read_bytes(quarantine_key(sha)) == data  # nothing a user uploaded is lost
    assert not objects.exists(original_key(sha))
    with db.session() as s:
        assert s.scalar(select(Document).where(Document.sha256 == sha)) is None
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "upload.quarantine")).all()
        assert any((e.detail or {}).get("sha256") == sha for e in entries)


def test_content_decides_not_the_name() -> None:
    assert scan_type_of(b"%PDF-1.7\n...") is ScanType.PDF
    assert scan_type_of(b"\x00\x00junk%PDF-1.4") is ScanType.PDF  # scanner junk before the header
    assert scan_type_of(b"\xff\xd8\xff\xe0") is ScanType.JPEG
    for data in ATTACKS.values():
        assert scan_type_of(data) is None
    assert scan_type_of(b"  <svg>%PDF-1.4") is None


def test_api_upload_of_active_content_is_refused_and_quarantined(
    bare_client: TestClient, make_key: Callable[..., str]
) -> None:
    archivist = make_key("archivist")
    files = [("files", (name, data, "application/pdf")) for name, data in ATTACKS.items()]
    files.append(("files", ("ho-so.zip", _zip({"trang/scan_0006.html": SCRIPT + b"zip"}), "application/zip")))
    r = bare_client.post("/api/v1/batches", files=files, headers=auth(archivist))
    assert r.status_code == 201, r.text
    batch = bare_client.get(f"/api/v1/batches/{r.json()['id']}", headers=auth(archivist)).json()
    assert batch["documents"] == []
    rejected = {x["filename"]: x["error"] for x in batch["rejected"]}
    assert set(rejected) == {*ATTACKS, "ho-so.zip/trang/scan_0006.html"}
    for err in rejected.values():
        assert err["code"] == "unsupported_type"
        assert "Không phải bản quét" in err["message"] and "Not a scan" in err["message"]
    for data in [*ATTACKS.values(), SCRIPT + b"zip"]:
        _assert_quarantined(data)


def test_web_upload_of_active_content_is_refused(login: Callable[[str], TestClient]) -> None:
    client = login("archivist")
    token = csrf_of(client.get("/upload").text)
    r = client.post(
        "/upload",
        files=[
            ("files", ("scan_0002.html", SCRIPT, "text/html")),
            ("files", ("a.svg", SVG, "image/svg+xml")),
        ],
        headers={"X-CSRF-Token": token},
    )
    assert r.status_code == 201, r.text
    page = client.get(r.json()["url"])
    assert "scan_0002.html" in page.text and '<b id="count-failed">2</b>' in page.text
    assert "<script>fetch" not in page.text  # the name is shown, never the content
    _assert_quarantined(SCRIPT)
    _assert_quarantined(SVG)


def test_cli_ingest_of_a_folder_refuses_active_content(tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "scan_0002.html").write_bytes(SCRIPT)
    (folder / "scan_0001.pdf").write_bytes(tiny_pdf("a real scan would be here"))
    report = ingest_paths([folder])
    by = {i.filename: i for i in report.items}
    assert by["scans/scan_0001.pdf"].document_id is not None
    bad = by["scans/scan_0002.html"]
    assert bad.document_id is None and bad.error is not None and bad.error.code == "unsupported_type"
    _assert_quarantined(SCRIPT)


def _plant_html_original(tmp_path: Path) -> str:
    """A document whose stored original is HTML, as a store filled before this fix may hold."""
    from digitize.store.models import RECEIVED

    path = tmp_path / "old.html"
    path.write_bytes(SCRIPT + b"old")
    sha = sha256_file(path)
    get_object_store().put_file(original_key(sha), path, media_type="text/html")
    with db.session() as s:
        doc = Document(
            sha256=sha,
            media_type="text/html",
            size=path.stat().st_size,
            original_filename="scan_0002.html",
            original_key=original_key(sha),
            state=RECEIVED,
        )
        s.add(doc)
        s.flush()
        return doc.id


def _assert_inert(r: object) -> None:
    from httpx import Response

    assert isinstance(r, Response)
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith("attachment")
    assert r.headers["content-type"] == "application/octet-stream"
    assert r.headers["x-content-type-options"] == "nosniff"
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "sandbox" in csp


def test_officer_fetching_stored_html_gets_an_inert_download(
    login: Callable[[str], TestClient], tmp_path: Path
) -> None:
    doc_id = _plant_html_original(tmp_path)
    officer = login("officer")  # the session cookie the script wanted to ride
    r = officer.get(f"/api/v1/documents/{doc_id}/file?variant=original")
    _assert_inert(r)
    assert r.content.startswith(b"<!doctype html>")  # the bytes are kept, only never rendered


def test_uploaded_originals_are_never_inline_and_produced_pdfs_must_match(
    bare_client: TestClient, make_key: Callable[..., str], tmp_path: Path
) -> None:
    key = make_key("archivist")
    path = tmp_path / "scan.pdf"
    path.write_bytes(tiny_pdf("scan"))
    doc_id = ingest_paths([path]).document_ids[0]
    r = bare_client.get(f"/api/v1/documents/{doc_id}/file", headers=auth(key))
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/pdf"  # the bytes are a PDF: declared as one
    assert r.headers["content-disposition"].startswith("attachment")  # but a user's file: never inline
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in r.headers["content-security-policy"]


def test_served_type_follows_the_bytes() -> None:
    from digitize.api.security import serving

    assert serving(b"%PDF-1.7", "application/pdf", produced=True).disposition == "inline"
    html_as_pdf = serving(b"<html><script>", "application/pdf", produced=True)
    assert (html_as_pdf.media_type, html_as_pdf.disposition) == ("application/octet-stream", "attachment")
    assert serving(b"%PDF-1.7", "application/pdf", produced=False).disposition == "attachment"
    assert (
        serving(b"\x89PNG\r\n\x1a\n", "image/svg+xml", produced=True).media_type == "application/octet-stream"
    )


@pytest.mark.parametrize("path", ["/healthz", "/api/v1/documents", "/api/v1/nope", "/login", "/openapi.json"])
def test_every_response_has_security_headers(web: TestClient, path: str) -> None:
    r = web.get(path)
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[-1].split(";")[0] if "script-src" in csp else True
    if not r.headers["content-type"].startswith("text/html"):
        assert "default-src 'none'" in csp


def test_pages_allow_only_the_apps_own_scripts(login: Callable[[str], TestClient]) -> None:
    client = login("admin")
    for path in ("/", "/upload", "/batches", "/review", "/search", "/sign", "/stats", "/verify"):
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        script_src = re.search(r"script-src ([^;]+)", csp)
        assert script_src and script_src.group(1).strip() == "'self'", csp
        assert "default-src 'self'" in csp and "object-src 'none'" in csp
        # nothing inline a CSP would have to allow
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", r.text), path
        assert not re.search(r"\son[a-z]+\s*=", r.text), path
        assert "javascript:" not in r.text, path


def test_templates_have_no_inline_script_or_handler() -> None:
    templates = Path(__file__).resolve().parents[2] / "api" / "web" / "templates"
    for t in templates.glob("*.html"):
        text = t.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), t.name
        assert not re.search(r"\son[a-z]+\s*=", text), t.name
        assert "javascript:" not in text, t.name
