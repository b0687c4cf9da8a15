"""A loopback HTTP listener that records every request it receives (an attacker's target inside our
network: if it hears anything, the guard let a request through)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Listener:
    port: int
    heard: list[tuple[str, str, str]] = field(default_factory=list)  # (method, path, Host header)
    redirect_to: str | None = None
    body: bytes = b"internal secret"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextmanager
def listener(redirect_to: str | None = None, body: bytes = b"internal secret") -> Iterator[Listener]:
    state = Listener(0, redirect_to=redirect_to, body=body)

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            state.heard.append((self.command, self.path, self.headers.get("Host", "")))
            if state.redirect_to:
                self.send_response(302)
                self.send_header("Location", state.redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(state.body)))
            self.end_headers()
            self.wfile.write(state.body)

        do_GET = _answer
        do_POST = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
