"""What the views of the agreements tab share: the one dialog open at a time, re-reading when
the tab passes on a change of the agreements or the directory; and for the 三张清单 and
在职党员 views, a paged list (``self.panel``) beside a detail, with removals asked first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from app.changes import Area, Changes
from app.errors import UserError
from app.localtime import beijing_today

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from ui.i18n import message_text
from ui.tab import FollowsChanges, TabContext
from ui.widgets import read_only
from ui.widgets.list_panel import ListPanel
from ui.widgets.one_dialog import open_one

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class AgreementsView(FollowsChanges, QWidget):
    shows = frozenset({Area.AGREEMENTS, Area.DIRECTORY})  # parties and members are people

    def __init__(
        self, context: TabContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.database = context.database
        self.today = today or beijing_today()
        self.dialog: QDialog | None = None  # the one open, kept for tests and screenshots
        self._ready = False
        self.follow_changes(context.events)

    def refresh(self) -> None:
        raise NotImplementedError

    # the view's interface

    def print_current(self) -> None:
        """Nothing to print in this view."""

    def data_ready(self) -> bool:
        return self._ready

    def _open(self, dialog: QDialog) -> None:
        """Shows the view's one dialog; a viewer's is read-only (see ui.widgets.read_only)."""
        if not self.context.may_edit:
            read_only.lock_dialog(dialog)
        open_one(self, dialog)

    def _changed(self) -> None:
        self.context.events.announce(Changes.of(Area.AGREEMENTS))


class ListView(AgreementsView):
    panel: ListPanel

    def focus_search(self) -> None:
        self.panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.search.selectAll()

    def _run(self, step: Callable[[Session], object]) -> bool:
        """Runs ``step`` in its own session; when the database refuses it, says why and shows
        what is stored now. True when done (the caller announces the change)."""
        try:
            with self.database.session() as session:
                step(session)
        except UserError as error:
            QMessageBox.warning(self, self.tr("无法完成"), message_text(error.message))
            self.refresh()
            return False
        return True
