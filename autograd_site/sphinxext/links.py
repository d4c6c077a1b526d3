"""The language switcher and ``hreflang`` alternates on every page.

The three builds sit side by side (``_build/html/en``, ``ja``, ``fr``), so the
same page in another language is always ``../<lang>/<pagename>.html`` from the
language root.  Links are relative: the site works from a folder or offline.
"""

from __future__ import annotations

import re
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


def repository_file(config, path: str, line: int | None = None) -> str:
    """The address of one file of the project's repository (``repository_url``, ``repository_branch``).

    A plain link for a person to follow: the site loads nothing from it.
    """
    anchor = f"#L{line}" if line else ""
    return f"{config.repository_url.rstrip('/')}/blob/{config.repository_branch}/{path}{anchor}"


GITHUB_REPOSITORY = re.compile(r"https://github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?")


def github_repository(url: str) -> tuple[str, str]:
    """``(owner, name)`` of a ``https://github.com/<owner>/<name>`` address; ``ValueError`` otherwise."""
    found = GITHUB_REPOSITORY.fullmatch(url)
    if found is None:
        raise ValueError(url)
    return found[1], found[2]


def colab_url(config, path: str) -> str:
    """The address at which Colab opens the repository's notebook ``path`` (a plain link: nothing loads)."""
    owner, name = github_repository(config.repository_url)
    return f"https://colab.research.google.com/github/{owner}/{name}/blob/{config.repository_branch}/{path}"


def check_repository_url(app, config) -> None:
    """Fail the build at once, saying why, if ``repository_url`` is not a GitHub repository."""
    from sphinx.errors import ConfigError

    try:
        github_repository(config.repository_url)
    except ValueError:
        raise ConfigError(
            f"repository_url = {config.repository_url!r} is not a GitHub repository address "
            "(https://github.com/<owner>/<name>): the examples' \"Open in Colab\" links need one, "
            "since Colab opens notebooks from GitHub") from None


def page_source(app, docname: str) -> str:
    """What a page is written from, relative to the repository: ``docs/<page>.md`` or ``examples/…py``."""
    from pathlib import Path

    root = Path(app.confdir).resolve()
    source = Path(app.env.doc2path(docname)).resolve()
    gallery = app.config.sphinx_gallery_conf
    generated = Path(app.srcdir, gallery["gallery_dirs"]).resolve()
    if source.is_relative_to(generated):
        examples = Path(app.srcdir, gallery["examples_dirs"]).resolve()
        inside = source.relative_to(generated)
        if inside.name == "index.rst":
            candidates = [inside.parent / "README.rst", inside.parent / "README.txt", inside.parent / "GALLERY_HEADER.rst"]
        else:
            candidates = [inside.with_suffix(".py")]
        found = next((examples / c for c in candidates if (examples / c).exists()), examples / candidates[0])
        source = found
    return source.relative_to(root).as_posix() if source.is_relative_to(root) else source.as_posix()


def add_improve_link(app, pagename, templatename, context, doctree) -> None:
    """"Improve this translation" (its catalog) on a translated page; the page's source on an English one."""
    if doctree is None or pagename not in app.env.found_docs:
        return
    from sphinx.locale import get_translation

    from autograd_site.i18n.catalogs import catalog_path
    from autograd_site.sphinxext.locale import locale_dir

    _ = get_translation("sphinx")
    if app.config.language == "en":
        path, label = page_source(app, pagename), "Improve this page"
    else:
        from pathlib import Path

        catalog = catalog_path(locale_dir(app), app.config.language, pagename)
        path = catalog.relative_to(Path(app.confdir).resolve()).as_posix()
        label = str(_("Improve this translation"))
    context["body"] = context["body"] + (
        f'<p class="autograd-improve"><a href="{escape(repository_file(app.config, path))}">{escape(label)}</a> '
        f'<code>{escape(path)}</code></p>\n'
    )
