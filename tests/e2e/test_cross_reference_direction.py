"""A cross-reference says "above" or "below" by where its target prints.

A preliminary remark referring to a party's section further down printed
"We refer to our comments above on …": the reader looked up and found nothing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.cli import main

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) == 0
    return capsys.readouterr().out.strip()


def _texts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]


@pytest.mark.parametrize(
    ("language", "parties", "below", "above"),
    [
        (
            "en",
            ("Japan", "the EU"),
            "We refer to our comments below on the contribution from the EU.",
            "We refer to our comments above on the contribution from Japan.",
        ),
        (
            "fr",
            ("le Japon", "les États-Unis"),
            "Nous renvoyons à nos observations ci-dessous sur la contribution des États-Unis.",
            "Nous renvoyons à nos observations ci-dessus sur la contribution du Japon.",
        ),
        (
            "es",
            ("el Japón", "los Estados Unidos"),
            "Nos remitimos a nuestras observaciones posteriores sobre la contribución "
            "de los Estados Unidos.",
            "Nos remitimos a nuestras observaciones anteriores sobre la contribución del Japón.",
        ),
    ],
)
def test_above_or_below_by_where_the_target_prints(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    language: str,
    parties: tuple[str, str],
    below: str,
    above: str,
) -> None:
    project = str(tmp_path / "p.rejoinder")
    _run(capsys, "new", project, "--title", "T", "--org", "O", "--language", language)
    for number, party in enumerate(parties):
        text = tmp_path / f"s{number}.txt"
        text.write_text(f"Paper {number}\n\nWe support cooperation {number}.\n", encoding="utf-8")
        source = _run(capsys, "import", project, str(text), "--party", party)
        passage = _run(
            capsys,
            "cite",
            project,
            "--source",
            source,
            "--quote",
            f"We support cooperation {number}.",
        )
        _run(
            capsys,
            "respond",
            project,
            "--passage",
            passage,
            "--text",
            "OK.",
            "--status",
            "proposed",
        )
    first, second = (line.split("\t")[0] for line in _run(capsys, "sections", project).splitlines())
    remark = _run(capsys, "add-section", project, "--heading", "Remark", "--index", "0")
    _run(capsys, "add-block", project, "--section", remark, "--kind", "cross_reference",
         "--target", second)  # fmt: skip
    _run(capsys, "add-block", project, "--section", second, "--kind", "cross_reference",
         "--target", first)  # fmt: skip
    out = tmp_path / "c.docx"
    _run(capsys, "export", project, "-o", str(out))
    texts = _texts(out)
    assert below in texts and above in texts
    assert texts.index(below) < texts.index(above)
