"""The right-hand side of the meetings tab: the next meetings, and the selected one at a glance
(facts, attendance, decisions with their owners, progress and issues)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from app.exports.pdf.text import level1, level2
from app.meetings.upcoming import MeetingSummary

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text, translate
from ui.widgets import palette

if TYPE_CHECKING:  # read with the first meeting shown
    from app.meetings.detail import MeetingDetail

ID_ROLE = Qt.ItemDataRole.UserRole + 1
TIME = "%Y-%m-%d %H:%M"


def upcoming_label(meeting: MeetingSummary) -> str:
    when = meeting.starts_at
    weekday = QLocale().dayName(when.isoweekday(), QLocale.FormatType.ShortFormat)  # 周四, Thu
    return f"{when:%m-%d} {weekday} {when:%H:%M}  {meeting.title}"


def summary_html(detail: MeetingDetail) -> str:
    data = detail.data
    counts = detail.counts
    facts = [
        (translate("MeetingSummary", "会议类型"), data.kind),
        (
            translate("MeetingSummary", "届次"),
            translate("MeetingSummary", "第{n}次").format(n=data.session_no)
            if data.session_no
            else "",
        ),
        (translate("MeetingSummary", "状态"), enum_text(detail.status)),
        (
            translate("MeetingSummary", "时间"),
            data.starts_at.strftime(TIME) if data.starts_at else "",
        ),
        (translate("MeetingSummary", "地点"), data.place),
        (translate("MeetingSummary", "主办"), detail.host_name),
        (translate("MeetingSummary", "主持人"), detail.chair_name),
        (translate("MeetingSummary", "记录人"), detail.recorder_name),
        (
            translate("MeetingSummary", "出席"),
            translate(
                "MeetingSummary", "{present} / 应到 {expected}（请假 {leave}，列席 {observer}）"
            ).format(
                present=counts.present,
                expected=counts.expected,
                leave=counts.leave,
                observer=counts.observer,
            ),
        ),
    ]
    if detail.exported_at:
        facts.append((translate("MeetingSummary", "已导出"), detail.exported_at.strftime(TIME)))
    if detail.printed_at:
        facts.append((translate("MeetingSummary", "已打印"), detail.printed_at.strftime(TIME)))
    rows = "".join(
        f"<tr><td style='color:#555; padding-right:8px'>{escape(k)}</td><td>{escape(v)}</td></tr>"
        for k, v in facts
        if v
    )
    agenda = []
    for i, item in enumerate(detail.agenda):
        agenda.append(
            f"<p style='margin:6px 0 2px 0'><b>{escape(level1(i + 1) + item.title)}</b></p>"
        )
        for j, decision in enumerate(item.decisions):
            agenda.append(
                f"<p style='margin:2px 0 0 12px'>{escape(level2(j + 1) + decision.text)}</p>"
            )
            for action in decision.action_items:
                parts = [action.owner or translate("MeetingSummary", "未定责任方")]
                if action.due_on:
                    parts.append(
                        translate("MeetingSummary", "{date}前").format(
                            date=action.due_on.isoformat()
                        )
                    )
                parts.append(enum_text(action.status))
                if action.issue_number:
                    issue = enum_text(action.issue_status) if action.issue_status else ""
                    parts.append(f"{action.issue_number} {issue}".strip())
                agenda.append(
                    f"<p style='margin:0 0 0 28px; color:#444'>· {escape(' · '.join(parts))}</p>"
                )
    if not agenda:
        agenda.append(
            f"<p style='{palette.HINT_TEXT}'>"
            f"{escape(translate('MeetingSummary', '还没有议题。'))}</p>"
        )
    heading = escape(translate("MeetingSummary", "议程与议定事项"))
    return (
        f"<h3 style='margin:0 0 6px 0'>{escape(data.title)}</h3>"
        f"<table cellspacing='2'>{rows}</table>"
        f"<p style='margin:10px 0 0 0'><b>{heading}</b></p>" + "".join(agenda)
    )


class MeetingSummaryPanel(QWidget):
    """Signals:
    upcoming_activated(str): a meeting of the upcoming list was double-clicked or Entered.
    """

    upcoming_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.upcoming_title = QLabel(self.tr("即将召开"), self)
        self.upcoming_title.setStyleSheet("font-weight: bold;")
        self.upcoming = QListWidget(self)
        self.upcoming.setMaximumHeight(118)
        self.upcoming.itemActivated.connect(self._on_upcoming_item_activated)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.upcoming_title)
        layout.addWidget(self.upcoming)
        layout.addWidget(self.browser, 1)
        self.show_detail(None)

    def set_upcoming(self, meetings: list[MeetingSummary]) -> None:
        self.upcoming.clear()
        for meeting in meetings:
            item = QListWidgetItem(upcoming_label(meeting))
            item.setData(ID_ROLE, meeting.id)
            item.setToolTip(f"{meeting.kind}\n{meeting.title}\n{meeting.place}")
            self.upcoming.addItem(item)
        if not meetings:
            item = QListWidgetItem(self.tr("近期没有安排会议。按 Ctrl+N 新建。"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.upcoming.addItem(item)

    def show_detail(self, detail: MeetingDetail | None) -> None:
        if detail is None:
            self.browser.setHtml(
                f"<p style='{palette.HINT_TEXT}'>"
                + escape(self.tr("选中左侧的会议查看概要；双击或按 Enter 打开编辑。"))
                + "</p>"
            )
        else:
            self.browser.setHtml(summary_html(detail))

    def _on_upcoming_item_activated(self, item: QListWidgetItem) -> None:
        meeting_id = item.data(ID_ROLE)
        if meeting_id:
            self.upcoming_activated.emit(meeting_id)
