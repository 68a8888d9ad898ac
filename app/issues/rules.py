"""The office's rules for the issue loop, kept in the database (Setting ``issue_rules``) and
changed in 设置 → 考评与并单规则; every change is audited.

- 并单: repeats are looked for among orders received within ``merge_window_days``.
- 问题工单: an order returned more than ``escalate_returns`` times, reopened (redone) more than
  ``escalate_redone`` times, or sent to more than ``escalate_units`` units with no lead unit
  is escalated for supervision.
- 三率: the score weighs 响应率, 解决率 and 满意率 by the three weights (they change year to
  year); a unit or community is ranked only with at least ``min_samples`` orders received and
  ``min_rated`` follow-ups rated in the month; the red and black lists show ``list_size`` each.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.errors import invalid
from app.i18n import QT_TRANSLATE_NOOP
from db.models.security import Setting

KEY = "issue_rules"


@dataclass(frozen=True)
class IssueRules:
    merge_window_days: int = 30
    escalate_returns: int = 3
    escalate_redone: int = 3
    escalate_units: int = 3
    weight_response: int = 10
    weight_resolution: int = 45
    weight_satisfaction: int = 45
    min_samples: int = 5
    min_rated: int = 3
    list_size: int = 5

    @property
    def weights(self) -> tuple[int, int, int]:
        return self.weight_response, self.weight_resolution, self.weight_satisfaction


# field → (lowest, highest) allowed
BOUNDS: dict[str, tuple[int, int]] = {
    "merge_window_days": (1, 365),
    "escalate_returns": (1, 20),
    "escalate_redone": (1, 20),
    "escalate_units": (1, 20),
    "weight_response": (0, 100),
    "weight_resolution": (0, 100),
    "weight_satisfaction": (0, 100),
    "min_samples": (1, 1000),
    "min_rated": (1, 1000),
    "list_size": (1, 50),
}


def load_rules(session: Session) -> IssueRules:
    """The rules as saved; defaults for anything never saved (or saved by an older version)."""
    stored = session.scalar(select(Setting.value).where(Setting.key == KEY))
    known = {f.name for f in fields(IssueRules)}
    values: dict[str, Any] = {
        k: v for k, v in (stored or {}).items() if k in known and isinstance(v, int)
    }
    return replace(IssueRules(), **values)


def check_rules(rules: IssueRules) -> IssueRules:
    for name, (low, high) in BOUNDS.items():
        value = getattr(rules, name)
        if not low <= value <= high:
            raise invalid(
                name,
                QT_TRANSLATE_NOOP("validation", "须在{low}到{high}之间。"),
                low=low,
                high=high,
            )
    if sum(rules.weights) != 100:
        raise invalid(
            "weight_satisfaction",
            QT_TRANSLATE_NOOP("validation", "三项权重之和须为100，现在是{total}。"),
            total=sum(rules.weights),
        )
    return rules


def save_rules(session: Session, rules: IssueRules) -> None:
    """Saves the rules (ValidationError naming the field that is out of bounds); audited."""
    value = asdict(check_rules(rules))
    setting = session.scalar(select(Setting).where(Setting.key == KEY))
    before = audit.snapshot(setting) if setting is not None else None
    if setting is None:
        setting = Setting(key=KEY, value=value)
        session.add(setting)
    elif setting.value == value:
        return
    else:
        setting.value = value
    session.flush()
    audit.record(session, "update" if before else "create", setting, before)
