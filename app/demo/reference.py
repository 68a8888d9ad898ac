"""Reference data: settings, issue categories and the users (the holiday calendar is the
official one every database is given when it opens).

A database may already hold some of these (a first-run admin, default settings): existing keys
are kept and reused, never duplicated.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from app.demo.world import Context
from app.issues.limits import Limit
from db.models.issues import IssueCategory, LimitUnit
from db.models.security import Role, Setting, User

MEETING_KINDS = [
    "大工委全体会议",
    "片区党建联盟协调议事会",
    "街社党建共同体议事会",
    "社区大党委会议",
    "联络员会议",
]
# The tiers: danger in 2 hours, water in 24, general requests in 7 days, complex ones in 15;
# street cleaning in 3 working days, the rest in 5 (as many provinces close them).
ISSUE_CATEGORIES = (
    ("停车", Limit(7, LimitUnit.CALENDAR_DAYS)),
    ("积水", Limit(24, LimitUnit.HOURS)),
    ("物业", Limit(15, LimitUnit.CALENDAR_DAYS)),
    ("设施老化", Limit(7, LimitUnit.CALENDAR_DAYS)),
    ("环境卫生", Limit(3, LimitUnit.WORKING_DAYS)),
    ("安全隐患", Limit(2, LimitUnit.HOURS)),
    ("噪声扰民", Limit(7, LimitUnit.CALENDAR_DAYS)),
    ("其他", Limit(5, LimitUnit.WORKING_DAYS)),
)


def build_reference(ctx: Context, connection: Connection) -> None:
    _settings(ctx, connection)
    _categories(ctx, connection)


def _settings(ctx: Context, connection: Connection) -> None:
    existing = set(connection.execute(select(Setting.key)).scalars())
    if "meeting_kinds" not in existing:
        ctx.rows.add("settings", ctx.setup_time, key="meeting_kinds", value=MEETING_KINDS)


def _categories(ctx: Context, connection: Connection) -> None:
    query = select(
        IssueCategory.name, IssueCategory.id, IssueCategory.limit_amount, IssueCategory.limit_unit
    )
    existing = {name: (cid, Limit(n, unit)) for name, cid, n, unit in connection.execute(query)}
    for position, (name, limit) in enumerate(ISSUE_CATEGORIES):
        if name in existing:
            ctx.world.category_ids[name], ctx.world.category_limits[name] = existing[name]
            continue
        ctx.world.category_ids[name] = ctx.rows.add(
            "issue_categories",
            ctx.setup_time,
            name=name,
            limit_amount=limit.amount,
            limit_unit=limit.unit,
            position=position,
        )
        ctx.world.category_limits[name] = limit


def build_users(ctx: Context, connection: Connection) -> None:
    """An administrator, two office clerks per street as staff, and one viewer.

    Passwords are left unset: the app asks for one at the first sign-in.
    """
    existing = {name: uid for name, uid in connection.execute(select(User.username, User.id))}

    def user(username: str, display: str, role: Role, person: str | None) -> str:
        if username in existing:
            return existing[username]
        return ctx.rows.add(
            "users",
            ctx.setup_time,
            username=username,
            display_name=display,
            role=role,
            person_id=person,
        )

    ctx.world.admin_user_id = user("admin", "系统管理员", Role.ADMIN, None)
    for street in ctx.world.streets:
        people = street.clerks[:2] or street.leaders[-1:]
        for index, clerk in enumerate(people, start=1):
            street.user_ids.append(
                user(f"{street.code.lower()}{index:02d}", clerk.name, Role.STAFF, clerk.id)
            )
    first = ctx.world.streets[0]
    user("viewer", f"{first.name}查看", Role.VIEWER, None)
