"""The conflict inbox names tables and fields in the interface's language."""

from __future__ import annotations

from app.exchange.labels import CONTEXT, FIELDS, TABLES

from PySide6.QtCore import QCoreApplication
from ui.exchange.conflicts import field_label


def test_field_names_are_chinese_by_default(qapp: object) -> None:
    assert field_label("reporter_name") == "反映人"
    assert field_label("no_such_field") == "no_such_field"  # unnamed: the column itself


def test_every_table_and_field_name_is_translated_to_english(english: None) -> None:
    assert field_label("reporter_name") == "Reported by"
    names = [*TABLES.values(), *FIELDS.values()]
    untranslated = [text for text in names if QCoreApplication.translate(CONTEXT, text) == text]
    assert not untranslated, untranslated
