"""Importing issues (民生事项): each new row is registered (登记) with the next number."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import Area
from app.excel import cells
from app.excel.directory_kinds import COMMUNITY, labels
from app.excel.kind import Cells, Existing, ImportColumn, ImportKind, keep_missing
from app.excel.names import Names
from app.i18n import QT_TRANSLATE_NOOP
from app.issues.detail import issue_detail
from app.issues.records import IssueData
from app.issues.service import register, update_facts
from db.models.directory import OrgLevel
from db.models.issues import Issue, IssueSource, Priority

CATEGORY = QT_TRANSLATE_NOOP("fields", "类别")
GRID = QT_TRANSLATE_NOOP("fields", "网格")


@dataclass(frozen=True)
class IssueRow:
    """The facts, the number a row may give (then a duplicate) and when it was reported."""

    number: str
    facts: IssueData
    reported_at: datetime | None


class IssueImport(ImportKind[IssueRow]):
    key = "issues"
    title = QT_TRANSLATE_NOOP("excel", "民生事项")
    area = Area.ISSUES
    columns: ClassVar[tuple[ImportColumn, ...]] = (
        ImportColumn(
            "number",
            QT_TRANSLATE_NOOP("columns", "编号"),
            "新事项留空（自动编号）；填已有编号的按重复处理",
            "",
        ),
        ImportColumn(
            "title",
            QT_TRANSLATE_NOOP("columns", "事项"),
            "必填，最多200字",
            "某小区3栋楼道灯不亮",
            required=True,
        ),
        ImportColumn(
            "source",
            QT_TRANSLATE_NOOP("columns", "来源"),
            "网格走访、线上、来电、来访、会议；空为网格走访",
            "来电",
            choices=labels(IssueSource),
        ),
        ImportColumn(
            "category_id",
            QT_TRANSLATE_NOOP("columns", "类别"),
            "已有事项类别的名称，决定办理时限",
            "市政设施",
        ),
        ImportColumn(
            "community_id",
            QT_TRANSLATE_NOOP("columns", "社区"),
            "社区名称",
            "宁海路社区",
        ),
        ImportColumn(
            "grid_id",
            QT_TRANSLATE_NOOP("columns", "网格"),
            "该社区下的网格名称",
            "第一网格",
        ),
        ImportColumn(
            "address",
            QT_TRANSLATE_NOOP("columns", "地址"),
            "最多200字",
            "某小区3栋",
        ),
        ImportColumn(
            "reporter_name",
            QT_TRANSLATE_NOOP("columns", "反映人"),
            "最多50字",
            "张女士",
        ),
        ImportColumn(
            "reporter_phone",
            QT_TRANSLATE_NOOP("columns", "联系电话"),
            "最多20字",
            "13912345678",
            as_text=True,
        ),
        ImportColumn(
            "priority",
            QT_TRANSLATE_NOOP("columns", "紧急程度"),
            "一般 或 紧急；空为一般",
            "一般",
            choices=labels(Priority),
        ),
        ImportColumn(
            "reported_at",
            QT_TRANSLATE_NOOP("columns", "登记时间"),
            "北京时间，如 2026-03-01 09:30；空为导入时",
            "2026-03-01 09:30",
        ),
        ImportColumn(
            "description",
            QT_TRANSLATE_NOOP("columns", "情况描述"),
            "可空",
            "",
        ),
    )

    def parse(self, row: Cells, names: Names) -> IssueRow:
        community = row.text("community_id")
        grid = row.text("grid_id")
        data = IssueData(
            title=row.text("title"),
            source=row.optional_member("source", IssueSource) or IssueSource.GRID_VISIT,
            description=row.text("description"),
            category_id=row.named("category_id", names.categories, CATEGORY),
            community_id=cells.one_of(
                "community_id", community, names.org_units(OrgLevel.COMMUNITY), COMMUNITY
            ),
            grid_id=cells.one_of(
                "grid_id",
                f"{community}/{grid}" if community and grid else grid,
                names.org_units(OrgLevel.GRID),
                GRID,
            ),
            address=row.text("address"),
            reporter_name=row.text("reporter_name"),
            reporter_phone=row.text("reporter_phone"),
            priority=row.optional_member("priority", Priority) or Priority.NORMAL,
        )
        return IssueRow(row.text("number"), data, row.moment("reported_at"))

    def validate(self, data: IssueRow) -> IssueRow:
        return replace(data, facts=data.facts.cleaned())

    def identity(self, data: IssueRow) -> tuple[Any, ...] | None:
        return (data.number,) if data.number else None

    def existing(self, session: Session, data: IssueRow) -> Existing | None:
        if not data.number:
            return None
        found = session.execute(
            select(Issue.id, Issue.version).where(
                Issue.number == data.number, Issue.deleted_at.is_(None)
            )
        ).first()
        return Existing(found[0], found[1]) if found else None

    def create(self, session: Session, data: IssueRow) -> None:
        register(session, data.facts, reported_at=data.reported_at)

    def update(
        self,
        session: Session,
        found: Existing,
        data: IssueRow,
        present: frozenset[str],
    ) -> None:
        stored = issue_detail(session, found.id).data
        update_facts(session, found.id, found.version, keep_missing(stored, data.facts, present))
