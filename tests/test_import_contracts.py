"""The import contracts of pyproject.toml catch what they are there for.

``make lint`` runs them on the real code; these tests show that the
contract against cycles in core would fail on one (store ↔ journal, as there
was), so that a contract that silently checks nothing cannot pass for a kept one.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import grimp
from importlinter import configuration
from importlinter.contracts.acyclic_siblings import AcyclicSiblingsContract

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _core_contract() -> AcyclicSiblingsContract:
    configuration.configure()  # what lint-imports does first: a clock for its timings
    contracts: list[dict[str, Any]] = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"][
        "contracts"
    ]
    found = [
        c for c in contracts if c["type"] == "acyclic_siblings" and "app.core" in c["ancestors"]
    ]
    assert len(found) == 1, "one contract keeps core free of import cycles"
    options = {k: v for k, v in found[0].items() if k not in ("name", "type")}
    return AcyclicSiblingsContract(
        name=found[0]["name"], session_options={"root_packages": ["app"]}, contract_options=options
    )


def _graph(*imports: tuple[str, str]) -> grimp.ImportGraph:
    graph = grimp.ImportGraph()
    for package in ("app", "app.core", "app.core.journal"):
        graph.add_module(package)
    for importer, imported in imports:
        graph.add_import(importer=importer, imported=imported, line_number=1, line_contents="")
    return graph


def test_a_cycle_between_core_modules_breaks_the_contract() -> None:
    graph = _graph(
        ("app.core.store", "app.core.journal"),
        ("app.core.journal.replay", "app.core.store"),
    )
    assert not _core_contract().check(graph, verbose=False).kept


def test_imports_one_way_keep_it() -> None:
    graph = _graph(
        ("app.core.store", "app.core.journal"),
        ("app.core.journal.replay", "app.core.models"),
        ("app.core.store", "app.core.projectfile"),
    )
    assert _core_contract().check(graph, verbose=False).kept
