"""The printable work order (工单) of an issue: what its head says, and where it is written.

The facts (编号, 事项, 状态 …) as label/value rows in the words of the printed page, laid out
with the description, the dispatches and the journal by ``app.exports.pdf.workorder``. The
reporter's phone is masked unless ``reveal_personal``.
"""

from __future__ import annotations

from pathlib import Path

from app.issues.records import IssueDetail
from app.labels import label
from app.validation import mask_mobile


def _facts(d: IssueDetail, reveal_personal: bool) -> list[tuple[str, str]]:
    data = d.data
    phone = data.reporter_phone if reveal_personal else mask_mobile(data.reporter_phone)
    reporter = "　".join(x for x in (data.reporter_name, phone) if x)
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
        ("办理时限", d.deadline.isoformat() if d.deadline else "—"),
    ]
    if d.meeting_title:
        rows.append(("来源会议", d.meeting_title))
    if d.supervised:
        rows.append(("督办", d.supervision_note or "是"))
    if d.satisfaction is not None:
        rows.append(("满意度", label(d.satisfaction)))
    if d.reopen_count:
        rows.append(("重新办理", f"{d.reopen_count}次"))
    return rows


def render_work_order(detail: IssueDetail, *, reveal_personal: bool = False) -> bytes:
    """The work order as the bytes of a PDF file (laid out by ``app.exports.pdf.workorder``)."""
    from app.exports.pdf.workorder import render_work_order as render

    return render(detail, _facts(detail, reveal_personal))


def write_work_order(detail: IssueDetail, path: Path, *, reveal_personal: bool = False) -> None:
    """Renders the work order and writes it atomically."""
    from app.exports.pdf.writing import atomic_write_bytes

    atomic_write_bytes(path, render_work_order(detail, reveal_personal=reveal_personal))
