"""Bags that must be refused before anything is written: a changed byte, a missing file, a traversal in a
manifest name, a symbolic link, an oversized file, a file we never write."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from digitize.cli import main
from digitize.config import reset_settings
from digitize.errors import InvalidBag, UnsafeArchive
from digitize.preservation.export import export_store
from digitize.preservation.importing import import_bag
from digitize.store import db
from digitize.store.service import has_documents
from tests.support.store_data import stored_document


@pytest.fixture
def bag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A valid bag of two documents, and a fresh empty home to import into."""
    stored_document(
        tmp_path, "x.pdf", {"type_name": "Giấy phép", "holder_name": "Phạm Thị Dung"}, text="dung"
    )
    stored_document(tmp_path, "y.pdf", {"type_name": "Quyết định"})
    out = tmp_path / "bag"
    export_store(out)
    target = tmp_path / "target"
    target.mkdir()
    monkeypatch.setenv("DIGITIZE_HOME", str(target))
    db.dispose_all()
    reset_settings()
    return out


def _nothing_written() -> None:
    with db.session() as s:
        assert not has_documents(s)


def _rewrite_manifest(bag: Path, old: str, new: str) -> None:
    manifest = bag / "manifest-sha256.txt"
    manifest.write_text(manifest.read_text().replace(old, new))
    # keep the tag manifest consistent, so that only the payload check can catch it
    lines = []
    for line in (bag / "tagmanifest-sha256.txt").read_text().splitlines():
        _sha, name = line.split("  ", 1)
        lines.append(f"{hashlib.sha256((bag / name).read_bytes()).hexdigest()}  {name}")
    (bag / "tagmanifest-sha256.txt").write_text("\n".join(lines) + "\n")


def test_a_valid_bag_imports(bag: Path) -> None:
    assert import_bag(bag).documents == 2


def test_a_changed_byte_is_refused_naming_the_file(bag: Path) -> None:
    record = next((bag / "data/metadata/descriptive/documents").rglob("*.json"))
    data = bytearray(record.read_bytes())
    data[10] ^= 0x20
    record.write_bytes(bytes(data))
    with pytest.raises(InvalidBag) as exc:
        import_bag(bag)
    rel = record.relative_to(bag).as_posix()
    assert rel in exc.value.details["files"]
    _nothing_written()
    result = CliRunner().invoke(main, ["import", str(bag)])
    assert result.exit_code == 65 and rel in result.stderr


def test_a_missing_object_is_refused(bag: Path) -> None:
    obj = next((bag / "data/representations/original/data").rglob("*"))
    while obj.is_dir():
        obj = next(obj.iterdir())
    obj.unlink()
    with pytest.raises(InvalidBag) as exc:
        import_bag(bag)
    assert obj.relative_to(bag).as_posix() in exc.value.details["files"]
    _nothing_written()


@pytest.mark.parametrize(
    "evil", ["data/../../../etc/passwd", "/etc/passwd", "data/representations/original/data/../../../../x"]
)
def test_a_traversal_in_the_manifest_is_refused(bag: Path, evil: str) -> None:
    record = next((bag / "data/metadata/descriptive/documents").rglob("*.json"))
    rel = record.relative_to(bag).as_posix()
    _rewrite_manifest(bag, rel, evil)
    with pytest.raises(UnsafeArchive) as exc:
        import_bag(bag)
    assert evil in str(exc.value.message_en)
    _nothing_written()


