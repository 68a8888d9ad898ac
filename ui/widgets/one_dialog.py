"""Opening a dialog over a screen: window-modal and deleted when it closes; and the one dialog
a screen has open at a time (a record's form), which tests and screenshots reach as the
screen's ``dialog``."""

from __future__ import annotations

from typing import Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


def open_dialog(dialog: D) -> D:
    """Shows ``dialog`` window-modal (the rest of the application stays usable) and deletes
    it when it closes."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class HoldsDialog(Protocol[D]):
    dialog: D | None


def open_one(owner: HoldsDialog[D], dialog: D) -> D:
    """Shows ``dialog`` window-modal as ``owner.dialog``; it is deleted when it closes, and
    forgotten unless another has taken its place."""

    def forget(_result: int) -> None:
        if owner.dialog is dialog:
            owner.dialog = None

    dialog.finished.connect(forget)
    owner.dialog = dialog
    return open_dialog(dialog)
