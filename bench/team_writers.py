"""Ten members editing one team-server project at once: nothing lost, nothing overwritten.

    .venv/bin/python -m bench.team_writers [--writers 10] [--edits 200] [--responses 20]

A real PostgreSQL (Debian's, started in a temporary folder by the tests'
harness, ``tests.pgserver``) on loopback. A project with ``--responses``
passages, each with a response, is published; each writer is a process of
its own with a login of its own (all coordinators, so that anyone may edit
any response and they really collide). An edit is what the response editor
does: read the response's version, then save a new text naming that
version (``save_response(base_version=…)``). The latency of an edit is the
save's wall time, measured in the writer.

Afterwards, from the database alone:

- lost edits: an edit's text found neither in its response, nor among the
  response's revisions, nor as the other version of a conflict;
- silent overwrites: two saves applied on the same version of a response
  (one of them wrote over the other without seeing it), or a save applied
  on a version no one produced.

Budget: 0 lost, 0 silent overwrites, p95 ≤ 50 ms an edit.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BUDGET_P95 = 0.050
PASSWORD = "bench-secret"


def _project(folder: Path, count: int) -> Path:
    from app.core.services import passages, responses, sources
    from app.core.store import ProjectStore
    from app.importers.text import import_text

    text = "\n".join(
        f"{i}. Paragraph number {i} says something worth citing." for i in range(count)
    )
    path = folder / "team.rejoinder"
    with ProjectStore.create(path, title="Team bench", organisation="Bench") as store:
        imported = import_text(text)
        source = sources.add_source(
            store, imported, text.encode(), filename="s.txt", label="Arcadia"
        )
        for i in range(count):
            passage = passages.cite_quote(store, source, f"Paragraph number {i} says")
            responses.respond(store, passage, f"Initial response {i}.")
    return path


def writer(url: str, login: str, edits: int, seed: int, queue: Any) -> None:
    """One member: ``edits`` saves on random responses, each naming the version it read."""
    os.environ["PGPASSWORD"] = PASSWORD
    from app.core.errors import EditConflictError
    from app.core.homes import open_home
    from app.core.services import passages, responses

    rng = random.Random(seed)
    results: list[dict[str, Any]] = []
    with open_home(url) as store:
        ids = sorted(p.id for p in passages.list_passages(store))
        for n in range(edits):
            passage_id = rng.choice(ids)
            base = responses.response_version(store, passage_id)
            token = f"{login}-edit-{n}"
            started = time.perf_counter()
            outcome: dict[str, Any] = {"token": token, "passage": passage_id, "base": base}
            try:
                saved = responses.save_response(
                    store, passage_id, f"Text {token}.", base_version=base
                )
                outcome.update(applied=True, version=saved.version)
            except EditConflictError:
                outcome.update(applied=False)
            outcome["seconds"] = time.perf_counter() - started
            results.append(outcome)
    queue.put(results)


def _check(url: str, results: list[dict[str, Any]], initial: dict[str, int]) -> dict[str, int]:
    from sqlalchemy import select

    from app.core.homes import open_home
    from app.core.models import Conflict, Response, Revision

    with open_home(url) as store, store.session() as session:
        texts: set[str] = set(session.scalars(select(Response.text)))
        texts |= set(session.scalars(select(Revision.text)))
        texts |= {json.loads(v) for v in session.scalars(select(Conflict.theirs_value))}
        conflicts = len(session.scalars(select(Conflict.id)).all())
    lost = sum(1 for r in results if f"Text {r['token']}." not in texts)
    produced: dict[str, set[int]] = {p: {v} for p, v in initial.items()}
    for r in results:
        if r["applied"]:
            produced[r["passage"]].add(r["version"])
    used: dict[tuple[str, int], int] = {}
    overwrites = 0
    for r in results:
        if not r["applied"]:
            continue
        key = (r["passage"], r["base"])
        used[key] = used.get(key, 0) + 1
        if r["base"] not in produced[r["passage"]]:
            overwrites += 1
    overwrites += sum(n - 1 for n in used.values() if n > 1)
    return {"lost": lost, "silent_overwrites": overwrites, "conflict_rows": conflicts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writers", type=int, default=10)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--responses", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-team-"))
    os.environ.setdefault("REJOINDER_CONFIG_DIR", str(folder / "config"))
    os.environ.setdefault("REJOINDER_DATA_DIR", str(folder / "data"))
    from app.core.homes import open_home
    from app.core.server.members import grant_role
    from app.core.server.transfer import publish
    from app.core.services import passages, responses
    from tests.pgserver import ADMIN_PASSWORD, start_server

    server = start_server()
    try:
        database = server.create_database("bench")
        url = server.url(database)
        os.environ["PGPASSWORD"] = ADMIN_PASSWORD
        publish(_project(folder, args.responses), url)
        logins = [f"writer{i}" for i in range(args.writers)]
        with open_home(url) as store:
            for login in logins:
                server.create_login(login, PASSWORD)
                grant_role(store, login, "coordinator")
            initial = {
                p.id: int(responses.response_version(store, p.id) or 0)
                for p in passages.list_passages(store)
            }
        queue: Any = multiprocessing.get_context("spawn").Queue()
        context = multiprocessing.get_context("spawn")
        workers = [
            context.Process(
                target=writer, args=(server.url(database, login), login, args.edits, i, queue)
            )
            for i, login in enumerate(logins)
        ]
        started = time.perf_counter()
        for w in workers:
            w.start()
        results: list[dict[str, Any]] = []
        for _ in workers:
            results.extend(queue.get(timeout=600))
        for w in workers:
            w.join()
        wall = time.perf_counter() - started
        os.environ["PGPASSWORD"] = ADMIN_PASSWORD
        verdict = _check(url, results, initial)
    finally:
        server.stop("fast")
    seconds = sorted(r["seconds"] for r in results)
    p95 = seconds[max(0, round(0.95 * len(seconds)) - 1)]
    applied = sum(1 for r in results if r["applied"])
    print(f"writers {args.writers} × edits {args.edits} on {args.responses} responses")
    print(f"edits {len(results)}: applied {applied}, kept as conflicts {len(results) - applied}")
    print(
        f"lost {verdict['lost']}, silent overwrites {verdict['silent_overwrites']}, "
        f"conflict rows {verdict['conflict_rows']}"
    )
    print(
        f"latency per edit: median {statistics.median(seconds) * 1000:.1f} ms, "
        f"p95 {p95 * 1000:.1f} ms, max {seconds[-1] * 1000:.1f} ms (budget p95 ≤ 50 ms); "
        f"wall {wall:.1f} s"
    )
    ok = verdict["lost"] == 0 and verdict["silent_overwrites"] == 0 and p95 <= BUDGET_P95
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
