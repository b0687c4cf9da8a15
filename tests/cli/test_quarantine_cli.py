"""``digitize quarantine list|show|release|delete``: what an administrator can do with refused uploads, each
action audited; a release goes through the same door as any upload."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from digitize.cli import main
from digitize.content import quarantine_key
from digitize.errors import CorruptInput
from digitize.ingest import ingest_paths
from digitize.services.quarantine import QuarantineState, release_item
from digitize.store import db
from digitize.store.models import AuditEntry, Document
from digitize.store.objects import get_object_store, original_key
from tests.support.scans import tiny_pdf

HTML = b"<html><script>alert(1)</script></html>"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _actions() -> list[str]:
    with db.session() as s:
        return [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_list_show_save_delete(digitize_home: Path, tmp_path: Path) -> None:
    cut = tiny_pdf("cut")[:300]
    (tmp_path / "scan_0002.html").write_bytes(HTML)
    (tmp_path / "cut.pdf").write_bytes(cut)
    ingest_paths([tmp_path / "scan_0002.html", tmp_path / "cut.pdf"])
    html_sha, cut_sha = (hashlib.sha256(d).hexdigest() for d in (HTML, cut))

    code, out, _ = run("quarantine", "list", "--json")
    assert code == 0
    listed = json.loads(out)
    assert listed["total"] == 2
    by = {i["sha256"]: i for i in listed["items"]}
    assert by[html_sha]["reason"] == "unsupported_type" and by[html_sha]["filenames"] == ["scan_0002.html"]
    assert by[cut_sha]["reason"] == "corrupt_input" and by[cut_sha]["size"] == len(cut)
    assert all(i["state"] == "held" for i in listed["items"])

    code, out, _ = run("quarantine", "list")
    assert code == 0 and html_sha in out and "scan_0002.html" in out

    saved = tmp_path / "out" / "inspect.bin"
    saved.parent.mkdir()
    code, out, _ = run("quarantine", "show", html_sha, "--save", str(saved))
    assert code == 0 and "unsupported_type" in out
    assert saved.read_bytes() == HTML and saved.stat().st_mode & 0o077 == 0
    assert run("quarantine", "show", html_sha, "--save", str(saved))[0] != 0  # never overwrites
    assert run("quarantine", "show", "../../etc/passwd")[0] != 0  # a sha256, nothing else
    assert run("quarantine", "show", "0" * 64)[0] != 0

    assert run("quarantine", "delete", html_sha, "--reason", "  ")[0] != 0  # a reason is required
    code, out, _ = run("quarantine", "delete", html_sha, "--reason", "trang HTML, không phải bản quét")
    assert code == 0
    assert not get_object_store().exists(quarantine_key(html_sha))
    assert run("quarantine", "delete", html_sha, "--reason", "again")[0] != 0  # already deleted
    assert json.loads(run("quarantine", "list", "--json")[1])["total"] == 1
    every = json.loads(run("quarantine", "list", "--all", "--json")[1])
    assert {i["sha256"]: i["state"] for i in every["items"]} == {html_sha: "deleted", cut_sha: "held"}
    actions = _actions()
    assert "quarantine.save" in actions and "quarantine.delete" in actions


def test_release_goes_through_the_same_door(
    digitize_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # refused under a limit of this home (pixels), released once the limit is raised
    from PIL import Image

    from digitize.config import reset_settings

    big = tmp_path / "big.png"
    Image.new("L", (400, 300), 255).save(big)
    monkeypatch.setenv("DIGITIZE_MAX_IMAGE_PIXELS", "1000")
    reset_settings()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(tiny_pdf("cut")[:300])
    report = ingest_paths([big, cut])
    assert report.document_ids == []
    sha = hashlib.sha256(big.read_bytes()).hexdigest()
    assert [i.error.code for i in report.items if i.error] == ["input_too_large", "corrupt_input"]
    with pytest.raises(Exception) as still:
        release_item(sha, by="cli")
    assert "cách ly" in str(still.value)
    monkeypatch.setenv("DIGITIZE_MAX_IMAGE_PIXELS", "200000000")
    reset_settings()
    item, _batch = release_item(sha, by="cli")
    assert item.state is QuarantineState.RELEASED and item.document_id
    assert get_object_store().exists(original_key(sha)) and not get_object_store().exists(quarantine_key(sha))
    with db.session() as s:
        assert s.get(Document, item.document_id) is not None
    # bytes that do not open stay held
    with pytest.raises(CorruptInput):
        release_item(hashlib.sha256(cut.read_bytes()).hexdigest(), by="cli")
    assert "quarantine.release" in _actions()


@pytest.mark.parametrize("name", ["..", ".", "a\x00b.png", "x" * 300 + ".png", "../../etc/passwd"])
def test_release_of_a_file_uploaded_under_a_hostile_name(
    digitize_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The name an upload came under is the sender's: the release works on a name of its own (nothing written
    outside its temporary folder, no crash), and the document keeps the name it was sent under."""
    from PIL import Image

    from digitize.config import reset_settings
    from digitize.ingest import Ingestor, create_batch

    big = tmp_path / "big.png"
    Image.new("L", (400, 300), 255).save(big)
    monkeypatch.setenv("DIGITIZE_MAX_IMAGE_PIXELS", "1000")
    reset_settings()
    added = Ingestor(create_batch("hostile names", actor="test"), actor="test").add_file(big, filename=name)
    assert added.error is not None and added.error.code == "input_too_large"
    monkeypatch.setenv("DIGITIZE_MAX_IMAGE_PIXELS", "200000000")
    reset_settings()
    item, _batch = release_item(hashlib.sha256(big.read_bytes()).hexdigest(), by="cli")
    assert item.state is QuarantineState.RELEASED and item.document_id
    assert not (digitize_home / "etc").exists() and list((digitize_home / "tmp").iterdir()) == []


def test_list_and_show_print_the_senders_names_without_escape_sequences(digitize_home: Path) -> None:
    """A name from a ZIP member or the scanners' share can carry ESC sequences: on the administrator's
    terminal they could erase the line of an item (hide it) or print another."""
    from digitize.ingest import Ingestor, create_batch

    hostile = "hoa-don\x1b[2K\r\x1b[1A\u009b2K.html"
    tmp = digitize_home / "in.html"
    tmp.write_bytes(HTML)
    Ingestor(create_batch("names", actor="test"), actor="test").add_file(tmp, filename=hostile)
    sha = hashlib.sha256(HTML).hexdigest()
    for args in (("quarantine", "list"), ("quarantine", "show", sha)):
        code, out, _err = run(*args)
        assert code == 0 and sha in out
        assert not any(ch in out for ch in "\x1b\r\u009b"), repr(out)
        assert "hoa-don[2K[1A2K.html" in out
