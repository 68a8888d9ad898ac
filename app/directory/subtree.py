"""An org unit's subtree in SQL: the unit and every unit below it, for queries that keep to a
street or a community (the in-memory tree's ``subtree_ids`` is in ``app.directory.lists``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, select

from db.models.directory import OrgUnit


def subtree_select(root_id: str) -> Any:
    """A SELECT of the org unit ``root_id`` and every unit below it (a recursive CTE)."""
    tree = select(OrgUnit.id.label("id")).where(OrgUnit.id == root_id).cte(recursive=True)
    tree = tree.union_all(select(OrgUnit.id).where(OrgUnit.parent_id == tree.c.id))
    return select(tree.c.id)


def in_subtree(column: Any, root_id: str) -> ColumnElement[bool]:
    """``column`` names ``root_id`` or an org unit below it."""
    result: ColumnElement[bool] = column.in_(subtree_select(root_id))
    return result
