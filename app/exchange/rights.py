"""Who may do what in the exchange: import and export write, so need a role that may edit;
creating, retiring and revoking sites (which hands out keys and residents' data) needs an
administrator."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.access import operator_in, write_refusal
from app.database import read_only_file_error
from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP, Message


def require_writer(session: Session) -> None:
    """Exchange writes through Core statements, which the session's own guard does not see."""
    reason = session.info.get("read_only")
    if reason == "file":
        raise read_only_file_error()
    if reason:
        raise write_refusal(operator_in(session))


def require_admin(session: Session) -> None:
    require_writer(session)
    if not operator_in(session).may_manage_users:
        raise UserError(
            Message(
                "exchange",
                QT_TRANSLATE_NOOP("exchange", "只有管理员可以新建、停用或吊销站点。"),
            )
        )
