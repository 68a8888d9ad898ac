"""派单（吹哨）: the units of the issue's street to check, the limit typed as staff say it
("3 个工作日", "24小时", "7天" or a date) with the due moment it gives, and the units on the
order — who leads, their state and time, and what each may do now (``DispatchView.steps``).

The first unit checked leads when no unit leads yet (首接负责制).

Signals:
    step_clicked(str): "dispatch", or a unit step ("acknowledge", "complete", "object",
        "return", "keep", "lead") for the selected unit.
"""

from __future__ import annotations

from datetime import datetime

from app.issues.due import due_text
from app.issues.records import DispatchView, IssueDetail
from app.issues.service import Choice, IssueChoices
from app.issues.workflow import Action, Note

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text
from ui.widgets import palette
from ui.widgets.tables import fill, read_only_table

UNIT_ROLE = Qt.ItemDataRole.UserRole + 1


class DispatchBox(QGroupBox):
    step_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("派单（吹哨）"), parent)
        self.units = QListWidget(self)
        self.units.setFixedHeight(96)
        self.units.itemChanged.connect(self._on_unit_checked)
        self._checked: list[tuple[str, str]] = []  # (kind, id) in the order they were checked
        self.limit = QLineEdit(self)
        self.limit.setPlaceholderText(
            self.tr("如 3个工作日、24小时、7天、2026-10-10；空着按事项时限")
        )
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.lead_hint = QLabel(self)
        self.lead_hint.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        self.buttons[Action.DISPATCH] = self._button(self.tr("派单"), Action.DISPATCH)
        self.table = read_only_table(
            [self.tr("承办单位"), self.tr("状态"), self.tr("时限"), self.tr("报到"),
             self.tr("结果/异议")], self,
        )  # fmt: skip
        self.table.setFixedHeight(130)
        self.table.itemSelectionChanged.connect(self._enable_unit_steps)
        unit_steps = (  # in pairs: the unit's own steps, the review, the lead
            (Action.ACKNOWLEDGE, self.tr("报到")),
            (Action.COMPLETE, self.tr("反馈结果")),
            (Action.RETURN, self.tr("同意退单")),
            (Action.KEEP, self.tr("驳回异议")),
            (Action.OBJECT, self.tr("提出异议")),
            (Note.LEAD, self.tr("设为主办")),
        )
        steps_row = QGridLayout()
        for index, (key, text) in enumerate(unit_steps):
            self.buttons[key] = self._button(text, key)
            steps_row.addWidget(self.buttons[key], index // 2, index % 2)
        self.buttons[Action.RETURN].setToolTip(self.tr("审核异议：确属非本单位职责，同意退单"))
        self.buttons[Action.KEEP].setToolTip(
            self.tr("审核异议：不同意，单位继续办理（须说明理由）")
        )
        self.views: tuple[DispatchView, ...] = ()

        limit_row = QHBoxLayout()
        limit_row.addWidget(QLabel(self.tr("办理时限"), self))
        limit_row.addWidget(self.limit, 1)
        limit_row.addWidget(self.buttons[Action.DISPATCH])
        layout = QVBoxLayout(self)
        layout.addWidget(self.units)
        layout.addWidget(self.lead_hint)
        layout.addLayout(limit_row)
        layout.addWidget(self.preview)
        layout.addWidget(self.table)
        layout.addLayout(steps_row)

    def _button(self, text: str, key: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False, k=str(key): self.step_clicked.emit(k))
        return button

    # the units of the street

    def show_units(self, choices: IssueChoices, street_id: str | None) -> None:
        """The departments (and resident units) of the issue's street; all streets', named
        with their street, when it has none."""
        self.units.blockSignals(True)
        self.units.clear()
        self._checked.clear()
        picked: list[tuple[Choice, str]] = [
            *((c, "org") for c in choices.departments),
            *((c, "resident") for c in choices.resident_units),
        ]
        for choice, kind in picked:
            if street_id is not None and choice.street_id not in (street_id, None):
                continue
            text = choice.name if street_id is not None else choice.full_name
            item = QListWidgetItem(text, self.units)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(UNIT_ROLE, (kind, choice.id))
        self.units.blockSignals(False)
        self._show_lead_hint(None)

    def checked(self) -> list[tuple[str, str]]:
        """(kind, id) of the checked units, in the order they were checked."""
        return list(self._checked)

    def clear_checks(self) -> None:
        self.units.blockSignals(True)
        for i in range(self.units.count()):
            self.units.item(i).setCheckState(Qt.CheckState.Unchecked)
        self.units.blockSignals(False)
        self._checked.clear()
        self._show_lead_hint(None)

    def _on_unit_checked(self, item: QListWidgetItem) -> None:
        kind, unit_id = item.data(UNIT_ROLE)
        key = (str(kind), str(unit_id))
        if item.checkState() == Qt.CheckState.Checked and key not in self._checked:
            self._checked.append(key)
        elif item.checkState() != Qt.CheckState.Checked and key in self._checked:
            self._checked.remove(key)
        names = {
            tuple(self.units.item(i).data(UNIT_ROLE)): self.units.item(i).text()
            for i in range(self.units.count())
        }
        self._show_lead_hint(names.get(self._checked[0]) if self._checked else None)

    def _show_lead_hint(self, first: str | None) -> None:
        leading = next((v.unit_name for v in self.views if v.lead and v.steps), None)
        if leading:
            self.lead_hint.setText(
                self.tr("主办单位：{unit}。新派的单位协办。").format(unit=leading)
            )
        elif first:
            self.lead_hint.setText(
                self.tr("主办单位：{unit}（第一个勾选的单位）").format(unit=first)
            )
        else:
            self.lead_hint.setText(self.tr("勾选承办单位；第一个勾选的单位主办，其余协办。"))

    # the units on the order

    def show_dispatches(self, detail: IssueDetail | None) -> None:
        self.views = detail.dispatches if detail is not None else ()
        rows = [
            [
                v.unit_name + (self.tr("（主办）") if v.lead else self.tr("（协办）")),
                enum_text(v.status),
                due_text(v.due_at) if v.due_at else "",
                v.acknowledged_at.strftime("%m-%d %H:%M") if v.acknowledged_at else "",
                self._outcome(v),
            ]
            for v in self.views
        ]
        fill(self.table, rows, [v.id for v in self.views])
        self._show_lead_hint(None)
        self._enable_unit_steps()

    def _outcome(self, view: DispatchView) -> str:
        if view.return_reason:
            return self.tr("退单：{why}").format(why=view.return_reason)
        if view.objection_reason:
            review = (
                self.tr("；驳回：{why}").format(why=view.review_note) if view.review_note else ""
            )
            return self.tr("异议：{why}").format(why=view.objection_reason) + review
        return view.result

    def selected(self) -> DispatchView | None:
        row = self.table.currentRow()
        if row < 0 or not self.table.selectedItems() or row >= len(self.views):
            return None
        return self.views[row]

    def enable(self, may_dispatch: bool) -> None:
        self.buttons[Action.DISPATCH].setEnabled(may_dispatch)
        self.units.setEnabled(may_dispatch)
        self.limit.setEnabled(may_dispatch)
        self._enable_unit_steps()

    def _enable_unit_steps(self) -> None:
        chosen = self.selected()
        steps = chosen.steps if chosen is not None else ()
        for key in (Action.ACKNOWLEDGE, Action.COMPLETE, Action.OBJECT, Action.RETURN,
                    Action.KEEP, Note.LEAD):  # fmt: skip
            self.buttons[key].setEnabled(key in steps)
        if chosen is not None and chosen.lead:
            self.buttons[Note.LEAD].setEnabled(False)

    def show_preview(self, due: datetime | None, problem: str = "") -> None:
        if problem:
            self.preview.setStyleSheet(palette.ERROR_TEXT)
            self.preview.setText(problem)
        elif due is not None:
            self.preview.setStyleSheet("")
            self.preview.setText(self.tr("派单后办理时限：{due}").format(due=due_text(due)))
        else:
            self.preview.clear()
