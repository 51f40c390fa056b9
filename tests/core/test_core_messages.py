"""Every message core, the importers, the exporters and the command line show a user is translated.

Two checks keep it so. The source is scanned (with :mod:`ast`) for a user's
error, warning or output line written as an English literal rather than
through ``_``; and every message of the source (``tests.core.i18n_catalog``)
must have a French and a Spanish translation in the .po catalogues, with the
same placeholders, so that ``str.format`` cannot fail on them and a
translation cannot drop a name or a number.
"""

from __future__ import annotations

import ast
import re
import string

import pytest

from app.core import errors
from tests.core import i18n_catalog

# Raised with a message a user reads, besides core's typed errors.
_USER_MESSAGES = {"BadValue", "LineError"}


def _user_errors() -> set[str]:
    found = {errors.RejoinderError.__name__}
    pending: list[type] = [errors.RejoinderError]
    while pending:
        for sub in pending.pop().__subclasses__():
            found.add(sub.__name__)
            pending.append(sub)
    # Subclasses defined outside errors.py that are not imported yet.
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in i18n_catalog.sources()]
    grew = True
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in found:
                    bases = {ast.unparse(b).rsplit(".", 1)[-1] for b in node.bases}
                    if bases & found:
                        found.add(node.name)
                        grew = True
    return found | _USER_MESSAGES


def _words(text: str) -> bool:
    """Text a person reads: a word of two letters or more, other than the program's name."""
    return re.search(r"[^\W\d_]{2,}", text.replace("rejoinder", "")) is not None


def _english(node: ast.AST) -> bool:
    """A literal (or f-string, or concatenation, or ``"…".format``) holding words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _words(node.value) and "\t" not in node.value  # a tab: a record for scripts
    if isinstance(node, ast.JoinedStr):
        parts = [str(v.value) for v in node.values if isinstance(v, ast.Constant)]
        return not any("\t" in p for p in parts) and any(_words(p) for p in parts)
    if isinstance(node, ast.BinOp):
        return _english(node.left) or _english(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _english(node.func.value)
    return False


def _name(call: ast.Call) -> str:
    func = call.func
    return (
        func.id
        if isinstance(func, ast.Name)
        else func.attr
        if isinstance(func, ast.Attribute)
        else ""
    )


def _to_stderr(call: ast.Call) -> bool:
    return any(k.arg == "file" and ast.unparse(k.value) == "sys.stderr" for k in call.keywords)


def untranslated(tree: ast.AST, user_errors: set[str], *, command_line: bool) -> list[int]:
    """Lines where a user's message is an English literal, not ``_("…")``."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        shown = [
            *(node.args[:1] if name in user_errors or name == "failure" else []),
            *(node.args if name == "print" and (command_line or _to_stderr(node)) else []),
            *(
                node.args
                if name == "append" and ast.unparse(node.func).endswith("warnings.append")
                else []
            ),
            *(
                node.args
                if name == "write" and ast.unparse(node.func) == "sys.stderr.write"
                else []
            ),
        ]
        if any(_english(arg) for arg in shown):
            lines.append(node.lineno)
    return lines


def test_the_scan_finds_english_messages_and_passes_translated_ones() -> None:
    code = """
raise InvalidInputError("A section needs a heading.")
raise MarkupError(f"<{name}> takes no attribute at {where}.")
raise kind.failure("“{name}” cannot be written.".format(name=name))
print(f"warning: {warning}", file=sys.stderr)
warnings.append("Some pages have no text: " + listed)
print(f"Published {count} rows.")
raise InvalidInputError(_("A section needs a heading."))
raise MarkupError(_("<{name}> takes no attribute.").format(name=name))
raise ImportFailedError(_(DAMAGED))
print(f"rejoinder: {exc}", file=sys.stderr)
print(f"sent\\t{name}\\t{when}")
raise ValueError("an internal error, not shown to a user")
"""
    found = untranslated(ast.parse(code), {"InvalidInputError", "MarkupError"}, command_line=True)
    assert found == [2, 3, 4, 5, 6, 7]
    assert untranslated(ast.parse(code), {"InvalidInputError"}, command_line=False) == [2, 4, 5, 6]


