"""The floor for ``bench/run.py startup``: a bare window, timed exactly like the app's probe.

QApplication + QMainWindow shown at 1366×768; prints one JSON line
``{"first_paint": epoch_s, "data_shown": epoch_s}`` and exits.

- first_paint: taken in a zero-timer posted from the window's first Paint event, i.e. just
  after that paint has been handled, as ``ui/application.py`` does.
- data_shown: then a trivial "data" step, setting the text of the central label and repainting
  the window synchronously (``repaint()``), as the app repaints after opening the database and
  filling the current tab. So the bare data_shown is first_paint plus one repaint: the floor
  for "a window showing something", with no data work at all.

Run with ``QT_QPA_PLATFORM=offscreen`` where there is no display.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def __init__(self, window: QMainWindow, label: QLabel) -> None:
        super().__init__(window)
        self.window = window
        self.label = label
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self.after_first_paint)
        return False

    def after_first_paint(self) -> None:
        times = {"first_paint": time.time()}
        self.label.setText("data")
        self.window.repaint()
        times["data_shown"] = time.time()
        print(json.dumps(times), flush=True)
        QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    label = QLabel("…", window)
    window.setCentralWidget(label)
    window.resize(1366, 768)
    FirstPaint(window, label)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
