"""Ten members editing one team-server project at once: nothing lost, nothing overwritten.

    .venv/bin/python -m bench.team_writers [--writers 10] [--edits 200] [--responses 20]
    .venv/bin/python -m bench.team_writers --profile 300     # one writer alone, traced
    add --orm to either: the ORM transaction every save took before the lean path

A real PostgreSQL (Debian's, started in a temporary folder by the tests'
harness, ``tests.pgserver``) on loopback. A project with ``--responses``
passages, each with a response, is published; each writer is a process of
its own with a login of its own (all coordinators, so that anyone may edit
any response and they really collide). An edit is what the response editor
does: read the response's version, then save a new text naming that
version (``save_response(base_version=…)``). The latency of an edit is the
save's wall time, measured in the writer around the save alone, its commit
included (``tests.teamaudit.edit_loop``).

Afterwards, from the database alone (``tests.teamaudit.audit``): lost edits
(an edit's text found neither in its response, nor among its revisions, nor
as the other version of a conflict) and silent overwrites (two saves applied
on the same version of a response, or a save applied on a version no one
produced).

Load-robust figures, printed too: the client's CPU per save (process time
around each save, in the writers) and the server's (every PostgreSQL
process's CPU over the run, divided by the saves; it includes the editors'
version reads). ``--profile N`` runs one writer alone and counts the
requests (round trips) each save sends, from libpq's trace.

Budget: 0 lost, 0 silent overwrites, p95 ≤ 50 ms an edit.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
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


def _orm_only() -> None:
    """Every save through :meth:`ProjectStore.write`, as before the lean path (for comparison)."""
    from app.core.server.store import ServerStore

    setattr(ServerStore, "save_response_text", lambda *_args, **_kwargs: None)  # noqa: B010


def writer(url: str, login: str, edits: int, seed: int, orm: bool, queue: Any) -> None:
    """One member's process: :func:`tests.teamaudit.edit_loop` on every passage."""
    os.environ["PGPASSWORD"] = PASSWORD
    from app.core.homes import open_home
    from app.core.services import passages
    from tests.teamaudit import edit_loop

    if orm:
        _orm_only()
    with open_home(url) as store:
        ids = sorted(p.id for p in passages.list_passages(store))
        queue.put(edit_loop(store, ids, edits, login, seed))


def _server_cpu(server: Any) -> float:
    """CPU seconds of the cluster so far: the postmaster, its live children, and the reaped."""
    ticks = os.sysconf("SC_CLK_TCK")
    master = int((server.data / "postmaster.pid").read_text().split()[0])
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry.name), int(fields[1])
        if pid == master:
            total += sum(int(f) for f in fields[11:15]) / ticks  # utime stime cutime cstime
        elif ppid == master:
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def _setup(server: Any, folder: Path, args: argparse.Namespace, logins: list[str]) -> str:
    from app.core.homes import open_home
    from app.core.server.members import grant_role
    from app.core.server.transfer import publish
    from tests.pgserver import ADMIN_PASSWORD

    database: str = server.create_database("bench")
    url: str = server.url(database)
    os.environ["PGPASSWORD"] = ADMIN_PASSWORD
    publish(_project(folder, args.responses), url)
    with open_home(url) as store:
        for login in logins:
            server.create_login(login, PASSWORD)
            grant_role(store, login, "coordinator")
    return database


def _profile(server: Any, folder: Path, args: argparse.Namespace) -> None:
    """One writer alone: requests, statements and CPU per save (load-robust figures)."""
    from app.core.homes import open_home
    from app.core.services import passages, responses
    from tests.pgserver import traced

    database = _setup(server, folder, args, ["writer0"])
    os.environ["PGPASSWORD"] = PASSWORD
    if args.orm:
        _orm_only()
    with open_home(server.url(database, "writer0")) as store, traced(store.engine) as requests:
        ids = sorted(p.id for p in passages.list_passages(store))
        sent: list[int] = []
        cpu = wall = 0.0
        server_before = _server_cpu(server)
        reads = 0.0
        for n in range(args.profile):
            passage_id = ids[n % len(ids)]
            started = time.process_time()
            base = responses.response_version(store, passage_id)
            reads += time.process_time() - started
            before = len(requests.sent())
            started, clock = time.process_time(), time.perf_counter()
            responses.save_response(store, passage_id, f"Profiled {n}.", base_version=base)
            cpu += time.process_time() - started
            wall += time.perf_counter() - clock
            sent.append(len(requests.sent()) - before)
        server_cpu = _server_cpu(server) - server_before
    n = args.profile
    print(f"one writer alone, {n} saves ({'ORM path' if args.orm else 'lean path'}), traced")
    print(
        f"requests (round trips) per save: {statistics.mean(sent):.2f} "
        f"(min {min(sent)}, max {max(sent)}); the editor's version read: 1 more"
    )
    print(
        f"CPU per save: client {cpu / n * 1000:.2f} ms (the version read {reads / n * 1000:.2f} "
        f"ms more), server {server_cpu / n * 1000:.2f} ms (read included); "
        f"wall {wall / n * 1000:.2f} ms (traced)"
    )


