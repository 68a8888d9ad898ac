"""The home tab: the street's figures at a glance (charts arrive with the dashboard)."""

from __future__ import annotations

from app.summary import Counts, counts

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget
from ui.tab import TabContext, TabPage

TILE_STYLE = """
QFrame#tile { background: #fbf7f2; border: 1px solid #e3d7c8; border-radius: 6px; }
QLabel#tileValue { font-size: 28px; font-weight: bold; color: #b22222; }
QLabel#tileLabel { font-size: 13px; color: #444; }
"""


class Tile(QFrame):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.value = QLabel("—", self)
        self.value.setObjectName("tileValue")
        self.label = QLabel(label, self)
        self.label.setObjectName("tileLabel")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignLeft)
        self.setMinimumHeight(96)


class HomeTab(TabPage):
    """The figures; built with ``figures`` and no context, it shows them before the database
    is open (see MainWindow.show_quick_home) and reads them itself once attached."""

    def __init__(
        self,
        context: TabContext | None,
        parent: QWidget | None = None,
        *,
        figures: Counts | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setStyleSheet(TILE_STYLE)
        heading = QLabel(self.tr("工作概览"), self)
        heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.tiles = {
            "open_issues": Tile(self.tr("未办结民生事项"), self),
            "issues": Tile(self.tr("民生事项总数"), self),
            "meetings": Tile(self.tr("联席会议"), self),
            "active_agreements": Tile(self.tr("生效中的共建协议"), self),
            "active_postings": Tile(self.tr("在岗挂职干部"), self),
            "resident_units": Tile(self.tr("驻区单位"), self),
            "people": Tile(self.tr("人员"), self),
            "org_units": Tile(self.tr("街道、片区、社区和网格"), self),
        }
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 4, i % 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        if figures is not None:
            self._show(figures)
        else:
            self.refresh()

    def attach(self, context: TabContext) -> None:
        self.context = context

    def refresh(self) -> None:
        if self.context is None:
            return
        with self.context.database.reader() as session:
            figures = counts(session)
        self._show(figures)

    def _show(self, figures: Counts) -> None:
        for key, tile in self.tiles.items():
            tile.value.setText(f"{getattr(figures, key):,}")
        self.hint.setText(
            self.tr("数据库是空的：可在“组织与人员”中新建街道和社区，或载入演示数据。")
            if figures.is_empty
            else ""
        )
