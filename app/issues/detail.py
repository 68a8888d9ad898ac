"""The issue editor's view of one issue: facts, dispatches, journal, follow-ups, links."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access import phone_for, record_for
from app.issues.clock import issue_limit
from app.issues.merging import complainants
from app.issues.records import (
    ComplainantView,
    DispatchView,
    EventView,
    FollowUpView,
    IssueData,
    IssueDetail,
    LinkView,
)
from app.issues.store import live_issue
from app.issues.warnings import DispatchState, dispatch_warning, issue_warning
from app.issues.workflow import Note, action_label, allowed_actions, unit_steps
from app.localtime import to_beijing
from app.store import data_of
from db.base import utcnow
from db.models.directory import OrgUnit, ResidentUnit
from db.models.issues import Issue, IssueCategory, IssueEvent, IssueLink
from db.models.security import User


def _bj(moment: datetime | None) -> datetime | None:
    return None if moment is None else to_beijing(moment)


def _names(
    session: Session, model: type[OrgUnit] | type[ResidentUnit], ids: set[str]
) -> dict[str, str]:
    if not ids:
        return {}
    rows = session.execute(select(model.id, model.name).where(model.id.in_(ids)))
    return {key: name for key, name in rows}


def unit_names(session: Session, issue: Issue) -> dict[str, str]:
    org = _names(session, OrgUnit, {d.org_unit_id for d in issue.dispatches if d.org_unit_id})
    res = _names(
        session, ResidentUnit, {d.resident_unit_id for d in issue.dispatches if d.resident_unit_id}
    )
    return {**org, **res}


def dispatch_states(session: Session, issue: Issue) -> list[DispatchState]:
    names = unit_names(session, issue)
    return [
        DispatchState(
            names.get(d.org_unit_id or d.resident_unit_id or "", ""),
            d.status,
            d.dispatched_at,
            d.due_at,
        )
        for d in issue.dispatches
    ]


def issue_detail(session: Session, issue_id: str, now: datetime | None = None) -> IssueDetail:
    issue = live_issue(session, issue_id)
    at = now or utcnow()
    names = unit_names(session, issue)
    org_names = _names(session, OrgUnit, {i for i in (issue.community_id, issue.grid_id) if i})
    category = session.get(IssueCategory, issue.category_id) if issue.category_id else None
    dispatches = sorted(issue.dispatches, key=lambda d: (d.dispatched_at, d.created_at, d.id))
    views = []
    for d in dispatches:
        name = names.get(d.org_unit_id or d.resident_unit_id or "", "")
        level, _ = dispatch_warning(DispatchState(name, d.status, d.dispatched_at, d.due_at), at)
        views.append(
            DispatchView(
                d.id,
                name,
                d.org_unit_id,
                d.resident_unit_id,
                d.status,
                d.lead,
                to_beijing(d.dispatched_at),
                _bj(d.due_at),
                d.due_on,
                _bj(d.acknowledged_at),
                d.result,
                _bj(d.completed_at),
                _bj(d.objected_at),
                d.objection_reason,
                _bj(d.reviewed_at),
                d.review_note,
                _bj(d.returned_at),
                d.return_reason,
                level,
                unit_steps(d.status, issue.status),
            )
        )
    level, reasons = issue_warning(issue, dispatch_states(session, issue), at)
    events = session.execute(
        select(IssueEvent, User.display_name)
        .outerjoin(User, User.id == IssueEvent.user_id)
        .where(IssueEvent.issue_id == issue.id)
        .order_by(IssueEvent.at, IssueEvent.created_at)
    ).all()
    from app.issues.origin import meeting_for_issue  # maps the meetings: loaded when used

    origin = meeting_for_issue(session, issue.id)
    data = data_of(IssueData, issue)
    merged_into = session.get(Issue, issue.merged_into_id) if issue.merged_into_id else None
    return IssueDetail(
        id=issue.id,
        version=issue.version,
        number=issue.number,
        data=record_for(session, data),  # the phone masked unless the operator may see it
        status=issue.status,
        reported_at=to_beijing(issue.reported_at),
        deadline=issue.deadline,
        due_at=_bj(issue.due_at),
        limit=issue_limit(issue) if issue.limit_unit is not None else None,
        paused_at=_bj(issue.paused_at),
        extended=any(e.action == Note.EXTEND.value for e, _user in events),
        escalated=issue.escalated,
        escalation_reason=issue.escalation_reason,
        merged_into_id=issue.merged_into_id,
        merged_into_number=merged_into.number if merged_into is not None else "",
        complainants=tuple(
            replace(ComplainantView(*vars(c).values()), phone=phone_for(session, c.phone))
            for c in complainants(session, issue)
        ),
        category_name=category.name if category else "",
        community_name=org_names.get(issue.community_id or "", ""),
        grid_name=org_names.get(issue.grid_id or "", ""),
        supervised=issue.supervised,
        supervision_note=issue.supervision_note,
        satisfaction=issue.satisfaction,
        reopen_count=issue.reopen_count,
        resolved_at=_bj(issue.resolved_at),
        closed_at=_bj(issue.closed_at),
        warning=level,
        warning_reasons=reasons,
        allowed_actions=tuple(a.value for a in allowed_actions(issue.status)),
        dispatches=tuple(views),
        events=tuple(
            EventView(
                to_beijing(e.at),
                e.action,
                action_label(e.action),
                e.from_status,
                e.to_status,
                e.note,
                user or "",
            )
            for e, user in events
        ),
        follow_ups=tuple(
            FollowUpView(
                f.id,
                to_beijing(f.visited_at),
                f.visited_by,
                f.satisfaction,
                f.comment,
                f.complainant_id,
            )
            for f in sorted(issue.follow_ups, key=lambda f: f.visited_at)
        ),
        links=tuple(_links(session, issue.id)),
        meeting_title=origin.meeting_title if origin else "",
        meeting_id=origin.meeting_id if origin else None,
    )


def _links(session: Session, issue_id: str) -> list[LinkView]:
    out: list[LinkView] = []
    rows = session.execute(
        select(IssueLink.kind, Issue.id, Issue.number, Issue.title)
        .join(Issue, Issue.id == IssueLink.other_id)
        .where(IssueLink.issue_id == issue_id)
    ).all()
    out += [LinkView(i, n, t, k.value) for k, i, n, t in rows]
    back = session.execute(
        select(IssueLink.kind, Issue.id, Issue.number, Issue.title)
        .join(Issue, Issue.id == IssueLink.issue_id)
        .where(IssueLink.other_id == issue_id)
    ).all()
    out += [
        LinkView(i, n, t, "duplicated_by" if k.value == "duplicate_of" else k.value)
        for k, i, n, t in back
    ]
    return out
