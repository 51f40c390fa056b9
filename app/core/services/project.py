"""The project's own properties (title, organisation, meeting, date, language), editable later.

They are chosen when the project is created, but a meeting gets renamed and a
date moves; the export's document properties and headings read them, so they
are changed here, in one write, with the same checks as at creation.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

from sqlalchemy import select

from app.core.errors import InvalidInputError
from app.core.i18n import _
from app.core.models import Project
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

LANGUAGES = ("en", "fr", "es")


@dataclass(frozen=True)
class ProjectProperties:
    title: str
    organisation: str
    meeting: str
    date: str
    language: str


def project_properties(store: ProjectStore) -> ProjectProperties:
    project = store.project()
    return ProjectProperties(
        project.title, project.organisation, project.meeting, project.date, project.language
    )


def update_project(store: ProjectStore, properties: ProjectProperties) -> None:
    """Replace the project's properties; an empty title or an unknown language changes nothing."""
    title = " ".join(properties.title.split())
    if not title:
        raise InvalidInputError(_("A project needs a title."))
    if properties.language not in LANGUAGES:
        raise InvalidInputError(
            _("The language “{language}” is not one of {languages}.").format(
                language=properties.language, languages=", ".join(LANGUAGES)
            )
        )
    values = {**asdict(properties), "title": title}
    with store.write("Edit project properties") as session:
        project = session.scalars(select(Project)).one()
        for name, value in values.items():
            setattr(project, name, value.strip())
    logger.info("project properties changed")
