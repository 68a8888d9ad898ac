"""The models, one module per area, each imported when first used.

Mapping a model costs time (the 33 of them take about half a second on a busy machine), so a
command or a screen loads only the areas it touches: ``from db.models.meetings import Meeting``
loads the meetings and the areas their foreign keys point at (each module imports those), and
``from db.models import Meeting`` does the same through this package. What needs every table
on the metadata (migrations, the schema check, the demo's bulk writer, database roles) calls
:func:`load_all` first.
"""

from __future__ import annotations

import importlib
from typing import Any

AREAS = (
    "agreements",
    "directory",
    "exchange",
    "files",
    "issues",
    "meetings",
    "secondments",
    "security",
)
# the package's names and the area module of each
_HOMES = {
    **dict.fromkeys(
        (
            "Agreement",
            "AgreementParty",
            "Commitment",
            "FulfilmentRecord",
            "ListEntry",
            "MemberRegistration",
            "ServiceRecord",
        ),
        "agreements",
    ),
    **dict.fromkeys(("Compound", "OrgUnit", "PartyOrg", "Person", "ResidentUnit"), "directory"),
    **dict.fromkeys(
        ("Change", "Conflict", "HeldRecord", "SharedContent", "Site", "WaitingPackage"), "exchange"
    ),
    **dict.fromkeys(("Attachment", "AttachmentContent"), "files"),
    **dict.fromkeys(
        ("Dispatch", "FollowUp", "Holiday", "Issue", "IssueCategory", "IssueEvent", "IssueLink"),
        "issues",
    ),
    **dict.fromkeys(
        ("ActionItem", "AgendaItem", "Attendance", "CarriedAction", "Decision", "Meeting"),
        "meetings",
    ),
    **dict.fromkeys(("Evaluation", "Posting", "WorkLog"), "secondments"),
    **dict.fromkeys(("AuditEntry", "AuditHead", "Setting", "User"), "security"),
}
__all__ = sorted(_HOMES)


def load_all() -> None:
    """Imports every area, so that the metadata holds every table."""
    for area in AREAS:
        importlib.import_module(f"{__name__}.{area}")


def __getattr__(name: str) -> Any:
    area = _HOMES.get(name)
    if area is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{area}"), name)
