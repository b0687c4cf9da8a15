"""Upload, page images and signing through the pages (TestClient, real store, real signing core)."""

from __future__ import annotations

import io
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import select

from digitize.config import reset_settings
from digitize.ingest import ingest_paths
from digitize.pipeline.model import RecognizedPage
from digitize.processing.executor import Outcome, claim, finalize
from digitize.store import db
from digitize.store.models import Signature
from tests.support.pki import TestPKI
from tests.support.scans import make_licence
from tests.support.store_data import stored_document
from tests.web.conftest import csrf_of


def pdf_document(tmp: Path, name: str, fields: dict[str, str | None]) -> str:
    """A real one-page PDF (a generated scan) stored and finished as done with the given fields."""
    png = make_licence(tmp / f"{name}.png", 7, "Công ty Bình Minh", "0101234567")
    pdf = tmp / f"{name}.pdf"
    Image.open(png).convert("RGB").save(pdf, "PDF", resolution=200)
    doc_id = ingest_paths([pdf]).document_ids[0]
    assert claim(doc_id, "test-worker")
    page = RecognizedPage(
        index=0, source="ocr", width=595, height=400, text="Công ty Bình Minh", confidence=0.9
    )
    outcome = Outcome(
        pages=(page,), fields={k: (v, 0.95) for k, v in fields.items()}, needs_review=False, confidence=0.9
    )
    finalize(doc_id, "test-worker", outcome, None)
    return doc_id


def test_upload_through_the_page(login: Callable[[str], TestClient]) -> None:
    client = login("archivist")
    token = csrf_of(client.get("/upload").text)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("../ngoai-thu-muc.png", b"zip-slip: refused before anything is stored")
    r = client.post(
        "/upload?name=Lô thử",
        files=[("files", ("ho-so.zip", buf.getvalue(), "application/zip"))],
        headers={"X-CSRF-Token": token},
    )
    assert r.status_code == 201, r.text
    url = r.json()["url"]
    page = client.get(url)
    assert page.status_code == 200
    assert "ngoai-thu-muc.png" in page.text and 'data-state="done"' in page.text
    assert '<b id="count-failed">1</b>' in page.text
    progress = client.get(url + "/progress")
    assert progress.status_code == 200 and "hx-get" not in progress.text  # finished: no more polling
    assert "Lô thử" in client.get("/batches").text


def test_page_image_is_drawn_and_cached(
    login: Callable[[str], TestClient], tmp_path: Path, digitize_home: Path
) -> None:
    doc_id = pdf_document(tmp_path, "gp", {"type_name": "Giấy phép"})
    client = login("reviewer")
    r = client.get(f"/documents/{doc_id}/pages/0.png?w=800")
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    img = Image.open(io.BytesIO(r.content))
    assert img.width == 800 and img.height > 300
    cached = list((digitize_home / "cache" / "pages").glob("*-0-800.png"))
    assert len(cached) == 1
    assert client.get(f"/documents/{doc_id}/pages/0.png?w=800").content == r.content
    assert client.get(f"/documents/{doc_id}/pages/5.png").status_code == 404
    assert client.get(f"/review/{doc_id}").status_code == 200


@pytest.fixture
def signing_profile(pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    trust = tmp_path / "trust"
    trust.mkdir()
    shutil.copy(pki.root_cert, trust / "root.pem")
    profiles = tmp_path / "signing.toml"
    profiles.write_text(
        f'[profiles.giam-doc]\nrole = "leader"\nlevel = "B-B"\np12 = "{pki.officer.p12}"\n'
        'p12_password_env = "WEB_UNIT_P12_PASSWORD"\ntitle = "Giám đốc"\nusers = ["officer1"]\n'
        f'[profiles.pho-giam-doc]\nrole = "leader"\nlevel = "B-B"\np12 = "{pki.officer.p12}"\n'
        'p12_password_env = "WEB_UNIT_P12_PASSWORD"\nusers = ["someone-else"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("DIGITIZE_SIGNING_PROFILES_FILE", str(profiles))
    monkeypatch.setenv("DIGITIZE_TRUST_DIR", str(trust))
    monkeypatch.setenv("WEB_UNIT_P12_PASSWORD", pki.p12_password)
    reset_settings()
    return "giam-doc"


def test_officer_signs_many_one_failing(
    login: Callable[[str], TestClient], tmp_path: Path, signing_profile: str
) -> None:
    good = [pdf_document(tmp_path, f"gp{i}", {"type_name": "Giấy phép"}) for i in range(2)]
    broken = stored_document(tmp_path, "broken.pdf", {"type_name": "Giấy phép"}, broken=True)
    client = login("officer")
    queue = client.get("/sign")
    assert queue.status_code == 200
    assert "<option>giam-doc</option>" in queue.text
    assert "pho-giam-doc" not in queue.text  # someone else's profile is not offered (issue 12, finding 7)
    for doc_id in [*good, broken]:
        assert f'value="{doc_id}"' in queue.text
    token = csrf_of(queue.text)
    r = client.post("/sign", data={"csrf_token": token, "profile": signing_profile, "ids": [*good, broken]})
    assert r.status_code == 303, r.text
    job_url = r.headers["location"]
    assert job_url.startswith("/sign/jobs/")
    deadline = time.monotonic() + 120
    while 'data-finished="1"' not in (page := client.get(job_url)).text:
        assert time.monotonic() < deadline, "signing job did not finish"
        assert 'hx-get="/sign/jobs/' in page.text  # the page follows the job while it runs
        time.sleep(0.3)
    assert '<b id="sign-ok">2</b>' in page.text and '<b id="sign-failed">1</b>' in page.text
    assert "hx-get" not in client.get(job_url + "/progress").text
    with db.session() as s:
        sigs = s.scalars(select(Signature).order_by(Signature.id)).all()
        assert [x.document_id for x in sigs] == good
        assert all(
            x.verified and x.signer == "Nguyễn Văn An" and x.signed_by == "user:officer1" for x in sigs
        )
    # signed documents leave the queue; the signed PDF downloads with the session cookie
    queue = client.get("/sign")
    assert f'value="{good[0]}"' not in queue.text and f'value="{broken}"' in queue.text
    pdf = client.get(f"/api/v1/documents/{good[0]}/file?variant=signed")
    assert pdf.status_code == 200 and b"/ByteRange" in pdf.content
    # nothing selected, an unknown profile, a reviewer: refused
    assert client.post("/sign", data={"csrf_token": token, "profile": signing_profile}).status_code == 422
    r = client.post("/sign", data={"csrf_token": token, "profile": "khong-co", "ids": [broken]})
    assert r.status_code == 422
    r = client.post("/sign", data={"csrf_token": token, "profile": "pho-giam-doc", "ids": [broken]})
    assert r.status_code == 403  # someone else's profile, even when its name is known
    reviewer = login("reviewer")
    assert reviewer.get(job_url).status_code == 403
    assert (
        reviewer.post(
            "/sign", data={"csrf_token": csrf_of(reviewer.get("/").text), "ids": [broken]}
        ).status_code
        == 403
    )
