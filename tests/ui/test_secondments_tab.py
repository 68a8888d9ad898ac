"""The secondments tab driven as a user would: a posting, its logs, both evaluations, an early
end, the filters, printing and the annual assessment."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from app.database import Database
from app.directory import service as directory
from app.directory.choices import Choice
from app.directory.records import OrgUnitData, PersonData, ResidentUnitData
from app.localtime import BEIJING
from app.meetings import service as meetings
from app.meetings.kinds import DEFAULT_KINDS
from app.meetings.records import MeetingData
from app.secondments import evaluations, reminders, service
from app.secondments.lists import PostingList
from app.secondments.records import EvaluationData, PostingData
from db.models.directory import OrgLevel, UnitCategory
from db.models.secondments import (
    EvaluationPeriod,
    EvaluatorSide,
    Grade,
    LogKind,
    Posting,
    PostingKind,
    PostingStatus,
)
from tests.ui.conftest import UnsavedQuestions
from tests.ui.keys import type_text

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from ui.secondments.assessment import AssessmentDialog
from ui.secondments.detail import DISAGREEMENT_FILL
from ui.secondments.dialogs import (
    EvaluationDialog,
    PostingDialog,
    TermChangeDialog,
    WorkLogDialog,
    join_place,
)
from ui.secondments.tab import SecondmentsTab
from ui.tab import TabContext
from ui.widgets.record_dialog import RecordDialog
from ui.widgets.unsaved import Answer

TODAY = date(2026, 11, 28)
No = QMessageBox.StandardButton.No
Yes = QMessageBox.StandardButton.Yes


@pytest.fixture
def world(database: Database) -> dict[str, str]:
    with database.session() as s:
        street = directory.org_units.create(s, OrgUnitData("建宁路街道", OrgLevel.STREET)).id
        department = directory.org_units.create(
            s, OrgUnitData("城市管理科", OrgLevel.DEPARTMENT, street)
        ).id
        community = directory.org_units.create(
            s, OrgUnitData("安乐村社区", OrgLevel.COMMUNITY, street)
        ).id
        grid = directory.org_units.create(s, OrgUnitData("第一网格", OrgLevel.GRID, community)).id
        organ = directory.resident_units.create(
            s, ResidentUnitData("江苏省住房和城乡建设厅", UnitCategory.PROVINCIAL_ORGAN)
        ).id
        cadre = directory.people.create(s, PersonData("王喆", post="副处长")).id
        chief = directory.people.create(s, PersonData("李堃", post="科长")).id
        ending = service.create_posting(
            s,
            PostingData(
                person_id=chief,
                kind=PostingKind.FIRST_COMMUNITY_HEAD,
                home_org_unit_id=department,
                host_org_unit_id=grid,
                host_post="第一社长",
                starts_on=date(2025, 12, 20),
                ends_on=date(2026, 12, 20),
            ),
            TODAY,
        )
    return {
        "street": street,
        "department": department,
        "grid": grid,
        "organ": organ,
        "cadre": cadre,
        "chief": chief,
        "ending": ending,
    }


@pytest.fixture
def tab(context: TabContext, world: dict[str, str], qtbot: Any) -> SecondmentsTab:
    page = SecondmentsTab(context, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    with qtbot.waitActive(page):  # shortcuts (Ctrl+S) work in the active window only
        page.show()
    return page


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> Any:
        texts.append(text)
        return Yes if "删除" in text else No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return texts


def open_dialog(tab: SecondmentsTab, kind: type[RecordDialog], qtbot: Any) -> Any:
    dialog = tab.dialog
    assert isinstance(dialog, kind) and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)  # for its shortcuts (Ctrl+S, Esc)
    return dialog


def cross_posting(database: Database, world: dict[str, str], start: date, end: date) -> str:
    """王喆 from the provincial department to the street's department, for the dates given."""
    with database.session() as s:
        return service.create_posting(
            s,
            PostingData(
                person_id=world["cadre"],
                kind=PostingKind.CROSS,
                home_unit_id=world["organ"],
                host_org_unit_id=world["department"],
                host_post="副科长",
                starts_on=start,
                ends_on=end,
            ),
            TODAY,
        )


