"""Project properties can be edited after creation (issue 10 §8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import InvalidInputError
from app.core.services.project import ProjectProperties, project_properties, update_project
from app.core.store import ProjectStore


def test_edit_then_reopen(tmp_path: Path) -> None:
    path = tmp_path / "p.rejoinder"
    with ProjectStore.create(path, title="Old", organisation="Us") as store:
        new = ProjectProperties("Comments on WGEC-3", "Arcadia", "WGEC-3", "2027-01-20", "fr")
        update_project(store, new)
    with ProjectStore.open(path) as store:
        assert project_properties(store) == new


@pytest.mark.parametrize(
    "bad", [ProjectProperties("  ", "Us", "", "", "en"), ProjectProperties("T", "Us", "", "", "de")]
)
def test_bad_properties_change_nothing(tmp_path: Path, bad: ProjectProperties) -> None:
    with ProjectStore.create(tmp_path / "p.rejoinder", title="Old", organisation="Us") as store:
        before = project_properties(store)
        with pytest.raises(InvalidInputError):
            update_project(store, bad)
        assert project_properties(store) == before
