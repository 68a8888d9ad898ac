"""Unexpected exceptions: logged with their traceback under a reference, shown in a dialog
with that reference (not the exception's text), never fatal.

QMessageBox and Qt's namespace are imported when a dialog is shown: making their Python types
(with their enums) takes a noticeable part of the start-up before the window's first paint."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from app.logs import incident_reference, setup_logging
from app.redaction import redacted

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

log = logging.getLogger("gongjian.ui")


def install_exception_hook(log_file: str | None = None) -> None:
    """Replaces sys.excepthook so an error in a slot shows a dialog instead of vanishing.

    ``log_file``: the file the dialog names; by default the application's log, set up by the
    first error if start-up has not set it up yet (it does so after the first paint)."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        shown_file = log_file or str(setup_logging())  # never to stderr unredacted
        reference = incident_reference()
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error [%s]\n%s", reference, details)
        if QApplication.instance() is None:
            print(redacted(details), file=sys.stderr)
            return
        from db.errors import explain

        if (explained := explain(value, "")) is not None:
            show_storage_error(explained)
        else:
            show_unexpected_error(reference, shown_file)

    sys.excepthook = hook


def show_unexpected_error(reference: str, log_file: str) -> None:
    """The message and where its details are; never the exception's text, which may quote
    a record's values."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("errors", "出现意外错误"))
    box.setText(
        QCoreApplication.translate(
            "errors",
            "操作没有完成，已保存的数据不受影响。您可以继续工作；如问题重复出现，请把日志文件交给管理员。",
        )
    )
    box.setInformativeText(
        QCoreApplication.translate("errors", "错误编号：{reference}\n日志文件：{path}").format(
            reference=reference, path=log_file
        )
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def show_storage_error(error: BaseException) -> None:
    """A write refused by the storage itself (the database busy elsewhere, a full disk): what
    happened in words, and that what is typed stays in the window to be saved again."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("errors", "没有保存"))
    box.setText(str(error))
    box.setInformativeText(
        QCoreApplication.translate(
            "errors", "刚才的操作没有完成。窗口里的内容还在，问题解决后可以再保存一次。"
        )
    )
    box.exec()
