"""The 七个共 matrix of the branch pairings (百对党支部共建联盟): one row per pair, one cell
per joint activity for a year — done (with the latest date), planned (committed, not yet
done) or missing. One SQL statement with two grouped subqueries, however many pairs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, case, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from app.agreements.commitments import commitment_for, record_fulfilment
from app.agreements.records import FulfilmentData
from app.agreements.store import live_agreement
from app.directory.subtree import in_subtree
from app.i18n import QT_TRANSLATE_NOOP
from db.models.agreements import (
    Agreement,
    AgreementKind,
    AgreementParty,
    AgreementStatus,
    Commitment,
    FulfilmentRecord,
    JointActivity,
    PartySide,
)
from db.models.directory import OrgUnit, PartyOrg, ResidentUnit

SEVEN = (
    JointActivity.PARTY_LESSON,
    JointActivity.THEMED_EVENT,
    JointActivity.HELP_FAMILY,
    JointActivity.VOLUNTEER_SERVICE,
    JointActivity.GRID_DAY,
    JointActivity.PARTY_SITE,
    JointActivity.GOVERNANCE_PROBLEM,
)
SORTS = ("completion", "name", "community")
SHORT_NAMES = {  # column headings where the full name (app.labels) is too wide
    JointActivity.PARTY_LESSON: QT_TRANSLATE_NOOP("columns", "共上党课"),
    JointActivity.THEMED_EVENT: QT_TRANSLATE_NOOP("columns", "共办活动"),
    JointActivity.HELP_FAMILY: QT_TRANSLATE_NOOP("columns", "共帮一户"),
    JointActivity.VOLUNTEER_SERVICE: QT_TRANSLATE_NOOP("columns", "志愿服务"),
    JointActivity.GRID_DAY: QT_TRANSLATE_NOOP("columns", "网格员日"),
    JointActivity.PARTY_SITE: QT_TRANSLATE_NOOP("columns", "党建阵地"),
    JointActivity.GOVERNANCE_PROBLEM: QT_TRANSLATE_NOOP("columns", "治理难题"),
}


def matrix_title(year: int) -> str:
    """The printed and exported document's title."""
    return f"{year}年百对党支部共建联盟“七个共”落实情况"


class CellState(StrEnum):
    DONE = "done"
    PLANNED = "planned"
    MISSING = "missing"


@dataclass(frozen=True)
class MatrixCell:
    activity: JointActivity
    state: CellState
    last_on: date | None  # the latest fulfilment in the year when DONE


@dataclass(frozen=True)
class MatrixRow:
    agreement_id: str
    number: str
    status: AgreementStatus
    branch_id: str
    branch_name: str
    unit_name: str
    community_id: str
    community_name: str
    zone_id: str | None
    zone_name: str
    cells: tuple[MatrixCell, ...]  # in the order of ``SEVEN``

    @property
    def completion(self) -> int:
        return sum(c.state is CellState.DONE for c in self.cells)

    @property
    def percent(self) -> int:
        """How much of the seven is done, in whole percent."""
        return round(100 * self.completion / len(SEVEN))


def cell_text(cell: MatrixCell) -> str:
    """A cell as printed and exported: ``√ 05-12`` (done, the year is the document's),
    ``○`` (committed, not yet done) or ``—`` (not committed). Characters every GBK font has."""
    if cell.state is CellState.DONE and cell.last_on is not None:
        return f"√ {cell.last_on:%m-%d}"
    return "○" if cell.state is CellState.PLANNED else "—"


def average_percent(rows: list[MatrixRow]) -> int:
    return round(sum(r.percent for r in rows) / len(rows)) if rows else 0


def lowest_completion(rows: Sequence[MatrixRow], count: int) -> list[MatrixRow]:
    """The ``count`` pairs with the fewest of the seven done, fewest first; pairs that tie keep
    the order given (the list's), so the printout reads like the screen."""
    return sorted(rows, key=lambda r: r.completion)[: max(0, count)]


