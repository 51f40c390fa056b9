"""The suite carries its own files: every stored fixture is listed in the
MANIFEST with where it comes from and under which licence, and the paths the
tests use stay inside the repository (a fresh clone passes on its own)."""

from __future__ import annotations

import ast
import csv

from tests.helpers import FIXTURES, REALDOCS, ROOT, SAMPLES

STORED = ("realdocs", "reviews", "samples", "similar")


def manifest() -> dict[str, dict[str, str]]:
    with (FIXTURES / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}


def test_every_stored_fixture_has_a_source_and_a_licence() -> None:
    rows = manifest()
    files = sorted(
        str(path.relative_to(FIXTURES))
        for folder in STORED
        for path in (FIXTURES / folder).rglob("*")
        if path.is_file()
    )
    assert files
    for name in files:
        assert name in rows, f"{name} is not in tests/fixtures/MANIFEST.tsv"
        assert rows[name]["source"].strip() and rows[name]["licence"].strip()


def test_stored_fixtures_stay_small() -> None:
    total = sum(
        path.stat().st_size
        for folder in STORED
        for path in (FIXTURES / folder).rglob("*")
        if path.is_file()
    )
    assert total < 6 * 1024 * 1024


def test_test_paths_stay_inside_the_repository() -> None:
    for path in (FIXTURES, REALDOCS, SAMPLES):
        assert path.is_dir() and path.resolve().is_relative_to(ROOT)


def test_no_test_depends_on_bench() -> None:
    """Benchmarks may use the tests' helpers, never the other way round."""
    offenders = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(name == "bench" or name.startswith("bench.") for name in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == [], offenders
