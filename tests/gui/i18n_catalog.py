"""The interface's translatable strings, read from the GUI's source, and the .ts catalogues.

Every ``self.tr("…")`` (context: the enclosing class),
``QCoreApplication.translate("Context", "…")`` and ``_tr("…")`` (context: the
one the module's ``_tr`` passes) in ``app/gui`` is a message. ``python -m
tests.gui.i18n_catalog`` rewrites ``resources/translations/rejoinder_LANG.ts``
with the current messages, keeping every translation already made (new ones
are marked unfinished, which the tests refuse); ``make translations`` compiles
them with ``pyside6-lrelease``.

A ``tr`` call with a count (``self.tr("%n match(es)", "", n)``, or a module's
``_tr("%n match(es)", n)``) is a plural
message: its translation is one ``numerusform`` per plural form of the
language (French: 1 and 0 take the first), kept here as one string with the
forms separated by :data:`FORMS`. English needs its forms too ("1 match",
"2 matches"): ``rejoinder_en.ts`` holds the plural messages only.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "app" / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fr", "es")
Message = tuple[str, str]  # (context, source)
FORMS = "\x1f"  # separates the plural forms of a numerus translation


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _module_context(tree: ast.Module) -> str | None:
    """The context a module-level ``_tr`` helper passes to QCoreApplication.translate."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_tr":
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and call.args:
                    context = _literal(call.args[0])
                    if context is not None:
                        return context
    return None


class _Finder(ast.NodeVisitor):
    def __init__(self, module_context: str | None) -> None:
        self.module_context = module_context
        self.classes: list[str] = []
        self.found: list[Message] = []
        self.plural: set[Message] = set()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        method = isinstance(func, ast.Attribute) and name == "tr"  # self.tr(text[, "", n])
        if (
            not method
            and name in ("tr", "translate")
            and len(node.args) >= 2
            and _literal(node.args[0])
        ):
            context, text = _literal(node.args[0]), _literal(node.args[1])
            if context is not None and text is not None:
                self.found.append((context, text))
        elif name == "tr" and isinstance(func, ast.Attribute) and node.args:
            text = _literal(node.args[0])
            if text is not None and self.classes:
                self.found.append((self.classes[-1], text))
                if len(node.args) >= 3:  # tr(text, disambiguation, n): a plural message
                    self.plural.add((self.classes[-1], text))
        elif name == "_tr" and node.args and self.module_context:
            text = _literal(node.args[0])
            if text is not None:
                self.found.append((self.module_context, text))
                if len(node.args) >= 2:  # _tr(text, n): a plural message
                    self.plural.add((self.module_context, text))
        self.generic_visit(node)


def _find(folder: Path) -> list[_Finder]:
    finders = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        finder = _Finder(_module_context(tree))
        finder.visit(tree)
        finders.append(finder)
    return finders


def messages(folder: Path = GUI) -> list[Message]:
    """Every translatable string of the interface, in source order, without repeats."""
    seen: dict[Message, None] = {}
    for finder in _find(folder):
        for message in finder.found:
            seen.setdefault(message, None)
    return list(seen)


def plural_messages(folder: Path = GUI) -> set[Message]:
    """The messages translated by count (``%n``), which take one form per plural form."""
    return {message for finder in _find(folder) for message in finder.plural}


def read_ts(path: Path) -> dict[Message, str]:
    """Finished translations of a .ts file (unfinished or empty ones are left out)."""
    if not path.exists():
        return {}
    out: dict[Message, str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            if forms and all(forms):
                out[(name, source)] = FORMS.join(forms)
            elif translation.text and translation.text.strip():
                out[(name, source)] = translation.text
    return out


def write_ts(
    path: Path,
    language: str,
    catalogue: list[Message],
    known: dict[Message, str],
    plural: set[Message] = frozenset(),  # type: ignore[assignment]
) -> None:
    """Write the catalogue; a translation is reused by (context, source), else by source."""
    by_source = {source: text for (_c, source), text in known.items()}
    root = ET.Element("TS", version="2.1", language=language)
    contexts: dict[str, ET.Element] = {}
    for context, source in catalogue:
        if context not in contexts:
            element = ET.SubElement(root, "context")
            ET.SubElement(element, "name").text = context
            contexts[context] = element
        message = ET.SubElement(contexts[context], "message")
        if (context, source) in plural:
            message.set("numerus", "yes")
        ET.SubElement(message, "source").text = source
        text = known.get((context, source)) or by_source.get(source)
        translation = ET.SubElement(message, "translation")
        if (context, source) in plural:
            for form in (text or "").split(FORMS):
                ET.SubElement(translation, "numerusform").text = form
            if not text:
                translation.set("type", "unfinished")
        elif text:
            translation.text = text
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def update(extra: dict[str, dict[Message, str]] | None = None) -> None:
    catalogue = messages()
    plural = plural_messages()
    for language in LANGUAGES:
        path = TRANSLATIONS / f"rejoinder_{language}.ts"
        known = {**read_ts(path), **((extra or {}).get(language, {}))}
        write_ts(path, language, catalogue, known, plural)
    path = TRANSLATIONS / "rejoinder_en.ts"  # English: the plural forms only
    known = {**read_ts(path), **((extra or {}).get("en", {}))}
    write_ts(path, "en", [m for m in catalogue if m in plural], known, plural)


if __name__ == "__main__":
    update()
    sys.exit(0)
