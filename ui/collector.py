"""Python's cycle collector while the window builds what lives as long as it does.

Opening the database and first building a tab import modules, map models, compile queries and
make widgets: some 10^5 objects, all long-lived. Each collection that burst triggers walks
every object again (the window's, SQLAlchemy's, Qt's wrappers) and finds no garbage: 0.1-0.2 s
of a tab's first build here. So no collection runs while they are built.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer


def freeze_and_resume() -> None:
    """Moves every object alive now out of the collector's sight, and collects again (once,
    at the end of start-up: later collections skip the modules, classes and mappers)."""
    gc.freeze()
    gc.enable()


@contextmanager
def building_long_lived() -> Iterator[None]:
    """No collection inside; collections resume once the window has painted what was built
    (a zero timer runs after the paint that shows it). Inside a longer pause (the start-up's,
    see ui.application), the outer pause decides when collections resume."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        QTimer.singleShot(0, gc.enable)
