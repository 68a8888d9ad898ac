"""After a PDF or Excel file is saved: where it went, with 打开文件 and 打开所在文件夹.

Every save path calls ``show_saved``. The notice takes a line at the bottom of the window
that saved — the main window's status bar, an editor's last row — without blocking it or
covering anything, so saving costs no extra click; it goes after a while, when closed, or
when the next file is saved.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QDir, QEvent, QObject, QProcess, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolButton,
    QWidget,
)
from ui.widgets import palette

SHOWN_MS = 30_000
MARGIN = 12
STYLE = f"""
QFrame#savedNotice {{
    background: {palette.DONE_FILL}; border: 1px solid #9ccfaa; border-radius: 4px;
}}
QFrame#savedNotice QLabel {{ color: {palette.DONE_GREEN}; }}
"""


def open_file(path: Path) -> bool:
    """Opens the file in the program the system gives its type (a PDF viewer, Excel)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_folder(path: Path) -> bool:
    """Shows the folder the file is in; on Windows with the file selected in Explorer."""
    if sys.platform == "win32":
        started, _pid = QProcess.startDetached(
            "explorer", ["/select,", QDir.toNativeSeparators(str(path))]
        )
        return started
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class SavedNotice(QFrame):
    """The notice itself, a child of the window it is shown in."""

    def __init__(self, window: QWidget, path: Path, detail: str) -> None:
        super().__init__(window)
        self.path = path
        self.setObjectName("savedNotice")
        self.setStyleSheet(STYLE)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setText(
            self.tr("已保存：{name}").format(name=path.name) + (f"　{detail}" if detail else "")
        )
        self.message.setToolTip(str(path))
        self.open_button = QPushButton(self.tr("打开文件"), self)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.folder_button = QPushButton(self.tr("打开所在文件夹"), self)
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("关闭"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        for button in (self.open_button, self.folder_button):
            button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.folder_button)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._floating = False

    def appear(self) -> None:
        """Takes its line in the window: the status bar, the dialog's last row, or (in a
        window without either) a strip floating over its bottom edge."""
        window = self.parentWidget()
        if isinstance(window, QMainWindow):
            window.statusBar().addWidget(self, 2)
        elif window is not None and isinstance(window.layout(), QBoxLayout):
            window.layout().addWidget(self)  # type: ignore[union-attr]
        elif window is not None:
            self._floating = True
            window.installEventFilter(self)
            self._place()
        self.show()
        self._timer.start()

    def dismiss(self) -> None:
        self.hide()
        self.deleteLater()

    def _place(self) -> None:
        window = self.parentWidget()
        if window is None:
            return
        width = min(max(self.sizeHint().width(), 420), window.width() - 2 * MARGIN)
        height = self.sizeHint().height()
        self.setGeometry(
            window.width() - width - MARGIN, window.height() - height - MARGIN, width, height
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._floating and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _on_timer_timeout(self) -> None:
        if self.underMouse():  # the user is about to click: stay a little longer
            self._timer.start()
        else:
            self.dismiss()

    def _on_open_clicked(self) -> None:
        open_file(self.path)
        self.dismiss()

    def _on_folder_clicked(self) -> None:
        open_folder(self.path)
        self.dismiss()


def show_saved(parent: QWidget, path: Path, detail: str = "") -> SavedNotice:
    """Shows the notice for ``path`` in ``parent``'s window (replacing an earlier one);
    ``detail`` adds a few words, such as how many rows were exported."""
    window = parent.window()
    for earlier in window.findChildren(SavedNotice):
        earlier.dismiss()
    notice = SavedNotice(window, path, detail)
    notice.appear()
    return notice
