"""Alembic environment: the URL comes from ``Settings`` (or a connection from ``db.upgrade_schema``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from digitize.store.models import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from digitize.store.db import make_engine, normalize_url

    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        from digitize.config import get_settings

        url = get_settings().effective_database_url
    engine = make_engine(normalize_url(url))
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


def run_migrations_offline() -> None:
    from digitize.config import get_settings

    url = context.config.get_main_option("sqlalchemy.url") or get_settings().effective_database_url
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
