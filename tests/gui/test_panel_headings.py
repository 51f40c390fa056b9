"""The panels name a party's section as the export prints it, from core's one read model.

They used to build "Contribution from {party}" themselves: a French project
showed "Contribution from le Japon" while its export said "Contribution du Japon".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.contribution import section_headings
from app.core.services import sections
from app.core.store import ProjectStore
from tests.core.factories import add_text_source
from tests.gui.conftest import settle


def _french_project(tmp_path: Path) -> Path:
    path = tmp_path / "fr.rejoinder"
    store = ProjectStore.create(path, title="Observations", organisation="Brésil", language="fr")
    add_text_source(store, "Le Japon soutient la coopération renforcée.\n", label="le Japon")
    sections.add_section(store, "Remarque préliminaire")
    store.close()
    return path


def test_outline_and_blocks_show_the_printed_heading(window: Any, tmp_path: Path) -> None:
    assert window.open_project(_french_project(tmp_path))
    outline = window.workspace.outline
    texts = [outline.row_text(i) for i in range(outline.model.rowCount())]
    assert texts == ["1. Remarque préliminaire", "2. Contribution du Japon"]
    assert list(section_headings(window.ctx.store).values()) == [
        "Remarque préliminaire",
        "Contribution du Japon",
    ]
    outline.select_row(1)
    blocks = window.workspace.collab.blocks
    blocks.set_section(sections.list_sections(window.ctx.store)[1].id)
    settle()
    assert "Contribution du Japon" in blocks.heading.text()
    assert "from" not in " ".join(texts)
