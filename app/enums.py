"""The enumerations the screens show and filter by, reachable without reaching into db/.

A screen imports its enums from here; the database's models stay below app/. Labels for
each member are in ``app.labels``. Each name is looked up when first used, so a screen
maps only the area whose enum it asks for (see ``db.models``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.enums import (
        ActionStatus,
        AgreementKind,
        AgreementStatus,
        AttendanceStatus,
        EvaluationPeriod,
        EvaluatorSide,
        Grade,
        IssueStatus,
        LogKind,
        MeetingStatus,
        OrgLevel,
        PostingKind,
        PostingStatus,
        Role,
        Satisfaction,
        UnitCategory,
    )
    from db.models.agreements import (
        JointActivity,
        ListEntryStatus,
        ListKind,
        PartySide,
    )
    from db.models.directory import Gender, ManagementMode, PartyOrgKind
    from db.models.exchange import SiteKind, SiteState
    from db.models.issues import (
        DispatchStatus,
        HolidayOrigin,
        IssueLinkKind,
        IssueSource,
        LimitUnit,
        Priority,
    )

__all__ = [
    "ActionStatus",
    "AgreementKind",
    "AgreementStatus",
    "AttendanceStatus",
    "DispatchStatus",
    "EvaluationPeriod",
    "EvaluatorSide",
    "Gender",
    "Grade",
    "HolidayOrigin",
    "IssueLinkKind",
    "IssueSource",
    "IssueStatus",
    "JointActivity",
    "LimitUnit",
    "ListEntryStatus",
    "ListKind",
    "LogKind",
    "ManagementMode",
    "MeetingStatus",
    "OrgLevel",
    "PartyOrgKind",
    "PartySide",
    "PostingKind",
    "PostingStatus",
    "Priority",
    "Role",
    "Satisfaction",
    "SiteKind",
    "SiteState",
    "UnitCategory",
]

_HOMES = {
    **dict.fromkeys(
        (
            "JointActivity",
            "ListEntryStatus",
            "ListKind",
            "PartySide",
        ),
        "agreements",
    ),
    **dict.fromkeys(("Gender", "ManagementMode", "PartyOrgKind"), "directory"),
    **dict.fromkeys(("SiteKind", "SiteState"), "exchange"),
    **dict.fromkeys(
        (
            "DispatchStatus",
            "HolidayOrigin",
            "IssueLinkKind",
            "IssueSource",
            "LimitUnit",
            "Priority",
        ),
        "issues",
    ),
}
_HOMES = {name: f"db.models.{area}" for name, area in _HOMES.items()}
# the states some readers need without SQLAlchemy: nothing is mapped for them
_HOMES.update(
    dict.fromkeys(
        (
            "ActionStatus",
            "AgreementKind",
            "AgreementStatus",
            "AttendanceStatus",
            "EvaluationPeriod",
            "EvaluatorSide",
            "Grade",
            "IssueStatus",
            "LogKind",
            "MeetingStatus",
            "OrgLevel",
            "PostingKind",
            "PostingStatus",
            "Role",
            "Satisfaction",
            "UnitCategory",
        ),
        "db.enums",
    )
)


def __getattr__(name: str) -> Any:
    area = _HOMES.get(name)
    if area is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(area), name)
