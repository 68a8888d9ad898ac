"""The three lists (三张清单) and two-way claiming (双向认领): a unit claims a community's
need, a community claims a unit's resource; either side a project. An entry goes 待认领 open
→ 已认领 claimed → 实施中 in progress → 已完成 done, each step with its date; it can be
cancelled (with a reason) before it is done. ``suggest_matches`` pairs open needs with open
resources of the same category in the same zone."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app import audit
from app.agreements.store import LIST_ENTRY, added, live_entry, record, restore, soft_delete
from app.errors import invalid, refuse
from app.i18n import QT_TRANSLATE_NOOP
from app.labels import label
from app.store import columns, data_of, stored
from app.validation import check_length, check_required
from db.models.agreements import ListEntry, ListEntryStatus, ListKind
from db.models.directory import OrgLevel, OrgUnit, ResidentUnit

__all__ = [
    "EntryDetail",
    "ListEntryData",
    "Match",
    "cancel",
    "categories",
    "claim",
    "claim_match",
    "create_entry",
    "delete_entry",
    "entry_detail",
    "finish",
    "live_entry",
    "matches_for",
    "release",
    "restore_entry",
    "start",
    "step_back",
    "suggest_matches",
    "unclaimed_needs",
]

NEXT = {
    ListEntryStatus.OPEN: ListEntryStatus.CLAIMED,
    ListEntryStatus.CLAIMED: ListEntryStatus.IN_PROGRESS,
    ListEntryStatus.IN_PROGRESS: ListEntryStatus.DONE,
}

STEP_DATES = {  # the date each forward step sets
    ListEntryStatus.CLAIMED: "claimed_on",
    ListEntryStatus.IN_PROGRESS: "started_on",
    ListEntryStatus.DONE: "done_on",
}
DELETABLE = frozenset({ListEntryStatus.OPEN, ListEntryStatus.CANCELLED})


@dataclass(frozen=True)
class ListEntryData:
    list_kind: ListKind | None = None
    title: str = ""
    description: str = ""
    category: str = ""
    raised_by_org_unit_id: str | None = None  # a community (or the street)
    raised_by_unit_id: str | None = None  # a resident unit
    raised_on: date | None = None

    def validated(self) -> ListEntryData:
        if self.list_kind is None:
            raise invalid("list_kind", QT_TRANSLATE_NOOP("validation", "请选择清单类别。"))
        title = check_required("title", self.title, QT_TRANSLATE_NOOP("fields", "名称"), 200)
        category = check_length("category", self.category, QT_TRANSLATE_NOOP("fields", "类别"), 40)
        if (self.raised_by_org_unit_id is None) == (self.raised_by_unit_id is None):
            raise invalid(
                "raised_by", QT_TRANSLATE_NOOP("validation", "请选择提出方（社区或驻区单位之一）。")
            )
        if self.list_kind is ListKind.NEED and self.raised_by_org_unit_id is None:
            raise invalid("raised_by", QT_TRANSLATE_NOOP("validation", "需求由社区提出。"))
        if self.list_kind is ListKind.RESOURCE and self.raised_by_unit_id is None:
            raise invalid("raised_by", QT_TRANSLATE_NOOP("validation", "资源由驻区单位提供。"))
        if self.raised_on is None:
            raise invalid("raised_on", QT_TRANSLATE_NOOP("validation", "请填写提出日期。"))
        return replace(self, title=title, category=category, description=self.description.strip())


def create_entry(session: Session, data: ListEntryData) -> str:
    clean = data.validated()
    return added(session, ListEntry(**columns(clean), status=ListEntryStatus.OPEN))


def _check_date(entry: ListEntry, on: date) -> None:
    last = entry.done_on or entry.started_on or entry.claimed_on or entry.raised_on
    if on < last:
        raise invalid(
            "on",
            QT_TRANSLATE_NOOP("validation", "日期不能早于上一步的日期（{last}）。"),
            last=last.isoformat(),
        )


def _step(entry: ListEntry, wanted: ListEntryStatus) -> None:
    if NEXT.get(entry.status) is not wanted:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "这条清单现在是“{status}”，不能进行这一步。"),
            status=label(entry.status),
        )


def claim(
    session: Session,
    entry_id: str,
    version: int,
    on: date,
    *,
    org_unit_id: str | None = None,
    unit_id: str | None = None,
) -> None:
    """认领: the other side takes the entry — a unit (``unit_id``) a community's need, a
    community (``org_unit_id``) a unit's resource."""
    entry = live_entry(session, entry_id, version)
    _step(entry, ListEntryStatus.CLAIMED)
    if (org_unit_id is None) == (unit_id is None):
        raise invalid("claimer", QT_TRANSLATE_NOOP("validation", "请选择认领方。"))
    if (entry.raised_by_org_unit_id is not None and org_unit_id is not None) or (
        entry.raised_by_unit_id is not None and unit_id is not None
    ):
        raise invalid(
            "claimer",
            QT_TRANSLATE_NOOP(
                "validation", "认领方应为另一方：单位认领社区需求，社区认领单位资源。"
            ),
        )
    _check_date(entry, on)
    before = audit.snapshot(entry)
    entry.status = ListEntryStatus.CLAIMED
    entry.claimed_by_org_unit_id = org_unit_id
    entry.claimed_by_unit_id = unit_id
    entry.claimed_on = on
    record(session, "claim", entry, before)


