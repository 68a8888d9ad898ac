"""audit chain and sign-in throttling

The audit log becomes a hash chain (app/audit_chain.py): every entry gets a number without
gaps (``seq``), a random ``salt`` for the digests of the personal data it holds, and a ``hash``
covering it and the previous entry's hash; the table ``audit_head`` names the newest entry.
Entries written before are chained here in the order they were written.

An index on ``audit_log.user_id`` serves the audit viewer's filter by user.

Users get the count of wrong passwords in a row (``failed_sign_ins``) and the time until which
signing in waits after too many (``locked_until``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 11:00:00
"""

import hashlib
import json
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# written out rather than imported: a migration must not change when the program does
PERSONAL_FIELDS = {
    "people": ("id_number", "mobile"),
    "resident_units": ("contact_phone",),
    "issues": ("reporter_phone", "address"),
}
HEAD_ID = "head"

audit_log = sa.table(
    "audit_log",
    sa.column("id", sa.String),
    sa.column("created_at", sa.DateTime),
    sa.column("at", sa.DateTime),
    sa.column("user_id", sa.String),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("before", sa.JSON),
    sa.column("after", sa.JSON),
    sa.column("reason", sa.String),
    sa.column("seq", sa.Integer),
    sa.column("hash", sa.String),
    sa.column("salt", sa.String),
)
audit_head = sa.table(
    "audit_head",
    sa.column("id", sa.String),
    sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
    sa.column("version", sa.Integer),
    sa.column("seq", sa.Integer),
    sa.column("hash", sa.String),
)


def _digest(salt: str, field: str, value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"{salt}\x1f{field}\x1f{text}".encode()).hexdigest()


def _sealed(entity: str, snapshot: Any, salt: str) -> Any:
    if snapshot is None:
        return None
    result = dict(snapshot)
    for field in PERSONAL_FIELDS.get(entity, ()):
        if field in result:
            result[field] = _digest(salt, field, result[field])
    return result


def _hash(previous: str, seq: int, row: Any, salt: str) -> str:
    body = [
        1,
        previous,
        seq,
        row.at.replace(tzinfo=UTC).isoformat(),  # stored in UTC without a zone
        row.user_id,
        row.action,
        row.entity,
        row.entity_id,
        _sealed(row.entity, row.before, salt),
        _sealed(row.entity, row.after, salt),
        row.reason,
    ]
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _chain_existing_entries(connection: sa.Connection) -> tuple[int, str]:
    rows = connection.execute(
        sa.select(audit_log).order_by(audit_log.c.at, audit_log.c.created_at, audit_log.c.id)
    ).all()
    seq, previous = 0, ""
    for row in rows:
        seq += 1
        salt = secrets.token_hex(16)
        previous = _hash(previous, seq, row, salt)
        connection.execute(
            audit_log.update()
            .where(audit_log.c.id == row.id)
            .values(seq=seq, hash=previous, salt=salt)
        )
    return seq, previous


def upgrade() -> None:
    op.create_table(
        "audit_head",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", db.base.UtcDateTime(), nullable=False),
        sa.Column("updated_at", db.base.UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("salt", sa.String(length=32), nullable=True))
    seq, last = _chain_existing_entries(op.get_bind())
    now = datetime.now(UTC).replace(tzinfo=None)
    op.get_bind().execute(
        audit_head.insert().values(
            id=HEAD_ID, created_at=now, updated_at=now, version=1, seq=seq, hash=last
        )
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_audit_log_seq"), ["seq"])
        # the administrator's audit viewer filters by user
        batch_op.create_index(batch_op.f("ix_audit_log_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("failed_sign_ins", sa.Integer(), server_default=sa.text("0"), nullable=False)
        )
        batch_op.add_column(sa.Column("locked_until", db.base.UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_sign_ins")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_user_id"))
        batch_op.drop_constraint(batch_op.f("uq_audit_log_seq"), type_="unique")
        batch_op.drop_column("salt")
        batch_op.drop_column("hash")
        batch_op.drop_column("seq")
    op.drop_table("audit_head")
