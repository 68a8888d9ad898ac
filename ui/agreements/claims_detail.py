"""The right-hand side of the three lists: the selected entry, the buttons of its next steps,
and 建议匹配 — the open entries of the other side with its category in its zone."""

from __future__ import annotations

from app.agreements import claims
from app.agreements.claims import EntryDetail, Match
from app.enums import ListEntryStatus, ListKind

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text

MATCH_ROLE = Qt.ItemDataRole.UserRole + 1


class EntryPanel(QWidget):
    """The view connects the buttons; the panel only shows which apply."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts = QFormLayout()
        self.fact_labels: dict[str, QLabel] = {}
        for key, text in (
            ("title", self.tr("名称")),
            ("kind", self.tr("清单")),
            ("raised", self.tr("提出方")),
            ("status", self.tr("状态")),
            ("claimed", self.tr("认领方")),
            ("dates", self.tr("进度")),
            ("description", self.tr("说明")),
        ):
            label = QLabel(self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = label
            self.facts.addRow(text, label)
        self.step_button = QPushButton(self)
        self.release_button = QPushButton(self.tr("退回…"), self)
        self.release_button.setToolTip(self.tr("认领方放弃：清单回到待认领"))
        self.cancel_button = QPushButton(self.tr("取消清单…"), self)
        self.delete_button = QPushButton(self.tr("删除…"), self)
        self.delete_button.setToolTip(self.tr("删除误录的清单（Delete），可撤销"))
        self.matches = QListWidget(self)
        self.matches.setWordWrap(True)
        self.match_button = QPushButton(self.tr("按建议认领…"), self)
        self.match_button.setToolTip(self.tr("单位认领社区的需求，社区同时认领单位的资源"))
        self.matches.currentRowChanged.connect(self._on_matches_current_row_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addLayout(self.facts)
        buttons = QHBoxLayout()
        buttons.addWidget(self.step_button)
        buttons.addWidget(self.release_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        box = QGroupBox(self.tr("建议匹配（同类别、同片区的待认领条目）"), self)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.matches, 1)
        box_layout.addWidget(self.match_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(box, 1)

    def show_entry(self, detail: EntryDetail | None, found: list[Match]) -> None:
        self._show_facts(detail)
        self._show_matches(detail, found)

    def current_match(self) -> Match | None:
        item = self.matches.currentItem()
        match: Match | None = item.data(MATCH_ROLE) if item is not None else None
        return match

    def _show_facts(self, detail: EntryDetail | None) -> None:
        labels = self.fact_labels
        if detail is None:
            for label in labels.values():
                label.clear()
            buttons = (self.step_button, self.release_button, self.cancel_button)
            for button in (*buttons, self.delete_button):
                button.hide()
            return
        labels["title"].setText(detail.title)
        labels["kind"].setText(
            enum_text(detail.list_kind) + (f" · {detail.category}" if detail.category else "")
        )
        labels["raised"].setText(f"{detail.raised_by}（{detail.raised_on.isoformat()}）")
        labels["status"].setText(enum_text(detail.status))
        labels["claimed"].setText(detail.claimed_by or self.tr("（尚无）"))
        steps = [
            (self.tr("认领"), detail.claimed_on),
            (self.tr("开始"), detail.started_on),
            (self.tr("完成"), detail.done_on),
        ]
        labels["dates"].setText(
            "　".join(f"{name} {day.isoformat()}" for name, day in steps if day) or "—"
        )
        labels["description"].setText(detail.description or "—")
        wanted = claims.NEXT.get(detail.status)
        self.step_button.setVisible(wanted is not None)
        texts = {
            ListEntryStatus.CLAIMED: self.tr("认领…"),
            ListEntryStatus.IN_PROGRESS: self.tr("开始实施…"),
            ListEntryStatus.DONE: self.tr("完成…"),
        }
        if wanted is not None:
            self.step_button.setText(texts[wanted])
        self.release_button.setVisible(detail.status is ListEntryStatus.CLAIMED)
        self.cancel_button.setVisible(
            detail.status not in (ListEntryStatus.DONE, ListEntryStatus.CANCELLED)
        )
        self.delete_button.setVisible(detail.status in claims.DELETABLE)

    def _show_matches(self, detail: EntryDetail | None, found: list[Match]) -> None:
        self.matches.clear()
        for match in found:
            if detail is not None and detail.list_kind is ListKind.NEED:
                text = self.tr("资源：{title}\n{unit} · {category} · {zone}").format(
                    title=match.resource_title,
                    unit=match.unit_name,
                    category=match.category,
                    zone=match.zone_name,
                )
            else:
                text = self.tr("需求：{title}\n{community} · {category} · {zone}").format(
                    title=match.need_title,
                    community=match.community_name,
                    category=match.category,
                    zone=match.zone_name,
                )
            item = QListWidgetItem(text)
            item.setData(MATCH_ROLE, match)
            self.matches.addItem(item)
        if not found:
            hint = (
                self.tr("没有可匹配的条目。")
                if detail is not None and detail.status is ListEntryStatus.OPEN
                else self.tr("选择一条待认领的需求或资源，这里显示可匹配的条目。")
            )
            item = QListWidgetItem(hint)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.matches.addItem(item)
        self.match_button.setEnabled(False)

    def _on_matches_current_row_changed(self, row: int) -> None:
        item = self.matches.item(row) if row >= 0 else None
        self.match_button.setEnabled(item is not None and item.data(MATCH_ROLE) is not None)
