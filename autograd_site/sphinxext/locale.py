"""Where a Sphinx build finds its translations: the catalogs folder, the theme strings, a page's catalog."""

from __future__ import annotations

import gettext
from pathlib import Path

from autograd_site.i18n.catalogs import catalog_path
from autograd_site.sphinxext.compat import compiled_catalog


def locale_dir(app) -> Path:
    """``locale/``, as conf.py's ``locale_dirs`` names it relative to the sources (``app`` or ``env``)."""
    return Path(app.srcdir, app.config.locale_dirs[0]).resolve()


def ui_catalog(app) -> Path:
    """``sphinx.po``: the interface strings that Sphinx and the theme leave untranslated."""
    return catalog_path(locale_dir(app), app.config.language, "sphinx")


def page_gettext(app, docname: str):
    """The translation function of a page's catalog, or ``None`` when it has none.

    It reads the ``.mo`` that Sphinx compiled for translating the page, so a
    download or an alt text says what the page says.
    """
    compiled = compiled_catalog(catalog_path(locale_dir(app), app.config.language, docname))
    if not compiled.exists():
        return None
    with compiled.open("rb") as catalog:
        return gettext.GNUTranslations(catalog).gettext
