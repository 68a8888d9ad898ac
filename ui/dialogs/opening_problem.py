"""What to do when the database cannot be opened (or turns out damaged): the problem said in
words, and the ways on, as buttons. For a damaged file, the newest backup that passes
verification is shown with its time and counts, ready to restore."""

from __future__ import annotations

from enum import Enum, auto

from app.backups import facts, reason_text
from app.i18n import QT_TRANSLATE_NOOP
from db.backup_files import Backup
from db.errors import (
    BusyError,
    DamagedDatabaseError,
    DatabaseError,
    DiskFullError,
    MigrationError,
    PartialSchemaError,
    ReadOnlyLocationError,
    SchemaTooNewError,
    UpgradeFailedBeforeError,
)
from db.snapshot import SHOWN_TABLES, Facts

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import message_text


class Action(Enum):
    RESTORE = auto()
    OTHER_FILE = auto()
    RETRY = auto()
    READ_ONLY = auto()
    RECREATE = auto()
    RETRY_UPGRADE = auto()
    QUIT = auto()


BUTTONS = {
    Action.RESTORE: QT_TRANSLATE_NOOP("OpeningProblem", "从这份备份恢复(&R)"),
    Action.OTHER_FILE: QT_TRANSLATE_NOOP("OpeningProblem", "打开其他文件(&O)…"),
    Action.RETRY: QT_TRANSLATE_NOOP("OpeningProblem", "重试(&T)"),
    Action.READ_ONLY: QT_TRANSLATE_NOOP("OpeningProblem", "只读打开(&V)"),
    Action.RECREATE: QT_TRANSLATE_NOOP("OpeningProblem", "重新建立(&C)"),
    Action.RETRY_UPGRADE: QT_TRANSLATE_NOOP("OpeningProblem", "再试一次升级(&U)"),
    Action.QUIT: QT_TRANSLATE_NOOP("OpeningProblem", "退出(&Q)"),
}
SHOWN_NAMES = (
    QT_TRANSLATE_NOOP("OpeningProblem", "人员"),
    QT_TRANSLATE_NOOP("OpeningProblem", "会议"),
    QT_TRANSLATE_NOOP("OpeningProblem", "协议"),
    QT_TRANSLATE_NOOP("OpeningProblem", "事项"),
)


