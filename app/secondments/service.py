"""Cadre secondment use cases: postings, their lifecycle and the grid's 第一社长.

One session per user action, opened by the caller; every function takes and returns plain
data. Each change is audited with the posting before and after; edits are checked against
the version the editor read (``ConflictError`` when someone saved in between).

The status follows the dates (see ``lifecycle.status_for_dates``): a posting is 待到岗 before
its start, 在岗 during its term and 期满 after it; ``lifecycle.refresh_statuses`` moves
stored statuses on as days pass. Two changes need a reason and are audited with it: ``extend``
(延期: a new end later than the old one; the posting is 延期 until the new end) and ``end_early``
(提前结束: a date within the term). Once a posting has started, its end date changes only
through these two, so no term is lengthened or shortened without a reason on record; the end
the term was planned with stays as ``planned_ends_on``, and each step keeps its own reason (a
posting can be extended, then ended early).

Work logs and monthly reports are in ``app.secondments.logs``, the two-way evaluation in
``app.secondments.evaluations`` and reminders in ``app.secondments.reminders``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.errors import invalid
from app.i18n import QT_TRANSLATE_NOOP
from app.localtime import beijing_today
from app.secondments.lifecycle import (
    FINISHED,
    RUNNING,
    Action,
    allowed_actions,
    check,
    is_running,
    status_for_dates,
)
from app.secondments.records import PostingData, check_reason
from app.secondments.store import (
    AUDIT,
    WHAT,
    added,
    live_posting,
    names_of,
    org_unit_label,
    record,
)
from app.store import fill, stored
from db.base import utcnow
from db.models.directory import OrgLevel, OrgUnit, Person, ResidentUnit
from db.models.secondments import Posting, PostingKind, PostingStatus

__all__ = [
    "FirstCommunityHead",
    "PostingDetail",
    "create_posting",
    "delete_posting",
    "end_early",
    "extend",
    "first_community_head",
    "first_community_heads",
    "get_posting",
    "restore_posting",
    "save_posting",
]


@dataclass(frozen=True)
class PostingDetail:
    """A posting as the editor shows it; ``data`` is what ``save_posting`` takes back."""

    id: str
    version: int
    data: PostingData
    status: PostingStatus
    planned_ends_on: date  # the end agreed at the start; ``ends_on`` is where the term ends now
    extension_reason: str  # the latest 延期's
    early_end_reason: str
    person_name: str
    home_name: str
    host_name: str
    mentor_name: str
    host_is_grid: bool
    actions: frozenset[Action]  # what the lifecycle allows now (the buttons)

    @property
    def kind(self) -> PostingKind:
        assert self.data.kind is not None
        return self.data.kind

    @property
    def starts_on(self) -> date:
        assert self.data.starts_on is not None
        return self.data.starts_on

    @property
    def ends_on(self) -> date:
        assert self.data.ends_on is not None
        return self.data.ends_on

    @property
    def term_changed(self) -> bool:
        """延期 or 提前结束: the term no longer ends as planned."""
        return bool(
            self.ends_on != self.planned_ends_on or self.extension_reason or self.early_end_reason
        )

    @property
    def is_running(self) -> bool:
        return is_running(self.status)

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED


def _data(posting: Posting) -> PostingData:
    return PostingData(
        person_id=posting.person_id,
        kind=posting.kind,
        home_unit_id=posting.home_unit_id,
        home_org_unit_id=posting.home_org_unit_id,
        home_post=posting.home_post or "",
        host_unit_id=posting.host_unit_id,
        host_org_unit_id=posting.host_org_unit_id,
        host_post=posting.host_post or "",
        starts_on=posting.starts_on,
        ends_on=posting.ends_on,
        mentor_id=posting.mentor_id,
        objectives=posting.objectives or "",
    )


def detail_of(session: Session, posting: Posting) -> PostingDetail:
    names = names_of(session, posting)
    return PostingDetail(
        id=posting.id,
        version=posting.version,
        data=_data(posting),
        status=posting.status,
        planned_ends_on=posting.planned_ends_on,
        extension_reason=posting.extension_reason or "",
        early_end_reason=posting.early_end_reason or "",
        person_name=names.person,
        home_name=names.home,
        host_name=names.host,
        mentor_name=names.mentor,
        host_is_grid=names.host_level is OrgLevel.GRID,
        actions=allowed_actions(posting.status),
    )


def get_posting(session: Session, posting_id: str) -> PostingDetail:
    """The editor's state; NotFoundError for an unknown or deleted posting."""
    return detail_of(session, live_posting(session, posting_id))


