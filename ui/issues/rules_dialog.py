"""考评与并单规则: the office's rules for the issue loop — the three rates' weights (they change
year to year) and minimum samples, the size of the red and black lists, when an order
becomes a 问题工单, and how far back repeats are looked for. Saved together, audited; a value
out of bounds is named under its field.
"""

from __future__ import annotations

from dataclasses import fields, replace

from app.database import Database
from app.issues.rules import BOUNDS, IssueRules, load_rules, save_rules

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from ui.issues.settings import SettingsDialog
from ui.widgets.buttons import Standard, step_buttons
from ui.widgets.fields import error_label, field_box


class RulesDialog(SettingsDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.setWindowTitle(self.tr("考评与并单规则"))
        self.spins: dict[str, QSpinBox] = {}
        groups = (
            (
                self.tr("三率（每月，按承办单位和社区）"),
                (
                    ("weight_response", self.tr("响应率权重"), "%"),
                    ("weight_resolution", self.tr("解决率权重"), "%"),
                    ("weight_satisfaction", self.tr("满意率权重"), "%"),
                    ("min_samples", self.tr("至少派单（件）才排名"), ""),
                    ("min_rated", self.tr("至少回访（件）才排名"), ""),
                    ("list_size", self.tr("红榜、黑榜各列"), ""),
                ),
            ),
            (
                self.tr("问题工单（提级督办）"),
                (
                    ("escalate_returns", self.tr("退单超过（次）"), ""),
                    ("escalate_redone", self.tr("重新办理超过（次）"), ""),
                    ("escalate_units", self.tr("无主办单位时派给超过（个单位）"), ""),
                ),
            ),
            (self.tr("并单"), (("merge_window_days", self.tr("查找近几天的相似诉求"), ""),)),
        )
        layout = QVBoxLayout(self)
        for title, rows in groups:
            box = QGroupBox(title, self)
            form = QFormLayout(box)
            for key, text, suffix in rows:
                spin = QSpinBox(self)
                spin.setRange(*BOUNDS[key])
                spin.setSuffix(suffix)
                error = error_label(self)
                self.errors.add(error, spin, key)
                self.spins[key] = spin
                form.addRow(text, field_box(self, spin, error))
            layout.addWidget(box)
        note = QLabel(
            self.tr(
                "得分＝三项比率按权重相加（权重之和须为100）。样本不足的单位照常列出，但不排名。"
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.message)
        buttons = step_buttons(self, self.tr("保存"), Standard.Save)
        layout.addWidget(buttons)
        with self.database.reader() as session:
            self.show_rules(load_rules(session))

    def show_rules(self, rules: IssueRules) -> None:
        for key, spin in self.spins.items():
            spin.setValue(getattr(rules, key))

    def rules(self) -> IssueRules:
        values = {f.name: self.spins[f.name].value() for f in fields(IssueRules)}
        return replace(IssueRules(), **values)

    def accept(self) -> None:
        rules = self.rules()
        if self._save(lambda s: save_rules(s, rules)):
            super().accept()
