"""What the main window gives each tab, and what it expects back.

A tab's module is imported only once the database is open (it may import app/ and so
SQLAlchemy); the window builds a tab the first time it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.database import Database

    from ui.widgets.list_panel import ListPanel


class DataEvents(QObject):
    """App-wide notice that data changed, so views refresh only what concerns them.

    Signals:
        changed(str): the area whose records changed ("directory", "meetings", …).
    """

    changed = Signal(str)


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


class TabPage(QWidget):
    """Base of every tab's content. Subclasses override what they support."""

    def refresh(self) -> None:
        """Re-read the data (after an edit elsewhere, or on F5)."""

    def new_record(self) -> None:
        """Ctrl+N."""

    def focus_search(self) -> None:
        """Ctrl+F."""

    def delete_selected(self) -> None:
        """Delete: ask first, then delete the selected record."""

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

    def may_close(self) -> bool:
        """Before the window closes: False keeps it open (unsaved edits the user kept)."""
        return True
