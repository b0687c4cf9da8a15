"""Entry point for an ASGI server: ``uvicorn api.main:app``.

The application is ``digitize.api`` (installed with the wheel);
``digitize serve`` is the usual way to start it.
"""

from digitize.api.app import app

__all__ = ["app"]
