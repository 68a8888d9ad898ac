"""What the main window gives each tab, and what it expects back.

A tab's module is imported only once the database is open (it may import app/ and so
SQLAlchemy); the window builds a tab the first time it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

if TYPE_CHECKING:
    from app.changes import Area, Changes
    from app.database import Database

    from PySide6.QtGui import QAction
    from ui.widgets.list_panel import ListPanel


class DataEvents(QObject):
    """The one channel every change travels: a use case's caller, an undo step, an import or
    the calendar announces what it changed, and the screens re-read only what shows it.

    Each tab follows it (``TabPage.follow_changes``); an editor window may listen itself.
    ``origin`` is the screen that made the change and shows it already: it does not re-read
    on its own announcement. Announce on the GUI thread only.

    Signals:
        announced(Changes, object): what changed, and the screen that changed it (or None).
    """

    announced = Signal(object, object)

    def announce(self, changes: Changes, origin: object = None) -> None:
        self.announced.emit(changes, origin)


def _nowhere(_key: str, _what: Any) -> None:
    """``open_list``/``open_view`` for a tab shown on its own (tests): no other tab to open."""


@dataclass
class TabContext:
    database: Database
    undo_stack: QUndoStack
    events: DataEvents
    # shows another tab's list with these filters (its ListSource's filter keys)
    open_list: Callable[[str, Mapping[str, Any]], None] = _nowhere
    # shows one of another tab's views by name (TabPage.show_view)
    open_view: Callable[[str, str], None] = _nowhere

    @property
    def may_edit(self) -> bool:
        """False for a viewer: the tab's write actions are locked, its editors read-only."""
        return self.database.operator.may_edit

    def lock_writes(self, *targets: QWidget | QAction) -> None:
        """For a viewer, disables these write actions for good, saying why in the tooltip."""
        if not self.may_edit:
            from ui.widgets import read_only  # tabs are built after the first paint

            read_only.lock(*targets)


class FollowsChanges:
    """A screen (a tab, a view of one) that re-reads for the changes of the areas it
    ``shows``: at once while in view, and once, when next brought into view, for those
    announced while it was hidden. Mixed into a QWidget that has ``refresh``."""

    # the areas whose changes this screen shows: it re-reads only for those
    shows: ClassVar[frozenset[Area]] = frozenset()
    _in_view = True  # a screen on its own is in view; the tab or window holding it says not
    _missed: Changes | None = None  # what changed while it was out of view

    def follow_changes(self, events: DataEvents) -> None:
        """Called once, when the screen can refresh."""
        events.announced.connect(self._on_announced)

    def set_in_view(self, in_view: bool) -> None:
        """False while another tab or view is in front; True brings it up to date."""
        self._in_view = in_view
        if in_view and self._missed is not None:
            missed, self._missed = self._missed, None
            self.take_changes(missed, None)

    def _on_announced(self, changes: Changes, origin: object) -> None:
        if not changes.touches(self.shows):
            return
        if self._in_view:
            self.take_changes(changes, origin)
        else:
            self._missed = changes if self._missed is None else self._missed | changes

    def refresh(self) -> None:
        """Re-read the data (after a change it shows, or on F5)."""

    def take_changes(self, changes: Changes, origin: object) -> None:
        """Data this screen shows changed: re-read it, unless it made the change itself and
        shows it already."""
        if origin is not self:
            self.refresh()


class TabPage(FollowsChanges, QWidget):
    """Base of every tab's content. Subclasses override what they support."""

    # the modules its first build imports inside functions, which the window imports ahead in
    # idle moments once start-up is over (ui/ahead.py)
    imports_ahead: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def read_ahead(cls, database: Database) -> None:
        """Runs, in an idle moment before the tab is first built, the reads of its first build
        whose SQL is slow to compile, and drops the rows (ui/ahead.py). None by default."""

    def new_record(self) -> object:
        """Ctrl+N (a tab may return the editor it opened)."""

    def focus_search(self) -> None:
        """Ctrl+F."""

    def delete_selected(self) -> object:
        """Delete: ask first, then delete the selected record (a tab may say whether it did)."""

    def print_current(self) -> None:
        """Ctrl+P: preview and print what is shown (a tab without printing ignores it)."""

    def shown_list(self) -> ListPanel | None:
        """The list in view (File → export the current list); None when none is shown."""
        from ui.widgets.list_panel import ListPanel

        shown = [panel for panel in self.findChildren(ListPanel) if panel.isVisible()]
        return shown[0] if shown else None

    def show_filtered(self, filters: Mapping[str, Any]) -> None:
        """Shows the tab's main list with these filters (keys of its ListSource's filters)."""

    def show_view(self, name: str) -> bool:
        """Show one of the tab's views or dialogs by name (for screenshots); False if unknown."""
        return False

    def data_ready(self) -> bool:
        """True once the tab shows its data (the start-up probe waits for this)."""
        return True

    def may_leave(self) -> bool:
        """Before the window closes or the tabs are rebuilt: each open editor with unsaved
        changes asks 保存 / 放弃 / 取消 (its ``may_leave``); False when the user stays."""
        asks = [getattr(d, "may_leave", None) for d in self.findChildren(QDialog) if d.isVisible()]
        return all(ask() for ask in asks if callable(ask))
