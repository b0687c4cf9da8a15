"""GET /api/v1/documents/{id}/file: ETag, conditional GET, ranges; on S3 a redirect to a presigned URL."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from digitize.config import reset_settings
from digitize.ingest import ingest_paths
from digitize.store.auth import clear_key_cache
from digitize.store.db import dispose_all
from tests.api.conftest import auth
from tests.support.scans import tiny_pdf


def _original(tmp: Path) -> tuple[str, bytes]:
    data = tiny_pdf("scan " + "0123456789" * 200)
    path = tmp / "scan.pdf"
    path.write_bytes(data)
    return ingest_paths([path]).document_ids[0], data


def test_original_with_etag_304_and_range(
    bare_client: TestClient, make_key: Callable[..., str], tmp_path: Path
) -> None:
    key = make_key("archivist")
    doc_id, data = _original(tmp_path)
    r = bare_client.get(f"/api/v1/documents/{doc_id}/file", headers=auth(key))
    assert r.status_code == 200 and r.content == data
    etag = r.headers["etag"]
    assert etag == f'"{hashlib.sha256(data).hexdigest()}"'
    assert (
        bare_client.get(
            f"/api/v1/documents/{doc_id}/file", headers=auth(key, **{"If-None-Match": etag})
        ).status_code
        == 304
    )
    r = bare_client.get(f"/api/v1/documents/{doc_id}/file", headers=auth(key, Range="bytes=9-18"))
    assert r.status_code == 206 and r.content == data[9:19]
    r = bare_client.get(f"/api/v1/documents/{doc_id}/file?variant=searchable", headers=auth(key))
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = bare_client.get(f"/api/v1/documents/{doc_id}/file?variant=bogus", headers=auth(key))
    assert r.status_code == 422


@pytest.fixture
def s3_client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    from moto.server import ThreadedMotoServer

    from digitize.api.app import create_app

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    monkeypatch.setenv("DIGITIZE_STORAGE_URL", "s3://api-files")
    monkeypatch.setenv("DIGITIZE_S3_ENDPOINT", f"http://{host}:{port}")
    monkeypatch.setenv("DIGITIZE_S3_ACCESS_KEY", "testing")
    monkeypatch.setenv("DIGITIZE_S3_SECRET_KEY", "testing")
    reset_settings()
    dispose_all()
    clear_key_cache()
    with TestClient(create_app(start_pool=False)) as c:
        yield c
    dispose_all()
    server.stop()


def test_s3_file_redirects_to_presigned_url(
    s3_client: TestClient, make_key: Callable[..., str], tmp_path: Path
) -> None:
    key = make_key("archivist")
    doc_id, data = _original(tmp_path)
    r = s3_client.get(f"/api/v1/documents/{doc_id}/file", headers=auth(key), follow_redirects=False)
    assert r.status_code == 307
    url = r.headers["location"]
    assert "X-Amz-Signature" in url
    assert httpx.get(url).content == data
