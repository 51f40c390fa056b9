"""The command-line contract: names, outputs and exit codes (DESIGN.md)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from app import __version__
from tests.e2e.cli import rejoinder
from tests.helpers import SAMPLES


def _digest(path: Path) -> str:
    """The project's content (opening a project rewrites its header, never its content)."""
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "wgec.rejoinder"
    result = rejoinder("new", path, "--title", "Comments on WGEC-2", "--org", "APIG")
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture(params=["file", "server"])
def home(request: pytest.FixtureRequest, project: Path) -> str:
    """The project as a file, or published to a real PostgreSQL and named by its URL."""
    if request.param == "file":
        return str(project)
    url: str = request.getfixturevalue("pg_url")
    published = rejoinder("publish", project, url)
    assert published.returncode == 0, published.stderr
    return url


def test_version() -> None:
    result = rejoinder("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"rejoinder {__version__}"


def test_round_trip_new_import_cite_respond_check_dump_load_dump(home: str, tmp_path: Path) -> None:
    project = home
    statement = SAMPLES / "jnc-itu-pp-2014-statement.txt"
    imported = rejoinder("import", project, statement, "--party", "Just Net Coalition")
    assert imported.returncode == 0, imported.stderr
    source_id = imported.stdout.strip()

    listed = rejoinder("sources", project)
    assert listed.returncode == 0
    (row,) = listed.stdout.splitlines()
    assert row.split("\t")[:3] == [source_id, "Just Net Coalition", "submission"]

    ambiguous = rejoinder("cite", project, "--source", source_id[:8], "--quote", "the Internet")
    assert ambiguous.returncode == 2
    assert "--occurrence" in ambiguous.stderr
    assert len(ambiguous.stderr.strip().splitlines()) == 1

    cited = rejoinder(
        "cite", project, "--source", source_id[:8], "--quote", "the Internet", "--occurrence", "2"
    )
    assert cited.returncode == 0, cited.stderr
    passage_id = cited.stdout.strip()

    unanswered = rejoinder("check", project)
    assert unanswered.returncode == 1
    assert "has no response" in unanswered.stdout

    responded = rejoinder(
        "respond",
        project,
        "--passage",
        passage_id[:8],
        "--text",
        'We <u>agree</u>.<fn>See <a href="https://example.org">our paper</a>.</fn>',
        "--position",
        "agree",
        "--status",
        "agreed",
    )
    assert responded.returncode == 2  # a draft is proposed before it is agreed
    assert "one step at a time" in responded.stderr
    assert len(responded.stderr.strip().splitlines()) == 1
    responded = rejoinder(
        "respond",
        project,
        "--passage",
        passage_id[:8],
        "--text",
        'We <u>agree</u>.<fn>See <a href="https://example.org">our paper</a>.</fn>',
        "--position",
        "agree",
        "--status",
        "proposed",
    )
    assert responded.returncode == 0, responded.stderr
    agreed = rejoinder("respond", project, "--passage", passage_id[:8], "--status", "agreed")
    assert agreed.returncode == 0, agreed.stderr

    checked = rejoinder("check", project)
    assert checked.returncode == 0, checked.stdout

    first = tmp_path / "one.json"
    second = tmp_path / "two.json"
    copy = tmp_path / "copy.rejoinder"
    assert rejoinder("dump", project, "-o", first).returncode == 0
    assert rejoinder("load", first, "-o", copy).returncode == 0
    assert rejoinder("dump", copy, "-o", second).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    assert "our paper" in first.read_text(encoding="utf-8")


def test_cite_tolerates_pdf_line_breaks_and_hyphenation(project: Path) -> None:
    text = "We believe the multi-stakeholder model works.\nThe Inter-\nnet is global.\n"
    source = rejoinder("import", project, "-", "--party", "Arcadia", stdin=text).stdout.strip()
    cited = rejoinder("cite", project, "--source", source, "--quote", "The Internet   is\nglobal")
    assert cited.returncode == 0, cited.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("respond", "{p}", "--passage", "nope", "--text", "x"),
        ("cite", "{p}", "--source", "nope", "--quote", "x"),
        ("import", "{p}", "/nonexistent/file.pdf"),
        ("import", "{p}", "-", "--kind", "other"),
        ("export", "{p}", "-o", "/nonexistent/dir/out.docx"),
        ("load", "/nonexistent.json", "-o", "{p}"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    project: Path, args: tuple[str, ...]
) -> None:
    before = _digest(project)
    result = rejoinder(*(a.replace("{p}", str(project)) for a in args), stdin="")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert _digest(project) == before


def test_bad_markup_is_refused(project: Path) -> None:
    source = rejoinder("import", project, "-", "--party", "A", stdin="Some text here.\n")
    passage = rejoinder("cite", project, "--source", source.stdout.strip(), "--quote", "text")
    before = _digest(project)
    result = rejoinder("respond", project, "--passage", passage.stdout.strip(), "--text", "<b>x")
    assert result.returncode == 2
    assert "not closed" in result.stderr
    assert _digest(project) == before


def test_not_a_project(tmp_path: Path) -> None:
    bogus = tmp_path / "x.rejoinder"
    bogus.write_text("hello")
    result = rejoinder("sources", bogus)
    assert result.returncode == 2
    assert "not a Rejoinder project" in result.stderr


def test_load_refuses_an_invalid_dump(tmp_path: Path) -> None:
    dump = tmp_path / "d.json"
    dump.write_text('{"format": "rejoinder-dump", "format_version": 1}')
    result = rejoinder("load", dump, "-o", tmp_path / "out.rejoinder")
    assert result.returncode == 2
    assert "not valid" in result.stderr
    assert not (tmp_path / "out.rejoinder").exists()


def test_a_project_open_elsewhere_is_refused(project: Path) -> None:
    from app.core.store import ProjectStore

    with ProjectStore.open(project):
        result = rejoinder("sources", project)
    assert result.returncode == 2
    assert "open in another Rejoinder window" in result.stderr
    assert rejoinder("sources", project).returncode == 0


def test_self_test_runs_the_whole_chain() -> None:
    result = rejoinder("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "export and read-back: ok" in result.stdout
