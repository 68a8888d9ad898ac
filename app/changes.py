"""What a change touched: the value every write announces, so screens re-read only what shows it.

A use case, an undo step, an import or the calendar's daily move reports its change as a
``Changes``: the areas whose records changed and, where known, the ids of those records. The
window's one channel (``ui.tab.DataEvents``) carries it to the tabs, each of which declares
the areas it shows; a tab untouched by a change is not re-read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Area(StrEnum):
    """The parts of the data a screen may show (values are the tabs' keys)."""

    DIRECTORY = "directory"
    MEETINGS = "meetings"
    AGREEMENTS = "agreements"
    SECONDMENTS = "secondments"
    ISSUES = "issues"


@dataclass(frozen=True)
class Changes:
    """The areas a change touched and, when known, the ids of the records it wrote."""

    areas: frozenset[Area]
    ids: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *areas: Area, ids: Iterable[str] = ()) -> Changes:
        return cls(frozenset(areas), frozenset(ids))

    @classmethod
    def everything(cls) -> Changes:
        """The whole database changed (demo data loaded): every area, no particular record."""
        return cls(frozenset(Area))

    @property
    def is_everything(self) -> bool:
        return self.areas == frozenset(Area) and not self.ids

    def touches(self, areas: Iterable[Area]) -> bool:
        """True when any of ``areas`` changed."""
        return not self.areas.isdisjoint(areas)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas, self.ids | other.ids)
