"""the issue loop at national 12345 rules

- Holidays say where they came from (``origin``: the State Council's notice shipped with the
  program, a holiday file, or a hand edit; ``source``: which notice or file). Existing days
  were entered by hand or by the demo: they become ``edited``.
- A category's limit is an amount of hours, working days or calendar days
  (``limit_amount``, ``limit_unit``) instead of working days alone. "0 working days" meant
  "the same day", which has no meaning once the due moment has a time (an issue registered
  at 17:00 would be due at once): those categories get the 24-hour tier.
- An issue keeps the limit it was counted with, its due moment (``due_at``; ``deadline``
  stays its Beijing day), when its clock was paused (an objection under review), whom it was
  merged into (并单), whether it was escalated (问题工单) and who entered it on the reporter's
  behalf (代录). Existing deadlines are due at the end of their day (24:00 Beijing).
- A dispatch says whether its unit leads (主办), its due moment, and its objection and review.
  The earliest dispatch of each issue that was not returned leads.
- A follow-up says which merged complainant was called.
- ``carried_actions``: earlier meetings' open action items under a meeting's agenda item
  "上次议定事项落实情况", with their status as it stood when the minutes were finalised.

On SQLite the issues table is rebuilt (a new foreign key), which drops the text search's
triggers and changes row ids: the search index is rebuilt after it.

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-03 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# written out rather than imported: a migration must not change when the models do
FTS = "issues_fts"
LIMIT_UNITS = ("hours", "working_days", "calendar_days")
ORIGINS = ("official", "imported", "edited")
ACTION_STATUSES = ("open", "in_progress", "done", "cancelled")


def _enum(values: Sequence[str], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=24)


def _body(row: str) -> str:
    # the same text as app.issues.search.body_sql (and migration 0002)
    fields = (
        f"coalesce({row}{name}, '')" for name in ("number", "title", "address", "description")
    )
    return " || char(10) || ".join(fields) + " || char(10) || char(10)"


def _drop_search() -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS {FTS}_{trigger}")
    op.execute(f"DROP TABLE IF EXISTS {FTS}_vocab")
    op.execute(f"DROP TABLE IF EXISTS {FTS}")


def _create_search() -> None:
    """As migration 0002 made it: live issues only, kept current by triggers."""
    op.execute(
        f"CREATE VIRTUAL TABLE {FTS} USING fts5("
        "body, content='', tokenize='trigram', detail='none')"
    )
    op.execute(f"CREATE VIRTUAL TABLE {FTS}_vocab USING fts5vocab({FTS}, 'row')")
    op.execute(
        f"INSERT INTO {FTS}(rowid, body) SELECT rowid, {_body('')} FROM issues "
        "WHERE deleted_at IS NULL"
    )
    remove = (
        f"INSERT INTO {FTS}({FTS}, rowid, body) SELECT 'delete', old.rowid, {_body('old.')} "
        "WHERE old.deleted_at IS NULL;"
    )
    add = (
        f"INSERT INTO {FTS}(rowid, body) SELECT new.rowid, {_body('new.')} "
        "WHERE new.deleted_at IS NULL;"
    )
    op.execute(f"CREATE TRIGGER {FTS}_insert AFTER INSERT ON issues BEGIN {add} END")
    op.execute(f"CREATE TRIGGER {FTS}_delete AFTER DELETE ON issues BEGIN {remove} END")
    op.execute(
        f"CREATE TRIGGER {FTS}_update AFTER UPDATE OF number, title, address, description, "
        f"deleted_at ON issues BEGIN {remove} {add} END"
    )


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _end_of_day(column: str) -> str:
    """SQL: 24:00 Beijing of a date column, as a UTC timestamp (16:00 UTC of that day)."""
    if _sqlite():  # stored as text; SQLAlchemy's own format, so comparisons stay exact
        return f"{column} || ' 16:00:00.000000'"
    return f"{column} + interval '16 hours'"


def _categories_up() -> None:
    with op.batch_alter_table("issue_categories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("limit_amount", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("limit_unit", _enum(LIMIT_UNITS, "limitunit"), nullable=True))
    op.execute(
        "UPDATE issue_categories SET "
        "limit_amount = CASE WHEN limit_working_days = 0 THEN 24 ELSE limit_working_days END, "
        "limit_unit = CASE WHEN limit_working_days = 0 THEN 'hours' ELSE 'working_days' END"
    )
    with op.batch_alter_table("issue_categories", schema=None) as batch_op:
        batch_op.alter_column("limit_amount", nullable=False)
        batch_op.alter_column("limit_unit", nullable=False)
        batch_op.drop_column("limit_working_days")


def _issues_up() -> None:
    with op.batch_alter_table("issues", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("entered_by", sa.String(length=50), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("limit_amount", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("limit_unit", _enum(LIMIT_UNITS, "limitunit"), nullable=True))
        batch_op.add_column(sa.Column("due_at", db.base.UtcDateTime(), nullable=True))
        batch_op.add_column(sa.Column("paused_at", db.base.UtcDateTime(), nullable=True))
        batch_op.add_column(sa.Column("merged_into_id", sa.String(length=36), nullable=True))
        batch_op.add_column(
            sa.Column("escalated", sa.Boolean(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("escalated_at", db.base.UtcDateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("escalation_reason", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.create_index(
            "ix_issues_escalated_due_at", ["escalated", "due_at", "status", "deleted_at"]
        )
        batch_op.create_index(batch_op.f("ix_issues_merged_into_id"), ["merged_into_id"])
        batch_op.create_index(
            "ix_issues_status_due_at", ["status", "due_at", "community_id", "deleted_at"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_issues_merged_into_id_issues"), "issues", ["merged_into_id"], ["id"]
        )
    op.execute(f"UPDATE issues SET due_at = {_end_of_day('deadline')} WHERE deadline IS NOT NULL")


def _dispatches_up() -> None:
    with op.batch_alter_table("dispatches", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lead", sa.Boolean(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("due_at", db.base.UtcDateTime(), nullable=True))
        batch_op.add_column(sa.Column("objected_at", db.base.UtcDateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("objection_reason", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("reviewed_at", db.base.UtcDateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("review_note", sa.String(length=200), nullable=False, server_default="")
        )
    op.execute(f"UPDATE dispatches SET due_at = {_end_of_day('due_on')} WHERE due_on IS NOT NULL")
    op.execute(
        "UPDATE dispatches SET lead = TRUE WHERE status != 'returned' AND id = ("
        "SELECT earliest.id FROM dispatches AS earliest "
        "WHERE earliest.issue_id = dispatches.issue_id AND earliest.status != 'returned' "
        "ORDER BY earliest.dispatched_at, earliest.id LIMIT 1)"
    )


def upgrade() -> None:
    op.create_table(
        "carried_actions",
        sa.Column("agenda_item_id", sa.String(length=36), nullable=False),
        sa.Column("action_item_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status_when_final", _enum(ACTION_STATUSES, "actionstatus"), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", db.base.UtcDateTime(), nullable=False),
        sa.Column("updated_at", db.base.UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_item_id"],
            ["action_items.id"],
            name=op.f("fk_carried_actions_action_item_id_action_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_carried_actions_agenda_item_id_agenda_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carried_actions")),
    )
    with op.batch_alter_table("carried_actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_carried_actions_action_item_id"), ["action_item_id"])
        batch_op.create_index(batch_op.f("ix_carried_actions_agenda_item_id"), ["agenda_item_id"])

    with op.batch_alter_table("holidays", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "origin", _enum(ORIGINS, "holidayorigin"), nullable=False, server_default="edited"
            )
        )
        batch_op.add_column(
            sa.Column("source", sa.String(length=120), nullable=False, server_default="")
        )

    _categories_up()
    if _sqlite():
        _drop_search()
    _issues_up()
    if _sqlite():
        _create_search()
    _dispatches_up()

    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.add_column(sa.Column("complainant_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_follow_ups_complainant_id_issues"), "issues", ["complainant_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_follow_ups_complainant_id_issues"), type_="foreignkey"
        )
        batch_op.drop_column("complainant_id")

    with op.batch_alter_table("dispatches", schema=None) as batch_op:
        for name in ("review_note", "reviewed_at", "objection_reason", "objected_at"):
            batch_op.drop_column(name)
        batch_op.drop_column("due_at")
        batch_op.drop_column("lead")

    # merged complaints become orders of their own again: the older program has no 并单
    op.execute("UPDATE issues SET status = 'registered' WHERE status = 'merged'")
    op.execute("UPDATE dispatches SET status = 'dispatched' WHERE status = 'objected'")
    if _sqlite():
        _drop_search()
    with op.batch_alter_table("issues", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_issues_merged_into_id_issues"), type_="foreignkey")
        batch_op.drop_index("ix_issues_status_due_at")
        batch_op.drop_index(batch_op.f("ix_issues_merged_into_id"))
        batch_op.drop_index("ix_issues_escalated_due_at")
        for name in ("escalation_reason", "escalated_at", "escalated", "merged_into_id"):
            batch_op.drop_column(name)
        for name in ("paused_at", "due_at", "limit_unit", "limit_amount", "entered_by"):
            batch_op.drop_column(name)
    if _sqlite():
        _create_search()

    with op.batch_alter_table("issue_categories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("limit_working_days", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE issue_categories SET limit_working_days = "
        "CASE WHEN limit_unit = 'working_days' THEN limit_amount "
        "WHEN limit_unit = 'calendar_days' THEN (limit_amount * 5 + 6) / 7 ELSE 0 END"
    )
    with op.batch_alter_table("issue_categories", schema=None) as batch_op:
        batch_op.alter_column("limit_working_days", nullable=False)
        batch_op.drop_column("limit_unit")
        batch_op.drop_column("limit_amount")

    with op.batch_alter_table("holidays", schema=None) as batch_op:
        batch_op.drop_column("source")
        batch_op.drop_column("origin")

    with op.batch_alter_table("carried_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_carried_actions_agenda_item_id"))
        batch_op.drop_index(batch_op.f("ix_carried_actions_action_item_id"))
    op.drop_table("carried_actions")