def test_no_user_message_is_english_only() -> None:
    user_errors = _user_errors()
    assert {"OutputRefusedError", "StaleProposalError", "MarkupError"} <= user_errors
    found = []
    for path in i18n_catalog.sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        command_line = path.parent.name == "cli"
        for line in untranslated(tree, user_errors, command_line=command_line):
            found.append(f"{path.relative_to(i18n_catalog.ROOT)}:{line}")
    assert not found, f"wrap these messages in _(…) and translate them: {found}"


def _forms(text: object) -> tuple[str, ...]:
    """A message's text, or a counted message's forms (singular and plural, or msgstr[i])."""
    forms = text if isinstance(text, tuple) else (text,)
    assert all(isinstance(form, str) for form in forms), text
    return tuple(str(form) for form in forms)


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


@pytest.mark.parametrize("language", i18n_catalog.LANGUAGES)
def test_every_message_of_the_source_is_translated(language: str) -> None:
    messages = i18n_catalog.messages()
    assert len(messages) > 300
    catalogue = i18n_catalog.read(language)
    missing = [m for m in messages if catalogue.get(m) is None]
    assert not missing, f"run `python -m tests.core.i18n_catalog` and translate: {missing}"
    empty = [m for m in messages if not all(_forms(catalogue[m].string)) or catalogue[m].fuzzy]
    assert not empty, f"untranslated in {language}: {empty}"
    for message in catalogue:
        if not message.id:
            continue
        ids = _forms(message.id)
        forms = _forms(message.string)
        # a counted message: one translation per plural form, each with every field
        assert len(forms) == (catalogue.num_plurals if message.pluralizable else 1), ids
        for form in forms:
            assert _fields(form) == set().union(*map(_fields, ids)), message.id
            assert "“" not in form, f"{language} quotes with « »: {form}"


def test_french_spaces_before_double_punctuation_do_not_break() -> None:
    """New French messages put a no-break space before : ; ? ! and inside « »."""
    catalogue = i18n_catalog.read("fr")
    sample = {
        "The quote is empty: paste the text you want to cite.": "La citation est vide\u00a0:",
        "“{shown}” is a folder; choose a file name inside it.": "«\u00a0{shown}\u00a0» est un",
        "preflight: {problem}": "vérification\u00a0: {problem}",
    }
    for english, french in sample.items():
        assert str(catalogue[english].string).startswith(french)


def test_the_catalogue_module_reads_the_messages_of_the_source() -> None:
    messages = i18n_catalog.messages()
    assert "There is nothing to undo." in messages  # _("…")
    assert "a Word document" in messages  # N_("…")
    assert "Add section" in messages  # store.write("…"): a journal label
    assert "Edit note" in messages  # rowversion.checked(store, "…")
    assert ("{n} conflict", "{n} conflicts") in messages  # ngettext("…", "…", n)


def test_counted_messages_take_the_languages_plural_forms() -> None:
    """A plural entry has msgstr[0] and msgstr[1], and gettext picks by the language's rule."""
    from app.core import i18n

    for language, said in (
        ("fr", ["0 conflit", "1 conflit", "2 conflits"]),
        ("es", ["0 conflictos", "1 conflicto", "2 conflictos"]),
        ("en", ["0 conflicts", "1 conflict", "2 conflicts"]),
    ):
        i18n.set_language(language)
        try:
            forms = [i18n.ngettext("{n} conflict", "{n} conflicts", n) for n in (0, 1, 2)]
        finally:
            i18n.set_language("en")
        assert [form.format(n=n) for n, form in enumerate(forms)] == said
    entry = i18n_catalog.read("fr").get("{n} conflict")
    assert entry is not None and entry.string == ("{n} conflit", "{n} conflits")
