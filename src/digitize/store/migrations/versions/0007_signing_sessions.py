"""Signing where the key stays with its holder (issue 13): certificates registered to people and keys, and
signing sessions (hash out, signature in) that survive a restart.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "signing_certificates",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("owner_kind", sa.String(length=10), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("serial", sa.String(length=100), nullable=False),
        sa.Column("not_after", sa.DateTime(timezone=True), nullable=True),
        sa.Column("pem", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signing_certificates")),
        sa.UniqueConstraint("fingerprint", "owner_kind", "owner", name="uq_signing_certificates_owner"),
    )
    op.create_index(
        op.f("ix_signing_certificates_fingerprint"), "signing_certificates", ["fingerprint"], unique=False
    )
    op.create_table(
        "signing_sessions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("document_id", sa.String(length=32), nullable=False),
        sa.Column("owner_kind", sa.String(length=10), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("certificate_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("already_signed", sa.Boolean(), nullable=False),
        sa.Column("prepared_key", sa.String(length=300), nullable=False),
        sa.Column("digest", sa.String(length=100), nullable=False),
        sa.Column("signature_algorithm", sa.String(length=20), nullable=False),
        sa.Column("state_data", sa.JSON(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("signature_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_signing_sessions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signing_sessions")),
    )
    op.create_index(
        op.f("ix_signing_sessions_document_id"), "signing_sessions", ["document_id"], unique=False
    )
    op.create_index(op.f("ix_signing_sessions_owner"), "signing_sessions", ["owner"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_signing_sessions_owner"), table_name="signing_sessions")
    op.drop_index(op.f("ix_signing_sessions_document_id"), table_name="signing_sessions")
    op.drop_table("signing_sessions")
    op.drop_index(op.f("ix_signing_certificates_fingerprint"), table_name="signing_certificates")
    op.drop_table("signing_certificates")
