"""The secondment dialogs: a posting, a work log, an evaluation, and 延期 / 提前结束.

Each is a ``RecordDialog`` (labelled fields, errors shown at the field, a guard against
losing typed changes, Ctrl+S saves); the caller passes the save function, which calls app/.
Date and number fields are part of the unsaved-changes guard too.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from app.database import Database
from app.directory.choices import (
    Choice,
    org_unit_choices,
    person_choice,
    person_choices,
    resident_unit_choices,
)
from app.enums import EvaluationPeriod, EvaluatorSide, Grade, LogKind, PostingKind
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.secondments.logs import issue_choice, issue_choices, meeting_choice, meeting_choices
from app.secondments.records import EvaluationData, PostingData, WorkLogData

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from ui.widgets.pickers import ChoiceCombo, EnumCombo, LookupEdit, lookup_in
from ui.widgets.record_dialog import RecordDialog

UNIT, ORG = "unit:", "org:"
LIMIT = 100_000


def to_qdate(day: date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day is not None else QDate.currentDate()


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
    return edit


def place_choices(database: Database) -> list[Choice]:
    """Every org unit (街道, 科室, 社区, 网格, by path) and every resident unit, in one list."""
    with database.reader() as session:
        orgs = [Choice(ORG + c.id, c.label) for c in org_unit_choices(session)]
        units = [
            Choice(UNIT + c.id, c.label) for c in resident_unit_choices(session, "", limit=LIMIT)
        ]
    return orgs + sorted(units, key=lambda c: c.label)


def split_place(value: str | None) -> tuple[str | None, str | None]:
    """(resident unit id, org unit id) of a place picker's value."""
    if value is None:
        return None, None
    if value.startswith(UNIT):
        return value[len(UNIT) :], None
    return None, value[len(ORG) :]


def join_place(unit_id: str | None, org_unit_id: str | None) -> str | None:
    if unit_id is not None:
        return UNIT + unit_id
    if org_unit_id is not None:
        return ORG + org_unit_id
    return None


class PostingDialog(RecordDialog):
    """A posting: cadre, kind, home and host (a resident unit, an org unit or a grid) with the
    posts there, the term, the mentor (结对培养) and the objectives."""

    def __init__(
        self,
        database: Database,
        data: PostingData,
        *,
        new: bool = True,
        dates_locked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("新建挂职") if new else self.tr("修改挂职"), parent)
        self._database = database
        self.person = LookupEdit(lookup_in(self._database, person_choices), self)
        self.kind = EnumCombo(list(PostingKind), self.tr("请选择"), self)
        places = place_choices(database)
        self.home = ChoiceCombo(parent=self)
        self.home.set_choices(places)
        self.home.set_placeholder(self.tr("驻区单位，或街道的科室、社区"))
        self.home_post = QLineEdit(self)
        self.home_post.setPlaceholderText(self.tr("在派出单位的职务，例如 副处长"))
        self.host = ChoiceCombo(parent=self)
        self.host.set_choices(places)
        self.host.set_placeholder(self.tr("驻区单位、科室、社区，第一社长选网格"))
        self.host_post = QLineEdit(self)
        self.host_post.setPlaceholderText(self.tr("例如 城市管理科副科长（挂职）、第一社长"))
        self.starts_on = date_edit(self)
        self.ends_on = date_edit(self)
        if dates_locked:
            self.ends_on.setEnabled(False)
            self.ends_on.setToolTip(self.tr("挂职开始后，结束日期请用“延期”或“提前结束”修改"))
        self.mentor = LookupEdit(lookup_in(self._database, person_choices), self)
        self.mentor.setPlaceholderText(self.tr("结对培养须选导师"))
        self.objectives = QPlainTextEdit(self)
        self.objectives.setFixedHeight(64)
        self.objectives.setTabChangesFocus(True)
        self.track(self.starts_on, self.ends_on)

        self.add_row(self.tr("挂职干部"), self.person, "person_id")
        self.add_row(self.tr("挂职类型"), self.kind, "kind")
        self.add_row(self.tr("派出单位"), self.home, "home_unit_id", "home_org_unit_id")
        self.add_row(self.tr("原职务"), self.home_post, "home_post")
        self.add_row(self.tr("挂职单位或网格"), self.host, "host_unit_id", "host_org_unit_id")
        self.add_row(self.tr("挂职岗位"), self.host_post, "host_post")
        self.add_row(self.tr("开始日期"), self.starts_on, "starts_on")
        self.add_row(self.tr("结束日期"), self.ends_on, "ends_on")
        self.add_row(self.tr("导师"), self.mentor, "mentor_id")
        self.add_row(self.tr("挂职任务"), self.objectives, "objectives")
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self.finish(data)

    def _on_kind_current_index_changed(self, _index: int) -> None:
        self.mentor.setEnabled(self.kind.value() is PostingKind.MENTORING)

    def load(self, data: PostingData) -> None:
        with self._database.reader() as session:
            self.person.set_choice(person_choice(session, data.person_id or ""))
            self.mentor.set_choice(person_choice(session, data.mentor_id or ""))
        self.kind.set_value(data.kind)
        self.home.set_value(join_place(data.home_unit_id, data.home_org_unit_id))
        self.host.set_value(join_place(data.host_unit_id, data.host_org_unit_id))
        self.home_post.setText(data.home_post)
        self.host_post.setText(data.host_post)
        self.starts_on.setDate(to_qdate(data.starts_on))
        self.ends_on.setDate(to_qdate(data.ends_on))
        self.objectives.setPlainText(data.objectives)
        self._on_kind_current_index_changed(0)

    def collect(self) -> PostingData:
        home_unit, home_org = split_place(self.picked("home_unit_id", self.home))
        host_unit, host_org = split_place(self.picked("host_unit_id", self.host))
        kind = self.kind.value()
        return PostingData(
            person_id=self.picked("person_id", self.person),
            kind=kind,
            home_unit_id=home_unit,
            home_org_unit_id=home_org,
            home_post=self.home_post.text(),
            host_unit_id=host_unit,
            host_org_unit_id=host_org,
            host_post=self.host_post.text(),
            starts_on=from_qdate(self.starts_on.date()),
            ends_on=from_qdate(self.ends_on.date()),
            mentor_id=self.picked("mentor_id", self.mentor)
            if kind is PostingKind.MENTORING
            else None,
            objectives=self.objectives.toPlainText(),
        )


