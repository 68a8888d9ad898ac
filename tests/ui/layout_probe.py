"""Renders the main window and its dialogs on one screen setup and reports what is clipped.

Run as ``python -m tests.ui.layout_probe DB OUT LANGUAGE`` in a process whose screen the
environment sets (``QT_QPA_PLATFORM=offscreen:configfile=…`` for its size,
``QT_SCALE_FACTOR`` for Windows' display scaling): the window fills the screen as when
maximised, every tab and view and the main dialogs are shown with a record selected, each is
saved as a PNG in OUT, and the last line printed is a JSON object listing the problems found.
A problem is text that needs more room than its widget has, a widget sticking out of what
shows it, a scrolling form whose content is cut at the side, or a window that does not fit
on the screen.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QWidget,
)

SLACK = 1  # pixels of rounding at fractional scales


def clipped(window: QWidget) -> list[str]:
    """What in ``window`` is cut off (see the module's docstring)."""
    found: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.isWindow():
            continue
        found += _text_cut(widget) + _sticking_out(widget)
    return found


def _text_cut(widget: QWidget) -> list[str]:
    needed = widget.minimumSizeHint().width()
    if isinstance(widget, QAbstractButton) and widget.text():
        if not isinstance(widget.parent(), QTabBar) and widget.width() + SLACK < needed:
            return [f"button {widget.text()!r}: {widget.width()} < {needed} px"]
    if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
        plain = widget.textFormat() != Qt.TextFormat.RichText and "<" not in widget.text()
        if plain and widget.width() + SLACK < needed:
            return [f"label {widget.text()[:30]!r}: {widget.width()} < {needed} px"]
    return []


def _sticking_out(widget: QWidget) -> list[str]:
    parent = widget.parentWidget()
    if parent is None or isinstance(widget, QScrollBar):
        return []
    if parent.objectName() == "qt_scrollarea_viewport":
        area = parent.parentWidget()
        off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        if isinstance(area, QAbstractScrollArea) and area.horizontalScrollBarPolicy() == off:
            if widget.width() > parent.width() + SLACK:
                return [f"scrolling form cut at the side: {widget.width()} > {parent.width()} px"]
        return []
    if isinstance(parent, QAbstractScrollArea):
        return []
    box, room = widget.geometry(), parent.rect()
    if box.right() > room.right() + SLACK or box.bottom() > room.bottom() + SLACK:
        name = getattr(widget, "text", lambda: "")() or type(widget).__name__
        return [f"{name!r} sticks out of {type(parent).__name__}: {box} in {room}"]
    return []


def off_screen(window: QWidget) -> list[str]:
    """The window, or the least it can shrink to, larger than the screen's free area."""
    screen = window.screen() or QApplication.primaryScreen()
    free = screen.availableGeometry()
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    problems = []
    if least.width() > free.width() or least.height() > free.height():
        problems.append(f"needs at least {least.width()}×{least.height()}, screen {free.size()}")
    if window.width() > free.width() + SLACK or window.height() > free.height() + SLACK:
        problems.append(f"is {window.width()}×{window.height()}, screen {free.size()}")
    return problems


class Probe:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.problems: list[str] = []
        self.shots: list[str] = []

    def settle(self) -> None:
        for _ in range(4):
            QApplication.processEvents()

    def look(self, name: str, widget: QWidget, *, window: bool = False) -> None:
        self.settle()
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        self.shots.append(path.name)
        self.problems += [f"{name}: {p}" for p in clipped(widget)]
        if window:
            self.problems += [f"{name}: {p}" for p in off_screen(widget)]

    def look_at_dialog(self, name: str, dialog: QDialog | None) -> None:
        if dialog is None:
            self.problems.append(f"{name}: did not open")
            return
        if not dialog.isVisible():
            dialog.show()
        self.settle()
        pages = dialog.findChild(QTabWidget)
        if pages is not None and pages.window() is dialog:
            for index in range(pages.count()):
                pages.setCurrentIndex(index)
                self.look(f"{name}-{index + 1}", dialog, window=True)
        else:
            self.look(name, dialog, window=True)
        dialog.hide()
        dialog.deleteLater()


def _select_first_rows(page: QWidget) -> None:
    from ui.widgets.list_panel import ListPanel

    for panel in page.findChildren(ListPanel):
        if panel.isVisible() and panel.model.rowCount():
            panel.table.selectRow(0)


def _dialogs(window: Any) -> Iterator[tuple[str, Callable[[], QDialog | None]]]:
    """Each main dialog, opened the way the user opens it."""
    from ui.dialogs.settings import SettingsDialog
    from ui.dialogs.users import UsersDialog
    from ui.directory.kinds import PERSON
    from ui.excel.import_dialog import ImportDialog

    meetings = window.show_tab("meetings")
    _select_first_rows(meetings)
    yield "meeting-editor", meetings.open_selected
    yield "meeting-duplicate", meetings.duplicate_selected
    agreements = window.show_tab("agreements")
    yield (
        "agreement-editor",
        lambda: agreements.show_view("editor") and agreements.agreements.editor,
    )
    directory = window.show_tab("directory")

    def person() -> QDialog | None:
        directory.show_list(PERSON).panel.table.selectRow(0)
        directory.edit_record()
        return directory.editor.dialog  # type: ignore[no-any-return]

    yield "person", person
    secondments = window.show_tab("secondments")

    def posting() -> QDialog | None:
        _select_first_rows(secondments)
        secondments.commands.edit_posting()
        return secondments.dialog  # type: ignore[no-any-return]

    yield "posting", posting
    issues = window.show_tab("issues")
    yield "issue-reminders", issues.reminders_dialog
    yield "issue-categories", issues.categories_dialog
    assert window.context is not None
    yield "import", lambda: ImportDialog(window.context, window)
    yield "settings", lambda: SettingsDialog(window.settings, window)
    yield "users", lambda: UsersDialog(window.database, window)


def run(database: Path, out: Path, language: str) -> dict[str, Any]:
    from ui.application import create_application
    from ui.i18n import install_language
    from ui.main_window import TAB_KEYS, MainWindow
    from ui.settings import Settings

    out.mkdir(parents=True, exist_ok=True)
    copy = out / "probe.db"
    shutil.copyfile(database, copy)
    app = create_application(sys.argv[:1])
    install_language(language)
    settings = Settings(QSettings(str(out / "probe.ini"), QSettings.Format.IniFormat))
    window = MainWindow(str(copy), settings, interactive=False)
    window.setGeometry(app.primaryScreen().availableGeometry())  # as maximised
    window.show()
    window.open_database()
    probe = Probe(out)
    for key in TAB_KEYS:
        page = window.show_tab(key)
        views = ("agreements", "matrix", "lists", "members") if key == "agreements" else ("",)
        for view in views:
            if view:
                page.show_view(view)
            _select_first_rows(page)
            probe.look(f"{key}-{view}" if view else key, window, window=True)
    for name, opener in _dialogs(window):
        probe.look_at_dialog(name, opener())
    window.close()
    return {"problems": probe.problems, "shots": probe.shots}


if __name__ == "__main__":
    result = run(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
    print(json.dumps(result, ensure_ascii=False), flush=True)
