"""How earlier decisions brought back to a meeting read: each action item with its owner, due
date, where it was decided and its status — now, or as it stood when the minutes were
finalised. Read by the meeting's detail and its minutes; ``carried`` holds the use cases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.localtime import cn_date, to_beijing
from app.meetings.names import Names
from app.rows import Query, Row, day, in_list, session_query, utc
from db.enums import ActionStatus, IssueStatus

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.models.meetings import ActionItem

STATUS_WORDS = {
    ActionStatus.OPEN: "未开始",
    ActionStatus.IN_PROGRESS: "推进中",
    ActionStatus.DONE: "已完成",
    ActionStatus.CANCELLED: "已取消",
}


@dataclass(frozen=True)
class CarriedView:
    """An earlier decision's action item, and how it stands."""

    action_item_id: str
    text: str  # the work to do (the decision's text when the item has none of its own)
    owner: str
    due_on: date | None
    status: ActionStatus  # now, or when the minutes were finalised
    meeting_title: str  # where it was decided
    meeting_day: date
    issue_number: str  # the 民生事项 tracking it ("" when none)
    issue_status: IssueStatus | None

    def line(self) -> str:
        """How the minutes print it: the work, who and by when, where it was decided, status."""
        who = f"（责任单位：{self.owner}" if self.owner else "（"
        due = f"，{cn_date(self.due_on)}前" if self.due_on else ""
        where = f"{self.meeting_title}（{cn_date(self.meeting_day)}）议定"
        issue = f"，民生事项{self.issue_number}" if self.issue_number else ""
        head = f"{who}{due}）" if self.owner or self.due_on else ""
        return f"{self.text}{head}——{STATUS_WORDS[self.status]}。{where}{issue}。"


# an action item, where it was decided and the issue tracking it; a view each
VIEW_COLUMNS = (
    "a.id, a.description, d.text, a.owner_person_id, a.owner_unit_id, a.owner_org_unit_id,"
    " a.due_on, a.status, m.title, m.starts_at, i.number, i.status"
)
VIEW_JOINS = (
    " JOIN decisions d ON d.id = a.decision_id"
    " JOIN agenda_items g ON g.id = d.agenda_item_id"
    " JOIN meetings m ON m.id = g.meeting_id"
    " LEFT JOIN issues i ON i.id = a.issue_id"
)


def carried(session: Session, agenda_item_ids: Sequence[str]) -> dict[str, list[CarriedView]]:
    """The carried action items under each of these agenda items, in order."""
    return read_carried(session_query(session), agenda_item_ids)


def read_carried(query: Query, agenda_item_ids: Sequence[str]) -> dict[str, list[CarriedView]]:
    """:func:`carried`, read through ``query``."""
    if not agenda_item_ids:
        return {}
    ids, params = in_list("g", agenda_item_ids)
    rows = query(
        f"SELECT c.agenda_item_id, c.status_when_final, {VIEW_COLUMNS}"
        f" FROM carried_actions c JOIN action_items a ON a.id = c.action_item_id{VIEW_JOINS}"
        f" WHERE c.agenda_item_id IN {ids} ORDER BY c.agenda_item_id, c.position",
        params,
    )
    views = _views(query, [row[2:] for row in rows], [row[1] for row in rows])
    found: dict[str, list[CarriedView]] = {}
    for row, view in zip(rows, views, strict=True):
        found.setdefault(row[0], []).append(view)
    return found


def views_of(
    session: Session, actions: list[ActionItem], frozen: dict[str, ActionStatus]
) -> list[CarriedView]:
    """The views of these action items, in their order; ``frozen``: statuses to show instead."""
    if not actions:
        return []
    query = session_query(session)
    ids, params = in_list("a", [a.id for a in actions])
    rows = query(
        f"SELECT {VIEW_COLUMNS} FROM action_items a{VIEW_JOINS} WHERE a.id IN {ids}", params
    )
    by_id = {row[0]: row for row in rows}
    return _views(query, [by_id[a.id] for a in actions], [frozen.get(a.id) for a in actions])


def _views(query: Query, rows: list[Row], frozen: list[str | None]) -> list[CarriedView]:
    """A view of each row; a status of ``frozen`` shows instead of the row's own."""
    names = Names.read(query, [row[3] for row in rows], [row[4] for row in rows])
    views = []
    for row, frozen_status in zip(rows, frozen, strict=True):
        (action_id, description, decision_text, person_id, unit_id, org_unit_id, due_on,
         status, meeting_title, starts_at, issue_number, issue_status) = row  # fmt: skip
        starts = utc(starts_at)
        assert starts is not None
        views.append(
            CarriedView(
                action_item_id=action_id,
                text=description or decision_text,
                owner=names.owner(person_id, unit_id, org_unit_id),
                due_on=day(due_on),
                status=ActionStatus(frozen_status or status),
                meeting_title=meeting_title,
                meeting_day=to_beijing(starts).date(),
                issue_number=issue_number or "",
                issue_status=IssueStatus(issue_status) if issue_status else None,
            )
        )
    return views
