"""Translation: the user's language, and turning app/ messages and codes into text.

Source strings are Simplified Chinese; English comes from resources/translations/*.qm.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

if TYPE_CHECKING:
    from app.i18n import Message

LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []


def install_language(language: str) -> bool:
    """Loads the translation for ``language`` (none is needed for Chinese); True on success."""
    from app.paths import resource_path

    app = QCoreApplication.instance()
    assert app is not None, "the application object is made before its language"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.English if language == "en" else QLocale.Language.Chinese)
    )
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _install(app, qt_folder, f"qtbase_{language}")
    if language == DEFAULT_LANGUAGE:
        return True
    return _install(app, str(resource_path("translations")), f"gongjian_{language}")


def _install(app: QCoreApplication, folder: str, name: str) -> bool:
    """Qt's own dialogs and buttons (Close, Yes, the file dialog) come from qtbase_*.qm."""
    translator = QTranslator(app)
    if not translator.load(name, folder):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def message_text(message: Message) -> str:
    return message.format(translate)


def enum_text(member: StrEnum) -> str:
    from app.labels import label

    return translate("enums", label(member))
