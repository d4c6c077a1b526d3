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


def translate_search_bar(app, pagename, templatename, context, doctree) -> None:
    """The search box text is a theme option, which the theme shows untranslated.

    Pass it through Sphinx's own catalog, where ``locale/<lang>/LC_MESSAGES/sphinx.po``
    provides it (with the other theme strings the theme leaves untranslated).
    """
    from sphinx.locale import get_translation

    text = context.get("theme_search_bar_text")
    if text:
        context["theme_search_bar_text"] = str(get_translation("sphinx")(text))


def add_search_splitter(app, config) -> None:
    """Japanese pages split typed queries into indexed words (``_static/ja-search.js``)."""
    if config.language == "ja":
        app.add_js_file("ja-search.js")