def save(qtbot: Any, dialog: RecordDialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S


def test_create_a_posting_errors_at_the_field_then_saves(
    tab: SecondmentsTab, world: dict[str, str], qtbot: Any, unsaved: UnsavedQuestions
) -> None:
    tab.new_record()
    dialog = open_dialog(tab, PostingDialog, qtbot)
    dialog.person.set_choice(Choice(world["cadre"], "王喆（副处长）"))
    dialog.kind.set_value(PostingKind.CROSS)
    dialog.home.set_value(join_place(world["organ"], None))
    dialog.host.set_value(join_place(None, world["department"]))
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "请填写挂职岗位" in dialog.error_text("host_post")

    qtbot.waitUntil(dialog.marker.isVisible)  # something was typed: the marker says so
    unsaved.answers.append(Answer.CANCEL)
    dialog.reject()  # the guard asks, and 取消 keeps the dialog open
    assert unsaved == [""] and dialog.isVisible()

    type_text(dialog.host_post, "城市管理科副科长（挂职）")
    assert dialog.error_text("host_post") == ""
    dialog.starts_on.setDate(QDate(2026, 3, 1))
    dialog.ends_on.setDate(QDate(2026, 2, 1))
    save(qtbot, dialog)
    assert "不能早于开始日期" in dialog.error_text("ends_on")
    dialog.ends_on.setDate(QDate(2027, 2, 28))
    save(qtbot, dialog)
    assert not dialog.isVisible()

    detail = tab.detail.detail
    assert detail is not None and detail.person_name == "王喆"
    assert detail.status is PostingStatus.ACTIVE
    assert tab.model.rowCount() == 2
    assert tab.detail.title.text().startswith("王喆")


def test_first_community_head_needs_a_grid(
    tab: SecondmentsTab, world: dict[str, str], qtbot: Any
) -> None:
    tab.new_record()
    dialog = open_dialog(tab, PostingDialog, qtbot)
    dialog.person.set_choice(Choice(world["cadre"], "王喆（副处长）"))
    dialog.kind.set_value(PostingKind.FIRST_COMMUNITY_HEAD)
    dialog.home.set_value(join_place(None, world["department"]))
    dialog.host.set_value(join_place(world["organ"], None))
    dialog.host_post.setText("第一社长")
    save(qtbot, dialog)
    assert "第一社长须选择所下沉的网格" in dialog.error_text("host_org_unit_id")
    assert not dialog.mentor.isEnabled()
    dialog.kind.set_value(PostingKind.MENTORING)
    assert dialog.mentor.isEnabled()


def test_work_logs_and_monthly_reports(
    tab: SecondmentsTab, world: dict[str, str], qtbot: Any, asked: list[str]
) -> None:
    assert tab.panel.select_id(world["ending"])
    with tab.database.session() as s:
        meeting = meetings.create_meeting(
            s,
            MeetingData(
                kind=DEFAULT_KINDS[0],
                title="安乐村停车难协调会",
                starts_at=datetime(2026, 11, 3, 14, 30, tzinfo=BEIJING),
            ),
        )
    tab.detail.buttons["new_log"].click()
    dialog = open_dialog(tab, WorkLogDialog, qtbot)
    dialog.logged_on.setDate(QDate(2026, 11, 3))
    dialog.hours.setValue(3.5)
    save(qtbot, dialog)
    assert "请填写工作内容" in dialog.error_text("content")
    dialog.content.setPlainText("参加协调会，汇报网格停车情况")
    dialog.meeting.setText("不存在的会")
    save(qtbot, dialog)
    assert "没有找到“不存在的会”" in dialog.error_text("meeting_id")
    assert [c.id for c in dialog.meeting.lookup("停车")] == [meeting]
    dialog.meeting.set_choice(dialog.meeting.lookup("停车")[0])
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert tab.detail.log_table.rowCount() == 1
    assert tab.detail.log_table.item(0, 2).text() == "3.5"
    assert tab.detail.log_table.item(0, 3).text() == "安乐村停车难协调会"

    tab.detail.buttons["new_log"].click()
    dialog = open_dialog(tab, WorkLogDialog, qtbot)
    dialog.kind.set_value(LogKind.ATTENDANCE_REPORT)
    assert dialog.period.isEnabled() and not dialog.hours.isEnabled()
    dialog.logged_on.setDate(QDate(2026, 11, 2))
    dialog.period.setText("2026-10")
    dialog.content.setPlainText("本月应出勤22天，实际出勤22天。")
    save(qtbot, dialog)
    assert not dialog.isVisible()

    months = tab.detail.month_table
    october = next(r for r in range(months.rowCount()) if months.item(r, 0).text() == "2026-10")
    assert months.item(october, 1).text().startswith("已报")
    assert months.item(october, 2).text().startswith("未交")  # the duty report is late
    assert "月度报告未交" in tab.detail.warning.text()

    tab.detail.log_table.selectRow(0)
    tab.detail.buttons["delete_log"].click()
    assert tab.detail.log_table.rowCount() == 1


def test_both_evaluations_side_by_side_with_the_disagreement(
    tab: SecondmentsTab, world: dict[str, str], qtbot: Any
) -> None:
    assert tab.panel.select_id(world["ending"])
    for side, grade, score in (
        (EvaluatorSide.HOME, Grade.EXCELLENT, "94"),
        (EvaluatorSide.HOST, Grade.BASICALLY_COMPETENT, "68"),
    ):
        tab.detail.buttons["new_evaluation"].click()
        dialog = open_dialog(tab, EvaluationDialog, qtbot)
        dialog.side.set_value(side)
        dialog.period.set_value(EvaluationPeriod.ANNUAL)
        dialog.year.setValue(2026)
        dialog.grade.set_value(grade)
        dialog.score.setText("abc")
        dialog.evaluated_on.setDate(QDate(2026, 11, 20))
        save(qtbot, dialog)
        assert "分数应为数字" in dialog.error_text("score")
        dialog.score.setText(score)
        save(qtbot, dialog)
        assert "请填写评价人" in dialog.error_text("evaluator")
        dialog.evaluator.setText("建宁路街道党工委")
        save(qtbot, dialog)
        assert not dialog.isVisible()

    table = tab.detail.evaluation_table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(7)] == [
        "年度", "2026", "优秀", "94.0", "基本称职", "68.0", "差异较大，请核实"
    ]  # fmt: skip
    assert table.item(0, 0).background().color() == DISAGREEMENT_FILL

    # a second evaluation by the same side for the same period is refused at the field
    tab.detail.buttons["new_evaluation"].click()
    dialog = open_dialog(tab, EvaluationDialog, qtbot)
    dialog.side.set_value(EvaluatorSide.HOME)
    dialog.period.set_value(EvaluationPeriod.ANNUAL)
    dialog.year.setValue(2026)
    dialog.grade.set_value(Grade.COMPETENT)
    dialog.evaluator.setText("厅党组")
    save(qtbot, dialog)
    assert "派出单位已有2026年的年度评价" in dialog.error_text("period")
    dialog.done(0)

    table.selectRow(0)
    tab.detail.buttons["edit_host"].click()
    dialog = open_dialog(tab, EvaluationDialog, qtbot)
    assert dialog.grade.value() is Grade.BASICALLY_COMPETENT
    dialog.grade.set_value(Grade.COMPETENT)
    dialog.score.setText("88")
    save(qtbot, dialog)
    assert table.item(0, 6).text() == ""


