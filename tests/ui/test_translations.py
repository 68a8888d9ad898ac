"""The English translation: complete for the current sources, true to the placeholders,
compiled into the .qm the app loads, and what the main window shows in English."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.database import Database
from app.directory import service
from app.directory.records import OrgUnitData, ResidentUnitData
from app.meetings.kinds import DEFAULT_KINDS
from db.models.directory import OrgLevel, UnitCategory

from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
)
from ui.directory.tab import DirectoryTab
from ui.main_window import MainWindow
from ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "gongjian_en.ts"
QM = TS.with_suffix(".qm")
HOW_TO_UPDATE = """\
Update the translation (README, "Translations"):
  pyside6-lupdate $(git ls-files 'app/*.py' 'ui/*.py') \
$(git ls-files --others --exclude-standard 'app/*.py' 'ui/*.py') \
-source-language zh_CN -target-language en -locations none \
-ts resources/translations/gongjian_en.ts
  then translate what is new (pyside6-linguist), and
  pyside6-lrelease resources/translations/gongjian_en.ts \
-qm resources/translations/gongjian_en.qm"""
PLACEHOLDER = re.compile(r"\{(\w+)(?::[^{}]*)?\}")  # the name; a format spec may differ
CJK = re.compile(r"[\u3400-\u9fff]")
UNIT = "江苏省某某厅"
STREET = "宁海路街道"

Key = tuple[str, str]  # (context, source)


def _tool(name: str) -> str:
    """A Qt tool installed with PySide6: next to this Python, else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is neither next to {sys.executable} nor on PATH")
    return found


def _messages(ts: Path) -> dict[Key, ET.Element]:
    """Each message's <translation> element, by (context, source)."""
    messages: dict[Key, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            messages[(name, message.findtext("source", ""))] = translation
    return messages


def _finished(translation: ET.Element | None) -> bool:
    # type is "unfinished" until translated, "vanished"/"obsolete" once gone from the sources
    return translation is not None and "type" not in translation.attrib and bool(translation.text)


def _english() -> dict[Key, str]:
    return {key: t.text or "" for key, t in _messages(TS).items() if _finished(t)}


@pytest.fixture(scope="module")
def source_messages(tmp_path_factory: pytest.TempPathFactory) -> set[Key]:
    """What lupdate finds in app/ and ui/ now, tracked by git or not."""
    ts = tmp_path_factory.mktemp("lupdate") / "current.ts"
    sources = sorted(str(p) for folder in ("app", "ui") for p in (ROOT / folder).rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-locations", "none", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    return set(_messages(ts))


def test_every_source_string_has_an_english_translation(source_messages: set[Key]) -> None:
    committed = _messages(TS)
    missing = sorted(key for key in source_messages if not _finished(committed.get(key)))
    listing = "\n".join(f"  [{context}] {source!r}" for context, source in missing)
    assert not missing, (
        f"{len(missing)} string(s) lack an English translation in "
        f"{TS.relative_to(ROOT)}:\n{listing}\n{HOW_TO_UPDATE}"
    )


def test_translations_keep_the_placeholders() -> None:
    wrong = [
        f"  [{context}] {source!r} -> {text!r}"
        for (context, source), text in _english().items()
        if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(text))
    ]
    assert not wrong, "placeholders differ from the source:\n" + "\n".join(wrong)


def test_the_committed_qm_is_compiled_from_the_ts(qapp: object) -> None:
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    assert translator.translate("MainWindow", "首页") == "Home"
    stale = [
        f"  [{context}] {source!r}: .ts {text!r}, .qm {compiled!r}"
        for (context, source), text in _english().items()
        if (compiled := translator.translate(context, source)) != text
    ]
    assert not stale, (
        f"{QM.name} is out of date with {TS.name}:\n" + "\n".join(stale) + "\n" + HOW_TO_UPDATE
    )


# -- the main window in English -------------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, english: None, database: Database, tmp_path: Path) -> MainWindow:
    with database.session() as s:
        street = service.org_units.create(s, OrgUnitData(STREET, OrgLevel.STREET))
        service.resident_units.create(
            s, ResidentUnitData(UNIT, UnitCategory.PROVINCIAL_ORGAN, street.id)
        )
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(database.target, settings, interactive=False)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.open_database()
    return main


def _visible_texts(window: MainWindow) -> list[str]:
    """Every piece of interface text in the window, not counting the records it lists."""
    texts: list[str] = [window.windowTitle()]
    for menu in window.menuBar().findChildren(QMenu):
        texts += [menu.title()] + [action.text() for action in menu.actions()]
    for label in window.findChildren(QLabel):
        texts += [label.text(), label.toolTip()]
    for button in window.findChildren(QAbstractButton):
        texts += [button.text(), button.toolTip()]
    for edit in window.findChildren(QLineEdit):
        texts += [edit.placeholderText(), edit.toolTip()]
    for combo in window.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())] + [combo.toolTip()]
    for bar in window.findChildren(QTabBar):
        texts += [bar.tabText(i) for i in range(bar.count())]
    for header in window.findChildren(QHeaderView):
        if model := header.model():
            texts += [
                str(model.headerData(i, header.orientation()) or "") for i in range(header.count())
            ]
    data = {STREET, UNIT, *DEFAULT_KINDS}  # records and settings, typed by users
    return [text for text in texts if not any(item in text for item in data)]


def test_the_main_window_speaks_english(window: MainWindow) -> None:
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == [
        "Home",
        "Joint Meetings",
        "Co-building Agreements",
        "Cadre Secondments",
        "Issues",
        "Organisations and People",
    ]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Help"]
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert "&Back Up Database…" in [action.text() for action in file_menu.actions()]
    assert window.counts_label.text().startswith("Units 1 · People 0")

    page = window.show_tab("directory")
    assert isinstance(page, DirectoryTab)
    units = page.lists[0].model
    headers = [units.headerData(i, Qt.Orientation.Horizontal) for i in range(units.columnCount())]
    assert headers[:3] == ["Unit name", "Category", "Community"]
    assert units.data(units.index(0, 1)) == "Provincial organ"
    for key in ("meetings", "agreements", "secondments", "issues"):
        window.show_tab(key)

    chinese = sorted({text for text in _visible_texts(window) if CJK.search(text)})
    assert not chinese, f"untranslated interface text in English: {chinese}"
