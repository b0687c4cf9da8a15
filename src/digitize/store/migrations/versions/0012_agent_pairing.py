"""Pairing the signing agent by a code shown on the officer's web page (issue 13): the codes (sha256 only,
short-lived, single use) and the user an API key acts for.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agent_pairings",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("code_sha256", sa.String(length=64), nullable=False),
        sa.Column("user_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("key_id", sa.String(length=32), nullable=True),
        sa.Column("device", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agent_pairings")),
        sa.UniqueConstraint("code_sha256", name=op.f("uq_agent_pairings_code_sha256")),
    )
    op.create_index(op.f("ix_agent_pairings_user_name"), "agent_pairings", ["user_name"], unique=False)
    with op.batch_alter_table("api_keys") as batch:
        batch.add_column(sa.Column("user_name", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("api_keys") as batch:
        batch.drop_column("user_name")
    op.drop_index(op.f("ix_agent_pairings_user_name"), table_name="agent_pairings")
    op.drop_table("agent_pairings")
