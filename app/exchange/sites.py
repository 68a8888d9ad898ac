"""Sites: the street office and the community centres it enrols.

A database with no site of its own is the street office (as every database was before the
exchange); its own row is made when it enrols its first community. A community site is made
from an enrolment file and exchanges only with the street.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.errors import UserError
from app.exchange.rights import require_admin
from app.i18n import QT_TRANSLATE_NOOP, Message
from db.base import utcnow
from db.models.directory import OrgLevel, OrgUnit
from db.models.exchange import Site, SiteKind, SiteState

CONTEXT = "exchange"
STREET_WORDS = ("street", "街道")


def refused(template: str, **params: object) -> UserError:
    """An exchange error for the user; pass ``QT_TRANSLATE_NOOP("exchange", …)``."""
    return UserError(Message(CONTEXT, template, **params))


def local_site(session: Session) -> Site:
    site = session.scalar(select(Site).where(Site.is_local.is_(True)))
    if site is None:
        raise refused(
            QT_TRANSLATE_NOOP(
                "exchange",
                "本数据库还没有参加数据交换：街道先新建社区站点，社区用登记文件加入。",
            )
        )
    return site


def local_site_or_none(session: Session) -> Site | None:
    return session.scalar(select(Site).where(Site.is_local.is_(True)))


QUIET_DAYS = 7  # the home tab reminds of a community silent this long


def quiet_communities(session: Session, now: datetime | None = None) -> list[str]:
    """Active communities that have sent nothing for ``QUIET_DAYS`` days (the street's view)."""
    local = local_site_or_none(session)
    if local is None or local.kind is not SiteKind.STREET:
        return []
    since = (now or utcnow()) - timedelta(days=QUIET_DAYS)
    rows = session.scalars(
        select(Site.name)
        .where(Site.kind == SiteKind.COMMUNITY, Site.state == SiteState.ACTIVE)
        .where(
            (Site.last_received_at < since)
            | (Site.last_received_at.is_(None) & (Site.created_at < since))
        )
        .order_by(Site.code)
    )
    return list(rows)


def find_site(session: Session, reference: str) -> Site:
    """A site by id, code or name; ``street`` or ``街道`` names the street office."""
    if reference.strip().lower() in STREET_WORDS:
        wanted = (Site.kind == SiteKind.STREET) & Site.is_local.is_(False)
    else:
        wanted = (
            (Site.id == reference) | (Site.code == reference.upper()) | (Site.name == reference)
        )
    site = session.scalar(select(Site).where(wanted))
    if site is None or site.is_local:
        raise refused(
            QT_TRANSLATE_NOOP("exchange", "找不到站点：{site}（gongjian exchange sites 列出站点）"),
            site=reference,
        )
    return site


def linked_site(session: Session, local: Site, reference: str) -> Site:
    """The site ``local`` exchanges packages with: a community with the street only."""
    site = find_site(session, reference)
    if local.kind is site.kind:
        raise refused(
            QT_TRANSLATE_NOOP("exchange", "社区站点只与街道交换数据，街道只与社区交换数据。")
        )
    if site.state is not SiteState.ACTIVE:
        raise refused(
            QT_TRANSLATE_NOOP("exchange", "站点“{site}”已停用或吊销，不再与它交换数据。"),
            site=site.name,
        )
    return site


def community_site(local: Site, other: Site) -> Site:
    """Of the two ends of a link, the community: its key seals the link's packages."""
    return other if local.kind is SiteKind.STREET else local


def key_of(site: Site) -> bytes:
    assert site.key is not None, "a community site always has its key"
    return site.key


def street_for_enrolment(session: Session) -> Site:
    """This database's site as the street office, made now if it had none."""
    require_admin(session)
    local = local_site_or_none(session)
    if local is not None:
        if local.kind is not SiteKind.STREET:
            raise refused(QT_TRANSLATE_NOOP("exchange", "只有街道可以新建社区站点。"))
        return local
    name = session.scalar(
        select(OrgUnit.name).where(OrgUnit.level == OrgLevel.STREET, OrgUnit.deleted_at.is_(None))
    )
    street = Site(name=name or "街道办事处", kind=SiteKind.STREET, code="", is_local=True)
    session.add(street)
    session.flush()
    return street


def community_unit(session: Session, community: str) -> OrgUnit:
    unit = session.scalar(
        select(OrgUnit).where(
            (OrgUnit.name == community) | (OrgUnit.id == community),
            OrgUnit.level == OrgLevel.COMMUNITY,
            OrgUnit.deleted_at.is_(None),
        )
    )
    if unit is None:
        raise refused(
            QT_TRANSLATE_NOOP("exchange", "找不到社区“{community}”：请填写组织架构中社区的名称。"),
            community=community,
        )
    taken = session.scalar(
        select(Site.name).where(Site.community_id == unit.id, Site.state == SiteState.ACTIVE)
    )
    if taken is not None:
        raise refused(
            QT_TRANSLATE_NOOP(
                "exchange", "社区“{community}”已有站点；要重新登记，先停用或吊销原站点。"
            ),
            community=unit.name,
        )
    return unit


def next_code(session: Session) -> str:
    """A, B, … Z, AA, AB …: the community sites' codes in the order they were made."""
    number = int(session.scalar(select(func.count()).where(Site.kind == SiteKind.COMMUNITY)) or 0)
    code = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        code = chr(ord("A") + rest) + code
    return code


def set_state(session: Session, reference: str, state: SiteState) -> Site:
    """Retires or revokes a site: from now on its packages are refused."""
    require_admin(session)
    site = find_site(session, reference)
    if site.state is not state:
        before = site.state.value
        site.state = state
        audit.event_entry(  # not the record itself: it holds the key
            session,
            f"site_{state.value}",
            entity="exchange_sites",
            entity_id=site.id,
            detail={"name": site.name, "before": before, "state": state.value},
        )
    return site


def community_names(session: Session) -> list[str]:
    """Communities of the org tree without an active site, for a new one."""
    taken = select(Site.community_id).where(
        Site.state == SiteState.ACTIVE, Site.community_id.is_not(None)
    )
    return list(
        session.scalars(
            select(OrgUnit.name)
            .where(OrgUnit.level == OrgLevel.COMMUNITY, OrgUnit.deleted_at.is_(None))
            .where(OrgUnit.id.not_in(taken))
            .order_by(OrgUnit.position, OrgUnit.name)
        )
    )


def record_sent(
    session: Session, site: Site, upto: int, action: str, detail: dict[str, Any]
) -> None:
    """A package or enrolment file for ``site`` is written: the changes up to ``upto`` count as
    sent to it (never fewer than before; a new site has sent nothing), and the audit log says
    what went."""
    site.sent_upto = max(site.sent_upto or 0, upto)
    site.last_sent_at = utcnow()
    audit.event_entry(session, action, entity="exchange_sites", entity_id=site.id, detail=detail)