def start(session: Session, entry_id: str, version: int, on: date) -> None:
    """开始实施 on ``on``."""
    _take_step(session, entry_id, version, on, ListEntryStatus.IN_PROGRESS, "start")


def finish(session: Session, entry_id: str, version: int, on: date) -> None:
    """完成 on ``on``."""
    _take_step(session, entry_id, version, on, ListEntryStatus.DONE, "finish")


def _take_step(
    session: Session, entry_id: str, version: int, on: date, to: ListEntryStatus, action: str
) -> None:
    """A step that only moves the entry on and dates it (starting, finishing)."""
    entry = live_entry(session, entry_id, version)
    _step(entry, to)
    _check_date(entry, on)
    before = audit.snapshot(entry)
    entry.status = to
    setattr(entry, STEP_DATES[to], on)
    record(session, action, entry, before)


def step_back(session: Session, entry_id: str, step: ListEntryStatus) -> None:
    """Takes back the forward step that led to ``step`` (an undo of 认领, 开始实施 or 完成):
    the entry returns to the status before it, without the step's date. Refused when the
    entry has moved on since."""
    entry = live_entry(session, entry_id)
    previous = {after: before for before, after in NEXT.items()}.get(step)
    if previous is None or entry.status is not step:
        raise refuse(
            QT_TRANSLATE_NOOP("errors", "这条清单现在是“{status}”，这一步已不能撤销。"),
            status=label(entry.status),
        )
    before = audit.snapshot(entry)
    entry.status = previous
    setattr(entry, STEP_DATES[step], None)
    if step is ListEntryStatus.CLAIMED:
        entry.claimed_by_org_unit_id = entry.claimed_by_unit_id = None
    record(session, "undo", entry, before)


def release(session: Session, entry_id: str, version: int, reason: str) -> None:
    """Gives a claimed (not yet started) entry back to the list, with a reason."""
    entry = live_entry(session, entry_id, version)
    if entry.status is not ListEntryStatus.CLAIMED:
        raise refuse(QT_TRANSLATE_NOOP("errors", "只有已认领、尚未实施的清单可以退回。"))
    text = _reason(reason)
    before = audit.snapshot(entry)
    entry.status = ListEntryStatus.OPEN
    entry.claimed_by_org_unit_id = entry.claimed_by_unit_id = None
    entry.claimed_on = None
    record(session, "release", entry, before, reason=text)


def cancel(session: Session, entry_id: str, version: int, reason: str) -> None:
    entry = live_entry(session, entry_id, version)
    if entry.status in (ListEntryStatus.DONE, ListEntryStatus.CANCELLED):
        raise refuse(QT_TRANSLATE_NOOP("errors", "已完成或已取消的清单不能取消。"))
    text = _reason(reason)
    before = audit.snapshot(entry)
    entry.status = ListEntryStatus.CANCELLED
    record(session, "cancel", entry, before, reason=text)


def delete_entry(session: Session, entry_id: str, version: int) -> None:
    """Deletes an entry raised by mistake (audited; ``restore_entry`` brings it back). One
    the other side has claimed is not deleted: it is released or cancelled, with a reason."""
    entry = live_entry(session, entry_id)
    if entry.status not in DELETABLE:
        raise refuse(
            QT_TRANSLATE_NOOP(
                "errors", "这条清单现在是“{status}”，不能删除；请先退回认领或取消清单。"
            ),
            status=label(entry.status),
        )
    soft_delete(session, entry, version)


def restore_entry(session: Session, entry_id: str) -> None:
    restore(session, stored(session, ListEntry, entry_id, LIST_ENTRY))


def _reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise invalid("reason", QT_TRANSLATE_NOOP("validation", "请填写原因。"))
    return text[:200]


@dataclass(frozen=True)
class Match:
    need_id: str
    need_title: str
    community_name: str
    resource_id: str
    resource_title: str
    unit_name: str
    category: str
    zone_id: str
    zone_name: str


def _zones(session: Session) -> tuple[dict[str, str], dict[str, str]]:
    """org unit id → the id of its zone (片区), and zone id → name."""
    rows = session.execute(select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.level, OrgUnit.name))
    units = {r[0]: (r[1], r[2], r[3]) for r in rows}
    zone_of: dict[str, str] = {}
    names = {i: u[2] for i, u in units.items() if u[1] is OrgLevel.ZONE}
    for unit_id in units:
        current: str | None = unit_id
        for _ in range(6):
            if current is None or current not in units:
                break
            if units[current][1] is OrgLevel.ZONE:
                zone_of[unit_id] = current
                break
            current = units[current][0]
    return zone_of, names


