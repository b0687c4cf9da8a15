"""The backup procedure of docs/preservation.md, run for real: the database first (pg_dump -Fc on
PostgreSQL, SQLite's online backup API), then the write-once objects; restored into a new home, the records
are the same and the fixity audit finds every object."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from digitize.preservation.fixity import audit_objects
from digitize.store import db
from tests.preservation.test_roundtrip import build_store, snapshot, use_home
from tests.support.databases import fresh_postgres_database


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_backup_and_restore(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signing: Path
) -> None:
    src_db = os.environ.get("DIGITIZE_DATABASE_URL") if database == "postgres" else None
    use_home(monkeypatch, tmp_path / "live", src_db, None, "")
    ids = build_store(tmp_path)
    before = snapshot(ids)
    backup = tmp_path / "backup"
    backup.mkdir()

    # 1. the database (while the service could be running)
    if src_db:
        subprocess.run(["pg_dump", "-Fc", "-f", str(backup / "digitize.dump"), _libpq(src_db)], check=True)
    else:
        live = sqlite3.connect(tmp_path / "live" / "digitize.db")
        copy = sqlite3.connect(backup / "digitize.db")
        with copy:
            live.backup(copy)
        copy.close()
        live.close()
    # 2. then the objects (write-once: whatever the dump references was written before it)
    shutil.copytree(tmp_path / "live" / "objects", backup / "objects")

    # disaster: the live home is gone
    db.dispose_all()
    shutil.rmtree(tmp_path / "live")

    with contextlib.ExitStack() as stack:
        restored_db = None
        if src_db:
            restored_db = stack.enter_context(fresh_postgres_database("dgz_restore"))
            subprocess.run(
                ["pg_restore", "--no-owner", "-d", _libpq(restored_db), str(backup / "digitize.dump")],
                check=True,
            )
        home = tmp_path / "restored"
        home.mkdir()
        if not src_db:
            shutil.copy(backup / "digitize.db", home / "digitize.db")
        shutil.copytree(backup / "objects", home / "objects")
        use_home(monkeypatch, home, restored_db, None, "")
        assert snapshot(ids) == before
        report = audit_objects()
        assert report.ok and report.checked == 5  # 4 variants + the stack scan
        db.dispose_all()