# --- creating and saving ----------------------------------------------------------------------


def _check_references(session: Session, data: PostingData) -> None:
    """Every picked id must name a live record; the host of a 第一社长 must be a grid."""
    for field, model, ref in (
        ("person_id", Person, data.person_id),
        ("mentor_id", Person, data.mentor_id),
        ("home_unit_id", ResidentUnit, data.home_unit_id),
        ("host_unit_id", ResidentUnit, data.host_unit_id),
        ("home_org_unit_id", OrgUnit, data.home_org_unit_id),
        ("host_org_unit_id", OrgUnit, data.host_org_unit_id),
    ):
        if ref is None:
            continue
        found = session.scalar(select(model.id).where(model.id == ref, model.deleted_at.is_(None)))
        if found is None:
            raise invalid(
                field,
                QT_TRANSLATE_NOOP("validation", "所选的记录已不存在（可能已被删除），请重新选择。"),
            )
    if data.kind is PostingKind.FIRST_COMMUNITY_HEAD:
        level = session.scalar(select(OrgUnit.level).where(OrgUnit.id == data.host_org_unit_id))
        if level is not OrgLevel.GRID:
            raise invalid(
                "host_org_unit_id",
                QT_TRANSLATE_NOOP(
                    "validation", "第一社长的挂职单位须是一个网格，“{name}”不是网格。"
                ),
                name=org_unit_label(session, data.host_org_unit_id),
            )


def create_posting(session: Session, data: PostingData, today: date | None = None) -> str:
    """A new posting, its status set by its dates; returns its id."""
    clean = data.validated()
    _check_references(session, clean)
    assert clean.starts_on is not None and clean.ends_on is not None
    posting = Posting(planned_ends_on=clean.ends_on, extension_reason="", early_end_reason="")
    fill(posting, clean)
    posting.status = status_for_dates(
        PostingStatus.PLANNED, clean.starts_on, clean.ends_on, today or beijing_today()
    )
    return added(session, posting)


def save_posting(
    session: Session,
    posting_id: str,
    version: int,
    data: PostingData,
    today: date | None = None,
) -> PostingDetail:
    """Stores the editor's posting. Saving what was read changes nothing (no new version,
    no audit entry). Once the term has started the end date is changed by ``extend`` or
    ``end_early`` only, and the start date of a finished posting stays as it was."""
    posting = live_posting(session, posting_id, version)
    clean = data.validated()
    _check_references(session, clean)
    assert clean.starts_on is not None and clean.ends_on is not None
    dates_open = Action.EDIT_DATES in allowed_actions(posting.status)
    if not dates_open and clean.ends_on != posting.ends_on:
        raise invalid(
            "ends_on",
            QT_TRANSLATE_NOOP(
                "validation",
                "挂职已开始，结束日期请用“延期”或“提前结束”修改，并说明理由。",
            ),
        )
    if posting.status in FINISHED and clean.starts_on != posting.starts_on:
        raise invalid(
            "starts_on",
            QT_TRANSLATE_NOOP("validation", "挂职已结束，不能再修改开始日期。"),
        )
    before = audit.snapshot(posting)
    if dates_open:
        posting.planned_ends_on = clean.ends_on
    fill(posting, clean)
    posting.status = status_for_dates(
        posting.status, clean.starts_on, clean.ends_on, today or beijing_today()
    )
    if audit.snapshot(posting) != before:
        posting.updated_at = utcnow()
        record(session, "update", posting, before)
    return detail_of(session, posting)


# --- the lifecycle ----------------------------------------------------------------------------