def test_early_end_needs_a_reason(tab: SecondmentsTab, world: dict[str, str], qtbot: Any) -> None:
    assert tab.panel.select_id(world["ending"])
    assert tab.detail.buttons["end_early"].isEnabled()
    tab.detail.buttons["end_early"].click()
    dialog = open_dialog(tab, TermChangeDialog, qtbot)
    dialog.day.setDate(QDate(2026, 11, 20))
    save(qtbot, dialog)
    assert "请说明提前结束的理由" in dialog.error_text("reason")
    dialog.day.setDate(QDate(2026, 12, 25))
    dialog.reason.setPlainText("因工作调整提前结束挂职")
    save(qtbot, dialog)
    assert "应早于原结束日期" in dialog.error_text("ended_on")
    dialog.day.setDate(QDate(2026, 11, 20))
    save(qtbot, dialog)
    assert not dialog.isVisible()
    detail = tab.detail.detail
    assert detail is not None and detail.status is PostingStatus.ENDED_EARLY
    assert detail.ends_on == date(2026, 11, 20)
    facts = tab.detail.facts.text()
    assert "原定期限：2025-12-20 至 2026-12-20" in facts
    assert "2026-11-20 提前结束，理由：因工作调整提前结束挂职" in facts
    assert not tab.detail.buttons["end_early"].isEnabled()
    assert not tab.detail.buttons["extend"].isEnabled()


