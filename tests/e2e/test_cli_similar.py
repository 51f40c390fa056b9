"""``rejoinder similar`` and ``rejoinder respond --same-as`` as a user runs them."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from tests.e2e.cli import rejoinder

EU = (
    "1. We believe that enhanced cooperation should enable governments, on an equal footing, "
    "to carry out their roles and responsibilities in international public policy issues.\n\n"
    "2. We refer to our comments above on the contribution from the European Union.\n"
)
JAPAN = (
    "1. In our view enhanced cooperation should enable all governments, on an equal footing, "
    "to carry out their roles and responsibilities in international public policy issues.\n\n"
    "2. We refer to our comments above on the contribution from Japan.\n"
)


def _ok(*args: str | Path) -> str:
    done = rejoinder(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_similar_prints_scored_matches_and_respond_same_as_shares(tmp_path: Path) -> None:
    project = tmp_path / "p.rejoinder"
    _ok("new", project, "--title", "T", "--org", "O")
    for label, text in (("European Union", EU), ("Japan", JAPAN)):
        path = tmp_path / f"{label}.txt"
        path.write_text(text, encoding="utf-8")
        _ok("import", project, path, "--party", label)
    ids = {
        line.split("\t")[1]: line.split("\t")[0] for line in _ok("sources", project).splitlines()
    }
    ours = _ok(
        "cite",
        project,
        "--source",
        ids["European Union"],
        "--quote",
        "We refer to our comments above on the contribution from the European Union.",
    ).strip()
    theirs = _ok(
        "cite",
        project,
        "--source",
        ids["Japan"],
        "--quote",
        "We refer to our comments above on the contribution from Japan.",
    ).strip()
    [line] = _ok("similar", project, "--passage", ours).splitlines()
    score, source, locator, passage, text = shlex.split(line)
    assert 0.5 <= float(score) <= 1.0
    assert (source, passage) == (ids["Japan"], theirs)
    assert locator != ""
    assert text == "We refer to our comments above on the contribution from Japan."

    shared = _ok("respond", project, "--passage", ours, "--text", "We <b>agree</b>.").strip()
    assert _ok("respond", project, "--passage", theirs, "--same-as", ours).strip() == shared
    line = _ok("similar", project, "--passage", ours, "--limit", "1").strip()
    assert line.endswith('draft "We agree."')
    assert json.loads(line.split(" ", 4)[4].rsplit(" draft ", 1)[0]) == text

    assert "Undone: Same answer as" in _ok("undo", project)
    assert _ok("similar", project, "--passage", ours).strip().endswith(json.dumps(text))


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    project = tmp_path / "p.rejoinder"
    _ok("new", project, "--title", "T", "--org", "O")
    for args in (
        ("similar", project, "--passage", "ffff"),
        ("similar", project, "--passage", "ffff", "--limit", "0"),
        ("respond", project, "--passage", "ffff", "--same-as", "eeee"),
    ):
        done = rejoinder(*args)
        assert done.returncode == 2
        assert done.stdout == ""
        assert len(done.stderr.strip().splitlines()) == 1
