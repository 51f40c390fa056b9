"""Undo (and redo) a merge that brought 2,000 edits, through the project's journal.

    .venv/bin/python -m bench.undo_merge [--runs 3]

The project is bench.synth's (25 sources × 200 passages, each with a
response). A colleague's copy changes 1,500 responses (text, status or
position) and reorders 500 passages; merging it into ours writes those 2,000
rows. The figures are the wall times of ``app.core.merge.merge`` (which now
records the journal entry as well), ``app.core.journal.replay.undo`` and
``redo``, medians of ``--runs``, each run on a fresh copy of our file.
Budget for the undo: 2.0 s.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from app.core.models import Passage, Response, Status
from app.core.store import ProjectStore
from bench.merge import ALICE, BOB
from bench.synth import Shape, build_project

BUDGET = 2.0


def colleague_edits(path: Path, seed: int = 3) -> None:
    rng = random.Random(seed)
    with ProjectStore.open(path, BOB) as store, store.write("Bench edits") as session:
        responses = session.scalars(select(Response).order_by(Response.id)).all()
        for response in rng.sample(responses, 1500):
            choice = rng.randrange(3)
            if choice == 0:
                response.text = f"{response.text} Revised by Bob."
            elif choice == 1:
                response.status = Status.PROPOSED
            else:
                response.position = rng.choice(("disagree", "partly_agree", "note"))
        passages = session.scalars(select(Passage).order_by(Passage.id)).all()
        for passage in rng.sample(passages, 500):
            passage.ordinal = passage.ordinal + 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-undo-"))
    os.environ.setdefault("REJOINDER_CONFIG_DIR", str(folder / "config"))
    os.environ.setdefault("REJOINDER_DATA_DIR", str(folder / "data"))
    from app.core import dump
    from app.core.journal import replay
    from app.core.merge import merge

    base = build_project(
        folder / "base.rejoinder", Shape(sources=25, pages=10, passages_per_source=200)
    )
    alice, bob = folder / "alice.rejoinder", folder / "bob.rejoinder"
    shutil.copy(base, alice)
    shutil.copy(base, bob)
    ProjectStore.open(alice, ALICE).close()
    colleague_edits(bob)
    merged, undone, redone = [], [], []
    for run in range(args.runs):
        target = folder / f"run{run}.rejoinder"
        shutil.copy(alice, target)
        with ProjectStore.open(target, ALICE) as store:
            before = dump.dumps(store)
            began = time.perf_counter()
            report = merge(store, bob)
            merged.append(time.perf_counter() - began)
            began = time.perf_counter()
            changes = replay.undo(store)
            undone.append(time.perf_counter() - began)
            assert dump.dumps(store) == before, "undo did not restore the project"
            began = time.perf_counter()
            replay.redo(store)
            redone.append(time.perf_counter() - began)
        rows = sum(len(ids) for ids in changes.ids.values())
        print(
            f"run {run + 1}: merge {merged[-1]:.3f} s, undo {undone[-1]:.3f} s, "
            f"redo {redone[-1]:.3f} s — {report.updated} rows updated, {rows} in the entry"
        )
    median = statistics.median(undone)
    verdict = "met" if median <= BUDGET else "MISSED"
    print(
        f"merge {statistics.median(merged):.3f} s; undo of the merge: median {median:.3f} s "
        f"(budget {BUDGET} s: {verdict}); redo {statistics.median(redone):.3f} s"
    )
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
