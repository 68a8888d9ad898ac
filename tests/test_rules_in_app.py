"""Each lifecycle rule lives once, in app/: the screens read the actions a detail allows.

A comparison of a status in ui/ (``d.status is AgreementStatus.DRAFT``, ``status in FINAL``,
``status.value == "planned"``) restates a rule app/ owns; so does a status value written as
a literal. The allow-list names the places left over, per file; it only shrinks.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

from db.models.agreements import AgreementStatus
from db.models.issues import IssueStatus
from db.models.secondments import PostingStatus

ROOT = Path(__file__).resolve().parents[1]
COMPARING = (ast.Is, ast.IsNot, ast.Eq, ast.NotEq, ast.In, ast.NotIn)
LIFECYCLE_SETS = {"FINAL", "DATED", "RUNNING", "FINISHED", "OPEN_STATUSES", "ENDED_STATUSES"}
STATUS_VALUES = {s.value for enum in (AgreementStatus, PostingStatus, IssueStatus) for s in enum}

# status comparisons left in areas outside the agreement, posting and issue lifecycles (the
# three lists' claims, minutes, attendance): file → how many
ALLOWED = {
    "ui/agreements/claims_commands.py": 2,
    "ui/agreements/claims_detail.py": 4,
    "ui/agreements/claims_view.py": 4,
    "ui/meetings/agenda_model.py": 1,
    "ui/meetings/attendee_model.py": 1,
    "ui/meetings/attendees_page.py": 1,
    "ui/meetings/tab.py": 1,
}


def _is_status(node: ast.expr) -> bool:
    """``x.status``, ``status``, ``x.status.value``, ``SomeStatus.MEMBER`` or a lifecycle set."""
    if isinstance(node, ast.Attribute) and node.attr == "value":
        node = node.value
    if isinstance(node, ast.Attribute):
        if node.attr == "status":
            return True
        return isinstance(node.value, ast.Name) and node.value.id.endswith("Status")
    if isinstance(node, ast.Name):
        return node.id == "status" or node.id in LIFECYCLE_SETS
    return False


def _is_status_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value in STATUS_VALUES


def status_comparisons(tree: ast.AST) -> list[int]:
    """The lines where ``tree`` compares a status."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        if not any(isinstance(op, COMPARING) for op in node.ops):
            continue
        operands = [node.left, *node.comparators]
        if any(isinstance(o, ast.Constant) and o.value is None for o in operands):
            continue  # whether there is one, not which
        if any(_is_status(o) or _is_status_literal(o) for o in operands):
            lines.append(node.lineno)
    return lines


def test_the_scan_finds_a_restated_rule() -> None:
    found = status_comparisons(
        ast.parse(
            "a = d.status is AgreementStatus.DRAFT\n"
            "b = status in FINAL\n"
            'c = detail.status.value == "planned"\n'
            'e = x == "ended_early"\n'
            "f = Action.EDIT in detail.actions\n"
            "g = d.status is None\n"
        )
    )
    assert found == [1, 2, 3, 4]


def test_no_status_comparison_in_ui() -> None:
    found: Counter[str] = Counter()
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for _line in status_comparisons(tree):
            found[path.relative_to(ROOT).as_posix()] += 1
    over = {f: n for f, n in found.items() if n > ALLOWED.get(f, 0)}
    assert over == {}, "a status is compared in ui/: read the detail's allowed actions instead"
    gone = {f: n for f, n in ALLOWED.items() if found[f] < n}
    assert gone == {}, "fewer status comparisons than allowed: shrink ALLOWED to what is left"
