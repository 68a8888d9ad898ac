"""How a list shows a record's exchange state: a small lettered badge in the first cell, and
a tooltip that says it in words and names the sites."""

from __future__ import annotations

import functools

from app.exchange.states import ExchangeState, RecordExchange
from app.i18n import QT_TRANSLATE_NOOP

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

BADGE_PX = 16
# the badge's letter and colour per state; the letter reads without the colour
_BADGES = {
    ExchangeState.UNSENT: (QT_TRANSLATE_NOOP("ExchangeState", "待"), "#d9480f"),
    ExchangeState.SENT: (QT_TRANSLATE_NOOP("ExchangeState", "发"), "#1c7ed6"),
    ExchangeState.DELIVERED: (QT_TRANSLATE_NOOP("ExchangeState", "达"), "#2b8a3e"),
    ExchangeState.CONFLICT: (QT_TRANSLATE_NOOP("ExchangeState", "冲"), "#c92a2a"),
}


def label(state: ExchangeState) -> str:
    """The state's short name (a filter's choice, a legend)."""
    texts = {
        ExchangeState.UNSENT: QCoreApplication.translate("ExchangeState", "未发送"),
        ExchangeState.SENT: QCoreApplication.translate("ExchangeState", "已发出"),
        ExchangeState.DELIVERED: QCoreApplication.translate("ExchangeState", "已送达"),
        ExchangeState.CONFLICT: QCoreApplication.translate("ExchangeState", "有冲突"),
    }
    return texts[state]


def text(found: RecordExchange) -> str:
    """The tooltip: the state in words, naming the site(s)."""
    sites = "、".join(found.sites)
    if found.state is ExchangeState.UNSENT:
        template = QCoreApplication.translate(
            "ExchangeState", "未发送：本站点的修改还没有写进给{sites}的数据包"
        )
    elif found.state is ExchangeState.SENT:
        template = QCoreApplication.translate(
            "ExchangeState", "已发出：修改已写进给{sites}的数据包，对方还没有确认收到"
        )
    elif found.state is ExchangeState.DELIVERED:
        template = QCoreApplication.translate(
            "ExchangeState", "已送达：{sites}已确认收到本站点的修改"
        )
    else:
        template = QCoreApplication.translate(
            "ExchangeState", "有冲突：与{sites}的修改冲突，请在“文件 → 数据交换… → 冲突”中处理"
        )
    return template.format(sites=sites)


@functools.cache
def icon(state: ExchangeState) -> QIcon:
    letter, colour = _BADGES[state]
    letter = QCoreApplication.translate("ExchangeState", letter)
    ratio = 2.0  # drawn at twice the size: sharp on a scaled display too
    pixmap = QPixmap(int(BADGE_PX * ratio), int(BADGE_PX * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    box = QRectF(0, 0, BADGE_PX, BADGE_PX)
    painter.drawRoundedRect(box, 3, 3)
    font = QFont()
    font.setPixelSize(BADGE_PX - 4)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)
    painter.end()
    return QIcon(pixmap)
