"""Similar passages: what the sentence index adds to an import, and the cost of a look-up.

    .venv/bin/python -m bench.similar [--sources 200] [--pages 100] [--lookups 100]

Budgets (issue 16): a look-up on a 200-source, 20,000-page project ≤ 100 ms;
building the index adds ≤ 20 % to import time.

Part 1, one real import: the 300-page PDF of :mod:`tests.pdf_factory`, timed as
poppler's ``pdftotext`` (subprocess) and as Rejoinder's in-process import
(read the PDF + store the source) without and with the index build that
every import now does (the build replaced by nothing for the former),
alternately, median of ``--runs``, same run. Loading NumPy, which the index
needs, is a one-off cost per process, reported apart.

Part 2, the big project: ``--sources`` × ``--pages`` pages of text drawn
from a Zipf-distributed vocabulary of 20,000 words (the benchmark projects
of :mod:`bench.synth` use 50 words, so every sentence would look like every
other), 18 sentences a page, with 100 families of paraphrased sentences
planted across sources. Each source's store and its index build are timed
(every 20 sources: does the build grow with the project?); then
``--lookups`` passages (half on planted sentences) are looked up as the
command line and the panel do it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.config import Identity
from app.core.models import SourceVersion
from app.core.services import passages, sources
from app.core.similar import ensure_index, prepare_index, sentences, similar_to_passage
from app.core.similar import index as similar_index
from app.core.store import ProjectStore
from app.importers.base import ImportedText, ImportOptions, Page, Paragraph, ParagraphKind
from bench.kept import KEEP_READERS, kept_cpu
from tests.pdf_factory import build_document

IDENTITY = Identity("00000000-0000-4000-8000-00000000beef", "Bench", "BE", "Borealis")
SYLLABLES = "ka ri to me sa lu ne po vi da gor tan mil res sun fal ber om ex tri".split()


def vocabulary(rng: random.Random, size: int = 20_000) -> tuple[list[str], list[float]]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    ordered = sorted(words)
    rng.shuffle(ordered)
    weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(size)))
    return ordered, weights


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words, self.weights = vocabulary(rng)
        self.families = [self.sentence(22) for _ in range(100)]

    def sentence(self, n: int) -> str:
        text = " ".join(self.rng.choices(self.words, cum_weights=self.weights, k=n))
        return text[0].upper() + text[1:] + "."

    def paraphrase(self, base: str) -> str:
        """The same sentence with a few words changed, dropped or added, as parties write."""
        words = base.rstrip(".").split()
        for _ in range(self.rng.randint(1, 3)):
            i = self.rng.randrange(len(words))
            action = self.rng.random()
            if action < 0.4:
                words[i] = self.rng.choices(self.words, cum_weights=self.weights)[0]
            elif action < 0.7 and len(words) > 10:
                del words[i]
            else:
                words.insert(i, self.rng.choices(self.words, cum_weights=self.weights)[0])
        return " ".join(words).capitalize() + "."

    def document(self, pages: int) -> tuple[ImportedText, list[str]]:
        parts: list[str] = []
        page_rows: list[Page] = []
        paragraph_rows: list[Paragraph] = []
        planted: list[str] = []
        offset = number = 0
        for index in range(pages):
            page_start = offset
            for _ in range(6):
                number += 1
                said = []
                for _ in range(3):
                    if self.rng.random() < 0.01:
                        said.append(self.paraphrase(self.rng.choice(self.families)))
                        planted.append(said[-1])
                    else:
                        said.append(self.sentence(self.rng.randint(12, 24)))
                body = f"{number}. " + " ".join(said)
                paragraph_rows.append(
                    Paragraph(offset, offset + len(body), ParagraphKind.BODY, f"{number}.")
                )
                parts.append(body)
                offset += len(body) + 1
            page_rows.append(Page(index, page_start, offset, str(index + 1)))
        text = "\n".join(parts) + "\n"
        return ImportedText(text=text, pages=page_rows, paragraphs=paragraph_rows), planted


def _median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms"


def cpu() -> float:
    """CPU seconds of this process, its reaped children and its kept PDF workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (
        own.ru_utime
        + own.ru_stime
        + children.ru_utime
        + children.ru_stime
        + sum(kept_cpu().values())
    )