def test_extension(tab: SecondmentsTab, world: dict[str, str], qtbot: Any) -> None:
    keys = [column.key for column in PostingList.columns]

    def ends() -> list[object]:
        """原定结束 and 结束 of the list's row."""
        cells = (tab.model.index(0, keys.index(key)) for key in ("planned_ends_on", "ends_on"))
        return [tab.model.data(index) for index in cells]

    assert ends() == ["", "2026-12-20"]  # a term as planned leaves 原定结束 blank
    assert tab.panel.select_id(world["ending"])
    tab.detail.buttons["extend"].click()
    dialog = open_dialog(tab, TermChangeDialog, qtbot)
    dialog.day.setDate(QDate(2027, 6, 20))
    dialog.reason.setPlainText("工作需要，延期6个月")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    detail = tab.detail.detail
    assert detail is not None and detail.status is PostingStatus.EXTENDED
    assert "延期" in tab.detail.title.text()
    facts = tab.detail.facts.text()
    assert "原定期限：2025-12-20 至 2026-12-20" in facts
    assert "延期至 2027-06-20，理由：工作需要，延期6个月" in facts
    assert ends() == ["2026-12-20", "2027-06-20"]  # the list shows both ends now


def test_a_term_moved_without_a_reason_still_shows_its_end(
    tab: SecondmentsTab, world: dict[str, str], database: Database
) -> None:
    with database.session() as s:  # data from before the reasons were kept
        posting = s.get(Posting, world["ending"])
        assert posting is not None
        posting.planned_ends_on = date(2026, 6, 20)
    tab.refresh()
    assert tab.panel.select_id(world["ending"])
    facts = tab.detail.facts.text()
    assert "原定期限：2025-12-20 至 2026-06-20\n现结束日期：2026-12-20" in facts


def test_at_the_first_build_the_posting_and_the_reminders_follow_the_list(
    context: TabContext, world: dict[str, str], qtbot: Any
) -> None:
    page = SecondmentsTab(context, today=TODAY)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1 and page.panel.current_id() == world["ending"]
    assert page.detail.detail is None and page.banner.text() == ""  # read once it shows
    qtbot.waitUntil(lambda: "30天内到期：1项" in page.banner.text())  # off the GUI thread
    assert page.detail.detail is not None and page.detail.detail.person_name == "李堃"


def test_reminders_that_cannot_be_read_say_so_and_the_list_stands(
    context: TabContext, world: dict[str, str], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(*_args: object) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(reminders, "reminders", unreadable)
    page = SecondmentsTab(context, today=TODAY)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: "提醒暂时读不出来" in page.banner.text())
    assert page.model.rowCount() == 1


def test_filters_reminders_and_search(
    tab: SecondmentsTab, world: dict[str, str], database: Database, qtbot: Any
) -> None:
    cross_posting(database, world, date(2026, 3, 1), date(2027, 2, 28))
    tab.refresh()
    assert tab.model.rowCount() == 2
    assert "30天内到期：1项" in tab.banner.text()
    ending = tab.filters["ending_within"]
    ending.setCurrentIndex(ending.findData(30))
    assert tab.model.rowCount() == 1
    ending.setCurrentIndex(ending.findText("下月到期"))  # December, seen on 28 November
    assert tab.model.rowCount() == 1
    assert tab.panel.table.model().index(0, 0).data() == "李堃"
    ending.setCurrentIndex(0)
    kind = tab.filters["kind"]
    kind.setCurrentIndex(kind.findText("交叉挂职"))
    assert tab.model.rowCount() == 1
    kind.setCurrentIndex(0)
    tab.panel.search.setText("网格")
    tab.panel.search.returnPressed.emit()
    assert tab.model.rowCount() == 1
    assert tab.panel.table.model().index(0, 0).data() == "李堃"


def test_print_preview_gets_the_forms(
    tab: SecondmentsTab, world: dict[str, str], database: Database, monkeypatch: Any
) -> None:
    previews: list[tuple[bytes, str]] = []
    monkeypatch.setattr(tab, "_preview", lambda data, title: previews.append((data, title)))
    assert tab.panel.select_id(world["ending"])
    with database.session() as s:
        evaluations.add_evaluation(
            s,
            world["ending"],
            EvaluationData(
                EvaluatorSide.HOME,
                EvaluationPeriod.MID_TERM,
                2026,
                Grade.EXCELLENT,
                Decimal(95),
                "好",
                "党工委",
                date(2026, 6, 30),
            ),  # fmt: skip
        )
    tab.refresh()
    tab.print_current()  # Ctrl+P: the two-way evaluation form of the selected period
    tab.detail.buttons["print_assessment"].click()
    assert [title for _, title in previews] == [
        "李堃双向评价表（2026年中期）",
        "李堃挂职鉴定表",
    ]
    assert all(data.startswith(b"%PDF") for data, _ in previews)


