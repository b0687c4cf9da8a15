"""Entry point for Celery: ``celery -A workers.main worker``.

The Celery app is ``digitize.workers.celery_app`` (installed with the wheel); ``digitize worker`` is the usual
way to start one.
"""

from digitize.workers.celery_app import app

__all__ = ["app"]
