from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from digitize.config import reset_settings
from digitize.ingest import ingest_paths, safe_extract
from digitize.store import db
from digitize.store.models import RECEIVED, BatchItem, Document
from digitize.store.objects import get_object_store
from digitize.store.service import batch_view
from tests.support.scans import tiny_pdf, tiny_png


def _files(tmp: Path) -> list[Path]:
    a = tmp / "a.pdf"
    a.write_bytes(tiny_pdf("first"))
    b = tmp / "b.png"
    b.write_bytes(tiny_png("second"))
    return [a, b]


def test_ingest_stores_originals_first_and_dedupes(database: str, tmp_path: Path) -> None:
    a, b = _files(tmp_path)
    copy = tmp_path / "copy-of-a.pdf"
    copy.write_bytes(a.read_bytes())
    report = ingest_paths([a, b, copy], batch_name="Lô 1")
    assert len(report.items) == 3
    assert len(report.document_ids) == 2
    assert report.items[2].duplicate and report.items[2].document_id == report.items[0].document_id
    objects = get_object_store()
    with db.session() as s:
        docs = s.scalars(select(Document)).all()
        assert {d.state for d in docs} == {RECEIVED}
        for d in docs:
            assert objects.exists(d.original_key)
        assert {d.media_type for d in docs} == {"application/pdf", "image/png"}
        view = batch_view(s, report.batch_id)
    assert view.state == "queued"
    assert view.to_json()["counts"] == {"received": 2, "done": 0, "failed": 0, "needs_review": 0}
    assert list(view.documents) == report.document_ids

    # the same content again, in a new batch: no new document
    again = ingest_paths([a, b])
    assert again.new_document_ids == []
    assert set(again.document_ids) == set(report.document_ids)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 2


def test_folders_nested_and_symlinks_refused(tmp_path: Path) -> None:
    root = tmp_path / "scans"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "one.pdf").write_bytes(tiny_pdf("one"))
    (root / "sub" / "deeper" / "two.pdf").write_bytes(tiny_pdf("two"))
    (root / ".hidden").write_bytes(b"x")
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    os.symlink(outside, root / "link.pdf")
    report = ingest_paths([root])
    names = {i.filename: i for i in report.items}
    assert set(names) == {"scans/one.pdf", "scans/sub/deeper/two.pdf", "scans/link.pdf"}
    assert names["scans/link.pdf"].document_id is None
    assert (
        names["scans/link.pdf"].error is not None and names["scans/link.pdf"].error.code == "unsafe_archive"
    )
    assert len(report.document_ids) == 2


