"""Kill ``digitize serve`` (SIGKILL, whole process group) mid-batch; restarted, it finishes every document."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from digitize.store import db
from digitize.store.auth import create_api_key
from digitize.store.db import dispose_all
from digitize.store.models import Document
from tests.support.scans import make_licence

DIGITIZE = Path(sys.executable).with_name("digitize")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, home: Path, log: Path) -> None:
        self.home = home
        self.log = log
        self.port = _free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DIGITIZE_")}
        env["DIGITIZE_HOME"] = str(self.home)
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
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError("server did not start: " + self.log.read_text())

    def kill(self) -> None:
        """SIGKILL the server and its worker processes, as a crash or power cut would."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)


@pytest.fixture
def server(digitize_home: Path, tmp_path: Path) -> Iterator[Server]:
    s = Server(digitize_home, tmp_path / "serve.log")
    yield s
    s.kill()
    dispose_all()


def _states(ids: list[str]) -> dict[str, str]:
    with db.session() as s:
        return dict(s.execute(select(Document.id, Document.state).where(Document.id.in_(ids))).all())  # type: ignore[arg-type]


@pytest.mark.slow
def test_kill_mid_batch_and_restart_finishes_every_document(server: Server, tmp_path: Path) -> None:
    with db.session() as s:
        _, key = create_api_key(s, role="archivist", name="restart test")
    dispose_all()
    holders = [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "Phạm Thị Dung",
        "Hoàng Văn Em",
        "Vũ Thị Gấm",
    ]
    files = []
    for i, name in enumerate(holders):
        p = make_licence(tmp_path / f"s{i}.png", 200 + i, name, f"01000000{i:02d}")
        files.append(("files", (p.name, p.read_bytes(), "image/png")))
    headers = {"Authorization": f"Bearer {key}"}

    server.start()
    r = httpx.post(f"{server.url}/api/v1/batches", files=files, headers=headers, timeout=60)
    assert r.status_code == 201, r.text
    batch_id = r.json()["id"]
    ids = httpx.get(f"{server.url}/api/v1/batches/{batch_id}", headers=headers).json()["documents"]
    assert len(ids) == len(holders)

    # wait until the batch is under way but not finished, then pull the plug
    deadline = time.monotonic() + 120
    while True:
        states = _states(ids)
        finished = [i for i, st in states.items() if st in ("done", "needs_review", "failed")]
        if finished:
            break
        assert time.monotonic() < deadline, states
        time.sleep(0.1)
    server.kill()
    states = _states(ids)
    left = [i for i, st in states.items() if st in ("received", "processing")]
    assert left, "the batch finished before the kill; nothing to resume"

    server.start()
    deadline = time.monotonic() + 180
    while True:
        view = httpx.get(f"{server.url}/api/v1/batches/{batch_id}", headers=headers).json()
        if view["state"] == "done":
            break
        assert time.monotonic() < deadline, view
        time.sleep(0.5)
    states = _states(ids)
    assert all(st in ("done", "needs_review") for st in states.values()), states
    # every document has its pages and its searchable PDF, stored once
    for doc_id in ids:
        rec = httpx.get(f"{server.url}/api/v1/documents/{doc_id}", headers=headers).json()
        assert len(rec["pages"]) == 1 and rec["pages"][0]["text"]
        assert rec["variants"].count("searchable") == 1
