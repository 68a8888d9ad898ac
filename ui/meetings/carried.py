"""Decisions that come back to the table: offering an earlier meeting's open decisions to a
new meeting of its kind (its agenda then opens with "上次议定事项落实情况"), and showing them
under that agenda item as the minutes will print them."""

from __future__ import annotations

from app.database import Database
from app.meetings import service

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget
from ui.widgets.questions import ask, attempt

LISTED = 8  # decisions named in the question; the rest are counted


def offer_open_decisions(parent: QWidget, database: Database, meeting_id: str) -> bool:
    """Asks whether to bring the earlier meetings' open decisions to this one (是 by
    default) and adds them; True when the agenda changed."""
    with database.reader() as session:
        views = service.open_decisions(session, meeting_id)
    if not views:
        return False
    lines = [f"{n}. {v.text}（{v.owner or '—'}）" for n, v in enumerate(views[:LISTED], 1)]
    if len(views) > LISTED:
        lines.append(
            QCoreApplication.translate("CarriedDecisions", "……共{n}项").format(n=len(views))
        )
    question = QCoreApplication.translate(
        "CarriedDecisions",
        "同类会议还有{n}项议定事项没有落实：\n{lines}\n\n加入议程“上次议定事项落实情况”吗？",
    ).format(n=len(views), lines="\n".join(lines))
    title = QCoreApplication.translate("CarriedDecisions", "上次议定事项")
    if not ask(parent, title, question, yes_by_default=True):
        return False
    return attempt(parent, title, lambda: _carry(database, meeting_id)) is not None


def _carry(database: Database, meeting_id: str) -> bool:
    with database.session() as session:
        service.carry_open_decisions(session, meeting_id)
    return True


class CarriedList(QLabel):
    """The earlier decisions under "上次议定事项落实情况", hidden for other agenda items."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.label = QLabel(self.tr("上次议定事项"), parent)
        self.show_lines(())

    def show_lines(self, lines: tuple[str, ...]) -> None:
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
        self.label.setVisible(bool(lines))
