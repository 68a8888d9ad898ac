"""Demo data from the window: the offer on the first start (the demo street, a community
site's enrolment file, or an empty start), and 文件 → 载入演示数据.

The street is generated on a worker thread (about ten seconds) behind a progress dialog that
can cancel it. Everything the worker says reaches the window through signals received by
``DemoLoad``, a QObject living on the GUI thread (queued connections): widgets are only ever
built there. Cancelling raises inside the generator's single transaction, so the database is
left exactly as empty as it was.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

if TYPE_CHECKING:
    from app.database import Database
    from app.i18n import Message


class Cancelled(Exception):
    """Raised from the progress callback to roll the generation back."""


class DemoWorker(QObject):
    """Runs ``app.demo.generate`` on the thread it is moved to.

    Signals:
        progressed(int, int, str): done, total, what is being made (an untranslated text).
        failed(object): the ``Message`` of a refusal, or the text of an unexpected error.
        cancelled(): the user cancelled; nothing was written.
        loaded(): the demo street is in the database.
    """

    progressed = Signal(int, int, str)
    failed = Signal(object)
    cancelled = Signal()
    loaded = Signal()

    def __init__(self, database: Database) -> None:
        super().__init__()
        self._database = database
        self._cancel_requested = False  # set from the GUI thread, read here: a plain flag

    def request_cancel(self) -> None:
        self._cancel_requested = True

    @Slot()
    def run(self) -> None:
        from app.demo import generate
        from app.errors import UserError

        def progress(done: int, total: int, what: str) -> None:
            if self._cancel_requested:
                raise Cancelled
            self.progressed.emit(done, total, what)

        try:
            generate(self._database, "street", progress=progress)
        except Cancelled:
            self.cancelled.emit()
        except UserError as error:
            self.failed.emit(error.message)
        except Exception as error:  # the transaction rolled back; the window reports it
            import logging

            logging.getLogger("gongjian.ui").exception("demo data failed")
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.loaded.emit()


class DemoLoad(QObject):
    """One load of the demo street, owned by the window and living on the GUI thread.

    Signals:
        finished(bool): the load ended; True when the demo data is in the database.
    """

    finished = Signal(bool)

    def __init__(self, database: Database, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.dialog = QProgressDialog(
            QCoreApplication.translate("FirstRun", "正在生成演示数据…"),
            QCoreApplication.translate("FirstRun", "取消"),
            0,
            100,
            parent,
        )
        self.dialog.setWindowTitle(QCoreApplication.translate("FirstRun", "演示数据"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(360)
        self.worker_thread = QThread(self)
        self.worker = DemoWorker(database)
        self.worker.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self.worker.run)
        # bound methods of this object: Qt queues each call onto the GUI thread
        self.worker.progressed.connect(self._on_worker_progressed)
        self.worker.loaded.connect(self._on_worker_loaded)
        self.worker.cancelled.connect(self._on_worker_cancelled)
        self.worker.failed.connect(self._on_worker_failed)
        self.worker_thread.finished.connect(self.worker.deleteLater)
        self.dialog.canceled.connect(self.cancel)
        self.outcome: bool | None = None  # None while running

    def start(self) -> None:
        self.dialog.setValue(0)
        self.dialog.show()
        self.worker_thread.start()

    def is_running(self) -> bool:
        return self.outcome is None

    def cancel(self) -> None:
        """Asks the worker to stop; it rolls back and says so (``finished(False)``)."""
        if self.is_running():
            self.worker.request_cancel()

    def stop(self) -> None:
        """Cancels and waits for the worker (the window is closing)."""
        if self.worker_thread.isRunning():
            self.worker.request_cancel()
            self.worker_thread.quit()
            self.worker_thread.wait()

    # the worker's reports, received on the GUI thread

    @Slot(int, int, str)
    def _on_worker_progressed(self, done: int, total: int, what: str) -> None:
        if not self.is_running() or self.dialog.wasCanceled():
            return
        self.dialog.setValue(100 * done // total if total else 100)
        self.dialog.setLabelText(QCoreApplication.translate("demo", what))

    @Slot()
    def _on_worker_loaded(self) -> None:
        self._end(True)

    @Slot()
    def _on_worker_cancelled(self) -> None:
        self._end(False)

    @Slot(object)
    def _on_worker_failed(self, error: Message | str) -> None:
        from ui.i18n import message_text

        self._end(False)
        text = error if isinstance(error, str) else message_text(error)
        QMessageBox.warning(self._parent, QCoreApplication.translate("FirstRun", "演示数据"), text)

    def _end(self, loaded: bool) -> None:
        self.outcome = loaded
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.dialog.close()
        self.dialog.deleteLater()
        self.finished.emit(loaded)


class Start(StrEnum):
    """How the user starts on a new, empty database."""

    DEMO = "demo"  # load the demo street
    ENROL = "enrol"  # become a community site from the street's enrolment file
    EMPTY = "empty"


def ask_how_to_start(parent: QWidget) -> Start:
    """The first start's question: the demo street (the default), a community site's
    enrolment file, or an empty start."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("FirstRun", "新的数据库"))
    box.setText(
        QCoreApplication.translate(
            "FirstRun", "这是一个新的空数据库。要载入演示数据（鼓楼区宁海路街道等）来熟悉共建台吗？"
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "FirstRun",
            "社区党群服务中心的电脑：选择“用社区站点登记文件开始”，"
            "打开街道给的 .gjenrol 文件并输入口令。\n"
            "选择“从空白开始”则可在“组织与人员”中新建街道和社区；"
            "以后仍可在“文件 → 载入演示数据”中载入。",
        )
    )
    load = box.addButton(
        QCoreApplication.translate("FirstRun", "载入演示数据"), QMessageBox.ButtonRole.AcceptRole
    )
    enrol = box.addButton(
        QCoreApplication.translate("FirstRun", "用社区站点登记文件开始…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(
        QCoreApplication.translate("FirstRun", "从空白开始"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(load)
    box.exec()
    clicked = box.clickedButton()
    return Start.DEMO if clicked is load else Start.ENROL if clicked is enrol else Start.EMPTY


def refuse_non_empty(parent: QWidget) -> None:
    QMessageBox.information(
        parent,
        QCoreApplication.translate("FirstRun", "载入演示数据"),
        QCoreApplication.translate(
            "FirstRun",
            "这个数据库里已经有数据，演示数据只能载入空数据库，现有数据不会被改动。\n"
            "如要试用演示数据，请在“文件 → 设置”中换一个新的数据库文件，重新打开共建台后再载入。",
        ),
    )
