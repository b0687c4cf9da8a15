"""Filter columns copied onto search entries: a text search with filters reads one table, no join.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ("type_folded", "holder_id", "valid_from", "valid_until", "ended_at")


def upgrade() -> None:
    op.add_column("search_entries", sa.Column("type_folded", sa.String(200), nullable=True))
    op.add_column("search_entries", sa.Column("holder_id", sa.String(100), nullable=True))
    op.add_column("search_entries", sa.Column("valid_from", sa.Date(), nullable=True))
    op.add_column("search_entries", sa.Column("valid_until", sa.Date(), nullable=True))
    op.add_column("search_entries", sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True))
    sets = ", ".join(
        f"{c} = (SELECT d.{c} FROM documents d WHERE d.id = search_entries.document_id)" for c in _COLUMNS
    )
    op.execute(f"UPDATE search_entries SET {sets}")
    op.drop_index("ix_search_entries_id_document", table_name="search_entries")
    op.create_index("ix_search_entries_filter", "search_entries", ["id", "document_id", *_COLUMNS])


def downgrade() -> None:
    op.drop_index("ix_search_entries_filter", table_name="search_entries")
    op.create_index("ix_search_entries_id_document", "search_entries", ["id", "document_id"])
    with op.batch_alter_table("search_entries") as batch:
        for c in reversed(_COLUMNS):
            batch.drop_column(c)