def extend(
    session: Session,
    posting_id: str,
    version: int,
    new_end: date,
    reason: str,
    today: date | None = None,
) -> PostingDetail:
    """延期: the term runs to ``new_end`` (later than the current end); the reason is stored
    on the posting (the latest one: each is in the audit log) and the planned end stays. A
    finished posting cannot be extended."""
    posting = live_posting(session, posting_id, version)
    why = check_reason("reason", reason, QT_TRANSLATE_NOOP("fields", "延期"))
    check(Action.EXTEND, posting.status)
    if new_end <= posting.ends_on:
        raise invalid(
            "ends_on",
            QT_TRANSLATE_NOOP("validation", "延期后的结束日期应晚于原结束日期（{end}）。"),
            end=posting.ends_on.isoformat(),
        )
    before = audit.snapshot(posting)
    posting.ends_on = new_end
    posting.extension_reason = why
    posting.status = status_for_dates(
        PostingStatus.EXTENDED, posting.starts_on, new_end, today or beijing_today()
    )
    record(session, "extend", posting, before, reason=why)
    return detail_of(session, posting)


def end_early(
    session: Session,
    posting_id: str,
    version: int,
    ended_on: date,
    reason: str,
    today: date | None = None,
) -> PostingDetail:
    """提前结束: the term ends on ``ended_on`` (from its start to before its current end, and
    not in the future); the reason is stored and audited beside any 延期's, and the planned end
    stays. Final: no later state follows."""
    posting = live_posting(session, posting_id, version)
    why = check_reason("reason", reason, QT_TRANSLATE_NOOP("fields", "提前结束"))
    check(Action.END_EARLY, posting.status)
    now = today or beijing_today()
    if ended_on < posting.starts_on:
        raise invalid(
            "ended_on",
            QT_TRANSLATE_NOOP("validation", "结束日期不能早于挂职开始日期（{start}）。"),
            start=posting.starts_on.isoformat(),
        )
    if ended_on >= posting.ends_on:
        raise invalid(
            "ended_on",
            QT_TRANSLATE_NOOP("validation", "提前结束的日期应早于原结束日期（{end}）。"),
            end=posting.ends_on.isoformat(),
        )
    if ended_on > now:
        raise invalid("ended_on", QT_TRANSLATE_NOOP("validation", "提前结束的日期不能晚于今天。"))
    before = audit.snapshot(posting)
    posting.ends_on = ended_on
    posting.early_end_reason = why
    posting.status = PostingStatus.ENDED_EARLY
    record(session, "end_early", posting, before, reason=why)
    return detail_of(session, posting)


def delete_posting(session: Session, posting_id: str) -> None:
    """Soft delete; its logs and evaluations stay with it (and come back with a restore)."""
    AUDIT.soft_delete(session, live_posting(session, posting_id))


def restore_posting(session: Session, posting_id: str) -> None:
    AUDIT.restore(session, stored(session, Posting, posting_id, WHAT))


# --- the grid's 第一社长 ----------------------------------------------------------------------


@dataclass(frozen=True)
class FirstCommunityHead:
    """Who is a grid's 第一社长 now: for the directory's grid view."""

    grid_id: str
    posting_id: str
    person_id: str
    person_name: str
    home_name: str
    starts_on: date
    ends_on: date
    status: PostingStatus


def first_community_heads(
    session: Session, grid_ids: list[str] | None = None
) -> dict[str, FirstCommunityHead]:
    """The current 第一社长 of each grid (of ``grid_ids``, or of all): the live posting of that
    kind, 在岗 or 延期, with the latest start when there are several."""
    stmt = (
        select(Posting, Person.name)
        .join(Person, Person.id == Posting.person_id)
        .where(
            Posting.deleted_at.is_(None),
            Posting.kind == PostingKind.FIRST_COMMUNITY_HEAD,
            Posting.status.in_(list(RUNNING)),
            Posting.host_org_unit_id.is_not(None),
        )
        .order_by(Posting.starts_on, Posting.id)
    )
    if grid_ids is not None:
        stmt = stmt.where(Posting.host_org_unit_id.in_(grid_ids))
    heads: dict[str, FirstCommunityHead] = {}
    for posting, name in session.execute(stmt):
        assert posting.host_org_unit_id is not None
        heads[posting.host_org_unit_id] = FirstCommunityHead(
            grid_id=posting.host_org_unit_id,
            posting_id=posting.id,
            person_id=posting.person_id,
            person_name=name,
            home_name=names_of(session, posting).home,
            starts_on=posting.starts_on,
            ends_on=posting.ends_on,
            status=posting.status,
        )
    return heads


def first_community_head(session: Session, grid_id: str) -> FirstCommunityHead | None:
    """The grid's current 第一社长, or None."""
    return first_community_heads(session, [grid_id]).get(grid_id)