def suggest_matches(session: Session) -> list[Match]:
    """Open needs × open resources of the same (non-empty) category in the same zone."""
    zone_of, zone_names = _zones(session)
    community = aliased(OrgUnit)
    needs = session.execute(
        select(ListEntry.id, ListEntry.title, ListEntry.category, community.id, community.name)
        .join(community, community.id == ListEntry.raised_by_org_unit_id)
        .where(
            ListEntry.list_kind == ListKind.NEED,
            ListEntry.status == ListEntryStatus.OPEN,
            ListEntry.deleted_at.is_(None),
            ListEntry.category != "",
        )
    ).all()
    resources = session.execute(
        select(
            ListEntry.id,
            ListEntry.title,
            ListEntry.category,
            ResidentUnit.org_unit_id,
            ResidentUnit.name,
        )
        .join(ResidentUnit, ResidentUnit.id == ListEntry.raised_by_unit_id)
        .where(
            ListEntry.list_kind == ListKind.RESOURCE,
            ListEntry.status == ListEntryStatus.OPEN,
            ListEntry.deleted_at.is_(None),
        )
    ).all()
    offered: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for r in resources:
        zone = zone_of.get(r[3] or "")
        if zone is not None:
            offered.setdefault((r[2], zone), []).append((r[0], r[1], r[4]))
    matches = []
    for n in needs:
        zone = zone_of.get(n[3])
        if zone is None:
            continue
        for resource_id, title, unit_name in offered.get((n[2], zone), []):
            matches.append(
                Match(n[0], n[1], n[4], resource_id, title, unit_name, n[2], zone, zone_names[zone])
            )
    return sorted(matches, key=lambda m: (m.zone_name, m.category, m.need_title, m.unit_name))


def unclaimed_needs(session: Session, today: date, days: int) -> list[tuple[str, str, date]]:
    """Open needs raised more than ``days`` ago: (id, title, raised_on), oldest first."""
    rows = session.execute(
        select(ListEntry.id, ListEntry.title, ListEntry.raised_on)
        .where(
            ListEntry.list_kind == ListKind.NEED,
            ListEntry.status == ListEntryStatus.OPEN,
            ListEntry.deleted_at.is_(None),
            ListEntry.raised_on < today - timedelta(days=days),
        )
        .order_by(ListEntry.raised_on, ListEntry.id)
    )
    return [(r[0], r[1], r[2]) for r in rows]


@dataclass(frozen=True)
class EntryDetail:
    """A list entry as the claims view shows it."""

    id: str
    version: int
    list_kind: ListKind
    title: str
    description: str
    category: str
    status: ListEntryStatus
    raised_by: str
    raised_by_org_unit_id: str | None
    raised_by_unit_id: str | None
    raised_on: date
    claimed_by: str
    claimed_on: date | None
    started_on: date | None
    done_on: date | None

    @property
    def claimed_by_unit(self) -> bool:
        """Whether the other side, the one that claims, is a resident unit (not a community)."""
        return self.raised_by_org_unit_id is not None


def _name(session: Session, org_unit_id: str | None, unit_id: str | None) -> str:
    if org_unit_id is not None:
        return session.scalar(select(OrgUnit.name).where(OrgUnit.id == org_unit_id)) or ""
    if unit_id is not None:
        return session.scalar(select(ResidentUnit.name).where(ResidentUnit.id == unit_id)) or ""
    return ""


def entry_detail(session: Session, entry_id: str) -> EntryDetail:
    entry = live_entry(session, entry_id)
    return data_of(
        EntryDetail,
        entry,
        raised_by=_name(session, entry.raised_by_org_unit_id, entry.raised_by_unit_id),
        claimed_by=_name(session, entry.claimed_by_org_unit_id, entry.claimed_by_unit_id),
    )


def categories(session: Session) -> list[str]:
    """The categories in use, for the filter and for raising an entry."""
    rows = session.scalars(
        select(ListEntry.category)
        .where(ListEntry.deleted_at.is_(None), ListEntry.category != "")
        .distinct()
        .order_by(ListEntry.category)
    )
    return list(rows)


def matches_for(session: Session, entry_id: str) -> list[Match]:
    """The suggestions that involve the entry (an open need or resource)."""
    return [m for m in suggest_matches(session) if entry_id in (m.need_id, m.resource_id)]


def claim_match(session: Session, need_id: str, resource_id: str, on: date) -> None:
    """Takes up a suggestion in one step: the resource's unit claims the need and the need's
    community claims the resource; both or neither."""
    need = live_entry(session, need_id)
    resource = live_entry(session, resource_id)
    community, unit = need.raised_by_org_unit_id, resource.raised_by_unit_id
    claim(session, need.id, need.version, on, unit_id=unit)
    claim(session, resource.id, resource.version, on, org_unit_id=community)
