"""``digitize ingest | status | search | db upgrade | keys create | users create`` end to end."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from digitize.cli import main
from digitize.store import db
from digitize.store.auth import clear_key_cache, verify_api_key, verify_user
from tests.support.scans import make_licence


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_db_upgrade_keys_and_users(digitize_home: Path) -> None:
    code, out, _ = run("db", "upgrade")
    from digitize.store.db import MIGRATIONS_DIR

    heads = sorted(p.name[:4] for p in (MIGRATIONS_DIR / "versions").glob("0*.py"))
    assert code == 0 and heads[-1] in out
    assert (digitize_home / "digitize.db").exists()

    code, out, _err = run(
        "keys",
        "create",
        "--role",
        "agency",
        "--name",
        "Sở Tài chính",
        "--grant",
        "Giấy phép:holder_name,valid_until",
        "--grant",
        "Quyết định",
    )
    assert code == 0
    key = out.strip().splitlines()[-1]
    assert key.startswith("dgz_")
    clear_key_cache()
    with db.session() as s:
        p = verify_api_key(s, key)
    assert p.role == "agency" and p.name == "Sở Tài chính"
    assert {(g.type_name, g.fields) for g in p.grants} == {
        ("Giấy phép", ("holder_name", "valid_until")),
        ("Quyết định", None),
    }

    for group in ("keys", "users"):  # the help names every role the CONTRACT does, clerk (văn thư) too
        _, help_text, _ = run(group, "create", "--help")
        roles = ("archivist", "reviewer", "officer", "clerk", "admin", "agency")
        assert all(role in help_text for role in roles), help_text
    code, _, err = run("keys", "create", "--role", "boss", "--name", "x")
    assert code != 0 and "boss" in err
    code, _, err = run("keys", "create", "--role", "agency", "--name", "x", "--grant", "Giấy phép:nonsense")
    assert code != 0 and "nonsense" in err

    code, _out, _ = run(
        "users",
        "create",
        "--name",
        "lan",
        "--role",
        "reviewer",
        "--password-env",
        "PW",
        env={"PW": "mật khẩu dài"},
    )
    assert code == 0
    with db.session() as s:
        assert verify_user(s, "lan", "mật khẩu dài").role == "reviewer"
    code, _, err = run(
        "users",
        "create",
        "--name",
        "lan",
        "--role",
        "reviewer",
        "--password-env",
        "PW",
        env={"PW": "mật khẩu dài"},
    )
    assert code != 0 and "lan" in err

    # no --password-env: the password is prompted for twice, both prompts in the command's language
    typed = CliRunner().invoke(
        main, ["users", "create", "--name", "mai", "--role", "clerk"], input="mật-khẩu-1\n" * 2
    )
    assert typed.exit_code == 0 and "Mật khẩu:" in typed.output, typed.output
    assert "Nhập lại để xác nhận:" in typed.output and "Repeat" not in typed.output, typed.output
    english = CliRunner().invoke(main, ["--lang", "en", "users", "password", "mai"], input="mật-khẩu-2\n" * 2)
    assert english.exit_code == 0 and "Repeat for confirmation:" in english.output, english.output
    with db.session() as s:
        assert verify_user(s, "mai", "mật-khẩu-2").role == "clerk"


@pytest.mark.slow
def test_ingest_wait_status_search(digitize_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    (folder / "sub").mkdir(parents=True)
    make_licence(folder / "a.png", 7, "Nguyễn Văn An", "0101234567")
    make_licence(folder / "sub" / "b.png", 8, "Phạm Thị Đào", "0400999888", place="Huế")
    (folder / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    code, out, _ = run("ingest", str(folder), "--batch", "Lô CLI", "--wait", "--json", "--workers", "1")
    assert code == 0
    view = json.loads(out)
    assert view["state"] == "done" and len(view["documents"]) == 2
    # a file that only looks like a PDF is refused at the door, with its reason (its bytes quarantined)
    assert [r["error"]["code"] for r in view["rejected"]] == ["corrupt_input"]
    assert view["counts"]["failed"] == 1 and view["counts"]["done"] + view["counts"]["needs_review"] == 2

    code, out, _ = run("status", view["id"], "--json")
    assert json.loads(out)["counts"] == view["counts"]
    code, out, _ = run("status")
    assert code == 0 and view["id"] in out

    code, out, _ = run("search", "pham thi dao", "--json")
    found = json.loads(out)
    assert found["total"] == 1 and found["items"][0]["filename"] == "scans/sub/b.png"
    code, out, _ = run("search", "khong ai ca", "--json")
    assert json.loads(out)["total"] == 0
    code, _, err = run("search", "x", "--valid-on", "31/12/2020")
    assert code == 64 and "YYYY-MM-DD" in err

    # the same folder again: no new document
    code, out, _ = run("ingest", str(folder), "--wait", "--json")
    assert sorted(json.loads(out)["documents"]) == sorted(view["documents"])


@pytest.mark.slow
def test_ingest_without_wait_is_finished_by_a_background_drainer(digitize_home: Path, tmp_path: Path) -> None:
    scan = make_licence(tmp_path / "c.png", 9, "Võ Minh Châu", "0300777666")
    code, out, _ = run("ingest", str(scan), "--json")
    assert code == 0
    view = json.loads(out)
    assert view["state"] in ("queued", "processing", "done")
    deadline = time.monotonic() + 120
    while view["state"] != "done":
        assert time.monotonic() < deadline, view
        time.sleep(0.5)
        view = json.loads(run("status", view["id"], "--json")[1])
    assert view["counts"]["done"] + view["counts"]["needs_review"] == 1


def test_status_prints_states_in_words_vietnamese_first(digitize_home: Path, tmp_path: Path) -> None:
    """``status`` shows states in words (Vietnamese, then English); ``--json`` keeps the ids."""
    from digitize.ingest import ingest_paths
    from digitize.store.models import Document
    from tests.api.signing_helpers import make_pdf

    report = ingest_paths([make_pdf(tmp_path / "a.pdf", "So 1"), make_pdf(tmp_path / "b.pdf", "So 2")])
    with db.session() as s:
        s.get(Document, report.document_ids[0]).state = "needs_review"  # type: ignore[union-attr]

    code, out, _ = run("status")
    assert code == 0 and report.batch_id in out
    assert "Cần kiểm tra / Needs review 1" in out and "Đã nhận / Received 1" in out, out
    assert "Hoàn thành / Done 0" in out and "Lỗi / Failed 0" in out, out
    assert "needs_review" not in out and "received" not in out, out
    code, out, _ = run("status", report.batch_id)
    assert code == 0 and "Cần kiểm tra / Needs review 1" in out and "(2 tài liệu / documents)" in out, out
    code, out, _ = run("status", report.batch_id, "--json")
    assert json.loads(out)["counts"]["needs_review"] == 1
    code, out, _ = run("status", "--json")
    assert json.loads(out)["documents"] == {"needs_review": 1, "received": 1}
