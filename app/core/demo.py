"""A demo project built from fictional papers in ``resources/demo/``.

Newcomers (and screenshots) need a project that already shows every feature:
cited passages with responses in several positions and statuses, a footnote,
an underlined recommendation, a topic section and a cross-reference. The
papers are invented for this purpose ("Working Group on Digital Cooperation");
no real submission is copied. Built with the same services the GUI and the CLI
use, so the demo also exercises them. No Qt here.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Sequence
from pathlib import Path

from app.core.config import RESOURCES
from app.core.document import ImportedText, Page, Paragraph
from app.core.models import BlockKind
from app.core.services import passages, responses, sections, sources, workflow
from app.core.store import ProjectStore

logger = logging.getLogger(__name__)

DEMO_DIR = RESOURCES / "demo"
_NUMBER = re.compile(r"^(\d+\.)\s")


def _read_paper(path: Path, title: str, pages_at: Sequence[int]) -> ImportedText:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    text = "\n".join(lines)
    paragraphs: list[Paragraph] = []
    starts: list[int] = []
    pos = 0
    for i, line in enumerate(lines):
        match = _NUMBER.match(line)
        kind = "body" if match or i > 1 else "heading"
        paragraphs.append(
            Paragraph(pos, pos + len(line), kind, match.group(1) if match else None, 0)
        )
        starts.append(pos)
        pos += len(line) + 1
    breaks = [0, *(starts[i] for i in pages_at if 0 < i < len(starts)), len(text)]
    pages = [
        Page(index=n, start=breaks[n], end=breaks[n + 1], label=str(n + 1))
        for n in range(len(breaks) - 1)
    ]
    return ImportedText(text=text, pages=pages, paragraphs=paragraphs, title=title)


def build_demo(store: ProjectStore, demo_dir: Path = DEMO_DIR) -> None:
    """Fill an empty project with the demo's sources, passages, responses and sections."""
    manifest = json.loads((demo_dir / "demo.json").read_text(encoding="utf-8"))
    ids: dict[str, str] = {}
    for spec in manifest["sources"]:
        path = demo_dir / spec["file"]
        imported = _read_paper(path, spec["title"], spec.get("pages_at", ()))
        data = path.read_bytes()
        ids[spec["key"]] = sources.add_source(
            store,
            imported,
            data,
            filename=path.name,
            label=spec["label"],
            kind=spec["kind"],
        )
    topic = manifest["topic"]
    topic_id = sections.add_section(store, topic["heading"])
    sections.add_block(store, topic_id, BlockKind.PARAGRAPH, topic["paragraph"])
    for spec in manifest["passages"]:
        passage_id = passages.cite_quote(store, ids[spec["source"]], spec["quote"])
        responses.respond(store, passage_id, spec["response"], position=spec["position"])
        for status in workflow.steps_to(spec["status"]):  # the demo follows the workflow too
            responses.respond(store, passage_id, status=status)
    ref = manifest["cross_reference"]
    by_source = {s.source_id: s.id for s in sections.list_sections(store) if s.source_id}
    sections.add_block(
        store,
        by_source[ids[ref["from"]]],
        BlockKind.CROSS_REFERENCE,
        target_section_ref=by_source[ids[ref["to"]]],
        after_text=ref["text"],
    )


def create_demo(folder: Path, name: str = "Demo contribution.rejoinder") -> Path:
    """Create the demo project file in ``folder`` (closed again) and return its path."""
    manifest = json.loads((DEMO_DIR / "demo.json").read_text(encoding="utf-8"))
    info = manifest["project"]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if path.exists():
        digest = hashlib.sha256(str(folder).encode()).hexdigest()[:6]
        path = folder / f"{path.stem}-{digest}{path.suffix}"
    with ProjectStore.create(
        path,
        title=info["title"],
        organisation=info["organisation"],
        meeting=info["meeting"],
        date=info["date"],
        language=info["language"],
    ) as store:
        build_demo(store)
    return path
