"""The deletion probe of issue 17, over whole documents, for bench/RESULTS.md.

    .venv/bin/python -m bench.deletion_probe tests/fixtures/realdocs/docx/legal-docx4j-*.docx ...

prints, per document and in total, how many deleted sentences were placed
wrongly (the right answer is an orphan) and how the one-word edits fared. The
probe itself is ``tests/core/deletion_probe.py``, which the tests run too.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from tests.core.deletion_probe import Tally, load, tally


def main(paths: Sequence[str]) -> None:
    total = Tally()
    print(
        "| document | sentences deleted | placed wrongly | one-word edits: right / orphan / wrong |"
    )
    print("| --- | --- | --- | --- |")
    for path in paths:
        t = tally(load(Path(path)))
        for field in vars(total):
            setattr(total, field, getattr(total, field) + getattr(t, field))
        print(
            f"| {Path(path).name} | {t.deleted} | {t.wrong} ({t.wrong_rate:.1%}) | "
            f"{t.edited_right} / {t.edited_orphan} / {t.edited_wrong} |"
        )
    print(
        f"| total | {total.deleted} | {total.wrong} ({total.wrong_rate:.1%}) | "
        f"{total.edited_right} / {total.edited_orphan} / {total.edited_wrong} |"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
