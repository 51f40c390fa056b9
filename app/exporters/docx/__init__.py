"""Word export: the contribution tree to a .docx a secretariat accepts as is.

Built on python-docx for the package and on lxml for everything python-docx
cannot do or does too slowly (footnotes, list numbering, hyperlinks, bulk
paragraphs). Modules: ``export`` (entry point, atomic save, properties),
``template`` (opening the delegation's template), ``styles`` (finding or
creating styles), ``parts`` (numbering and footnotes parts), ``writer``
(paragraphs and lists), ``table`` (table layout), ``review`` (review copy).
"""

from app.exporters.docx.export import build_document, export_docx

__all__ = ["build_document", "export_docx"]
