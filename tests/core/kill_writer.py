"""A writer killed mid-stream by test_durability: prints each id once committed."""

from __future__ import annotations

import sys
from pathlib import Path

from app.core.services import passages, responses
from app.core.store import ProjectStore


def main() -> None:
    store = ProjectStore.open(Path(sys.argv[1]))
    passage = passages.list_passages(store)[0].id
    n = 0
    while True:
        n += 1
        responses.respond(store, passage, f"Revision number {n} of our answer.")
        print(n, flush=True)


if __name__ == "__main__":
    main()
