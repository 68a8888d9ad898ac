"""设置… of the issues tab: the categories with their limits in working days, and the holiday
calendar (holidays, and weekends made working days) that deadlines are counted in.

Both dialogs save each change at once through ``app.issues.service`` (``save_category``,
``set_holiday``, ``clear_holiday``); a refused value is shown under its field. ``changed``
says whether anything was saved, so the tab can reload what depends on it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from app.database import Database
from app.errors import UserError, ValidationError
from app.issues import service

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import message_text
from ui.meetings.fields import STYLE, FieldErrors, error_label, field_box
from ui.widgets.screen import fit_to_screen

ID_ROLE = Qt.ItemDataRole.UserRole + 1
WEEKDAYS = "一二三四五六日"


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class _SettingsDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.database = database
        self.changed = False
        self.setStyleSheet(STYLE)
        self.errors = FieldErrors()
        self.message = QLabel(self)  # a refusal that concerns no one field
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a4161a;")

    def _close_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        return buttons

    def _save(self, step: Callable[[Session], object]) -> bool:
        """Runs ``step(session)``; shows a refusal at its field, else in the message line."""
        self.errors.clear()
        self.message.clear()
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


class CategoriesDialog(_SettingsDialog):
    """类别与办理时限: pick a row to change it, 新建 to add one."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.setWindowTitle(self.tr("类别与办理时限"))
        self.table = _table([self.tr("类别"), self.tr("办理时限")], self)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.name = QLineEdit(self)
        self.name.setMaxLength(60)  # longer than allowed, so the rule is explained, not hidden
        self.limit = QSpinBox(self)
        self.limit.setRange(0, service.LIMIT_MAX)
        self.limit.setValue(3)
        self.limit.setSuffix(self.tr(" 个工作日"))
        self.limit.setSpecialValueText(self.tr("当天"))
        name_error, limit_error = error_label(self), error_label(self)
        self.errors.add(name_error, self.name, "name")
        self.errors.add(limit_error, self.limit, "limit_working_days")
        self.new_button = QPushButton(self.tr("新建"), self)
        self.new_button.clicked.connect(self.start_new)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.editing = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("名称"), field_box(self, self.name, name_error))
        form.addRow(self.tr("办理时限"), field_box(self, self.limit, limit_error))
        row = QHBoxLayout()
        row.addWidget(self.editing, 1)
        row.addWidget(self.new_button)
        row.addWidget(self.save_button)
        note = QLabel(self.tr("时限按工作日计算（0 为当天办结），修改只影响此后登记的事项。"), self)
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
            days = (
                self.tr("当天")
                if c.limit_working_days == 0
                else self.tr("{n}个工作日").format(n=c.limit_working_days)
            )
            self.table.setItem(r, 0, name)
            self.table.setItem(r, 1, QTableWidgetItem(days))
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
        self.limit.setValue(3)
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
        self.limit.setValue(found.limit_working_days)
        self.editing.setText(self.tr("修改“{name}”").format(name=found.name))

    def save(self) -> bool:
        category_id, name, limit = self.current_id(), self.name.text(), self.limit.value()
        saved: list[str] = []
        if not self._save(
            lambda s: saved.append(service.save_category(s, name, limit, category_id))
        ):
            return False
        self.reload(select=saved[0])
        self._on_selection_changed()
        return True


class HolidaysDialog(_SettingsDialog):
    """节假日与调休: the year's exceptions to the Monday–Friday week."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.setWindowTitle(self.tr("节假日与调休"))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.table = _table(
            [self.tr("日期"), self.tr("星期"), self.tr("类型"), self.tr("名称")], self
        )
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate())
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("休息（节假日）"), False)
        self.kind.addItem(self.tr("上班（调休）"), True)
        self.name = QLineEdit(self)
        self.name.setMaxLength(60)
        self.name.setPlaceholderText(self.tr("如：国庆节"))
        name_error = error_label(self)
        self.errors.add(name_error, self.name, "name")
        self.set_button = QPushButton(self.tr("设置"), self)
        self.set_button.setDefault(True)
        self.set_button.clicked.connect(self.save)
        self.clear_button = QPushButton(self.tr("恢复为平常"), self)
        self.clear_button.setToolTip(self.tr("这一天重新按周一至周五上班计算"))
        self.clear_button.clicked.connect(self.clear_selected)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年份"), self))
        top.addWidget(self.year)
        top.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("日期"), self.day)
        form.addRow(self.tr("这一天"), self.kind)
        form.addRow(self.tr("名称"), field_box(self, self.name, name_error))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.clear_button)
        row.addWidget(self.set_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self._close_buttons())
        fit_to_screen(self, 460, 520)
        self.reload()

    def reload(self, select: date | None = None) -> None:
        with self.database.reader() as session:
            rows = service.holidays(session, self.year.value())
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, (day, is_workday, name) in enumerate(rows):
            first = QTableWidgetItem(day.isoformat())
            first.setData(ID_ROLE, day.isoformat())
            kind = self.tr("上班（调休）") if is_workday else self.tr("休息")
            cells = [first, QTableWidgetItem(WEEKDAYS[day.weekday()])]
            cells += [QTableWidgetItem(kind), QTableWidgetItem(name)]
            cells[2].setData(ID_ROLE, is_workday)
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)
            if day == select:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        self.clear_button.setEnabled(bool(self.table.selectedItems()))

    def selected_day(self) -> date | None:
        row = self.table.currentRow()
        if row < 0 or not self.table.selectedItems():
            return None
        return date.fromisoformat(str(self.table.item(row, 0).data(ID_ROLE)))

    def _on_selection_changed(self) -> None:
        day = self.selected_day()
        self.clear_button.setEnabled(day is not None)
        if day is None:
            return
        row = self.table.currentRow()
        self.errors.clear()
        self.day.setDate(_qdate(day))
        is_workday = bool(self.table.item(row, 2).data(ID_ROLE))
        self.kind.setCurrentIndex(self.kind.findData(is_workday))
        self.name.setText(self.table.item(row, 3).text())

    def save(self) -> bool:
        day, is_workday, name = _day(self.day.date()), self.kind.currentData(), self.name.text()
        if not self._save(lambda s: service.set_holiday(s, day, bool(is_workday), name)):
            return False
        if self.year.value() != day.year:
            self.year.setValue(day.year)  # reloads
        self.reload(select=day)
        return True

    def clear_selected(self) -> bool:
        day = self.selected_day()
        if day is None:
            return False
        if not self._save(lambda s: service.clear_holiday(s, day)):
            return False
        self.reload()
        return True
