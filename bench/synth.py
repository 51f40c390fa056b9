"""Generate large synthetic projects for the benchmarks.

    .venv/bin/python -m bench.synth OUT.rejoinder --sources 50 --pages 60 --passages 20

Every benchmark builds its project with :func:`build_project`, so the figures
in bench/RESULTS.md are measured on the same kind of data. The text is
deterministic (seeded), numbered like UN documents, and each passage gets a
response with a footnote, so that import, search, export and merge all see
realistic shapes.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.core.config import Identity
from app.core.models import Block, BlockKind, Passage, Response, Section, SourceVersion
from app.core.services import sources
from app.core.store import ProjectStore
from app.importers.base import ImportedText, Page, Paragraph, ParagraphKind

WORDS = (
    "cooperation enhanced governance internet stakeholders policy public international "
    "transparency accountability development capacity infrastructure security privacy "
    "data access jurisdiction trade multilateral framework recommendations working group "
    "member states civil society private sector technical community norms rules treaty "
    "participation inclusive digital economy rights online offline equitable sustainable"
).split()

PARTIES = (
    "Arcadia",
    "Borealis",
    "Caledonia",
    "Dalmatia",
    "Elysia",
    "Freedonia",
    "Genovia",
    "Halvoria",
    "Illyria",
    "Jotunheim",
    "Kyrzbekistan",
    "Latveria",
    "Molvania",
    "Narnia",
)


@dataclass(frozen=True)
class Shape:
    sources: int = 50
    pages: int = 60
    passages_per_source: int = 20
    footnote_every: int = 4


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def synthetic_text(rng: random.Random, pages: int) -> ImportedText:
    """A submission of ``pages`` pages of numbered paragraphs with page labels."""
    parts: list[str] = []
    page_rows: list[Page] = []
    paragraph_rows: list[Paragraph] = []
    offset = 0
    number = 0
    for index in range(pages):
        page_start = offset
        for _ in range(6):
            number += 1
            body = f"{number}. " + " ".join(sentence(rng, rng.randint(12, 24)) for _ in range(3))
            paragraph_rows.append(
                Paragraph(offset, offset + len(body), ParagraphKind.BODY, f"{number}.")
            )
            parts.append(body)
            offset += len(body) + 1
        page_rows.append(Page(index, page_start, offset, str(index + 1)))
    return ImportedText(text="\n".join(parts) + "\n", pages=page_rows, paragraphs=paragraph_rows)


def build_project(path: Path, shape: Shape = Shape(), seed: int = 7) -> Path:
    """Write a project of the given shape at ``path`` and return it."""
    rng = random.Random(seed)
    identity = Identity("00000000-0000-4000-8000-00000000beef", "Bench", "BE", "Borealis")
    with ProjectStore.create(
        path, title="Synthetic contribution", organisation="Borealis", identity=identity
    ) as store:
        for i in range(shape.sources):
            imported = synthetic_text(rng, shape.pages)
            label = f"{PARTIES[i % len(PARTIES)]} {i + 1}"
            data = f"{label}\n{imported.text}".encode()
            sources.add_source(store, imported, data, filename=f"{label}.txt", label=label)
        with store.write("Synthetic passages") as session:
            versions = session.scalars(select(SourceVersion)).all()
            sections = {s.source_id: s for s in session.scalars(select(Section))}
            for version in versions:
                section = sections[version.source_id]
                block = Block(section_id=section.id, kind=BlockKind.CITATIONS, ordinal=0)
                session.add(block)
                session.flush()
                text = version.text
                for k in range(shape.passages_per_source):
                    start = rng.randrange(0, max(1, len(text) - 400))
                    end = start + rng.randint(60, 300)
                    exact = text[start:end]
                    passage = Passage(
                        source_id=version.source_id,
                        source_version_id=version.id,
                        block_id=block.id,
                        ordinal=k,
                        start=start,
                        end=end,
                        exact=exact,
                        prefix=text[max(0, start - 32) : start],
                        suffix=text[end : end + 32],
                        quote=" ".join(exact.split()),
                    )
                    session.add(passage)
                    session.flush()
                    note = (
                        f'<fn>See <a href="https://example.org/{k}">document {k}</a>.</fn>'
                        if k % shape.footnote_every == 0
                        else ""
                    )
                    session.add(
                        Response(
                            passage_id=passage.id,
                            text=f"We <b>agree</b> with point {k + 1}. {sentence(rng, 20)}{note}",
                            position="agree",
                            status="agreed",
                            author_id=identity.member_id,
                        )
                    )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--passages", type=int, default=20)
    args = parser.parse_args()
    began = time.perf_counter()
    build_project(args.output, Shape(args.sources, args.pages, args.passages))
    print(f"{args.output} in {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
