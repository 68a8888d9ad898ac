"""Demo data for trying out, training and screenshots: a realistic street party working
committee built from the Gulou article, with generated names — never real people.

``generate`` refuses a database that already holds an org-unit tree, so demo data can only
ever be loaded into an empty database; the whole load is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from random import Random

from sqlalchemy import Connection, func, select

from app.database import Database
from app.demo.agreements import build_agreements
from app.demo.bulk import add_bulk_issues, bulk_first_day
from app.demo.cases import build_cases
from app.demo.issues import build_issues
from app.demo.lists import build_lists
from app.demo.loop_cases import build_loop_cases
from app.demo.meetings import build_meetings
from app.demo.members import build_members
from app.demo.names import Identities
from app.demo.orgtree import build_streets
from app.demo.plan import SCALE_PLANS, ScalePlan
from app.demo.progress import Progress, Reporter
from app.demo.reference import build_reference, build_users
from app.demo.rows import Rows
from app.demo.secondments import build_postings
from app.demo.staff import build_staff
from app.demo.summary import DemoSummary
from app.demo.units import build_units
from app.demo.world import Context
from app.demo.writer import write_rows
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.issues.calendar import WorkCalendar
from db.models.directory import OrgUnit
from db.models.issues import Holiday

__all__ = ["SCALES", "DemoSummary", "Progress", "generate"]

CONTEXT = "demo"
SCALES = ("street", "district", "huge")


def generate(
    database: Database,
    scale: str = "street",
    *,
    seed: int = 2026,
    progress: Progress | None = None,
    today: date | None = None,
) -> DemoSummary:
    """Fills an empty database with demo data; the same seed and day give the same data.

    Everything is written in one transaction: on any error — including one raised by
    ``progress`` to cancel — nothing is left behind.
    """
    if scale not in SCALES:
        raise UserError(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP("demo", "没有“{scale}”这种演示数据规模，可选：{choices}。"),
                scale=scale,
                choices="、".join(SCALES),
            )
        )
    plan = SCALE_PLANS[scale]
    today = today or date.today()
    reporter = Reporter(progress)
    bulk = plan.bulk_issues_to > 0
    with database.engine.begin() as connection:
        _refuse_non_empty(connection)
        ctx = _build(connection, plan, seed, today, reporter, end=40 if bulk else 400)
        write_rows(
            connection,
            ctx.rows,
            reporter.span(
                40 if bulk else 400,
                60 if bulk else 1000,
                QT_TRANSLATE_NOOP("demo", "正在写入数据库"),
            ),
        )
        counts = {name: len(batch) for name, batch in ctx.rows}
        if bulk:
            extra = add_bulk_issues(
                connection,
                ctx,
                plan.bulk_issues_to - counts.get("issues", 0),
                reporter.span(60, 1000, QT_TRANSLATE_NOOP("demo", "正在写入大量民生事项")),
            )
            for name, count in extra.items():
                counts[name] = counts.get(name, 0) + count
    reporter.at(1000, QT_TRANSLATE_NOOP("demo", "演示数据已生成"))
    return DemoSummary.from_counts(counts)


def _refuse_non_empty(connection: Connection) -> None:
    if connection.execute(select(func.count()).select_from(OrgUnit)).scalar_one():
        raise UserError(
            Message(
                CONTEXT,
                QT_TRANSLATE_NOOP(
                    "demo",
                    "数据库里已经有组织架构，演示数据只能载入空数据库。"
                    "请新建一个数据库文件后再生成演示数据。",
                ),
            )
        )


def _build(
    connection: Connection,
    plan: ScalePlan,
    seed: int,
    today: date,
    reporter: Reporter,
    end: int,
) -> Context:
    first_year = (today - timedelta(days=760)).year
    if plan.bulk_issues_to:
        first_year = bulk_first_day(today).year
    exceptions = {
        day: (is_workday, name)
        for day, is_workday, name in connection.execute(
            select(Holiday.day, Holiday.is_workday, Holiday.name)
        )
    }
    calendar = WorkCalendar(date(first_year, 1, 1), date(today.year + 1, 12, 31), exceptions)
    ctx = Context(
        seed=seed,
        today=today,
        rows=Rows(Random(f"{seed}:ids")),
        calendar=calendar,
        identities=Identities(Random(f"{seed}:people"), today),
    )
    step = reporter.span(0, end, QT_TRANSLATE_NOOP("demo", "正在生成演示数据"))
    steps: tuple[Callable[[], object], ...] = (
        lambda: build_reference(ctx, connection),
        lambda: build_streets(ctx, plan.streets),
        lambda: build_staff(ctx),
        lambda: build_users(ctx, connection),
        lambda: build_units(ctx),
        lambda: build_members(ctx, every_street=plan.members_everywhere),
        lambda: build_issues(ctx, plan.issues, build_cases(ctx) + build_loop_cases(ctx)),
        lambda: build_meetings(ctx),
        lambda: build_agreements(ctx),
        lambda: build_lists(ctx),
        lambda: build_postings(ctx),
    )
    for index, run in enumerate(steps):
        step(index, len(steps))
        run()
    return ctx
