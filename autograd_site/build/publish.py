"""Publish the staged languages as ``_build/html``, so that a stop at any moment loses nothing.

Each publication is a complete site in its own folder, ``_build/site-<id>``,
and ``_build/html`` is a symbolic link to it, replaced in one atomic
``os.replace``: at every instant ``_build/html`` is the previous complete
site or the new one.  Old site folders are removed only after the swap.
Languages not rebuilt this time are taken from the current site, so a
``--language ja`` build keeps English and French.

Where a link cannot be made or replaced (Windows without developer mode), and
once when ``_build/html`` is still a real folder (the layout before links),
the swap is two renames, ``html -> html.old`` then the new site ``-> html``;
:func:`recover` puts ``html.old`` back if a stop came between them.

The pictures and theme files of every language go to shared folders, named
by their content (``shared_files``), and source maps are left out.

The sitemap and the root 404 page only make sense for the whole site.  Both
are derived from the built pages themselves: each page's canonical URL
(``<link rel="canonical">``, from ``site_url`` in conf.py) is its address in
the sitemap, with the same page in the other languages as alternates.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

from autograd_site.build.root_page import write_root_page
from autograd_site.build.shared_files import carry_over, remove_unused, share
from autograd_site.languages import ALL as LANGUAGES

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
NOT_PAGES = {"genindex.html", "search.html", "404.html"}


def pages(site: Path, language: str) -> dict[str, str]:
    """``{path relative to the language root: canonical URL}`` for one language."""
    root = site / language
    found = {}
    for page in sorted(root.rglob("*.html")):
        relative = page.relative_to(root).as_posix()
        if relative.startswith("_") or relative in NOT_PAGES:
            continue
        canonical = CANONICAL.search(page.read_text(encoding="utf-8"))
        if canonical:
            found[relative] = canonical[1]
    return found


def write_sitemap(site: Path, languages: tuple[str, ...]) -> None:
    """``sitemap.xml``: every page in every language, each with its alternates."""
    by_language = {language: pages(site, language) for language in languages}
    entries = []
    for language in languages:
        for relative, url in by_language[language].items():
            alternates = [(other, by_language[other][relative]) for other in languages if relative in by_language[other]]
            alternates.append(("x-default", by_language[languages[0]].get(relative, url)))
            links = "".join(
                f'\n    <xhtml:link rel="alternate" hreflang="{code}" href="{escape(href)}"/>' for code, href in alternates
            )
            entries.append(f"  <url>\n    <loc>{escape(url)}</loc>{links}\n  </url>")
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        + "\n".join(entries) + "\n</urlset>\n",
        encoding="utf-8",
    )
    home = by_language[languages[0]].get("index.html", "")
    site_root = home.rsplit(f"{languages[0]}/index.html", 1)[0]
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {site_root}sitemap.xml\n", encoding="utf-8")


def write_root_404(site: Path, languages: tuple[str, ...]) -> None:
    """The 404 page a host serves for any missing address (GitHub Pages: the root one).

    It is the first language's 404 page (its links are absolute), and it
    moves a reader whose address was under another language to that
    language's 404 page.
    """
    first = site / languages[0] / "404.html"
    if not first.exists():
        return
    html = first.read_text(encoding="utf-8")
    prefix = re.search(rf'href="([^"]*/){languages[0]}/index.html"', html)
    base = prefix[1] if prefix else "/"
    others = "|".join(languages[1:])
    script = (
        "<script>(() => {"
        f'const match = location.pathname.match(/\\/({others})\\//);'
        f'if (match) location.replace("{base}" + match[1] + "/404.html");'
        "})();</script>\n"
    )
    (site / "404.html").write_text(html.replace("</head>", script + "</head>", 1), encoding="utf-8")


def publish(root: Path, languages: tuple[str, ...]) -> Path:
    """Make ``_build/html`` the site with ``languages`` fresh from ``_build/staging``, the others kept."""
    build = root / "_build"
    html = build / "html"
    recover(build)
    site = build / f"site-{uuid.uuid4().hex[:12]}"
    site.mkdir()
    for language in LANGUAGES:
        if language in languages:
            # Source maps serve only a browser's developer tools: 2 MB a language.
            shutil.copytree(build / "staging" / language, site / language, ignore=shutil.ignore_patterns("*.map"))
        elif (html / language).is_dir():
            # A published site is never modified, so its files can be shared.
            shutil.copytree(html / language, site / language, symlinks=True, copy_function=_link_or_copy)
    published = tuple(language for language in LANGUAGES if (site / language).is_dir())
    carry_over(html, site, _link_or_copy)
    for language in published:
        share(site, language)
    remove_unused(site)
    write_root_page(site / "index.html", published)
    write_sitemap(site, published)
    write_root_404(site, published)
    _swap(build, site)
    _remove_old_sites(build)
    return html


def recover(build: Path) -> None:
    """Undo a stop between the two renames of a fallback swap; drop what a finished one left."""
    html, old = build / "html", build / "html.old"
    if os.path.lexists(old):
        if os.path.lexists(html):
            _remove(old)
        else:
            os.rename(old, html)


def _swap(build: Path, site: Path) -> None:
    """Make ``_build/html`` point at ``site``: one atomic replace of a link where possible."""
    html, link = build / "html", build / f"html.{site.name}"
    try:
        os.symlink(site.name, link, target_is_directory=True)  # relative: _build can move
    except (OSError, NotImplementedError):
        link = site  # no links here: the site folder itself becomes html
    if link != site and (html.is_symlink() or not os.path.lexists(html)):
        try:
            os.replace(link, html)
            return
        except OSError:  # Windows cannot replace a link to a folder
            pass
    old = build / "html.old"
    if os.path.lexists(html):
        os.rename(html, old)
    os.rename(link, html)
    _remove(old)


def _remove_old_sites(build: Path) -> None:
    """Remove every site folder and temporary link but the published one."""
    html = build / "html"
    current = Path(os.readlink(html)).name if html.is_symlink() else None
    for leftover in [*build.glob("site-*"), *build.glob("html.site-*")]:
        if leftover.name != current:
            _remove(leftover)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)
