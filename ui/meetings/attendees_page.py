"""The editor's 出席人员 page: who is expected, and on the day who came.

Add people by typing a few characters of a name, or a whole unit's representatives at once;
mark attendance with the buttons or the keys 1 出席, 2 请假, 3 列席, 4 缺席, 0 clear (the
selection moves on to the next person, so a sign-in list is ticked off top to bottom); 请假
opens the reason for typing. ``出席 x / 应到 y`` follows every mark. An error about a row
selects that row and shows the message under the table.
"""

from __future__ import annotations

import re

from app.database import Database
from app.directory.choices import person_choices, resident_unit_choices
from app.enums import AttendanceStatus
from app.errors import UserError
from app.meetings import service
from app.meetings.detail import AttendeeView
from app.meetings.records import AttendeeData

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import message_text
from ui.meetings.attendee_model import STATUS_ROLE, STATUSES, AttendeeTableModel, Col, status_text
from ui.widgets.fields import error_label, set_invalid
from ui.widgets.pickers import LookupEdit, lookup_in

ROW_ERROR = re.compile(r"^attendees\[(\d+)\](?:\.(\w+))?$")
KEYS = {
    Qt.Key.Key_1: AttendanceStatus.PRESENT,
    Qt.Key.Key_2: AttendanceStatus.LEAVE,
    Qt.Key.Key_3: AttendanceStatus.OBSERVER,
    Qt.Key.Key_4: AttendanceStatus.ABSENT,
    Qt.Key.Key_0: None,
}


