"""Write the fixture project of the current schema revision (run once per released revision).

    .venv/bin/python -m tests.core.make_fixture_projects

The files under tests/fixtures/projects/ are never regenerated for an old
revision: they stand for project files users already have.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.core import migrate
from app.core.config import Identity

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "projects"


def main() -> None:
    home = tempfile.mkdtemp()
    os.environ["REJOINDER_CONFIG_DIR"] = home
    os.environ["REJOINDER_DATA_DIR"] = home
    from app.core.services import passages, responses, sources
    from app.core.store import ProjectStore
    from app.importers.text import import_text
    from tests.core.factories import SUBMISSION

    target = FIXTURES / f"{migrate.head_revision()}.rejoinder"
    FIXTURES.mkdir(parents=True, exist_ok=True)
    identity = Identity("00000000-0000-4000-8000-000000000001", "Fixture Author", "FA", "Borealis")
    with ProjectStore.create(
        target, title="Fixture project", organisation="Borealis", identity=identity
    ) as store:
        source = sources.add_source(
            store, import_text(SUBMISSION), SUBMISSION.encode(), filename="a.txt", label="Arcadia"
        )
        passage = passages.cite_quote(store, source, "transparency, accountability")
        responses.respond(store, passage, "We <u>agree</u>.", position="agree", status="agreed")
    print(target)


if __name__ == "__main__":
    main()
