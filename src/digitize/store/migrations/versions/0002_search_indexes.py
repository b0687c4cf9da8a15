"""Listing and filtering without joins: validity dates copied onto documents, and their indexes.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("valid_from", sa.Date(), nullable=True))
    op.add_column("documents", sa.Column("valid_until", sa.Date(), nullable=True))
    op.add_column("documents", sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE documents SET"
        " valid_from = (SELECT v.valid_from FROM validity v WHERE v.document_id = documents.id),"
        " valid_until = (SELECT v.valid_until FROM validity v WHERE v.document_id = documents.id),"
        " ended_at = (SELECT CASE WHEN v.status <> 'active' THEN v.revoked_at END FROM validity v"
        " WHERE v.document_id = documents.id)"
    )
    op.create_index("ix_documents_created_at", "documents", ["created_at"])
    op.create_index("ix_documents_type_created", "documents", ["type_folded", "created_at"])
    op.create_index(
        "ix_documents_type_validity", "documents", ["type_folded", "valid_from", "valid_until", "ended_at"]
    )
    op.create_index("ix_documents_validity", "documents", ["valid_from", "valid_until", "ended_at"])


def downgrade() -> None:
    for name in (
        "ix_documents_validity",
        "ix_documents_type_validity",
        "ix_documents_type_created",
        "ix_documents_created_at",
    ):
        op.drop_index(name, table_name="documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("ended_at")
        batch.drop_column("valid_until")
        batch.drop_column("valid_from")
