"""``check`` and ``export`` speak the user's language and name parties as sentences must.

A French delegation's preflight used to read "The response to le Japon: …":
English words around a French article. Now every line comes from core's
catalogue in the user's language (Settings, else the system's); when that is
the project's language the party's article contracts with the preposition
before it (à + le → au, à + les → aux, a + el → al) or elides (l’), and in
another language only the bare name is used.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.core import i18n

QUOTE = "Enhanced cooperation is an ongoing process."


def _project(
    folder: Path, capsys: pytest.CaptureFixture[str], language: str, parties: list[str]
) -> str:
    file = str(folder / "p.rejoinder")
    assert main(["new", file, "--title", "T", "--org", "O", "--language", language]) == 0
    for number, party in enumerate(parties):
        text = folder / f"s{number}.txt"
        text.write_text(f"Paper {number}\n\n{QUOTE}\n\nSecond sentence here.\n", encoding="utf-8")
        capsys.readouterr()
        assert main(["import", file, str(text), "--party", party]) == 0
        source = capsys.readouterr().out.strip()
        assert main(["cite", file, "--source", source, "--quote", QUOTE]) == 0
        passage = capsys.readouterr().out.strip()
        assert main(["respond", file, "--passage", passage, "--text", "Draft."]) == 0
    capsys.readouterr()
    return file


def _export(file: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["export", file, "-o", str(folder / "out.docx")]) == 0
    return capsys.readouterr().err.splitlines()


def test_french_lines_contract_the_parties_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "fr")
    file = _project(tmp_path, capsys, "fr", ["le Japon", "les États-Unis", "l'Union européenne"])
    main(["sources", file])
    japan = capsys.readouterr().out.splitlines()[0].split("\t")[0]
    assert main(["cite", file, "--source", japan, "--quote", "Second sentence here."]) == 0
    capsys.readouterr()
    lines = _export(file, tmp_path, capsys)
    nbsp = "\u00a0"
    quoted = f"«{nbsp}{QUOTE}{nbsp}»"
    draft = f"est encore un brouillon{nbsp}; elle est laissée hors de l’export."
    for name in ("au Japon", "aux États-Unis", "à l’Union européenne"):
        assert f"vérification{nbsp}: La réponse {name}{nbsp}: {quoted} {draft}" in lines
    assert "3 passages laissés de côté parce que leurs réponses sont encore des brouillons." in (
        lines
    )
    assert not any("le Japon" in line or "à les" in line or "The " in line for line in lines)
    assert main(["check", file]) == 1
    checked = capsys.readouterr().out
    # a party's name opening a sentence takes a capital
    assert f"Le Japon{nbsp}: «{nbsp}Second sentence here.{nbsp}» n’a pas de réponse." in checked
    assert f"La réponse au Japon{nbsp}: {quoted} n’a pas de position" in checked
    assert i18n.language() == "en"  # the next command (a batch line, a test) speaks as before


def test_spanish_and_english_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "es")
    (tmp_path / "es").mkdir()
    file = _project(tmp_path / "es", capsys, "es", ["el Japón", "los Estados Unidos"])
    lines = _export(file, tmp_path / "es", capsys)
    assert f"verificación: La respuesta al Japón: «{QUOTE}» sigue siendo un borrador" in (
        "\n".join(lines)
    )
    assert f"verificación: La respuesta a los Estados Unidos: «{QUOTE}»" in "\n".join(lines)
    assert "2 pasajes omitidos porque sus respuestas siguen siendo borradores." in lines

    monkeypatch.setenv("LANGUAGE", "en")
    (tmp_path / "en").mkdir()
    file = _project(tmp_path / "en", capsys, "en", ["the EU", "Japan"])
    lines = _export(file, tmp_path / "en", capsys)
    assert (
        f"preflight: The response to the EU: “{QUOTE}” is still a draft; "
        "it is left out of the export."
    ) in lines
    assert f"preflight: The response to Japan: “{QUOTE}” has no position" in "\n".join(lines)
    assert "2 passages left out because their responses are still drafts." in lines


def test_another_interface_language_uses_the_bare_name() -> None:
    from app.core.contribution.names import party_name
    from app.core.preflight import _say

    class View:
        language = "fr"

    i18n.set_language("en")
    try:
        said = _say("The response to {party}", party_name("le Japon", "fr"), View())  # type: ignore[arg-type]
    finally:
        i18n.set_language("en")
    assert said == "The response to Japon"


def test_an_english_user_of_a_french_project_reads_the_bare_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")
    file = _project(tmp_path, capsys, "fr", ["le Japon"])
    lines = _export(file, tmp_path, capsys)
    assert (
        f"preflight: The response to Japon: “{QUOTE}” is still a draft; "
        "it is left out of the export."
    ) in lines
    assert "1 passage left out because its response is still a draft." in lines
