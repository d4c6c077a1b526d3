"""Parse each translation as its page's markup, and report what breaks.

A translation can keep every role, literal and link of the English
(``lint.check_markup``) and still break: reST ends an inline literal or role
only before a space or punctuation, so ````x``の```` or ``:term:`勾配`です``
leaves the markup unended, and in Markdown ``**「強調」**の`` is no emphasis.
Sphinx then publishes the backticks or asterisks as text.

``check_parsed_markup`` parses the English and the translation the way Sphinx
parses the page's messages (docutils for reST pages: example pages and chapter
README files; the MyST parser for the Markdown pages of ``docs/``) and reports

* each warning or error of the parser that the English does not have,
* a role whose name is glued to the word before it (reST then reads
  ``これは:term:`勾配``` as text followed by the default role), and
* markup characters (a backtick, ``*``, ``](``) that end up as visible text in
  the translation and not in the English.

Sphinx's roles (``:doc:``, ``:term:``, ``{doc}``...) are unknown to plain
docutils: while a message is parsed, each role it names that docutils does not
know is registered as a placeholder, and the registry is restored afterwards.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RstParser
from docutils.parsers.rst import roles
from docutils.utils import new_document

REST, MYST = "rst", "myst"
WARNING = 2  # docutils' level: 1 is INFO, 2 WARNING, 3 ERROR, 4 SEVERE
ROLE_NAMES = re.compile(r"(?:(?<=[^\w:`])|^):(?P<rst>[A-Za-z][\w.+-]*(?::[A-Za-z][\w.+-]*)?):`|\{(?P<myst>[A-Za-z][\w:.+-]*)\}`")
# Markup characters that Sphinx would show as text when the markup around them fails.
VISIBLE_MARKUP = {"`": "a backtick", "*": "an asterisk", "](": "a link's '](' ", "]（": "a link's ']（'"}
# Nodes whose text is not prose: code and math keep their characters.
VERBATIM = (nodes.literal, nodes.math, nodes.literal_block, nodes.math_block, nodes.raw,
            nodes.system_message, nodes.comment, nodes.target)


class _PlaceholderRole:
    """A Sphinx role (``:doc:``, ``{term}``...) as plain docutils sees it: an inline node."""

    def __call__(self, name, rawtext, text, lineno, inliner, options=None, content=None):
        return [nodes.inline(rawtext, text, classes=["sphinx-role"])], []


@contextmanager
def _known_roles(text: str):
    """Register the roles ``text`` names that docutils does not know; restore the registry afterwards."""
    saved = dict(roles._roles)
    try:
        for match in ROLE_NAMES.finditer(text):
            name = (match["rst"] or match["myst"]).lower()
            if name not in roles._roles and name not in roles._role_registry:
                roles._roles[name] = _PlaceholderRole()
        yield
    finally:
        roles._roles.clear()
        roles._roles.update(saved)


@lru_cache(maxsize=None)
def _parser(kind: str):
    if kind == MYST:
        from myst_parser.parsers.docutils_ import Parser as MystParser

        return MystParser()
    return RstParser()


@lru_cache(maxsize=None)
def _settings(kind: str):
    settings = get_default_settings(_parser(kind))
    settings.report_level = 5  # collected through an observer, never printed
    settings.halt_level = 5
    settings.warning_stream = io.StringIO()
    if kind == MYST:
        settings.myst_enable_extensions = {"dollarmath", "colon_fence"}  # as conf.py
    return settings


def parse(text: str, kind: str = REST) -> tuple[list[str], str]:
    """The parser's warnings and errors for ``text``, and the text a reader sees (code and math left out)."""
    document = new_document("<message>", _settings(kind))
    messages = []

    def observe(message):
        if message["level"] >= WARNING:
            messages.append(re.sub(r"^<message>:\d+: \(\w+/\d\) ", "", message.astext()).split("\n")[0])

    document.reporter.attach_observer(observe)
    with _known_roles(text):
        _parser(kind).parse(text, document)
    for _ in document.findall(nodes.title_reference):
        # The site uses no default role: this is a role whose name reST did not
        # see, because it touches the word before it (これは:term:`勾配`).
        messages.append("a role's name is not recognised: put a space or punctuation before ':role:'")
    visible = "".join(node.astext() for node in document.findall(nodes.Text)
                      if not any(isinstance(parent, VERBATIM) for parent in _ancestors(node)))
    return messages, visible


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def page_kind(po_path: Path) -> str | None:
    """How Sphinx parses the page of a catalog: MyST for ``docs/<page>.md``, else reST; None for ``sphinx.po``."""
    parts = Path(po_path).parts
    if "LC_MESSAGES" not in parts:
        return REST
    at = len(parts) - 1 - parts[::-1].index("LC_MESSAGES")
    docname = Path(*parts[at + 1:]).with_suffix("")
    if str(docname) == "sphinx":
        return None  # the theme's interface strings: not markup
    root = Path(*parts[:at]).parent.parent  # <root>/locale/<language>/LC_MESSAGES
    return MYST if (root / "docs" / f"{docname}.md").exists() else REST


