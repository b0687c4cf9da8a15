"""The hot folder: a file is taken once it stops growing, stored once, moved to processed/ or failed/ (with
its reason); files left half-taken by a stopped run are finished without being taken twice; and ``digitize
serve`` watching a folder, killed while 20 files are dropped and started again, stores and processes each
file once."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from digitize.ingest import ingest_paths
from digitize.services.hotfolder import STATE_DIR, HotFolder, Outcome
from digitize.store import db
from digitize.store.db import dispose_all
from digitize.store.models import BatchItem, Document
from tests.support.scans import make_licence

DIGITIZE = Path(sys.executable).with_name("digitize")


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file())


def test_taken_once_settled_and_moved(digitize_home: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    hot = HotFolder(inbox, settle=5.0)
    scan = make_licence(tmp_path / "a.png", 1, "Nguyễn Văn An", "0101234567")
    growing = inbox / "scan.png"
    data = scan.read_bytes()
    growing.write_bytes(data[: len(data) // 2])
    assert hot.scan(now=0.0) == []  # first sight
    growing.write_bytes(data)  # still being written: size changed
    assert hot.scan(now=10.0) == []
    assert hot.scan(now=12.0) == []  # not settled long enough yet
    (inbox / ".partial.png").write_bytes(b"x")  # a scanner's temporary file: left alone
    (inbox / "notes.txt").write_text("không phải bản quét")
    hot.scan(now=13.0)
    taken = hot.scan(now=20.0)
    assert [(t.name, t.outcome) for t in taken] == [
        ("notes.txt", Outcome.FAILED),
        ("scan.png", Outcome.PROCESSED),
    ]
    assert _files(inbox / "processed") == ["scan.png"]
    assert _files(inbox / "failed") == ["notes.txt", "notes.txt.reason.txt"]
    reason = (inbox / "failed" / "notes.txt.reason.txt").read_text(encoding="utf-8")
    assert "PDF, JPEG, PNG, TIFF" in reason
    assert _files(inbox) == [".partial.png"]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1
    # the same name again later: kept beside the first, and the same content is the same document
    (inbox / "scan.png").write_bytes(data)
    hot.scan(now=30.0)
    hot.scan(now=40.0)
    assert _files(inbox / "processed") == ["scan (2).png", "scan.png"]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1


def test_recover_finishes_half_taken_files_without_taking_twice(digitize_home: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    taking = inbox / STATE_DIR / "taking"
    taking.mkdir(parents=True)
    stored = make_licence(taking / "stored.png", 2, "Trần Thị Bình", "0102345678")
    ingest_paths([stored])  # the stopped run stored it but did not move it on
    make_licence(taking / "fresh.png", 3, "Lê Văn Cường", "0103456789")  # moved in, never stored
    hot = HotFolder(inbox)
    got = {t.name: t.outcome for t in hot.recover()}
    assert got == {"stored.png": Outcome.ALREADY_STORED, "fresh.png": Outcome.PROCESSED}
    assert _files(inbox / "processed") == ["fresh.png", "stored.png"] and _files(taking) == []
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 2
        assert s.scalar(select(func.count()).select_from(BatchItem)) == 2  # one item per file, never two


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Server:
    def __init__(self, home: Path, inbox: Path, log: Path) -> None:
        self.home, self.inbox, self.log = home, inbox, log
        self.port = _free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DIGITIZE_")}
        env.update(
            DIGITIZE_HOME=str(self.home),
            DIGITIZE_WATCH_DIR=str(self.inbox),
            DIGITIZE_WATCH_SETTLE_SECONDS="0.5",
        )
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(
                [str(DIGITIZE), "serve", "--port", str(self.port), "--workers", "1"],
                env=env,
                stdout=out,
                stderr=out,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.log.read_text()
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError("server did not start: " + self.log.read_text())

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)


@pytest.mark.slow
def test_twenty_files_dropped_while_the_server_restarts(digitize_home: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    scans = [
        make_licence(tmp_path / f"src{i:02d}.png", 100 + i, "Phạm Văn Dũng", f"01{i:08d}") for i in range(20)
    ]
    server = _Server(digitize_home, inbox, tmp_path / "serve.log")
    server.start()
    try:
        for i, src in enumerate(scans[:10]):  # written in two parts, as a scanner over SMB does
            data = src.read_bytes()
            part = inbox / f"scan{i:02d}.png"
            with open(part, "wb") as fh:
                fh.write(data[: len(data) // 2])
                fh.flush()
                time.sleep(0.15)
                fh.write(data[len(data) // 2 :])
            time.sleep(0.2)
        server.kill()  # mid-way: some files taken, some half-taken, some not seen yet
        for i, src in enumerate(scans[10:], start=10):
            (inbox / f"scan{i:02d}.png").write_bytes(src.read_bytes())
        server.start()
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            dispose_all()
            with db.session() as s:
                done = s.scalar(
                    select(func.count())
                    .select_from(Document)
                    .where(Document.state.in_(("done", "needs_review")))
                )
            if len(_files(inbox / "processed")) == 20 and done == 20:
                break
            time.sleep(1.0)
    finally:
        server.kill()
        dispose_all()
    assert (
        _files(inbox) == [] and _files(inbox / "failed") == [] and _files(inbox / STATE_DIR / "taking") == []
    )
    assert _files(inbox / "processed") == [f"scan{i:02d}.png" for i in range(20)]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 20
        assert s.scalar(select(func.count()).select_from(BatchItem)) == 20  # each file taken once
        states = s.scalars(select(Document.state)).all()
        assert set(states) <= {"done", "needs_review"}


def test_symbolic_links_are_never_followed(digitize_home: Path, tmp_path: Path) -> None:
    """The hot folder is writable by the scanners (and whoever is on their share): a link dropped into it, or
    into its ``.digitize/taking/`` (read at every start), must not make the service store a file it can
    read elsewhere."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    secret = make_licence(tmp_path / "other-department.png", 9, "Trần Văn Bí Mật", "0109999999")
    hot = HotFolder(inbox, settle=1.0)
    (inbox / "link.png").symlink_to(secret)
    hot.scan(now=0.0)
    assert hot.scan(now=5.0) == []  # a link in the folder is left alone
    (hot.taking / "planted.png").symlink_to(secret)
    taken = hot.recover()
    assert [(t.name, t.outcome) for t in taken] == [("planted.png", Outcome.FAILED)]
    assert (inbox / "failed" / "planted.png").is_symlink()
    assert "symbolic link" in (inbox / "failed" / "planted.png.reason.txt").read_text(encoding="utf-8")
    # swapped for a link between the scan that saw a file and the take
    (inbox / "swap.png").write_bytes(secret.read_bytes())
    hot.scan(now=10.0)
    (inbox / "swap.png").unlink()
    (inbox / "swap.png").symlink_to(secret)
    assert [t.outcome for t in [hot._take(inbox / "swap.png")] if t] == [Outcome.FAILED]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0


