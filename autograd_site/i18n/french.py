"""French typography as a gate, for the catalogs under ``locale/fr``.

``docs/translating.md`` (Style, French) sets the rules; this module enforces
them on each translated entry, and ``lint.lint_entry`` reports what it finds
against the ``.po`` file and line:

* **spaces:** a non-breaking space U+00A0 before ``:`` and inside « »
  (after « and before »), a narrow non-breaking space U+202F before ``;``,
  ``!`` and ``?``; a plain space, no space or the other kind is refused;
* **apostrophes:** the typographic apostrophe ’ (U+2019) in text and titles,
  never the straight ``'``;
* **math:** an English word kept in ``\\text{…}`` (``\\text{at }``) where the
  English message has the same ``\\text{…}``: translate it (``\\text{en }``).

Only prose is checked, and the text of a ``:doc:``, ``:ref:`` or ``:term:``
link is prose.  Code spans and literals, other roles, links' targets, bare
URLs and math (``$…$``, ``:math:``, a display-math entry, a prime as in
``f'(x)``) are left out, and so is English quoted verbatim from the message
(a PyTorch error message in « »), which stays as the program prints it.  A
ratio or a time (``1:2``) is not a colon of prose.
"""

from __future__ import annotations

import re
from pathlib import Path

NBSP = "\u00a0"  # espace insécable
NNBSP = "\u202f"  # espace fine insécable
APOSTROPHE = "\u2019"
# What stands in for markup taken out of the prose: not a space, so that
# ``x``: still lacks its space before the colon.
HOLE = "\ufffc"

SPACE_BEFORE = {":": NBSP, ";": NNBSP, "!": NNBSP, "?": NNBSP}
SPACE_NAMES = {NBSP: "U+00A0", NNBSP: "U+202F", " ": "a plain space"}

DOLLAR_MATH = re.compile(r"\$\$?[^$]+\$\$?")
URL = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>»)\]]+")
MD_LINK_TARGET = re.compile(r"\]\([^)\s]+\)")
LATEX_COMMAND = re.compile(r"\\[A-Za-z]+")
GUILLEMETS = re.compile(r"«(?P<inner>[^«»]*)»")
TEXT_IN_MATH = re.compile(r"\\(?:text|textrm|textit|textbf|textnormal|mbox)\s*\{(?P<content>[^{}]*)\}")
# A prime, as in f'(x) and f''(x): notation, not an apostrophe.
PRIME = re.compile(r"(?<![^\W\d_])[A-Za-z](?P<prime>'+)(?=\()")
# A reference role with its own text: the text is translated prose.
LINK_TEXT = re.compile(r"(?::(?:doc|ref|term|numref):|\{(?:doc|ref|term|numref)\})`(?P<text>[^`<]*?)\s*<[^<>`]+>`")
WORD = re.compile(r"[A-Za-z]{2,}")
# Words of \text{…} that read the same in French: notation and names.
SAME_IN_FRENCH = {"max", "min", "sup", "inf", "argmax", "argmin", "relu", "softmax", "sgn", "diag",
                  "tr", "const", "id", "cpu", "gpu", "pytorch", "autograd", "position"}


def is_french_catalog(path: Path) -> bool:
    """``locale/fr/LC_MESSAGES/**.po`` (or ``fr_XX``)."""
    parts = Path(path).parts
    if "LC_MESSAGES" not in parts:
        return False
    language = parts[parts.index("LC_MESSAGES") - 1] if parts.index("LC_MESSAGES") else ""
    return language == "fr" or language.startswith("fr_")


def is_display_math(text: str) -> bool:
    """A display-math entry (the content of a ``.. math::`` block): LaTeX outside any role or ``$…$``."""
    return LATEX_COMMAND.search(prose(text)) is not None


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + HOLE * (end - start) + text[end:]


