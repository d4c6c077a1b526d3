"""Reveal the English original of any translated paragraph.

A transform that runs just before Sphinx translates a page keeps each
paragraph's English text; after translation, every translated paragraph
gets a small "EN" button that shows the original in a panel over the page
(``_static/original-text.js``), without moving the text around it.
"""

from __future__ import annotations

import re
from html import escape

from docutils import nodes
from sphinx.transforms import SphinxTransform

from autograd_site.sphinxext.compat import BEFORE_LOCALE, TRANSLATED, extract_messages

ORIGINAL = "autograd_original"
ROLE_WITH_TEXT = re.compile(r":[\w:.-]+:`([^`<]*?)\s*<[^`>]+>`")
ROLE = re.compile(r":[\w:.-]+:`([^`]*)`")
LITERAL = re.compile(r"``(.+?)``")
EMPHASIS = re.compile(r"\*\*?([^*]+)\*\*?")
ONLY_A_ROLE = re.compile(r"(:[\w:.-]+:|\{[\w:.-]+\})`[^`]*`")


def plain(rst: str) -> str:
    """The English text of a message without its reST markup, for reading."""
    for pattern in (ROLE_WITH_TEXT, ROLE, LITERAL, EMPHASIS):
        rst = pattern.sub(r"\1", rst)
    return rst


class KeepOriginalText(SphinxTransform):
    """Store each paragraph's English message before Sphinx translates it."""

    default_priority = BEFORE_LOCALE

    def apply(self, **kwargs) -> None:
        if self.config.language == "en":
            return  # (other builders than html store it unused: SphinxTransform.app is deprecated)
        for node, message in extract_messages(self.document):
            if isinstance(node, nodes.paragraph):
                node[ORIGINAL] = message


def _is_furniture(paragraph: nodes.paragraph, original: str) -> bool:
    """Badges, notes and bare links: labels, not prose worth checking."""
    if "device-badge" in paragraph["classes"] or ONLY_A_ROLE.fullmatch(original.strip()):
        return True
    parent = paragraph.parent
    while parent is not None:
        if isinstance(parent, nodes.Admonition):
            return True
        parent = parent.parent
    return False


class original_toggle(nodes.Inline, nodes.Element):
    """The toggle and its panel; no text children, so search does not index the English."""


def visit_original_toggle_html(translator, node: original_toggle) -> None:
    panel, label = node["panel"], escape(node["label"])
    translator.body.append(
        f' <button type="button" class="autograd-original-toggle" aria-expanded="false" '
        f'aria-controls="{panel}" aria-label="{label}" title="{label}">EN</button>'
        f'<span id="{panel}" class="autograd-original" lang="en" hidden>{escape(node["original"])}</span>'
    )
    raise nodes.SkipNode


def skip(translator, node) -> None:
    raise nodes.SkipNode


def add_toggles(app, doctree, docname: str) -> None:
    """After translation, a toggle with the English original in each translated paragraph."""
    if app.config.language == "en" or app.builder.name != "html":
        return
    from sphinx.locale import get_translation

    label = str(get_translation("sphinx")("Show the English original"))
    for number, paragraph in enumerate(doctree.findall(nodes.paragraph)):
        original = paragraph.get(ORIGINAL)
        if not original or not paragraph.get(TRANSLATED) or _is_furniture(paragraph, original):
            continue
        paragraph["classes"].append("autograd-translated")
        paragraph += original_toggle(panel=f"original-{number}", label=label, original=plain(original))


def setup(app) -> None:
    app.add_node(original_toggle, html=(visit_original_toggle_html, None),
                 latex=(skip, None), text=(skip, None), man=(skip, None), texinfo=(skip, None))
    app.add_transform(KeepOriginalText)
    app.connect("doctree-resolved", add_toggles)
    app.connect("config-inited", add_script)


def add_script(app, config) -> None:
    if config.language != "en":
        app.add_js_file("original-text.js")
