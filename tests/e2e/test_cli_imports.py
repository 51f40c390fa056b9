"""The light commands load only what they use: the import graph is pinned, not timed.

``--version`` (0.1 s), ``sources`` (0.25 s) and ``new`` (0.3 s) have budgets
smaller than importing SQLAlchemy; these tests run each command in a fresh
interpreter, as ``rejoinder`` starts, and list the modules it loaded.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from app import __version__
from app.core.journal import replay
from app.core.services.sources import add_source, list_sources
from app.core.similar.index import versions_to_index
from app.core.store import ProjectStore
from app.importers.text import import_text
from tests.core.factories import SUBMISSION, make_project
from tests.helpers import ROOT

# Run a command as app.__main__ does, then print every module it loaded.
_PROBE = """
import sys
from app.__main__ import start
try:
    code = start(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print("MODULES", *sorted(sys.modules), file=sys.stderr)
sys.exit(code)
"""

HEAVY = (
    "sqlalchemy",
    "alembic",
    "PySide6",
    "shiboken6",
    "docx",
    "lxml",
    "pypdfium2",
    "rapidfuzz",
    "jsonschema",
    "charset_normalizer",
    "app.gui",
    "app.importers",
    "app.exporters",
    "app.core.store",
    "app.core.models",
)


def _loaded(*args: str | Path) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )
    line = next(ln for ln in result.stderr.splitlines() if ln.startswith("MODULES "))
    return result, set(line.split()[1:])


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY))


def test_the_version_is_the_one_in_pyproject() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert __version__ == data["project"]["version"]


def test_version_loads_no_library() -> None:
    result, modules = _loaded("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("rejoinder ")
    assert _heavy(modules) == []
    assert "sqlite3" not in modules and "importlib.metadata" not in modules


def test_new_loads_neither_orm_nor_alembic(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    result, modules = _loaded("new", path, "--title", "T", "--org", "O")
    assert result.returncode == 0, result.stderr
    assert path.exists()
    assert _heavy(modules) == []


def test_sources_loads_neither_orm_nor_alembic(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    with make_project(path) as store:
        source = add_source(
            store, import_text(SUBMISSION), SUBMISSION.encode(), filename="a.txt", label="Arcadia"
        )
    result, modules = _loaded("sources", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\t")[:2] == [source, "Arcadia"]
    assert _heavy(modules) == []


def test_export_of_a_file_loads_neither_orm_nor_alembic(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    with make_project(path) as store:
        add_source(
            store, import_text(SUBMISSION), SUBMISSION.encode(), filename="a.txt", label="Arcadia"
        )
    result, modules = _loaded("export", path, "-o", tmp_path / "out.docx")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.docx").stat().st_size > 0
    orm = ("sqlalchemy", "alembic", "app.core.store", "app.core.models", "PySide6", "app.gui")
    assert sorted(m for m in modules if m.startswith(orm)) == []


def test_importing_a_pdf_loads_no_other_format_and_no_index(tmp_path: Path) -> None:
    """The PDF's page readers start before the store's modules; nothing else slows them."""
    path = tmp_path / "p.rejoinder"
    make_project(path).close()
    pdf = ROOT / "tests/fixtures/realdocs/pdf/two-column-tracemonkey-paper.pdf"
    result, modules = _loaded("import", path, pdf)
    assert result.returncode == 0, result.stderr
    others = ("lxml", "docx", "charset_normalizer", "markdown_it", "alembic", "datasketch", "scipy")
    assert sorted(m for m in modules if m.split(".")[0] in others) == []
    assert "app.importers.text" not in modules


@pytest.mark.parametrize("command", ["cite", "export", "import"])
def test_a_heavier_command_loads_only_its_own_cli_module(command: str) -> None:
    result, modules = _loaded(command)
    assert result.returncode == 2  # its arguments are missing
    cli = sorted(m for m in modules if m.startswith("app.cli."))
    own = {"cite": "app.cli.drafting", "export": "app.cli.project", "import": "app.cli.sources"}
    assert cli == ["app.cli.common", own[command]]
    assert _heavy(modules) == []


def test_importing_into_a_file_loads_neither_orm_nor_alembic(tmp_path: Path) -> None:
    """A new source is stored with sqlite3 alone (app.core.quickimport), and undo takes it back."""
    path = tmp_path / "p.rejoinder"
    make_project(path).close()
    pdf = ROOT / "tests/fixtures/realdocs/pdf/two-column-tracemonkey-paper.pdf"
    result, modules = _loaded("import", path, pdf, "--party", "Mozilla")
    assert result.returncode == 0, result.stderr
    orm = ("sqlalchemy", "alembic", "app.core.store", "app.core.models", "app.core.services")
    assert sorted(m for m in modules if m.startswith(orm)) == []
    with ProjectStore.open(path) as store:
        (info,) = list_sources(store)
        assert (info.id, info.label) == (result.stdout.strip(), "Mozilla")
        assert not versions_to_index(store)  # its sentences were indexed with it
        assert replay.undo(store).label == "Import source"
        assert list_sources(store) == []


def test_a_long_pdf_loads_the_quick_path_while_a_worker_reads(tmp_path: Path) -> None:
    """Long enough for a worker: this process imports the store's modules meanwhile, then reads."""
    from tests.pdf_factory import build_document

    path = tmp_path / "p.rejoinder"
    make_project(path).close()
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(build_document(45))
    result, modules = _loaded("import", path, pdf, "--party", "Bench")
    assert result.returncode == 0, result.stderr
    assert "app.core.quickimport" in modules and "app.core.similar.build" in modules
    assert "app.core.services" not in modules
    with ProjectStore.open(path) as store:
        (info,) = list_sources(store)
        assert info.label == "Bench" and not versions_to_index(store)


def test_the_import_command_gives_the_quick_path_as_work_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What this process does while a worker reads: the quick path's modules, or the store's."""
    import argparse

    from app.cli import sources as cli_sources

    given: list[object] = []

    def import_file(data: bytes, name: str, options: object) -> object:
        given.append(getattr(options, "meanwhile", None))
        raise SystemExit(0)

    monkeypatch.setattr("app.importers.detect.import_file", import_file)
    text = tmp_path / "a.txt"
    text.write_text("Some words.\n", encoding="utf-8")
    for version_of, expected in ((None, "_load_the_quick_path"), ("SRC", "_load_the_store")):
        args = argparse.Namespace(
            file=str(tmp_path / "p.rejoinder"),
            path=str(text),
            password=None,
            language=None,
            new_version_of=version_of,
            party=None,
            kind=None,
        )
        with pytest.raises(SystemExit):
            cli_sources.cmd_import(args)
        assert getattr(given[-1], "__name__", None) == expected