class StatusDelegate(QStyledItemDelegate):
    """A drop-down of the statuses for the 出席情况 column."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems([status_text(s) for s in STATUSES])
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(int(index.data(STATUS_ROLE) or 0))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentIndex(), Qt.ItemDataRole.EditRole)


class AttendeesPage(QWidget):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.model = AttendeeTableModel(self)
        self.model.counts_changed.connect(self._on_model_counts_changed)
        self.model.row_edited.connect(self._on_model_row_edited)
        self.error_row: int | None = None

        self.person = LookupEdit(lookup_in(self._database, person_choices), self)
        self.person.setPlaceholderText(self.tr("添加人员：输入姓名中的几个字"))
        self.person.picked.connect(self.add_person)
        self.person.returnPressed.connect(self.add_person)
        self.add_person_button = QPushButton(self.tr("添加人员"), self)
        self.add_person_button.clicked.connect(self.add_person)
        self.unit = LookupEdit(lookup_in(self._database, resident_unit_choices), self)
        self.unit.setPlaceholderText(self.tr("添加整个单位：输入单位名称中的几个字"))
        self.unit.picked.connect(self.add_unit)
        self.unit.returnPressed.connect(self.add_unit)
        self.add_unit_button = QPushButton(self.tr("添加单位代表"), self)
        self.add_unit_button.setToolTip(self.tr("把该单位在通讯录中的人员全部加入名单"))
        self.add_unit_button.clicked.connect(self.add_unit)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegateForColumn(Col.STATUS, StatusDelegate(self.table))
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        widths = ((Col.NAME, 90), (Col.UNIT, 250), (Col.POST, 200), (Col.STATUS, 80))
        for column, width in widths:
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(Col.REASON, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)

        self.mark_buttons: dict[AttendanceStatus | None, QPushButton] = {}
        for key, status in KEYS.items():
            number = chr(int(key))
            text = self.tr("清除") if status is None else status_text(status)
            button = QPushButton(f"{text} ({number})", self)
            button.setToolTip(self.tr("标记选中的人员（按 {key}）").format(key=number))
            button.clicked.connect(lambda _c=False, s=status: self.mark_selected(s))
            self.mark_buttons[status] = button
        self.all_present = QPushButton(self.tr("未标记的全部出席"), self)
        self.all_present.clicked.connect(self.mark_unmarked_present)
        self.up_button = QPushButton(self.tr("上移"), self)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(self.tr("下移"), self)
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button = QPushButton(self.tr("移出名单"), self)
        self.remove_button.setToolTip(self.tr("把选中的人员移出名单（Delete）"))
        self.remove_button.clicked.connect(self.remove_selected)

        self.error = error_label(self)
        self.counts = QLabel(self)
        self.counts.setStyleSheet("font-weight: bold;")
        self._build()
        self._on_model_counts_changed()

    def _build(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.person, 1)
        adding.addWidget(self.add_person_button)
        adding.addSpacing(12)
        adding.addWidget(self.unit, 1)
        adding.addWidget(self.add_unit_button)
        marking = QHBoxLayout()
        marking.addWidget(QLabel(self.tr("标记："), self))
        for button in self.mark_buttons.values():
            marking.addWidget(button)
        marking.addWidget(self.all_present)
        marking.addStretch(1)
        marking.addWidget(self.up_button)
        marking.addWidget(self.down_button)
        marking.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(adding)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(marking)
        layout.addWidget(self.counts)

    # lookups

    # adding and removing

    def _describe(self, rows: list[AttendeeData]) -> list[AttendeeView]:
        with self._database.reader() as session:
            return service.describe_attendees(session, rows)

    def add_person(self) -> bool:
        """Adds the person picked in the lookup; False (saying why) when none or listed."""
        if self.person.is_unmatched() or self.person.value() is None:
            if self.person.text().strip():
                self._say(
                    self.tr("没有找到“{text}”。请从列表中选择。").format(text=self.person.text())
                )
            return False
        view = self._describe([AttendeeData(person_id=self.person.value())])[0]
        if self.model.contains(view):
            self._say(self.tr("{name}已在名单中。").format(name=view.name))
            self.person.clear()
            return False
        self.model.append([view])
        self.person.set_choice(None)
        self.select_row(self.model.rowCount() - 1)
        return True

    def add_unit(self) -> int:
        """Adds the picked unit's representatives; returns how many were added."""
        unit_id = None if self.unit.is_unmatched() else self.unit.value()
        if unit_id is None:
            if self.unit.text().strip():
                self._say(
                    self.tr("没有找到“{text}”。请从列表中选择。").format(text=self.unit.text())
                )
            return 0
        try:
            with self._database.reader() as session:
                added = service.add_unit_representatives(session, unit_id, self.model.data_rows())
                views = service.describe_attendees(session, added)
        except UserError as error:
            self._say(message_text(error.message))
            return 0
        if not views:
            self._say(self.tr("该单位的人员都已在名单中。"))
        self.model.append(views)
        self.unit.set_choice(None)
        if views:
            self.select_row(self.model.rowCount() - len(views))
        return len(views)

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        return sorted(rows)

    def remove_selected(self) -> None:
        self.model.remove(self.selected_rows())

    def move_selected(self, delta: int) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        if self.model.move(rows[0], delta):
            self.select_row(rows[0] + delta)

    # marking

    def mark_selected(self, status: AttendanceStatus | None) -> None:
        rows = self.selected_rows()
        if not rows or self.model.read_only:
            return
        for row in rows:
            self.model.set_status(row, status)
        if status is AttendanceStatus.LEAVE and len(rows) == 1:
            index = self.model.index(rows[0], Col.REASON)
            self.table.setCurrentIndex(index)
            if not self.model.row(rows[0]).reason:
                self.table.edit(index)
        elif len(rows) == 1 and rows[0] + 1 < self.model.rowCount():
            self.select_row(rows[0] + 1)

    def mark_unmarked_present(self) -> None:
        for row, view in enumerate(self.model.rows()):
            if view.status is None:
                self.model.set_status(row, AttendanceStatus.PRESENT)

    def select_row(self, row: int, column: int = Col.NAME) -> None:
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        if column != Col.NAME:
            self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
            if plain and key in KEYS and self.table.state() != QAbstractItemView.State.EditingState:
                self.mark_selected(KEYS[Qt.Key(key)])
                return True
            if key == Qt.Key.Key_Delete and not self.model.read_only:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    # counts and errors

    def counts_text(self) -> str:
        c = self.model.counts()
        return self.tr(
            "出席 {present} / 应到 {expected}　请假 {leave}　列席 {observer}　缺席 {absent}"
            "　未标记 {unmarked}"
        ).format(
            present=c.present,
            expected=c.expected,
            leave=c.leave,
            observer=c.observer,
            absent=c.absent,
            unmarked=c.unmarked,
        )

    def _on_model_counts_changed(self) -> None:
        self.counts.setText(self.counts_text())

    def _on_model_row_edited(self, row: int) -> None:
        if self.error_row is not None and row == self.error_row:
            self.clear_errors()

    def _say(self, text: str) -> None:
        """A note under the table that is not a save error (a duplicate, no match)."""
        self.error.setText(text)
        self.error.show()

    def has_field(self, key: str) -> bool:
        return key == "attendees" or ROW_ERROR.match(key) is not None

    def show_error(self, key: str, text: str) -> bool:
        """Selects the row the error is about and shows the message under the table."""
        match = ROW_ERROR.match(key)
        if key != "attendees" and match is None:
            return False
        if match is not None and int(match.group(1)) < self.model.rowCount():
            row = int(match.group(1))
            column = Col.REASON if match.group(2) == "reason" else Col.STATUS
            if match.group(2) in ("person_id", "resident_unit_id"):
                column = Col.NAME
            self.error_row = row
            self.model.set_error_row(row)
            self.select_row(row, column)
        if self.error.isHidden() or not self.error.text():
            self.error.setText(text)
        elif text not in self.error.text():
            self.error.setText(self.error.text() + "\n" + text)
        self.error.show()
        set_invalid(self.table, True)
        self.table.setFocus()
        return True

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def clear_errors(self) -> None:
        self.error_row = None
        self.model.set_error_row(None)
        self.error.hide()
        self.error.clear()
        set_invalid(self.table, False)

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        for widget in (
            self.person,
            self.add_person_button,
            self.unit,
            self.add_unit_button,
            self.all_present,
            self.up_button,
            self.down_button,
            self.remove_button,
            *self.mark_buttons.values(),
        ):
            widget.setEnabled(not read_only)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
