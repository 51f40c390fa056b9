"""Core's translatable messages, read from the source, and its .po catalogues.

A message is the string literal given to ``_("…")`` or ``N_("…")`` in
app/core, app/importers, app/exporters and app/cli, or the label of a journalled
write (``store.write("Add section")``, ``rowversion.checked(store, "Edit note")``),
which is stored in English and shown
through ``_`` by ``undo``, ``redo``, ``log`` and the Edit menu. The source is
read with :mod:`ast`, the catalogues with Babel.

A counted message, ``ngettext("{n} change", "{n} changes", n)``, is a plural
entry: its id is the pair (singular, plural) and its translation one
``msgstr[i]`` per plural form of the file's ``Plural-Forms`` rule (two for
French and Spanish, as the interface's .ts catalogues have).

``python -m tests.core.i18n_catalog`` rewrites
``resources/locale/LANG/LC_MESSAGES/rejoinder-core.po`` with the current
messages, keeping every translation already made (a new message gets an empty
translation, which the tests refuse); then translate it and run
``make core-catalogues``.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"
PACKAGES = ("core", "importers", "exporters", "cli")
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "rejoinder-core"
LANGUAGES = ("fr", "es")
HEADER = """\
# Core messages of Rejoinder (app/core, importers, exporters, cli), in {name}.
# Update: python -m tests.core.i18n_catalog; compile: make core-catalogues.
# The status words (draft, proposed, agreed) are looked up at run time."""
NAMES = {"fr": "French", "es": "Spanish"}
Message = str | tuple[str, str]  # a message, or a counted one: (singular, plural)


def sources() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (APP / package).rglob("*.py"))


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _label(call: ast.Call) -> str | None:
    """The journal label a write is given, if it is a literal; shown translated."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return None
    if func.attr == "write" and ast.unparse(func.value).endswith("store"):
        return _literal(call.args[0])
    if func.attr == "checked" and len(call.args) > 1:  # rowversion.checked(store, "Label")
        return _literal(call.args[1])
    return None


def _counted(call: ast.Call) -> tuple[str, str] | None:
    """The (singular, plural) pair of ``ngettext("…", "…", n)``, if both are literals."""
    if not (isinstance(call.func, ast.Name) and call.func.id == "ngettext"):
        return None
    if len(call.args) < 2:
        return None
    singular, plural = _literal(call.args[0]), _literal(call.args[1])
    return (singular, plural) if singular and plural else None


def singular(message: Message) -> str:
    """The message's msgid: the text itself, or a counted message's singular."""
    return message if isinstance(message, str) else message[0]


def messages() -> dict[Message, list[tuple[str, int]]]:
    """Every message of the source, with where it occurs (path from the root, line)."""
    found: dict[Message, list[tuple[str, int]]] = {}
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            marked = isinstance(node.func, ast.Name) and node.func.id in ("_", "N_")
            text: Message | None = _literal(node.args[0]) if marked else _label(node)
            text = _counted(node) or text
            if text:
                where = (str(path.relative_to(ROOT)), node.lineno)
                found.setdefault(text, []).append(where)
    return found


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(language: str) -> Catalog:
    with open(po_path(language), "rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def update(language: str) -> list[str]:
    """Rewrite ``language``'s .po with the current messages; returns those without translation.

    (A counted message is named by its singular.)
    """
    old = read(language)
    catalog = Catalog(
        locale=language,
        domain=DOMAIN,
        header_comment=HEADER.format(name=NAMES[language]),
        project="Rejoinder",
        version="1",
        msgid_bugs_address="",
        last_translator="Rejoinder developers",
        language_team=NAMES[language],
        charset="utf-8",
        fuzzy=False,
        creation_date=old.creation_date,
        revision_date=old.creation_date,
    )
    # The plural rule stays the file's: Babel's CLDR data changes between releases
    # (2.19 gives French and Spanish a third form for millions), and a .po whose
    # rule changed under its translations would pick the wrong form or none.
    catalog.mime_headers = [(k, v) for k, v in old.mime_headers if k == "Plural-Forms"]
    missing: list[str] = []
    for text in sorted(messages(), key=singular):
        kept = old.get(singular(text))
        found = kept.string if kept is not None and not kept.fuzzy else ""
        forms = tuple(found) if isinstance(found, (tuple, list)) else (found or "",)
        if isinstance(text, tuple):  # one form per plural form, whatever was kept
            count = catalog.num_plurals
            plural = tuple(forms[:count]) + ("",) * (count - len(forms[:count]))
            catalog.add(text, plural)
            if not all(plural):
                missing.append(singular(text))
        else:
            catalog.add(text, forms[0] if len(forms) == 1 else "")
            if not catalog[text].string:
                missing.append(text)
    with open(po_path(language), "wb") as handle:
        write_po(handle, catalog, width=0, no_location=True, sort_output=True)
    return missing


def main() -> int:
    for language in LANGUAGES:
        missing = update(language)
        print(f"{po_path(language).relative_to(ROOT)}: {len(missing)} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
