"""The main window: six tabs, menus, the status bar, and opening the database after first paint.

Start-up is kept light: the window paints before SQLAlchemy is imported, then the database
is opened and the current tab built; other tabs are built when first shown.

Signals:
    database_opened(): the database is open and the current tab shows its data.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedLayout,
    QTabWidget,
    QWidget,
)
from ui.settings import Settings
from ui.tab import DataEvents, TabContext, TabPage

if TYPE_CHECKING:
    from app.database import Database


# (key, title, module, class); titles translated in context "MainWindow"
TABS: tuple[tuple[str, str, str, str], ...] = (
    ("home", QT_TRANSLATE_NOOP("MainWindow", "首页"), "ui.home.tab", "HomeTab"),
    ("meetings", QT_TRANSLATE_NOOP("MainWindow", "联席会议"), "ui.meetings.tab", "MeetingsTab"),
    (
        "agreements",
        QT_TRANSLATE_NOOP("MainWindow", "共建协议"),
        "ui.agreements.tab",
        "AgreementsTab",
    ),
    (
        "secondments",
        QT_TRANSLATE_NOOP("MainWindow", "干部挂职"),
        "ui.secondments.tab",
        "SecondmentsTab",
    ),
    ("issues", QT_TRANSLATE_NOOP("MainWindow", "民生事项"), "ui.issues.tab", "IssuesTab"),
    (
        "directory",
        QT_TRANSLATE_NOOP("MainWindow", "组织与人员"),
        "ui.directory.tab",
        "DirectoryTab",
    ),
)
TAB_KEYS = tuple(key for key, *_ in TABS)


def _tab_title(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    database_opened = Signal()

    def __init__(self, target: str, settings: Settings, *, interactive: bool = True) -> None:
        super().__init__()
        self.target = target
        self.settings = settings
        self.interactive = interactive  # False for screenshots and the start-up probe
        self.database: Database | None = None
        self.context: TabContext | None = None
        self.undo_stack = QUndoStack(self)
        self.events = DataEvents(self)
        self._pages: dict[str, TabPage] = {}
        self._statuses_day: date | None = None
        self._day_timer = QTimer(self, interval=10 * 60 * 1000)  # the day may change while open
        self._day_timer.timeout.connect(self.move_dated_statuses)

        self.setWindowTitle(self.tr("共建台"))
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for key, title, *_ in TABS:
            holder = QWidget()
            holder.setObjectName(f"tab_{key}")
            QStackedLayout(holder)
            self.tabs.addTab(holder, _tab_title(title))
        self.setCentralWidget(self.tabs)
        self.location_label = QLabel(self)
        self.counts_label = QLabel(self)
        self.operator_label = QLabel(self)
        self.statusBar().addWidget(self.location_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.operator_label)
        self.location_label.setText(self.tr("正在打开数据库…"))
        self._build_menus()
        if settings.last_tab in TAB_KEYS:
            self.tabs.setCurrentIndex(TAB_KEYS.index(settings.last_tab))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.events.changed.connect(self._on_events_changed)

    # database

    def open_database(self) -> bool:
        """Opens (and if needed upgrades) the database, asks who signs in if it has users,
        then shows the current tab's data; False when the user cancels signing in."""
        from app.database import Database
        from app.errors import UserError
        from db.errors import DatabaseError

        try:
            self.database = Database(self.target)
        except (DatabaseError, UserError) as exc:
            self.location_label.setText(self.tr("数据库未打开"))
            if self.interactive:
                QMessageBox.critical(self, self.tr("无法打开数据库"), str(exc))
            raise
        if not self._sign_in():
            self.database.close()
            self.database = None
            return False
        self.context = TabContext(
            self.database, self.undo_stack, self.events, self.open_list, self.open_view
        )
        QTimer.singleShot(0, self.move_dated_statuses)
        self._day_timer.start()
        home = self._pages.get("home")
        if home is not None:  # shown early by show_quick_home
            home.attach(self.context)  # type: ignore[attr-defined]
        self.location_label.setText(self.tr("数据库：{path}").format(path=self.database.location))
        self._ensure_page(self.tabs.currentIndex())
        self.refresh_counts()
        self.database_opened.emit()
        return True

    def move_dated_statuses(self) -> None:
        """Agreements and postings whose dates say their status moved on (once a day)."""
        from app.daily import refresh_dated_statuses
        from app.localtime import beijing_today

        today = beijing_today()
        if self.database is None or today == self._statuses_day:
            return
        with self.database.system_session() as session:
            moved = refresh_dated_statuses(session, today)
        self._statuses_day = today
        for area in moved:
            self.events.changed.emit(area)

    def _sign_in(self) -> bool:
        """True once someone signed in, or when the database has no users with passwords.

        Screenshots and the start-up probe (not interactive) work as the local administrator.
        """
        from app.operator import needs_sign_in

        assert self.database is not None
        with self.database.reader() as session:
            required = needs_sign_in(session)
        if required and self.interactive:
            from ui.dialogs.sign_in import SignInDialog

            dialog = SignInDialog(self.database, self.settings.last_username, self)
            if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.operator is None:
                return False
            self.database.operator = dialog.operator
            self.settings.last_username = dialog.username.text().strip()
        self._show_operator(required)
        return True

    def _show_operator(self, signed_in: bool) -> None:
        from ui.i18n import enum_text

        assert self.database is not None
        operator = self.database.operator
        self.operator_label.setText(
            self.tr("{name}（{role}）").format(
                name=QCoreApplication.translate("operator", operator.display_name),
                role=enum_text(operator.role),
            )
        )
        self.users_action.setEnabled(operator.may_manage_users)
        for action in (self.new_action, self.delete_action, self.import_action):
            action.setEnabled(operator.may_edit)  # a viewer's changes would be refused anyway
        read_only = self.tr("只读：可以查看、打印和导出，不能修改数据。")
        self.operator_label.setToolTip("" if operator.may_edit else read_only)
        self.switch_user_action.setVisible(signed_in)

    def show_quick_home(self) -> bool:
        """Shows the home tab's figures read straight from the file, before the database is
        opened with SQLAlchemy; False when the home tab is not showing or the file needs the
        normal way in."""
        if self.context is not None or TAB_KEYS[self.tabs.currentIndex()] != "home":
            return False
        from app.summary import quick_counts

        from ui.home.tab import HomeTab

        figures = quick_counts(self.target)
        if figures is None:
            return False
        page = HomeTab(None, figures=figures)
        self.tabs.widget(TAB_KEYS.index("home")).layout().addWidget(page)
        self._pages["home"] = page
        return True

    def refresh_counts(self) -> None:
        if self.database is None:
            return
        from app.summary import counts

        with self.database.reader() as session:
            c = counts(session)
        self.counts_label.setText(
            self.tr(
                "单位 {units} · 人员 {people} · 会议 {meetings} · 协议 {agreements} · 事项 {issues}"
            ).format(
                units=c.resident_units,
                people=c.people,
                meetings=c.meetings,
                agreements=c.agreements,
                issues=c.issues,
            )
        )

    def is_empty(self) -> bool:
        if self.database is None:
            return False
        from app.summary import counts

        with self.database.reader() as session:
            return counts(session).is_empty

    # tabs

    def show_tab(self, key: str) -> TabPage | None:
        index = TAB_KEYS.index(key)
        self.tabs.setCurrentIndex(index)
        return self._ensure_page(index)

    def current_page(self) -> TabPage | None:
        return self._pages.get(TAB_KEYS[self.tabs.currentIndex()])

    def open_view(self, key: str, view: str) -> None:
        """Shows one of a tab's views (a reminder points at the agreements' three lists)."""
        page = self.show_tab(key)
        if page is not None:
            page.show_view(view)

    def open_list(self, key: str, filters: Mapping[str, Any]) -> None:
        """Shows a tab's list filtered as asked (a dashboard tile or bar was clicked)."""
        page = self.show_tab(key)
        if page is not None:
            page.show_filtered(filters)

    def reload_all(self) -> None:
        """After new data arrived from outside (demo data, an import): rebuild every tab."""
        for key, page in list(self._pages.items()):
            layout = self.tabs.widget(TAB_KEYS.index(key)).layout()
            layout.removeWidget(page)
            page.deleteLater()
            del self._pages[key]
        self.undo_stack.clear()
        self._ensure_page(self.tabs.currentIndex())
        self.refresh_counts()

    def _ensure_page(self, index: int) -> TabPage | None:
        if self.context is None or index < 0:
            return None
        key, _title, module_name, class_name = TABS[index]
        page = self._pages.get(key)
        if page is None:
            page_class = getattr(importlib.import_module(module_name), class_name)
            page = page_class(self.context)
            holder = self.tabs.widget(index)
            holder.layout().addWidget(page)
            self._pages[key] = page
        return page

    def _on_tabs_current_changed(self, index: int) -> None:
        self._ensure_page(index)
        self.settings.last_tab = TAB_KEYS[index]

    def _on_events_changed(self, _area: str) -> None:
        self.refresh_counts()
        for page in self._pages.values():
            if page is not self.current_page():
                page.refresh()

    # menus

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self._action(
            file_menu, self.tr("打印(&P)…"), self._on_print, QKeySequence.StandardKey.Print
        )
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, self.tr("从 Excel 导入(&I)…"), self._on_import)
        self.export_action = self._action(
            file_menu, self.tr("导出当前列表为 Excel(&E)…"), self._on_export
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("备份数据库(&B)…"), self._on_backup)
        self._action(file_menu, self.tr("设置(&S)…"), self._on_settings)
        self.users_action = self._action(file_menu, self.tr("用户与权限(&U)…"), self._on_users)
        self.switch_user_action = self._action(
            file_menu, self.tr("切换用户(&W)…"), self._on_switch_user
        )
        self.switch_user_action.setVisible(False)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出(&X)"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        undo = self.undo_stack.createUndoAction(self, self.tr("撤销"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("重做"))
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        self.new_action = self._action(
            edit_menu, self.tr("新建(&N)"), self._on_new, QKeySequence.StandardKey.New
        )
        self._action(edit_menu, self.tr("查找(&F)"), self._on_find, QKeySequence.StandardKey.Find)
        self.delete_action = self._action(
            edit_menu, self.tr("删除(&D)"), self._on_delete, QKeySequence.StandardKey.Delete
        )
        self._action(
            edit_menu, self.tr("刷新(&R)"), self._on_refresh, QKeySequence.StandardKey.Refresh
        )

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self._action(help_menu, self.tr("关于共建台(&A)"), self._on_about)

    def _action(
        self,
        menu: object,
        text: str,
        slot: object,
        shortcut: QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # setShortcuts(StandardKey), not setShortcut(): it binds the platform's whole list,
            # and setShortcut's conversion to QKeySequence makes PySide build its Python enum
            # for Qt.Key (~500 members), 15-25 ms before the first paint.
            action.setShortcuts(shortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _on_new(self) -> None:
        if page := self.current_page():
            page.new_record()

    def _on_find(self) -> None:
        if page := self.current_page():
            page.focus_search()

    def _on_delete(self) -> None:
        if page := self.current_page():
            page.delete_selected()

    def _on_print(self) -> None:
        if page := self.current_page():
            page.print_current()

    def _on_refresh(self) -> None:
        if page := self.current_page():
            page.refresh()
        self.refresh_counts()

    def _on_import(self) -> None:
        from ui.excel.import_dialog import ImportDialog

        if self.context is not None:
            ImportDialog(self.context, self).exec()

    def _on_export(self) -> None:
        page = self.current_page()
        panel = page.shown_list() if page is not None else None
        if panel is None:
            QMessageBox.information(
                self,
                self.tr("导出为 Excel"),
                self.tr("这一页没有列表可以导出。请先打开一个列表（如民生事项、共建协议）。"),
            )
            return
        panel.export_to_excel()

    def _on_backup(self) -> None:
        from ui.dialogs.backup import run_backup_dialog

        if self.database is not None:
            run_backup_dialog(self, self.database)

    def _on_settings(self) -> None:
        from ui.dialogs.settings import SettingsDialog

        SettingsDialog(self.settings, self).exec()

    def _on_users(self) -> None:
        from ui.dialogs.users import UsersDialog

        if self.database is not None:
            UsersDialog(self.database, self).exec()

    def _on_switch_user(self) -> None:
        if self.database is None or not self._sign_in():
            return
        self.reload_all()

    def _on_about(self) -> None:
        from app import __version__

        QMessageBox.about(
            self,
            self.tr("关于共建台"),
            self.tr(
                "共建台 {version}\n街道党工委联席会议、共建协议、干部挂职与民生事项工作平台。"
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(page.may_close() for page in self._pages.values()):
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        event.accept()
