"""会议类型…: the list of meeting kinds users choose from, one per line (a business setting
kept in the database). A meeting of a kind taken off the list keeps its kind."""

from __future__ import annotations

from app.database import Database
from app.errors import ValidationError
from app.meetings import service

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import message_text
from ui.widgets.buttons import Standard, step_buttons
from ui.widgets.fields import FieldErrors, error_label
from ui.widgets.palette import FIELD_ERRORS


class KindsDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.setWindowTitle(self.tr("会议类型"))
        self.setStyleSheet(FIELD_ERRORS)
        self.errors = FieldErrors()
        note = QLabel(
            self.tr("每行一种会议类型，按此顺序出现在列表中。已有会议的类型不受影响。"), self
        )
        note.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        with database.reader() as session:
            self.text.setPlainText("\n".join(service.meeting_kinds(session)))
        self.error = error_label(self)
        self.errors.add(self.error, self.text, "kinds")
        buttons = step_buttons(self, self.tr("保存"), Standard.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(420, 320)

    def accept(self) -> None:
        self.errors.clear()
        try:
            with self._database.session() as session:
                service.set_meeting_kinds(session, self.text.toPlainText().splitlines())
        except ValidationError as error:
            self.errors.show("kinds", message_text(error.message))
            return
        super().accept()