class WorkLogDialog(RecordDialog):
    """A work record with its hours and, if any, the meeting or issue it was about; or a
    monthly 考勤 / 履职 report for a month."""

    def __init__(
        self,
        database: Database,
        data: WorkLogData,
        *,
        new: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("新建工作记录") if new else self.tr("修改工作记录"), parent)
        self._database = database
        self.kind = EnumCombo(list(LogKind), parent=self)
        self.logged_on = date_edit(self)
        self.period = QLineEdit(self)
        self.period.setPlaceholderText(self.tr("月度报告所属月份，例如 2026-03"))
        self.period.setMaxLength(7)
        self.content = QPlainTextEdit(self)
        self.content.setFixedHeight(90)
        self.content.setTabChangesFocus(True)
        self.hours = QDoubleSpinBox(self)
        self.hours.setRange(0, 24)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(self.tr(" 小时"))
        self.meeting = LookupEdit(lookup_in(self._database, meeting_choices), self)
        self.meeting.setPlaceholderText(self.tr("选填：输入会议名称中的几个字"))
        self.issue = LookupEdit(lookup_in(self._database, issue_choices), self)
        self.issue.setPlaceholderText(self.tr("选填：输入民生事项编号或标题中的几个字"))
        self.track(self.logged_on, self.hours)
        self.add_row(self.tr("类别"), self.kind, "kind")
        self.add_row(self.tr("日期"), self.logged_on, "logged_on")
        self.add_row(self.tr("所属月份"), self.period, "period")
        self.add_row(self.tr("内容"), self.content, "content")
        self.add_row(self.tr("工时"), self.hours, "hours")
        self.add_row(self.tr("关联会议"), self.meeting, "meeting_id")
        self.add_row(self.tr("关联民生事项"), self.issue, "issue_id")
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self.finish(data)

    def _on_kind_current_index_changed(self, _index: int) -> None:
        report = self.kind.value() is not LogKind.ENTRY
        self.period.setEnabled(report)
        for widget in (self.hours, self.meeting, self.issue):
            widget.setEnabled(not report)

    def load(self, data: WorkLogData) -> None:
        self.kind.set_value(data.kind)
        self.logged_on.setDate(to_qdate(data.logged_on))
        self.period.setText(data.period)
        self.content.setPlainText(data.content)
        self.hours.setValue(float(data.hours))
        with self._database.reader() as session:
            self.meeting.set_choice(meeting_choice(session, data.meeting_id))
            self.issue.set_choice(issue_choice(session, data.issue_id))
        self._on_kind_current_index_changed(0)

    def collect(self) -> WorkLogData:
        return WorkLogData(
            kind=self.kind.value() or LogKind.ENTRY,
            logged_on=from_qdate(self.logged_on.date()),
            period=self.period.text(),
            content=self.content.toPlainText(),
            hours=Decimal(str(round(self.hours.value(), 1))),
            issue_id=self.picked("issue_id", self.issue),
            meeting_id=self.picked("meeting_id", self.meeting),
        )


