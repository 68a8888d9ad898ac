"""文件 → 数据交换…: the sites with their state, packages out and in (a moving bar while the
work runs off the GUI thread), the shared folder, and the conflict inbox.

What the work changed is said through ``data_changed`` for the window's change channel: the
lists re-read their records and their exchange state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.changes import Area, Changes
from app.enums import SiteKind, SiteState
from app.errors import UserError
from app.exchange.status import ExchangeStatus, exchange_status
from app.exports.pdf.writing import atomic_write_bytes

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from ui.background import busy_dialog, wait_for
from ui.exchange.conflicts import ConflictInbox
from ui.exchange.enrolling import ENROLMENT_FILTER
from ui.i18n import message_text
from ui.widgets.saved_notice import show_saved

if TYPE_CHECKING:
    from app.database import Database

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PACKAGE_FILTER = QCoreApplication.translate("ExchangeDialog", "数据包 (*.gjpkg)")
# the lists that show a record's exchange state: an export changes only that
MARKED = Changes.of(Area.MEETINGS, Area.AGREEMENTS, Area.SECONDMENTS, Area.ISSUES)


class ExchangeDialog(QDialog):
    """Signals:
    data_changed(Changes): a package was written or read, or a conflict resolved."""

    data_changed = Signal(object)

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        *,
        back_up: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.back_up = back_up
        self.setWindowTitle(self.tr("数据交换"))
        self.resize(1100, 600)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.sites = QStandardItemModel(0, 7, self)
        self.table = QTableView(self)
        self.table.setModel(self.sites)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.log = QPlainTextEdit(self)
        self.log.setReadOnly(True)
        self.log.setPlaceholderText(self.tr("导出、导入的结果显示在这里。"))
        self.inbox = ConflictInbox(database, self)
        self.inbox.resolved.connect(self.refresh)
        self.inbox.resolved.connect(lambda: self.data_changed.emit(MARKED))
        self.buttons: dict[str, QPushButton] = {}
        tabs = QTabWidget(self)
        tabs.addTab(self._sites_page(), self.tr("站点与数据包"))
        tabs.addTab(self.inbox, self.tr("冲突"))
        self.tabs = tabs
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)
        layout.addWidget(close)
        self.refresh()

    def _sites_page(self) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout()
        for key, text, slot in (
            ("export", self.tr("导出数据包(&E)…"), self._on_export),
            ("import", self.tr("导入数据包(&I)…"), self._on_import),
            ("sync", self.tr("共享文件夹同步(&S)…"), self._on_sync),
            ("add", self.tr("新建社区站点(&N)…"), self._on_add),
            ("retire", self.tr("停用站点"), lambda: self._on_state(SiteState.RETIRED)),
            ("revoke", self.tr("吊销站点"), lambda: self._on_state(SiteState.REVOKED)),
            ("enrol", self.tr("用登记文件加入(&J)…"), self._on_enrol),
        ):
            button = QPushButton(text, page)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(self.tr("结果"), page))
        layout.addWidget(self.log, 2)
        return page

    # the state shown

    def refresh(self) -> None:
        with self.database.reader() as session:
            status = exchange_status(session)
        self._show(status)
        self.inbox.refresh()

    def _show(self, status: ExchangeStatus) -> None:
        is_street = status.local_kind is not SiteKind.COMMUNITY
        if status.local is None:
            self.summary.setText(
                self.tr(
                    "本数据库还没有参加数据交换。街道：新建社区站点；社区：用街道给的登记文件加入。"
                )
            )
        else:
            self.summary.setText(
                self.tr("本站点：{site}　未处理的冲突：{n}").format(
                    site=status.local, n=status.open_conflicts
                )
            )
        self.tabs.setTabText(1, self.tr("冲突（{n}）").format(n=status.open_conflicts))
        self.sites.clear()
        self.sites.setHorizontalHeaderLabels(
            [
                self.tr("站点"),
                self.tr("状态"),
                self.tr("最近发出"),
                self.tr("最近收到"),
                self.tr("待发变更"),
                self.tr("等待中的包"),
                self.tr("缺少的序号"),
            ]
        )
        for site in status.sites:
            cells = [
                f"{site.name}（{site.code}）" if site.code else site.name,
                _state_text(site.state),
                _when(site.last_sent_at),
                _when(site.last_received_at),
                str(site.unsent),
                str(site.waiting),
                f"{site.missing[0]}–{site.missing[1]}" if site.missing else "",
            ]
            items = [QStandardItem(text) for text in cells]
            items[0].setData(site.id, ID_ROLE)
            if site.missing:
                items[6].setForeground(Qt.GlobalColor.darkRed)
            self.sites.appendRow(items)
        joined = status.local is not None
        self.buttons["enrol"].setVisible(not joined)
        for key in ("add", "retire", "revoke"):
            self.buttons[key].setVisible(is_street)
        for key in ("export", "import", "sync"):
            self.buttons[key].setEnabled(joined)
        if self.sites.rowCount():
            self.table.selectRow(0)

    def _chosen_site(self) -> str | None:
        index = self.table.currentIndex()
        return self.sites.index(index.row(), 0).data(ID_ROLE) if index.isValid() else None

    # the work

    def _run(self, text: str, work: Callable[[], Any]) -> Any:
        """Runs ``work`` off the GUI thread with a moving bar; a refusal is shown and None
        returned."""
        progress = busy_dialog(self, text)
        try:
            return wait_for(self, work)
        except UserError as error:
            QMessageBox.warning(self, self.tr("数据交换"), message_text(error.message))
            return None
        finally:
            progress.close()
            self.refresh()

    def _back_up(self) -> None:
        """The automatic backup before a package writes, made on the worker too."""
        if self.back_up is not None:
            self._run(self.tr("正在备份数据库…"), self.back_up)

    def _on_export(self) -> None:
        from app.exchange.exporting import export_package

        site = self._chosen_site()
        if site is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出数据包"), "", PACKAGE_FILTER)
        if not path:
            return

        def work() -> Any:
            with self.database.session() as session:
                exported = export_package(session, site)
                atomic_write_bytes(Path(path), exported.data)  # whole, or nothing and no send
            return exported

        exported = self._run(self.tr("正在导出数据包…"), work)
        if exported is not None:
            self.data_changed.emit(MARKED)
            show_saved(self, Path(path))
            self._note(
                self.tr("已写出给“{site}”的数据包：{file}（{n} 项变更，{m} 个附件）").format(
                    site=exported.receiver, file=path, n=exported.changes, m=exported.contents
                )
            )

    def _on_import(self) -> None:
        from app.exchange.importing import import_package

        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("导入数据包"), "", PACKAGE_FILTER)
        if not paths:
            return
        self._back_up()
        for path in paths:

            def work(path: str = path) -> Any:
                data = Path(path).read_bytes()
                with self.database.session() as session:
                    return import_package(session, data)

            result = self._run(self.tr("正在导入数据包…"), work)
            if result is not None:
                self.data_changed.emit(Changes.everything())
                self._note(self.imported_text(Path(path).name, result))

    def imported_text(self, name: str, result: Any) -> str:
        text = self.tr("{file}：来自“{site}”，写入 {n} 项，已有 {d} 项，冲突 {c} 项").format(
            file=name, site=result.sender, n=result.applied, d=result.duplicates, c=result.conflicts
        )
        if result.missing:
            text += self.tr("；缺少序号 {a}–{b} 的包，先到的包在等待").format(
                a=result.missing[0], b=result.missing[1]
            )
        if result.mismatches:
            text += self.tr("；与清单不符：{t}").format(t="，".join(result.mismatches))
        return text

    def _on_sync(self) -> None:
        from app.exchange.folder import sync_folder

        folder = QFileDialog.getExistingDirectory(self, self.tr("选择共享文件夹"))
        if not folder:
            return
        self._back_up()
        report = self._run(
            self.tr("正在同步共享文件夹…"), lambda: sync_folder(self.database, Path(folder))
        )
        if report is None:
            return
        self.data_changed.emit(Changes.everything())
        for result in report.imported:
            self._note(self.imported_text(folder, result))
        for path in report.written:
            self._note(self.tr("已写出：{file}").format(file=str(path)))
        for path, why in report.refused:
            self._note(self.tr("没有导入 {file}：{why}").format(file=path.name, why=why))

    def _on_add(self) -> None:
        from app.exchange.enrolment import add_community_site
        from app.exchange.sites import community_names

        with self.database.reader() as session:
            names = community_names(session)
        if not names:
            QMessageBox.information(
                self,
                self.tr("新建社区站点"),
                self.tr("组织架构中还没有社区，请先在“组织与人员”中建立社区。"),
            )
            return
        name, ok = QInputDialog.getItem(
            self, self.tr("新建社区站点"), self.tr("社区："), names, 0, False
        )
        if not ok:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存登记文件"), f"{name}.gjenrol", ENROLMENT_FILTER
        )
        if not path:
            return

        def work() -> Any:
            with self.database.session() as session:
                enrolment = add_community_site(session, name)
                atomic_write_bytes(Path(path), enrolment.data)
            return enrolment

        enrolment = self._run(self.tr("正在写出登记文件…"), work)
        if enrolment is None:
            return
        show_saved(self, Path(path))
        self._note(
            self.tr("已新建社区站点“{site}”，登记文件：{file}").format(
                site=enrolment.name, file=path
            )
        )
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("登记口令"))
        box.setText(
            self.tr(
                "请记下口令并另行告知社区（不要和登记文件放在一起）。口令只显示这一次：\n\n{p}"
            ).format(p=enrolment.passphrase)
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    def _on_state(self, state: SiteState) -> None:
        from app.exchange.sites import set_state

        site = self._chosen_site()
        if site is None:
            return
        question = (
            self.tr("吊销后，这个站点的数据包一律拒收（电脑丢失时使用）。确定吊销吗？")
            if state is SiteState.REVOKED
            else self.tr("停用后不再与这个站点交换数据。确定停用吗？")
        )
        if (
            QMessageBox.question(self, self.tr("数据交换"), question)
            != QMessageBox.StandardButton.Yes
        ):
            return

        def work() -> Any:
            with self.database.session() as session:
                return set_state(session, site, state).name

        self._run(self.tr("请稍候…"), work)

    def _on_enrol(self) -> None:
        from ui.exchange.enrolling import enrol_from_file

        enrolled = enrol_from_file(self, self.database)
        self.refresh()
        if enrolled is not None:
            self.data_changed.emit(Changes.everything())
            self._note(
                self.tr("本数据库已登记为“{site}”，载入 {n} 条记录。").format(
                    site=enrolled.name, n=enrolled.records
                )
            )

    def _note(self, text: str) -> None:
        self.log.appendPlainText(text)


def _state_text(state: SiteState) -> str:
    texts = {
        SiteState.ACTIVE: QCoreApplication.translate("ExchangeDialog", "使用中"),
        SiteState.RETIRED: QCoreApplication.translate("ExchangeDialog", "停用"),
        SiteState.REVOKED: QCoreApplication.translate("ExchangeDialog", "吊销"),
    }
    return texts[state]


def _when(at: Any) -> str:
    from app.localtime import to_beijing

    return to_beijing(at).strftime("%Y-%m-%d %H:%M") if at else "—"
