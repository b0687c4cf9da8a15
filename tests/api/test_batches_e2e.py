"""Through HTTP with the real tesseract: upload, poll, search without diacritics, download, re-upload."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import auth, wait_batch
from tests.support.scans import make_licence

HOLDERS = [
    ("Nguyễn Văn An", "0101234567", "Đà Nẵng"),
    ("Trần Thị Bích Hằng", "0400111222", "Yên Bái"),
    ("Lê Đức Thọ", "0200333444", "Hà Nội"),
]


@pytest.mark.slow
def test_upload_process_search_download_reupload(
    client: TestClient, make_key: Callable[..., str], tmp_path: Path
) -> None:
    archivist = make_key("archivist")
    paths = [make_licence(tmp_path / f"gp-{i}.png", 100 + i, *h) for i, h in enumerate(HOLDERS)]
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nthis is not really a pdf\n")
    files = [("files", (p.name, p.read_bytes(), "image/png")) for p in paths]
    files.append(("files", (broken.name, broken.read_bytes(), "application/pdf")))

    r = client.post("/api/v1/batches?name=Lô thử", files=files, headers=auth(archivist))
    assert r.status_code == 201, r.text
    batch_id = r.json()["id"]
    batch = wait_batch(client, batch_id, archivist)
    assert len(batch["documents"]) == 3
    c = batch["counts"]
    assert c["done"] + c["needs_review"] == 3
    assert c["failed"] == 1 and c["received"] == 0

    # the broken file was refused at the door with its reason (Vietnamese, then English); the others did
    # not suffer
    (rejected,) = batch["rejected"]
    assert rejected["filename"] == "broken.pdf" and rejected["error"]["code"] == "corrupt_input"
    assert "PDF" in rejected["error"]["message"]
    states = {}
    for doc_id in batch["documents"]:
        rec = client.get(f"/api/v1/documents/{doc_id}", headers=auth(archivist)).json()
        states[rec["filename"]] = rec
    assert "broken.pdf" not in states
    good = states["gp-0.png"]
    assert good["pages"] and "Nguyễn Văn An" in good["pages"][0]["text"]
    assert good["provenance"]["sha256"] and good["provenance"]["ocr_confidence"] > 0.5

    # found by the holder's name typed without diacritics
    r = client.get("/api/v1/documents", params={"q": "nguyen van an"}, headers=auth(archivist))
    assert r.status_code == 200
    found = r.json()
    assert found["total"] == 1
    doc_id = found["items"][0]["id"]
    assert doc_id == good["id"]
    r = client.get("/api/v1/documents", params={"q": "tran thi bich hang"}, headers=auth(archivist))
    assert [i["filename"] for i in r.json()["items"]] == ["gp-1.png"]

    # its searchable PDF
    r = client.get(
        f"/api/v1/documents/{doc_id}/file", params={"variant": "searchable"}, headers=auth(archivist)
    )
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(r.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Nguyễn Văn An" in text
    r = client.get(f"/api/v1/documents/{doc_id}/file", headers=auth(archivist))
    assert r.content == paths[0].read_bytes()
    assert r.headers["etag"] == f'"{good["provenance"]["sha256"]}"'

    # re-upload: a new batch, the same documents, nothing new
    before = client.get("/api/v1/documents", headers=auth(archivist)).json()["total"]
    r = client.post("/api/v1/batches", files=files, data={"name": "Lô gửi lại"}, headers=auth(archivist))
    assert r.status_code == 201
    again = wait_batch(client, r.json()["id"], archivist, timeout=30)
    assert again["name"] == "Lô gửi lại"
    assert batch["name"] == "Lô thử"
    assert sorted(again["documents"]) == sorted(batch["documents"])
    assert client.get("/api/v1/documents", headers=auth(archivist)).json()["total"] == before == 3
