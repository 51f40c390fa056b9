"""Every test runs with its own settings, data and log folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("REJOINDER_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("REJOINDER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("REJOINDER_LOG_DIR", str(home / "log"))
    yield home
