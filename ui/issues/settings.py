"""设置… of the issues tab: the categories with their limits — hours, working days or calendar
days, with the four tiers as presets. (The holiday calendar is in ``holidays_dialog``, the
office's rules in ``rules_dialog``.)

The dialogs save each change at once through ``app.issues``; a refused value is shown under
its field. ``changed`` says whether anything was saved, so the tab can reload what depends
on it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from app.database import Database
from app.enums import LimitUnit
from app.errors import UserError, ValidationError
from app.issues import service
from app.issues.limits import DEFAULT_LIMIT, HOURS_MAX, TIERS, Limit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text, message_text, translate
from ui.widgets import palette
from ui.widgets.fields import FieldErrors, error_label, field_box, field_row
from ui.widgets.palette import FIELD_ERRORS
from ui.widgets.screen import fit_to_screen
from ui.widgets.tables import read_only_table

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SettingsDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.database = database
        self.changed = False
        self.setStyleSheet(FIELD_ERRORS)
        self.errors = FieldErrors()
        self.message = QLabel(self)  # a refusal that concerns no one field
        self.message.setWordWrap(True)
        self.message.setStyleSheet(palette.ERROR_TEXT)

    def _close_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        return buttons

    def _save(self, step: Callable[[Session], object]) -> bool:
        """Runs ``step(session)``; shows a refusal at its field, else in the message line."""
        self.errors.clear()
        self.message.clear()
        self.message.setStyleSheet(palette.ERROR_TEXT)
        try:
            with self.database.session() as session:
                step(session)
        except ValidationError as error:
            if not self.errors.show(error.field, message_text(error.message)):
                self.message.setText(message_text(error.message))
            return False
        except UserError as error:
            self.message.setText(message_text(error.message))
            return False
        self.changed = True
        return True


class CategoriesDialog(SettingsDialog):
    """类别与办理时限: pick a row to change it, 新建 to add one; a tier fills in its limit."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.setWindowTitle(self.tr("类别与办理时限"))
        self.table = read_only_table([self.tr("类别"), self.tr("办理时限")], self)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.name = QLineEdit(self)
        self.name.setMaxLength(60)  # longer than allowed, so the rule is explained, not hidden
        self.tier = QComboBox(self)
        self.tier.addItem(self.tr("（自定）"), None)
        for tier in TIERS:
            text = f"{translate('limits', tier.name)}：{message_text(tier.limit.text())}"
            self.tier.addItem(text, tier.limit)
        self.tier.activated.connect(self._on_tier_chosen)
        self.amount = QSpinBox(self)
        self.amount.setRange(1, HOURS_MAX)
        self.amount.setValue(DEFAULT_LIMIT.amount)
        self.unit = QComboBox(self)
        for unit in LimitUnit:
            self.unit.addItem(enum_text(unit), unit)
        self.unit.setCurrentIndex(self.unit.findData(DEFAULT_LIMIT.unit))
        name_error, limit_error = error_label(self), error_label(self)
        self.errors.add(name_error, self.name, "name")
        self.errors.add(limit_error, self.amount, "limit")
        self.limit = field_row(self, self.amount, self.unit, grow=self.unit)
        self.new_button = QPushButton(self.tr("新建"), self)
        self.new_button.clicked.connect(self.start_new)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.editing = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("名称"), field_box(self, self.name, name_error))
        form.addRow(self.tr("分级"), self.tier)
        form.addRow(self.tr("办理时限"), field_box(self, self.limit, limit_error))
        row = QHBoxLayout()
        row.addWidget(self.editing, 1)
        row.addWidget(self.new_button)
        row.addWidget(self.save_button)
        note = QLabel(
            self.tr(
                "小时按钟点连续计算（含夜间和节假日）；工作日按节假日与调休计算；自然日每天都算。"
                "以天计的时限到最后一天24时。修改只影响此后登记的事项。"
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self._close_buttons())
        fit_to_screen(self, 440, 480)
        self.reload()
        self.start_new()

    def reload(self, select: str | None = None) -> None:
        with self.database.reader() as session:
            rows = service.categories(session)
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            name = QTableWidgetItem(c.name)
            name.setData(ID_ROLE, c.id)
            self.table.setItem(r, 0, name)
            self.table.setItem(r, 1, QTableWidgetItem(message_text(c.limit.text())))
            if c.id == select:
                self.table.selectRow(r)
        self.table.blockSignals(False)

    def current_id(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 and self.table.selectedItems() else None
        return str(item.data(ID_ROLE)) if item is not None else None

    def start_new(self) -> None:
        self.table.clearSelection()
        self.errors.clear()
        self.name.clear()
        self._show_limit(DEFAULT_LIMIT)
        self.editing.setText(self.tr("新类别"))
        self.name.setFocus()

    def _on_selection_changed(self) -> None:
        category_id = self.current_id()
        if category_id is None:
            return
        with self.database.reader() as session:
            found = next(c for c in service.categories(session) if c.id == category_id)
        self.errors.clear()
        self.name.setText(found.name)
        self._show_limit(found.limit)
        self.editing.setText(self.tr("修改“{name}”").format(name=found.name))

    def _show_limit(self, limit: Limit) -> None:
        self.amount.setValue(limit.amount)
        self.unit.setCurrentIndex(self.unit.findData(limit.unit))
        self.tier.setCurrentIndex(max(0, self.tier.findData(limit)))

    def _on_tier_chosen(self) -> None:
        limit = self.tier.currentData()
        if isinstance(limit, Limit):
            self._show_limit(limit)

    def chosen_limit(self) -> Limit:
        return Limit(self.amount.value(), self.unit.currentData())

    def save(self) -> bool:
        category_id, name, limit = self.current_id(), self.name.text(), self.chosen_limit()
        saved: list[str] = []
        if not self._save(
            lambda s: saved.append(service.save_category(s, name, limit, category_id))
        ):
            return False
        self.reload(select=saved[0])
        self._on_selection_changed()
        return True
