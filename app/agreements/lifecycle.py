"""An agreement's lifecycle as a state machine, and the steps that move it.

草拟 draft → 生效 active (or 即将到期 expiring when its end is near) → 即将到期 → 到期 expired as
the days pass; 终止 terminated with a reason at any point before it expired; 续签 renewed once
a successor takes over. 终止 and 续签 are final: the agreement stays on the record as it
ended. The table is the single rule the use cases, the editor's buttons and the tests read;
``AgreementDetail.actions`` carries what it allows now.

Dated states move by themselves: ``refresh_statuses`` is run by ``app.daily``, as the system.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.agreements.reckoning import BEHIND_MARGIN_KEY
from app.agreements.records import (
    EXPIRING_DAYS_KEY,
    AgreementSettings,
    PartyRef,
    expiring_days,
)
from app.agreements.store import (
    check_number_free,
    live_agreement,
    number_code,
    propose_number,
    record,
    set_parties,
    state,
)
from app.errors import invalid, refuse
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.labels import label
from app.localtime import beijing_today
from app.settings_store import store_setting
from db.models.agreements import Agreement, AgreementStatus, Commitment

S = AgreementStatus


class Action(StrEnum):
    """What may be done to an agreement; the first three move its status."""

    ACTIVATE = "activate"  # 生效
    TERMINATE = "terminate"  # 终止
    RENEW = "renew"  # 续签
    EDIT = "edit"  # its fields, commitments and fulfilment records change
    RECORD_FULFILMENT = "record_fulfilment"  # 登记履约


INITIAL = S.DRAFT
"""What a new agreement is until it is activated."""

DATED = frozenset({S.ACTIVE, S.EXPIRING, S.EXPIRED})
"""States that the dates move on; the others change only by a user's action."""

RUNNING = (S.ACTIVE, S.EXPIRING)
"""In force: its commitments are counted and fall behind."""

FINAL = frozenset({S.TERMINATED, S.RENEWED})
"""Ended: on the record as it ended, never edited again."""

# action → {status before: status after}; ``None`` after: decided by the dates (``status_for``).
TRANSITIONS: dict[Action, dict[AgreementStatus, AgreementStatus | None]] = {
    Action.ACTIVATE: {S.DRAFT: None},
    Action.TERMINATE: {S.DRAFT: S.TERMINATED, S.ACTIVE: S.TERMINATED, S.EXPIRING: S.TERMINATED},
    Action.RENEW: {S.ACTIVE: S.RENEWED, S.EXPIRING: S.RENEWED, S.EXPIRED: S.RENEWED},
    Action.EDIT: {s: s for s in S if s not in FINAL},
    Action.RECORD_FULFILMENT: {s: s for s in DATED},
}

REFUSALS: dict[Action, str] = {
    Action.ACTIVATE: QT_TRANSLATE_NOOP("errors", "只有草拟的协议可以生效。"),
    Action.TERMINATE: QT_TRANSLATE_NOOP("errors", "已到期、已终止或已续签的协议不能终止。"),
    Action.RENEW: QT_TRANSLATE_NOOP("errors", "只有生效、即将到期或到期的协议可以续签。"),
    Action.RECORD_FULFILMENT: QT_TRANSLATE_NOOP("errors", "草拟的协议尚未生效，不能登记履约。"),
}


def allowed_actions(status: AgreementStatus) -> frozenset[Action]:
    """What the lifecycle allows an agreement in ``status``."""
    return frozenset(action for action, moves in TRANSITIONS.items() if status in moves)


def check(action: Action, status: AgreementStatus) -> None:
    """Raises the reason when ``action`` is not allowed in ``status``."""
    if status in TRANSITIONS[action]:
        return
    if status not in FINAL or action not in (Action.EDIT, Action.RECORD_FULFILMENT):
        raise refuse(REFUSALS[action])
    if status is S.TERMINATED:
        raise invalid("status", QT_TRANSLATE_NOOP("validation", "协议已终止，不能再修改。"))
    raise invalid(
        "status",
        QT_TRANSLATE_NOOP("validation", "协议已续签，不能再修改；请修改续签后的新协议。"),
    )


def check_editable(agreement: Agreement) -> None:
    """A terminated or renewed agreement is on the record as it ended: it is not edited."""
    check(Action.EDIT, agreement.status)


def fulfilment_refusal(branch: str, status: AgreementStatus) -> Message | None:
    """Why a pairing's fulfilment cannot be recorded in the matrix (None: it can)."""
    if status not in FINAL:
        return None
    text = QT_TRANSLATE_NOOP("errors", "{branch}的结对协议已{status}，不能再登记履约。")
    if status is S.RENEWED:
        text = QT_TRANSLATE_NOOP(
            "errors", "{branch}的结对协议已{status}，不能再登记履约。请在续签后的新协议上登记。"
        )
    return Message("errors", text, branch=branch, status=label(status))


def status_for(
    valid_from: date | None,
    valid_to: date | None,
    today: date,
    days: int,
    current: AgreementStatus,
) -> AgreementStatus:
    """The status an agreement has on ``today``: a signed (active) agreement is 即将到期
    within ``days`` of its end and 到期 after it; 草拟, 终止 and 续签 stay as they are."""
    if current not in DATED or valid_from is None or valid_to is None:
        return current
    if today > valid_to:
        return S.EXPIRED
    if (valid_to - today).days <= days:
        return S.EXPIRING
    return S.ACTIVE


# The steps -----------------------------------------------------------------------------------


