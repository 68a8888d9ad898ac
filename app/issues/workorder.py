"""The printable work order (工单) of an issue: what its head says, and where it is written.

The facts (编号, 事项, 状态 …) as label/value rows in the words of the printed page, laid out
with the description, the dispatches and the journal by ``app.exports.pdf.workorder``. The
reporter's phone shows as the issue's detail holds it: masked unless the operator may see it
(app/access.py); printing it unmasked is audited.
"""

from __future__ import annotations

from pathlib import Path

from app.access import Use, record_disclosure, reveals_personal_data
from app.database import Database
from app.issues.detail import issue_detail
from app.issues.due import due_text
from app.issues.records import IssueDetail
from app.labels import label


def _facts(d: IssueDetail) -> list[tuple[str, str]]:
    data = d.data
    reporter = "　".join(x for x in (data.reporter_name, data.reporter_phone) if x)
    place = " / ".join(x for x in (d.community_name, d.grid_name) if x)
    rows = [
        ("编号", d.number),
        ("事项", data.title),
        ("状态", label(d.status)),
        ("来源", label(data.source)),
        ("类别", d.category_name or "—"),
        ("社区/网格", place or "—"),
        ("地址", data.address or "—"),
        ("反映人", reporter or "—"),
        ("登记时间", d.reported_at.strftime("%Y-%m-%d %H:%M")),
        ("办理时限", _due(d)),
    ]
    if data.entered_by:
        rows.append(("代录", data.entered_by))
    if d.meeting_title:
        rows.append(("来源会议", d.meeting_title))
    if d.merged_into_number:
        rows.append(("并单", f"已并入{d.merged_into_number}"))
    if len(d.complainants) > 1:
        names = "、".join(c.name or c.number for c in d.complainants)
        rows.append(("并单反映人", f"{len(d.complainants)}位：{names}"))
    if d.escalated:
        rows.append(("问题工单", d.escalation_reason))
    if d.supervised:
        rows.append(("督办", d.supervision_note or "是"))
    if d.satisfaction is not None:
        rows.append(("满意度", label(d.satisfaction)))
    if d.reopen_count:
        rows.append(("重新办理", f"{d.reopen_count}次"))
    return rows


def work_order(database: Database, issue_id: str) -> tuple[IssueDetail, bytes]:
    """An issue's work order as the operator may see it, and the detail it shows."""
    with database.reader() as session:
        detail = issue_detail(session, issue_id)
    pdf = render_work_order(detail)
    if detail.data.reporter_phone and reveals_personal_data(database.operator, Use.DOCUMENT):
        with database.session() as session:
            record_disclosure(session, "print", "issues", issue_id, number=detail.number)
    return detail, pdf


def _due(d: IssueDetail) -> str:
    """The due moment and the limit it was counted with ("2026-10-10 24:00（3个工作日）")."""
    if d.due_at is None:
        return "—"
    limit = f"（{d.limit}）" if d.limit is not None else ""
    paused = "，计时暂停：异议审核中" if d.paused_at is not None else ""
    return due_text(d.due_at) + limit + paused


def render_work_order(detail: IssueDetail) -> bytes:
    """The work order as the bytes of a PDF file (laid out by ``app.exports.pdf.workorder``)."""
    from app.exports.pdf.workorder import render_work_order as render

    return render(detail, _facts(detail))


def write_work_order(database: Database, issue_id: str, path: Path) -> None:
    """Renders the work order and writes it atomically."""
    from app.exports.pdf.writing import atomic_write_bytes

    atomic_write_bytes(path, work_order(database, issue_id)[1])
