"""Every test runs with its own settings, data and log folders; exports go past LibreOffice."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.libreoffice_check import check_with_libreoffice, exported_documents
from tests.pgserver import pg_database, pg_passfile, pg_server, pg_url  # noqa: F401  (fixtures)

# Qt tests never need a screen; without this a run outside `make test` aborts.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("REJOINDER_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("REJOINDER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("REJOINDER_LOG_DIR", str(home / "log"))
    # The command line speaks the system's language: tests pin English unless they choose.
    monkeypatch.setenv("LANGUAGE", "en")
    yield home


_EXPORTS: list[Path] = []


# Tests that export contributions; elsewhere a .docx is an importer's input (some hostile).
_EXPORTING_TESTS = ("exporters", "e2e", "gui")


@pytest.fixture(autouse=True)
def no_kept_pdf_workers() -> Iterator[None]:
    """A PDF worker kept for the next import (the window's) does not outlive its test:
    later tests count the processes an import leaves."""
    yield
    standing = sys.modules.get("app.importers.pdf.standing")
    if standing is not None:
        standing.keep_readers(0)


@pytest.fixture(autouse=True)
def _collect_exports(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[None]:
    yield
    if request.node.path.parent.name in _EXPORTING_TESTS:
        _EXPORTS.extend(exported_documents(tmp_path))


@pytest.fixture(autouse=True, scope="session")
def _exports_open_in_libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """After the last test: every exported .docx must load in LibreOffice with its footnotes."""
    yield
    problems = check_with_libreoffice(_EXPORTS, tmp_path_factory.mktemp("libreoffice"))
    assert not problems, "\n".join(problems)
