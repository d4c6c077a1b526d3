"""The language switcher and ``hreflang`` alternates on every page.

The three builds sit side by side (``_build/html/en``, ``ja``, ``fr``), so the
same page in another language is always ``../<lang>/<pagename>.html`` from the
language root.  Links are relative: the site works from a folder or offline.
"""

from __future__ import annotations

from html import escape

NAMES = {"en": "English", "ja": "日本語", "fr": "Français"}


def language_links(pagename: str, languages: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """``(code, name, relative href)`` for ``pagename`` in every language."""
    up = "../" * (pagename.count("/") + 1)
    return [(code, NAMES[code], f"{up}{code}/{pagename}.html") for code in languages]


def add_language_links(app, pagename, templatename, context, doctree) -> None:
    links = language_links(pagename, app.config.languages)
    context["language_links"] = links
    context["language_name"] = NAMES[app.config.language]
    alternates = [
        f'<link rel="alternate" hreflang="{code}" href="{escape(href)}" />' for code, _, href in links
    ]
    alternates.append(f'<link rel="alternate" hreflang="x-default" href="{escape(links[0][2])}" />')
    context["metatags"] = context.get("metatags", "") + "\n".join(alternates) + "\n"


def translate_theme_texts(app, pagename, templatename, context, doctree) -> None:
    """Texts the theme shows from configuration values, which Sphinx does not translate.

    The site title (header, browser tab) and the search box text pass through
    Sphinx's own catalog, where ``locale/<lang>/LC_MESSAGES/sphinx.po``
    provides them (with the other theme strings the theme leaves untranslated).
    """
    from sphinx.locale import get_translation

    _ = get_translation("sphinx")
    for key in ("theme_search_bar_text", "theme_header_dropdown_text", "docstitle"):
        if context.get(key):
            context[key] = str(_(context[key]))


def add_search_splitter(app, config) -> None:
    """Japanese pages split typed queries into indexed words (``_static/ja-search.js``)."""
    if config.language == "ja":
        app.add_js_file("ja-search.js")


LOCALES = {"en": "en_US", "ja": "ja_JP", "fr": "fr_FR"}


def configure_urls(app, config) -> None:
    """Per-language URLs from ``site_url``: canonical links, link previews, the 404 page."""
    from urllib.parse import urlsplit

    root = config.site_url.rstrip("/") + "/"
    config.html_baseurl = f"{root}{config.language}/"
    config.ogp_site_url = config.html_baseurl
    config.ogp_image = f"_static/social-card-{config.language}.png"
    config.ogp_custom_meta_tags = [f'<meta property="og:locale" content="{LOCALES[config.language]}" />']
    config.notfound_urls_prefix = f"{urlsplit(root).path}{config.language}/"


def patch_js_translations(app, exception) -> None:
    """Let ``locale/<lang>/LC_MESSAGES/sphinx.po`` fix Sphinx's own JavaScript strings too.

    Sphinx ships the search page's strings precompiled (``translations.js``),
    and some are empty: in Japanese the "Search finished, found N pages"
    summary is blank.  Entries of our UI catalog replace them.
    """
    import json
    from pathlib import Path

    import polib

    if exception or app.builder.name != "html" or app.config.language == "en":
        return
    script = Path(app.outdir, "_static", "translations.js")
    catalog = Path(app.srcdir, app.config.locale_dirs[0], app.config.language, "LC_MESSAGES", "sphinx.po")
    if not script.exists() or not catalog.exists():
        return
    prefix, _, rest = script.read_text(encoding="utf-8").partition("(")
    data = json.loads(rest.rsplit(")", 1)[0])
    for entry in polib.pofile(str(catalog)).translated_entries():
        if entry.msgid in data["messages"]:
            plural = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
            data["messages"][entry.msgid] = plural if entry.msgid_plural else entry.msgstr
    script.write_text(f"{prefix}({json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)});\n", encoding="utf-8")


def base_for_404(app, pagename, templatename, context, doctree) -> None:
    """The 404 page is served at any address: resolve its relative links from the language root."""
    if pagename == app.config.notfound_pagename:
        context["metatags"] = context.get("metatags", "") + f'<base href="{escape(app.config.notfound_urls_prefix)}" />\n'


def depend_on_ui_catalog(app, doctree) -> None:
    """Every translated page shows the theme strings of ``sphinx.po``: rebuild it when they change."""
    from pathlib import Path

    if app.config.language == "en":
        return
    catalog = Path(app.srcdir, app.config.locale_dirs[0], app.config.language, "LC_MESSAGES", "sphinx.po").resolve()
    if catalog.exists():
        app.env.note_dependency(str(catalog))
