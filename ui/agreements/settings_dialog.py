"""设置…: when an agreement counts as 即将到期, and how far behind the year a commitment may
fall before it is shown in red. Saving moves the states on to what the new days say."""

from __future__ import annotations

from app.agreements.records import AgreementSettings

from PySide6.QtWidgets import QSpinBox, QWidget
from ui.widgets.record_dialog import RecordDialog


class SettingsDialog(RecordDialog):
    def __init__(self, settings: AgreementSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("共建协议设置"), parent)
        self.expiring_days = QSpinBox(self)
        self.expiring_days.setRange(0, 999)
        self.expiring_days.setSuffix(self.tr(" 天"))
        self.expiring_days.setToolTip(self.tr("有效期截止前这么多天内，协议显示为“即将到期”"))
        self.behind_percent = QSpinBox(self)
        self.behind_percent.setRange(0, 999)
        self.behind_percent.setSuffix(self.tr(" 个百分点"))
        self.behind_percent.setToolTip(
            self.tr("完成比例落后于全年时间进度超过这么多，承诺显示为“进度落后”（红色）")
        )
        self.add_row(self.tr("到期提醒"), self.expiring_days, "expiring_days")
        self.add_row(self.tr("进度落后容差"), self.behind_percent, "behind_percent")
        self.finish(settings)

    def load(self, settings: AgreementSettings) -> None:
        self.expiring_days.setValue(settings.expiring_days)
        self.behind_percent.setValue(settings.behind_percent)

    def collect(self) -> AgreementSettings:
        return AgreementSettings(self.expiring_days.value(), self.behind_percent.value())
