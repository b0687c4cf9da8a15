"""``digitize serve --first-run``: schema, samples loaded once, an admin with a password printed once."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner
from sqlalchemy import func, select

from digitize.cli.store import prepare_first_run
from digitize.store import db
from digitize.store.auth import verify_user
from digitize.store.models import Document, User
from tests.support.scans import tiny_pdf


def _run(samples: Path) -> str:
    @click.command()
    def cmd() -> None:
        prepare_first_run(samples)

    result = CliRunner().invoke(cmd, [], catch_exceptions=False)
    assert result.exit_code == 0
    return result.stdout


def test_first_run_loads_samples_and_creates_admin_once(tmp_path: Path) -> None:
    samples = tmp_path / "examples"
    samples.mkdir()
    (samples / "a.pdf").write_bytes(tiny_pdf("sample a"))
    (samples / "b.pdf").write_bytes(tiny_pdf("sample b"))
    (samples / "a.gt.json").write_text('{"fields": {}}')  # ground truth beside a sample: not a document
    out = _run(samples)
    line = next(x for x in out.splitlines() if x.startswith("admin password: "))
    password = line.split(": ", 1)[1]
    with db.session() as s:
        assert verify_user(s, "admin", password).role == "admin"
        assert s.scalar(select(func.count()).select_from(Document)) == 2

    (samples / "c.pdf").write_bytes(tiny_pdf("sample c"))
    out = _run(samples)
    assert "admin password" not in out
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 2  # not loaded again
        assert s.scalar(select(func.count()).select_from(User)) == 1


def test_first_run_without_samples(tmp_path: Path) -> None:
    out = _run(tmp_path / "absent")
    assert "admin password: " in out