def _tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP in the context "OpeningProblem"."""
    return QCoreApplication.translate("OpeningProblem", text)


def counts_text(held: Facts) -> str:
    return " · ".join(
        f"{_tr(name)} {held.shown.get(table, 0):,}"
        for name, table in zip(SHOWN_NAMES, SHOWN_TABLES, strict=True)
    )


def backup_text(backup: Backup) -> str:
    return QCoreApplication.translate(
        "OpeningProblem", "{time}（{reason}）\n{counts}\n{path}"
    ).format(
        time=backup.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
        reason=message_text(reason_text(backup.reason)),
        counts=counts_text(facts(backup)),
        path=backup.path,
    )


# (kind of error, headline, explanation with {detail}, the ways on), the first match wins
PROBLEMS: tuple[tuple[type[BaseException], str, str, tuple[Action, ...]], ...] = (
    (
        DamagedDatabaseError,
        QT_TRANSLATE_NOOP("OpeningProblem", "数据库文件已损坏"),
        QT_TRANSLATE_NOOP(
            "OpeningProblem",
            "SQLite 检查发现数据库文件已损坏，不能放心使用：\n{detail}\n\n"
            "损坏的文件不会被删除：从备份恢复时，它改名保留在原来的文件夹里"
            "（名字里带 damaged 和日期），以便日后查看。",
        ),
        (Action.RESTORE, Action.OTHER_FILE, Action.QUIT),
    ),
    (
        PartialSchemaError,
        QT_TRANSLATE_NOOP("OpeningProblem", "数据库文件没有建完"),
        QT_TRANSLATE_NOOP(
            "OpeningProblem",
            "{detail}\n\n可以重新建立一个空数据库；原来的文件改名保留在同一文件夹里。",
        ),
        (Action.RECREATE, Action.OTHER_FILE, Action.QUIT),
    ),
    (
        UpgradeFailedBeforeError,
        QT_TRANSLATE_NOOP("OpeningProblem", "数据库升级曾经失败"),
        "{detail}",
        (Action.RETRY_UPGRADE, Action.OTHER_FILE, Action.QUIT),
    ),
    (
        MigrationError,
        QT_TRANSLATE_NOOP("OpeningProblem", "数据库升级失败"),
        "{detail}",
        (Action.OTHER_FILE, Action.QUIT),
    ),
    (
        BusyError,
        QT_TRANSLATE_NOOP("OpeningProblem", "数据库正被其他程序使用"),
        QT_TRANSLATE_NOOP("OpeningProblem", "{detail}\n\n等另一个程序完成后点“重试”。"),
        (Action.RETRY, Action.QUIT),
    ),
    (
        DiskFullError,
        QT_TRANSLATE_NOOP("OpeningProblem", "磁盘已满"),
        "{detail}",
        (Action.RETRY, Action.QUIT),
    ),
    (
        ReadOnlyLocationError,
        QT_TRANSLATE_NOOP("OpeningProblem", "无法写入数据库"),
        "{detail}",
        (Action.READ_ONLY, Action.OTHER_FILE, Action.QUIT),
    ),
    (
        SchemaTooNewError,
        QT_TRANSLATE_NOOP("OpeningProblem", "需要新版本的共建台"),
        "{detail}",
        (Action.OTHER_FILE, Action.QUIT),
    ),
    (
        DatabaseError,
        QT_TRANSLATE_NOOP("OpeningProblem", "无法打开数据库"),
        "{detail}",
        (Action.OTHER_FILE, Action.QUIT),
    ),
    (
        Exception,
        QT_TRANSLATE_NOOP("OpeningProblem", "打开数据库时出现意外错误"),
        QT_TRANSLATE_NOOP(
            "OpeningProblem", "出现了程序没有预料到的错误（{kind}），详情已写入日志文件。"
        ),
        (Action.RETRY, Action.OTHER_FILE, Action.QUIT),
    ),
)


def describe(error: BaseException) -> tuple[str, str, list[Action]]:
    """The dialog's headline, explanation and ways on for an error while opening."""
    for kind, headline, explanation, actions in PROBLEMS:
        if isinstance(error, kind):
            text = _tr(explanation).format(detail=str(error), kind=type(error).__name__)
            return _tr(headline), text, list(actions)
    raise AssertionError("Exception matches every error")  # pragma: no cover


class OpeningProblemDialog(QDialog):
    """``exec()`` shows it; ``action`` is then the chosen way on (QUIT when closed)."""

    def __init__(
        self,
        error: BaseException,
        target: str,
        backup: Backup | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.action = Action.QUIT
        headline, text, actions = describe(error)
        self.setWindowTitle(headline)
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        title = QLabel(f"<b>{headline}</b>", self)
        location = QLabel(self.tr("数据库：{path}").format(path=target), self)
        location.setWordWrap(True)
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation = QLabel(text, self)
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text_column = QVBoxLayout()
        for widget in (title, location, self.explanation):
            text_column.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text_column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        if Action.RESTORE in actions:
            box = QGroupBox(self.tr("最近一份通过校验的备份"), self)
            shown = backup_text(backup) if backup else self.tr("没有找到可以恢复的备份。")
            self.backup_label = QLabel(shown, box)
            self.backup_label.setWordWrap(True)
            self.backup_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            QVBoxLayout(box).addWidget(self.backup_label)
            layout.addWidget(box)
            if backup is None:
                actions.remove(Action.RESTORE)
        row = QHBoxLayout()
        row.addStretch(1)
        self.buttons: dict[Action, QPushButton] = {}
        for action in actions:
            button = QPushButton(_tr(BUTTONS[action]), self)
            button.clicked.connect(lambda _=False, chosen=action: self._choose(chosen))
            row.addWidget(button)
            self.buttons[action] = button
        self.buttons[actions[0]].setDefault(True)
        layout.addLayout(row)
        self.setMinimumWidth(560)

    def _choose(self, action: Action) -> None:
        self.action = action
        self.accept()
