"""A colour the palette names is typed only in the palette: the screens take it by its name,
so one grey for hints and one red for errors stay one."""

from __future__ import annotations

import re
from pathlib import Path

from ui.widgets import palette

ROOT = Path(__file__).resolve().parents[2]
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
# The same value by chance, meaning something else: #555 is a quiet label or a hint's text
# here (not something that has ended), #1f4e79 an observer (not a draft), #f1f1f1 the
# read-only banner (not an ended record).
SAME_VALUE_OTHER_MEANING = {
    ("ui/agreements/matrix_view.py", "#555"),
    ("ui/home/tiles.py", "#555"),
    ("ui/meetings/agenda_forms.py", "#555"),
    ("ui/meetings/summary.py", "#555"),
    ("ui/secondments/assessment.py", "#555"),
    ("ui/meetings/attendee_model.py", "#1f4e79"),
    ("ui/widgets/read_only.py", "#f1f1f1"),
}


def named_colours() -> dict[str, str]:
    """Each colour literal of the palette, lower case, with its name."""
    return {
        value.lower(): name
        for name, value in vars(palette).items()
        if name.isupper() and isinstance(value, str) and COLOUR.fullmatch(value)
    }


def test_no_screen_types_a_colour_the_palette_names() -> None:
    named = named_colours()
    assert {"#666", palette.ERROR_RED, palette.DONE_GREEN} <= named.keys()
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {colour} is palette.{named[colour.lower()]}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        if path.name != "palette.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for colour in COLOUR.findall(line)
        if colour.lower() in named
        and (path.relative_to(ROOT).as_posix(), colour.lower()) not in SAME_VALUE_OTHER_MEANING
    ]
    assert offenders == []
