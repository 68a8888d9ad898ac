"""The editor's first page, 基本信息: kind, title, session, times, place, host, chair, recorder
and the minutes' opening paragraph, and the 版记 (抄送, 印发机关) printed under them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from app.database import Database
from app.directory.choices import org_unit_choices, person_choice, person_choices
from app.enums import OrgLevel
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.localtime import BEIJING
from app.meetings.records import MeetingData

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from ui.widgets.fields import FieldErrors, error_label, field_box
from ui.widgets.pickers import ChoiceCombo, LookupEdit, lookup_in

HOSTS = (OrgLevel.STREET, OrgLevel.ZONE, OrgLevel.COMMUNITY, OrgLevel.DEPARTMENT)
DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
DEFAULT_LENGTH = timedelta(hours=2)
UTC_ZONE = QTimeZone(QTimeZone.Initialization.UTC)


def to_qdatetime(moment: datetime) -> QDateTime:
    """The wall-clock time as it reads (Beijing), independent of the PC's time zone."""
    return QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute),
        UTC_ZONE,
    )


def from_qdatetime(value: QDateTime) -> datetime:
    """A naive datetime, which the service reads as Beijing time."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def datetime_edit(parent: QWidget) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setTimeZone(UTC_ZONE)  # shows the stored wall-clock time, no DST surprises
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATETIME_FORMAT)
    return edit


def unmatched(key: str, text: str) -> ValidationError:
    return ValidationError(
        key,
        Message(
            "RecordDialog",
            QT_TRANSLATE_NOOP(
                "RecordDialog",
                "没有找到“{text}”。请输入名称中的几个字，再从列表中选择；不选请清空。",
            ),
            text=text.strip(),
        ),
    )


def picked(key: str, picker: ChoiceCombo | LookupEdit) -> str | None:
    if picker.is_unmatched():
        text = picker.currentText() if isinstance(picker, QComboBox) else picker.text()
        raise unmatched(key, text)
    return picker.value()


class BasicsPage(QWidget):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.errors = FieldErrors()
        self.kind = QComboBox(self)
        self.kind.setMinimumContentsLength(14)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("例如 宁海路街道北片区党建联盟协调议事会"))
        self.session_no = QSpinBox(self)
        self.session_no.setRange(0, 9999)
        self.session_no.setSpecialValueText(self.tr("不编号"))
        self.session_no.setPrefix(self.tr("第 "))
        self.session_no.setSuffix(self.tr(" 次"))
        self.starts_at = datetime_edit(self)
        self.has_end = QCheckBox(self.tr("结束时间"), self)
        self.ends_at = datetime_edit(self)
        self.has_end.toggled.connect(self.ends_at.setEnabled)
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("例如 街道党群服务中心三楼会议室"))
        self.host = ChoiceCombo(parent=self)
        self.host.set_placeholder(self.tr("主办的街道、片区、社区或科室"))
        self.chair = LookupEdit(lookup_in(self._database, person_choices), self)
        self.chair.setPlaceholderText(self.tr("输入姓名中的几个字，从列表中选择"))
        self.recorder = LookupEdit(lookup_in(self._database, person_choices), self)
        self.recorder.setPlaceholderText(self.tr("输入姓名中的几个字，从列表中选择"))
        self.summary = QPlainTextEdit(self)
        self.summary.setPlaceholderText(
            self.tr(
                "纪要的开头段落，例如：会议听取了各社区关于……的情况汇报，现将会议议定事项纪要如下："
            )
        )
        self.summary.setMinimumHeight(90)
        self.copy_to = QLineEdit(self)
        self.copy_to.setPlaceholderText(
            self.tr("纪要版记的抄送单位，用顿号或逗号隔开；不填则不印版记")
        )
        self.printed_by = QLineEdit(self)
        self.printed_by.setPlaceholderText(
            self.tr("例如 宁海路街道党工委办公室（与定稿日期一起印在版记）")
        )
        with database.reader() as session:
            self.host.set_choices(org_unit_choices(session, HOSTS))
        self._build()

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        self._row(form, self.tr("会议类型"), self.kind, "kind")
        self._row(form, self.tr("会议名称"), self.title, "title")
        self._row(form, self.tr("届次"), self.session_no, "session_no")
        times = QWidget(self)
        times_layout = QHBoxLayout(times)
        times_layout.setContentsMargins(0, 0, 0, 0)
        times_layout.addWidget(self.starts_at)
        times_layout.addSpacing(16)
        times_layout.addWidget(self.has_end)
        times_layout.addWidget(self.ends_at)
        times_layout.addStretch(1)
        starts_error = error_label(self)
        ends_error = error_label(self)
        self.errors.add(starts_error, self.starts_at, "starts_at")
        self.errors.add(ends_error, self.ends_at, "ends_at")
        box = field_box(self, times, starts_error)
        if (box_layout := box.layout()) is not None:
            box_layout.addWidget(ends_error)
        label = QLabel(self.tr("开始时间"), self)
        label.setBuddy(self.starts_at)
        form.addRow(label, box)
        self._row(form, self.tr("地点"), self.place, "place")
        self._row(form, self.tr("主办"), self.host, "host_org_unit_id")
        self._row(form, self.tr("主持人"), self.chair, "chair_id")
        self._row(form, self.tr("记录人"), self.recorder, "recorder_id")
        self._row(form, self.tr("开头段落"), self.summary, "summary")
        self._row(form, self.tr("抄送"), self.copy_to, "copy_to")
        self._row(form, self.tr("印发机关"), self.printed_by, "printed_by")

    def _row(self, form: QFormLayout, text: str, widget: QWidget, *keys: str) -> None:
        error = error_label(self)
        self.errors.add(error, widget, *keys)
        label = QLabel(text, self)
        label.setBuddy(widget)
        form.addRow(label, field_box(self, widget, error))

    # loading and reading back

    def set_kinds(self, kinds: list[str], current: str) -> None:
        self.kind.clear()
        self.kind.addItems(kinds)
        if current and current not in kinds:  # a kind taken off the list since: keep it
            self.kind.addItem(current)
        self.kind.setCurrentIndex(self.kind.findText(current) if current else -1)

    def load(self, data: MeetingData) -> None:
        self.kind.setCurrentIndex(self.kind.findText(data.kind) if data.kind else -1)
        self.title.setText(data.title)
        self.session_no.setValue(data.session_no or 0)
        starts = data.starts_at or default_start()
        self.starts_at.setDateTime(to_qdatetime(starts))
        self.has_end.setChecked(data.ends_at is not None)
        self.ends_at.setEnabled(data.ends_at is not None)
        self.ends_at.setDateTime(to_qdatetime(data.ends_at or starts + DEFAULT_LENGTH))
        self.place.setText(data.place)
        self.host.set_value(data.host_org_unit_id)
        with self._database.reader() as session:
            self.chair.set_choice(person_choice(session, data.chair_id or ""))
            self.recorder.set_choice(person_choice(session, data.recorder_id or ""))
        self.summary.setPlainText(data.summary)
        self.copy_to.setText(data.copy_to)
        self.printed_by.setText(data.printed_by)

    def collect(self) -> MeetingData:
        return MeetingData(
            kind=self.kind.currentText(),
            title=self.title.text(),
            session_no=self.session_no.value() or None,
            starts_at=from_qdatetime(self.starts_at.dateTime()),
            ends_at=from_qdatetime(self.ends_at.dateTime()) if self.has_end.isChecked() else None,
            place=self.place.text(),
            host_org_unit_id=picked("host_org_unit_id", self.host),
            chair_id=picked("chair_id", self.chair),
            recorder_id=picked("recorder_id", self.recorder),
            summary=self.summary.toPlainText(),
            copy_to=self.copy_to.text(),
            printed_by=self.printed_by.text(),
        )

    def state(self) -> tuple[Any, ...]:
        """What is entered, as typed, for telling whether anything changed."""
        return (
            self.kind.currentText(),
            self.title.text(),
            self.session_no.value(),
            from_qdatetime(self.starts_at.dateTime()),
            self.has_end.isChecked(),
            from_qdatetime(self.ends_at.dateTime()) if self.has_end.isChecked() else None,
            self.place.text(),
            self.host.currentText(),
            self.chair.text(),
            self.recorder.text(),
            self.summary.toPlainText(),
            self.copy_to.text(),
            self.printed_by.text(),
        )

    def inputs(self) -> list[QWidget]:
        return [
            self.kind,
            self.title,
            self.session_no,
            self.starts_at,
            self.has_end,
            self.ends_at,
            self.place,
            self.host,
            self.chair,
            self.recorder,
            self.summary,
            self.copy_to,
            self.printed_by,
        ]

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.inputs():
            widget.setEnabled(not read_only)
        if not read_only:
            self.ends_at.setEnabled(self.has_end.isChecked())


def default_start() -> datetime:
    """A new meeting: tomorrow at 14:30, Beijing time."""
    tomorrow = datetime.now(BEIJING).date() + timedelta(days=1)
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, 14, 30)
