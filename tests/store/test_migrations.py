"""The Alembic migrations build exactly the schema the models describe (SQLite and PostgreSQL)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from digitize.store import db
from digitize.store.models import Base


def _ours(diff: object) -> bool:
    """Differences that are not drift: the full-text index is made by raw SQL (FTS5 tables on SQLite, the
    generated ``tsv`` column and its GIN index on PostgreSQL)."""
    text = repr(diff)
    return "search_fts" not in text and "ix_search_entries_tsv" not in text and "'tsv'" not in text


def test_migrations_match_the_models(database: str) -> None:
    engine = db.get_engine()  # upgrades to head
    head = ScriptDirectory.from_config(db.alembic_config(str(engine.url))).get_current_head()
    assert head is not None and db.current_revision(engine) == head
    with engine.connect() as conn:
        diffs = [d for d in compare_metadata(MigrationContext.configure(conn), Base.metadata) if _ours(d)]
    assert diffs == []
    with engine.connect() as conn:
        names = {ix["name"] for ix in inspect(conn).get_indexes("documents")}
    assert {"ix_documents_processed", "ix_documents_reviewed"} <= names
