"""Alternative text of matplotlib figures, in the page's language.

sphinx-gallery uses a figure's title as its alt text, in English, and only
knows it after running the example.  The titles are string literals in the
examples (``ax.set_title("...")``, ``fig.suptitle("...")``), so they are read
from the source instead: offered for translation with the page's other
messages (in a block only the gettext builder sees), and swapped for their
translation on the built page.
"""

from __future__ import annotations

import ast
from pathlib import Path

from autograd_site.sphinxext.compat import GalleryImage
from autograd_site.sphinxext.locale import page_gettext

TITLE_CALLS = {"set_title", "suptitle"}


def figure_titles(path: Path) -> list[str]:
    """The literal titles an example gives its figures, in source order."""
    titles = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in TITLE_CALLS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            titles.append(node.args[0].value)
    return titles


def gettext_block(titles: list[str]) -> str:
    """rst that puts the titles in the page's catalog and nowhere on a page."""
    if not titles:
        return ""
    return "\n\n.. only:: gettext\n\n" + "".join(f"   {title}\n\n" for title in titles)


def translate_alt_texts(app, doctree, docname: str) -> None:
    """Replace each gallery figure's English alt text by its translation."""
    if app.config.language == "en" or app.builder.name == "gettext":
        return
    gettext = page_gettext(app, docname)
    if gettext is None:
        return
    for node in doctree.findall(GalleryImage):
        if node.get("alt"):
            node["alt"] = gettext(node["alt"])
