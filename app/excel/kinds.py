"""Every kind of record a spreadsheet can import, by its command-line name."""

from __future__ import annotations

from typing import Any

from app.excel.agreement_kinds import AgreementImport, MemberImport
from app.excel.directory_kinds import PartyOrgImport, PersonImport, ResidentUnitImport
from app.excel.importing import ImportKind
from app.excel.issue_kind import IssueImport

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
