"""The Chinese names of every stored code, marked for translation (context "enums").

Each area's codes are read when a label of that area is first asked for, so that a screen
showing meetings does not map the agreements' models for their codes' names.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import cache

from app.i18n import QT_TRANSLATE_NOOP

# Pairs, not a dict: members of different enums with the same value ("draft", "done") are
# equal as strings, so a dict keyed by member would merge them.
Pairs = tuple[tuple[StrEnum, str], ...]


def label(member: StrEnum) -> str:
    """The untranslated (Chinese) label of a stored code; the code itself if it has none."""
    return _labels_of(type(member).__module__).get((type(member), member.value), member.value)


@cache
def _labels_of(module: str) -> dict[tuple[type[StrEnum], str], str]:
    pairs = _AREAS[module]() if module in _AREAS else ()
    return {(type(member), member.value): text for member, text in pairs}


def _states() -> Pairs:
    """The codes kept apart from the models (db/enums.py): no area is mapped for them."""
    from db.enums import (
        ActionStatus,
        AgreementKind,
        AgreementStatus,
        AttendanceStatus,
        IssueStatus,
        MeetingStatus,
        OrgLevel,
        PostingKind,
        PostingStatus,
        Satisfaction,
        UnitCategory,
    )

    return (
        (OrgLevel.STREET, QT_TRANSLATE_NOOP("enums", "街道")),
        (OrgLevel.ZONE, QT_TRANSLATE_NOOP("enums", "片区")),
        (OrgLevel.COMMUNITY, QT_TRANSLATE_NOOP("enums", "社区")),
        (OrgLevel.GRID, QT_TRANSLATE_NOOP("enums", "网格")),
        (OrgLevel.DEPARTMENT, QT_TRANSLATE_NOOP("enums", "科室部门")),
        (MeetingStatus.DRAFT, QT_TRANSLATE_NOOP("enums", "草稿")),
        (MeetingStatus.FINAL, QT_TRANSLATE_NOOP("enums", "定稿")),
        (AttendanceStatus.PRESENT, QT_TRANSLATE_NOOP("enums", "出席")),
        (AttendanceStatus.LEAVE, QT_TRANSLATE_NOOP("enums", "请假")),
        (AttendanceStatus.OBSERVER, QT_TRANSLATE_NOOP("enums", "列席")),
        (AttendanceStatus.ABSENT, QT_TRANSLATE_NOOP("enums", "缺席")),
        (ActionStatus.OPEN, QT_TRANSLATE_NOOP("enums", "未开始")),
        (ActionStatus.IN_PROGRESS, QT_TRANSLATE_NOOP("enums", "进行中")),
        (ActionStatus.DONE, QT_TRANSLATE_NOOP("enums", "已完成")),
        (ActionStatus.CANCELLED, QT_TRANSLATE_NOOP("enums", "已取消")),
        (IssueStatus.REGISTERED, QT_TRANSLATE_NOOP("enums", "登记")),
        (IssueStatus.ACCEPTED, QT_TRANSLATE_NOOP("enums", "受理")),
        (IssueStatus.REJECTED, QT_TRANSLATE_NOOP("enums", "不予受理")),
        (IssueStatus.DISPATCHED, QT_TRANSLATE_NOOP("enums", "派单")),
        (IssueStatus.IN_PROGRESS, QT_TRANSLATE_NOOP("enums", "办理中")),
        (IssueStatus.RESOLVED, QT_TRANSLATE_NOOP("enums", "办结")),
        (IssueStatus.FOLLOWED_UP, QT_TRANSLATE_NOOP("enums", "回访")),
        (IssueStatus.CLOSED, QT_TRANSLATE_NOOP("enums", "归档")),
        (IssueStatus.MERGED, QT_TRANSLATE_NOOP("enums", "已并单")),
        (AgreementKind.CO_BUILDING, QT_TRANSLATE_NOOP("enums", "共建协议")),
        (AgreementKind.TWO_WAY_SERVICE, QT_TRANSLATE_NOOP("enums", "双向服务协议")),
        (AgreementKind.BRANCH_PAIRING, QT_TRANSLATE_NOOP("enums", "支部结对共建")),
        (AgreementStatus.DRAFT, QT_TRANSLATE_NOOP("enums", "草拟")),
        (AgreementStatus.ACTIVE, QT_TRANSLATE_NOOP("enums", "生效")),
        (AgreementStatus.EXPIRING, QT_TRANSLATE_NOOP("enums", "即将到期")),
        (AgreementStatus.EXPIRED, QT_TRANSLATE_NOOP("enums", "到期")),
        (AgreementStatus.TERMINATED, QT_TRANSLATE_NOOP("enums", "终止")),
        (AgreementStatus.RENEWED, QT_TRANSLATE_NOOP("enums", "续签")),
        (UnitCategory.PROVINCIAL_ORGAN, QT_TRANSLATE_NOOP("enums", "省级机关")),
        (UnitCategory.CITY_ORGAN, QT_TRANSLATE_NOOP("enums", "市级机关")),
        (UnitCategory.DISTRICT_ORGAN, QT_TRANSLATE_NOOP("enums", "区级机关")),
        (UnitCategory.UNIVERSITY, QT_TRANSLATE_NOOP("enums", "高校")),
        (UnitCategory.RESEARCH_INSTITUTE, QT_TRANSLATE_NOOP("enums", "科研院所")),
        (UnitCategory.STATE_ENTERPRISE, QT_TRANSLATE_NOOP("enums", "国企")),
        (UnitCategory.PRIVATE_ENTERPRISE, QT_TRANSLATE_NOOP("enums", "非公企业")),
        (UnitCategory.SOCIAL_ORGANISATION, QT_TRANSLATE_NOOP("enums", "社会组织")),
        (Satisfaction.SATISFIED, QT_TRANSLATE_NOOP("enums", "满意")),
        (Satisfaction.BASICALLY_SATISFIED, QT_TRANSLATE_NOOP("enums", "基本满意")),
        (Satisfaction.DISSATISFIED, QT_TRANSLATE_NOOP("enums", "不满意")),
        (PostingKind.CROSS, QT_TRANSLATE_NOOP("enums", "交叉挂职")),
        (PostingKind.UPWARD, QT_TRANSLATE_NOOP("enums", "上挂")),
        (PostingKind.DOWNWARD, QT_TRANSLATE_NOOP("enums", "下派")),
        (PostingKind.FIRST_COMMUNITY_HEAD, QT_TRANSLATE_NOOP("enums", "第一社长")),
        (PostingKind.MENTORING, QT_TRANSLATE_NOOP("enums", "结对培养")),
        (PostingStatus.PLANNED, QT_TRANSLATE_NOOP("enums", "待到岗")),
        (PostingStatus.ACTIVE, QT_TRANSLATE_NOOP("enums", "在岗")),
        (PostingStatus.ENDED, QT_TRANSLATE_NOOP("enums", "期满")),
        (PostingStatus.EXTENDED, QT_TRANSLATE_NOOP("enums", "延期")),
        (PostingStatus.ENDED_EARLY, QT_TRANSLATE_NOOP("enums", "提前结束")),
    )


def _directory() -> Pairs:
    from db.models.directory import Gender, ManagementMode, PartyOrgKind

    return (
        (PartyOrgKind.COMMITTEE, QT_TRANSLATE_NOOP("enums", "党委")),
        (PartyOrgKind.GENERAL_BRANCH, QT_TRANSLATE_NOOP("enums", "党总支")),
        (PartyOrgKind.BRANCH, QT_TRANSLATE_NOOP("enums", "党支部")),
        (Gender.MALE, QT_TRANSLATE_NOOP("enums", "男")),
        (Gender.FEMALE, QT_TRANSLATE_NOOP("enums", "女")),
        (ManagementMode.MARKET, QT_TRANSLATE_NOOP("enums", "市场化")),
        (ManagementMode.FALLBACK, QT_TRANSLATE_NOOP("enums", "兜底式")),
        (ManagementMode.SELF_MANAGED, QT_TRANSLATE_NOOP("enums", "自管型")),
    )


def _agreements() -> Pairs:
    from db.models.agreements import (
        JointActivity,
        ListEntryStatus,
        ListKind,
        PartySide,
    )

    return (
        (JointActivity.PARTY_LESSON, QT_TRANSLATE_NOOP("enums", "共上一堂主题党课")),
        (JointActivity.THEMED_EVENT, QT_TRANSLATE_NOOP("enums", "共办一场主题活动")),
        (JointActivity.HELP_FAMILY, QT_TRANSLATE_NOOP("enums", "共帮一户困难家庭")),
        (JointActivity.VOLUNTEER_SERVICE, QT_TRANSLATE_NOOP("enums", "共同开展一次志愿服务")),
        (JointActivity.GRID_DAY, QT_TRANSLATE_NOOP("enums", "共做一日网格员")),
        (JointActivity.PARTY_SITE, QT_TRANSLATE_NOOP("enums", "共建一个规范化党建阵地")),
        (JointActivity.GOVERNANCE_PROBLEM, QT_TRANSLATE_NOOP("enums", "共同解决一个社区治理难题")),
        (JointActivity.OTHER, QT_TRANSLATE_NOOP("enums", "其他")),
        (ListEntryStatus.OPEN, QT_TRANSLATE_NOOP("enums", "待认领")),
        (ListEntryStatus.CLAIMED, QT_TRANSLATE_NOOP("enums", "已认领")),
        (ListEntryStatus.IN_PROGRESS, QT_TRANSLATE_NOOP("enums", "实施中")),
        (ListEntryStatus.DONE, QT_TRANSLATE_NOOP("enums", "已完成")),
        (ListEntryStatus.CANCELLED, QT_TRANSLATE_NOOP("enums", "已取消")),
        (PartySide.STREET_SIDE, QT_TRANSLATE_NOOP("enums", "街道社区方")),
        (PartySide.PARTNER_SIDE, QT_TRANSLATE_NOOP("enums", "共建单位方")),
        (ListKind.NEED, QT_TRANSLATE_NOOP("enums", "需求清单")),
        (ListKind.RESOURCE, QT_TRANSLATE_NOOP("enums", "资源清单")),
        (ListKind.PROJECT, QT_TRANSLATE_NOOP("enums", "项目清单")),
    )


def _secondments() -> Pairs:
    """Kept apart from the models too (db/enums.py)."""
    from db.enums import (
        EvaluationPeriod,
        EvaluatorSide,
        Grade,
        LogKind,
    )

    return (
        (Grade.EXCELLENT, QT_TRANSLATE_NOOP("enums", "优秀")),
        (Grade.COMPETENT, QT_TRANSLATE_NOOP("enums", "称职")),
        (Grade.BASICALLY_COMPETENT, QT_TRANSLATE_NOOP("enums", "基本称职")),
        (Grade.INCOMPETENT, QT_TRANSLATE_NOOP("enums", "不称职")),
        (LogKind.ENTRY, QT_TRANSLATE_NOOP("enums", "工作记录")),
        (LogKind.ATTENDANCE_REPORT, QT_TRANSLATE_NOOP("enums", "考勤报告")),
        (LogKind.DUTY_REPORT, QT_TRANSLATE_NOOP("enums", "履职报告")),
        (EvaluatorSide.HOME, QT_TRANSLATE_NOOP("enums", "派出单位")),
        (EvaluatorSide.HOST, QT_TRANSLATE_NOOP("enums", "挂职单位")),
        (EvaluationPeriod.MID_TERM, QT_TRANSLATE_NOOP("enums", "中期")),
        (EvaluationPeriod.ANNUAL, QT_TRANSLATE_NOOP("enums", "年度")),
        (EvaluationPeriod.END_OF_TERM, QT_TRANSLATE_NOOP("enums", "期满")),
    )


def _issues() -> Pairs:
    from db.models.issues import (
        DispatchStatus,
        HolidayOrigin,
        IssueLinkKind,
        IssueSource,
        LimitUnit,
        Priority,
    )

    return (
        (IssueSource.GRID_VISIT, QT_TRANSLATE_NOOP("enums", "网格走访")),
        (IssueSource.ONLINE, QT_TRANSLATE_NOOP("enums", "线上")),
        (IssueSource.PHONE, QT_TRANSLATE_NOOP("enums", "来电")),
        (IssueSource.VISIT, QT_TRANSLATE_NOOP("enums", "来访")),
        (IssueSource.MEETING, QT_TRANSLATE_NOOP("enums", "会议")),
        (Priority.NORMAL, QT_TRANSLATE_NOOP("enums", "一般")),
        (Priority.URGENT, QT_TRANSLATE_NOOP("enums", "紧急")),
        (DispatchStatus.DISPATCHED, QT_TRANSLATE_NOOP("enums", "已派单")),
        (DispatchStatus.ACKNOWLEDGED, QT_TRANSLATE_NOOP("enums", "已报到")),
        (DispatchStatus.DONE, QT_TRANSLATE_NOOP("enums", "已办结")),
        (DispatchStatus.OBJECTED, QT_TRANSLATE_NOOP("enums", "异议审核中")),
        (DispatchStatus.RETURNED, QT_TRANSLATE_NOOP("enums", "已退单")),
        (LimitUnit.HOURS, QT_TRANSLATE_NOOP("enums", "小时")),
        (LimitUnit.WORKING_DAYS, QT_TRANSLATE_NOOP("enums", "工作日")),
        (LimitUnit.CALENDAR_DAYS, QT_TRANSLATE_NOOP("enums", "自然日")),
        (HolidayOrigin.OFFICIAL, QT_TRANSLATE_NOOP("enums", "国务院通知")),
        (HolidayOrigin.IMPORTED, QT_TRANSLATE_NOOP("enums", "导入")),
        (HolidayOrigin.EDITED, QT_TRANSLATE_NOOP("enums", "手工设置")),
        (IssueLinkKind.DUPLICATE_OF, QT_TRANSLATE_NOOP("enums", "重复")),
        (IssueLinkKind.RELATED_TO, QT_TRANSLATE_NOOP("enums", "相关")),
    )


def _security() -> Pairs:
    from db.enums import Role

    return (
        (Role.ADMIN, QT_TRANSLATE_NOOP("enums", "管理员")),
        (Role.STAFF, QT_TRANSLATE_NOOP("enums", "工作人员")),
        (Role.VIEWER, QT_TRANSLATE_NOOP("enums", "只读")),
    )


_AREAS: dict[str, Callable[[], Pairs]] = {
    "db.enums": lambda: _states() + _secondments() + _security(),
    "db.models.directory": _directory,
    "db.models.agreements": _agreements,
    "db.models.issues": _issues,
}
