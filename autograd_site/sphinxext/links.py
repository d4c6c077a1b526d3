"""The language switcher and ``hreflang`` alternates on every page.

The three builds sit side by side (``_build/html/en``, ``ja``, ``fr``), so the
same page in another language is always ``../<lang>/<pagename>.html`` from the
language root.  Links are relative: the site works from a folder or offline.
"""

from __future__ import annotations

from html import escape

from autograd_site.languages import LOCALES, NAMES


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


def configure_urls(app, config) -> None:
    """Per-language URLs from ``site_url``: canonical links, link previews, the 404 page."""
    from urllib.parse import urlsplit

    root = config.site_url.rstrip("/") + "/"
    config.html_baseurl = f"{root}{config.language}/"
    config.ogp_site_url = config.html_baseurl
    config.ogp_image = f"_static/social-card-{config.language}.png"
    config.ogp_custom_meta_tags = [f'<meta property="og:locale" content="{LOCALES[config.language]}" />']
    config.notfound_urls_prefix = f"{urlsplit(root).path}{config.language}/"


def base_for_404(app, pagename, templatename, context, doctree) -> None:
    """The 404 page is served at any address: resolve its relative links from the language root."""
    if pagename == app.config.notfound_pagename:
        context["metatags"] = context.get("metatags", "") + f'<base href="{escape(app.config.notfound_urls_prefix)}" />\n'
