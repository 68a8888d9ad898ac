"""One issue's closed loop as rows: its journal events, dispatches and follow-up visits.

The issue row itself is written last, from the state the journal ends in, so its status,
``resolved_at``, ``closed_at``, satisfaction and reopen count always agree with its history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from random import Random
from typing import Any

from app.demo.world import Context
from app.issues.limits import end_of
from db.models.issues import DispatchStatus, IssueStatus, Satisfaction

DONE_STATES = (IssueStatus.RESOLVED, IssueStatus.FOLLOWED_UP, IssueStatus.CLOSED)


@dataclass
class Target:
    """Where a dispatch goes: a department (org unit) or a resident unit."""

    name: str
    org_unit_id: str | None = None
    resident_unit_id: str | None = None


@dataclass
class Journal:
    """Adds an issue's history step by step and tracks the state it leaves the issue in."""

    ctx: Context
    rng: Random
    issue_id: str
    users: list[str]
    status: IssueStatus | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    satisfaction: Satisfaction | None = None
    reopen_count: int = 0
    first_resolved_at: datetime | None = None
    last_at: datetime | None = None
    paused_at: datetime | None = None

    def event(self, at: datetime, action: str, to: IssueStatus | None, note: str = "") -> None:
        self.ctx.rows.add(
            "issue_events",
            at,
            issue_id=self.issue_id,
            at=at,
            user_id=self.rng.choice(self.users),
            action=action,
            from_status=self.status if to is not None else None,
            to_status=to,
            note=note,
        )
        self.last_at = at if self.last_at is None else max(self.last_at, at)
        if to is not None:
            self.status = to
        if to is IssueStatus.RESOLVED:
            self.resolved_at = at
            self.first_resolved_at = self.first_resolved_at or at
        elif to is IssueStatus.CLOSED:
            self.closed_at = at
        elif to is IssueStatus.IN_PROGRESS and action == "reopen":
            self.reopen_count += 1

    def dispatch(
        self, at: datetime, target: Target, due_on: date, lead: bool = True
    ) -> dict[str, Any]:
        """Sent to one unit (usually the one unit on the order, so it leads)."""
        row_id = self.ctx.rows.add(
            "dispatches",
            at,
            issue_id=self.issue_id,
            org_unit_id=target.org_unit_id,
            resident_unit_id=target.resident_unit_id,
            status=DispatchStatus.DISPATCHED,
            lead=lead,
            dispatched_at=at,
            due_at=end_of(due_on),
            due_on=due_on,
        )
        row = self.ctx.rows.get(row_id)
        role = "主办" if lead else "协办"
        to = self.status if self.status is IssueStatus.IN_PROGRESS else IssueStatus.DISPATCHED
        self.event(at, "dispatch", to, note=f"派至{target.name}（{role}）")
        return row

    def object(self, row: dict[str, Any], at: datetime, reason: str, name: str) -> None:
        """The unit's objection, not reviewed yet; the lead's stops the clock."""
        row.update(
            status=DispatchStatus.OBJECTED, objected_at=at, objection_reason=reason, updated_at=at
        )
        if row["lead"]:
            self.paused_at = at
        pause = "（计时暂停，待审核）" if row["lead"] else ""
        self.event(at, "object", self.status, note=f"{name}提出异议：{reason}{pause}")

    def acknowledge(self, row: dict[str, Any], at: datetime, name: str) -> None:
        row.update(status=DispatchStatus.ACKNOWLEDGED, acknowledged_at=at, updated_at=at)
        self.event(at, "acknowledge", IssueStatus.IN_PROGRESS, note=f"{name}已报到")

    def give_back(self, row: dict[str, Any], at: datetime, reason: str, name: str) -> None:
        """The unit's objection, and the street accepting it the same day (退单)."""
        objected = at - timedelta(minutes=15 + int(60 * self.rng.random()))
        row.update(
            status=DispatchStatus.RETURNED,
            objected_at=objected,
            objection_reason=reason,
            reviewed_at=at,
            review_note=reason,
            returned_at=at,
            return_reason=reason,
            updated_at=at,
        )
        self.event(objected, "object", self.status, note=f"{name}提出异议：{reason}")
        back_to = IssueStatus.ACCEPTED if self.reopen_count == 0 else IssueStatus.IN_PROGRESS
        self.event(at, "return", back_to, note=f"同意{name}退单：{reason}")

    def resolve(self, row: dict[str, Any], at: datetime, result: str) -> None:
        row.update(status=DispatchStatus.DONE, result=result, completed_at=at, updated_at=at)
        self.event(at, "resolve", IssueStatus.RESOLVED, note=result)

    def follow_up(self, at: datetime, by: str, satisfaction: Satisfaction, comment: str) -> None:
        self.ctx.rows.add(
            "follow_ups",
            at,
            issue_id=self.issue_id,
            visited_at=at,
            visited_by=by,
            satisfaction=satisfaction,
            comment=comment,
        )
        self.satisfaction = satisfaction
        self.event(at, "follow_up", IssueStatus.FOLLOWED_UP, note=f"回访：{comment}")

    def reopen(self, at: datetime, note: str) -> None:
        self.resolved_at = None
        self.event(at, "reopen", IssueStatus.IN_PROGRESS, note=note)

    def outcome(self) -> dict[str, Any]:
        """The issue columns that follow from the journal."""
        status = self.status or IssueStatus.REGISTERED
        return {
            "status": status,
            "resolved_at": self.resolved_at if status in DONE_STATES else None,
            "closed_at": self.closed_at if status is IssueStatus.CLOSED else None,
            "satisfaction": self.satisfaction,
            "reopen_count": self.reopen_count,
            "paused_at": self.paused_at,
        }
