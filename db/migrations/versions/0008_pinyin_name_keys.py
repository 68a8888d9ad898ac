"""pinyin name keys

Org units, resident units, party organisations and people get ``name_key``, the pinyin sort key
of their name (``db.sort_key``: 王喆 → ``wang2zhe2``), and an index on it, so the directory's
lists and the org tree sort names as a Chinese reader expects instead of by code point. Every
existing row's key is computed here, people's with their surname read as one.

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-03 11:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.sort_key import KEY_LENGTH, sort_key

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = {"org_units": False, "resident_units": False, "party_orgs": False, "people": True}
BATCH = 2000


def _fill_keys(connection: sa.Connection, name: str, person: bool) -> None:
    table = sa.table(name, sa.column("id", sa.String), sa.column("name", sa.String),
                     sa.column("name_key", sa.String))  # fmt: skip
    rows = connection.execute(sa.select(table.c.id, table.c.name)).all()
    update = (
        table.update()
        .where(table.c.id == sa.bindparam("b_id"))
        .values(name_key=sa.bindparam("b_key"))
    )
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        connection.execute(
            update, [{"b_id": r.id, "b_key": sort_key(r.name, person=person)} for r in chunk]
        )


def upgrade() -> None:
    for name, person in TABLES.items():
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("name_key", sa.String(length=KEY_LENGTH), nullable=True))
        _fill_keys(op.get_bind(), name, person)
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.alter_column("name_key", existing_type=sa.String(length=KEY_LENGTH),
                                  nullable=False, server_default=sa.text("''"))  # fmt: skip
            batch_op.create_index(f"ix_{name}_name_key", ["name_key"], unique=False)


def downgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_index(f"ix_{name}_name_key")
            batch_op.drop_column("name_key")
