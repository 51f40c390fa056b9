"""Real submissions that repeat and paraphrase each other, and pairs of sentences judged by hand.

    .venv/bin/python -m tests.core.similar.corpus     (prints precision and recall)

The sources: APIG's comments on the contributions to the WGEC (2017), one
source per "Contribution from …" section (each answers another party's
paper, and they repeat each other: "We refer to our comments above on the
contribution from the European Union", "See our comments above …"); the
Just Net Coalition's ITU statement (same field, other words); Viktor
Ageyev's paper on the UN Security Council and his draft resolution (the
paper quotes and paraphrases the draft). All are fixtures already
(tests/fixtures/MANIFEST.tsv).

``tests/fixtures/similar/labelled-pairs.tsv`` holds every pair of sentences
from different sources whose word sets overlap (Jaccard ≥ 0.2, with ≥ 0.3 or
a rapidfuzz ratio ≥ 55), found by comparing every sentence with every other
— not by the index under test — and judged by hand: ``yes`` when a delegate
would answer both the same way (the same statement, copied or reworded),
``no`` otherwise ("We cite the following portions" is not "We highlight the
following parts": a highlight is answered differently). Pairs below that
overlap were not judged; a match there counts against precision.
"""

from __future__ import annotations

import csv
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.core.models import Sentence
from app.core.services import passages, sources
from app.core.similar import ensure_index, similar_to_passage
from app.core.store import ProjectStore
from app.importers.detect import import_file
from tests.helpers import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
LABELS = FIXTURES / "similar" / "labelled-pairs.tsv"
_HEADING = re.compile(r"^Contribution\sfrom\s([^\n]+?)\s*:?\s*$", re.M)

Item = tuple[str, str]  # source label, sentence text


def documents() -> dict[str, tuple[str, bytes]]:
    """label → (file name, bytes) of every source of the corpus."""
    apig = (FIXTURES / "samples" / "apig-wgec-2017-comments.txt").read_text(encoding="utf-8")
    heads = list(_HEADING.finditer(apig))
    found: dict[str, tuple[str, bytes]] = {}
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(apig)
        label = "APIG on " + head.group(1).strip(" :\u00a0")
        found[label] = (f"{label}.txt", apig[head.end() : end].encode("utf-8"))
    for label, path in (
        ("JNC", "samples/jnc-itu-pp-2014-statement.txt"),
        ("Ageyev paper", "realdocs/docx/policy-un-security-council-veto-paper-ageyev.docx"),
        ("Ageyev draft", "realdocs/other/un-ga-draft-resolution-ageyev.md"),
    ):
        found[label] = (Path(path).name, (FIXTURES / path).read_bytes())
    return found


def labels() -> tuple[set[frozenset[Item]], set[frozenset[Item]]]:
    """(pairs judged the same, pairs judged different)."""
    same: set[frozenset[Item]] = set()
    different: set[frozenset[Item]] = set()
    with LABELS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            pair = frozenset(
                {(row["source_a"], row["sentence_a"]), (row["source_b"], row["sentence_b"])}
            )
            (same if row["same"] == "yes" else different).add(pair)
    return same, different


@dataclass(frozen=True)
class Figures:
    queries: int
    returned: int
    true_positives: int
    relevant: int
    found: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.returned if self.returned else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.relevant if self.relevant else 1.0


def evaluate(folder: Path, limit: int = 20) -> Figures:
    """Cite every judged sentence in its source and look its similar spans up."""
    same, different = labels()
    queries = sorted({item for pair in same | different for item in pair})
    with ProjectStore.create(
        folder / "corpus.rejoinder", title="Corpus", organisation="Us"
    ) as store:
        ids: dict[str, str] = {}
        for label, (name, data) in documents().items():
            ids[label] = sources.add_source(
                store, import_file(data, name), data, filename=name, label=label
            )
        labels_of = {v: k for k, v in ids.items()}
        ensure_index(store)
        with store.session() as session:
            rows = session.execute(
                select(Sentence.version_id, Sentence.start, Sentence.end, Sentence.text)
            ).all()
            version_source = {
                sources.current_version(session, source_id).id: source_id
                for source_id in ids.values()
            }
        where: dict[Item, tuple[str, int, int]] = {}
        by_version: dict[str, list[tuple[int, int, str]]] = {}
        for version_id, start, end, stored in rows:
            source_id = version_source[version_id]
            text = " ".join(stored.split())  # the judged sentences, as a look-up shows them
            where.setdefault((labels_of[source_id], text), (source_id, start, end))
            by_version.setdefault(source_id, []).append((start, end, text))
        returned = true_positives = relevant = found = 0
        for query in queries:
            source_id, start, end = where[query]
            passage_id = passages.cite_span(store, source_id, start, end)
            partners = {next(iter(p - {query})) for p in same if query in p}
            seen: set[Item] = set()
            for match in similar_to_passage(store, passage_id, limit, build=False):
                covered = {
                    (labels_of[match.source_id], text)
                    for s, e, text in by_version[match.source_id]
                    if s < match.end and match.start < e
                }
                returned += 1
                if covered & partners:
                    true_positives += 1
                seen |= covered
            relevant += len(partners)
            found += len(partners & seen)
        return Figures(len(queries), returned, true_positives, relevant, found)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        figures = evaluate(Path(folder))
    print(
        f"{figures.queries} passages looked up; {figures.returned} matches returned, "
        f"{figures.true_positives} right: precision {figures.precision:.2f}; "
        f"{figures.found} of {figures.relevant} judged pairs found: recall {figures.recall:.2f}"
    )


if __name__ == "__main__":
    main()
