"""Two copies of one project, edited by two members, merged both ways."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core import dump
from app.core.config import Identity
from app.core.merge import MergeReport, merge
from app.core.store import ProjectStore

ALICE = Identity("00000000-0000-4000-8000-0000000000a1", "Alice Arden", "AA", "Borealis")
BOB = Identity("00000000-0000-4000-8000-0000000000b2", "Bob Brandt", "BB", "Borealis")

Edit = Callable[[ProjectStore], None]


def fork(base: ProjectStore, folder: Path) -> tuple[Path, Path]:
    """Two hand-made copies of ``base``, each opened once by its member."""
    a, b = folder / "alice.rejoinder", folder / "bob.rejoinder"
    base.save_copy(a)
    base.save_copy(b)
    ProjectStore.open(a, ALICE).close()
    ProjectStore.open(b, BOB).close()
    return a, b


def edit(path: Path, identity: Identity, action: Edit) -> None:
    with ProjectStore.open(path, identity) as store:
        action(store)


def merge_into(path: Path, identity: Identity, other: Path) -> MergeReport:
    with ProjectStore.open(path, identity) as store:
        return merge(store, other)


def both_ways(a: Path, b: Path) -> tuple[MergeReport, MergeReport]:
    """Merge B into A and (a copy of) A into B, from the copies as they were."""
    a0, b0 = a.with_name("alice-before.rejoinder"), b.with_name("bob-before.rejoinder")
    shutil.copy(a, a0)
    shutil.copy(b, b0)
    return merge_into(a, ALICE, b0), merge_into(b, BOB, a0)


def dumped(path: Path) -> dict[str, Any]:
    with ProjectStore.open(path, ALICE) as store:
        data: dict[str, Any] = json.loads(dump.dumps(store))
    return data


def rows(path: Path, table: str) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in dumped(path)["tables"][table]}
