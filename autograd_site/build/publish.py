"""Files that only make sense for the whole site: the sitemap and the root 404 page.

Both are derived from the built pages themselves: each page's canonical URL
(``<link rel="canonical">``, from ``site_url`` in conf.py) is its address in
the sitemap, with the same page in the other languages as alternates.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

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
    prefix = re.search(rf'href="([^"]*/){languages[0]}/_static/', html)
    base = prefix[1] if prefix else "/"
    others = "|".join(languages[1:])
    script = (
        "<script>(() => {"
        f'const match = location.pathname.match(/\\/({others})\\//);'
        f'if (match) location.replace("{base}" + match[1] + "/404.html");'
        "})();</script>\n"
    )
    (site / "404.html").write_text(html.replace("</head>", script + "</head>", 1), encoding="utf-8")
