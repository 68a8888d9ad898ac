"""Names people know for the tables and fields a conflict shows."""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP

CONTEXT = "exchange"  # the context the names below are marked in, to translate them in

TABLES = {
    "issues": QT_TRANSLATE_NOOP("exchange", "民生事项"),
    "meetings": QT_TRANSLATE_NOOP("exchange", "会议"),
    "people": QT_TRANSLATE_NOOP("exchange", "人员"),
    "dispatches": QT_TRANSLATE_NOOP("exchange", "派单"),
    "agreements": QT_TRANSLATE_NOOP("exchange", "共建协议"),
    "fulfilment_records": QT_TRANSLATE_NOOP("exchange", "履约记录"),
    "postings": QT_TRANSLATE_NOOP("exchange", "干部下沉"),
}
FIELDS = {
    "title": QT_TRANSLATE_NOOP("exchange", "标题"),
    "name": QT_TRANSLATE_NOOP("exchange", "名称"),
    "status": QT_TRANSLATE_NOOP("exchange", "状态"),
    "description": QT_TRANSLATE_NOOP("exchange", "情况描述"),
    "deadline": QT_TRANSLATE_NOOP("exchange", "办理时限"),
    "address": QT_TRANSLATE_NOOP("exchange", "地址"),
    "reporter_name": QT_TRANSLATE_NOOP("exchange", "反映人"),
    "reporter_phone": QT_TRANSLATE_NOOP("exchange", "联系电话"),
    "priority": QT_TRANSLATE_NOOP("exchange", "紧急程度"),
    "place": QT_TRANSLATE_NOOP("exchange", "地点"),
    "starts_at": QT_TRANSLATE_NOOP("exchange", "开始时间"),
    "summary": QT_TRANSLATE_NOOP("exchange", "摘要"),
    "note": QT_TRANSLATE_NOOP("exchange", "备注"),
    "deleted_at": QT_TRANSLATE_NOOP("exchange", "删除时间"),
    "resolved_at": QT_TRANSLATE_NOOP("exchange", "办结时间"),
    "mobile": QT_TRANSLATE_NOOP("exchange", "手机"),
    "participants": QT_TRANSLATE_NOOP("exchange", "参加人数"),
    "held_on": QT_TRANSLATE_NOOP("exchange", "开展日期"),
}
