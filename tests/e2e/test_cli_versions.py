"""`import --new-version-of`, `sources` and `remove-version` on the command line (issue 17 §5)."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.cli import rejoinder

PAPER = (
    "Contribution from the Republic of Arcadia\n"
    "1. We think enhanced cooperation has been implemented to a substantial extent.\n"
    "2. Enhanced cooperation should have the characteristics of transparency, "
    "accountability and the engagement of all stakeholders.\n"
    "3. The multi-stakeholder model serves everyone well and should be kept.\n"
    "4. We recall the five-\nyear review of the outcomes of the World Summit.\n"
)
QUOTES = (
    "implemented to a substantial extent",
    "characteristics of transparency, accountability",
    "The multi-stakeholder model serves everyone well",
    "the five-\nyear review of the outcomes",
)


def _project(tmp_path: Path) -> tuple[Path, str]:
    project = tmp_path / "p.rejoinder"
    assert rejoinder("new", project, "--title", "T", "--org", "O").returncode == 0
    paper = tmp_path / "paper.txt"
    paper.write_text(PAPER, encoding="utf-8")
    imported = rejoinder("import", project, paper, "--party", "Arcadia")
    assert imported.returncode == 0, imported.stderr
    source = imported.stdout.strip()
    for quote in QUOTES:
        cited = rejoinder("cite", project, "--source", source, "--quote", quote)
        assert cited.returncode == 0, cited.stderr
    return project, source


def test_new_version_prints_counts_and_sources_shows_the_version(tmp_path: Path) -> None:
    project, source = _project(tmp_path)
    rev1 = tmp_path / "rev1.txt"
    rev1.write_text(
        "Revision 1\n"
        + PAPER.replace("transparency, accountability", "transparency and accountability")
        .replace("3. The multi", "3. Nothing here. The multi")
        .replace("4. We recall the five-\nyear review of the outcomes", "4. Deleted."),
        encoding="utf-8",
    )
    result = rejoinder("import", project, rev1, "--new-version-of", source[:8])
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == source
    assert lines[1] == "Rev.1: 0 exact, 2 moved, 1 fuzzy (to confirm), 1 orphan"
    listed = rejoinder("sources", project).stdout.splitlines()
    assert listed[0].split("\t")[-1] == "Rev.1"


def test_wrong_document_as_a_version_warns_and_can_be_removed(tmp_path: Path) -> None:
    project, source = _project(tmp_path)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("Minutes of the spectrum meeting.\nNothing else was said.\n", "utf-8")
    result = rejoinder("import", project, wrong, "--new-version-of", source)
    assert result.returncode == 1
    assert "0 exact, 0 moved, 0 fuzzy (to confirm), 4 orphans" in result.stdout
    assert "is this the right document?" in result.stderr
    removed = rejoinder("remove-version", project, source)
    assert removed.returncode == 0, removed.stderr
    assert "original: 4 exact" in removed.stdout
    assert rejoinder("sources", project).stdout.split("\t")[-1].strip() == "original"
    again = rejoinder("remove-version", project, source)
    assert again.returncode == 2 and "only its original version" in again.stderr


def test_a_fuzzy_placement_is_confirmed_and_its_quote_updated_on_the_command_line(
    tmp_path: Path,
) -> None:
    project, source = _project(tmp_path)
    rev1 = tmp_path / "rev1.txt"
    rev1.write_text(
        PAPER.replace("transparency, accountability", "transparency and accountability").replace(
            "4. We recall the five-\nyear review of the outcomes", "4. Deleted."
        ),
        encoding="utf-8",
    )
    assert rejoinder("import", project, rev1, "--new-version-of", source).returncode == 0
    waiting = rejoinder("placements", project, "--waiting")
    assert waiting.returncode == 0, waiting.stderr
    rows = [line.split("\t") for line in waiting.stdout.splitlines()]
    assert [(r[3], r[5]) for r in rows] == [("fuzzy", "waiting"), ("orphan", "waiting")]
    fuzzy, orphan = rows[0][0], rows[1][0]
    assert rows[0][6] == "characteristics of transparency and accountability"
    assert rows[1][6] == "the five-year review of the outcomes"  # the original, shown whole
    early = rejoinder("update-quote", project, fuzzy[:8])
    assert early.returncode == 2 and "Confirm the placement first" in early.stderr
    assert "unconfirmed" in rejoinder("check", project).stdout
    done = rejoinder("confirm-placement", project, fuzzy[:8], "--update-quote")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "quote\tcharacteristics of transparency and accountability\n"
    assert "unconfirmed" not in rejoinder("check", project).stdout
    assert rejoinder("keep-orphan", project, orphan).returncode == 0
    assert rejoinder("placements", project, "--waiting").stdout == ""
    # one step each: undoing the orphan, then the confirmation with its quote
    assert rejoinder("undo", project).returncode == 0
    assert rejoinder("undo", project).returncode == 0
    after = [line.split("\t") for line in rejoinder("placements", project).stdout.splitlines()]
    assert [r[5] for r in after if r[0] == fuzzy] == ["waiting"]
    assert "unconfirmed" in rejoinder("check", project).stdout
    again = rejoinder("update-quote", project, fuzzy)
    assert again.returncode == 2
    assert rejoinder("confirm-placement", project, fuzzy).returncode == 0
    updated = rejoinder("update-quote", project, fuzzy)
    assert updated.stdout == "quote\tcharacteristics of transparency and accountability\n"
