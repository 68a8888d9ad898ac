"""A viewer's screens are read-only before any click.

One mechanism for every tab: a write action (a button, a menu action) is *locked* — disabled,
with a tooltip that says why — and stays locked whatever the tab's own logic enables later
(a selection that would enable 删除, for one). An editor opened by a viewer shows its record
with every input read-only, its write buttons locked and a 只读 banner on top.

The rule itself lives in app/: ``Operator.may_edit``; the services refuse a viewer's writes
too, this only keeps the screen from offering them.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.i18n import QT_TRANSLATE_NOOP

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

CONTEXT = "ReadOnly"
REASON = QT_TRANSLATE_NOOP(
    "ReadOnly", "只读：您以只读角色登录，可以查看、打印和导出，不能修改数据。"
)
BANNER = QT_TRANSLATE_NOOP("ReadOnly", "只读 · 您以只读角色登录，这里只能查看，不能修改。")
BANNER_STYLE = "background: #f1f1f1; color: #444; padding: 6px; border-radius: 3px;"
LOCKED = "gongjianLocked"  # the dynamic property a locked widget or action carries
READS = "gongjianReads"  # a button that only shows, prints or exports: never locked


def reason() -> str:
    """The tooltip of a locked action: why it cannot be used."""
    return QCoreApplication.translate(CONTEXT, REASON)


class _Keeper(QObject):
    """Puts a locked widget back as it was locked when its owner enables it again."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched.property(LOCKED):
            kind = event.type()
            if kind == QEvent.Type.EnabledChange and isinstance(watched, QWidget):
                if watched.isEnabled() and watched.property(LOCKED) == "disabled":
                    watched.setEnabled(False)
            elif kind == QEvent.Type.ReadOnlyChange:
                _make_read_only(watched)
        return False

    def keep_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and action.property(LOCKED) and action.isEnabled():
            action.setEnabled(False)


_keeper: list[_Keeper] = []


def _the_keeper() -> _Keeper:
    if not _keeper:
        _keeper.append(_Keeper(QApplication.instance()))
    return _keeper[0]


def lock(*targets: QWidget | QAction) -> None:
    """Disables write actions for good, each with a tooltip that says why."""
    keeper = _the_keeper()
    for target in targets:
        if target.property(LOCKED):
            continue
        target.setProperty(LOCKED, "disabled")
        target.setToolTip(reason())
        target.setEnabled(False)
        if isinstance(target, QAction):
            target.setStatusTip(reason())
            target.changed.connect(keeper.keep_action)
        else:
            target.installEventFilter(keeper)


def unlock(*targets: QWidget | QAction) -> None:
    """Undoes ``lock`` (another user signed in); the owner sets the state and tooltip again."""
    keeper = _the_keeper()
    for target in targets:
        if not target.property(LOCKED):
            continue
        target.setProperty(LOCKED, None)
        target.setToolTip("")
        if isinstance(target, QAction):
            target.setStatusTip("")
            target.changed.disconnect(keeper.keep_action)
        else:
            target.removeEventFilter(keeper)


def reads(*buttons: QWidget) -> None:
    """Marks buttons that only show, open, print or export: ``lock_inputs`` leaves them."""
    for button in buttons:
        button.setProperty(READS, True)


def _make_read_only(widget: QObject) -> None:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
        if not widget.isReadOnly():
            widget.setReadOnly(True)
    if isinstance(widget, QLineEdit) and widget.isClearButtonEnabled():
        # its × would empty the field all the same; hidden once the walk is over (the
        # button is deleted, and the walk may still hold it)
        QTimer.singleShot(0, widget, lambda: widget.setClearButtonEnabled(False))


def lock_inputs(root: QWidget, *, keep: Iterable[QWidget] = ()) -> None:
    """Everything under ``root`` that changes data: texts read-only (still selectable and
    copyable), choices and buttons locked, item views not editable. Buttons marked with
    ``reads`` and those in ``keep`` (with what is inside them) stay as they are."""
    kept = [*keep, *(w for w in root.findChildren(QWidget) if w.property(READS))]

    def is_kept(widget: QWidget) -> bool:
        return any(k is widget or k.isAncestorOf(widget) for k in kept)

    keeper = _the_keeper()
    for widget in root.findChildren(QWidget):
        if is_kept(widget) or isinstance(widget.parent(), QTabBar | QLineEdit):
            continue  # a tab bar's arrows, a line's own clear button
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
                continue  # an editable combo's line: the combo itself is locked
            widget.setProperty(LOCKED, "read-only")
            widget.installEventFilter(keeper)
            _make_read_only(widget)
        elif isinstance(widget, QComboBox | QAbstractButton):
            lock(widget)
        elif isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


def banner(parent: QWidget) -> QLabel:
    """The 只读 line an editor shows above its fields for a viewer."""
    label = QLabel(QCoreApplication.translate(CONTEXT, BANNER), parent)
    label.setObjectName("readOnlyBanner")
    label.setWordWrap(True)
    label.setStyleSheet(BANNER_STYLE)
    return label


def lock_dialog(dialog: QDialog) -> None:
    """A dialog a viewer opened: the 只读 banner on top, every input read-only, every button
    locked but the one that closes it (renamed 关闭: there is nothing to cancel)."""
    closing: list[QWidget] = []
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) == QDialogButtonBox.ButtonRole.RejectRole:
                button.setText(QCoreApplication.translate("ReadOnly", "关闭"))
                closing.append(button)
    lock_inputs(dialog, keep=closing)
    layout = dialog.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, banner(dialog))
    elif isinstance(layout, QFormLayout):
        layout.insertRow(0, banner(dialog))
