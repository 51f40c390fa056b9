"""Members saving one team-server project at once, and the audit of what became of each save.

``bench/team_writers.py`` runs ten processes of :func:`edit_loop` against a
real PostgreSQL and then asks :func:`audit`, from the database alone, what
became of every edit. The audit lives beside the tests so that a test can
check the counting itself (``tests/core/server/test_team_audit.py``): a
planted lost edit and a planted overwrite must be counted.

An edit is what the response editor does: read the response's version, then
save a new text naming that version. Afterwards:

- lost: an edit's text is found neither in its response, nor among the
  response's revisions, nor as the other version of a conflict;
- silent overwrite: two saves applied on the same version of a response
  (one wrote over the other without seeing it), or a save applied on a
  version no one produced.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.core.errors import EditConflictError
from app.core.models import Conflict, Response, Revision
from app.core.services import responses
from app.core.store import ProjectStore

Outcome = dict[str, Any]  # plain values: outcomes travel between processes


def edit_loop(
    store: ProjectStore,
    passage_ids: list[str],
    edits: int,
    login: str,
    seed: int,
    save: Callable[..., responses.Saved] = responses.save_response,
) -> list[Outcome]:
    """``edits`` saves on random responses, each naming the version it read; their outcomes.

    The wall and process CPU time of each save is measured around the save
    alone (what a user waits for, its commit included), not the read.
    """
    rng = random.Random(seed)
    results: list[Outcome] = []
    for n in range(edits):
        passage_id = rng.choice(passage_ids)
        base = responses.response_version(store, passage_id)
        token = f"{login}-edit-{n}"
        outcome: Outcome = {"token": token, "passage": passage_id, "base": base}
        started, cpu = time.perf_counter(), time.process_time()
        try:
            saved = save(store, passage_id, text_of(token), base_version=base)
            outcome.update(applied=True, version=saved.version)
        except EditConflictError:
            outcome.update(applied=False)
        except Exception as exc:  # counted, not hidden: a save that failed is no success
            outcome.update(applied=False, error=f"{type(exc).__name__}: {exc}")
        outcome["seconds"] = time.perf_counter() - started
        outcome["cpu"] = time.process_time() - cpu
        results.append(outcome)
    return results


def text_of(token: str) -> str:
    return f"Text {token}."


@dataclass(frozen=True)
class Verdict:
    lost: int
    silent_overwrites: int
    conflict_rows: int
    failed: int


def versions(store: ProjectStore, passage_ids: Iterable[str]) -> dict[str, int]:
    """Each passage's response version now (the audit's starting point)."""
    return {p: int(responses.response_version(store, p) or 0) for p in passage_ids}


def audit(store: ProjectStore, results: list[Outcome], initial: dict[str, int]) -> Verdict:
    """What became of every edit, read from the database (see the module's text)."""
    with store.session() as session:
        texts: set[str] = set(session.scalars(select(Response.text)))
        texts |= set(session.scalars(select(Revision.text)))
        texts |= {json.loads(v) for v in session.scalars(select(Conflict.theirs_value))}
        conflicts = len(session.scalars(select(Conflict.id)).all())
    lost = sum(1 for r in results if text_of(r["token"]) not in texts)
    produced: dict[str, set[int]] = {p: {v} for p, v in initial.items()}
    for r in results:
        if r["applied"]:
            produced.setdefault(r["passage"], set()).add(r["version"])
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
    failed = sum(1 for r in results if "error" in r)
    return Verdict(lost, overwrites, conflicts, failed)
