"""转为民生事项: which category the new issue is (its limit gives the deadline) and which
community it belongs to — by default the meeting's own, as the service works it out."""

from __future__ import annotations

from app.database import Database
from app.issues import service

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import message_text
from ui.widgets.buttons import step_buttons
from ui.widgets.pickers import pinyin_sorted

OTHER = "其他"  # chosen first when there is such a category


class RaiseIssueDialog(QDialog):
    def __init__(self, database: Database, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("转为民生事项"))
        with database.reader() as session:
            choices = service.choices(session)
        question = QLabel(
            self.tr("把“{text}”登记为民生事项，跟踪办理进度。").format(text=text[:40]), self
        )
        question.setWordWrap(True)
        self.category = QComboBox(self)
        for c in choices.categories:
            self.category.addItem(f"{c.name}（{message_text(c.limit.text())}）", c.id)
        self.category.setCurrentIndex(
            max(0, next((i for i, c in enumerate(choices.categories) if c.name == OTHER), 0))
        )
        if not choices.categories:
            self.category.addItem(self.tr("（未分类）"), None)
        self.community = QComboBox(self)
        self.community.addItem(self.tr("会议所在社区"), None)
        for name, key in pinyin_sorted([(c.name, c.id) for c in choices.communities]):
            self.community.addItem(name, key)
        form = QFormLayout()
        form.addRow(self.tr("类别"), self.category)
        form.addRow(self.tr("社区"), self.community)
        buttons = step_buttons(self, self.tr("登记"))
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def category_id(self) -> str | None:
        found: str | None = self.category.currentData()
        return found

    def community_id(self) -> str | None:
        found: str | None = self.community.currentData()
        return found
