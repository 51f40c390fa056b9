"""The review copy speaks the contribution's language and names the project's members.

Its Word comments used to read "Status changed from draft to proposed." in a
French or Spanish contribution, under the operating system's login.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.core.config import Identity, load_settings, save_settings
from app.core.phrasebook import load_phrasebook

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out.strip()


def _comments(path: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/comments.xml").decode("utf-8")
    found = []
    for match in re.finditer(r"<w:comment\b([^>]*)>(.*?)</w:comment>", xml, re.S):
        author = re.search(r'w:author="([^"]*)"', match.group(1))
        text = "\n".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", match.group(2)))
        found.append((author.group(1) if author else "", text))
    return found


@pytest.mark.parametrize(
    ("language", "changed", "status"),
    [
        ("fr", "Statut passé de «\u00a0projet\u00a0» à «\u00a0proposé\u00a0».", "Statut"),
        ("es", "Estado cambiado de «borrador» a «propuesto».", "Estado"),
        ("en", "Status changed from draft to proposed.", "Status"),
    ],
)
def test_review_comments_are_localised_and_signed_by_the_member(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str, changed: str, status: str
) -> None:
    settings = load_settings()
    settings.identity = Identity(member_id="", name="Ana Pérez", initials="AP")
    save_settings(settings)
    project = str(tmp_path / "p.rejoinder")
    source_file = tmp_path / "japan.txt"
    source_file.write_text("We support enhanced cooperation. It is needed.\n", encoding="utf-8")
    _run(capsys, "new", project, "--title", "T", "--org", "Brazil", "--language", language)
    source = _run(capsys, "import", project, str(source_file), "--party", "Japan").split()[0]
    passage = _run(capsys, "cite", project, "--source", source, "--quote", "It is needed.")
    _run(capsys, "respond", project, "--passage", passage, "--text", "We agree.")
    _run(capsys, "respond", project, "--passage", passage, "--status", "proposed")
    out = tmp_path / "review.docx"
    _run(capsys, "export", project, "-o", str(out), "--review-copy")
    comments = _comments(out)
    assert comments
    assert {author for author, _ in comments} == {"Ana Pérez"}
    text = "\n".join(t for _, t in comments)
    assert changed in text
    assert text.startswith(status)
    if language != "en":
        assert "Status changed" not in text
    assert "root" not in text
    # a note's time as a reader writes it, in the language ("2 décembre 2026, 09:38 UTC")
    assert not re.search(r"\d{4}-\d\d-\d\dT", text)
    months = "|".join(load_phrasebook(language).months)
    when = rf"\d{{1,2}} (?:de )?(?:{months}) (?:de )?\d{{4}}, \d\d:\d\d UTC"
    colon = load_phrasebook(language).text("colon")
    assert re.search(rf"^Ana Pérez \({when}\){colon}{re.escape(changed)}$", text, re.M)
