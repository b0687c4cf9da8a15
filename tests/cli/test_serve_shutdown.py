"""``digitize serve`` owns its processes: SIGTERM (or SIGINT) stops it with every child it started (the
embedded pool's worker processes and multiprocessing's resource tracker); none is left behind."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from digitize.processing.machine import pid_alive


def _children(pid: int) -> set[int]:
    """Every live descendant of ``pid``."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry))
    out: set[int] = set()
    todo = [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_with_all_its_children(tmp_path: Path, sig: signal.Signals) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIGITIZE_")}
    env.update({"DIGITIZE_HOME": str(tmp_path / "home"), "DIGITIZE_SHUTDOWN_GRACE_SECONDS": "5"})
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [str(Path(sys.executable).with_name("digitize")), "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # a signal to the test's process group does not reach it
    )
    try:
        deadline = time.monotonic() + 120
        children: set[int] = set()
        while time.monotonic() < deadline:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text(errors="replace")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                    pass
                children = _children(proc.pid)
                if len(children) >= 3:  # two pool workers and the resource tracker
                    break
            except OSError:
                pass
            time.sleep(0.3)
        assert len(children) >= 3, children
        proc.send_signal(sig)
        # uvicorn re-raises the signal after its shutdown (SIGINT: click then reports "Aborted!", exit 1)
        assert proc.wait(timeout=60) in (0, 1, -sig)
        deadline = time.monotonic() + 10
        left = {p for p in children if pid_alive(p)}
        while left and time.monotonic() < deadline:
            time.sleep(0.2)
            left = {p for p in children if pid_alive(p)}
        assert not left, f"left running after {sig.name}: {sorted(left)}"
        # and it stops quietly: no traceback, no semaphores leaked to the resource tracker
        log.flush()
        said = (tmp_path / "serve.log").read_text(errors="replace")
        assert "Traceback" not in said and "leaked" not in said, said[-3000:]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()


def test_serve_on_a_busy_port_says_so_in_words_and_starts_nothing(tmp_path: Path) -> None:
    """A second ``make run`` (port 8000 taken): one line, Vietnamese first, before the app or pool start."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIGITIZE_")}
    env["DIGITIZE_HOME"] = str(tmp_path / "home")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = subprocess.run(
            [str(Path(sys.executable).with_name("digitize")), "serve", "--port", str(port)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert proc.returncode == 64, proc.stderr
    said = proc.stderr
    assert said.startswith(f"digitize: Cổng {port} trên 127.0.0.1 đang được một chương trình khác dùng"), said
    assert f"(Port {port} on 127.0.0.1 is in use" in proc.stderr
    assert "Errno 98" not in proc.stderr and "startup" not in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
