"""How long the window may stay idle before it locks and asks for the password again: screens
at a community centre face residents. A business setting (kept in the database, set by an
administrator); 0 turns the lock off. Only databases with users lock: without a password there
is nothing to ask."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.operator import Operator
from app.settings_store import store_setting, stored_setting
from app.users import require_admin

SETTING_KEY = "idle_lock_minutes"
DEFAULT_MINUTES = 10
LONGEST = 240


def idle_lock_minutes(session: Session) -> int:
    value = stored_setting(session, SETTING_KEY)
    return int(value) if isinstance(value, int) else DEFAULT_MINUTES


def set_idle_lock_minutes(session: Session, by: Operator, minutes: int) -> None:
    """Stores the idle time (administrators only, audited)."""
    require_admin(by)
    if not 0 <= minutes <= LONGEST:
        raise ValidationError(
            "minutes",
            Message(
                "validation",
                QT_TRANSLATE_NOOP("validation", "空闲锁定时间应在0到{max}分钟之间（0 为不锁定）。"),
                max=LONGEST,
            ),
        )
    store_setting(session, SETTING_KEY, minutes)
