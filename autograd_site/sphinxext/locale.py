"""Where a Sphinx build finds its translations: the catalogs folder, the theme strings, a page's catalog."""

from __future__ import annotations

from pathlib import Path

from autograd_site.i18n.catalogs import catalog_path


def locale_dir(app) -> Path:
    """``locale/``, as conf.py's ``locale_dirs`` names it relative to the sources."""
    return Path(app.srcdir, app.config.locale_dirs[0]).resolve()


def ui_catalog(app) -> Path:
    """``sphinx.po``: the interface strings that Sphinx and the theme leave untranslated."""
    return catalog_path(locale_dir(app), app.config.language, "sphinx")


def page_gettext(app, docname: str):
    """The translation function of a page's catalog, or ``None`` when it has none."""
    from sphinx.locale import init as init_locale
    from sphinx.util.i18n import docname_to_domain

    dirs = [str(Path(app.srcdir, directory)) for directory in app.config.locale_dirs]
    catalog, found = init_locale(dirs, app.config.language, docname_to_domain(docname, app.config.gettext_compact))
    return catalog.gettext if found else None
