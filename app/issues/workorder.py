"""The printable work order (工单) of an issue: its facts, the dispatches and the journal.

Same page, fonts and page numbers as the minutes (GB/T 9704 type area, fonts embedded):
the title 民生事项工单, a two-column table of the facts, then the dispatches (承办单位 /
状态 / 时限 / 报到 / 结果或退单理由) and the journal (时间 / 步骤 / 状态 / 说明), whose
headers repeat on every page. The reporter's phone is masked unless ``reveal_personal``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.issues.limits import due_cn, due_text
from app.issues.records import IssueDetail
from app.labels import label
from app.validation import mask_mobile

FACT_WIDTHS_MM = (32, 124)
DISPATCH_WIDTHS_MM = (32, 18, 28, 28, 50)
JOURNAL_WIDTHS_MM = (42, 24, 18, 72)
CELL_SIZE = 12.0


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
        ("办理时限", _due(d)),
        ("描述", data.description or "—"),
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


def _due(d: IssueDetail) -> str:
    """The due moment and the limit it was counted with ("2026年10月10日24时（3个工作日）")."""
    if d.due_at is None:
        return "—"
    limit = f"（{d.limit}）" if d.limit is not None else ""
    paused = "，计时暂停：异议审核中" if d.paused_at is not None else ""
    return due_cn(d.due_at) + limit + paused


def render_work_order(detail: IssueDetail, *, reveal_personal: bool = False) -> bytes:
    """The work order as the bytes of a PDF file."""
    from reportlab.lib.colors import HexColor, black
    from reportlab.platypus.tables import Table, TableStyle

    from app.exports.pdf.flowable import TextBlock, build_pdf
    from app.exports.pdf.fonts import font_set
    from app.exports.pdf.layout import LEADING, MM, SIZE_2, SIZE_3
    from app.exports.pdf.typeset import Run, TextStyle

    fonts = font_set()
    title_style = TextStyle(size=SIZE_2, leading=1.5 * SIZE_2, align="center", balance=True)
    heading_style = TextStyle(size=SIZE_3, leading=LEADING, align="left")
    cell = TextStyle(size=CELL_SIZE, leading=1.4 * CELL_SIZE, align="left")

    def text(value: str, font: str | None = None) -> Any:
        return TextBlock([Run(value, font or fonts.fangsong)], cell)

    def table(rows: Sequence[Sequence[str]], widths: Sequence[int], header: bool) -> Any:
        data = [
            [text(v, fonts.heiti if (header and r == 0) or (not header and c == 0) else None)
             for c, v in enumerate(row)]
            for r, row in enumerate(rows)
        ]  # fmt: skip
        made = Table(
            data,
            colWidths=[w * MM for w in widths],
            repeatRows=1 if header else 0,
            spaceBefore=0.3 * LEADING,
        )
        style = [
            ("FONT", (0, 0), (-1, -1), fonts.fangsong, CELL_SIZE),
            ("GRID", (0, 0), (-1, -1), 0.6, black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), HexColor("#F2F2F2")))
        else:
            style.append(("BACKGROUND", (0, 0), (0, -1), HexColor("#F2F2F2")))
        made.setStyle(TableStyle(style))
        return made

    def heading(value: str) -> Any:
        return TextBlock([Run(value, fonts.heiti)], heading_style, space_before=0.5 * LEADING)

    flowables: list[Any] = [
        TextBlock([Run("民生事项工单", fonts.title)], title_style),
        table(_facts(detail, reveal_personal), FACT_WIDTHS_MM, header=False),
    ]
    if detail.dispatches:
        rows: list[tuple[str, ...]] = [("承办单位", "状态", "时限", "报到", "结果/异议/退单理由")]
        for v in detail.dispatches:
            rows.append(
                (
                    v.unit_name + ("（主办）" if v.lead else "（协办）"),
                    label(v.status),
                    due_text(v.due_at) if v.due_at else "",
                    v.acknowledged_at.strftime("%m-%d %H:%M") if v.acknowledged_at else "",
                    v.return_reason if v.returned_at else v.objection_reason or v.result,
                )
            )
        flowables += [heading("派单情况"), table(rows, DISPATCH_WIDTHS_MM, header=True)]
    journal: list[tuple[str, ...]] = [("时间", "步骤", "状态", "说明")]
    for e in detail.events:
        status = label(e.to_status) if e.to_status else ""
        journal.append((e.at.strftime("%Y-%m-%d %H:%M"), e.action_label, status, e.note))
    flowables += [heading("办理记录"), table(journal, JOURNAL_WIDTHS_MM, header=True)]
    return build_pdf(flowables, title=f"民生事项工单 {detail.number}", fonts=fonts)


def write_work_order(detail: IssueDetail, path: Path, *, reveal_personal: bool = False) -> None:
    """Renders the work order and writes it atomically."""
    from app.exports.pdf.writing import atomic_write_bytes

    atomic_write_bytes(path, render_work_order(detail, reveal_personal=reveal_personal))
