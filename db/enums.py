"""Enumerations stored in columns that a reader needs without mapping the models.

The minutes command reads an SQLite file through sqlite3 alone (importing SQLAlchemy would
cost more than printing), and a tab's filters should not map models before its list shows, so
the states they compare live here, free of SQLAlchemy; the model modules import them from here
(everything else keeps importing them from there, or through ``app.enums``).
"""

from __future__ import annotations

from enum import StrEnum

# who works (the operator's role decides what a list shows before the models are mapped)


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
    VIEWER = "viewer"


class OrgLevel(StrEnum):
    STREET = "street"  # 街道
    ZONE = "zone"  # 片区
    COMMUNITY = "community"  # 社区
    GRID = "grid"  # 网格
    DEPARTMENT = "department"  # 街道科室 / 区级部门: where issues are dispatched


class IssueStatus(StrEnum):
    REGISTERED = "registered"  # 登记
    ACCEPTED = "accepted"  # 受理
    REJECTED = "rejected"  # 不予受理
    DISPATCHED = "dispatched"  # 派单
    IN_PROGRESS = "in_progress"  # 办理中
    RESOLVED = "resolved"  # 办结
    FOLLOWED_UP = "followed_up"  # 回访
    CLOSED = "closed"  # 归档
    MERGED = "merged"  # 并单: a repeat complaint kept on another order (``merged_into_id``)


class MeetingStatus(StrEnum):
    DRAFT = "draft"  # 草稿
    FINAL = "final"  # 定稿


class AttendanceStatus(StrEnum):
    PRESENT = "present"  # 出席
    LEAVE = "leave"  # 请假
    OBSERVER = "observer"  # 列席
    ABSENT = "absent"  # 缺席


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class AgreementKind(StrEnum):
    CO_BUILDING = "co_building"  # 共建协议
    TWO_WAY_SERVICE = "two_way_service"  # 双向服务协议
    BRANCH_PAIRING = "branch_pairing"  # 支部结对共建


class AgreementStatus(StrEnum):
    DRAFT = "draft"  # 草拟
    ACTIVE = "active"  # 生效
    EXPIRING = "expiring"  # 即将到期
    EXPIRED = "expired"  # 到期
    TERMINATED = "terminated"  # 终止
    RENEWED = "renewed"  # 续签


class UnitCategory(StrEnum):
    PROVINCIAL_ORGAN = "provincial_organ"  # 省级机关
    CITY_ORGAN = "city_organ"  # 市级机关
    DISTRICT_ORGAN = "district_organ"  # 区级机关
    UNIVERSITY = "university"  # 高校
    RESEARCH_INSTITUTE = "research_institute"  # 科研院所
    STATE_ENTERPRISE = "state_enterprise"  # 国企
    PRIVATE_ENTERPRISE = "private_enterprise"  # 非公企业
    SOCIAL_ORGANISATION = "social_organisation"  # 社会组织


class Satisfaction(StrEnum):
    SATISFIED = "satisfied"  # 满意
    BASICALLY_SATISFIED = "basically_satisfied"  # 基本满意
    DISSATISFIED = "dissatisfied"  # 不满意


# cadre secondments (the secondments tab filters by them before any model is needed)


class PostingKind(StrEnum):
    CROSS = "cross"  # 交叉挂职
    UPWARD = "upward"  # 上挂
    DOWNWARD = "downward"  # 下派
    FIRST_COMMUNITY_HEAD = "first_community_head"  # 第一社长
    MENTORING = "mentoring"  # 结对培养


class PostingStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    ENDED = "ended"
    EXTENDED = "extended"
    ENDED_EARLY = "ended_early"


class LogKind(StrEnum):
    ENTRY = "entry"  # a dated work record
    ATTENDANCE_REPORT = "attendance_report"  # 考勤: monthly, host to home unit
    DUTY_REPORT = "duty_report"  # 履职: the cadre's monthly report


class EvaluatorSide(StrEnum):
    HOME = "home"
    HOST = "host"


class EvaluationPeriod(StrEnum):
    MID_TERM = "mid_term"
    ANNUAL = "annual"
    END_OF_TERM = "end_of_term"


class Grade(StrEnum):
    EXCELLENT = "excellent"  # 优秀
    COMPETENT = "competent"  # 称职
    BASICALLY_COMPETENT = "basically_competent"  # 基本称职
    INCOMPETENT = "incompetent"  # 不称职
