"""Issue 12's leftover: a file with the right first bytes that does not open (a truncated PDF, a JPEG that
does not decode, a password-protected PDF) was stored as a document and failed only at processing. It is
refused at the door now, with its reason (Vietnamese first, English too), its bytes quarantined like any
refused upload, nothing of it half-stored: no original, no document."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import select

from digitize.content import ScanType, check_opens, quarantine_key, scan_type_of
from digitize.errors import BadInput
from digitize.ingest import ingest_paths
from digitize.store import db
from digitize.store.models import AuditEntry, Document
from digitize.store.objects import get_object_store, original_key
from tests.api.conftest import auth
from tests.support.scans import tiny_pdf


def _image(fmt: str, **save: object) -> bytes:
    im = Image.new("L", (400, 300), 255)
    for x in range(0, 400, 7):  # something to compress
        im.putpixel((x, (x * 3) % 300), 0)
    out = io.BytesIO()
    im.save(out, fmt, **save)
    return out.getvalue()


def _encrypted_pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(owner="o", user="secret"))
    return out.getvalue()


def _two_frame_tiff_second_broken() -> bytes:
    frames = [Image.new("L", (300, 200), 255), Image.new("L", (300, 200), 0)]
    out = io.BytesIO()
    frames[0].save(out, "TIFF", save_all=True, append_images=frames[1:])
    data = out.getvalue()
    return data[: len(data) - 20_000]  # the second page's pixels cut short; the first page decodes


PDF = tiny_pdf("a good one")
JPEG = _image("JPEG", quality=80)
PNG = _image("PNG")

BROKEN: dict[str, tuple[bytes, str]] = {
    "cut.pdf": (PDF[: len(PDF) // 2], "corrupt_input"),  # truncated: no trailer
    "garbage.pdf": (b"%PDF-1.7\n1 0 obj <</Type /Catalog\n" + b"\x00" * 300 + b"\n%%EOF\n", "corrupt_input"),
    "locked.pdf": (_encrypted_pdf(), "encrypted_input"),
    "cut.jpg": (JPEG[: len(JPEG) // 2], "corrupt_input"),  # header fine, half the scan lines missing
    "cut.png": (PNG[: len(PNG) - 30], "corrupt_input"),
    "cut.tif": (_two_frame_tiff_second_broken(), "corrupt_input"),
}


def _assert_refused_and_quarantined(data: bytes) -> None:
    sha = hashlib.sha256(data).hexdigest()
    objects = get_object_store()
    assert objects.read_bytes(quarantine_key(sha)) == data  # nothing a user uploaded is lost
    assert not objects.exists(original_key(sha))  # nothing half-stored
    with db.session() as s:
        assert s.scalar(select(Document).where(Document.sha256 == sha)) is None
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "upload.quarantine")).all()
        assert any((e.detail or {}).get("sha256") == sha and (e.detail or {}).get("reason") for e in entries)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_right_magic_bytes_that_do_not_open_are_refused(name: str, tmp_path: Path) -> None:
    data, code = BROKEN[name]
    assert scan_type_of(data) is not None  # the first bytes alone would have let it in
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(BadInput) as caught:
        check_opens(path, scan_type_of(data) or ScanType.PDF, 200_000_000, 500)
    assert caught.value.code == code


@pytest.mark.parametrize("data", [PDF, JPEG, PNG, _image("TIFF")])
def test_files_that_open_pass(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "ok"
    path.write_bytes(data)
    scan = scan_type_of(data)
    assert scan is not None
    check_opens(path, scan, 200_000_000, 500)


def test_cli_ingest_refuses_what_does_not_open(tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    for name, (data, _code) in BROKEN.items():
        (folder / name).write_bytes(data)
    (folder / "good.pdf").write_bytes(PDF)
    report = ingest_paths([folder])
    by = {i.filename.split("/")[-1]: i for i in report.items}
    assert by["good.pdf"].document_id is not None
    for name, (data, code) in BROKEN.items():
        item = by[name]
        assert item.document_id is None and item.error is not None, name
        assert item.error.code == code and item.error.http_status == 422
        assert "cách ly" in item.error.message_vi and "quarantine" in item.error.message_en
        _assert_refused_and_quarantined(data)


def test_api_upload_lists_the_refusal_in_both_languages(
    bare_client: TestClient, make_key: Callable[..., str]
) -> None:
    archivist = make_key("archivist")
    cut_jpeg, _ = BROKEN["cut.jpg"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("trang/cut.pdf", BROKEN["cut.pdf"][0])
    files = [
        ("files", ("scan_0001.jpg", cut_jpeg, "image/jpeg")),
        ("files", ("ho-so.zip", buf.getvalue(), "application/zip")),
        ("files", ("good.pdf", PDF, "application/pdf")),
    ]
    r = bare_client.post("/api/v1/batches", files=files, headers=auth(archivist))
    assert r.status_code == 201, r.text
    batch = bare_client.get(f"/api/v1/batches/{r.json()['id']}", headers=auth(archivist)).json()
    assert len(batch["documents"]) == 1
    rejected = {x["filename"]: x["error"] for x in batch["rejected"]}
    assert set(rejected) == {"scan_0001.jpg", "ho-so.zip/trang/cut.pdf"}
    for err in rejected.values():
        assert err["code"] == "corrupt_input"
        message = err["message"]  # Vietnamese first, English after it
        assert 0 <= message.find("cách ly") < message.find("quarantine")
    _assert_refused_and_quarantined(cut_jpeg)
    _assert_refused_and_quarantined(BROKEN["cut.pdf"][0])
