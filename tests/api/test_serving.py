"""GET /api/v1/documents/{id}/file?variant=signed: the ETag is the sha256, conditional GET, ranges; served
only once its signature verified; on S3 a redirect to a presigned URL that serves the same bytes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from digitize.config import reset_settings
from digitize.signing.service import sign_document
from digitize.store import db
from digitize.store.auth import clear_key_cache
from digitize.store.db import dispose_all
from digitize.store.models import Signature
from tests.api.conftest import auth
from tests.api.signing_helpers import done_pdf_document, write_profiles
from tests.support.pki import TestPKI, pki  # noqa: F401  (the session's test PKI)


@pytest.fixture
def profiles(pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    return write_profiles(pki, tmp_path, monkeypatch)


def test_signed_file_etag_304_range(
    bare_client: TestClient, make_key: Callable[..., str], tmp_path: Path, profiles: Path
) -> None:
    key = make_key("archivist")
    doc_id = done_pdf_document(tmp_path, "gp-tai")
    url = f"/api/v1/documents/{doc_id}/file?variant=signed"
    assert bare_client.get(url, headers=auth(key)).status_code == 404  # not signed yet
    rec = sign_document(doc_id, "giam-doc", "test")
    r = bare_client.get(url, headers=auth(key))
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    data = r.content
    assert hashlib.sha256(data).hexdigest() == rec["sha256"]
    etag = r.headers["etag"]
    assert etag == f'"{rec["sha256"]}"' and r.headers.get("accept-ranges") == "bytes"
    r = bare_client.get(url, headers=auth(key, **{"If-None-Match": etag}))
    assert r.status_code == 304 and r.content == b""
    assert bare_client.get(url, headers=auth(key, **{"If-None-Match": '"other"'})).status_code == 200
    r = bare_client.get(url, headers=auth(key, Range="bytes=100-199"))
    assert r.status_code == 206 and r.content == data[100:200]
    assert r.headers["content-range"] == f"bytes 100-199/{len(data)}"
    r = bare_client.get(url, headers=auth(key, Range=f"bytes=-{50}"))
    assert r.status_code == 206 and r.content == data[-50:]
    assert bare_client.get(url, headers=auth(key, Range=f"bytes={len(data) + 10}-")).status_code == 416

    # a signature that did not verify is not served
    with db.session() as s:
        s.execute(update(Signature).where(Signature.document_id == doc_id).values(verified=False))
    r = bare_client.get(url, headers=auth(key))
    assert r.status_code == 409 and r.json()["error"]["code"] == "conflict"


@pytest.fixture
def s3_client(profiles: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    from moto.server import ThreadedMotoServer

    from digitize.api.app import create_app

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    monkeypatch.setenv("DIGITIZE_STORAGE_URL", "s3://signed-files")
    monkeypatch.setenv("DIGITIZE_S3_ENDPOINT", f"http://{host}:{port}")
    monkeypatch.setenv("DIGITIZE_S3_ACCESS_KEY", "testing")
    monkeypatch.setenv("DIGITIZE_S3_SECRET_KEY", "testing")
    reset_settings()
    dispose_all()
    clear_key_cache()
    try:
        with TestClient(create_app(start_pool=False)) as c:
            yield c
    finally:
        dispose_all()
        server.stop()


def test_signed_file_on_s3_redirects_to_a_presigned_url(
    s3_client: TestClient, make_key: Callable[..., str], tmp_path: Path
) -> None:
    key = make_key("archivist")
    doc_id = done_pdf_document(tmp_path, "gp-s3")
    rec = sign_document(doc_id, "giam-doc", "test")
    assert rec["verified"] is True
    url = f"/api/v1/documents/{doc_id}/file?variant=signed"
    r = s3_client.get(url, headers=auth(key), follow_redirects=False)
    assert r.status_code == 307 and r.headers["etag"] == f'"{rec["sha256"]}"'
    location = r.headers["location"]
    assert "X-Amz-Signature" in location
    fetched = httpx.get(location, timeout=30)
    assert fetched.status_code == 200 and hashlib.sha256(fetched.content).hexdigest() == rec["sha256"]
    ranged = httpx.get(location, headers={"Range": "bytes=0-9"}, timeout=30)
    assert ranged.status_code == 206 and ranged.content == fetched.content[:10]
    assert s3_client.get(url, headers=auth(key, **{"If-None-Match": r.headers["etag"]})).status_code == 304