def seven_matrix(
    session: Session,
    year: int,
    zone_id: str | None = None,
    community_id: str | None = None,
    sort: str = "completion",
    *,
    street_id: str | None = None,
) -> list[MatrixRow]:
    """The pairs whose term overlaps ``year``, filtered by street, zone or community. ``sort``:
    ``completion`` (most done first), ``name`` (branch) or ``community``."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    done = (
        select(
            FulfilmentRecord.agreement_id.label("agreement_id"),
            *(
                type_coerce(
                    func.max(case((FulfilmentRecord.activity == a, FulfilmentRecord.held_on))),
                    Date,
                ).label(f"d_{a.value}")
                for a in SEVEN
            ),
        )
        .where(
            FulfilmentRecord.deleted_at.is_(None),
            FulfilmentRecord.held_on >= start,
            FulfilmentRecord.held_on <= end,
        )
        .group_by(FulfilmentRecord.agreement_id)
        .subquery()
    )
    planned = (
        select(
            Commitment.agreement_id.label("agreement_id"),
            *(
                func.sum(case((Commitment.activity == a, 1), else_=0)).label(f"c_{a.value}")
                for a in SEVEN
            ),
        )
        .where(Commitment.deleted_at.is_(None))
        .group_by(Commitment.agreement_id)
        .subquery()
    )
    partner = aliased(AgreementParty)
    street = aliased(AgreementParty)
    community = aliased(OrgUnit)
    zone = aliased(OrgUnit)
    stmt = (
        select(
            Agreement.id,
            Agreement.number,
            Agreement.status,
            PartyOrg.id,
            PartyOrg.name,
            func.coalesce(ResidentUnit.name, ""),
            community.id,
            community.name,
            zone.id,
            func.coalesce(zone.name, ""),
            *(done.c[f"d_{a.value}"] for a in SEVEN),
            *(func.coalesce(planned.c[f"c_{a.value}"], 0) for a in SEVEN),
        )
        .join(
            partner,
            (partner.agreement_id == Agreement.id)
            & (partner.side == PartySide.PARTNER_SIDE)
            & partner.party_org_id.is_not(None),
        )
        .join(PartyOrg, PartyOrg.id == partner.party_org_id)
        .outerjoin(ResidentUnit, ResidentUnit.id == PartyOrg.resident_unit_id)
        .join(
            street,
            (street.agreement_id == Agreement.id)
            & (street.side == PartySide.STREET_SIDE)
            & street.org_unit_id.is_not(None),
        )
        .join(community, community.id == street.org_unit_id)
        .outerjoin(zone, zone.id == community.parent_id)
        .outerjoin(done, done.c.agreement_id == Agreement.id)
        .outerjoin(planned, planned.c.agreement_id == Agreement.id)
        .where(
            Agreement.kind == AgreementKind.BRANCH_PAIRING,
            Agreement.deleted_at.is_(None),
            Agreement.status != AgreementStatus.DRAFT,
            Agreement.valid_from <= end,
            Agreement.valid_to >= start,
        )
    )
    if zone_id is not None:
        stmt = stmt.where(zone.id == zone_id)
    if community_id is not None:
        stmt = stmt.where(community.id == community_id)
    if street_id is not None:
        stmt = stmt.where(in_subtree(community.id, street_id))
    rows: dict[str, MatrixRow] = {}
    for r in session.execute(stmt):
        if r[0] in rows:  # a pairing with two branches or communities: its first pair
            continue
        values: tuple[Any, ...] = tuple(r)
        dates: tuple[date | None, ...] = values[10:17]
        counts: tuple[int, ...] = values[17:24]
        cells = tuple(
            MatrixCell(
                a,
                CellState.DONE if d is not None else CellState.PLANNED if c else CellState.MISSING,
                d,
            )
            for a, d, c in zip(SEVEN, dates, counts, strict=True)
        )
        rows[r[0]] = MatrixRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], cells)
    return _sorted(list(rows.values()), sort)


def _sorted(rows: list[MatrixRow], sort: str) -> list[MatrixRow]:
    if sort == "name":
        return sorted(rows, key=lambda r: (r.branch_name, r.number))
    if sort == "community":
        return sorted(rows, key=lambda r: (r.zone_name, r.community_name, r.branch_name))
    return sorted(rows, key=lambda r: (-r.completion, r.community_name, r.branch_name))


def record_fulfilment_for_cell(
    session: Session,
    agreement_id: str,
    activity: JointActivity,
    held_on: date,
    *,
    participants: int = 0,
    hours: Decimal = Decimal(0),
    place: str = "",
    note: str = "",
) -> str:
    """Records a cell's activity, counted towards the pairing's commitment to it."""
    live_agreement(session, agreement_id)
    return record_fulfilment(
        session,
        agreement_id,
        FulfilmentData(
            held_on=held_on,
            activity=activity,
            commitment_id=commitment_for(session, agreement_id, activity),
            participants=participants,
            hours=hours,
            place=place,
            note=note,
        ),
    )


def matrix_years(session: Session, today: date) -> list[int]:
    """The years the pairings' terms cover, latest first; this year when there are none."""
    first, last = session.execute(
        select(func.min(Agreement.valid_from), func.max(Agreement.valid_to)).where(
            Agreement.kind == AgreementKind.BRANCH_PAIRING,
            Agreement.deleted_at.is_(None),
            Agreement.status != AgreementStatus.DRAFT,
        )
    ).one()
    if first is None or last is None:
        return [today.year]
    return list(range(last.year, first.year - 1, -1))
