"""The issue's next steps, always in view above the scrolling form: a line for the reason or
result the step needs, and the steps the loop allows now (from ``IssueDetail.allowed_actions``
— the workflow's table, never a status compared here); 督办, 催办 and 延期 while the issue is
still an order being worked on.

Signals:
    step_clicked(str): the key of the step (a workflow Action value, or "supervise",
        "remind", "extend").
"""

from __future__ import annotations

from app.issues.workflow import Action

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

OVERSIGHT = ("supervise", "remind", "extend")  # for any order still being worked on
PER_ROW = 6


class StepsBar(QWidget):
    step_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(
            self.tr("说明、理由或办理结果（不予受理、办结、重新办理等须填写）")
        )
        steps = (
            (Action.ACCEPT, self.tr("受理")),
            (Action.REJECT, self.tr("不予受理")),
            (Action.MERGE, self.tr("并单…")),
            (Action.RESOLVE, self.tr("办结")),
            (Action.REOPEN, self.tr("重新办理")),
            (Action.CLOSE, self.tr("归档")),
            (Action.UNMERGE, self.tr("撤销并单")),
            ("supervise", self.tr("督办")),
            ("remind", self.tr("催办")),
            ("extend", self.tr("延期…")),
        )
        self.buttons: dict[str, QPushButton] = {}
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        for key, text in steps:
            button = QPushButton(text, self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, k=str(key): self.step_clicked.emit(k))
            self.buttons[str(key)] = button
        tips = {
            Action.MERGE: self.tr("这是重复反映：并入同一件事的工单（可撤销）"),
            "extend": self.tr("按申请延长办理时限，须说明理由"),
            "supervise": self.tr("标记为督办，须填写督办意见"),
        }
        for key, tip in tips.items():
            self.buttons[str(key)].setToolTip(tip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(self._grid)
        self.enable((), live=False)

    def enable(self, allowed: tuple[str, ...], *, live: bool) -> None:
        """Shows the steps allowed now (and oversight while ``live``), in the loop's order."""
        shown = [key for key in self.buttons if key in allowed or (key in OVERSIGHT and live)]
        for key, button in self.buttons.items():
            button.setVisible(key in shown)
            button.setEnabled(key in shown)
            self._grid.removeWidget(button)
        for index, key in enumerate(shown):
            self._grid.addWidget(self.buttons[key], index // PER_ROW, index % PER_ROW)