def test_bytes_changed_in_the_share_while_being_stored_are_not_what_is_stored(
    digitize_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``.digitize/taking/`` is inside the scanners' share: whoever is on it can rewrite a file there while
    the service checks and stores it. What is stored must be the bytes that were checked (a scan that opens,
    under its own sha256), not markup written in after the check."""
    import hashlib

    import digitize.ingest as ingest_mod
    from digitize.store.objects import get_object_store, original_key

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    scan = make_licence(inbox / "scan.png", 3, "Nguyễn Văn A", "0101234567")
    checked = scan.read_bytes()
    hot = HotFolder(inbox, settle=1.0)
    real_check = ingest_mod.check_opens

    def attacker_writes_after_the_check(path: Path, *args: object, **kwargs: object) -> None:
        real_check(path, *args, **kwargs)  # type: ignore[arg-type]
        for planted in hot.taking.iterdir():  # the share's copy, rewritten at that moment
            planted.write_bytes(b"<html><script>alert(1)</script></html>")

    monkeypatch.setattr(ingest_mod, "check_opens", attacker_writes_after_the_check)
    hot.scan(now=0.0)
    taken = hot.scan(now=5.0)
    assert [t.outcome for t in taken] == [Outcome.PROCESSED]
    with db.session() as s:
        doc = s.scalars(select(Document)).one()
        sha = doc.sha256
    stored = get_object_store().read_bytes(original_key(sha))
    assert hashlib.sha256(stored).hexdigest() == sha
    assert stored == checked
