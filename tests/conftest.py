"""Every test runs with its own settings, data and log folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

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
    yield home
