"""Distributed workers: an index for finding pending pages by lease (the reaper, every few seconds on every
worker) and for counting pages per state (``/metrics``).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_pages_state_lease", "pages", ["state", "lease_until"])


def downgrade() -> None:
    op.drop_index("ix_pages_state_lease", table_name="pages")
