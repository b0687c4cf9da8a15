"""Statistics (web reports): indexes on the dates they count by — processed, reviewed, signed — with the
type, so that a year's figures are read from the index instead of every document (0.4-0.6 s at 100,000).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_documents_processed", "documents", ["processed_at", "type_folded", "state"])
    op.create_index("ix_documents_reviewed", "documents", ["reviewed_at", "type_folded"])
    op.create_index("ix_signatures_signed_at", "signatures", ["signed_at", "document_id"])


def downgrade() -> None:
    op.drop_index("ix_signatures_signed_at", table_name="signatures")
    op.drop_index("ix_documents_reviewed", table_name="documents")
    op.drop_index("ix_documents_processed", table_name="documents")