def test_the_real_preview_dialog_opens(
    tab: SecondmentsTab, world: dict[str, str], qtbot: Any, monkeypatch: Any
) -> None:
    from ui.printing import preview

    shown: list[str] = []
    monkeypatch.setattr(
        preview.PdfPrintPreview, "exec", lambda self: shown.append(self.windowTitle())
    )
    assert tab.panel.select_id(world["ending"])
    tab.print_assessment()
    assert shown == ["打印预览 — 李堃挂职鉴定表"]


def test_annual_assessment_dialog(
    tab: SecondmentsTab, world: dict[str, str], database: Database, qtbot: Any
) -> None:
    with database.session() as s:
        for side, grade in ((EvaluatorSide.HOME, Grade.EXCELLENT),
                            (EvaluatorSide.HOST, Grade.BASICALLY_COMPETENT)):  # fmt: skip
            evaluations.add_evaluation(
                s,
                world["ending"],
                EvaluationData(
                    side, EvaluationPeriod.ANNUAL, 2026, grade, None, "", "党委", date(2026, 11, 20)
                ),  # fmt: skip
            )
    dialog = AssessmentDialog(database, 2026, tab)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "李堃"
    assert dialog.table.item(0, 7).text() == "差异较大"
    assert "1处两方差异较大" in dialog.summary.text()
    dialog.year.setValue(2025)
    assert dialog.table.rowCount() == 0


def test_undo_and_redo(
    tab: SecondmentsTab, world: dict[str, str], context: TabContext, qtbot: Any, asked: list[str]
) -> None:
    stack = context.undo_stack
    assert tab.panel.select_id(world["ending"])
    tab.detail.buttons["new_log"].click()
    dialog = open_dialog(tab, WorkLogDialog, qtbot)
    dialog.logged_on.setDate(QDate(2026, 11, 3))
    dialog.content.setPlainText("现场办公")
    save(qtbot, dialog)
    assert tab.detail.log_table.rowCount() == 1 and stack.undoText() == "新建工作记录"
    stack.undo()
    assert tab.detail.log_table.rowCount() == 0
    stack.redo()
    assert tab.detail.log_table.rowCount() == 1

    tab.detail.buttons["edit"].click()
    dialog = open_dialog(tab, PostingDialog, qtbot)
    dialog.host_post.setText("第一社长（兼）")
    save(qtbot, dialog)
    assert stack.undoText() == "修改挂职“李堃”"
    stack.undo()
    assert tab.detail.detail is not None and tab.detail.detail.data.host_post == "第一社长"
    stack.redo()
    assert tab.detail.detail is not None and tab.detail.detail.data.host_post == "第一社长（兼）"

    tab.delete_selected()
    assert tab.model.rowCount() == 0 and stack.undoText() == "删除挂职“李堃”"
    stack.undo()
    assert tab.model.rowCount() == 1


def test_save_a_form_as_pdf(
    tab: SecondmentsTab, world: dict[str, str], tmp_path: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "鉴定表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    assert tab.panel.select_id(world["ending"])
    assert tab.save_form("assessment") == target
    assert target.read_bytes().startswith(b"%PDF")
    assert tab.detail.buttons["save_pdf"].menu() is not None


def test_the_detail_buttons_stay_put_when_the_reminder_shows(
    tab: SecondmentsTab, world: dict[str, str], database: Database
) -> None:
    """A posting with missing reports shows the yellow reminder, a planned one does not; the
    posting's buttons keep their place from one to the other."""
    top = ("edit", "extend", "end_early", "delete", "print_evaluation", "print_assessment",
           "save_pdf")  # fmt: skip
    planned = cross_posting(database, world, date(2027, 3, 1), date(2028, 2, 29))
    tab.refresh()
    detail = tab.detail
    places = {}
    for posting in (world["ending"], planned):
        assert tab.panel.select_id(posting)
        detail.layout().activate()
        detail.body.layout().activate()
        places[posting] = {
            key: detail.buttons[key].mapTo(detail, detail.buttons[key].rect().topLeft()).y()
            for key in top
        }
        places[posting]["warning"] = detail.warning.isVisible()  # type: ignore[assignment]
    assert places[world["ending"]].pop("warning") and not places[planned].pop("warning")
    assert places[world["ending"]] == places[planned]


def test_a_double_click_opens_the_posting(
    tab: SecondmentsTab, world: dict[str, str], qtbot: Any
) -> None:
    assert tab.panel.select_id(world["ending"])
    table = tab.panel.table
    centre = table.visualRect(table.currentIndex()).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    dialog = open_dialog(tab, PostingDialog, qtbot)
    assert dialog.windowTitle() == "修改挂职"  # the posting shown, not a new one
    assert dialog.ends_on.date() == QDate(2026, 12, 20)
