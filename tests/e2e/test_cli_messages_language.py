"""A French or Spanish user reads the command line's refusals in French or Spanish.

Each refusal is a typed error from core, the importers or the exporters,
printed as one line on stderr with exit code 2; its text comes from core's
catalogue in the user's language (Settings, else ``LANGUAGE``/``LANG``), and
the language before is restored afterwards (a batch, a test).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main
from app.core import i18n
from tests.e2e.cli import rejoinder

QUOTE = "Enhanced cooperation is an ongoing process."
NBSP = "\u00a0"


def _project(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """A project with one cited passage: (file, passage id)."""
    file = str(folder / "p.rejoinder")
    assert main(["new", file, "--title", "T", "--org", "O"]) == 0
    text = folder / "s.txt"
    text.write_text(f"Paper\n\n{QUOTE}\n\nSecond sentence.\n", encoding="utf-8")
    assert main(["import", file, str(text), "--party", "Japan"]) == 0
    source = capsys.readouterr().out.strip()
    assert main(["cite", file, "--source", source, "--quote", QUOTE]) == 0
    passage = capsys.readouterr().out.strip()
    return file, passage


def _refused_output(folder: Path, file: str, passage: str) -> list[str]:
    return ["dump", file, "-o", file]  # the open project itself


def _damaged_dump(folder: Path, file: str, passage: str) -> list[str]:
    (folder / "broken.json").write_text('{"schema_revision": ', encoding="utf-8")
    return ["load", str(folder / "broken.json"), "-o", str(folder / "new.rejoinder")]


def _bad_markup(folder: Path, file: str, passage: str) -> list[str]:
    return ["respond", file, "--passage", passage, "--text", "Yes <blink>now</blink>"]


def _merge_with_itself(folder: Path, file: str, passage: str) -> list[str]:
    return ["merge", file, file]


def _import_a_folder(folder: Path, file: str, passage: str) -> list[str]:
    (folder / "papers").mkdir()
    return ["import", file, str(folder / "papers")]


Case = Callable[[Path, str, str], list[str]]
CASES: dict[str, tuple[Case, str, str]] = {
    "refused output path": (
        _refused_output,
        f"«{NBSP}p.rejoinder{NBSP}» est le projet ouvert{NBSP}; y écrire le détruirait.",
        "«p.rejoinder» es el proyecto abierto; escribir en él lo destruiría.",
    ),
    "damaged dump": (
        _damaged_dump,
        f"L’export JSON n’est pas du JSON valide{NBSP}: ligne 1, colonne 21.",
        "El volcado JSON no es JSON válido: línea 1, columna 21.",
    ),
    "bad markup": (
        _bad_markup,
        f"«{NBSP}<blink>{NBSP}» à la ligne 1, caractère 5 n’est pas l’une des balises autorisées",
        "«<blink>» en la línea 1, carácter 5 no es ninguna de las etiquetas permitidas",
    ),
    "merge refusal": (
        _merge_with_itself,
        f"Un projet ne peut pas être fusionné avec lui-même{NBSP}; choisissez la copie",
        "Un proyecto no puede fusionarse consigo mismo; elija la copia de un colega.",
    ),
    "import refusal": (
        _import_a_folder,
        f"papers{NBSP}» est un dossier. Choisissez un document qu’il contient.",
        "papers» es una carpeta. Elija un documento que contenga.",
    ),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_refusal_is_one_line_in_the_users_language(
    case: str,
    language: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    file, passage = _project(tmp_path, capsys)
    monkeypatch.setenv("LANGUAGE", language)
    build, french, spanish = CASES[case]
    args = build(tmp_path, file, passage)
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("rejoinder: ")
    assert (french if language == "fr" else spanish) in lines[0]
    assert not any(w in lines[0] for w in (" the ", " is ", " not ", " cannot ")), lines[0]
    assert i18n.language() == "en"  # the next command speaks as before


def test_the_same_refusal_stays_in_english_for_an_english_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    file, _passage = _project(tmp_path, capsys)
    monkeypatch.setenv("LANGUAGE", "en")
    assert main(["merge", file, file]) == 2
    assert capsys.readouterr().err == (
        "rejoinder: A project cannot be merged with itself; choose a colleague's copy.\n"
    )


def test_the_installed_command_speaks_the_systems_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``python -m app`` in a French session: the language comes from LANG alone."""
    file, _passage = _project(tmp_path, capsys)
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    done = rejoinder("dump", file, "-o", tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        f"rejoinder: «{NBSP}{tmp_path.name}{NBSP}» est un dossier{NBSP}; "
        "choisissez un nom de fichier à l’intérieur.\n"
    )


def test_undo_names_the_step_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A journal label is stored in English (colleagues may read others), shown in ours."""
    file, _passage = _project(tmp_path, capsys)
    monkeypatch.setenv("LANGUAGE", "fr")
    assert main(["undo", file]) == 0
    assert capsys.readouterr().out == f"Annulé{NBSP}: Citer un passage\n"
    assert main(["log", file]) == 0
    assert "\tCiter un passage (annulé)\n" in capsys.readouterr().out
    monkeypatch.setenv("LANGUAGE", "es")
    assert main(["redo", file]) == 0
    assert capsys.readouterr().out == "Rehecho: Citar un pasaje\n"


def test_a_merge_reports_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    file, _passage = _project(tmp_path, capsys)
    copy = tmp_path / "copy.rejoinder"
    copy.write_bytes(Path(file).read_bytes())
    assert main(["add-section", str(copy), "--heading", "Privacy"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("LANGUAGE", "fr")
    assert main(["merge", file, str(copy)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Fusion{NBSP}: 1 ajout, 1 modification, 0 conflit. Copie de")
    assert main(["undo", file]) == 0
    assert capsys.readouterr().out == f"Annulé{NBSP}: Fusionner «{NBSP}copy.rejoinder{NBSP}»\n"
