"""Every kind of record a spreadsheet can import, by its command-line name."""

from __future__ import annotations

from typing import Any

from app.excel.agreement_kinds import AgreementImport
from app.excel.directory_kinds import PartyOrgImport, PersonImport, ResidentUnitImport
from app.excel.issue_kind import IssueImport
from app.excel.kind import ImportKind
from app.excel.member_kind import MemberImport

IMPORT_KINDS: dict[str, ImportKind[Any]] = {
    kind.key: kind
    for kind in (
        ResidentUnitImport(),
        PartyOrgImport(),
        PersonImport(),
        MemberImport(),
        AgreementImport(),
        IssueImport(),
    )
}
