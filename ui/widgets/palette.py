"""The colours the screens speak with, each named once: one red for an error or something
overdue, one amber for a warning, one green for done, one blue for a draft, one grey for
what has ended and one for a hint or an empty state. A screen takes its colours and style
sheets from here."""

from __future__ import annotations

ERROR_RED = "#a4161a"  # text: an error, overdue, behind
ERROR_FILL = "#fde0de"  # background of an error row or banner
WARNING_AMBER = "#7a5900"  # text: due soon, missing, needs a look
WARNING_FILL = "#fff3c4"
DONE_GREEN = "#1e6b34"
DONE_FILL = "#e6f4ea"
DRAFT_BLUE = "#1f4e79"
DRAFT_FILL = "#eef3f8"
ENDED_GREY = "#555"
ENDED_FILL = "#f1f1f1"
HINT_GREY = "#666"  # text: a hint, a note, an empty list's or page's message

ERROR_TEXT = f"color: {ERROR_RED};"
WARNING_TEXT = f"color: {WARNING_AMBER};"
DONE_TEXT = f"color: {DONE_GREEN};"
HINT_TEXT = f"color: {HINT_GREY};"
EMPTY_NOTE = f"color: {HINT_GREY}; font-size: 14px;"  # what an empty list or page says

ROW_COLOURS = {  # a list row's style → (background, text)
    "red": (ERROR_FILL, ERROR_RED),
    "yellow": (WARNING_FILL, WARNING_AMBER),
}


def banner(background: str, text: str) -> str:
    """The style of a status banner above an editor."""
    return f"background: {background}; color: {text}; padding: 6px; border-radius: 3px;"


FIELD_ERRORS = f"""
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"],
QSpinBox[invalid="true"] {{ border: 1px solid {ERROR_RED}; border-radius: 2px; }}
QCheckBox[invalid="true"] {{ color: {ERROR_RED}; }}
QLabel#fieldError {{ color: {ERROR_RED}; }}
"""
"""A dialog's style sheet for inputs marked invalid and their error lines."""
