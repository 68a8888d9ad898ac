"""exchange: the records each community holds, and the lists' exchange state

``exchange_held`` keeps, at the street office, which records each community site holds, so
a record that enters a community's scope after its own change was sent is sent whole, and
one that leaves it is sent a last time. A site enrolled before this revision has no rows:
its first export takes what its scope holds then as held (nothing is sent again).
``ix_exchange_changes_origin`` answers the lists' exchange state from the index alone.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-20 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exchange_held",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("since_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "site_id", "table_name", "record_id", name=op.f("pk_exchange_held")
        ),
    )
    op.create_index(
        "ix_exchange_changes_origin",
        "exchange_changes",
        ["table_name", "record_id", "origin_site_id", "seq"],
    )


def downgrade() -> None:
    op.drop_index("ix_exchange_changes_origin", table_name="exchange_changes")
    op.drop_table("exchange_held")
