"""Every module of the application has its own logger, so what it logs says where it came from.

A module that defines something (a function or a class) must define
``logger = logging.getLogger(__name__)`` at its top level; a package's face
(an ``__init__`` that only hands names on) needs none.
"""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"
LOGGER = "logger = logging.getLogger(__name__)"


def _needs_logger(tree: ast.Module) -> bool:
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return any(isinstance(node, kinds) for node in tree.body)


def _has_logger(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.Assign) and ast.unparse(node) == LOGGER for node in tree.body)


def test_the_check_tells_a_module_without_a_logger() -> None:
    assert not _has_logger(ast.parse("import logging\n\ndef f() -> None: ...\n"))
    assert _has_logger(ast.parse(f"import logging\n{LOGGER}\n"))
    assert not _needs_logger(ast.parse("from app.x import y as y\n"))


def test_every_module_has_a_logger_of_its_own() -> None:
    missing = []
    for path in sorted(APP.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if _needs_logger(tree) and not _has_logger(tree):
            missing.append(str(path.relative_to(APP.parent)))
    assert not missing, missing
