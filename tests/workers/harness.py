"""Real services for the worker tests: a private redis-server, a TCP proxy that can cut the workers off
PostgreSQL, ``digitize worker`` subprocesses, and generated page images (fresh PostgreSQL databases come
from ``tests.support.databases``).

Everything is on loopback, on ports chosen by the kernel, with names unique to the test run, so tests run
in parallel (pytest-xdist) without meeting each other.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
SYSTEM_REDIS = os.environ.get("DIGITIZE_TEST_REDIS", "redis://127.0.0.1:6379")
RABBIT_URL = os.environ.get("DIGITIZE_TEST_AMQP", "amqp://guest:guest@127.0.0.1:5672//")
FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def port_open(host: str, port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
        return True
    return False


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


# --- Redis ------------------------------------------------------------------------------------------
class RedisServer:
    """A private redis-server on a free port that a test may kill and restart (same port)."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        exe = shutil.which("redis-server")
        if exe is None:
            pytest.skip("redis-server is not installed")
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [
                exe,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
                "--protected-mode",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not port_open("127.0.0.1", self.port):
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def stop(self) -> None:
        self.kill()


# --- a TCP proxy that can refuse and cut connections ---------------------------------------------------
class TcpProxy:
    """127.0.0.1:<port> → target. ``outage()`` closes every connection and refuses new ones for a while."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(128)
        self.port = int(self.listener.getsockname()[1])
        self._down = threading.Event()
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._socks: set[socket.socket] = set()
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    def _accept_loop(self) -> None:
        self.listener.settimeout(0.2)
        while not self._closed.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self._down.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._socks.update((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
                with self._lock:
                    self._socks.discard(s)

    def cut(self) -> None:
        """Refuse new connections and reset the open ones."""
        self._down.set()
        with self._lock:
            socks = list(self._socks)
        for s in socks:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def restore(self) -> None:
        self._down.clear()

    def close(self) -> None:
        self.cut()
        self._closed.set()
        self.listener.close()


# --- worker processes -------------------------------------------------------------------------------
class Worker:
    """``digitize worker`` in its own process group (so SIGKILL takes the pool processes too)."""

    def __init__(self, env: dict[str, str], name: str, log: Path, concurrency: int = 1) -> None:
        self.name = name
        self.log = log
        self._fh = log.open("ab")
        self.proc = subprocess.Popen(
            [
                str(VENV_BIN / "digitize"),
                "worker",
                "--concurrency",
                str(concurrency),
                "--loglevel",
                "INFO",
                "--hostname",
                f"{name}@%h",
            ],
            env=env,
            cwd=str(REPO),
            stdout=self._fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def sigkill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            # SIGTERM to the main process: a warm shutdown that ends and reaps its pool processes
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.sigkill()
        # the pool processes too, should any outlive their parent
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self._fh.close()


def worker_env(
    *, database_url: str, broker_url: str, home: Path, queue: str, extra: dict[str, str] | None = None
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIGITIZE_")}
    env.update(
        {
            "DIGITIZE_HOME": str(home),
            "DIGITIZE_DATABASE_URL": database_url,
            "DIGITIZE_BROKER_URL": broker_url,
            "DIGITIZE_QUEUE_NAME": queue,
            "DIGITIZE_BROKER_KEY_PREFIX": f"{queue}:",
            "DIGITIZE_STORAGE_URL": (home / "objects").as_uri(),
            "OMP_THREAD_LIMIT": "1",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra or {})
    return env


def delete_redis_keys(url: str, prefix: str) -> int:
    """Remove what a test left in a shared Redis (every key under its prefix)."""
    import redis

    client = redis.Redis.from_url(url, socket_timeout=3)
    try:
        keys = list(client.scan_iter(match=f"{prefix}*", count=500))
        return int(client.delete(*keys)) if keys else 0
    finally:
        client.close()


def delete_amqp_queue(url: str, queue: str) -> None:
    """Remove a test's queue and exchange from a shared RabbitMQ."""
    from kombu import Connection

    with contextlib.suppress(Exception), Connection(url, connect_timeout=3) as conn:
        channel = conn.default_channel
        channel.queue_delete(queue)
        channel.exchange_delete(queue)


# --- generated scans ------------------------------------------------------------------------------------
LINES = [
    "UỶ BAN NHÂN DÂN TỈNH YÊN BÁI",
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "GIẤY PHÉP TIẾN HÀNH CÔNG VIỆC BỨC XẠ",
    "Số: {n}/GP-SKHCN",
    "Cấp cho: Công ty TNHH Số {n}",
    "Mã số thuế: 5200{n:06d}",
    "Trang {p} của {total}",
]


def make_document(path: Path, n: int, pages: int, dpi: int = 150) -> Path:
    """A small scanned document (multi-page TIFF) with Vietnamese text; unique content per ``n``."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONT), 28)
    width, height = int(8.27 * dpi), int(5.0 * dpi)  # A4 wide, half height: quick to OCR
    images = []
    for p in range(pages):
        img = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(img)
        y = 60
        for line in LINES:
            draw.text((80, y), line.format(n=n, p=p + 1, total=pages), font=font, fill=0)
            y += 50
        images.append(img)
    images[0].save(
        path,
        format="TIFF",
        save_all=True,
        append_images=images[1:],
        dpi=(dpi, dpi),
        compression="tiff_deflate",
    )
    return path
