"""并单: before registering, the likely repeats of what is being registered, each set side by
side with the new report so that staff can judge it on the evidence (FixMyStreet found that
duplicate suggestions without it are hard to judge).

``choice`` after ``exec``: MERGE (into ``chosen_id``), SEPARATE (register on its own) or None
(cancelled: nothing is registered).
"""

from __future__ import annotations

from enum import Enum

from app.issues.merging import RepeatCandidate
from app.issues.records import IssueData

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from ui.i18n import enum_text


class RepeatChoice(Enum):
    MERGE = "merge"
    SEPARATE = "separate"


class RepeatsDialog(QDialog):
    def __init__(
        self,
        report: IssueData,
        names: tuple[str, str],  # the new report's community and category, as shown
        candidates: list[RepeatCandidate],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("可能是重复反映"))
        self.candidates = candidates
        self.report, self.names = report, names
        self.choice: RepeatChoice | None = None
        self.chosen_id: str | None = None
        intro = QLabel(
            self.tr(
                "近期有相似的反映。对照下面的内容：是同一件事就并入原工单（反映人都会回访，"
                "统计只算一件，可撤销）；不是就单独登记。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for candidate in candidates:
            reasons = [self.tr("相似度 {n}%").format(n=round(candidate.likeness * 100))]
            if candidate.same_address:
                reasons.append(self.tr("同一地址"))
            elif candidate.same_community:
                reasons.append(self.tr("同一社区"))
            item = QListWidgetItem(
                f"{candidate.number} {candidate.title}\n" + "，".join(reasons), self.list
            )
            item.setData(Qt.ItemDataRole.UserRole, candidate.id)
        self.list.currentRowChanged.connect(self._show)
        self.side = QWidget(self)
        self.grid = QGridLayout(self.side)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.side)
        splitter.setSizes([260, 560])
        buttons = QDialogButtonBox(self)
        self.merge_button = QPushButton(self.tr("并入所选工单"), self)
        self.separate_button = QPushButton(self.tr("不是重复，单独登记"), self)
        cancel = QPushButton(self.tr("取消"), self)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.separate_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.merge_button.clicked.connect(self._on_merge)
        self.separate_button.clicked.connect(self._on_separate)
        cancel.clicked.connect(self.reject)
        self.merge_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        if not 0 <= row < len(self.candidates):
            return
        old, new = self.candidates[row], self.report
        community, category = self.names
        lines = [
            (self.tr("事项"), new.title, old.title),
            (self.tr("地址"), new.address, old.address),
            (self.tr("社区"), community, old.community_name),
            (self.tr("类别"), category, old.category_name),
            (self.tr("反映时间"), self.tr("现在"), old.reported_at.strftime("%Y-%m-%d %H:%M")),
            (self.tr("反映人"), new.reporter_name, old.reporter_name),
            (self.tr("描述"), new.description, old.description),
            (self.tr("办理状态"), self.tr("待登记"), enum_text(old.status)),
            (self.tr("反映人数"), "1", str(old.complainants)),
            (self.tr("照片"), "—", str(old.photos)),
        ]
        heads = ("", self.tr("本次反映"), self.tr("原工单 {number}").format(number=old.number))
        for column, text in enumerate(heads):
            self.grid.addWidget(self._label(text, bold=True), 0, column)
        for r, (name, mine, theirs) in enumerate(lines, start=1):
            self.grid.addWidget(self._label(name, bold=True), r, 0)
            self.grid.addWidget(self._label(mine), r, 1)
            self.grid.addWidget(self._label(theirs, same=mine == theirs and bool(mine)), r, 2)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setRowStretch(len(lines) + 1, 1)

    def _label(self, text: str, *, bold: bool = False, same: bool = False) -> QLabel:
        label = QLabel(text, self.side)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if bold:
            label.setStyleSheet("font-weight: bold;")
        elif same:
            label.setStyleSheet("background: #e7f1e4;")  # the same on both sides
        return label

    def _on_merge(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.choice, self.chosen_id = RepeatChoice.MERGE, str(item.data(Qt.ItemDataRole.UserRole))
        self.accept()

    def _on_separate(self) -> None:
        self.choice = RepeatChoice.SEPARATE
        self.accept()
