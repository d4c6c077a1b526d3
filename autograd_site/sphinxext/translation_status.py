"""The translation status page: how much of each page is translated, per language.

The ``translation-status`` directive reads the catalogs at build time, so the
numbers are those of the catalogs the site was built from.  Like the
glossary table, its cells carry no source location and are not offered for
translation.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from autograd_site.i18n.catalogs import catalog_dir, catalog_path, page_status
from autograd_site.languages import NAMES, TRANSLATIONS
from autograd_site.sphinxext.links import language_links
from autograd_site.sphinxext.locale import locale_dir


def _cell(*children: nodes.Node) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *children))


class TranslationStatus(SphinxDirective):
    """``translation-status``: one row per page, one column per translation."""

    def run(self) -> list[nodes.Node]:
        locale_root = locale_dir(self.env)  # BuildEnvironment.app is deprecated (Sphinx 9)
        group = nodes.tgroup(cols=1 + len(TRANSLATIONS))
        group += [nodes.colspec(colwidth=3)] + [nodes.colspec(colwidth=1) for _ in TRANSLATIONS]
        group += nodes.thead("", nodes.row("", _cell(nodes.Text("")), *[
            _cell(nodes.Text(NAMES[language])) for language in TRANSLATIONS
        ]))
        rows = []
        for docname in sorted(self.env.found_docs):
            link = addnodes.pending_xref(
                "", nodes.inline("", docname), refdomain="std", reftype="doc",
                reftarget="/" + docname, refexplicit=False, refwarn=True,
            )
            cells = [_cell(link)]
            for language in TRANSLATIONS:
                status = page_status(catalog_path(locale_root, language, docname))
                cells.append(_cell(nodes.Text("—" if status is None else f"{status.percent} %")))
            rows.append(nodes.row("", *cells))
        group += nodes.tbody("", *rows)
        self.env.note_dependency(str(statuses_file(self.env.doctreedir)))
        return [nodes.table("", group, classes=["autograd-translation-status"])]


def statuses_file(doctreedir) -> Path:
    return Path(doctreedir, "translation-statuses.txt")


def record_statuses(app) -> None:
    """The percentage of every catalog, in a file rewritten only when one of them moves.

    The status page depends on this file rather than on every catalog, so
    editing a translation rebuilds it (in every language) only when its
    numbers change.
    """
    locale_root = locale_dir(app)
    text = "".join(
        f"{catalog.relative_to(locale_root).as_posix()} {page_status(catalog).percent}\n"
        for language in TRANSLATIONS for catalog in sorted(catalog_dir(locale_root, language).rglob("*.po"))
    )
    recorded = statuses_file(app.doctreedir)
    if not recorded.exists() or recorded.read_text(encoding="utf-8") != text:
        recorded.parent.mkdir(parents=True, exist_ok=True)
        recorded.write_text(text, encoding="utf-8")


def setup(app) -> None:
    app.add_directive("translation-status", TranslationStatus)
    app.connect("builder-inited", record_statuses)


def add_incomplete_notice(app, pagename, templatename, context, doctree) -> None:
    """In a preview build, a notice on each page that is not fully translated."""
    if not app.config.autograd_preview or app.config.language == "en" or doctree is None:
        return
    from html import escape

    from sphinx.locale import get_translation

    _ = get_translation("sphinx")
    status = page_status(catalog_path(locale_dir(app), app.config.language, pagename))
    if status is not None and status.percent == 100:
        return
    english = language_links(pagename, ("en",))[0][2]
    guide = context["pathto"]("translating")
    context["body"] = (
        '<div class="admonition warning autograd-incomplete-translation" role="note">'
        f'<p>{escape(str(_("This page is not fully translated yet.")))} '
        f'<a href="{escape(english)}" hreflang="en">{escape(str(_("Read it in English")))}</a> · '
        f'<a href="{escape(guide)}">{escape(str(_("Help translate it")))}</a></p></div>\n'
        + context["body"]
    )
