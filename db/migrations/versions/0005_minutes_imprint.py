"""minutes imprint: copy-to and issuing office of a meeting's minutes

The 版记 printed at the foot of the minutes' last page (GB/T 9704 7.4): ``copy_to`` (抄送) and
``printed_by`` (印发机关, printed with the date of issue). Both empty, as for every existing
meeting, print no 版记.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("copy_to", sa.String(length=500), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("printed_by", sa.String(length=200), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_column("printed_by")
        batch_op.drop_column("copy_to")
