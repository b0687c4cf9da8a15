"""Databases for tests: a SQLite file under the test's home, or a fresh PostgreSQL database per use.

PostgreSQL runs on 127.0.0.1:5432 with trust auth for the role ``postgres``. Each use creates its own
database with a unique name (xdist workers never collide) and drops it afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PG_ADMIN_URL = os.environ.get("DIGITIZE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def postgres_available() -> bool:
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        engine.dispose()
        return True
    except Exception:
        return False


@contextmanager
def fresh_postgres_database(prefix: str = "dgz_test") -> Iterator[str]:
    """Create a new, empty PostgreSQL database; yield its URL; drop it afterwards."""
    import sqlalchemy as sa

    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        from digitize.store.db import dispose_all

        dispose_all()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
