"""The JSON dump: its schema file, validation on load, and a lossless round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core import dump
from app.core.errors import DumpFormatError, ProjectError
from app.core.store import ProjectStore
from tests.core.factories import populated


def test_the_schema_file_matches_the_models() -> None:
    on_disk = json.loads(dump.SCHEMA_FILE.read_text(encoding="utf-8"))
    assert on_disk == dump.build_schema(), (
        "resources/schema/dump.schema.json is stale: regenerate it from dump.build_schema()"
    )


def test_round_trip_keeps_every_row_and_byte(tmp_path: Path) -> None:
    store, *_ = populated(tmp_path / "p.rejoinder")
    first = dump.dumps(store)
    store.close()
    dump.load(first, tmp_path / "copy.rejoinder")
    with ProjectStore.open(tmp_path / "copy.rejoinder") as copy:
        assert dump.dumps(copy) == first
    data = json.loads(first)
    assert data["format"] == "rejoinder-dump"
    assert len(data["tables"]["original_file"]) == 1
    assert data["tables"]["response"][0]["text"].startswith("We <b>disagree</b>")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("tables"), "not valid at the top level"),
        (lambda d: d["tables"]["passage"][0].update(start="ten"), "tables/passage/0/start"),
        (lambda d: d["tables"]["passage"][0].update(extra=1), "tables/passage/0"),
        (lambda d: d.update(schema_revision="0000_nope"), "schema 0000_nope"),
        (lambda d: d["tables"]["project"].append(d["tables"]["project"][0]), "one project"),
        (lambda d: d["tables"]["passage"][0].update(source_id="missing"), "does not contain"),
    ],
)
def test_invalid_dumps_are_refused_and_leave_nothing(
    tmp_path: Path, change: object, message: str
) -> None:
    store, *_ = populated(tmp_path / "p.rejoinder")
    data = json.loads(dump.dumps(store))
    store.close()
    change(data)  # type: ignore[operator]
    target = tmp_path / "copy.rejoinder"
    with pytest.raises(DumpFormatError, match=message):
        dump.load(json.dumps(data), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.rejoinder"]


def test_load_never_overwrites(tmp_path: Path) -> None:
    store, *_ = populated(tmp_path / "p.rejoinder")
    text = dump.dumps(store)
    store.close()
    with pytest.raises(ProjectError, match="already exists"):
        dump.load(text, tmp_path / "p.rejoinder")


def test_not_json_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DumpFormatError, match="not valid JSON"):
        dump.load("{nope", tmp_path / "x.rejoinder")
