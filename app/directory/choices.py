"""What the edit dialogs' pickers offer: org units, resident units, party orgs and people.

Each choice is an id with the text a user recognises it by; lookups by typed text match a
substring anywhere in the name (so "鼓楼" finds "南京市鼓楼区人民政府") and put names that
start with the text first.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session

from app.directory.lists import OrgNode, org_tree, subtree_ids
from app.listing import contains
from app.portable_sql import position_of
from db.models.directory import OrgLevel, PartyOrg, Person, ResidentUnit

LOOKUP_LIMIT = 50
PATH_SEPARATOR = " / "


@dataclass(frozen=True)
class Choice:
    id: str
    label: str


def org_unit_paths(nodes: Sequence[OrgNode]) -> dict[str, str]:
    """Each unit's name after its ancestors' (``宁海路片区 / 颐和路社区 / 第一网格``), by id.

    With one street the top of the tree is left out below it: it is the same for every unit.
    With several, it stays: each street has its own 城管科, told apart by the street's name
    (``宁海路街道 / 城管科``). ``nodes`` lists parents before their children.
    """
    one_street = sum(1 for n in nodes if n.parent_id is None) <= 1
    full: dict[str, str] = {}
    paths: dict[str, str] = {}
    for node in nodes:
        parent = full.get(node.parent_id) if node.parent_id else None
        full[node.id] = node.name if parent is None else parent + PATH_SEPARATOR + node.name
        if one_street and parent is not None:
            parent = parent.partition(PATH_SEPARATOR)[2] or None
        paths[node.id] = node.name if parent is None else parent + PATH_SEPARATOR + node.name
    return paths


def org_unit_path(nodes: Sequence[OrgNode], node_id: str) -> str:
    """One unit's path, as ``org_unit_paths`` gives it."""
    return org_unit_paths(nodes).get(node_id, "")


def org_unit_choices(
    session: Session,
    levels: Collection[OrgLevel] | None = None,
    exclude_subtree_of: str | None = None,
    *,
    tree: Sequence[OrgNode] | None = None,
) -> list[Choice]:
    """Org units in tree order, optionally of some levels only, optionally leaving out a unit
    and everything below it (the units that cannot become its parent); ``tree`` is the
    ``org_tree`` when the caller has read it already."""
    nodes = tree if tree is not None else org_tree(session)
    paths = org_unit_paths(nodes)
    excluded = subtree_ids(nodes, exclude_subtree_of) if exclude_subtree_of else set()
    return [
        Choice(n.id, paths[n.id])
        for n in nodes
        if (levels is None or n.level in levels) and n.id not in excluded
    ]


def _ranked(column: Any, text: str) -> Any:
    """Names starting with the text first, then shorter names first."""
    return case((position_of(column, text) == 1, 0), else_=1)


def resident_unit_choices(session: Session, text: str, limit: int = LOOKUP_LIMIT) -> list[Choice]:
    text = text.strip()
    stmt = select(ResidentUnit.id, ResidentUnit.name).where(ResidentUnit.deleted_at.is_(None))
    if text:
        stmt = stmt.where(contains(ResidentUnit.name, text)).order_by(
            _ranked(ResidentUnit.name, text)
        )
    stmt = stmt.order_by(func.length(ResidentUnit.name), ResidentUnit.name_key).limit(limit)
    return [Choice(row.id, row.name) for row in session.execute(stmt)]


def resident_unit_choice(session: Session, unit_id: str) -> Choice | None:
    name = session.scalar(select(ResidentUnit.name).where(ResidentUnit.id == unit_id))
    return None if name is None else Choice(unit_id, name)


def party_org_choices(session: Session, exclude_id: str | None = None) -> list[Choice]:
    """Every live party organisation by name, in pinyin order (a street has hundreds, not
    thousands)."""
    stmt = (
        select(PartyOrg.id, PartyOrg.name)
        .where(PartyOrg.deleted_at.is_(None), PartyOrg.id != (exclude_id or ""))
        .order_by(PartyOrg.name_key, PartyOrg.name)
    )
    return [Choice(row.id, row.name) for row in session.execute(stmt)]


def _person_label() -> Any:
    """``王喆（鼓楼区人民政府 科长）``: the employer and post tell apart people of one name."""
    detail = func.trim(func.coalesce(ResidentUnit.name, literal("")) + literal(" ") + Person.post)
    return case(
        (detail == "", Person.name),
        else_=Person.name + literal("（") + detail + literal("）"),
    )


def person_choices(session: Session, text: str, limit: int = LOOKUP_LIMIT) -> list[Choice]:
    text = text.strip()
    stmt = (
        select(Person.id, _person_label().label("label"))
        .outerjoin(ResidentUnit, ResidentUnit.id == Person.employer_unit_id)
        .where(Person.deleted_at.is_(None))
    )
    if text:
        stmt = stmt.where(contains(Person.name, text)).order_by(_ranked(Person.name, text))
    stmt = stmt.order_by(Person.name_key, Person.name).limit(limit)
    return [Choice(row.id, row.label) for row in session.execute(stmt)]


def person_choice(session: Session, person_id: str) -> Choice | None:
    label = session.scalar(
        select(_person_label())
        .outerjoin(ResidentUnit, ResidentUnit.id == Person.employer_unit_id)
        .where(Person.id == person_id)
    )
    return None if label is None else Choice(person_id, label)
