"""A street office with communities, for the exchange tests: the org tree, people, a
category, and the sites enrolled from files."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from app.database import Database
from app.exchange.enrolment import add_community_site, enrol
from app.exchange.exporting import export_package
from app.exchange.importing import Imported, import_package
from app.issues.records import IssueData
from app.issues.steps import register, update_facts
from db.models.directory import OrgLevel, OrgUnit, Person
from db.models.issues import Issue, IssueCategory, LimitUnit

COMMUNITIES = ("东湖社区", "西岭社区", "南苑社区")
NOON = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)


@dataclass
class World:
    street: Database
    units: dict[str, str]  # name → org unit id
    sites: dict[str, Database] = field(default_factory=dict)  # community name → its database
    site_ids: dict[str, str] = field(default_factory=dict)
    category: str = ""
    department: str = ""

    def close(self) -> None:
        for database in (self.street, *self.sites.values()):
            database.close()


def build_street(folder: Path, communities: tuple[str, ...] = COMMUNITIES) -> World:
    street = Database(str(folder / "street.db"))
    units: dict[str, str] = {}
    with street.session() as session:
        root = OrgUnit(name="青山街道", level=OrgLevel.STREET)
        department = OrgUnit(name="城管科", level=OrgLevel.DEPARTMENT, parent=root)
        session.add_all([root, department])
        for position, name in enumerate(communities):
            unit = OrgUnit(name=name, level=OrgLevel.COMMUNITY, parent=root, position=position)
            grid = OrgUnit(name=f"{name}第一网格", level=OrgLevel.GRID, parent=unit)
            session.add_all([unit, grid])
            session.add(
                Person(
                    name=f"{name[:2]}居民",
                    mobile=f"1380000000{position}",
                    id_number=f"11010119800101{position:03d}X"[:18],
                    org_unit=grid,
                )
            )
            session.flush()
            units[name] = unit.id
        category = IssueCategory(name="环境卫生", limit_amount=3, limit_unit=LimitUnit.WORKING_DAYS)
        session.add(category)
        session.flush()
        world = World(street, units, category=category.id, department=department.id)
    return world


def enrol_all(world: World, folder: Path) -> None:
    for name in world.units:
        with world.street.session() as session:
            enrolment = add_community_site(session, name)
        database = Database(str(folder / f"{enrolment.code}.db"))
        with database.session() as session:
            enrol(session, enrolment.data, enrolment.passphrase)
        world.sites[name] = database
        world.site_ids[name] = enrolment.site_id


def new_issue(database: Database, world: World, community: str, title: str, **facts: str) -> str:
    with database.session() as session:
        data = IssueData(
            title=title,
            community_id=world.units[community],
            category_id=world.category,
            reporter_name="张三",
            reporter_phone="13912345678",
            **facts,
        )
        return register(session, data, reported_at=NOON)


def people_names(database: Database) -> set[str]:
    with database.reader() as session:
        return set(session.scalars(select(Person.name)))


def edit_title(database: Database, world: World, issue: str, title: str, community: str) -> None:
    """An edit of the issue's title on one site, as the issue editor saves it."""
    with database.session() as session:
        version = session.scalar(select(Issue.version).where(Issue.id == issue))
        data = IssueData(
            title=title, community_id=world.units[community], category_id=world.category
        )
        update_facts(session, issue, int(version or 0), data)


def edited_on_both_sides(world: World, folder: Path, titles: tuple[str, str]) -> str:
    """An issue of 东湖社区 the community and the street each edit after enrolment (the
    community's title first); returns its id."""
    issue = new_issue(world.street, world, "东湖社区", "楼道堆物影响通行")
    enrol_all(world, folder)
    edit_title(world.sites["东湖社区"], world, issue, titles[0], "东湖社区")
    edit_title(world.street, world, issue, titles[1], "东湖社区")
    return issue


def send(database: Database, to: str) -> bytes:
    """The package ``database`` writes for the site ``to`` now."""
    with database.session() as session:
        return export_package(session, to).data


def receive(database: Database, data: bytes) -> Imported:
    with database.session() as session:
        return import_package(session, data)
