"""Preparing ahead: once start-up has shown its data, the window makes the tabs not built yet
ready in idle moments, so that the first click on one pays for its widgets and its data only.

For each such tab it imports its module and the modules its first build imports inside
functions (``TabPage.imports_ahead``: the dashboard's queries, pyqtgraph's charts …), then runs
the reads whose SQL is slow to compile the first time (``TabPage.read_ahead``; SQLAlchemy
keeps what it compiled). One step per turn of the event loop, on the GUI thread (the model
classes an import maps join one registry, not made to be filled from two threads at once), so
a click or a key waits at most for one step. As in a tab's first build, no collection runs
during a step (what it makes lives as long as the window), and what they made is frozen at the
end, as start-up's is.
"""

from __future__ import annotations

import gc
import importlib
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from ui.collector import building_long_lived

if TYPE_CHECKING:
    from app.database import Database

log = logging.getLogger(__name__)


class PrepareAhead(QObject):
    """Prepares these tabs (``(module, page class)`` pairs) ahead, from the next turn of the
    event loop on; ``database`` gives the open database (None once it is closed).

    Signals:
        finished(): every step is done (or one failed: its tab's own build will say why).
    """

    finished = Signal()

    def __init__(
        self,
        pages: Iterable[tuple[str, str]],
        database: Callable[[], Database | None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._steps = _steps(list(pages), database)
        QTimer.singleShot(0, self, self._step)

    def _step(self) -> None:
        with building_long_lived():
            try:
                step = next(self._steps, None)
                if step is not None:
                    step()
            except Exception:  # the tab's own build meets it again, with a dialog
                log.warning("preparing ahead stopped", exc_info=True)
                step = None
        if step is None:
            gc.freeze()
            self.finished.emit()
        else:
            QTimer.singleShot(0, self, self._step)


def _steps(
    pages: list[tuple[str, str]], database: Callable[[], Database | None]
) -> Iterator[Callable[[], object]]:
    """Each tab's module and what its page class says its first build imports; then, the
    modules all in, each page class's reads ahead."""
    page_classes = []
    for module_name, class_name in pages:
        yield partial(importlib.import_module, module_name)
        page_class = getattr(sys.modules[module_name], class_name)
        page_classes.append(page_class)
        for name in page_class.imports_ahead:
            yield partial(importlib.import_module, name)
    for page_class in page_classes:
        if (opened := database()) is not None:
            yield partial(page_class.read_ahead, opened)
