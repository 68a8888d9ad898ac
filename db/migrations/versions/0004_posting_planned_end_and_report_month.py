"""posting planned end and one report a month

A posting keeps the end its term was agreed with (``planned_ends_on``) when 延期 or 提前结束
moves ``ends_on``, and the two steps keep their own reasons (``extension_reason``,
``early_end_reason``) instead of sharing ``end_reason``. For existing postings the planned end
and both reasons are read back from the audit log (the posting before its first 延期 or 提前结束,
the reasons those entries carry); without such entries the planned end is ``ends_on`` and the
old ``end_reason`` goes to the step the status names.

A live monthly report is unique per posting, kind and month (``ix_work_logs_report_month``,
partial: work records have no month, deleted reports do not count). The service always refused
a second one, but two offices saving at once could each have added it: of such duplicates the
one saved last stays, the others are deleted (soft, audited, restorable), so the upgrade never
stops on data the user cannot reach without it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 08:20:00
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from alembic import op

import db.base  # noqa: F401

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# written out rather than imported: a migration must not change when the models do
LIVE_REPORT = "kind != 'entry' AND deleted_at IS NULL"
MERGE_REASON = "升级时发现同月重复的月度报告，保留最后保存的一份"
AUDIT_SKIPPED = {"created_at", "updated_at", "version"}

postings = sa.table(
    "postings",
    sa.column("id", sa.String),
    sa.column("status", sa.String),
    sa.column("ends_on", sa.Date),
    sa.column("planned_ends_on", sa.Date),
    sa.column("end_reason", sa.String),
    sa.column("extension_reason", sa.String),
    sa.column("early_end_reason", sa.String),
)
audit_log = sa.table(
    "audit_log",
    sa.column("id", sa.String),
    sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
    sa.column("version", sa.Integer),
    sa.column("at", sa.DateTime),
    sa.column("user_id", sa.String),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("before", sa.JSON),
    sa.column("after", sa.JSON),
    sa.column("reason", sa.String),
)


def _fill_postings(connection: sa.Connection) -> None:
    """The planned end and the two reasons: from the audit log's 延期 and 提前结束 entries (in
    order: the first one's "before" holds the planned end) where there are any, else from the
    posting as it stands."""
    early = postings.c.status == "ended_early"
    connection.execute(
        postings.update().values(
            planned_ends_on=postings.c.ends_on,
            extension_reason=sa.case((early, ""), else_=postings.c.end_reason),
            early_end_reason=sa.case((early, postings.c.end_reason), else_=""),
        )
    )
    changes = connection.execute(
        sa.select(audit_log.c.entity_id, audit_log.c.action, audit_log.c.before, audit_log.c.reason)
        .where(
            audit_log.c.entity == "postings",
            audit_log.c.action.in_(["extend", "end_early"]),
        )
        .order_by(audit_log.c.at, audit_log.c.id)
    ).all()
    found: dict[str, dict[str, Any]] = {}
    for posting_id, action, before, reason in changes:
        values = found.setdefault(posting_id, {})
        planned = (before or {}).get("ends_on")
        if "planned_ends_on" not in values and planned:
            values["planned_ends_on"] = date.fromisoformat(planned)
        values["extension_reason" if action == "extend" else "early_end_reason"] = reason or ""
    for posting_id, values in found.items():
        connection.execute(postings.update().where(postings.c.id == posting_id).values(**values))


def _plain(value: Any) -> Any:
    """As app.audit.snapshot writes it: stored datetimes are UTC."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value) if isinstance(value, Decimal) else value


def _drop_duplicate_reports(connection: sa.Connection) -> None:
    """Of a posting's live reports of one kind and month, all but the one saved last."""
    work_logs = sa.Table("work_logs", sa.MetaData(), autoload_with=connection)
    live = sa.and_(work_logs.c.kind != "entry", work_logs.c.deleted_at.is_(None))
    ranked = sa.select(
        work_logs.c.id,
        sa.func.row_number()
        .over(
            partition_by=(work_logs.c.posting_id, work_logs.c.kind, work_logs.c.period),
            order_by=(work_logs.c.updated_at.desc(), work_logs.c.id.desc()),
        )
        .label("rank"),
    ).where(live)
    stale = [row.id for row in connection.execute(ranked) if row.rank > 1]
    now = datetime.now(UTC).replace(tzinfo=None)
    for row in connection.execute(sa.select(work_logs).where(work_logs.c.id.in_(stale))):
        before = {k: _plain(v) for k, v in row._mapping.items() if k not in AUDIT_SKIPPED}
        connection.execute(
            work_logs.update()
            .where(work_logs.c.id == row.id)
            .values(deleted_at=now, updated_at=now, version=row.version + 1)
        )
        connection.execute(
            audit_log.insert().values(
                id=str(uuid.uuid4()),
                created_at=now,
                updated_at=now,
                version=1,
                at=now,
                user_id=None,
                action="delete",
                entity="work_logs",
                entity_id=row.id,
                before=before,
                after={**before, "deleted_at": _plain(now)},
                reason=MERGE_REASON,
            )
        )


def upgrade() -> None:
    with op.batch_alter_table("postings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("planned_ends_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("extension_reason", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("early_end_reason", sa.String(length=200), nullable=True))
    _fill_postings(op.get_bind())
    with op.batch_alter_table("postings", schema=None) as batch_op:
        for name in ("planned_ends_on", "extension_reason", "early_end_reason"):
            batch_op.alter_column(name, nullable=False)
        batch_op.drop_column("end_reason")

    _drop_duplicate_reports(op.get_bind())
    with op.batch_alter_table("work_logs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_work_logs_report_month",
            ["posting_id", "kind", "period"],
            unique=True,
            sqlite_where=sa.text(LIVE_REPORT),
            postgresql_where=sa.text(LIVE_REPORT),
        )


def downgrade() -> None:
    with op.batch_alter_table("work_logs", schema=None) as batch_op:
        batch_op.drop_index("ix_work_logs_report_month")

    with op.batch_alter_table("postings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("end_reason", sa.String(length=200), nullable=True))
    op.get_bind().execute(
        postings.update().values(
            end_reason=sa.case(
                (postings.c.early_end_reason != "", postings.c.early_end_reason),
                else_=postings.c.extension_reason,
            )
        )
    )
    with op.batch_alter_table("postings", schema=None) as batch_op:
        batch_op.alter_column("end_reason", nullable=False)
        batch_op.drop_column("early_end_reason")
        batch_op.drop_column("extension_reason")
        batch_op.drop_column("planned_ends_on")
