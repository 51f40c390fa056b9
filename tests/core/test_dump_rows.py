"""`load` checks every row as a merge checks a colleague's copy, before it writes anything."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.core import dump
from app.core.errors import DumpFormatError
from tests.core.factories import populated

Change = Callable[[dict[str, Any]], None]


def _response(data: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = data["tables"]["response"][0]
    return row


def _flip_a_byte(data: dict[str, Any]) -> None:
    row = data["tables"]["original_file"][0]
    raw = bytearray(base64.b64decode(row["data"]))
    raw[0] ^= 0x20
    row["data"] = base64.b64encode(bytes(raw)).decode()


CASES: dict[str, tuple[Change, str]] = {
    "invalid position": (
        lambda d: _response(d).update(position="maybe"),
        r"response row .*field position: “maybe” is not one of agree",
    ),
    "<script> markup": (
        lambda d: _response(d).update(text="<script>x</script>"),
        r"field text: is not valid rich text",
    ),
    "malformed field history": (
        lambda d: _response(d).update(field_history="{"),
        r"field field_history: is not valid JSON",
    ),
    "flipped byte in a stored file": (_flip_a_byte, r"field data: does not match its sha256"),
    "binary data that is not base64": (
        lambda d: d["tables"]["original_file"][0].update(data="***"),
        r"not base64",
    ),
    "a status that is not one": (
        lambda d: _response(d).update(status="final"),
        r"field status: “final” is not one of draft, proposed, agreed",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_row_is_refused_and_nothing_is_written(tmp_path: Path, case: str) -> None:
    change, message = CASES[case]
    store, *_ = populated(tmp_path / "p.rejoinder")
    with store:
        data = json.loads(dump.dumps(store))
    change(data)
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(data))
    before = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(DumpFormatError, match=message) as refused:
        dump.load(source, tmp_path / "loaded.rejoinder")

    assert "\n" not in str(refused.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_json_nested_100000_deep_is_one_clean_error(tmp_path: Path) -> None:
    with pytest.raises(DumpFormatError, match="nested too deeply"):
        dump.load("[" * 100_000 + "]" * 100_000, tmp_path / "deep.rejoinder")
    assert list(tmp_path.iterdir()) == []