class EvaluationDialog(RecordDialog):
    """One side's evaluation for one period: grade, score, comment, evaluator, date."""

    def __init__(
        self, data: EvaluationData, *, new: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("新建评价") if new else self.tr("修改评价"), parent)
        self.side = EnumCombo(list(EvaluatorSide), self.tr("请选择"), self)
        self.period = EnumCombo(list(EvaluationPeriod), self.tr("请选择"), self)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.grade = EnumCombo(list(Grade), self.tr("请选择"), self)
        self.score = QLineEdit(self)
        self.score.setPlaceholderText(self.tr("0–100，可不填"))
        self.score.setMaxLength(6)
        self.comment = QPlainTextEdit(self)
        self.comment.setFixedHeight(90)
        self.comment.setTabChangesFocus(True)
        self.evaluator = QLineEdit(self)
        self.evaluator.setPlaceholderText(self.tr("例如 某某厅党组、街道党工委"))
        self.evaluated_on = date_edit(self)
        self.track(self.year, self.evaluated_on)
        self.add_row(self.tr("评价方"), self.side, "side")
        self.add_row(self.tr("评价类别"), self.period, "period")
        self.add_row(self.tr("年度"), self.year, "year")
        self.add_row(self.tr("等次"), self.grade, "grade")
        self.add_row(self.tr("得分"), self.score, "score")
        self.add_row(self.tr("评价意见"), self.comment, "comment")
        self.add_row(self.tr("评价单位"), self.evaluator, "evaluator")
        self.add_row(self.tr("评价日期"), self.evaluated_on, "evaluated_on")
        self.finish(data)

    def load(self, data: EvaluationData) -> None:
        self.side.set_value(data.side)
        self.period.set_value(data.period)
        self.year.setValue(data.year or date.today().year)
        self.grade.set_value(data.grade)
        self.score.setText(f"{data.score:.1f}" if data.score is not None else "")
        self.comment.setPlainText(data.comment)
        self.evaluator.setText(data.evaluator)
        self.evaluated_on.setDate(to_qdate(data.evaluated_on))

    def collect(self) -> EvaluationData:
        text = self.score.text().strip()
        score: Decimal | None = None
        if text:
            try:
                score = Decimal(text)
            except InvalidOperation:
                raise ValidationError(
                    "score",
                    Message(
                        "validation",
                        QT_TRANSLATE_NOOP("validation", "分数应为数字。"),
                    ),
                ) from None
        return EvaluationData(
            side=self.side.value(),
            period=self.period.value(),
            year=self.year.value(),
            grade=self.grade.value(),
            score=score,
            comment=self.comment.toPlainText(),
            evaluator=self.evaluator.text(),
            evaluated_on=from_qdate(self.evaluated_on.date()),
        )


class TermChangeDialog(RecordDialog):
    """延期 (a new, later end) or 提前结束 (the day it ended), with the reason the audit keeps.

    ``field`` is the error key of the date: ``ends_on`` for an extension, ``ended_on`` for an
    early end. The saver gets ``(date, reason)``.
    """

    def __init__(
        self, title: str, date_label: str, field: str, day: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self.day = date_edit(self)
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("必填，最多200字。将记入操作日志。"))
        self.reason.setFixedHeight(80)
        self.reason.setTabChangesFocus(True)
        self.track(self.day)
        self.add_row(date_label, self.day, field)
        self.add_row(self.tr("理由"), self.reason, "reason")
        self.finish(day)

    def load(self, data: date) -> None:
        self.day.setDate(to_qdate(data))

    def collect(self) -> tuple[date, str]:
        return from_qdate(self.day.date()), self.reason.toPlainText()
