"""The Chinese names of every stored code, marked for translation (context "enums")."""

from __future__ import annotations

from enum import StrEnum

from app.i18n import QT_TRANSLATE_NOOP as N
from db.models.agreements import AgreementKind, AgreementStatus, JointActivity, ListEntryStatus
from db.models.directory import Gender, ManagementMode, OrgLevel, PartyOrgKind, UnitCategory
from db.models.issues import IssueSource, IssueStatus, Priority, Satisfaction
from db.models.meetings import ActionStatus, AttendanceStatus, MeetingStatus
from db.models.secondments import Grade, PostingKind, PostingStatus
from db.models.security import Role

LABELS: dict[StrEnum, str] = {
    OrgLevel.STREET: N("enums", "街道"),
    OrgLevel.ZONE: N("enums", "片区"),
    OrgLevel.COMMUNITY: N("enums", "社区"),
    OrgLevel.GRID: N("enums", "网格"),
    OrgLevel.DEPARTMENT: N("enums", "科室部门"),
    UnitCategory.PROVINCIAL_ORGAN: N("enums", "省级机关"),
    UnitCategory.CITY_ORGAN: N("enums", "市级机关"),
    UnitCategory.DISTRICT_ORGAN: N("enums", "区级机关"),
    UnitCategory.UNIVERSITY: N("enums", "高校"),
    UnitCategory.RESEARCH_INSTITUTE: N("enums", "科研院所"),
    UnitCategory.STATE_ENTERPRISE: N("enums", "国企"),
    UnitCategory.PRIVATE_ENTERPRISE: N("enums", "非公企业"),
    UnitCategory.SOCIAL_ORGANISATION: N("enums", "社会组织"),
    PartyOrgKind.COMMITTEE: N("enums", "党委"),
    PartyOrgKind.GENERAL_BRANCH: N("enums", "党总支"),
    PartyOrgKind.BRANCH: N("enums", "党支部"),
    Gender.MALE: N("enums", "男"),
    Gender.FEMALE: N("enums", "女"),
    ManagementMode.MARKET: N("enums", "市场化"),
    ManagementMode.FALLBACK: N("enums", "兜底式"),
    ManagementMode.SELF_MANAGED: N("enums", "自管型"),
    MeetingStatus.DRAFT: N("enums", "草稿"),
    MeetingStatus.FINAL: N("enums", "定稿"),
    AttendanceStatus.PRESENT: N("enums", "出席"),
    AttendanceStatus.LEAVE: N("enums", "请假"),
    AttendanceStatus.OBSERVER: N("enums", "列席"),
    AttendanceStatus.ABSENT: N("enums", "缺席"),
    ActionStatus.OPEN: N("enums", "未开始"),
    ActionStatus.IN_PROGRESS: N("enums", "进行中"),
    ActionStatus.DONE: N("enums", "已完成"),
    ActionStatus.CANCELLED: N("enums", "已取消"),
    AgreementKind.CO_BUILDING: N("enums", "共建协议"),
    AgreementKind.TWO_WAY_SERVICE: N("enums", "双向服务协议"),
    AgreementKind.BRANCH_PAIRING: N("enums", "支部结对共建"),
    AgreementStatus.DRAFT: N("enums", "草拟"),
    AgreementStatus.ACTIVE: N("enums", "生效"),
    AgreementStatus.EXPIRING: N("enums", "即将到期"),
    AgreementStatus.EXPIRED: N("enums", "到期"),
    AgreementStatus.TERMINATED: N("enums", "终止"),
    AgreementStatus.RENEWED: N("enums", "续签"),
    JointActivity.PARTY_LESSON: N("enums", "共上一堂主题党课"),
    JointActivity.THEMED_EVENT: N("enums", "共办一场主题活动"),
    JointActivity.HELP_FAMILY: N("enums", "共帮一户困难家庭"),
    JointActivity.VOLUNTEER_SERVICE: N("enums", "共同开展一次志愿服务"),
    JointActivity.GRID_DAY: N("enums", "共做一日网格员"),
    JointActivity.PARTY_SITE: N("enums", "共建一个规范化党建阵地"),
    JointActivity.GOVERNANCE_PROBLEM: N("enums", "共同解决一个社区治理难题"),
    JointActivity.OTHER: N("enums", "其他"),
    ListEntryStatus.OPEN: N("enums", "待认领"),
    ListEntryStatus.CLAIMED: N("enums", "已认领"),
    ListEntryStatus.IN_PROGRESS: N("enums", "实施中"),
    ListEntryStatus.DONE: N("enums", "已完成"),
    ListEntryStatus.CANCELLED: N("enums", "已取消"),
    PostingKind.CROSS: N("enums", "交叉挂职"),
    PostingKind.UPWARD: N("enums", "上挂"),
    PostingKind.DOWNWARD: N("enums", "下派"),
    PostingKind.FIRST_COMMUNITY_HEAD: N("enums", "第一社长"),
    PostingKind.MENTORING: N("enums", "结对培养"),
    PostingStatus.PLANNED: N("enums", "待到岗"),
    PostingStatus.ACTIVE: N("enums", "在岗"),
    PostingStatus.ENDED: N("enums", "期满"),
    PostingStatus.EXTENDED: N("enums", "延期"),
    PostingStatus.ENDED_EARLY: N("enums", "提前结束"),
    Grade.EXCELLENT: N("enums", "优秀"),
    Grade.COMPETENT: N("enums", "称职"),
    Grade.BASICALLY_COMPETENT: N("enums", "基本称职"),
    Grade.INCOMPETENT: N("enums", "不称职"),
    IssueStatus.REGISTERED: N("enums", "登记"),
    IssueStatus.ACCEPTED: N("enums", "受理"),
    IssueStatus.REJECTED: N("enums", "不予受理"),
    IssueStatus.DISPATCHED: N("enums", "派单"),
    IssueStatus.IN_PROGRESS: N("enums", "办理中"),
    IssueStatus.RESOLVED: N("enums", "办结"),
    IssueStatus.FOLLOWED_UP: N("enums", "回访"),
    IssueStatus.CLOSED: N("enums", "归档"),
    IssueSource.GRID_VISIT: N("enums", "网格走访"),
    IssueSource.ONLINE: N("enums", "线上"),
    IssueSource.PHONE: N("enums", "来电"),
    IssueSource.VISIT: N("enums", "来访"),
    IssueSource.MEETING: N("enums", "会议"),
    Priority.NORMAL: N("enums", "一般"),
    Priority.URGENT: N("enums", "紧急"),
    Satisfaction.SATISFIED: N("enums", "满意"),
    Satisfaction.BASICALLY_SATISFIED: N("enums", "基本满意"),
    Satisfaction.DISSATISFIED: N("enums", "不满意"),
    Role.ADMIN: N("enums", "管理员"),
    Role.STAFF: N("enums", "工作人员"),
    Role.VIEWER: N("enums", "只读"),
}

_BY_VALUE: dict[tuple[type[StrEnum], str], str] = {
    (type(member), member.value): text for member, text in LABELS.items()
}


def label(member: StrEnum) -> str:
    """The untranslated (Chinese) label of a stored code."""
    return LABELS[member]


def label_of(enum_cls: type[StrEnum], value: str) -> str:
    return _BY_VALUE.get((enum_cls, value), value)