def _run(server: Any, folder: Path, args: argparse.Namespace) -> bool:
    from app.core.homes import open_home
    from app.core.services import passages
    from tests.pgserver import ADMIN_PASSWORD
    from tests.teamaudit import audit, versions

    logins = [f"writer{i}" for i in range(args.writers)]
    database = _setup(server, folder, args, logins)
    url = server.url(database)
    with open_home(url) as store:
        initial = versions(store, [p.id for p in passages.list_passages(store)])
    context = multiprocessing.get_context("spawn")
    queue: Any = context.Queue()
    workers = [
        context.Process(
            target=writer,
            args=(server.url(database, login), login, args.edits, i, args.orm, queue),
        )
        for i, login in enumerate(logins)
    ]
    server_before = _server_cpu(server)
    started = time.perf_counter()
    for w in workers:
        w.start()
    results: list[dict[str, Any]] = []
    for _ in workers:
        results.extend(queue.get(timeout=600))
    for w in workers:
        w.join()
    wall = time.perf_counter() - started
    server_cpu = _server_cpu(server) - server_before
    os.environ["PGPASSWORD"] = ADMIN_PASSWORD
    with open_home(url) as store:
        verdict = audit(store, results, initial)
    seconds = sorted(r["seconds"] for r in results)
    p95 = seconds[max(0, round(0.95 * len(seconds)) - 1)]
    applied = sum(1 for r in results if r["applied"])
    kept = [r["seconds"] for r in results if not r["applied"] and "error" not in r]
    path = "ORM path" if args.orm else "lean path"
    print(f"writers {args.writers} × edits {args.edits} on {args.responses} responses ({path})")
    print(
        f"edits {len(results)}: applied {applied}, kept as conflicts {len(kept)}, "
        f"failed {verdict.failed}"
    )
    print(
        f"lost {verdict.lost}, silent overwrites {verdict.silent_overwrites}, "
        f"conflict rows {verdict.conflict_rows}"
    )
    print(
        f"latency per edit: median {statistics.median(seconds) * 1000:.1f} ms, "
        f"p95 {p95 * 1000:.1f} ms, max {seconds[-1] * 1000:.1f} ms (budget p95 ≤ 50 ms); "
        f"conflicts alone: median {statistics.median(kept or [0]) * 1000:.1f} ms; "
        f"wall {wall:.1f} s"
    )
    cpu = statistics.mean(r["cpu"] for r in results)
    print(
        f"CPU per edit: client {cpu * 1000:.2f} ms (the save), "
        f"server {server_cpu / len(results) * 1000:.2f} ms (the editor's read included)"
    )
    return (
        verdict.lost == 0
        and verdict.silent_overwrites == 0
        and verdict.failed == 0
        and p95 <= BUDGET_P95
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--writers", type=int, default=10)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--responses", type=int, default=20)
    parser.add_argument("--orm", action="store_true", help="the ORM path, for comparison")
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="N saves of one writer, traced"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rejoinder-bench-team-"))
    os.environ.setdefault("REJOINDER_CONFIG_DIR", str(folder / "config"))
    os.environ.setdefault("REJOINDER_DATA_DIR", str(folder / "data"))
    from tests.pgserver import start_server

    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    server = start_server()
    try:
        if args.profile:
            _profile(server, folder, args)
            ok = True
        else:
            ok = _run(server, folder, args)
    finally:
        server.stop("fast")
        shutil.rmtree(server.root, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
