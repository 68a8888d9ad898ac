"""dashboard figure indexes

The home tab and the monthly report count issues by the month they were received or resolved,
by community, category and status, list the supervised ones by deadline, and count units'
dispatches by the day they were sent. Covering
indexes (ending in ``deleted_at``) let SQLite answer those counts from the index alone, so the
whole dashboard refreshes in well under a second at a million issues.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 08:05:00
"""

from collections.abc import Sequence

from alembic import op

import db.base  # noqa: F401

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# written out rather than imported: a migration must not change when the models do
ISSUE_INDEXES = {
    "ix_issues_reported_figures": [
        "reported_at",
        "community_id",
        "grid_id",
        "category_id",
        "status",
        "deadline",
        "resolved_at",
        "satisfaction",
        "deleted_at",
    ],
    "ix_issues_resolved_figures": [
        "resolved_at",
        "community_id",
        "status",
        "reported_at",
        "satisfaction",
        "deleted_at",
    ],
    "ix_issues_status_deadline": ["status", "deadline", "community_id", "deleted_at"],
    "ix_issues_supervised_deadline": [
        "supervised",
        "deadline",
        "number",
        "status",
        "community_id",
        "deleted_at",
    ],
}


def upgrade() -> None:
    with op.batch_alter_table("issues", schema=None) as batch_op:
        for name, columns in ISSUE_INDEXES.items():
            batch_op.create_index(name, columns, unique=False)
    with op.batch_alter_table("dispatches", schema=None) as batch_op:
        batch_op.create_index("ix_dispatches_dispatched_at", ["dispatched_at"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA analysis_limit=400")
        op.execute("ANALYZE issues")
        op.execute("ANALYZE dispatches")


def downgrade() -> None:
    with op.batch_alter_table("dispatches", schema=None) as batch_op:
        batch_op.drop_index("ix_dispatches_dispatched_at")
    with op.batch_alter_table("issues", schema=None) as batch_op:
        for name in reversed(ISSUE_INDEXES):
            batch_op.drop_index(name)
