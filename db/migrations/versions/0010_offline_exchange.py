"""offline exchange

Tables for the exchange of packages between the street office and community centres: the
sites (``exchange_sites``), the change log every write adds to (``exchange_changes``),
packages waiting for an earlier one (``exchange_waiting``), the attachment contents a site
holds (``exchange_contents``) and the conflicts kept for a person (``exchange_conflicts``).
A database without sites is the street office, as before.

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-10 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _entity_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", db.base.UtcDateTime(), nullable=False),
        sa.Column("updated_at", db.base.UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "exchange_sites",
        *_entity_columns(),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("street", "community", native_enum=False, create_constraint=False, length=24),
            nullable=False,
        ),
        sa.Column("community_id", sa.String(length=36), nullable=True),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("is_local", sa.Boolean(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "active",
                "retired",
                "revoked",
                native_enum=False,
                create_constraint=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("key", sa.LargeBinary(), nullable=True),
        sa.Column("sent_upto", sa.Integer(), nullable=False),
        sa.Column("acked_upto", sa.Integer(), nullable=False),
        sa.Column("received_upto", sa.Integer(), nullable=False),
        sa.Column("last_sent_at", db.base.UtcDateTime(), nullable=True),
        sa.Column("last_received_at", db.base.UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_sites")),
    )
    op.create_table(
        "exchange_changes",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("operation", sa.String(length=8), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("origin_site_id", sa.String(length=36), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("base_site_id", sa.String(length=36), nullable=True),
        sa.Column("resolves", sa.Boolean(), nullable=False),
        sa.Column("values", sa.JSON(), nullable=True),
        sa.Column("at", db.base.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_exchange_changes")),
    )
    op.create_index(
        "ix_exchange_changes_record", "exchange_changes", ["table_name", "record_id", "seq"]
    )
    op.create_table(
        "exchange_waiting",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sender_id", sa.String(length=36), nullable=False),
        sa.Column("first_seq", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("arrived_at", db.base.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_waiting")),
        sa.UniqueConstraint(
            "sender_id",
            "first_seq",
            "last_seq",
            name=op.f("uq_exchange_waiting_sender_id_first_seq_last_seq"),
        ),
    )
    op.create_index(op.f("ix_exchange_waiting_sender_id"), "exchange_waiting", ["sender_id"])
    op.create_table(
        "exchange_contents",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("site_id", "sha256", name=op.f("pk_exchange_contents")),
    )
    op.create_table(
        "exchange_conflicts",
        *_entity_columns(),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column(
            "state",
            sa.Enum("open", "resolved", native_enum=False, create_constraint=False, length=24),
            nullable=False,
        ),
        sa.Column("winner_version", sa.Integer(), nullable=False),
        sa.Column("winner_site_id", sa.String(length=36), nullable=True),
        sa.Column("winner", sa.JSON(), nullable=True),
        sa.Column("loser_version", sa.Integer(), nullable=False),
        sa.Column("loser_site_id", sa.String(length=36), nullable=True),
        sa.Column("loser", sa.JSON(), nullable=True),
        sa.Column("detected_at", db.base.UtcDateTime(), nullable=False),
        sa.Column("resolved_at", db.base.UtcDateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_conflicts")),
    )
    op.create_index(
        "ix_exchange_conflicts_record", "exchange_conflicts", ["table_name", "record_id"]
    )
    op.create_index(op.f("ix_exchange_conflicts_state"), "exchange_conflicts", ["state"])


def downgrade() -> None:
    op.drop_table("exchange_conflicts")
    op.drop_table("exchange_contents")
    op.drop_table("exchange_waiting")
    op.drop_table("exchange_changes")
    op.drop_table("exchange_sites")
