"""Importing ahead: once start-up has shown its data, the window imports, in idle moments, what
the tabs not built yet will need, so that the first click on one pays for its widgets and its
data only.

A tab's module and the modules its first build imports inside functions
(``TabPage.imports_ahead``: the dashboard's queries, pyqtgraph's charts …) are imported one
per turn of the event loop, on the GUI thread (the model classes they map join one registry,
which is not made to be filled from two threads at once), so a click or a key waits at most for
one module. As in a tab's first build, no collection runs while one loads (it lives as long as
the window), and what they made is frozen at the end, as start-up's is.
"""

from __future__ import annotations

import gc
import importlib
import logging
import sys
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QObject, QTimer, Signal
from ui.collector import building_long_lived

log = logging.getLogger(__name__)


class ImportAhead(QObject):
    """Imports the modules of these tabs (``(module, page class)`` pairs) ahead, from the next
    turn of the event loop on.

    Signals:
        finished(): every module is imported (or one failed: its tab's own build will say why).
    """

    finished = Signal()

    def __init__(self, pages: Iterable[tuple[str, str]], parent: QObject) -> None:
        super().__init__(parent)
        self._modules = _modules(list(pages))
        QTimer.singleShot(0, self, self._step)

    def _step(self) -> None:
        with building_long_lived():
            try:
                name = next(self._modules, None)
                if name is not None:
                    importlib.import_module(name)
            except Exception:  # an import error: the tab's build meets it again, with a dialog
                log.warning("importing ahead stopped", exc_info=True)
                name = None
        if name is None:
            gc.freeze()
            self.finished.emit()
        else:
            QTimer.singleShot(0, self, self._step)


def _modules(pages: list[tuple[str, str]]) -> Iterator[str]:
    """Each tab's module, then what its page class says its first build imports."""
    for module_name, class_name in pages:
        yield module_name
        yield from getattr(sys.modules[module_name], class_name).imports_ahead
