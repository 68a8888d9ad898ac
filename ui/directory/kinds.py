"""The four kinds of directory record: the app repository that saves each, and its texts.

Each text is a whole sentence per kind (not a noun pasted into a template), so a translator
can put the words in the order their language needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.directory.service import Repository, org_units, party_orgs, people, resident_units
from app.i18n import QT_TRANSLATE_NOOP  # typed str; lupdate finds it by name

from PySide6.QtCore import QCoreApplication

CONTEXT = "DirectoryKinds"


@dataclass(frozen=True)
class RecordKind:
    key: str
    repository: Repository[Any, Any]
    noun: str
    created: str  # the undo stack's text for a create, with {name}
    edited: str
    deleted: str
    delete_question: str
    titles: tuple[str, str]  # its form's window title for a new record and for one that exists

    def text(self, template: str, name: str) -> str:
        return QCoreApplication.translate(CONTEXT, template).format(name=name)

    def title(self, new: bool) -> str:
        return QCoreApplication.translate(CONTEXT, self.titles[0 if new else 1])

    @property
    def noun_text(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.noun)


ORG_UNIT = RecordKind(
    "org_unit",
    org_units,
    QT_TRANSLATE_NOOP("DirectoryKinds", "组织"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "新建组织“{name}”"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "修改组织“{name}”"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "删除组织“{name}”"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "删除组织“{name}”吗？"),
    (
        QT_TRANSLATE_NOOP("DirectoryKinds", "新建组织"),
        QT_TRANSLATE_NOOP("DirectoryKinds", "修改组织"),
    ),
)
RESIDENT_UNIT = RecordKind(
    "resident_unit",
    resident_units,
    QT_TRANSLATE_NOOP("DirectoryKinds", "驻区单位"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "新建驻区单位“{name}”"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "修改驻区单位“{name}”"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "删除驻区单位“{name}”"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "删除驻区单位“{name}”吗？"),
    (
        QT_TRANSLATE_NOOP("DirectoryKinds", "新建驻区单位"),
        QT_TRANSLATE_NOOP("DirectoryKinds", "修改驻区单位"),
    ),
)
PARTY_ORG = RecordKind(
    "party_org",
    party_orgs,
    QT_TRANSLATE_NOOP("DirectoryKinds", "党组织"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "新建党组织“{name}”"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "修改党组织“{name}”"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "删除党组织“{name}”"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "删除党组织“{name}”吗？"),
    (
        QT_TRANSLATE_NOOP("DirectoryKinds", "新建党组织"),
        QT_TRANSLATE_NOOP("DirectoryKinds", "修改党组织"),
    ),
)
PERSON = RecordKind(
    "person",
    people,
    QT_TRANSLATE_NOOP("DirectoryKinds", "人员"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "新建人员“{name}”"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "修改人员“{name}”"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "删除人员“{name}”"),
    QT_TRANSLATE_NOOP("DirectoryKinds", "删除人员“{name}”吗？"),
    (
        QT_TRANSLATE_NOOP("DirectoryKinds", "新建人员"),
        QT_TRANSLATE_NOOP("DirectoryKinds", "修改人员"),
    ),
)
