"""Alternative text of matplotlib figures, in the page's language.

sphinx-gallery uses a figure's title as its alt text, in English.  The
titles are in the page's catalog with the figure's other texts
(:mod:`autograd_site.sphinxext.figure_text`); on the built page the alt text
is swapped for its translation.
"""

from __future__ import annotations

from autograd_site.sphinxext.compat import GalleryImage
from autograd_site.sphinxext.locale import page_gettext

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
