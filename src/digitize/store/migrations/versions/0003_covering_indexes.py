"""Covering indexes for search joins: FTS row → document id → filter columns without reading wide rows.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_search_entries_id_document", "search_entries", ["id", "document_id"])
    op.create_index(
        "ix_documents_filter",
        "documents",
        ["id", "state", "type_folded", "holder_id", "valid_from", "valid_until", "ended_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_documents_filter", table_name="documents")
    op.drop_index("ix_search_entries_id_document", table_name="search_entries")
