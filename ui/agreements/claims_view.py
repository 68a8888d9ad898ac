"""The three lists (三张清单) and two-way claiming (双向认领).

Left: needs, resources and projects in one paged list, with the list, status and category
filters and a search. Right: the selected entry, the next step it can take (认领 → 开始实施 →
完成, each with its date), and 建议匹配 — for an open need or resource, the open entries of the
other side with the same category in the same zone; 按建议认领 claims both in one step.
Ctrl+N raises a new entry; Delete asks, then deletes one raised by mistake (undo restores it).
Every change is announced on the window's change channel.
"""

from __future__ import annotations

from datetime import date

from app.agreements import claims
from app.agreements.claims import EntryDetail, ListEntryData, Match
from app.agreements.entry_list import ListEntryList
from app.agreements.store import live_entry
from app.enums import ListEntryStatus, ListKind
from app.errors import check_version

from PySide6.QtWidgets import (
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.agreements.claims_commands import ClaimStepCommand
from ui.agreements.claims_detail import EntryPanel
from ui.agreements.claims_dialogs import COMMUNITY, UNIT, EntryDialog, StepDialog
from ui.agreements.removal_commands import DeleteEntryCommand
from ui.agreements.view_base import ListView
from ui.i18n import enum_text
from ui.models.paged_table import PagedTableModel
from ui.tab import TabContext
from ui.widgets.list_panel import ListPanel
from ui.widgets.questions import ask
from ui.widgets.splitter import side_by_side


class ClaimsView(ListView):
    def __init__(
        self, context: TabContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(context, parent, today=today)
        self.detail: EntryDetail | None = None

        self.model = PagedTableModel(self.database, ListEntryList(), self)
        self.panel = ListPanel(self.model, self)
        self.panel.set_title(self.tr("三张清单"))
        self.panel.set_empty_text(self.tr("还没有清单。按 Ctrl+N 提出一条需求、资源或项目。"))
        with self.database.reader() as session:
            categories = claims.categories(session)
        self.filters = {
            "list_kind": self.panel.add_filter(
                "list_kind", self.tr("清单"), [(enum_text(k), k) for k in ListKind]
            ),
            "status": self.panel.add_filter(
                "status", self.tr("状态"), [(enum_text(s), s) for s in ListEntryStatus]
            ),
            "category": self.panel.add_filter(
                "category", self.tr("类别"), [(c, c) for c in categories]
            ),
        }
        self.new_button = QPushButton(self.tr("提出…"), self)
        self.new_button.setToolTip(self.tr("提出一条需求、资源或项目（Ctrl+N）"))
        self.panel.filter_bar.addWidget(self.new_button)

        self.entry = EntryPanel(self)
        self.entry.step_button.clicked.connect(self.next_step)
        self.entry.release_button.clicked.connect(lambda: self.end_claim(release=True))
        self.entry.cancel_button.clicked.connect(lambda: self.end_claim(release=False))
        self.entry.delete_button.clicked.connect(self.delete_selected)
        self.entry.match_button.clicked.connect(self.claim_suggestion)
        self.entry.matches.itemActivated.connect(lambda _item: self.claim_suggestion())
        self.new_button.clicked.connect(self.new_record)
        entry = self.entry
        context.lock_writes(
            self.new_button,
            entry.step_button,
            entry.release_button,
            entry.cancel_button,
            entry.delete_button,
            entry.match_button,
        )
        self.panel.current_changed.connect(self._on_panel_current_changed)
        self.panel.record_activated.connect(lambda _id: self.next_step())
        self.panel.query_changed.connect(self._select_first)
        self._build_layout()
        self.refresh()

    def _build_layout(self) -> None:
        splitter = side_by_side(self, self.panel, self.entry, (960, 400))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # the view's interface

    def refresh(self) -> None:
        kept = self.panel.current_id()
        self.model.reload()
        if not (kept and self.panel.select_id(kept)):
            self._select_first()
        self._show(self.panel.current_id())
        self._ready = True

    def _select_first(self) -> None:
        if self.model.rowCount():
            self.panel.table.selectRow(0)

    def new_record(self) -> None:
        with self.database.reader() as session:
            categories = claims.categories(session)
        kind = self.filters["list_kind"].currentData()
        data = ListEntryData(list_kind=kind, raised_on=self.today)
        dialog = EntryDialog(self.database, data, categories, self)
        dialog.set_saver(self._create)
        self._open(dialog)

    # steps

    def next_step(self) -> None:
        """Opens the dialog of the selected entry's next step (认领, 开始实施 or 完成)."""
        detail = self.detail
        if detail is None or detail.status not in claims.NEXT:
            return
        wanted = claims.NEXT[detail.status]
        titles = {
            ListEntryStatus.CLAIMED: self.tr("认领"),
            ListEntryStatus.IN_PROGRESS: self.tr("开始实施"),
            ListEntryStatus.DONE: self.tr("完成"),
        }
        side = (
            (UNIT if detail.claimed_by_unit else COMMUNITY)
            if wanted is ListEntryStatus.CLAIMED
            else None
        )
        dialog = StepDialog(
            self.database,
            titles[wanted],
            detail.title,
            max(self.today, detail.raised_on),
            claimant_side=side,
            parent=self,
        )

        def save(values: tuple[date, str | None, str | None]) -> str:
            on, org_unit_id, unit_id = values
            command = ClaimStepCommand(
                detail.id,
                detail.title,
                wanted,
                on,
                (org_unit_id, unit_id),
                self.database,
                self.context.events,
            )
            with self.database.session() as session:
                check_version(live_entry(session, detail.id), detail.version)  # not changed since
                command.apply(session)
            self.context.undo_stack.push(command)
            return detail.id

        dialog.set_saver(save)
        self._open(dialog)

    def end_claim(self, *, release: bool) -> None:
        """退回 (a claimed entry back to the list) or 取消 (the entry is dropped), with a reason
        the audit log keeps."""
        from ui.widgets.reason_dialog import ReasonDialog

        detail = self.detail
        if detail is None:
            return
        action = claims.release if release else claims.cancel

        def apply(reason: str) -> None:
            with self.database.session() as session:
                action(session, detail.id, detail.version, reason)
            self._changed()

        dialog = ReasonDialog(
            self.tr("退回认领") if release else self.tr("取消清单"),
            (
                self.tr("“{title}”退回后回到待认领，请说明原因：")
                if release
                else self.tr("取消“{title}”，请说明原因：")
            ).format(title=detail.title),
            apply,
            self,
        )
        self._open(dialog)

    def delete_selected(self) -> bool:
        """Delete: asks (default No), then deletes the selected open or cancelled entry; undo
        restores it. True when deleted."""
        detail = self.detail
        if detail is None or detail.status not in claims.DELETABLE:
            return False
        if not ask(
            self,
            self.tr("删除清单"),
            self.tr("删除“{title}”吗？\n删除后可用“撤销”（Ctrl+Z）恢复。").format(
                title=detail.title
            ),
        ):
            return False
        if not self._run(lambda s: claims.delete_entry(s, detail.id, detail.version)):
            return False
        self.context.undo_stack.push(
            DeleteEntryCommand(detail.id, detail.title, self.database, self.context.events)
        )
        return True

    def claim_suggestion(self) -> None:
        match = self.entry.current_match()
        if match is None:
            return
        if not ask(
            self,
            self.tr("按建议认领"),
            self.tr(
                "由“{unit}”认领“{community}”的需求“{need}”，"
                "同时由“{community}”认领资源“{resource}”？"
            ).format(
                unit=match.unit_name,
                community=match.community_name,
                need=match.need_title,
                resource=match.resource_title,
            ),
            yes_by_default=True,
        ):
            return
        if self._run(lambda s: claims.claim_match(s, match.need_id, match.resource_id, self.today)):
            self._changed()

    def _create(self, data: ListEntryData) -> str:
        with self.database.session() as session:
            entry_id = claims.create_entry(session, data)
        self._changed()
        self.panel.select_id(entry_id)
        return entry_id

    # showing

    def _show(self, entry_id: str | None) -> None:
        detail = None
        found: list[Match] = []
        if entry_id is not None:
            with self.database.reader() as session:
                detail = claims.entry_detail(session, entry_id)
                if detail.status is ListEntryStatus.OPEN:
                    found = claims.matches_for(session, entry_id)
        self.detail = detail
        self.entry.show_entry(detail, found)

    # slots

    def _on_panel_current_changed(self, entry_id: object) -> None:
        self._show(entry_id if isinstance(entry_id, str) else None)
