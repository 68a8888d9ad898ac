"""The first start on an empty database: load the demo street, or start empty.

Demo data is generated on a worker thread with a progress dialog; cancelling rolls back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class Cancelled(Exception):
    pass


class DemoWorker(QObject):
    """Runs app.demo.generate off the GUI thread.

    Signals:
        progressed(int, int, str): done, total, what is being made.
        finished(str): an error message, or "" on success.
    """

    progressed = Signal(int, int, str)
    finished = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self._database = window.database
        self.cancelled = False

    def run(self) -> None:
        from app.demo import generate

        def progress(done: int, total: int, what: str) -> None:
            if self.cancelled:
                raise Cancelled
            self.progressed.emit(done, total, what)

        try:
            assert self._database is not None
            generate(self._database, "street", progress=progress)
        except Cancelled:
            self.finished.emit(QCoreApplication.translate("FirstRun", "已取消，数据库保持为空。"))
            return
        except Exception as exc:  # reported to the user, and the transaction rolled back
            self.finished.emit(str(exc))
            return
        self.finished.emit("")


def offer_demo_data(window: MainWindow) -> None:
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("FirstRun", "新的数据库"),
        QCoreApplication.translate(
            "FirstRun",
            "这是一个新的空数据库。\n\n要载入演示数据（鼓楼区宁海路街道等）来熟悉共建台吗？"
            "\n选择“否”则从空白开始，可在“组织与人员”中新建街道和社区。",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer == QMessageBox.StandardButton.Yes:
        load_demo_data(window)


def load_demo_data(window: MainWindow) -> None:
    dialog = QProgressDialog(
        QCoreApplication.translate("FirstRun", "正在生成演示数据…"),
        QCoreApplication.translate("FirstRun", "取消"),
        0,
        100,
        window,
    )
    dialog.setWindowTitle(QCoreApplication.translate("FirstRun", "演示数据"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    thread = QThread(window)
    worker = DemoWorker(window)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)

    def on_progress(done: int, total: int, what: str) -> None:
        dialog.setValue(100 * done // total if total else 100)
        dialog.setLabelText(QCoreApplication.translate("demo", what))

    def on_finished(error: str) -> None:
        thread.quit()
        thread.wait()
        dialog.reset()
        worker.deleteLater()
        if error:
            QMessageBox.warning(window, QCoreApplication.translate("FirstRun", "演示数据"), error)
        window.reload_all()

    def on_cancel() -> None:
        worker.cancelled = True

    worker.progressed.connect(on_progress)
    worker.finished.connect(on_finished)
    dialog.canceled.connect(on_cancel)
    thread.start()
