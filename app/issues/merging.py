"""并单: repeated complaints about the same matter kept on one order (国办发〔2025〕66号).

On registration the likely repeats are proposed — orders of the same category, in the same
community or at the same address, received within the rules' window, whose text is alike —
with the evidence side by side. Merging keeps the repeat as a record of its own (its number,
reporter, text and photos) with the status 已并单, pointing at the order that is worked on:
every complainant is called at the follow-up, and figures count the order once. Unmerging
gives the complaint back its status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.errors import refuse
from app.i18n import QT_TRANSLATE_NOOP
from app.issues.records import IssueData
from app.issues.rules import load_rules
from app.issues.store import journal, live_issue, now_or, step
from app.issues.workflow import ENDED_STATUSES, Action, Note, check
from app.labels import label
from app.localtime import to_beijing
from db.models.directory import OrgUnit
from db.models.issues import Issue, IssueCategory, IssueEvent, IssueStatus, Satisfaction

S = IssueStatus
PROPOSED = 5  # repeats shown at most
ALIKE = 0.3  # text likeness (0..1) from which an order in the same place is proposed
SCANNED = 300  # orders of the same place and category compared at most


def _bigrams(text: str) -> set[str]:
    flat = "".join(ch for ch in text if not ch.isspace() and ch not in "，。、；：！？,.;:!?")
    return {flat[i : i + 2] for i in range(len(flat) - 1)} or ({flat} if flat else set())


def likeness(a: str, b: str) -> float:
    """How alike two complaints read (Dice over character pairs, 0..1): Chinese needs no
    word splitting for this, and "建宁路33号雨后积水" and "建宁路33号积水严重" come out close."""
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _text(title: str, address: str, description: str) -> str:
    return f"{title} {address} {description[:120]}"


@dataclass(frozen=True)
class RepeatCandidate:
    """An order that may be the same matter, with the evidence to judge it."""

    id: str
    number: str
    title: str
    description: str
    address: str
    community_name: str
    category_name: str
    reported_at: datetime  # Beijing time
    status: IssueStatus
    reporter_name: str
    complainants: int  # its own reporter and those merged into it
    photos: int
    likeness: float
    same_address: bool
    same_community: bool


def repeat_candidates(
    session: Session,
    data: IssueData,
    *,
    reported_at: datetime | None = None,
    exclude_id: str | None = None,
) -> list[RepeatCandidate]:
    """Likely repeats of the complaint ``data`` describes, most alike first."""
    at = now_or(reported_at)
    address = data.address.strip()
    places = []
    if data.community_id:
        places.append(Issue.community_id == data.community_id)
    if address:
        places.append(Issue.address == address)
    if not places:
        return []
    window = timedelta(days=load_rules(session).merge_window_days)
    stmt = (
        select(Issue)
        .where(
            Issue.deleted_at.is_(None),
            Issue.status.not_in((S.REJECTED, S.MERGED)),
            Issue.reported_at >= at - window,
            Issue.reported_at <= at,
            or_(*places),
        )
        .order_by(Issue.reported_at.desc())
        .limit(SCANNED)
    )
    if data.category_id:
        stmt = stmt.where(Issue.category_id == data.category_id)
    if exclude_id:
        stmt = stmt.where(Issue.id != exclude_id)
    text = _text(data.title, address, data.description)
    scored = []
    for issue in session.scalars(stmt):
        alike = likeness(text, _text(issue.title, issue.address, issue.description))
        same_address = bool(address) and issue.address == address
        if alike >= ALIKE or (same_address and alike > 0):
            scored.append((alike + (0.2 if same_address else 0), alike, same_address, issue))
    scored.sort(key=lambda s: (-s[0], s[3].number))
    return [_candidate(session, data, i, a, same) for _, a, same, i in scored[:PROPOSED]]


def _candidate(
    session: Session, data: IssueData, issue: Issue, alike: float, same_address: bool
) -> RepeatCandidate:
    def name(model: type[OrgUnit] | type[IssueCategory], key: str | None) -> str:
        found = session.scalar(select(model.name).where(model.id == key)) if key else None
        return found or ""

    from db.models.files import Attachment  # maps the attachments' owners: loaded when used

    merged = session.scalar(select(func.count()).where(Issue.merged_into_id == issue.id)) or 0
    photos = session.scalar(
        select(func.count()).where(Attachment.issue_id == issue.id, Attachment.deleted_at.is_(None))
    )
    return RepeatCandidate(
        id=issue.id,
        number=issue.number,
        title=issue.title,
        description=issue.description,
        address=issue.address,
        community_name=name(OrgUnit, issue.community_id),
        category_name=name(IssueCategory, issue.category_id),
        reported_at=to_beijing(issue.reported_at),
        status=issue.status,
        reporter_name=issue.reporter_name,
        complainants=1 + int(merged),
        photos=int(photos or 0),
        likeness=alike,
        same_address=same_address,
        same_community=bool(data.community_id) and issue.community_id == data.community_id,
    )


def merge(session: Session, issue_id: str, into_id: str, *, now: datetime | None = None) -> None:
    """并单: the complaint ``issue_id`` (not yet dispatched) is kept on the order ``into_id``."""
    issue = live_issue(session, issue_id)
    order = live_issue(session, into_id)
    check(Action.MERGE, issue.status)
    if issue.id == order.id:
        raise refuse(QT_TRANSLATE_NOOP("errors", "事项不能并入它自己。"))
    if issue.dispatches:
        raise refuse(QT_TRANSLATE_NOOP("errors", "已经派过单的事项不能再并单。"))
    if order.status in ENDED_STATUSES:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "{number}已结束（{status}），不能并入；请单独办理。"),
            number=order.number,
            status=label(order.status),
        )
    if session.scalar(select(Issue.id).where(Issue.merged_into_id == issue.id).limit(1)):
        raise refuse(QT_TRANSLATE_NOOP("errors", "已有诉求并入{number}，它不能再并入别的工单。"),
                     number=issue.number)  # fmt: skip
    at = now_or(now)
    issue.merged_into_id = order.id
    step(session, issue, Action.MERGE, at, f"并入{order.number}")
    who = issue.reporter_name or issue.number
    journal(session, order, Note.MERGED_IN, at, note=f"并入{issue.number}（反映人：{who}）")


def unmerge(session: Session, issue_id: str, *, now: datetime | None = None) -> None:
    """撤销并单: the complaint is an order of its own again, in the status it had."""
    issue = live_issue(session, issue_id)
    check(Action.UNMERGE, issue.status)
    before = session.scalar(
        select(IssueEvent.from_status)
        .where(IssueEvent.issue_id == issue.id, IssueEvent.action == Action.MERGE.value)
        .order_by(IssueEvent.at.desc(), IssueEvent.created_at.desc())
        .limit(1)
    )
    order = session.get(Issue, issue.merged_into_id) if issue.merged_into_id else None
    at = now_or(now)
    issue.merged_into_id = None
    step(session, issue, Action.UNMERGE, at, "撤销并单", to=before or S.REGISTERED)
    if order is not None:
        journal(session, order, Note.MERGED_OUT, at, note=f"撤销并单：{issue.number}")


@dataclass(frozen=True)
class Complainant:
    """Someone to call at the follow-up: the order's reporter (``issue_id`` None) or the
    reporter of a complaint merged into it."""

    issue_id: str | None
    number: str
    name: str
    phone: str
    reported_at: datetime  # Beijing time
    satisfaction: Satisfaction | None  # the latest call's, None: not called yet


def complainants(session: Session, issue: Issue) -> list[Complainant]:
    latest: dict[str | None, Satisfaction] = {}
    for visit in sorted(issue.follow_ups, key=lambda f: f.visited_at):
        latest[visit.complainant_id] = visit.satisfaction
    merged = session.scalars(
        select(Issue)
        .where(Issue.merged_into_id == issue.id, Issue.deleted_at.is_(None))
        .order_by(Issue.reported_at)
    ).all()
    own = Complainant(None, issue.number, issue.reporter_name, issue.reporter_phone,
                      to_beijing(issue.reported_at), latest.get(None))  # fmt: skip
    return [own] + [
        Complainant(
            m.id,
            m.number,
            m.reporter_name,
            m.reporter_phone,
            to_beijing(m.reported_at),
            latest.get(m.id),
        )  # fmt: skip
        for m in merged
    ]
