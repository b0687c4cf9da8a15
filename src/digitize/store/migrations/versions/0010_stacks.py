"""Stack scans split into documents (issue 15): the stack kept whole, each page's role in the split, and which
stack pages every derived document came from.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stacks",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("original_filename", sa.String(length=1000), nullable=False),
        sa.Column("original_key", sa.String(length=300), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("error_code", sa.String(length=64), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("page_count", sa.Integer(), nullable=True),
        sa.Column("pages_examined", sa.Integer(), nullable=False),
        sa.Column("claimed_by", sa.String(length=200), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        sa.Column("split_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_by", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stacks")),
        sa.UniqueConstraint("sha256", name=op.f("uq_stacks_sha256")),
    )
    op.create_index(op.f("ix_stacks_state"), "stacks", ["state"], unique=False)
    op.create_table(
        "stack_pages",
        sa.Column("stack_id", sa.String(length=32), nullable=False),
        sa.Column("index", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["stack_id"], ["stacks.id"], name=op.f("fk_stack_pages_stack_id_stacks"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_stack_pages_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("stack_id", "index", name=op.f("pk_stack_pages")),
    )
    op.create_index(op.f("ix_stack_pages_document_id"), "stack_pages", ["document_id"], unique=False)
    op.add_column("documents", sa.Column("stack_id", sa.String(length=32), nullable=True))
    op.create_index(op.f("ix_documents_stack_id"), "documents", ["stack_id"], unique=False)
    op.add_column("batch_items", sa.Column("stack_id", sa.String(length=32), nullable=True))
    op.create_index(op.f("ix_batch_items_stack_id"), "batch_items", ["stack_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_batch_items_stack_id"), table_name="batch_items")
    with op.batch_alter_table("batch_items") as batch:
        batch.drop_column("stack_id")
    op.drop_index(op.f("ix_documents_stack_id"), table_name="documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("stack_id")
    op.drop_index(op.f("ix_stack_pages_document_id"), table_name="stack_pages")
    op.drop_table("stack_pages")
    op.drop_index(op.f("ix_stacks_state"), table_name="stacks")
    op.drop_table("stacks")
