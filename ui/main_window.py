"""The main window: six tabs, menus, the status bar, and opening the database after first paint.

Start-up is kept light: the window paints before SQLAlchemy is imported, then the database
is opened and the current tab built; other tabs are built when first shown.

Signals:
    database_opened(): the database is open and the current tab shows its data.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from app.changes import Area, Changes
from app.i18n import QT_TRANSLATE_NOOP

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QTabWidget,
)
from ui.collector import building_long_lived
from ui.settings import Settings
from ui.tab import DataEvents, TabContext, TabPage
from ui.widgets.elided_label import ElidedLabel

if TYPE_CHECKING:
    from app.backups import BackupOutcome
    from app.database import Database

    from ui.ahead import PrepareAhead
    from ui.backup_scheduler import BackupScheduler
    from ui.dialogs.first_run import DemoLoad
    from ui.idle_lock import IdleLock
    from ui.instance_lock import InstanceLock


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
# what the status bar counts (refresh_counts)
COUNTED = (Area.DIRECTORY, Area.MEETINGS, Area.AGREEMENTS, Area.ISSUES)


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
        self.backups: BackupScheduler | None = None
        self._lock: InstanceLock | None = None
        self._closing = False  # the backup on closing is under way
        self._second_folder_reported = False  # a missing second folder is said once a session
        self.context: TabContext | None = None
        self.undo_stack = QUndoStack(self)
        self.events = DataEvents(self)
        self._pages: dict[str, TabPage] = {}
        self._quick_key: str | None = None  # the tab showing a first page read early
        self._statuses_day: date | None = None
        self.idle_lock: IdleLock | None = None
        self.demo_load: DemoLoad | None = None  # the demo street being generated, if any
        self._day_timer = QTimer(self, interval=10 * 60 * 1000)  # the day may change while open
        self._day_timer.timeout.connect(self.move_dated_statuses)

        self.setWindowTitle(self.tr("共建台"))
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for key, title, *_ in TABS:
            # a page that needs more room than the screen gives (150 % display scaling on a
            # 1366×768 laptop) scrolls inside its tab instead of pushing the window off-screen
            holder = QScrollArea()
            holder.setObjectName(f"tab_{key}")
            holder.setWidgetResizable(True)
            holder.setFrameShape(QScrollArea.Shape.NoFrame)
            self.tabs.addTab(holder, _tab_title(title))
        self.setCentralWidget(self.tabs)
        self.location_label = ElidedLabel(self)
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
        self.events.announced.connect(self._on_events_announced)

    # database

    def open_database(self) -> bool:
        """Opens (and if needed upgrades) the database, asks who signs in if it has users,
        then shows the current tab's data; False when the user cancels (signing in, or at a
        problem with the file: the dialogs of ui.opening offer the ways on)."""
        from app.database import Database

        from ui.opening import open_interactively

        self.location_label.setText(self.tr("数据库未打开"))
        if not self.interactive:
            self.database = Database(self.target)
        elif (opened := open_interactively(self, self.target)) is None:
            return False
        else:
            self.database, self.target, self._lock = opened.database, opened.target, opened.lock
        if not self._sign_in():
            self._close_database()
            return False
        self.context = TabContext(
            self.database, self.undo_stack, self.events, self.open_list, self.open_view
        )
        QTimer.singleShot(0, self.move_dated_statuses)
        self._day_timer.start()
        home = self._pages.get("home")
        if home is not None:  # shown early by show_quick_page
            home.attach(self.context)  # type: ignore[attr-defined]
        if self._quick_key is not None:  # the real tab takes its holder (the first page goes)
            del self._pages[self._quick_key]
            self._quick_key = None
        self._show_location()
        self._start_backups()
        self._ensure_page(self.tabs.currentIndex())
        self.refresh_counts()
        self.database_opened.emit()
        return True

    def _show_location(self) -> None:
        assert self.database is not None
        text = self.tr("数据库：{path}").format(path=self.database.location)
        if self.database.read_only:
            text += self.tr("（只读）")
        self.location_label.setText(text)

    def _start_backups(self) -> None:
        from ui.backup_scheduler import BackupScheduler

        assert self.database is not None
        self.backups = BackupScheduler(self.database, self)
        self.backups.finished.connect(self._on_backups_finished)
        self.backups.failed.connect(self._on_backups_failed)

    def _close_database(self) -> None:
        """Closes the database (its log folded into the file) and lets go of its lock."""
        self._day_timer.stop()
        if self.backups is not None:
            self.backups.stop()
            self.backups.deleteLater()
            self.backups = None
        if self.database is not None:
            self.database.close()
            self.database = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def reopen(self, target: str | None = None, before: Callable[[], object] | None = None) -> bool:
        """Closes every tab and the database, runs ``before`` (a restore) while nothing has
        the file open, then opens ``target`` (or the same file) again. When the user quits at
        a problem instead, the window closes and this returns False."""
        self._drop_pages()
        self.context = None
        self._close_database()
        if before is not None:
            before()
        if target is not None:
            self.target = target
        if self.open_database():
            return True
        self.close()  # the user quit: nothing is open, nothing to back up
        return False

    def check_file_later(self) -> None:
        """SQLite's quick check of the open file, off the GUI thread; a damaged file gets the
        recovery dialog."""
        from db.snapshot import verify_file

        from ui.background import run_in_background

        path = self.database.file if self.database is not None else None
        if path is None:
            return
        run_in_background(self, lambda: verify_file(path, full=False), self._on_checked, _ignore)

    def _on_checked(self, problems: list[str]) -> None:
        if not problems or self.database is None or not self.interactive:
            return
        from db.errors import DamagedDatabaseError

        from ui.dialogs.opening_problem import Action
        from ui.opening import ask, choose_other_file, restore_with_progress

        target = self.target
        action, backup = ask(self, DamagedDatabaseError("；".join(problems[:3])), target)
        if action is Action.RESTORE and backup is not None:
            self.reopen(before=lambda: restore_with_progress(self, target, backup, damaged=True))
        elif action is Action.OTHER_FILE and (other := choose_other_file(self, target)):
            self.reopen(other)
        elif action is Action.QUIT:
            self._close_database()  # a damaged file is not backed up again on the way out
            self.close()

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
        if moved:
            self.events.announce(Changes.of(*moved))

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
        self._watch_idleness()
        return True

    def _watch_idleness(self) -> None:
        """Locks the window after the idle time the database sets, once someone signed in."""
        if self.idle_lock is not None:
            self.idle_lock.stop()
            self.idle_lock = None
        assert self.database is not None
        if self.interactive and self.database.operator.username:
            from app.idle_lock import idle_lock_minutes

            from ui.idle_lock import IdleLock

            with self.database.reader() as session:
                minutes = idle_lock_minutes(session)
            self.idle_lock = IdleLock(self.database, minutes, self)

    def _show_operator(self, signed_in: bool) -> None:
        from ui.i18n import enum_text
        from ui.widgets import read_only

        assert self.database is not None
        operator = self.database.operator
        self.operator_label.setText(
            self.tr("{name}（{role}）").format(
                name=QCoreApplication.translate("operator", operator.display_name),
                role=enum_text(operator.role),
            )
        )
        self.users_action.setEnabled(operator.may_manage_users)
        self.audit_action.setEnabled(operator.may_manage_users)
        self.erasure_action.setEnabled(operator.may_manage_users)
        self.restore_action.setEnabled(operator.may_manage_users)  # undoes everyone's later work
        self.own_password_action.setVisible(bool(operator.username))
        writes = (self.new_action, self.delete_action, self.import_action, self.demo_action)
        if operator.may_edit:
            read_only.unlock(*writes)
            for action in writes:
                action.setEnabled(True)
        else:
            read_only.lock(*writes)  # a viewer's changes would be refused anyway
        self.operator_label.setToolTip("" if operator.may_edit else read_only.reason())
        self.switch_user_action.setVisible(signed_in)

    def show_quick_page(self) -> bool:
        """Shows the current tab's data read straight from the file, before the database is
        opened with SQLAlchemy: the home tab's figures, or a list tab's first page (only
        while nobody has to sign in); False when the file needs the normal way in."""
        if self.context is not None:
            return False
        index = self.tabs.currentIndex()
        key = TAB_KEYS[index]
        if key == "home":
            from app.summary import quick_counts

            from ui.home.tab import HomeTab

            figures = quick_counts(self.target)
            page: TabPage | None = HomeTab(None, figures=figures) if figures else None
        else:
            from app.quick_lists import quick_page

            from ui.quick_list import QuickListPage

            rows = quick_page(self.target, key)
            page = QuickListPage(rows) if rows is not None else None
            self._quick_key = key if page is not None else None
        if page is None:
            return False
        self._holder(index).setWidget(page)
        self._pages[key] = page
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

    # demo data

    def offer_demo_if_empty(self) -> None:
        """The first start on an empty database asks whether to load the demo street or to
        start as a community site from its enrolment file."""
        from ui.dialogs.first_run import Start, ask_how_to_start

        if not (self.interactive and self.is_empty()):
            return
        start = ask_how_to_start(self)
        if start is Start.DEMO:
            self.load_demo_data()
        elif start is Start.ENROL:
            self.enrol_community()

    def enrol_community(self) -> None:
        """Makes this empty database a community site from the street's enrolment file; the
        window then shows that community's data."""
        from ui.exchange.enrolling import enrol_from_file

        if self.database is None:
            return
        enrolled = enrol_from_file(self, self.database)
        if enrolled is None:
            self.statusBar().showMessage(self.tr("没有登记，数据库保持为空。"), 10_000)
            return
        self.events.announce(Changes.everything())
        self.statusBar().showMessage(
            self.tr("本数据库已登记为社区站点“{site}”（{street}），载入 {n} 条记录。").format(
                site=enrolled.name, street=enrolled.street, n=enrolled.records
            ),
            15_000,
        )

    def load_demo_data(self) -> DemoLoad | None:
        """文件 → 载入演示数据: generates the demo street on a worker thread; refused, with the
        reason, on a database that holds data already."""
        from ui.dialogs.first_run import DemoLoad, refuse_non_empty

        if self.database is None or self.demo_load is not None:
            return self.demo_load
        if not self.is_empty():
            refuse_non_empty(self)
            return None
        self.demo_load = DemoLoad(self.database, self)
        self.demo_load.finished.connect(self._on_demo_load_finished)
        self.demo_load.start()
        return self.demo_load

    def _on_demo_load_finished(self, loaded: bool) -> None:
        if self.demo_load is not None:
            self.demo_load.deleteLater()
            self.demo_load = None
        if loaded:
            self.events.announce(Changes.everything())
            self.statusBar().showMessage(self.tr("演示数据已载入。"), 10_000)
        else:
            self.statusBar().showMessage(self.tr("没有载入演示数据，数据库保持为空。"), 10_000)

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
        """Shows one of a tab's views (a reminder points at the agreements' three lists), or
        the exchange dialog (a reminder of a silent community)."""
        if key == "exchange":
            self._on_exchange()
            return
        page = self.show_tab(key)
        if page is not None:
            page.show_view(view)

    def open_list(self, key: str, filters: Mapping[str, Any]) -> None:
        """Shows a tab's list filtered as asked (a dashboard tile or bar was clicked)."""
        page = self.show_tab(key)
        if page is not None:
            page.show_filtered(filters)

    def may_leave(self) -> bool:
        """Every tab's open editors keep or drop their unsaved changes first (they ask)."""
        return all(page.may_leave() for page in self._pages.values())

    def reload_all(self) -> None:
        """After the whole database changed (demo data, another user signed in): rebuild every
        tab, since their filters' choices and write locks come from it too."""
        self._drop_pages()
        self._ensure_page(self.tabs.currentIndex())
        self.refresh_counts()

    def _drop_pages(self) -> None:
        """Takes every built tab out of its holder; the undo history goes with them."""
        for key, page in list(self._pages.items()):
            self._holder(TAB_KEYS.index(key)).takeWidget()
            page.set_in_view(False)  # gone: deaf to a change announced before its deletion
            page.deleteLater()
            del self._pages[key]
        self.undo_stack.clear()

    def _ensure_page(self, index: int) -> TabPage | None:
        if self.context is None or index < 0:
            return None
        key, _title, module_name, class_name = TABS[index]
        page = self._pages.get(key)
        if page is None:
            with building_long_lived():
                page_class = getattr(importlib.import_module(module_name), class_name)
                page = page_class(self.context)
            page.set_in_view(index == self.tabs.currentIndex())
            self._holder(index).setWidget(page)
            self._pages[key] = page
        return page

    def prepare_ahead(self) -> PrepareAhead:
        """Starts making the tabs not built yet ready in idle moments, so the first click on
        one is quick (called once start-up has shown its data; see ui.ahead)."""
        from ui.ahead import PrepareAhead

        pending = [(module, name) for key, _t, module, name in TABS if key not in self._pages]
        return PrepareAhead(pending, lambda: self.database, self)

    def _holder(self, index: int) -> QScrollArea:
        holder = self.tabs.widget(index)
        assert isinstance(holder, QScrollArea)
        return holder

    def _on_tabs_current_changed(self, index: int) -> None:
        self._ensure_page(index)
        current = self.current_page()
        for page in self._pages.values():  # the tab now in front catches up on what it missed
            page.set_in_view(page is current)
        self.settings.last_tab = TAB_KEYS[index]

    def _on_events_announced(self, changes: Changes, _origin: object) -> None:
        """The status bar's counts; the tabs follow the channel themselves (the one in front
        re-reads at once, the others when next shown, see ``TabPage.set_in_view``)."""
        if changes.is_everything:  # demo data: the filters' choices change too
            self.reload_all()
        elif changes.touches(COUNTED):
            self.refresh_counts()

    # menus

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        file_menu.setToolTipsVisible(True)  # a locked action says why
        self._action(
            file_menu,
            self.tr("打印(&P)…"),
            self._on_page(lambda page: page.print_current()),
            QKeySequence.StandardKey.Print,
        )
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, self.tr("从 Excel 导入(&I)…"), self._on_import)
        self.export_action = self._action(
            file_menu, self.tr("导出当前列表为 Excel(&E)…"), self._on_export
        )
        self.demo_action = self._action(
            file_menu, self.tr("载入演示数据(&D)…"), self.load_demo_data
        )
        self._action(file_menu, self.tr("数据交换(&X)…"), self._on_exchange)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("备份数据库(&B)…"), self._on_backup)
        self.restore_action = self._action(file_menu, self.tr("从备份恢复(&R)…"), self._on_restore)
        self._action(file_menu, self.tr("设置(&S)…"), self._on_settings)
        self.users_action = self._action(file_menu, self.tr("用户与权限(&U)…"), self._on_users)
        self.audit_action = self._action(file_menu, self.tr("审计日志(&L)…"), self._on_audit_log)
        self.erasure_action = self._action(
            file_menu, self.tr("删除个人信息（依申请）(&P)…"), self._on_erasure
        )
        self.own_password_action = self._action(
            file_menu, self.tr("修改我的密码(&M)…"), self._on_own_password
        )
        self.own_password_action.setVisible(False)
        self.switch_user_action = self._action(
            file_menu, self.tr("切换用户(&W)…"), self._on_switch_user
        )
        self.switch_user_action.setVisible(False)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出(&X)"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        edit_menu.setToolTipsVisible(True)
        undo = self.undo_stack.createUndoAction(self, self.tr("撤销"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("重做"))
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        self.new_action = self._action(
            edit_menu,
            self.tr("新建(&N)"),
            self._on_page(lambda page: page.new_record()),
            QKeySequence.StandardKey.New,
        )
        self._action(
            edit_menu,
            self.tr("查找(&F)"),
            self._on_page(lambda page: page.focus_search()),
            QKeySequence.StandardKey.Find,
        )
        self.delete_action = self._action(
            edit_menu,
            self.tr("删除(&D)"),
            self._on_page(lambda page: page.delete_selected()),
            QKeySequence.StandardKey.Delete,
        )
        self._action(
            edit_menu, self.tr("刷新(&R)"), self._on_refresh, QKeySequence.StandardKey.Refresh
        )

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self._action(help_menu, self.tr("关于共建台(&A)"), self._on_about)

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # setShortcuts(StandardKey), not setShortcut(): it binds the platform's whole list,
            # and setShortcut's conversion to QKeySequence makes PySide build its Python enum
            # for Qt.Key (~500 members), 15-25 ms before the first paint.
            action.setShortcuts(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _on_page(self, step: Callable[[TabPage], object]) -> Callable[[], None]:
        """A menu command that the tab in front carries out (新建, 查找, 删除, 打印)."""

        def run() -> None:
            if page := self.current_page():
                step(page)

        return run

    def _on_refresh(self) -> None:
        if page := self.current_page():
            page.refresh()
        self.refresh_counts()

    def _on_import(self) -> None:
        from PySide6.QtCore import Qt  # its namespace takes ~30 ms to make: not before the paint
        from ui.excel.import_dialog import ImportDialog

        if self.context is None:
            return
        dialog = self.findChild(ImportDialog)
        if dialog is None:  # one at a time; it stays open from one file to the next
            back_up = self.backups.before("import") if self.backups is not None else None
            dialog = ImportDialog(self.context, self, back_up=back_up)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

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

    def _on_exchange(self) -> None:
        from ui.exchange.dialog import ExchangeDialog

        if self.database is not None:
            back_up = self.backups.before("exchange") if self.backups is not None else None
            dialog = ExchangeDialog(self.database, self, back_up=back_up)
            dialog.data_changed.connect(self.events.announce)
            dialog.exec()

    def _on_backup(self) -> None:
        from ui.dialogs.backup import run_backup_dialog

        if self.database is not None:
            run_backup_dialog(self, self.database)

    def _on_restore(self) -> None:
        from ui.dialogs.restore import RestoreDialog

        if self.database is None:
            return
        dialog = RestoreDialog(self.database, self)
        if dialog.exec() == RestoreDialog.DialogCode.Accepted and dialog.chosen is not None:
            self._restore(dialog.chosen)

    def _restore(self, backup: Any) -> None:
        from ui.opening import restore_with_progress

        assert self.database is not None
        target, by = self.target, self.database.operator
        restored: list[bool] = []

        def restore() -> None:
            outcome = restore_with_progress(self, target, backup, damaged=False, by=by)
            restored.append(outcome is not None)

        if self.reopen(before=restore) and restored[0]:
            self.statusBar().showMessage(
                self.tr("已从备份恢复：{name}").format(name=backup.path.name), 15000
            )

    def _on_backups_finished(self, outcome: BackupOutcome) -> None:
        when = outcome.backup.taken_at.strftime("%H:%M")
        self.statusBar().showMessage(self.tr("已自动备份（{time}）").format(time=when), 8000)
        if outcome.second_problem and not self._second_folder_reported:
            self._second_folder_reported = True  # said once a session; backups go on beside
            QMessageBox.warning(self, self.tr("第二备份文件夹"), outcome.second_problem)
        if self._closing:
            self.close()  # when the backup on closing is made (others may be queued before it)
        elif outcome.backup.damaged and self.database is not None:
            self._on_checked(list(outcome.backup.problems))

    def _on_backups_failed(self, reason: str) -> None:
        if not self._closing:
            self.statusBar().showMessage(self.tr("自动备份失败：{reason}").format(reason=reason))
            return
        answer = QMessageBox.question(
            self,
            self.tr("备份失败"),
            self.tr(
                "关闭前的自动备份没有完成：{reason}\n\n仍然退出吗？已保存的数据不受影响。"
            ).format(reason=reason),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._close_database()
            self.close()
        else:
            self._closing = False
            self.setEnabled(True)
            self.statusBar().clearMessage()

    def _on_settings(self) -> None:
        from ui.dialogs.settings import SettingsDialog

        SettingsDialog(self.settings, self, database=self.database).exec()

    def _on_users(self) -> None:
        from ui.dialogs.users import UsersDialog

        if self.database is not None:
            UsersDialog(self.database, self).exec()

    def _on_audit_log(self) -> None:
        from ui.dialogs.audit_log import AuditLogDialog

        if self.database is not None:
            AuditLogDialog(self.database, self).exec()

    def _on_erasure(self) -> None:
        from ui.dialogs.erasure import ErasureDialog

        if self.database is not None:
            dialog = ErasureDialog(self.database, self)
            dialog.erased.connect(
                lambda entity: self.events.announce(
                    Changes.of(Area.ISSUES if entity == "issues" else Area.DIRECTORY)
                )
            )
            dialog.exec()

    def _on_own_password(self) -> None:
        from ui.dialogs.users import OwnPasswordDialog

        if self.database is not None and OwnPasswordDialog(self.database, self).exec():
            QMessageBox.information(self, self.tr("修改我的密码"), self.tr("密码已修改。"))

    def _on_switch_user(self) -> None:
        if self.database is None or not self.may_leave() or not self._sign_in():
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
        """Unsaved edits are asked about first; after changes, a backup is made (off the GUI
        thread, the window waiting with a note in its status bar); then the database is
        closed with its log folded in."""
        if not self._closing:
            if not self.may_leave():  # 取消 in an editor that has unsaved changes
                event.ignore()
                return
            if self.demo_load is not None:  # nothing of an unfinished load is kept
                self.demo_load.stop()
        backups = self.backups
        if backups is not None and (backups.is_running() or backups.has_changes()):
            if not self._closing:
                self._closing = True
                self.setEnabled(False)
                self.statusBar().showMessage(self.tr("正在备份数据库，完成后关闭…"))
                if backups.has_changes():
                    backups.back_up("close")  # after the one under way, if any
            if backups.is_running():
                event.ignore()  # closed again when the backup is made
                return
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        self._close_database()
        event.accept()


def _ignore(_error: BaseException) -> None:
    """A check that could not run says nothing: opening the file found no fault."""
