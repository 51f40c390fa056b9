"""Merge two copies of a 5,000-item project, each with a tenth of it changed.

    .venv/bin/python -m bench.merge [--runs 3]

The project is bench.synth's (25 sources × 200 passages, each with a
response). Each copy then changes 10% of the responses (text, status or
position) and reorders 10% of the passages, by a different member, so that
about 1% of the rows are changed on both sides and become conflicts. The
figure is the wall time of ``app.core.merge.merge`` — reading the other file,
the backup, the plan and the write — median of ``--runs``. Budget: 1.0 s.
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

from app.core.config import Identity
from app.core.models import Passage, Response, Status
from app.core.store import ProjectStore
from bench.synth import Shape, build_project

BUDGET = 1.0
ALICE = Identity("00000000-0000-4000-8000-0000000000a1", "Alice", "AA", "Borealis")
BOB = Identity("00000000-0000-4000-8000-0000000000b2", "Bob", "BB", "Borealis")


def change_a_tenth(path: Path, identity: Identity, seed: int) -> None:
    rng = random.Random(seed)
    with ProjectStore.open(path, identity) as store, store.write() as session:
        responses = session.scalars(select(Response).order_by(Response.id)).all()
        for response in rng.sample(responses, len(responses) // 10):
            choice = rng.randrange(3)
            if choice == 0:
                response.text = f"{response.text} Revised by {identity.name}."
            elif choice == 1:
                response.status = Status.PROPOSED
            else:
                response.position = rng.choice(("disagree", "partly_agree", "note"))
        passages = session.scalars(select(Passage).order_by(Passage.id)).all()
        for passage in rng.sample(passages, len(passages) // 10):
            passage.ordinal = rng.randrange(1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-merge-"))
    os.environ.setdefault("REJOINDER_CONFIG_DIR", str(folder / "config"))
    os.environ.setdefault("REJOINDER_DATA_DIR", str(folder / "data"))
    from app.core.merge import merge

    base = build_project(
        folder / "base.rejoinder", Shape(sources=25, pages=10, passages_per_source=200)
    )
    alice, bob = folder / "alice.rejoinder", folder / "bob.rejoinder"
    shutil.copy(base, alice)
    shutil.copy(base, bob)
    change_a_tenth(alice, ALICE, seed=1)
    change_a_tenth(bob, BOB, seed=2)
    times = []
    for run in range(args.runs):
        target = folder / f"run{run}.rejoinder"
        shutil.copy(alice, target)
        with ProjectStore.open(target, ALICE) as store:
            began = time.perf_counter()
            report = merge(store, bob)
            times.append(time.perf_counter() - began)
        print(f"run {run + 1}: {times[-1]:.3f} s — {report.summary()}")
    median = statistics.median(times)
    verdict = "met" if median <= BUDGET else "MISSED"
    print(f"merge of two 5,000-item copies: median {median:.3f} s (budget {BUDGET} s: {verdict})")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