def _zip(path: Path, members: dict[str, bytes], *, symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return path


def test_zip_with_nested_paths_slip_and_symlink(database: str, tmp_path: Path) -> None:
    archive = _zip(
        tmp_path / "lo.zip",
        {
            "a/b/c.pdf": tiny_pdf("c"),
            "d.png": tiny_png("d"),
            "../../evil.pdf": b"%PDF evil",
            "/abs.pdf": b"%PDF abs",
        },
        symlink="link.pdf",
    )
    report = ingest_paths([archive])
    by = {i.filename: i for i in report.items}
    assert by["lo.zip/a/b/c.pdf"].document_id is not None
    assert by["lo.zip/d.png"].document_id is not None
    refused = [i for i in report.items if i.document_id is None]
    assert len(refused) == 3
    assert all(i.error is not None and i.error.code == "unsafe_archive" for i in refused)
    assert not (tmp_path.parent / "evil.pdf").exists()
    with db.session() as s:
        view = batch_view(s, report.batch_id)
        assert view.counts.failed == 3
        assert len(view.rejected) == 3
        assert s.scalar(select(func.count()).select_from(Document)) == 2


def test_zip_bomb_refused_and_nothing_stored(database: str, tmp_path: Path) -> None:
    bomb = _zip(tmp_path / "bomb.zip", {"zeros.pdf": b"\0" * (20 * 1024 * 1024), "ok.pdf": tiny_pdf("ok")})
    report = ingest_paths([bomb])
    assert len(report.items) == 1
    item = report.items[0]
    assert item.document_id is None and item.error is not None
    assert item.error.code == "unsafe_archive"
    assert "bomb" in item.error.message_en.lower()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0
        assert s.scalar(select(func.count()).select_from(BatchItem)) == 1
    assert not any((Path(os.environ["DIGITIZE_HOME"]) / "objects").rglob("originals/*/*"))


def test_zip_member_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGITIZE_MAX_ZIP_MEMBERS", "3")
    reset_settings()
    many = _zip(tmp_path / "many.zip", {f"{i}.pdf": tiny_pdf(str(i)) for i in range(5)})
    report = ingest_paths([many])
    assert [i.error.code for i in report.items if i.error] == ["unsafe_archive"]
    assert "too many" in report.items[0].error.message_en  # type: ignore[union-attr]

    monkeypatch.setenv("DIGITIZE_MAX_ZIP_TOTAL_BYTES", "1000")
    monkeypatch.setenv("DIGITIZE_MAX_ZIP_MEMBERS", "100")
    reset_settings()
    big = _zip(tmp_path / "big.zip", {"x.pdf": os.urandom(2000)})
    report = ingest_paths([big])
    assert report.items[0].error is not None and "expands" in report.items[0].error.message_en


def test_lying_zip_header_is_caught_while_extracting(tmp_path: Path) -> None:
    """A member whose header claims a small size but inflates to more is cut off, not written whole."""
    from digitize.config import get_settings

    data = b"%PDF-1.4 " + b"A" * 50_000
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("x.pdf", data)
    raw = bytearray(buf.getvalue())
    # patch the uncompressed size in the central directory to 100 bytes
    cd = raw.rfind(b"PK\x01\x02")
    raw[cd + 24 : cd + 28] = (100).to_bytes(4, "little")
    path = tmp_path / "liar.zip"
    path.write_bytes(bytes(raw))
    out = tmp_path / "out"
    out.mkdir()
    results = list(safe_extract(path, out, get_settings()))
    assert len(results) == 1
    _name, extracted, error = results[0]
    assert extracted is None and error is not None
    assert list(out.iterdir()) == []


def test_missing_path_and_unknown_type_do_not_fail_the_batch(database: str, tmp_path: Path) -> None:
    good = tmp_path / "g.pdf"
    good.write_bytes(tiny_pdf("g"))
    junk = tmp_path / "notes.txt"
    junk.write_text("not a scan")
    report = ingest_paths([tmp_path / "nope.pdf", junk, good])
    assert report.items[0].document_id is None and report.items[0].error is not None
    assert report.items[0].error.code == "not_found"
    # not a scan by content: refused with its reason (its bytes quarantined); the rest goes on
    assert report.items[1].document_id is None and report.items[1].error is not None
    assert report.items[1].error.code == "unsupported_type"
    assert report.items[2].document_id is not None


@pytest.mark.parametrize("split", [False, True], ids=["document", "stack"])
def test_a_document_is_never_committed_without_its_batch_item(
    database: str, tmp_path: Path, split: bool
) -> None:
    """The document (or stack) and its batch item are one transaction: when the item cannot be recorded
    (here its batch was deleted meanwhile; in the field, the process was killed between the two), the
    document is not left behind either. On SQLite the ``begin_nested`` that guards against a concurrent
    insert used to open the transaction itself, and its RELEASE committed the document alone."""
    from sqlalchemy.exc import IntegrityError

    from digitize.ingest import Ingestor, create_batch
    from digitize.store.models import Batch, Stack

    (scan,) = [p for p in _files(tmp_path) if p.suffix == ".pdf"]
    batch_id = create_batch("sẽ bị xoá")
    ingestor = Ingestor(batch_id, split=split)
    with db.session() as s:
        s.delete(s.get(Batch, batch_id))
    with pytest.raises(IntegrityError):
        ingestor.add_file(scan, filename=scan.name)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0
        assert s.scalar(select(func.count()).select_from(Stack)) == 0
        assert s.scalar(select(func.count()).select_from(BatchItem)) == 0
    # stored properly afterwards: the same file in a live batch is a new document (nothing half-stored
    # made it a "duplicate")
    report = ingest_paths([scan], split=split)
    assert [i.duplicate for i in report.items] == [False]


def test_member_names_lose_their_control_characters(database: str, tmp_path: Path) -> None:
    """A ZIP member's (or a hot-folder file's) name is the sender's, like an upload's: it reaches a
    Content-Disposition header, a terminal, a batch page. Control characters (CR LF, ESC, C1) are dropped
    when it is recorded, as the API's uploads already do."""
    archive = _zip(
        tmp_path / "ten.zip",
        {"quyet\r\nSet-Cookie: a=b\x1b[2K\u009b.pdf": tiny_pdf("ten"), "x\r\n.html": b"<html></html>"},
    )
    report = ingest_paths([archive])
    names = sorted(i.filename for i in report.items)
    assert names == ["ten.zip/quyetSet-Cookie: a=b[2K.pdf", "ten.zip/x.html"], names
    with db.session() as s:
        stored = s.scalars(select(Document.original_filename)).all()
        recorded = s.scalars(select(BatchItem.filename)).all()
    for name in [*stored, *recorded]:
        assert not any(ch in name for ch in "\r\n\x1b\u009b"), repr(name)