def prose(text: str, english: str = "") -> str:
    """``text`` with its markup, math, URLs and English quotations masked, character for character.

    Every masked character becomes a hole, so that a position in the prose
    is the same position in ``text``.  The text of a link (``:doc:`la page
    d’accueil <index>```) is prose; its target is not.
    """
    from autograd_site.i18n.lint import _spans  # lint imports this module

    original = text
    for _, start, end in _spans(original):
        link = LINK_TEXT.match(original, start, end)
        if link and link.end() == end:
            text = _mask(_mask(text, start, link.start("text")), link.end("text"), end)
        else:
            text = _mask(text, start, end)
    for pattern in (MD_LINK_TARGET, DOLLAR_MATH, URL):
        for match in pattern.finditer(text):
            text = _mask(text, match.start(), match.end())
    for match in PRIME.finditer(text):
        text = _mask(text, match.start("prime"), match.end("prime"))
    if english:
        for match in GUILLEMETS.finditer(text):
            inner = match["inner"].strip(" " + NBSP + NNBSP)
            if inner and HOLE not in inner and inner in english:
                text = _mask(text, match.start("inner") + 1, match.end("inner") - 1)
    return text


def fix_apostrophes(msgid: str, msgstr: str) -> str:
    """``msgstr`` with each straight apostrophe of its prose made typographic (code and roles untouched)."""
    if msgstr == msgid or is_display_math(msgid):
        return msgstr
    text = prose(msgstr, english=msgid)
    return "".join(APOSTROPHE if masked == "'" else char for char, masked in zip(msgstr, text))


def _context(text: str, index: int) -> str:
    """A few characters around ``text[index]``, as the translator would search for them."""
    return repr(re.sub(HOLE + "+", "…", text[max(0, index - 12):index + 6]))


def _describe(char: str) -> str:
    return SPACE_NAMES.get(char, "no space")


def check_spaces(text: str) -> list[str]:
    """The space before ``: ; ! ?`` and inside « » of prose ``text`` (see :func:`prose`)."""
    problems = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if char in SPACE_BEFORE:
            if not before or before in SPACE_BEFORE or after == char:
                continue  # "?!", a line that starts with ":", reST's "::"
            if char == ":" and before.isdigit() and after.isdigit():
                continue  # a ratio or a time: 1:2, 12:30
            wanted = SPACE_BEFORE[char]
            if before != wanted:
                problems.append(f"French typography: {SPACE_NAMES[wanted]} before {char!r}, "
                                f"not {_describe(before)}: {_context(text, index)}")
        elif char == "«" and after != NBSP:
            problems.append(f"French typography: U+00A0 after '«', not {_describe(after)}: {_context(text, index)}")
        elif char == "»" and before != NBSP:
            problems.append(f"French typography: U+00A0 before '»', not {_describe(before)}: {_context(text, index)}")
    return problems


def check_apostrophes(text: str) -> list[str]:
    """The typographic apostrophe ’ in prose ``text``, never the straight ``'``."""
    return [f"French typography: write the apostrophe ’ (U+2019), not ': {_context(text, index)}"
            for index, char in enumerate(text) if char == "'"]


def english_in_math(msgid: str, msgstr: str) -> list[str]:
    """``\\text{…}`` words kept from the English message: translate them."""
    english = {match["content"].strip() for match in TEXT_IN_MATH.finditer(msgid)}
    problems = []
    for match in TEXT_IN_MATH.finditer(msgstr):
        content = match["content"].strip()
        words = [word.lower() for word in WORD.findall(content)]
        if content in english and any(word not in SAME_IN_FRENCH for word in words):
            problems.append(f"French: English word in math, translate it: {match[0]!r}")
    return problems


def math_key(latex: str) -> str:
    """``latex`` with the words of each ``\\text{…}`` left out: they are prose, translated like any other."""
    return TEXT_IN_MATH.sub(lambda match: match[0][:match.start("content") - match.start()] + "…}", latex)


def check_french(path: Path, msgid: str, msgstr: str) -> list[str]:
    """Every French typography problem of one translated message of the catalog at ``path``."""
    if not is_french_catalog(path):
        return []
    problems = english_in_math(msgid, msgstr)
    if msgstr == msgid or is_display_math(msgid):
        return problems  # kept as is (a name, code, an equation): nothing French to check
    text = prose(msgstr, english=msgid)
    return problems + check_spaces(text) + check_apostrophes(text)
