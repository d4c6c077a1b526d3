"""Interface strings in the page's language: the ones Sphinx and the theme leave in English.

``locale/<lang>/LC_MESSAGES/sphinx.po`` holds them.  Sphinx reads that
catalog before the theme's own for the templates; these handlers also pass
the texts that come from configuration values through it, apply it to the
search page's JavaScript strings, and rebuild translated pages when it
changes.
"""

from __future__ import annotations

from pathlib import Path

import polib
from markupsafe import escape

from autograd_site.sphinxext.compat import THEME_TEXT_KEYS, js_translations, read_js_translations
from autograd_site.sphinxext.locale import ui_catalog


def translate_theme_texts(app, pagename, templatename, context, doctree) -> None:
    """Texts the theme shows from configuration values, which Sphinx does not translate.

    The site title (header, browser tab) and the search box text pass through
    Sphinx's own catalog, where ``locale/<lang>/LC_MESSAGES/sphinx.po``
    provides them (with the other theme strings the theme leaves untranslated).
    They are escaped here, at the sink: Sphinx's templates do not autoescape
    and the theme prints them inside attributes (``placeholder="..."``).  As
    ``Markup``, a template's own ``|e`` does not escape them twice.
    """
    from sphinx.locale import get_translation

    _ = get_translation("sphinx")
    for key in THEME_TEXT_KEYS:
        if context.get(key):
            context[key] = escape(_(context[key]))


def patch_js_translations(app, exception) -> None:
    """Let ``locale/<lang>/LC_MESSAGES/sphinx.po`` fix Sphinx's own JavaScript strings too.

    Sphinx ships the search page's strings precompiled (``translations.js``),
    and some are empty: in Japanese the "Search finished, found N pages"
    summary is blank.  Entries of our UI catalog replace them.
    """
    if exception or app.builder.name != "html" or app.config.language == "en":
        return
    script = Path(app.outdir, "_static", "translations.js")
    catalog = ui_catalog(app)
    if not script.exists() or not catalog.exists():
        return
    call, data = read_js_translations(script.read_text(encoding="utf-8"))
    for entry in polib.pofile(str(catalog)).translated_entries():
        if entry.msgid in data["messages"]:
            plural = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
            data["messages"][entry.msgid] = plural if entry.msgid_plural else entry.msgstr
    script.write_text(js_translations(call, data), encoding="utf-8")


def depend_on_ui_catalog(app, doctree) -> None:
    """Every translated page shows the theme strings of ``sphinx.po``: rebuild it when they change."""
    if app.config.language == "en":
        return
    catalog = ui_catalog(app)
    if catalog.exists():
        app.env.note_dependency(str(catalog))
