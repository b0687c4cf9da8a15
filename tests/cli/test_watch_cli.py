"""``digitize watch DIR --once``: what the operator reads for each file taken, Vietnamese first."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from digitize.cli import main


def test_watch_once_says_what_became_of_each_file_in_both_languages(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "ghi-chu.txt").write_text("không phải bản quét", encoding="utf-8")
    result = CliRunner().invoke(main, ["watch", str(inbox), "--once", "--settle", "0"])
    assert result.exit_code == 0, result.output
    line = result.stderr.strip()
    assert line.startswith("bị từ chối / refused (failed/): ghi-chu.txt (lô / batch "), line
    assert "PDF, JPEG, PNG" in line  # the reason, in both languages too
    assert sorted(p.name for p in (inbox / "failed").iterdir()) == ["ghi-chu.txt", "ghi-chu.txt.reason.txt"]
