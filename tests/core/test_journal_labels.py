"""Every write names its operation: Edit › Undo and ``rejoinder log`` say what a step was.

A ``store.write()`` without a label would be journalled as "Edit", which tells
the user nothing; the only unlabelled writes allowed are undo and redo
themselves (``record=False``), which are not journalled at all.
"""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def _unlabelled_writes(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr != "write" or not isinstance(node.func.value, ast.Name | ast.Attribute):
            continue
        receiver = ast.unparse(node.func.value)
        if not receiver.endswith("store"):
            continue
        keywords = {k.arg for k in node.keywords}
        if not node.args and not keywords & {"label", "record"}:
            lines.append(node.lineno)
    return lines


def test_the_check_finds_an_unlabelled_write() -> None:
    code = "with store.write() as s:\n    pass\nwith self.store.write('Add') as s:\n    pass"
    tree = ast.parse(code)
    assert _unlabelled_writes(tree) == [1]


def test_every_write_of_the_application_has_its_own_label() -> None:
    found = {
        f"{path.relative_to(APP.parent)}:{line}"
        for path in sorted(APP.rglob("*.py"))
        for line in _unlabelled_writes(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert not found, f"store.write() without a label: {sorted(found)}"
