"""All models, imported together so the metadata is complete."""

from db.models.agreements import (
    Agreement,
    AgreementParty,
    Commitment,
    FulfilmentRecord,
    ListEntry,
    MemberRegistration,
    ServiceRecord,
)
from db.models.directory import Compound, OrgUnit, PartyOrg, Person, ResidentUnit
from db.models.exchange import Change, Conflict, SharedContent, Site, WaitingPackage
from db.models.files import Attachment, AttachmentContent
from db.models.issues import (
    Dispatch,
    FollowUp,
    Holiday,
    Issue,
    IssueCategory,
    IssueEvent,
    IssueLink,
)
from db.models.meetings import (
    ActionItem,
    AgendaItem,
    Attendance,
    CarriedAction,
    Decision,
    Meeting,
)
from db.models.secondments import Evaluation, Posting, WorkLog
from db.models.security import AuditEntry, AuditHead, Setting, User

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Agreement",
    "AgreementParty",
    "Attachment",
    "AttachmentContent",
    "Attendance",
    "AuditEntry",
    "AuditHead",
    "CarriedAction",
    "Change",
    "Commitment",
    "Compound",
    "Conflict",
    "Decision",
    "Dispatch",
    "Evaluation",
    "FollowUp",
    "FulfilmentRecord",
    "Holiday",
    "Issue",
    "IssueCategory",
    "IssueEvent",
    "IssueLink",
    "ListEntry",
    "Meeting",
    "MemberRegistration",
    "OrgUnit",
    "PartyOrg",
    "Person",
    "Posting",
    "ResidentUnit",
    "ServiceRecord",
    "Setting",
    "SharedContent",
    "Site",
    "User",
    "WaitingPackage",
    "WorkLog",
]