class IndexTimer:
    """Times the index build inside each import, or leaves it out (``enabled=False``).

    It replaces ``index_version`` (what ``sources._index_sentences`` calls
    after flushing the new version's row, which the import writes anyway),
    and is the reader's ``ImportOptions.prepare``, as in the command line:
    the PDF reader's idle worker prepares half of the index's sentences and
    keys while this process prepares the other half. The time (and this
    process's CPU time) of both is the index's; the worker's CPU time is in
    the import's but not in the index's own figure.
    """

    def __init__(self) -> None:
        self.original = similar_index.index_version
        self.enabled = True
        self.spent: list[float] = []
        self.cpu: list[float] = []
        self.before: tuple[float, float] | None = None  # what preparing took, for the next store

    def prepare(self, text: str, paragraphs: list[tuple[int, int]], offload: object) -> object:
        """``ImportOptions.prepare``: the half or all of the index the reader prepares, timed."""
        began, used = time.perf_counter(), time.thread_time()
        prepared = prepare_index(text, paragraphs, offload)
        self.before = (time.perf_counter() - began, time.thread_time() - used)
        return prepared

    def options(self) -> ImportOptions:
        # The reader's worker kept between imports, as the window keeps it
        # (app.importers.pdf.standing).
        return ImportOptions(
            prepare=self.prepare if self.enabled else None, keep_readers=KEEP_READERS
        )

    def __call__(self, session: Session, version: SourceVersion, prepared: object = None) -> int:
        if not self.enabled:
            return 0
        began, used = time.perf_counter(), time.thread_time()
        count = self.original(session, version, prepared)
        spent, cpu = self.before or (0.0, 0.0)
        self.before = None
        self.spent.append(time.perf_counter() - began + spent)
        self.cpu.append(time.thread_time() - used + cpu)
        return count

    def __enter__(self) -> IndexTimer:
        similar_index.index_version = self
        return self

    def __exit__(self, *_exc: object) -> None:
        similar_index.index_version = self.original


def part_one(folder: Path, runs: int) -> None:
    """The same PDF imported without and with its index, alternately, beside pdftotext."""
    from app.importers.pdf import import_bytes

    pdf = folder / "bench-300.pdf"
    pdf.write_bytes(build_document(300))
    data = pdf.read_bytes()
    tool = shutil.which("pdftotext")
    ref: list[float] = []
    bare: list[float] = []
    indexed: list[float] = []
    bare_cpu: list[float] = []
    indexed_cpu: list[float] = []
    began = time.perf_counter()
    import numpy  # noqa: F401  (what the index needs; once per process, reported apart)

    load = time.perf_counter() - began
    # Warm-up: modules, page cache, the kept worker.
    import_bytes(data, ImportOptions(prepare=prepare_index, keep_readers=KEEP_READERS))
    with IndexTimer() as timer:
        for run in range(runs):
            if tool is not None:
                began = time.perf_counter()
                subprocess.run([tool, str(pdf), str(folder / "out.txt")], check=True)
                ref.append(time.perf_counter() - began)
            for with_index in (run % 2 == 0, run % 2 == 1):  # alternate which goes first
                timer.enabled = with_index
                path = folder / f"pdf-{run}-{with_index}.rejoinder"
                with ProjectStore.create(
                    path, title="B", organisation="O", identity=IDENTITY
                ) as store:
                    began, used = time.perf_counter(), cpu()
                    imported = import_bytes(data, timer.options())
                    sources.add_source(store, imported, data, filename=pdf.name, label="P")
                    (indexed if with_index else bare).append(time.perf_counter() - began)
                    (indexed_cpu if with_index else bare_cpu).append(cpu() - used)
                path.unlink()
    spans = sentences.split(imported.text, [(p.start, p.end) for p in imported.paragraphs])
    print(
        f"300-page PDF ({len(imported.text):,} characters, {len(spans):,} sentences), "
        f"median of {runs}:"
    )
    if ref:
        print(f"  pdftotext (subprocess)                 {_median_ms(ref)}")
    print(f"  import without the index (read + store) {_median_ms(bare)}")
    print(f"  import with the index                   {_median_ms(indexed)}")
    print(f"  of which the index build                {_median_ms(timer.spent)}")
    added = statistics.median(indexed) / statistics.median(bare) - 1
    print(
        f"  the index adds {added * 100:.0f} % to the import "
        f"(its own time: {statistics.median(timer.spent) / statistics.median(bare) * 100:.0f} %)"
    )
    share = statistics.median(timer.cpu) / statistics.median(bare_cpu)
    added = statistics.median(indexed_cpu) - statistics.median(bare_cpu)
    print(
        f"  CPU time (this process and the reader's workers): import without the index "
        f"{_median_ms(bare_cpu)}, with it {_median_ms(indexed_cpu)}: the index adds "
        f"{added * 1000:.0f} ms = {added / statistics.median(bare_cpu) * 100:.0f} %, of which "
        f"this process {_median_ms(timer.cpu)} = {share * 100:.0f} % (the rest: the worker's half)"
    )
    print(f"  loading NumPy (once per process)        {load * 1000:.0f} ms")


