"""The enumerations the screens show and filter by, reachable without reaching into db/.

A screen imports its enums from here; the database's models stay below app/. Labels for
each member are in ``app.labels``.
"""

from __future__ import annotations

from db.models.agreements import (
    AgreementKind,
    AgreementStatus,
    JointActivity,
    ListEntryStatus,
    ListKind,
    PartySide,
)
from db.models.directory import Gender, ManagementMode, OrgLevel, PartyOrgKind, UnitCategory
from db.models.issues import (
    DispatchStatus,
    HolidayOrigin,
    IssueLinkKind,
    IssueSource,
    IssueStatus,
    LimitUnit,
    Priority,
    Satisfaction,
)
from db.models.meetings import ActionStatus, AttendanceStatus, MeetingStatus
from db.models.secondments import (
    EvaluationPeriod,
    EvaluatorSide,
    Grade,
    LogKind,
    PostingKind,
    PostingStatus,
)
from db.models.security import Role

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
    "UnitCategory",
]
