"""What the minutes (纪要) and the sign-in sheet (签到表) of a meeting print.

Plain data, already in the words and order of the printed page, so the PDF layout code needs no
database and tests can build documents by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class AttendeeGroup:
    """One line of an 出席/请假/列席 block: a unit and its people, e.g. 街道党工委 王喆、李堃."""

    unit: str  # may be "" for people without a unit
    names: tuple[str, ...]  # may be empty when a unit attends as a whole
    reasons: tuple[str, ...] = ()  # 请假 only: the reason per name, same order ("" when none)
    unit_reason: str = ""  # 请假 only: the reason of a unit on leave as a whole (names empty)


@dataclass(frozen=True)
class DecisionItem:
    """One 议定事项, printed as （一）（二）… under its agenda item."""

    text: str
    owners: tuple[str, ...] = ()  # 牵头单位/责任人, as they should read on paper
    due_on: date | None = None


@dataclass(frozen=True)
class AgendaSection:
    """One agenda item, printed as 一、二、… with its discussion notes and decisions."""

    title: str
    notes: str  # paragraphs separated by blank lines or single newlines
    decisions: tuple[DecisionItem, ...] = ()


@dataclass(frozen=True)
class MinutesDocument:
    heading: str  # the red title, e.g. 宁海路街道党建共同体议事会纪要
    session_no: int | None  # printed as （第3次） under the title
    starts_at: datetime  # Beijing time
    ends_at: datetime | None
    place: str
    chair: str  # 主持人
    recorder: str  # 记录人
    opening: str  # the opening paragraph (会议听取了… 现将会议议定事项纪要如下：)
    sections: tuple[AgendaSection, ...]
    present: tuple[AttendeeGroup, ...]  # 出席
    on_leave: tuple[AttendeeGroup, ...]  # 请假
    observers: tuple[AttendeeGroup, ...]  # 列席
    issuer: str = ""  # the organ issuing the minutes, e.g. 宁海路街道党工委 (printed at the end)
    issued_on: date | None = None
    draft: bool = False  # marked （讨论稿） and 草稿 on every page
    copy_to: str = ""  # 版记: 抄送 (empty: no 版记)
    printed_by: str = ""  # 版记: the 印发机关, printed with the date of issue
    made_at: datetime | None = None  # when the PDF is made (its creation date); None: now


@dataclass(frozen=True)
class SignInRow:
    name: str
    unit: str
    post: str


@dataclass(frozen=True)
class SignInSheet:
    heading: str  # the meeting's title
    starts_at: datetime  # Beijing time
    place: str
    rows: tuple[SignInRow, ...]