def check_parsed_markup(msgid: str, msgstr: str, kind: str = REST) -> list[str]:
    """Problems the translation's markup has when parsed, and the English's does not."""
    if kind is None:
        return []
    english_messages, english_visible = parse(msgid, kind)
    messages, visible = parse(msgstr, kind)
    problems = [f"breaks the page's markup: {message}"
                for message in (Counter(messages) - Counter(english_messages)).elements()]
    for chars, name in VISIBLE_MARKUP.items():
        if chars in visible and chars not in english_visible:
            problems.append(f"markup shown as text: {name.strip()} is left in the page (inline markup "
                            "must be followed and preceded by a space or punctuation)")
    return problems


# Catalog headers ---------------------------------------------------------
#
# ``msgfmt --check`` warns about a header that still holds the template's
# placeholders; a page catalog made by sphinx-intl also keeps the template's
# "SOME DESCRIPTIVE TITLE." comment, its author line and a fuzzy header (which
# msgfmt skips when it compiles: no Language, no Plural-Forms).

COMMENT_PLACEHOLDERS = ("SOME DESCRIPTIVE TITLE", "FIRST AUTHOR")
# msgfmt knows "LANGUAGE <LL@li.org>" only, not the "ja <LL@li.org>" that babel writes.
FIELD_PLACEHOLDERS = ("LL@li.org",)
TRANSLATORS = "The PyTorch Autograd by Example translators"
PROJECT = "PyTorch Autograd by Example"


def _language_name(language: str) -> str:
    from babel import Locale

    return Locale.parse(language).english_name


def expected_plural_forms(language: str) -> str:
    from babel.messages.catalog import Catalog

    return Catalog(locale=language).plural_forms


def catalog_language(po_path: Path) -> str | None:
    """``ja`` for ``locale/ja/LC_MESSAGES/...``."""
    parts = Path(po_path).parts
    if "LC_MESSAGES" not in parts:
        return None
    return parts[len(parts) - 2 - parts[::-1].index("LC_MESSAGES")]


def header_problems(po_path: Path) -> list[str]:
    """What is wrong with a catalog's header, as ``file:line: problem`` (msgfmt's warnings come on their own)."""
    import polib

    text = Path(po_path).read_text(encoding="utf-8")
    lines = text.splitlines()
    header_line = next((n for n, line in enumerate(lines, 1) if line.startswith('msgid ""')), 1)
    catalog = polib.pofile(text)
    problems = []
    for n, line in enumerate(lines[:header_line], 1):
        for placeholder in COMMENT_PLACEHOLDERS:
            if line.startswith("#") and placeholder in line:
                problems.append(f"{po_path}:{n}: header comment still has the template's {placeholder!r}")
        if line.startswith("#,") and "fuzzy" in line:
            problems.append(f"{po_path}:{n}: the header is marked fuzzy (msgfmt would drop it, "
                            "Plural-Forms included)")
    metadata = catalog.metadata
    for name, value in metadata.items():
        for placeholder in FIELD_PLACEHOLDERS:
            if placeholder in value:
                problems.append(f"{po_path}:{header_line}: header field {name!r} still has the template's "
                                f"placeholder {placeholder!r}")
    language = catalog_language(po_path)
    if language:
        if metadata.get("Language") != language:
            problems.append(f"{po_path}:{header_line}: header field 'Language' is {metadata.get('Language')!r}, "
                            f"the catalog's folder says {language!r}")
        try:
            wanted = expected_plural_forms(language)
        except Exception as error:  # babel: not a locale identifier, or one it does not know
            problems.append(f"{po_path}:{header_line}: the catalog's folder {language!r} names no language "
                            f"({error})")
            return problems
        if metadata.get("Plural-Forms") != wanted:
            problems.append(f"{po_path}:{header_line}: header field 'Plural-Forms' is "
                            f"{metadata.get('Plural-Forms')!r}, {language!r} needs {wanted!r}")
    return problems


def normalise_header(catalog, po_path: Path, revision_date) -> None:
    """Give a babel catalog of ``po_path`` a complete header: what ``i18n update`` writes.

    Only placeholders are replaced: a revision date or translator that a
    translator's editor wrote stays.  ``revision_date``: the date to write
    where there is none (the fixed POT date, so that an update is repeatable).
    """
    language = catalog_language(po_path) or (str(catalog.locale) if catalog.locale else None)
    name = _language_name(language) if language else "The"
    comment = catalog.header_comment
    if "SOME DESCRIPTIVE TITLE" in comment or not comment.strip():
        comment = (f"# {name} translation of {PROJECT}.\n"
                   f"# Copyright (C) 2026, The {PROJECT} contributors\n"
                   f"# This file is distributed under the same license as the {PROJECT} package.")
    comment = "\n".join(line for line in comment.splitlines()
                        if "FIRST AUTHOR" not in line and "EMAIL@ADDRESS" not in line).rstrip("\n#")
    catalog.header_comment = comment
    catalog.fuzzy = False
    if not catalog.project or catalog.project == "PROJECT":
        catalog.project = PROJECT
    if not hasattr(catalog.revision_date, "year"):
        catalog.revision_date = revision_date
    if not catalog.last_translator or "FULL NAME" in catalog.last_translator:
        catalog.last_translator = TRANSLATORS
    if language and (not catalog.language_team or "LL@li.org" in catalog.language_team):
        catalog.language_team = name
