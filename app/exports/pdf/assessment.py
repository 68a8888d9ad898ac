"""The end-of-term assessment (干部挂职鉴定表) of a posting.

The same page, fonts and form table as the two-way evaluation form (see :mod:`evaluation`):
the posting's facts, the work on record (months, work records and hours, monthly attendance
and duty reports), room for the cadre's own summary, the host unit's and the home unit's
end-of-term opinions, and the organisation department's opinion with room to sign and seal.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus.flowables import Flowable

from app.exports.pdf.evaluation import add_facts, add_opinion, form_info, heading
from app.exports.pdf.flowable import build_pdf
from app.exports.pdf.fonts import FontSet, font_set
from app.exports.pdf.forms import BLANK_DATE, CELL_JUSTIFY, ROW_HEIGHT, FormTable
from app.exports.pdf.layout import MM
from app.exports.pdf.text import plain_number
from app.exports.pdf.writing import atomic_write_bytes
from app.secondments.documents import AssessmentForm

ASSESSMENT_TITLE = "干部挂职鉴定表"
SUMMARY_HEIGHT = 90 * MM  # a handwritten summary: page 1 ends with it


def record_text(form: AssessmentForm) -> str:
    return (
        f"挂职{form.months}个月，登记工作记录{form.entries}条，"
        f"累计{plain_number(form.hours)}小时；"
        f"月度考勤报告{form.attendance_reports}份，履职报告{form.duty_reports}份。"
    )


def assessment_flowables(form: AssessmentForm, fonts: FontSet) -> list[Flowable]:
    table = FormTable(fonts)
    add_facts(table, form.facts)
    table.wide("工作实绩", table.value(record_text(form), CELL_JUSTIFY), 2 * ROW_HEIGHT)
    table.wide("个人总结", "", SUMMARY_HEIGHT)
    add_opinion(table, form.host, "挂职单位鉴定意见")
    add_opinion(table, form.home, "派出单位意见")
    table.section("组织部门意见")
    table.signed("意见", "", "", BLANK_DATE)
    return [*heading(ASSESSMENT_TITLE, form.facts.kind, fonts), *table.flowables()]


def render_assessment_form(form: AssessmentForm) -> bytes:
    """The 挂职鉴定表 as the bytes of a PDF file."""
    fonts = font_set()
    info = form_info(ASSESSMENT_TITLE, form.facts)
    return build_pdf(assessment_flowables(form, fonts), info=info, fonts=fonts)


def write_assessment_form(form: AssessmentForm, path: Path) -> None:
    atomic_write_bytes(path, render_assessment_form(form))
