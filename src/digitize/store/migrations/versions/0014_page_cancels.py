"""A page's count of runs that Celery cancelled when its worker lost the broker connection
(``pages.cancels``): such a run is given back uncounted, at most ``page_max_attempts`` times per page, so a
page whose run brings its worker's broker connection down every time still ends failed.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("pages") as batch:
        batch.add_column(sa.Column("cancels", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("pages") as batch:
        batch.drop_column("cancels")
