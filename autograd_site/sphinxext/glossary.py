"""The project's glossary: one CSV of key terms in English, Japanese and French.

``locale/glossary.csv`` is the single source.  Translators follow it, and the
``glossary-table`` directive shows it on the site.  The table's cells carry no
source location, so Sphinx does not offer them for translation: the table is
already trilingual.  Each row is the target of ``:term:`` references to its
English term (``:term:`gradient``` or, in a translation,
``:term:`勾配 <gradient>```), on every language's glossary page.

The page shows each language's display form and the note in the page's own
language (``note`` on the English page, ``note_ja`` on the Japanese one…);
the forms the catalog check also accepts (``<lang>_accept``) are not shown.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from autograd_site.i18n.glossary import note_column, read_glossary
from autograd_site.languages import NAMES, SOURCE


def _cell(text: str) -> nodes.entry:
    return nodes.entry("", nodes.paragraph(text=text))


def term_id(english: str) -> str:
    """The HTML id of a term's row: ``term-`` and the English term, as Sphinx's glossary names them."""
    return nodes.make_id(f"term-{english}")


class GlossaryTable(SphinxDirective):
    """``glossary-table``: the glossary as a table, one row per term."""

    required_arguments = 1  # path of the CSV, relative to the document

    def run(self) -> list[nodes.Node]:
        path = (Path(self.env.doc2path(self.env.docname)).parent / self.arguments[0]).resolve()
        self.env.note_dependency(str(path))
        rows = read_glossary(path)
        columns = self.columns(rows)
        group = nodes.tgroup(cols=len(columns))
        group += [nodes.colspec(colwidth=1) for _ in columns]
        group += nodes.thead("", nodes.row("", *[_cell(title) for title in columns.values()]))
        group += nodes.tbody("", *[self._row(row, columns) for row in rows])
        return [nodes.table("", group, classes=["autograd-glossary"])]

    def columns(self, rows: list[dict[str, str]]) -> dict[str, str]:
        """Column key to heading: each language's display form, then the page language's note."""
        from sphinx.locale import admonitionlabels

        keys = rows[0].keys() if rows else ()
        columns = {language: name for language, name in NAMES.items() if language in keys}
        note = note_column(self.env.config.language or SOURCE)
        # A language with no note column yet (just added) shows the English note.
        columns[note if note in keys else note_column(SOURCE)] = str(admonitionlabels["note"])
        return columns

    def _row(self, row: dict[str, str], columns: dict[str, str]) -> nodes.row:
        """One term; ``:term:`` references to its English name land on this row."""
        english = row["en"]
        node_id = term_id(english)
        self.env.get_domain("std").note_object("term", english, node_id, location=self.get_location())
        return nodes.row("", *[_cell(row[key]) for key in columns], ids=[node_id])


def setup(app) -> None:
    app.add_directive("glossary-table", GlossaryTable)
