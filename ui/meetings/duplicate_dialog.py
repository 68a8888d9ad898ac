"""复制为下次会议: asks when the next session starts; the default keeps the meeting's pattern
(the same week of the month and weekday, moved past holidays, see app.meetings.schedule)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QWidget,
)
from ui.meetings.basics_page import datetime_edit, from_qdatetime, to_qdatetime
from ui.widgets.buttons import step_buttons

WITH_WEEKDAY = "yyyy-MM-dd dddd HH:mm"  # the weekday shows the pattern kept


class DuplicateDialog(QDialog):
    def __init__(self, title: str, proposed: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("复制为下次会议"))
        note = QLabel(
            self.tr(
                "复制“{title}”的会议类型、名称、主办、主持人、记录人、地点、参会名单和议题，"
                "作为下次会议的草稿（届次加一，出席情况清空）。"
                "下次会议时间按本次的“第几周星期几”推算，遇节假日顺延到下一个工作日。"
            ).format(title=title),
            self,
        )
        note.setWordWrap(True)
        self.starts_at = datetime_edit(self)
        self.starts_at.setDisplayFormat(WITH_WEEKDAY)
        self.starts_at.setDateTime(to_qdatetime(proposed))
        buttons = step_buttons(self, self.tr("复制"))
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("下次会议时间"), self.starts_at)
        form.addRow(buttons)
        self.resize(480, self.sizeHint().height())

    def value(self) -> datetime:
        return from_qdatetime(self.starts_at.dateTime())
