"""No raw HTML or script link from a translation reaches a page, whatever the catalogs say.

A translated message is parsed like the English source: in a MyST page the
msgstr ``<img src=x onerror=...>`` becomes a ``raw`` node, in a reST page
`` `x <javascript:...>`__ `` a link.  The catalog gate (``i18n.lint``)
refuses both; this is the second line, for a catalog that bypassed it.
Right after Sphinx's Locale transform, inside every node it marked
``translated``:

* a ``raw`` node the English page does not have becomes its own text;
* a link or image whose URL is ``javascript:``, ``vbscript:`` or ``data:``
  keeps its text (or alt text) and loses the URL.

Raw HTML of the English source (sphinx-gallery's thumbnails) is untouched,
and so is raw HTML that a translation repeats from the English.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform

from autograd_site.i18n.lint import is_script_url
from autograd_site.sphinxext.compat import AFTER_LOCALE, BEFORE_LOCALE, TRANSLATED

SOURCE_RAW = "autograd_source_raw"


def _raw_key(raw: nodes.raw) -> tuple[str, str]:
    return raw.get("format", ""), raw.astext()


class RememberSourceRaw(SphinxTransform):
    """Note the page's own raw HTML before the Locale transform replaces messages."""

    default_priority = BEFORE_LOCALE

    def apply(self, **kwargs) -> None:
        self.document[SOURCE_RAW] = {_raw_key(raw) for raw in self.document.findall(nodes.raw)}


def _from_translation(node: nodes.Node) -> bool:
    while node is not None:
        if isinstance(node, nodes.Element) and node.get(TRANSLATED):
            return True
        node = node.parent
    return False


class NeutraliseTranslatedMarkup(SphinxTransform):
    """Turn raw HTML and script links that came from a translation into text."""

    default_priority = AFTER_LOCALE

    def apply(self, **kwargs) -> None:
        source_raw = self.document.attributes.pop(SOURCE_RAW, set())
        for raw in list(self.document.findall(nodes.raw)):
            if _raw_key(raw) not in source_raw and _from_translation(raw):
                raw.replace_self(nodes.Text(raw.astext()))
        for link in list(self.document.findall(nodes.reference)):
            if is_script_url(link.get("refuri", "")) and _from_translation(link):
                link.replace_self(nodes.inline(link.rawsource, "", *link.children))
        for image in list(self.document.findall(nodes.image)):
            if is_script_url(image.get("uri", "")) and _from_translation(image):
                image.replace_self(nodes.Text(image.get("alt", "")))


def setup(app) -> None:
    app.add_transform(RememberSourceRaw)
    app.add_transform(NeutraliseTranslatedMarkup)
