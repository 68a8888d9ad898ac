"""File → 从备份恢复: the backups of the open database, newest first, beside it and in the
second backup folder; the chosen one replaces the database after the current file is backed
up (the window does that, ui.opening.restore_with_progress)."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Any

from app.backups import facts, list_backups, reason_text, second_folder
from app.database import Database
from app.i18n import QT_TRANSLATE_NOOP
from db.backup_files import Backup
from db.snapshot import SHOWN_TABLES, Facts, facts_of

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ui.background import run_in_background
from ui.dialogs.opening_problem import SHOWN_NAMES, backup_text, counts_text
from ui.i18n import message_text, translate
from ui.widgets.questions import ask

BACKUP_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TIME = 0
    REASON = 1
    REVISION = 2
    PEOPLE = 3
    MEETINGS = 4
    AGREEMENTS = 5
    ISSUES = 6
    SIZE = 7
    FOLDER = 8


HEADERS = (
    QT_TRANSLATE_NOOP("RestoreDialog", "时间"),
    QT_TRANSLATE_NOOP("RestoreDialog", "原因"),
    QT_TRANSLATE_NOOP("RestoreDialog", "结构版本"),
    *SHOWN_NAMES,  # in the context "OpeningProblem"
    QT_TRANSLATE_NOOP("RestoreDialog", "大小"),
    QT_TRANSLATE_NOOP("RestoreDialog", "位置"),
)
DAMAGED = QT_TRANSLATE_NOOP("RestoreDialog", "（损坏）")
BESIDE = QT_TRANSLATE_NOOP("RestoreDialog", "数据库旁")
SECOND = QT_TRANSLATE_NOOP("RestoreDialog", "第二备份文件夹")


class BackupsModel(QAbstractTableModel):
    """The backups (at most a hundred or so after thinning: read whole, not paged)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Backup, Facts]] = []
        self._beside: Path | None = None

    def set_rows(self, rows: list[tuple[Backup, Facts]], beside: Path) -> None:
        self.beginResetModel()
        self._rows, self._beside = rows, beside
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            context = "OpeningProblem" if HEADERS[section] in SHOWN_NAMES else "RestoreDialog"
            return translate(context, HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        backup = self._rows[index.row()][0]
        if backup.damaged:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        backup, held = self._rows[index.row()]
        if role == BACKUP_ROLE:
            return backup
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and Column.PEOPLE <= index.column() <= Column.SIZE
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(backup, held, Column(index.column()))
        return None

    def _text(self, backup: Backup, held: Facts, column: Column) -> str:
        if column is Column.TIME:
            return backup.taken_at.strftime("%Y-%m-%d %H:%M")
        if column is Column.REASON:
            text = message_text(reason_text(backup.reason))
            return text + translate("RestoreDialog", DAMAGED) if backup.damaged else text
        if column is Column.SIZE:
            return f"{backup.size / 1024 / 1024:.1f} MB"
        if column is Column.FOLDER:
            beside = backup.path.parent == self._beside
            return translate("RestoreDialog", BESIDE if beside else SECOND)
        if column is Column.REVISION:
            return held.revision or ""
        table = SHOWN_TABLES[column - Column.PEOPLE]
        return f"{held.shown.get(table, 0):,}"


class RestoreDialog(QDialog):
    """``chosen`` is the backup to restore once the dialog is accepted."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.chosen: Backup | None = None
        self.setWindowTitle(self.tr("从备份恢复"))
        note = QLabel(
            self.tr(
                "选择一份备份，用它替换当前的数据库（附件一起恢复）。恢复前，当前的数据库"
                "会先备份一份，所以恢复本身也可以撤回。"
            ),
            self,
        )
        note.setWordWrap(True)
        self.model = BackupsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.status = QLabel(self.tr("正在读取备份…"), self)
        self.status.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("恢复所选备份(&R)…"), self)
        self.restore_button.setDefault(True)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.accept)
        folder_button = QPushButton(self.tr("打开备份文件夹(&F)"), self)
        folder_button.clicked.connect(self._on_folder_clicked)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(folder_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.resize(900, 460)
        self._load()

    def _load(self) -> None:
        with self.database.reader() as session:
            second = second_folder(session)
        target = self.database.target
        run_in_background(
            self, lambda: _read(target, second), self._on_loaded, self._on_load_failed
        )

    def _on_loaded(self, rows: list[tuple[Backup, Facts]]) -> None:
        file = self.database.file
        assert file is not None
        self.model.set_rows(rows, file.resolve().parent / "backups")
        if not rows:
            self.status.setText(
                self.tr(
                    "还没有备份。共建台在关闭程序时、修改期间每半小时、导入和升级前自动备份，"
                    "存放在数据库旁的 backups 文件夹里。"
                )
            )
            return
        self.status.setText(
            self.tr("共 {count} 份备份。当前数据库：{counts}").format(
                count=len(rows), counts=counts_text(facts_of(file))
            )
        )
        first = next((r for r, (b, _held) in enumerate(rows) if not b.damaged), None)
        if first is not None:
            self.table.selectRow(first)
        self.table.setFocus()

    def _on_load_failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("无法读取备份：{reason}").format(reason=error))

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(BACKUP_ROLE) if rows else None

    def _enable(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _on_folder_clicked(self) -> None:
        file = self.database.file
        if file is not None:
            folder = file.resolve().parent / "backups"
            shown = folder if folder.is_dir() else file.parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(shown)))

    def accept(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        if ask(
            self,
            self.tr("从备份恢复"),
            self.tr(
                "用这份备份替换当前的数据库吗？\n\n{backup}\n\n当前的数据库会先备份；"
                "恢复后，窗口重新打开数据库。"
            ).format(backup=backup_text(backup)),
        ):
            self.chosen = backup
            super().accept()


def _read(target: str, second: Path | None) -> list[tuple[Backup, Facts]]:
    """The backups with what each holds (an old one without a manifest read from its file),
    off the GUI thread."""
    return [(backup, facts(backup)) for backup in list_backups(target, second)]
