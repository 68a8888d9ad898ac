"""Reference data: settings, issue categories, the holiday calendar and the users.

A database may already hold some of these (a first-run admin, default settings): existing keys
are kept and reused, never duplicated.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, select

from app.demo.clock import holidays_for
from app.demo.world import Context
from db.models.issues import Holiday, IssueCategory
from db.models.security import Role, Setting, User

MEETING_KINDS = [
    "大工委全体会议",
    "片区党建联盟协调议事会",
    "街社党建共同体议事会",
    "社区大党委会议",
    "联络员会议",
]
# Urgent problems the same day, requests in 3 working days, complaints in 13.
ISSUE_CATEGORIES = (
    ("停车", 3),
    ("积水", 0),
    ("物业", 13),
    ("设施老化", 3),
    ("环境卫生", 3),
    ("安全隐患", 0),
    ("噪声扰民", 13),
    ("其他", 3),
)


def build_reference(ctx: Context, connection: Connection, years: range) -> None:
    _settings(ctx, connection)
    _categories(ctx, connection)
    _holidays(ctx, connection, years)


def _settings(ctx: Context, connection: Connection) -> None:
    existing = set(connection.execute(select(Setting.key)).scalars())
    if "meeting_kinds" not in existing:
        ctx.rows.add("settings", ctx.setup_time, key="meeting_kinds", value=MEETING_KINDS)


def _categories(ctx: Context, connection: Connection) -> None:
    query = select(IssueCategory.name, IssueCategory.id, IssueCategory.limit_working_days)
    existing = {name: (cid, limit) for name, cid, limit in connection.execute(query)}
    for position, (name, limit) in enumerate(ISSUE_CATEGORIES):
        if name in existing:
            ctx.world.category_ids[name], ctx.world.category_limits[name] = existing[name]
            continue
        ctx.world.category_ids[name] = ctx.rows.add(
            "issue_categories",
            ctx.setup_time,
            name=name,
            limit_working_days=limit,
            position=position,
        )
        ctx.world.category_limits[name] = limit


def _holidays(ctx: Context, connection: Connection, years: range) -> None:
    existing: set[date] = set(connection.execute(select(Holiday.day)).scalars())
    for year in years:
        for day, (is_workday, name) in holidays_for(year).items():
            if day not in existing:
                ctx.rows.add("holidays", ctx.setup_time, day=day, is_workday=is_workday, name=name)


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
