"""Enumerations stored in columns that a reader needs without mapping the models.

The minutes command reads an SQLite file through sqlite3 alone (importing SQLAlchemy would
cost more than printing), so the states its rules compare live here, free of SQLAlchemy;
the model modules import them from here, and everything else keeps importing them from there.
"""

from __future__ import annotations

from enum import StrEnum


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
