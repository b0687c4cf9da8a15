"""Engine and sessions (SQLAlchemy 2) from ``Settings.effective_database_url``, and schema upgrades (Alembic).

SQLite (the embedded default) runs in WAL mode with a busy timeout and foreign keys on; PostgreSQL goes
through psycopg 3 (``postgresql+psycopg://``; a bare ``postgresql://`` URL is given that driver).

Every command that needs the database calls :func:`session` / :func:`get_engine`, which bring the schema up
to date on first use in the process (``digitize db upgrade`` does it explicitly).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import CursorResult, Result, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from digitize.config import Settings, get_settings
from digitize.errors import ServiceUnavailable

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_lock = threading.RLock()
_engines: dict[tuple[int, str], Engine] = {}
_upgraded: set[tuple[int, str]] = set()


def normalize_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` → ``postgresql+psycopg://`` (we ship psycopg 3)."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def is_sqlite(url_or_engine: str | Engine) -> bool:
    url = url_or_engine if isinstance(url_or_engine, str) else str(url_or_engine.url)
    return url.startswith("sqlite")


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA cache_size=-32768")  # 32 MiB of page cache (the default 2 MiB thrashes on search)
    cur.execute("PRAGMA mmap_size=268435456")
    cur.close()


def _sqlite_begin_before_savepoint(conn: Connection, _name: str | None) -> None:
    """pysqlite opens its transaction only before an INSERT/UPDATE/DELETE, so a SAVEPOINT met first (a
    ``begin_nested`` after only reads) would itself open the transaction and its RELEASE would COMMIT it:
    what the savepoint wrote would be durable before the rest of the session's work (a document stored
    without its batch item when the process dies between the two). Open the real transaction first, so the
    session commits or rolls back as one; IMMEDIATE because the savepoint is there to write."""
    dbapi_conn = conn.connection.dbapi_connection
    if dbapi_conn is not None and not dbapi_conn.in_transaction:
        dbapi_conn.execute("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """A new engine for ``url`` (SQLite pragmas applied on every connection)."""
    url = normalize_url(url)
    if is_sqlite(url):
        db_path = make_url(url).database
        if db_path and db_path != ":memory:":
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "savepoint", _sqlite_begin_before_savepoint)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def get_engine(settings: Settings | None = None, *, upgrade: bool = True) -> Engine:
    """The process's engine for the configured database (one per process and URL; fork-safe)."""
    settings = settings or get_settings()
    url = normalize_url(settings.effective_database_url)
    key = (os.getpid(), url)
    with _lock:
        engine = _engines.get(key)
        if engine is None:
            engine = make_engine(url)
            _engines[key] = engine
        if upgrade and key not in _upgraded:
            upgrade_schema(engine)
            _upgraded.add(key)
    return engine


def dispose_all() -> None:
    """Close every engine of this process (tests; after fork the child starts afresh anyway)."""
    with _lock:
        for key, engine in list(_engines.items()):
            if key[0] == os.getpid():
                engine.dispose()
            del _engines[key]
        _upgraded.clear()


def session_factory(settings: Settings | None = None) -> sessionmaker[Session]:
    return sessionmaker(bind=get_engine(settings), expire_on_commit=False)


def rows_changed(result: Result[Any]) -> int:
    """The rows an UPDATE or DELETE changed (a conditional UPDATE is how a claim is won: 1 won, 0 lost)."""
    return int(cast("CursorResult[Any]", result).rowcount or 0)


@contextmanager
def session(settings: Settings | None = None) -> Iterator[Session]:
    """A session in a transaction: committed at the end of the block, rolled back on error."""
    try:
        factory = session_factory(settings)
    except OperationalError as exc:
        raise ServiceUnavailable(
            "Không kết nối được cơ sở dữ liệu.", "The database is unreachable.", reason=str(exc.orig)
        ) from exc
    with factory() as s:
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise


def alembic_config(url: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Bring the schema of ``engine``'s database up to ``revision`` (idempotent)."""
    from alembic import command

    cfg = alembic_config(str(engine.url.render_as_string(hide_password=False)))
    try:
        with _sqlite_file_lock(engine), engine.begin() as conn:
            if not is_sqlite(engine) and _postgres_lock_supported(conn):
                # Several processes starting at once: one migrates, the others wait.
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(727400101)")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except OperationalError as exc:
        raise ServiceUnavailable(
            "Không kết nối được cơ sở dữ liệu.", "The database is unreachable.", reason=str(exc.orig)
        ) from exc


@contextmanager
def _sqlite_file_lock(engine: Engine) -> Iterator[None]:
    """Several processes starting at once on one SQLite file: one migrates, the others wait."""
    db_path = engine.url.database if is_sqlite(engine) else None
    if not db_path or db_path == ":memory:":
        yield
        return
    import fcntl

    with open(f"{db_path}.migrate.lock", "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _postgres_lock_supported(conn: Any) -> bool:
    return bool(conn.dialect.name == "postgresql")


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