def test_a_symlink_is_refused(bag: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for you")
    record = next((bag / "data/metadata/descriptive/documents").rglob("*.json"))
    content = record.read_bytes()
    record.unlink()
    secret.write_bytes(content)  # same bytes: the manifest would even match
    os.symlink(secret, record)
    with pytest.raises(UnsafeArchive, match="symlink"):
        import_bag(bag)
    _nothing_written()


def test_an_oversized_file_is_refused(bag: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGITIZE_IMPORT_MAX_FILE_BYTES", "64")
    reset_settings()
    with pytest.raises(UnsafeArchive, match="too large"):
        import_bag(bag)
    _nothing_written()


def test_a_file_outside_our_layout_is_refused(bag: Path) -> None:
    extra = bag / "data" / "run-me.sh"
    extra.write_text("#!/bin/sh\n")
    with open(bag / "manifest-sha256.txt", "a") as fh:
        fh.write(f"{hashlib.sha256(extra.read_bytes()).hexdigest()}  data/run-me.sh\n")
    _rewrite_manifest(bag, "", "")
    with pytest.raises(UnsafeArchive, match=r"run-me\.sh"):
        import_bag(bag)
    _nothing_written()


def test_not_a_bag_is_refused(bag: Path) -> None:
    (bag / "bagit.txt").unlink()
    with pytest.raises(InvalidBag):
        import_bag(bag)
    shutil.rmtree(bag)
    with pytest.raises(InvalidBag):
        import_bag(bag)
    _nothing_written()


def test_cli_export_and_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = stored_document(tmp_path, "z.pdf", {"type_name": "Giấy phép", "holder_name": "Võ Văn Em"})
    out = tmp_path / "cli-bag"
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--out", str(out), "--format", "aip", "--json"])
    assert result.exit_code == 0, result.output
    assert '"documents": 1' in result.stdout and (out / "data" / "METS.xml").is_file()
    again = runner.invoke(main, ["export", "--out", str(out)])
    assert again.exit_code == 65  # not an empty directory
    monkeypatch.setenv("DIGITIZE_HOME", str(tmp_path / "other"))
    db.dispose_all()
    reset_settings()
    result = runner.invoke(main, ["import", str(out), "--json"])
    assert result.exit_code == 0, result.output
    found = runner.invoke(main, ["search", "vo van em", "--json"])
    assert doc in found.stdout


@pytest.mark.parametrize("how", ["missing", "repeated"])
def test_audit_ids_missing_or_repeated_are_renumbered_not_a_crash(bag: Path, how: str) -> None:
    """A package whose audit rows lack an id, or repeat one, imports whole into an empty store: the table is
    renumbered (kept ids and fresh ones had clashed half-way through: an integrity error, depending on the
    documents' order)."""
    import json

    import bagit
    from sqlalchemy import func, select

    from digitize.preservation import layout
    from digitize.store.models import AuditEntry

    records = sorted((bag / layout.DOCUMENTS_DIR).rglob("*.json"))
    assert len(records) == 2
    ids = []
    for n, record in enumerate(records):
        data = json.loads(record.read_text(encoding="utf-8"))
        audit = data["rows"]["audit"]
        assert audit and all(isinstance(a.get("id"), int) for a in audit)
        if how == "missing" and n == 0:
            audit.append(
                {"at": "2026-01-01T00:00:00+00:00", "actor": "user:x", "action": "note", "detail": None}
            )
        if how == "repeated" and n == 1:
            audit[0]["id"] = ids[0]  # the first document's first audit id, again
        ids += [a.get("id") for a in audit]
        record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    bagit.Bag(str(bag)).save(manifests=True)
    # the missing id's fresh number, were ids kept, is the first record's last id + 1: give it to the second
    if how == "missing":
        first = json.loads(records[0].read_text(encoding="utf-8"))["rows"]["audit"]
        second_path = records[1]
        second = json.loads(second_path.read_text(encoding="utf-8"))
        second["rows"]["audit"][0]["id"] = max(int(a["id"]) for a in first if a.get("id") is not None) + 1
        second_path.write_text(json.dumps(second, ensure_ascii=False), encoding="utf-8")
        bagit.Bag(str(bag)).save(manifests=True)
        ids = [*(a.get("id") for a in first), *(a.get("id") for a in second["rows"]["audit"])]

    report = import_bag(bag)
    assert report.documents == 2
    with db.session() as s:
        imported = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action != "store.import")
        )
    assert imported == len(ids)  # every entry the package held, none lost
