"""The team-server commands against a real PostgreSQL: publish, checkout, merge URL FILE."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.core.homes import open_home
from app.core.server.transfer import publish
from app.core.services.passages import list_passages
from app.core.services.sections import list_sections
from tests.core.factories import populated
from tests.e2e.cli import rejoinder
from tests.pgserver import PgServer, free_port


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.fixture
def drafted(tmp_path: Path) -> tuple[Path, str]:
    """A project file with one source, one passage and its draft response; the passage id.

    Built in this process: the commands under test are the server's, and each
    subprocess costs a second or more on a loaded machine.
    """
    path = tmp_path / "wgec.rejoinder"
    store, _source, passage_id, _response = populated(path)
    store.close()
    return path, passage_id


def test_publish_checkout_and_merge_back(
    drafted: tuple[Path, str], pg_url: str, tmp_path: Path
) -> None:
    path, passage_id = drafted
    published = rejoinder("publish", path, pg_url)
    assert published.returncode == 0, published.stderr

    again = rejoinder("publish", path, pg_url)
    assert again.returncode == 2
    assert "is not empty" in _one_line(again.stderr)

    copy = tmp_path / "plane.rejoinder"
    checked_out = rejoinder("checkout", pg_url, "-o", copy)
    assert checked_out.returncode == 0, checked_out.stderr
    refused = rejoinder("checkout", pg_url, "-o", copy)
    assert refused.returncode == 2
    assert "already exists" in _one_line(refused.stderr)

    dumps = tmp_path / "file.json", tmp_path / "server.json", tmp_path / "copy.json"
    for home, target in zip((path, pg_url, copy), dumps, strict=True):
        assert rejoinder("dump", home, "-o", target).returncode == 0
    assert dumps[0].read_bytes() == dumps[1].read_bytes() == dumps[2].read_bytes()

    # offline on the plane, and meanwhile on the server: the same response edited twice
    on_plane = rejoinder("respond", copy, "--passage", passage_id, "--text", "We agree fully.")
    assert on_plane.returncode == 0, on_plane.stderr
    at_home = rejoinder("respond", pg_url, "--passage", passage_id, "--text", "We agree, mostly.")
    assert at_home.returncode == 0, at_home.stderr
    merged = rejoinder("merge", pg_url, copy)
    assert merged.returncode == 0, merged.stderr
    conflicts = [line for line in merged.stdout.splitlines() if line.startswith("conflict\t")]
    assert len(conflicts) == 1
    assert "response.text" in conflicts[0]
    assert "We agree fully." in conflicts[0] and "We agree, mostly." in conflicts[0]

    listed = rejoinder("sources", pg_url)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split("\t")[1] == "Arcadia"


def test_load_onto_a_server_and_check_there(
    drafted: tuple[Path, str], pg_url: str, tmp_path: Path
) -> None:
    path, _passage = drafted
    dumped = tmp_path / "p.json"
    assert rejoinder("dump", path, "-o", dumped).returncode == 0
    loaded = rejoinder("load", dumped, "-o", pg_url)
    assert loaded.returncode == 0, loaded.stderr
    on_file, on_server = rejoinder("check", path), rejoinder("check", pg_url)
    assert on_file.returncode == on_server.returncode == 1  # the response is still a draft
    assert on_file.stdout == on_server.stdout
    back = tmp_path / "back.json"
    assert rejoinder("dump", pg_url, "-o", back).returncode == 0
    assert back.read_bytes() == dumped.read_bytes()
    documents = []
    for home, name in ((path, "file.docx"), (pg_url, "server.docx")):
        exported = rejoinder("export", home, "-o", tmp_path / name, "--include-drafts")
        assert exported.returncode == 0, exported.stderr
        with zipfile.ZipFile(tmp_path / name) as docx:
            documents.append(docx.read("word/document.xml"))
    assert documents[0] == documents[1]
    assert b"We <b>disagree</b>" not in documents[0] and b"disagree" in documents[0]


def test_a_wrong_password_or_a_server_down_is_one_line(
    drafted: tuple[Path, str],
    pg_url: str,
    pg_server: PgServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, _passage = drafted
    publish(path, pg_url)
    monkeypatch.setenv("PGPASSWORD", "wrong")
    assert os.environ["PGPASSWORD"] == "wrong"
    refused = rejoinder("sources", pg_url)
    assert refused.returncode == 2
    assert "refused the login" in _one_line(refused.stderr)
    down = rejoinder("check", pg_url.replace(f":{pg_server.port}/", f":{free_port()}/"))
    assert down.returncode == 2
    assert "does not answer" in _one_line(down.stderr)


def test_batch_on_a_server_keeps_the_good_lines_of_a_group(
    drafted: tuple[Path, str],
    pg_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, passage_id = drafted
    publish(path, pg_url)
    lines = (
        f"add-section --heading Privacy\n"
        f"respond --passage {passage_id} --text 'We agree.' --status proposed\n"
        "cite --source nosuchsource --quote 'anything'\n"
        "add-section --heading Closing\n"
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    code = main(["batch", "--keep-going", pg_url])
    _out, err = capsys.readouterr()
    assert code == 2
    assert err.strip().startswith("line 3: ")
    with open_home(pg_url) as server:
        headings = [section.heading for section in list_sections(server)]
        (passage,) = [p for p in list_passages(server) if p.id == passage_id]
    assert "Privacy" in headings and "Closing" in headings
    assert passage.response_status == "proposed"
