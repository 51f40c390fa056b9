"""Import one file in a fresh process and report the outcome and peak memory.

Run as ``python -m tests.importers.peak FILE`` by the tests that check the
memory budget (≤ 1 GB for any file within the size limit): measuring in a
child keeps the test runner's own memory out of the figure.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from app.core.errors import RejoinderError
from app.importers.detect import import_file
from app.importers.reading import read_path


def main(path: str) -> None:
    started = time.monotonic()
    outcome: dict[str, object] = {}
    try:
        result = import_file(read_path(Path(path)), Path(path).name)
        outcome.update(
            outcome="imported", chars=len(result.text), paragraphs=len(result.paragraphs)
        )
    except RejoinderError as error:
        outcome.update(outcome="refused", error=type(error).__name__, message=str(error))
    outcome["seconds"] = round(time.monotonic() - started, 2)
    outcome["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps(outcome))


if __name__ == "__main__":
    main(sys.argv[1])
