"""What a PDF says about itself: title, subject, author, keywords and when it was made.

reportlab's ``invariant`` mode keeps a file's bytes the same for the same content (no random
ID), but dates every document 2000-01-01; :func:`apply_info` keeps the deterministic bytes and
writes the real creation time instead, in Beijing time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.localtime import BEIJING

AUTHOR = "共建台"
CREATOR = "共建台 Gongjian"


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    subject: str  # what kind of document: 会议纪要, 签到表, 民生事项工单 …
    author: str = AUTHOR  # the issuing organ where there is one
    keywords: Sequence[str] = ()
    made_at: datetime | None = None  # None: now

    def moment(self) -> datetime:
        return (self.made_at or datetime.now(BEIJING)).astimezone(BEIJING)


@dataclass(frozen=True)
class _Stamp:
    """The part of reportlab's TimeStamp that the document info reads."""

    moment: datetime
    YMDhms: tuple[int, ...] = field(init=False)  # noqa: N815 - reportlab's name
    dhh: int = 8
    dmm: int = 0

    def __post_init__(self) -> None:
        m = self.moment
        object.__setattr__(self, "YMDhms", (m.year, m.month, m.day, m.hour, m.minute, m.second))

    @property
    def t(self) -> float:
        return self.moment.timestamp()


def apply_info(canvas: Any, info: DocumentInfo) -> None:
    """Writes ``info`` into the document of ``canvas`` (any time before it is saved)."""
    canvas.setTitle(info.title)
    canvas.setSubject(info.subject)
    canvas.setAuthor(info.author)
    canvas.setKeywords(", ".join(word for word in info.keywords if word))
    canvas.setCreator(CREATOR)
    canvas.setProducer(CREATOR)
    canvas._doc._timeStamp = _Stamp(info.moment())
