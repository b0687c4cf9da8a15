"""Hồ sơ (archival files) within a fonds, and documents' membership of one (issue 16).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "files",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("code", sa.String(200), nullable=False),
        sa.Column("fonds_code", sa.String(100), nullable=True),
        sa.Column("catalogue", sa.String(50), nullable=True),
        sa.Column("number", sa.String(100), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("retention", sa.String(20), nullable=False),
        sa.Column("access", sa.String(20), nullable=False),
        sa.Column("language", sa.String(50), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("sheet_count", sa.Integer(), nullable=True),
        sa.Column("page_count", sa.Integer(), nullable=True),
        sa.Column("info_code", sa.String(100), nullable=True),
        sa.Column("keywords", sa.Text(), nullable=True),
        sa.Column("physical_state", sa.String(200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_files")),
        sa.UniqueConstraint("code", name=op.f("uq_files_code")),
    )
    # No foreign key on documents.file_id: SQLite cannot add one without rebuilding ``documents``, and that
    # rebuild DROPs the table, which with foreign keys on cascades to pages, fields, variants... The files
    # service keeps the reference whole (a hồ sơ with documents is not deleted; ids are checked on assign).
    op.add_column("documents", sa.Column("file_id", sa.String(32), nullable=True))
    op.create_index(op.f("ix_documents_file_id"), "documents", ["file_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_documents_file_id"), table_name="documents")
    op.drop_column("documents", "file_id")
    op.drop_table("files")
