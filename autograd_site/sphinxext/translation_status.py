"""The translation status page: how much of each page is translated, per language.

The ``translation-status`` directive reads the catalogs at build time, so the
numbers are those of the catalogs the site was built from: per translation, a
one-line summary, then the pages that need work first, with their fuzzy and
untranslated counts and the catalog to edit.  Like the
glossary table, its cells carry no source location and are not offered for
translation.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from autograd_site.i18n.catalogs import PageStatus, catalog_dir, catalog_path, page_status
from autograd_site.languages import NAMES, TRANSLATIONS
from autograd_site.sphinxext.links import language_links, repository_file
from autograd_site.sphinxext.locale import locale_dir


def _cell(*children: nodes.Node) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *children))


def _order(status: PageStatus | None, docname: str, non_content: set[str]) -> tuple:
    """Incomplete pages first, most missing first; then complete pages; non-content pages after content ones."""
    missing = status.missing if status else 0
    return (missing == 0, docname in non_content, -missing, docname)


class TranslationStatus(SphinxDirective):
    """``translation-status``: per translation, one line of summary and one row per page.

    Rows list the incomplete pages first (most fuzzy or untranslated entries
    first), with the catalog a translator edits; pages that are not content
    (the 404 page) come after the others.  Its texts are interface strings
    (``sphinx.po``).
    """

    def run(self) -> list[nodes.Node]:
        from sphinx.locale import get_translation

        _ = get_translation("sphinx")
        locale_root = locale_dir(self.env)  # BuildEnvironment.app is deprecated (Sphinx 9)
        non_content = {self.config.notfound_pagename}  # sphinx-notfound-page's page
        here = self.config.language
        languages = sorted(TRANSLATIONS, key=lambda language: language != here)
        result: list[nodes.Node] = []
        for language in languages:
            statuses = {docname: page_status(catalog_path(locale_root, language, docname))
                        for docname in self.env.found_docs}
            ordered = sorted(statuses, key=lambda docname: _order(statuses[docname], docname, non_content))
            incomplete = [docname for docname in ordered if statuses[docname] and statuses[docname].missing]
            if incomplete:
                summary = _("Not fully translated: {incomplete} of {pages} pages. "
                            "Fuzzy entries: {fuzzy}. Untranslated entries: {untranslated}.").format(
                    incomplete=len(incomplete), pages=len(ordered),
                    fuzzy=sum(statuses[d].fuzzy for d in incomplete),
                    untranslated=sum(statuses[d].untranslated for d in incomplete))
            else:
                summary = _("All {pages} pages are fully translated.").format(pages=len(ordered))
            result.append(nodes.rubric("", NAMES[language], classes=["autograd-status-language"],
                                       ids=[f"translation-status-{language}"]))
            result.append(nodes.paragraph("", summary, classes=["autograd-status-summary"]))
            result.append(self._table(language, ordered, statuses, locale_root, _))
        self.env.note_dependency(str(statuses_file(self.env.doctreedir)))
        for node in (n for element in result for n in element.findall(nodes.TextElement)):
            node["translatable"] = False  # numbers of this build, in the interface catalog's words
        return result

    def _table(self, language, ordered, statuses, locale_root, _) -> nodes.table:
        headers = [_("Page"), _("Translated"), _("Fuzzy"), _("Untranslated"), _("Catalog")]
        group = nodes.tgroup(cols=len(headers))
        group += [nodes.colspec(colwidth=width) for width in (4, 1, 1, 1, 5)]
        group += nodes.thead("", nodes.row("", *[_cell(nodes.Text(str(header))) for header in headers]))
        rows = []
        for docname in ordered:
            status = statuses[docname]
            link = addnodes.pending_xref(
                "", nodes.inline("", docname), refdomain="std", reftype="doc",
                reftarget="/" + docname, refexplicit=False, refwarn=True,
            )
            catalog = catalog_path(locale_root, language, docname)
            relative = _relative(catalog, locale_root)
            cells = [_cell(link)]
            if status is None:
                cells += [_cell(nodes.Text("—")) for _n in range(3)]
            else:
                cells += [_cell(nodes.Text(f"{status.percent} %")), _cell(nodes.Text(str(status.fuzzy))),
                          _cell(nodes.Text(str(status.untranslated)))]
            address = repository_file(self.config, relative)
            cells.append(_cell(nodes.reference("", "", nodes.literal("", relative), refuri=address)))
            classes = ["autograd-status-incomplete"] if status and status.missing else []
            rows.append(nodes.row("", *cells, classes=classes))
        group += nodes.tbody("", *rows)
        return nodes.table("", group, classes=["autograd-translation-status"])


def _relative(catalog: Path, locale_root: Path) -> str:
    """``locale/<lang>/LC_MESSAGES/<page>.po``, as the repository names it."""
    return (Path(locale_root.name) / catalog.relative_to(locale_root)).as_posix()


def statuses_file(doctreedir) -> Path:
    return Path(doctreedir, "translation-statuses.txt")


def record_statuses(app) -> None:
    """The counts of every catalog, in a file rewritten only when one of them moves.

    The status page depends on this file rather than on every catalog, so
    editing a translation rebuilds it (in every language) only when its
    numbers change.
    """
    locale_root = locale_dir(app)
    text = "".join(
        f"{catalog.relative_to(locale_root).as_posix()} {status.translated} {status.fuzzy} {status.total}\n"
        for language in TRANSLATIONS for catalog in sorted(catalog_dir(locale_root, language).rglob("*.po"))
        for status in [page_status(catalog)]
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
