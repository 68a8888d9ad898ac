"""The agreements list (协议): filters by kind, status, community, party and "expiring within
N days", a search over titles, numbers and the parties' names; a paged item model over SQL.

States follow the dates: ``refresh`` (on opening and F5) first moves every agreement's stored
status on to what its dates say today. Enter or a double-click opens the editor, Ctrl+N a new
agreement, Delete asks first and deletes softly (undo restores it). Every change is announced
on the window's change channel.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from app.agreements import lifecycle, service
from app.agreements.lists import AgreementList
from app.agreements.records import AgreementSettings, agreement_settings, expiring_days
from app.changes import Area, Changes
from app.directory.choices import org_unit_choices
from app.enums import AgreementKind, AgreementStatus, OrgLevel
from app.errors import UserError

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from ui.agreements.parties import BRANCH, UNIT, partner_choices
from ui.i18n import enum_text, message_text
from ui.models.paged_table import PagedTableModel
from ui.tab import FollowsChanges, TabContext
from ui.widgets.buttons import action_button
from ui.widgets.list_panel import ListPanel
from ui.widgets.one_dialog import open_dialog
from ui.widgets.pickers import ChoiceCombo
from ui.widgets.questions import ask

if TYPE_CHECKING:  # the editor, the settings and the undo command load when first used
    from ui.agreements.editor import AgreementDialog
    from ui.agreements.settings_dialog import SettingsDialog

SOURCE = AgreementList()
TITLE_COLUMN = SOURCE.column_index("title")
EXPIRING_CHOICES = (30, 60, 90)


class AgreementView(FollowsChanges, QWidget):
    shows = frozenset({Area.AGREEMENTS, Area.DIRECTORY})

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editor: AgreementDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.model = PagedTableModel(context.database, SOURCE, self)
        self.panel = ListPanel(self.model, self)
        self.panel.set_title(self.tr("共建协议"))
        self.panel.set_empty_text(self.tr("还没有共建协议。按 Ctrl+N 新建一份。"))
        self.panel.search.setPlaceholderText(self.tr("搜索协议名称、编号、签约单位（Ctrl+F）"))
        self._add_filters()
        self.panel.record_activated.connect(self.open_agreement)
        self.panel.current_changed.connect(lambda _id: self._enable())

        self.new_button = action_button(
            self, self.tr("新建协议…"), self.tr("新建共建协议（Ctrl+N）"), self.new_record
        )
        self.open_button = action_button(
            self, self.tr("打开…"), self.tr("打开编辑（Enter、双击）"), self.open_selected
        )
        self.delete_button = action_button(
            self, self.tr("删除"), self.tr("删除选中的协议，先询问（Delete）"), self.delete_selected
        )
        self.settings_button = action_button(
            self, self.tr("设置…"), self.tr("到期提醒天数、进度落后容差"), self.edit_settings
        )
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.settings_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(actions)
        layout.addWidget(self.panel, 1)
        context.lock_writes(self.new_button, self.delete_button, self.settings_button)
        self._enable()
        self.follow_changes(context.events)

    def _add_filters(self) -> None:
        panel = self.panel
        self.kind_filter = panel.add_filter(
            "kind", self.tr("类型"), [(enum_text(k), k) for k in AgreementKind]
        )
        self.status_filter = panel.add_filter(
            "status", self.tr("状态"), [(enum_text(s), s) for s in AgreementStatus]
        )
        with self.context.database.reader() as s:
            communities = org_unit_choices(s, (OrgLevel.STREET, OrgLevel.COMMUNITY))
            days = expiring_days(s)
        self.community_filter = panel.add_filter(
            "community", self.tr("街道社区"), [(c.label, c.id) for c in communities]
        )
        self.party_filter = ChoiceCombo(parent=self)
        self.party_filter.set_choices(partner_choices(self.context.database))
        self.party_filter.set_placeholder(self.tr("全部共建单位"))
        self.party_filter.setToolTip(self.tr("签约的驻区单位或党支部"))
        self.party_filter.currentIndexChanged.connect(self._apply_party)
        if (party_text := self.party_filter.lineEdit()) is not None:
            party_text.editingFinished.connect(self._apply_party)
        panel.filter_bar.addWidget(self.party_filter)
        self.expiring_filter = QComboBox(self)
        self.expiring_filter.setToolTip(self.tr("只列出即将到期的生效协议"))
        self.expiring_filter.addItem(self.tr("全部有效期"), None)
        for n in sorted({days, *EXPIRING_CHOICES}):
            self.expiring_filter.addItem(self.tr("{n}天内到期").format(n=n), n)
        self.expiring_filter.currentIndexChanged.connect(self._apply_expiring)
        panel.filter_bar.addWidget(self.expiring_filter)

    def _apply_party(self) -> None:
        value = self.party_filter.value()
        party = value.removeprefix(UNIT).removeprefix(BRANCH) if value else None
        if party != self.model.query.filters.get("party"):
            self.panel.set_fixed_filter("party", party)

    def _apply_expiring(self) -> None:
        self.panel.set_fixed_filter("expiring_within", self.expiring_filter.currentData())

    # what the tab forwards

    def refresh(self) -> None:
        """The list read again, keeping the selected agreement."""
        kept = self.panel.current_id()
        self.model.reload()
        if kept:
            self.panel.select_id(kept)

    def new_record(self) -> AgreementDialog:
        """A new agreement in the editor, of the kind the filter shows."""
        return self._open_editor(None)

    def focus_search(self) -> None:
        self.panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.search.selectAll()

    def delete_selected(self) -> bool:
        """Asks (default No), then deletes the selected agreement softly. True when deleted."""
        agreement_id = self.panel.current_id()
        row = self.model.row_at(self.panel.table.currentIndex().row())
        if agreement_id is None or row is None:
            return False
        title = str(row.values[TITLE_COLUMN])
        if not ask(
            self,
            self.tr("删除"),
            self.tr("删除协议“{title}”吗？\n删除后可用“撤销”（Ctrl+Z）恢复。").format(title=title),
        ):
            return False
        try:
            with self.context.database.session() as s:
                service.delete_agreement(s, agreement_id, row.version)
        except UserError as error:
            QMessageBox.warning(self, self.tr("无法删除"), message_text(error.message))
            self.model.reload()
            return False
        from ui.agreements.commands import DeleteAgreementCommand

        command = DeleteAgreementCommand(
            agreement_id, title, self.context.database, self.context.events
        )
        self.context.undo_stack.push(command)
        return True

    def set_filters(self, filters: Mapping[str, Any]) -> None:
        """Shows the agreements ``filters`` selects (``AgreementList`` keys), as if the user
        had chosen them: every other filter and the search are cleared first."""
        self.panel.search.clear()
        for combo in (self.kind_filter, self.status_filter, self.community_filter):
            combo.setCurrentIndex(0)
        self.party_filter.set_value(None)
        self.expiring_filter.setCurrentIndex(0)
        for key, value in filters.items():
            if key == "kind":
                _choose(self.kind_filter, value)
            elif key == "status":
                _choose(self.status_filter, value)
            elif key == "community":
                _choose(self.community_filter, value)
            elif key == "party":
                self._choose_party(str(value))
            elif key == "expiring_within":
                self._choose_expiring(int(value))
            else:
                self.panel.set_fixed_filter(key, value)

    def _choose_party(self, party_id: str) -> None:
        for prefix in (UNIT, BRANCH):
            if self.party_filter.findData(prefix + party_id) >= 0:
                self.party_filter.set_value(prefix + party_id)
                self._apply_party()
                return
        self.panel.set_fixed_filter("party", party_id)  # an org unit: no picker shows it

    def _choose_expiring(self, days: int) -> None:
        index = self.expiring_filter.findData(days)
        if index < 0:
            self.expiring_filter.addItem(self.tr("{n}天内到期").format(n=days), days)
            index = self.expiring_filter.count() - 1
        self.expiring_filter.setCurrentIndex(index)

    def edit_settings(self) -> SettingsDialog:
        with self.context.database.reader() as s:
            current = agreement_settings(s)
        from ui.agreements.settings_dialog import SettingsDialog

        dialog = SettingsDialog(current, self)

        def save(settings: AgreementSettings) -> int:
            with self.context.database.session() as s:
                return lifecycle.save_settings(s, settings)

        dialog.set_saver(save)
        dialog.saved.connect(self._on_settings_saved)
        self.settings_dialog = dialog
        return open_dialog(dialog)

    def _on_settings_saved(self, _changed: int) -> None:
        self.context.events.announce(Changes.of(Area.AGREEMENTS))  # states, red rows

    # the editor

    def open_selected(self) -> AgreementDialog | None:
        agreement_id = self.panel.current_id()
        return self.open_agreement(agreement_id) if agreement_id else None

    def open_agreement(self, agreement_id: str) -> AgreementDialog | None:
        try:
            return self._open_editor(agreement_id)
        except UserError as error:
            QMessageBox.warning(self, self.tr("共建协议"), message_text(error.message))
            self.model.reload()
            return None

    def open_first_with_commitments(self) -> AgreementDialog | None:
        with self.context.database.reader() as s:
            agreement_id = service.first_with_commitments(s)
        if agreement_id is None:
            return None
        self.panel.select_id(agreement_id)
        return self.open_agreement(agreement_id)

    def _open_editor(self, agreement_id: str | None) -> AgreementDialog:
        if self.editor is not None and self.editor.isVisible():
            if agreement_id is not None and self.editor.agreement_id == agreement_id:
                self.editor.raise_()
                self.editor.activateWindow()
                return self.editor
        kind = self.kind_filter.currentData()
        from ui.agreements.editor import AgreementDialog

        dialog = AgreementDialog(
            self.context, agreement_id, AgreementKind(kind) if kind else None, self
        )
        dialog.saved.connect(self._on_editor_saved)
        dialog.finished.connect(self._on_editor_finished)
        self.editor = dialog
        return open_dialog(dialog)

    def _on_editor_finished(self, _result: int) -> None:
        if self.editor is self.sender():
            self.editor = None

    def _on_editor_saved(self, agreement_id: str) -> None:
        self.model.reload()
        self.panel.select_id(agreement_id)

    # plumbing

    def take_changes(self, _changes: Changes, origin: object) -> None:
        """Read again, the selection kept (``refresh`` would also move states on)."""
        if origin is self:
            return
        kept = self.panel.current_id()
        self.model.reload()
        if kept:
            self.panel.select_id(kept)

    def _enable(self) -> None:
        chosen = self.panel.current_id() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)


def _choose(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index < 0:
        index = combo.findData(str(value))
    combo.setCurrentIndex(max(index, 0))
