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
  English message has the same ``\\text{…}``: translate it (``\\text{en }``);
* **English words:** a term the glossary keeps in English in French
  (*hook*, *device*, *broadcasting*…, see :func:`kept_english`) is written in
  italics, ``*hook*``; the text of a ``:term:`` link counts as marked.

Only prose is checked, and the text of a ``:doc:``, ``:ref:`` or ``:term:``
link is prose.  Code spans and literals, other roles, links' targets, bare
URLs and math (``$…$``, ``:math:``, a display-math entry, a prime as in
``f'(x)``) are left out, and so is English quoted verbatim from the message
(a PyTorch error message in « »), which stays as the program prints it.  A
ratio or a time (``1:2``) is not a colon of prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
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


# A glossary note that says the French keeps the English word ("fr: keep the
# English word", « le mot anglais, en italique »).
KEEPS_ENGLISH = re.compile(r"\bEnglish\b|\banglais", re.I)
GLOSSARY_CSV = Path(__file__).resolve().parents[2] / "locale" / "glossary.csv"


def _words(text: str) -> list[str]:
    return re.sub(r"\s*\(.*\)$", "", text).split()


def _shared_runs(english: str, french: str) -> list[str]:
    """The longest runs of words that ``english`` and ``french`` share (« estimateur straight-through »)."""
    en, fr = [w.lower() for w in _words(english)], _words(french)
    runs = []
    start = 0
    while start < len(fr):
        length = 0
        for size in range(len(fr) - start, 0, -1):
            piece = [w.lower() for w in fr[start:start + size]]
            if any(en[i:i + size] == piece for i in range(len(en) - size + 1)):
                length = size
                break
        if length:
            runs.append(" ".join(fr[start:start + length]))
            start += length
        else:
            start += 1
    return runs


def kept_english(rows: Iterable[dict[str, str]]) -> tuple[str, ...]:
    """The English words the glossary keeps in French text, longest first.

    A row's French form keeps an English word where it shares words with the
    English term and either a note of the row says so (it mentions English,
    *anglais*: « device », « hook », « broadcasting »), or the shared words are
    a hyphenated English compound (« estimateur straight-through »,
    « define-by-run »), which French does not write.  A shared word that is
    French too (« gradient », « module ») has no such note and stays plain.
    """
    kept = set()
    for row in rows:
        notes = " ".join(value or "" for key, value in row.items() if key and key.startswith("note"))
        forms = [form for key in ("fr", "fr_accept") for form in (row.get(key) or "").split("|") if form.strip()]
        for form in forms:
            for run in _shared_runs(row["en"], form):
                if KEEPS_ENGLISH.search(notes) or re.fullmatch(r"[A-Za-z]+(?:-[A-Za-z]+)+", run):
                    kept.add(run)
    return tuple(sorted(kept, key=lambda word: (-len(word), word)))


@lru_cache(maxsize=4)
def glossary_kept_english(glossary_csv: Path = GLOSSARY_CSV) -> tuple[str, ...]:
    """:func:`kept_english` of the project's glossary (none when it cannot be read)."""
    from autograd_site.i18n.glossary import read_glossary

    try:
        return kept_english(read_glossary(glossary_csv))
    except (OSError, ValueError):
        return ()


def _emphasised(text: str) -> list[tuple[int, int]]:
    """Spans of ``*…*`` and ``**…**`` in ``text`` (the prose, holes included)."""
    return [match.span() for match in re.finditer(r"(?<![\w*])\*{1,2}(?=\S)[^*]+?(?<=\S)\*{1,2}(?![\w*])", text)]


def check_english_words(text: str, original: str, words: Iterable[str]) -> list[str]:
    """An English word kept in French (a glossary term) in prose ``text`` outside italics.

    ``text`` is :func:`prose` of ``original``: code, literals, roles and math
    are holes already.  The text of a ``:term:`` (or ``:doc:``) link is prose
    but counts as marked: reST cannot put italics inside a role's text.
    """
    marked = _emphasised(text)
    for match in LINK_TEXT.finditer(original):
        marked.append((match.start("text"), match.end("text")))
    problems = []
    seen: list[tuple[int, int]] = []
    for word in words:
        pattern = re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(part) for part in word.split()) + r"(?:s|es)?(?![\w-])", re.I)
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s <= start and end <= e for s, e in marked + seen):
                continue
            seen.append((start, end))
            problems.append(f"French: the English word {match[0]!r} in italics, *{match[0]}*: {_context(text, start)}")
    return problems


def example_source(catalog: Path) -> Path | None:
    """The example script of a page's catalog (``…/LC_MESSAGES/auto_examples/ch/plot_x.po``), if there is one."""
    parts = Path(catalog).resolve().parts
    if "LC_MESSAGES" not in parts or "auto_examples" not in parts:
        return None
    inside = parts[parts.index("auto_examples") + 1:]
    root = Path(*parts[:parts.index("LC_MESSAGES") - 2])  # above locale/<lang>/
    source = root.joinpath("examples", *inside).with_suffix(".py")
    return source if source.is_file() else None


@lru_cache(maxsize=256)
def _figure_texts(source: Path) -> frozenset[str]:
    from autograd_site.sphinxext.figure_text import figure_texts

    return frozenset(figure_texts(source))


def is_figure_text(catalog: Path, msgid: str) -> bool:
    """A word drawn inside a figure (a legend, an axis label): plain text, where italics cannot be written."""
    source = example_source(catalog)
    return source is not None and msgid in _figure_texts(source)


def check_french(path: Path, msgid: str, msgstr: str, english_words: Iterable[str] | None = None) -> list[str]:
    """Every French typography problem of one translated message of the catalog at ``path``.

    ``english_words`` are the words kept in English that need italics; by
    default, the project glossary's (:func:`glossary_kept_english`).
    """
    if not is_french_catalog(path):
        return []
    problems = english_in_math(msgid, msgstr)
    if msgstr == msgid or is_display_math(msgid):
        return problems  # kept as is (a name, code, an equation): nothing French to check
    text = prose(msgstr, english=msgid)
    if english_words is None:
        english_words = glossary_kept_english()
    if is_figure_text(path, msgid):
        english_words = ()
    return (problems + check_spaces(text) + check_apostrophes(text)
            + check_english_words(text, msgstr, english_words))
