"""Fields that pick a record by name: a drop-down for short lists, a type-ahead for long ones.

Both give the picked record's id (``value()``), None when left empty, and report text that
names nothing (``is_unmatched()``) so the dialog can say so at the field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from app.directory.choices import Choice
from app.directory.matching import name_matches

from PySide6.QtCore import (
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget
from ui.i18n import enum_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.database import Database

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def pinyin_sorted(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(name, id) pairs in pinyin order (安乐村 before 郑和)."""
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return sorted(names, key=lambda pair: collator.sortKey(pair[0]))


class EnumCombo(QComboBox):
    """A fixed drop-down of a code's values by their translated names."""

    def __init__(
        self,
        members: Sequence[StrEnum],
        placeholder: str = "",
        parent: QWidget | None = None,
        *,
        none_text: str = "",
    ) -> None:
        super().__init__(parent)
        # Qt hands a StrEnum back as a plain str, so the members are kept here, by position
        self._values: list[StrEnum | None] = [None] if none_text else []
        if none_text:  # a value that may be left unknown gets an item to go back to
            self.addItem(none_text)
        for member in members:
            self.addItem(enum_text(member))
            self._values.append(member)
        if placeholder:
            self.setPlaceholderText(placeholder)

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if index >= 0 else None

    def set_value(self, value: StrEnum | None) -> None:
        self.setCurrentIndex(self._values.index(value) if value in self._values else -1)


class NameFilter(QSortFilterProxyModel):
    """The labels the typed text finds (``app.directory.matching``: a part of the name, or
    the name shortened or spelt out — "城市管理" finds "宁海路街道 / 城管科")."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._typed = ""

    def set_typed(self, text: str) -> None:
        self.beginFilterChange()
        self._typed = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(  # noqa: N802
        self, row: int, parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        label = self.sourceModel().index(row, 0, parent).data()
        return isinstance(label, str) and name_matches(label, self._typed)


class ChoiceCombo(QComboBox):
    """An editable drop-down: open it to browse, or type a few characters of a name to see
    the names they find."""

    def __init__(self, missing_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._missing_text = missing_text or self.tr("（已删除）")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.names = NameFilter(self)
        self.names.setSourceModel(self.model())
        completer = QCompleter(self.names, self)  # the combo maps a pick back to its row
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(15)
        self.setCompleter(completer)
        self.line_edit().textEdited.connect(self._on_text_edited)
        self.set_placeholder(self.tr("不选，或输入名称中的几个字"))

    def set_placeholder(self, text: str) -> None:
        self.line_edit().setPlaceholderText(text)

    def line_edit(self) -> QLineEdit:
        """The typing field (an editable combo always has one)."""
        edit = self.lineEdit()
        assert edit is not None
        return edit

    def _on_text_edited(self, text: str) -> None:
        self.names.set_typed(text.strip())
        completer = self.completer()
        if completer is None:
            return
        if self.names.rowCount() and text.strip():
            completer.complete()
        elif (popup := completer.popup()) is not None:
            popup.hide()

    def set_choices(self, choices: Sequence[Choice]) -> None:
        self.clear()
        for choice in choices:
            self.addItem(choice.label, choice.id)
        self.set_value(None)

    def set_value(self, value: str | None) -> None:
        index = self.findData(value) if value else -1
        if value and index < 0:  # a record deleted since: keep the link visible, not lost
            self.addItem(self._missing_text, value)
            index = self.count() - 1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def value(self) -> str | None:
        index = self._matching_index()
        return self.itemData(index) if index >= 0 else None

    def is_unmatched(self) -> bool:
        return bool(self.currentText().strip()) and self._matching_index() < 0

    def _matching_index(self) -> int:
        text = self.currentText().strip()
        if not text:
            return -1
        if self.currentIndex() >= 0 and self.itemText(self.currentIndex()) == text:
            return self.currentIndex()  # two records may share a label: keep the one picked
        return self.findText(text, Qt.MatchFlag.MatchExactly)


def lookup_in(
    database: Database, choices: Callable[[Session, str], list[Choice]]
) -> Callable[[str], list[Choice]]:
    """A type-ahead's lookup: the ``choices`` matching the text typed, read from ``database``
    (``person_choices``, ``resident_unit_choices``…)."""

    def lookup(text: str) -> list[Choice]:
        with database.reader() as session:
            return choices(session, text)

    return lookup


class LookupEdit(QLineEdit):
    """A type-ahead over a long list: each edit asks ``lookup(text)`` for the matches.

    Signals:
        picked(): a match was taken from the list (clicked, or highlighted and Enter).
    """

    picked = Signal()

    def __init__(
        self,
        lookup: Callable[[str], list[Choice]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lookup = lookup  # the matches for a text
        self._choice: Choice | None = None
        self._matches = QStandardItemModel(self)
        self.completer_popup = QCompleter(self._matches, self)
        self.completer_popup.setWidget(self)
        self.completer_popup.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_popup.setMaxVisibleItems(12)
        self.completer_popup.activated[QModelIndex].connect(  # type: ignore[index]
            self._on_completer_activated
        )
        self.completer_popup.activated[QModelIndex].connect(  # type: ignore[index]
            lambda _index: self.picked.emit()
        )
        self.textEdited.connect(self._on_text_edited)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("输入名称中的几个字，从列表中选择"))

    def set_choice(self, choice: Choice | None) -> None:
        self._choice = choice
        self.setText(choice.label if choice else "")

    def value(self) -> str | None:
        choice = self._resolve()
        return choice.id if choice else None

    def is_unmatched(self) -> bool:
        return bool(self.text().strip()) and self._resolve() is None

    def _resolve(self) -> Choice | None:
        text = self.text().strip()
        if not text:
            return None
        if self._choice is not None and self._choice.label == text:
            return self._choice
        exact = [c for c in self.lookup(text) if c.label == text]
        if len(exact) == 1:  # typed in full rather than picked: fine when it is unambiguous
            self._choice = exact[0]
            return exact[0]
        return None

    def _on_text_edited(self, text: str) -> None:
        self._matches.clear()
        if not text.strip():
            self._hide_popup()
            return
        for choice in self.lookup(text):
            item = QStandardItem(choice.label)
            item.setData(choice.id, ID_ROLE)
            item.setEditable(False)
            self._matches.appendRow(item)
        if self._matches.rowCount():
            self.completer_popup.complete()
        else:
            self._hide_popup()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter with the matches open takes one, and only then reports ``returnPressed``:
        the highlighted match (the completer takes it), else the only one; with several and
        none highlighted, the first is highlighted for a second Enter."""
        popup = self.completer_popup.popup()
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if not enter or popup is None or not popup.isVisible():
            super().keyPressEvent(event)
            return
        if popup.currentIndex().isValid():
            event.ignore()  # the completer takes the highlighted match and says so
            return
        if self._matches.rowCount() == 1:
            self._on_completer_activated(self._matches.index(0, 0))
            self._hide_popup()
            super().keyPressEvent(event)
            return
        popup.setCurrentIndex(self._matches.index(0, 0))
        event.accept()

    def _hide_popup(self) -> None:
        if (popup := self.completer_popup.popup()) is not None:
            popup.hide()

    def _on_completer_activated(self, index: QModelIndex) -> None:
        self.set_choice(Choice(index.data(ID_ROLE), index.data()))
