"""节假日与调休: a year's exceptions to the Monday–Friday week that deadlines are counted in,
each with where it came from (the State Council's notice shipped with the program, a holiday
file imported, or set here by hand). A festival's whole break is set at once (from … to …);
导入 takes the next year's notice from a holiday file, 导出 writes a year to send on.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.database import Database
from app.errors import UserError
from app.issues import holidays as calendar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
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
from ui.i18n import enum_text, message_text
from ui.issues.settings import ID_ROLE, SettingsDialog
from ui.widgets import palette
from ui.widgets.fields import error_label, field_box, field_row
from ui.widgets.saved_notice import show_saved
from ui.widgets.tables import read_only_table

WEEKDAYS = "一二三四五六日"
FILES = "节假日文件 (*.toml);;所有文件 (*)"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class HolidaysDialog(SettingsDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.setWindowTitle(self.tr("节假日与调休"))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.import_button = QPushButton(self.tr("导入节假日文件…"), self)
        self.import_button.setToolTip(
            self.tr("国务院办公厅每年11月前后公布下一年的安排；把它的节假日文件导入这里")
        )
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.export_button.setToolTip(self.tr("把这一年存为节假日文件，发给各社区导入"))
        self.export_button.clicked.connect(self.export_file)
        self.table = read_only_table(
            [self.tr("日期"), self.tr("星期"), self.tr("类型"), self.tr("名称"), self.tr("来源")],
            self,
        )
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.first = QDateEdit(self)
        self.last = QDateEdit(self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
        self.first.dateChanged.connect(self._on_first_changed)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("休息（节假日）"), False)
        self.kind.addItem(self.tr("上班（调休）"), True)
        self.name = QLineEdit(self)
        self.name.setMaxLength(60)
        self.name.setPlaceholderText(self.tr("如：国庆节"))
        name_error, last_error, kind_error = error_label(self), error_label(self), error_label(self)
        self.errors.add(name_error, self.name, "name")
        self.errors.add(last_error, self.last, "last")
        self.errors.add(kind_error, self.kind, "kind")
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
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        days = field_row(self, self.first, QLabel(self.tr("至"), self), self.last)
        form = QFormLayout()
        form.addRow(self.tr("日期"), field_box(self, days, last_error))
        form.addRow(self.tr("这几天"), field_box(self, self.kind, kind_error))
        form.addRow(self.tr("名称"), field_box(self, self.name, name_error))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.clear_button)
        row.addWidget(self.set_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self._close_buttons())
        self.resize(620, 600)
        self.reload()

    def reload(self, select: date | None = None) -> None:
        with self.database.reader() as session:
            rows = calendar.holidays(session, self.year.value())
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, view in enumerate(rows):
            first = QTableWidgetItem(view.day.isoformat())
            first.setData(ID_ROLE, view.day.isoformat())
            kind = self.tr("上班（调休）") if view.is_workday else self.tr("休息")
            origin = f"{enum_text(view.origin)} {view.source}".strip()
            cells = [first, QTableWidgetItem(WEEKDAYS[view.day.weekday()])]
            cells += [QTableWidgetItem(t) for t in (kind, view.name, origin)]
            cells[2].setData(ID_ROLE, view.is_workday)
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)
            if view.day == select:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        self.clear_button.setEnabled(bool(self.table.selectedItems()))
        self.export_button.setEnabled(bool(rows))
        off = sum(not v.is_workday for v in rows)
        sources = "、".join(sorted({v.source for v in rows if v.source}))
        if not rows:
            self.summary.setText(
                self.tr(
                    "{year}年还没有节假日安排：国务院办公厅公布后，导入它的节假日文件，"
                    "或在下面逐段设置。在此之前，这一年只按周一至周五计算工作日。"
                ).format(year=self.year.value())
            )
        else:
            self.summary.setText(
                self.tr("{year}年：放假{off}天，调休上班{work}天。{source}").format(
                    year=self.year.value(),
                    off=off,
                    work=len(rows) - off,
                    source=self.tr("依据：{names}").format(names=sources) if sources else "",
                )
            )

    def selected_day(self) -> date | None:
        row = self.table.currentRow()
        if row < 0 or not self.table.selectedItems():
            return None
        return date.fromisoformat(str(self._cell(row, 0).data(ID_ROLE)))

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # every row of the year is filled in full
        return item

    def _on_first_changed(self, value: QDate) -> None:
        if self.last.date() < value:
            self.last.setDate(value)

    def _on_selection_changed(self) -> None:
        day = self.selected_day()
        self.clear_button.setEnabled(day is not None)
        if day is None:
            return
        row = self.table.currentRow()
        self.errors.clear()
        self.first.setDate(_qdate(day))
        self.last.setDate(_qdate(day))
        is_workday = bool(self._cell(row, 2).data(ID_ROLE))
        self.kind.setCurrentIndex(self.kind.findData(is_workday))
        self.name.setText(self._cell(row, 3).text())

    def save(self) -> bool:
        first, last = _day(self.first.date()), _day(self.last.date())
        is_workday, name = bool(self.kind.currentData()), self.name.text()
        if not self._save(lambda s: calendar.set_holidays(s, first, last, is_workday, name)):
            return False
        if self.year.value() != first.year:
            self.year.setValue(first.year)  # reloads
        self.reload(select=first)
        return True

    def clear_selected(self) -> bool:
        day = self.selected_day()
        if day is None:
            return False
        if not self._save(lambda s: calendar.clear_holiday(s, day)):
            return False
        self.reload()
        return True

    def import_file(self, path: Path | None = None) -> bool:
        """导入 a year's notice from a holiday file (the file chosen when not given)."""
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(
                self, self.tr("导入节假日文件"), "", self.tr(FILES)
            )
            if not name:
                return False
            path = Path(name)
        done: list[calendar.Installed] = []
        if not self._save(lambda s: done.append(calendar.import_holiday_file(s, path))):
            return False
        result = done[0]
        self.year.setValue(result.year)
        self.reload()
        self.message.setStyleSheet(palette.DONE_TEXT)
        self.message.setText(
            self.tr("已导入{year}年：放假{off}天，调休上班{work}天（替换原有{old}天）。").format(
                year=result.year, off=result.days_off, work=result.workdays, old=result.replaced
            )
        )
        return True

    def export_file(self, path: Path | None = None) -> Path | None:
        year = self.year.value()
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self, self.tr("导出节假日文件"), f"{year}.toml", self.tr(FILES)
            )
            if not name:
                return None
            path = Path(name)
        self.message.setStyleSheet(palette.ERROR_TEXT)
        try:
            with self.database.reader() as session:
                calendar.export_holiday_file(session, year, path)
        except UserError as error:
            self.message.setText(message_text(error.message))
            return None
        except OSError as error:
            self.message.setText(
                self.tr("无法写入文件：{path}（{why}）").format(path=path, why=error.strerror)
            )
            return None
        self.message.setStyleSheet(palette.DONE_TEXT)
        self.message.setText(self.tr("已导出{year}年的节假日：{path}").format(year=year, path=path))
        show_saved(self, path)
        return path
