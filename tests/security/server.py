"""The app served by a real uvicorn on a loopback port (for attacks that need a real socket: streaming
bodies, simultaneous requests), stopped at the end."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn


@contextmanager
def serve(**config: object) -> Iterator[str]:
    from digitize.api.app import create_app
    from digitize.store.db import dispose_all

    dispose_all()
    server = uvicorn.Server(
        uvicorn.Config(create_app(start_pool=False), host="127.0.0.1", port=0, log_level="warning", **config)  # type: ignore[arg-type]
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(600):  # up to 30 s to start
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)
        dispose_all()
