"""What each SQLite journal mode costs an edit, measured in one run.

    .venv/bin/python -m bench.journal_modes [--edits 300] [--rounds 3] [--dir FOLDER]

A project in a synced folder must be complete in its main file after every
acknowledged edit (issue 11 §1): WAL keeps committed edits in ``NAME-wal``
until a checkpoint, the rollback journals (DELETE, TRUNCATE) do not. This
measures what the choice costs: the same project, the same edits (a
response rewritten, as ``respond`` does, through the real store and
services with ``synchronous=FULL``), the modes interleaved round by round so
that the machine's load hits each alike. Figures: median and 95th
percentile latency of one edit, and edits per second. ``--dir`` chooses the
file system (default: a new folder under the system's temporary folder).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

MODES = ("WAL", "DELETE", "TRUNCATE")


def run_mode(folder: Path, mode: str, edits: int, round_: int) -> list[float]:
    from app.core.services import passages, responses
    from app.core.store import ProjectStore
    from tests.core.factories import populated

    path = folder / f"{mode.lower()}-{round_}.rejoinder"
    store, _source, passage_id, _response = populated(path)
    try:
        with store.engine.connect() as conn:
            got = conn.exec_driver_sql(f"PRAGMA journal_mode={mode}").scalar()
        assert str(got).upper() == mode, got
        if mode == "WAL":
            # WAL commits leave the main file's change counter alone, which the
            # guard against replaced files (rollback journal only) reads as a change.
            store._guard = None
        passages.list_passages(store)  # warm the imports and the page cache
        times = []
        for n in range(edits):
            start = time.perf_counter()
            responses.respond(store, passage_id, f"Revision {n} of our answer.")
            times.append(time.perf_counter() - start)
        return times
    finally:
        ProjectStore.close(store)
        for leftover in folder.glob(f"{path.name}*"):
            leftover.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-journal-", dir=args.dir))
    os.environ.setdefault("REJOINDER_CONFIG_DIR", str(folder / "config"))
    os.environ.setdefault("REJOINDER_DATA_DIR", str(folder / "data"))
    results: dict[str, list[float]] = {mode: [] for mode in MODES}
    for round_ in range(args.rounds):
        for mode in MODES:
            results[mode].extend(run_mode(folder, mode, args.edits, round_))
    print(f"load: {os.getloadavg()[0]:.2f} (1 min); folder {folder}")
    print("| mode | median edit | p95 edit | edits/s | vs WAL (median) |")
    print("| --- | --- | --- | --- | --- |")
    wal = statistics.median(results["WAL"])
    for mode, times in results.items():
        median = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[18]
        print(
            f"| {mode} | {median * 1000:.2f} ms | {p95 * 1000:.2f} ms | "
            f"{len(times) / sum(times):.0f} | {median / wal:.2f}× |"
        )


if __name__ == "__main__":
    main()
