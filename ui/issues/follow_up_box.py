"""回访: whom to call (every complainant of a merged order), their satisfaction — chosen
afresh for every record, never carried over from the last — and the calls made.

Signals:
    step_clicked(str): "follow_up".
"""

from __future__ import annotations

from app.enums import Satisfaction
from app.issues.records import IssueDetail
from app.issues.workflow import Action

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text
from ui.widgets.tables import fill, read_only_table


class FollowUpBox(QGroupBox):
    step_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("回访"), parent)
        self.complainant = QComboBox(self)
        self.complainant.setToolTip(self.tr("并单的工单：每位反映人都要回访"))
        self.satisfaction = QComboBox(self)
        self.button = QPushButton(self.tr("回访"), self)
        self.button.setAutoDefault(False)
        self.button.clicked.connect(lambda: self.step_clicked.emit(Action.FOLLOW_UP.value))
        self.waiting = QLabel(self)
        self.waiting.setWordWrap(True)
        self.table = read_only_table(
            [self.tr("回访时间"), self.tr("反映人"), self.tr("满意度"), self.tr("意见")], self
        )
        self.table.setFixedHeight(90)
        row = QHBoxLayout()
        row.addWidget(self.complainant, 1)
        row.addWidget(self.satisfaction, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.waiting)
        layout.addWidget(self.table)
        self.show_issue(None)

    def show_issue(self, detail: IssueDetail | None) -> None:
        """The calls of this issue (the phones as the core shows them to the operator); the
        satisfaction back to "not chosen"."""
        self.satisfaction.clear()
        self.satisfaction.addItem(self.tr("（请选择满意度）"), None)
        for member in Satisfaction:
            self.satisfaction.addItem(enum_text(member), member)
        self.complainant.clear()
        people = detail.complainants if detail is not None else ()
        for person in people:
            text = f"{person.name or self.tr('（未留姓名）')} {person.phone}".strip()
            self.complainant.addItem(text, person.issue_id)
        self.complainant.setVisible(len(people) > 1)
        waiting = [p.name or p.number for p in people if p.satisfaction is None]
        self.waiting.setVisible(len(people) > 1 and bool(waiting))
        self.waiting.setText(self.tr("待回访：{names}").format(names="、".join(waiting)))
        names = {p.issue_id: p.name for p in people}
        follow_ups = detail.follow_ups if detail is not None else ()
        fill(
            self.table,
            [
                [
                    f.visited_at.strftime("%Y-%m-%d %H:%M"),
                    names.get(f.complainant_id, ""),
                    enum_text(f.satisfaction),
                    f.comment,
                ]
                for f in follow_ups
            ],
        )

    def chosen(self) -> tuple[str | None, Satisfaction | None]:
        """(the merged complaint called, or None for the order's reporter; the satisfaction)."""
        return self.complainant.currentData(), self.satisfaction.currentData()