def _check_reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise invalid("reason", QT_TRANSLATE_NOOP("validation", "请填写原因。"))
    if len(text) > 200:
        raise invalid("reason", QT_TRANSLATE_NOOP("validation", "原因最多200个字。"))
    return text


def activate(
    session: Session,
    agreement_id: str,
    version: int,
    *,
    reason: str = "",
    today: date | None = None,
) -> AgreementStatus:
    """草拟 → 生效 (or 即将到期 when its end is near): needs the signing date and valid dates
    that have not passed."""
    agreement = live_agreement(session, agreement_id, version)
    now = today or beijing_today()
    check(Action.ACTIVATE, agreement.status)
    if agreement.valid_from is None or agreement.valid_to is None:
        raise invalid("valid_from", QT_TRANSLATE_NOOP("validation", "请先填写有效期再使协议生效。"))
    if agreement.valid_to < now:
        raise invalid("valid_to", QT_TRANSLATE_NOOP("validation", "有效期已过，不能生效。"))
    if agreement.signed_on is None:
        raise invalid("signed_on", QT_TRANSLATE_NOOP("validation", "请先填写签订日期。"))
    before = state(agreement)
    agreement.status = status_for(
        agreement.valid_from, agreement.valid_to, now, expiring_days(session), S.ACTIVE
    )
    record(session, "activate", agreement, before, reason=reason.strip())
    return agreement.status


def terminate(session: Session, agreement_id: str, version: int, reason: str) -> AgreementStatus:
    """终止 with a reason; an agreement that has expired, was renewed or ended cannot."""
    agreement = live_agreement(session, agreement_id, version)
    text = _check_reason(reason)
    check(Action.TERMINATE, agreement.status)
    before = state(agreement)
    agreement.status = S.TERMINATED
    agreement.end_reason = text
    record(session, "terminate", agreement, before, reason=text)
    return agreement.status


def renew(
    session: Session,
    agreement_id: str,
    version: int,
    valid_to: date,
    *,
    valid_from: date | None = None,
    signed_on: date | None = None,
    number: str | None = None,
    reason: str = "",
    today: date | None = None,
) -> str:
    """续签: a successor with the same parties and commitments from the day after the old end
    (or ``valid_from``) to ``valid_to``; the old one becomes 续签. Returns the successor's id."""
    old = live_agreement(session, agreement_id, version)
    check(Action.RENEW, old.status)
    now = today or beijing_today()
    start = valid_from or (old.valid_to + timedelta(days=1) if old.valid_to else now)
    if valid_to < start:
        raise invalid(
            "valid_to", QT_TRANSLATE_NOOP("validation", "有效期至不能早于有效期起始日期。")
        )
    new_number = number or propose_number(session, old.kind, start.year, number_code(old.number))
    check_number_free(session, new_number, None)
    successor = Agreement(
        kind=old.kind,
        number=new_number,
        title=old.title,
        signed_on=signed_on or now,
        valid_from=start,
        valid_to=valid_to,
        summary=old.summary,
        predecessor_id=old.id,
        status=status_for(start, valid_to, now, expiring_days(session), S.ACTIVE),
    )
    set_parties(
        successor,
        tuple(
            PartyRef(p.side, p.org_unit_id, p.resident_unit_id, p.party_org_id) for p in old.parties
        ),
    )
    session.add(successor)
    session.flush()
    _carry_commitments(old, successor, valid_to)
    record(session, "create", successor, None, reason=reason.strip())
    before = state(old)
    old.status = S.RENEWED
    record(session, "renew", old, before, reason=reason.strip())
    return successor.id


def _carry_commitments(old: Agreement, successor: Agreement, valid_to: date) -> None:
    """The old agreement's live commitments, due the same day of the successor's years."""
    by_ref = {(p.org_unit_id, p.resident_unit_id, p.party_org_id): p for p in successor.parties}
    old_refs = {p.id: (p.org_unit_id, p.resident_unit_id, p.party_org_id) for p in old.parties}
    for c in old.commitments:
        if c.deleted_at is not None:
            continue
        responsible = by_ref[old_refs[c.responsible_party_id]] if c.responsible_party_id else None
        due = (
            _shift_year(c.due_on, valid_to.year - old.valid_to.year)
            if (c.due_on and old.valid_to)
            else None
        )
        successor.commitments.append(
            Commitment(
                activity=c.activity,
                text=c.text,
                responsible_party_id=responsible.id if responsible else None,
                yearly_target=c.yearly_target,
                due_on=due,
            )
        )


def _shift_year(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def refresh_statuses(session: Session, today: date | None = None) -> int:
    """Moves every live agreement's stored status on to what its dates say today (生效 →
    即将到期 → 到期); each change is audited. Returns how many changed."""
    now = today or beijing_today()
    days = expiring_days(session)
    changed = 0
    rows = session.scalars(
        select(Agreement).where(Agreement.deleted_at.is_(None), Agreement.status.in_(DATED))
    ).all()
    for agreement in rows:
        status = status_for(agreement.valid_from, agreement.valid_to, now, days, agreement.status)
        if status is not agreement.status:
            before = state(agreement)
            agreement.status = status
            record(session, "status", agreement, before)
            changed += 1
    return changed


def save_settings(session: Session, settings: AgreementSettings, today: date | None = None) -> int:
    """Stores the settings (each change audited) and moves the states on to what the new
    number of days says. Returns how many agreements changed state."""
    clean = settings.validated()
    for key, value in (
        (EXPIRING_DAYS_KEY, clean.expiring_days),
        (BEHIND_MARGIN_KEY, clean.behind_percent / 100),
    ):
        store_setting(session, key, value)
    session.flush()
    return refresh_statuses(session, today)
