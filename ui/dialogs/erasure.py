"""文件 → 删除个人信息（依申请）: an administrator erases, on a person's written request (PIPL
art. 47), the ID number, phone and address of a person, a resident unit's contact or an
issue's reporter, from the record and from the audit log (app/erasure.py).

The request names the person as the office receives it: an ID number, a unit's name, an
issue's number. The record is looked up first and shown; erasing asks once more (default
取消), since nothing brings the values back.

Signals:
    erased(str): the table whose record was erased ("people", "resident_units", "issues").
"""

from __future__ import annotations

from app.database import Database
from app.erasure import Erasable, checked_reason, erase_personal_data, find_erasable
from app.errors import UserError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import message_text
from ui.widgets.fields import FieldErrors, error_label, field_box
from ui.widgets.palette import FIELD_ERRORS
from ui.widgets.screen import fit_to_screen

CONTEXT = "ErasureDialog"
# table → (what the request names, the placeholder of the box it is typed in)
KINDS = {
    "people": (
        QT_TRANSLATE_NOOP("ErasureDialog", "人员"),
        QT_TRANSLATE_NOOP("ErasureDialog", "身份证号"),
    ),
    "resident_units": (
        QT_TRANSLATE_NOOP("ErasureDialog", "驻区单位联系人"),
        QT_TRANSLATE_NOOP("ErasureDialog", "单位名称"),
    ),
    "issues": (
        QT_TRANSLATE_NOOP("ErasureDialog", "民生事项反映人"),
        QT_TRANSLATE_NOOP("ErasureDialog", "事项编号，如 MS2026-000123"),
    ),
}
FIELD_NAMES = {
    "id_number": QT_TRANSLATE_NOOP("ErasureDialog", "身份证号"),
    "mobile": QT_TRANSLATE_NOOP("ErasureDialog", "手机"),
    "contact_phone": QT_TRANSLATE_NOOP("ErasureDialog", "联系电话"),
    "reporter_phone": QT_TRANSLATE_NOOP("ErasureDialog", "反映人电话"),
    "address": QT_TRANSLATE_NOOP("ErasureDialog", "地址"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ErasureDialog(QDialog):
    erased = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.found: Erasable | None = None
        self.setWindowTitle(self.tr("删除个人信息（依申请）"))
        self.setStyleSheet(FIELD_ERRORS)
        self.errors = FieldErrors()
        intro = QLabel(
            self.tr(
                "依据本人申请（《个人信息保护法》第四十七条），清除记录中的身份证号、电话和地址，"
                "并改写审计日志中的相应内容。清除后无法恢复；之前的备份仍保留旧值，请按本单位"
                "的保存规定处理。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.kind = QComboBox(self)
        for entity, (noun, _placeholder) in KINDS.items():
            self.kind.addItem(_tr(noun), entity)
        self.record = QLineEdit(self)
        self.record_error = error_label(self)
        self.errors.add(self.record_error, self.record, "record")
        self.shown = QLabel(self)  # the record found, and what would be erased
        self.shown.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(
            self.tr("必填，如：本人于11月28日书面申请。将记入审计日志。")
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.reason_error = error_label(self)
        self.errors.add(self.reason_error, self.reason, "reason")
        self.buttons = QDialogButtonBox(self)
        self.find_button = self.buttons.addButton(
            self.tr("查找"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.erase_button = self.buttons.addButton(
            self.tr("删除个人信息…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        self.find_button.clicked.connect(self.look_up)
        self.erase_button.clicked.connect(self.erase)
        close.clicked.connect(self.reject)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.record.textEdited.connect(lambda _text: self._forget())
        self.record.returnPressed.connect(self.look_up)

        form = QFormLayout()
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("申请人"), field_box(self, self.record, self.record_error))
        form.addRow("", self.shown)
        form.addRow(self.tr("依据"), field_box(self, self.reason, self.reason_error))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 520, 380)
        self._on_kind_changed()

    @property
    def entity(self) -> str:
        return str(self.kind.currentData())

    def _on_kind_changed(self) -> None:
        self.record.setPlaceholderText(_tr(KINDS[self.entity][1]))
        self._forget()

    def _forget(self) -> None:
        self.found = None
        self.shown.clear()
        self.erase_button.setEnabled(False)

    def look_up(self) -> bool:
        """Finds the record the request names and shows what would be erased."""
        self.errors.clear()
        self._forget()
        try:
            with self.database.reader() as session:
                self.found = find_erasable(session, self.entity, self.record.text())
        except ValidationError as error:
            self.errors.show(error.field, message_text(error.message))
            return False
        fields = "、".join(_tr(FIELD_NAMES[f]) for f in self.found.fields)
        self.shown.setText(
            self.tr("找到：{name}。将清除：{fields}。").format(name=self.found.name, fields=fields)
        )
        self.erase_button.setEnabled(True)
        return True

    def erase(self) -> bool:
        """Asks once more (default 取消), then erases; True when done."""
        found = self.found
        if found is None:
            return False
        self.errors.clear()
        try:
            reason = checked_reason(self.reason.toPlainText())
        except ValidationError as error:  # said before the question, not after
            self.errors.show(error.field, message_text(error.message))
            return False
        answer = QMessageBox.warning(
            self,
            self.windowTitle(),
            self.tr("清除“{name}”的个人信息，并改写审计日志中的记录？此操作无法撤销。").format(
                name=found.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            with self.database.session() as session:
                done = erase_personal_data(
                    session,
                    self.database.operator,
                    found.entity,
                    found.record_id,
                    reason,
                )
        except ValidationError as error:
            if not self.errors.show(error.field, message_text(error.message)):
                QMessageBox.warning(self, self.windowTitle(), message_text(error.message))
            return False
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), message_text(error.message))
            return False
        self.erased.emit(found.entity)
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr("已清除“{name}”的个人信息，审计日志中改写了 {n} 条记录。").format(
                name=found.name, n=done.entries
            ),
        )
        self.record.clear()
        self.reason.clear()
        self._forget()
        return True