def part_two(
    folder: Path, n_sources: int, pages: int, lookups: int, keep: Path | None = None
) -> None:
    if n_sources <= 0:
        print("part 2 skipped: no sources (--sources 0)")
        return
    rng = random.Random(16)
    writer = Writer(rng)
    path = keep or folder / "big.rejoinder"
    import_times: list[float] = []
    planted: dict[str, list[str]] = {}
    said_file = path.with_suffix(".planted.json")
    if keep is not None and keep.exists():  # built by an earlier run: look-ups only
        look_up(path, json.loads(said_file.read_text(encoding="utf-8")), lookups, rng)
        return
    with (
        ProjectStore.create(path, title="B", organisation="O", identity=IDENTITY) as store,
        IndexTimer() as timer,
    ):
        for i in range(n_sources):
            imported, said = writer.document(pages)
            data = imported.text.encode()
            began = time.perf_counter()
            source_id = sources.add_source(
                store, imported, data, filename=f"s{i}.txt", label=f"Party {i + 1}"
            )
            import_times.append(time.perf_counter() - began)
            planted[source_id] = said
            if (i + 1) % 20 == 0:
                stored = statistics.median(import_times[-20:])
                print(
                    f"  sources {i - 18}-{i + 1}: storing {stored:.2f} s a source, of which"
                    f" the index {statistics.median(timer.spent[-20:]):.2f} s;"
                    f" load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
        assert ensure_index(store) == 0
    size = path.stat().st_size
    print(
        f"project: {n_sources} sources x {pages} pages = {n_sources * pages:,} pages, "
        f"{size / 1e6:.0f} MB"
    )
    total_import, total_index = sum(import_times), sum(timer.spent)
    print(
        f"  storing the sources (synthetic text, no PDF reading) {total_import:.1f} s, "
        f"of which the index {total_index:.1f} s"
    )
    if keep is not None:
        said_file.write_text(json.dumps(planted), encoding="utf-8")
    look_up(path, planted, lookups, rng)


def look_up(path: Path, planted: dict[str, list[str]], lookups: int, rng: random.Random) -> None:
    """Cite ``lookups`` passages (half on planted sentences) and look each up, timed."""
    if lookups <= 0 or not planted:
        print("  no look-ups asked for (--lookups 0)")
        return
    with ProjectStore.open(path) as store:
        targets: list[str] = []
        ids = list(planted)
        for source_id in rng.sample(ids, min(len(ids), lookups)):
            text = sources.source_text(store, source_id).text
            if len(targets) % 2 == 0 and planted[source_id]:
                quote = rng.choice(planted[source_id])
            else:
                start = text.find(". ", rng.randrange(len(text) // 2)) + 2
                quote = text[start : text.find(".", start) + 1]
            targets.append(passages.cite_quote(store, source_id, quote, occurrence=1))
        similar_to_passage(store, targets[0], build=False)  # warm-up: modules
        times: list[float] = []
        used: list[float] = []
        found = 0
        for passage_id in targets:
            began, cpu_began = time.perf_counter(), time.thread_time()
            matches = similar_to_passage(store, passage_id, 10)
            times.append(time.perf_counter() - began)
            used.append(time.thread_time() - cpu_began)
            found += len(matches)
    times.sort()
    print(
        f"  look-up, {len(times)} passages: median {statistics.median(times) * 1000:.1f} ms, "
        f"p95 {times[int(len(times) * 0.95) - 1] * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms; "
        f"{found} matches (budget 100 ms)"
    )
    used.sort()
    print(
        f"  its CPU time (what it takes on a core of its own): median "
        f"{statistics.median(used) * 1000:.1f} ms, "
        f"p95 {used[int(len(used) * 0.95) - 1] * 1000:.1f} ms, max {used[-1] * 1000:.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--lookups", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument(
        "--keep", type=Path, help="build the big project here, or reuse it if it is there"
    )
    args = parser.parse_args()
    print(f"load before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_pdf:
            part_one(Path(tmp), args.runs)
        part_two(Path(tmp), args.sources, args.pages, args.lookups, args.keep)
    print(f"load after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
