"""Reveal the English original of any translated paragraph, heading or caption.

A transform that runs just before Sphinx translates a page keeps each
message's English source; after translation, every translated paragraph,
heading and caption gets a small "EN" button that opens a panel, in the flow
of the page below the text (``_static/original-text.js``), showing the
message as the translator must match it: its raw reST or MyST source, markup
included, in monospace, with the catalog and line where its translation is.

A message that the page still shows in English, because its translation is
missing or fuzzy (a preview build publishes those), is marked as such: a
visible label in the page's language that links to the catalog's line.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import polib
from docutils import nodes
from sphinx.transforms import SphinxTransform

from autograd_site.i18n.catalogs import catalog_path
from autograd_site.sphinxext.compat import BEFORE_LOCALE, TRANSLATED, extract_messages
from autograd_site.sphinxext.links import repository_file
from autograd_site.sphinxext.locale import locale_dir

ORIGINAL = "autograd_original"
# The nodes whose English a reader can reveal: prose, headings and captions.
REVEALED = (nodes.paragraph, nodes.title, nodes.caption)
ONLY_A_ROLE = re.compile(r"(:[\w:.-]+:|\{[\w:.-]+\})`[^`]*`")


class KeepOriginalText(SphinxTransform):
    """Store each paragraph's, heading's and caption's English message before Sphinx translates it."""

    default_priority = BEFORE_LOCALE

    def apply(self, **kwargs) -> None:
        if self.config.language == "en":
            return  # (other builders than html store it unused: SphinxTransform.app is deprecated)
        for node, message in extract_messages(self.document):
            if isinstance(node, REVEALED):
                node[ORIGINAL] = message


def _is_furniture(node: nodes.Element, original: str) -> bool:
    """Badges, notes and bare links: labels, not prose worth checking."""
    if "device-badge" in node["classes"] or ONLY_A_ROLE.fullmatch(original.strip()):
        return True
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.Admonition):
            return True
        parent = parent.parent
    return False


class original_toggle(nodes.Inline, nodes.Element):
    """The toggle and its panel; no text children, so search does not index the English."""


def visit_original_toggle_html(translator, node: original_toggle) -> None:
    panel, label = node["panel"], escape(node["label"])
    where = escape(node["where"])
    marker = ""
    if node.get("state"):
        marker = (f' <a class="autograd-untranslated-label autograd-{node["state"]}" href="{escape(node["href"])}" '
                  f'title="{escape(node["state_title"])}">{escape(node["state_label"])}</a>')
    translator.body.append(
        f'{marker} <button type="button" class="autograd-original-toggle" aria-expanded="false" '
        f'aria-controls="{panel}" aria-label="{label}" title="{label}">EN</button>'
        f'<span id="{panel}" class="autograd-original" lang="en" hidden>'
        f'<a class="autograd-original-catalog" href="{escape(node["href"])}">{where}</a>'
        f'<code class="autograd-original-source">{escape(node["original"])}</code></span>'
    )
    raise nodes.SkipNode


def skip(translator, node) -> None:
    raise nodes.SkipNode


class PageCatalog:
    """A page's catalog: each message's entry and the line of its ``msgstr``."""

    def __init__(self, path: Path):
        self.entries: dict[str, polib.POEntry] = {}
        self.lines: dict[str, int] = {}
        if not path.exists():
            return
        text = path.read_text(encoding="utf-8").splitlines()
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            self.entries[entry.msgid] = entry
            line = entry.linenum  # polib: the line of the msgid
            while line <= len(text) and not text[line - 1].startswith("msgstr"):
                line += 1
            self.lines[entry.msgid] = line

    def state(self, message: str) -> str | None:
        """``"fuzzy"`` or ``"untranslated"`` for a message shown in English, else None."""
        entry = self.entries.get(message)
        if entry is None or entry.translated():
            return None
        return "fuzzy" if entry.fuzzy and entry.msgstr else "untranslated"


def add_toggles(app, doctree, docname: str) -> None:
    """After translation, a toggle with the English source in each translated paragraph, heading and caption."""
    if app.config.language == "en" or app.builder.name != "html":
        return
    from sphinx.locale import get_translation

    _ = get_translation("sphinx")
    label = str(_("Show the English original"))
    states = {"fuzzy": str(_("to review")), "untranslated": str(_("untranslated"))}
    titles = {"fuzzy": str(_("Fuzzy translation, shown in English")),
              "untranslated": str(_("Not translated yet, shown in English"))}
    path = catalog_path(locale_dir(app), app.config.language, docname)
    relative = path.relative_to(Path(app.confdir).resolve()).as_posix() if path.is_relative_to(
        Path(app.confdir).resolve()) else path.as_posix()
    catalog = PageCatalog(path)
    for number, node in enumerate(list(doctree.findall(lambda n: isinstance(n, REVEALED)))):
        original = node.get(ORIGINAL)
        if not original:
            continue
        state = None if node.get(TRANSLATED) else catalog.state(original)
        if state is None and (not node.get(TRANSLATED) or _is_furniture(node, original)):
            continue
        line = catalog.lines.get(original)
        where = f"{relative}:{line}" if line else relative
        toggle = original_toggle(panel=f"original-{number}", label=label, original=original, where=where,
                                 href=repository_file(app.config, relative, line))
        if state:
            node["classes"].append(f"autograd-{state}")
            toggle.update_all_atts({"state": state, "state_label": states[state],
                                    "state_title": f"{titles[state]}: {where}"})
        else:
            node["classes"].append("autograd-translated")
        node += toggle


def setup(app) -> None:
    app.add_node(original_toggle, html=(visit_original_toggle_html, None),
                 latex=(skip, None), text=(skip, None), man=(skip, None), texinfo=(skip, None))
    app.add_transform(KeepOriginalText)
    app.connect("doctree-resolved", add_toggles)
    app.connect("config-inited", add_script)


def add_script(app, config) -> None:
    if config.language != "en":
        app.add_js_file("original-text.js")
