"""Japanese typography as gates: the rules of ``docs/translating.md`` (Style, Japanese), checked.

Only the catalogs of ``locale/ja`` are checked.  Code, literals, roles,
math, URLs and indented blocks are never looked into: the rules apply to the
Japanese text around them.

1. **Full-width punctuation.**  A half-width ``:``, ``(`` or ``)`` next to a
   Japanese character is written ``：``, ``（``, ``）``.
2. **Spacing.**  One half-width space between Japanese and a Latin word, a
   number or inline code (``PyTorch 2.13 では``); no space between Japanese
   characters or next to full-width punctuation; never two spaces.
3. **Inline markup next to Japanese** (reST pages only: the examples and
   their chapter pages).  reST ends a role, a ````literal````, an emphasis or
   a link only before a space, a closing bracket or punctuation, and starts
   one only after a space, an opening bracket or punctuation.  Glued to a
   Japanese character, or followed by an opening bracket such as ``（``, the
   markup is shown as raw backquotes on the page.  Write a space, or an
   escaped space ``\\ `` where no space may show.
4. **Long vowels.**  Katakana words from English *-er* and *-or* drop the
   final ``ー``, as the glossary does (パラメータ, オプティマイザ); the other
   spelling of each word the catalogs use is refused (``LONG_VOWEL``).
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
from docutils.utils import punctuation_chars

from autograd_site.i18n.lint import CODE_SPAN, ROLE_NAME, _forms

LANGUAGE = "ja"

# The other spelling -> the site's spelling.  Words from English -er/-or drop
# the final long vowel (the glossary's オプティマイザ, パラメータ,
# バージョンカウンタ, デコレータ, コンテキストマネージャ); スカラー, the
# mathematical term (English -ar), keeps it.  A key matches inside longer words
# too (テキストエディター, バージョンカウンター).
LONG_VOWEL = {
    "パラメーター": "パラメータ",
    "オプティマイザー": "オプティマイザ",
    "デコレーター": "デコレータ",
    "カウンター": "カウンタ",
    "マネージャー": "マネージャ",
    "アクセラレーター": "アクセラレータ",
    "コンストラクター": "コンストラクタ",
    "イテレーター": "イテレータ",
    "バッファー": "バッファ",
    "ブラウザー": "ブラウザ",
    "エディター": "エディタ",
    "ソルバー": "ソルバ",
    "ランナー": "ランナ",
    "コンピューター": "コンピュータ",
    "スカラ": "スカラー",
}
_LONG_VOWEL = re.compile("|".join(re.escape(word) + "(?!ー)" for word in sorted(LONG_VOWEL, key=len, reverse=True)))

# Kana, the long-vowel mark, kanji and the iteration marks: the letters of Japanese text.
JAPANESE = "\u3005\u3006\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width punctuation and brackets: 、。「」『』【】〈〉《》・ and the full-width forms （）：！？～ ...
FULLWIDTH = "\u3001-\u3004\u3008-\u3011\u3014-\u301f\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
IS_JAPANESE = re.compile(f"[{JAPANESE}]")
IS_FULLWIDTH = re.compile(f"[{FULLWIDTH}]")
LATIN = re.compile(r"[A-Za-z0-9]")
HAS_JAPANESE = re.compile(f"[{JAPANESE}{FULLWIDTH}]")

# Protected text (code, math, URLs...) is replaced by PROTECTED, and the syntax
# around a role's own text (``:doc:`...<target>```) by SYNTAX, before the rules
# read the text; both keep its length, so that positions stay the same.
PROTECTED = "\ue000"
SYNTAX = "\ue001"
URL = re.compile(r"(?:https?|ftp|mailto):[^\s<>`）」]+")
MD_TARGET = re.compile(r"\]\([^)\s]*\)")
DOLLAR_MATH = re.compile(r"\$\$?[^$]+\$\$?")
INDENTED_LINE = re.compile(r"^(?:[ \t]+\S.*|\.\.\s.*)$", re.M)
FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)
# The text of a role or link with an explicit target: :doc:`text <target>`, `text <url>`_.
SHOWN_TEXT = re.compile(r"(?:[:{][\w:.-]+[:}])?`(?P<text>[^`<]*?)\s*<[^<>`]+>`")
LATEX = re.compile(r"\\[a-zA-Z]+|[_^]\{")
# reST emphasis and strong emphasis, found once roles and literals are protected.
EMPHASIS = re.compile(r"(?<![*\\])(\*\*?)(?=[^\s*])(?:.*?[^\s\\])?\1(?!\*)", re.S)

# docutils' inline markup recognition rules (without character-level inline markup):
# what may come right before a start-string, and right after an end-string.
_MAY_PRECEDE = re.compile(f"[\\s{punctuation_chars.openers}{punctuation_chars.delimiters}]")
_MAY_FOLLOW = re.compile(f"[\\s{punctuation_chars.closing_delimiters}{punctuation_chars.delimiters}"
                         f"{punctuation_chars.closers}]")


def is_japanese_catalog(path: Path) -> bool:
    """``locale/ja/LC_MESSAGES/**.po``."""
    parts = Path(path).parts
    return any(part == "LC_MESSAGES" and i > 0 and parts[i - 1] == LANGUAGE for i, part in enumerate(parts))


def markup_of(path: Path) -> str:
    """``"rst"`` for the example pages and chapter pages (``auto_examples/``), ``"md"`` for the
    guides (``docs/*.md``), ``"none"`` for the theme's interface strings (``sphinx.po``)."""
    parts = Path(path).parts
    if "auto_examples" in parts:
        return "rst"
    return "none" if Path(path).stem == "sphinx" else "md"


def is_math(msgid: str) -> bool:
    """A display math block: LaTeX, with no inline markup around it."""
    return bool(LATEX.search(msgid)) and CODE_SPAN.search(msgid) is None and "$" not in msgid


def _markup_spans(text: str, markup: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of each role, literal, link and (reST) emphasis."""
    spans = []
    for match in CODE_SPAN.finditer(text):
        role = ROLE_NAME.search(text, 0, match.start())
        if role and role.end() == match.start():
            spans.append((role.start(), match.end(), f"role {role[1]}"))
        elif match["link"]:
            spans.append((match.start(), match.end(), "link"))
        else:
            spans.append((match.start(), match.end(), "literal" if match["ticks"] == "``" else "code"))
    if markup == "rst":
        masked = _mask(text, [(s, e) for s, e, _ in spans])
        for match in EMPHASIS.finditer(masked):
            if PROTECTED not in match[0]:
                spans.append((match.start(), match.end(), "strong emphasis" if match[1] == "**" else "emphasis"))
    return sorted(spans)


def _mask(text: str, regions, by: str = None) -> str:
    chars, by = list(text), by or PROTECTED
    for start, end in regions:
        chars[start:end] = by * (end - start)
    return "".join(chars)


def _protected(text: str, markup: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``text`` with its code, literals, roles, math, URLs and blocks masked, and its markup spans.

    The text a translator writes inside a role or link (``:doc:`勾配のページ <...>```)
    stays visible: it is Japanese text too.
    """
    spans = _markup_spans(text, markup)
    regions, syntax = [], []
    for start, end, kind in spans:
        shown = SHOWN_TEXT.match(text, start, end) if kind.startswith(("role", "link")) else None
        if shown and shown["text"].strip():
            syntax += [(start, shown.start("text")), (shown.end("text"), end)]
        else:
            regions.append((start, end))
    for pattern in (URL, DOLLAR_MATH, INDENTED_LINE, FENCE):
        regions += [match.span() for match in pattern.finditer(text)]
    # A Markdown link's target is syntax: the link text before it may touch Japanese text.
    syntax += [match.span() for match in MD_TARGET.finditer(text)]
    return _mask(_mask(text, regions), syntax, SYNTAX), spans


def _at(text: str, position: int) -> str:
    """A short excerpt of ``text`` around ``position``, to find the place in the catalog."""
    start, end = max(0, position - 8), min(len(text), position + 9)
    return ("…" if start else "") + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")


def check_punctuation(text: str, masked: str) -> list[str]:
    """Rule 1: a half-width ``:`` ``(`` ``)`` next to Japanese text."""
    problems = []
    for match in re.finditer(r"[:()]", masked):
        i = match.start()
        before, after = masked[i - 1: i], masked[i + 1: i + 2]
        if IS_JAPANESE.match(before) or IS_JAPANESE.match(after) or IS_FULLWIDTH.match(before + " ")\
                or IS_FULLWIDTH.match(after or " "):
            full = {":": "：", "(": "（", ")": "）"}[match[0]]
            problems.append(f"ja typography: half-width {match[0]!r} in Japanese text, write {full!r}: "
                            f"{_at(text, i)!r}")
    return problems


def check_spacing(text: str, masked: str, markup: str) -> list[str]:
    """Rule 2: a space between Japanese and Latin words, numbers or code; none elsewhere; never two."""
    problems = []
    # Japanese glued to a Latin letter or digit (outside markup), or, where rule 3
    # does not apply (Markdown), to inline code.
    other = r"[A-Za-z0-9]" + (f"|{PROTECTED}" if markup != "rst" else "")
    for match in re.finditer(f"(?<=[{JAPANESE}])(?:{other})|(?:{other})(?=[{JAPANESE}])", masked):
        problems.append(f"ja typography: no space between Japanese and a Latin word, number or code: "
                        f"{_at(text, match.start())!r}")
    for match in re.finditer(r"(?<=\S) {2,}(?=\S)", masked):
        problems.append(f"ja typography: two spaces: {_at(text, match.start())!r}")
    for match in re.finditer(f"(?<=[{JAPANESE}{FULLWIDTH}]) +(?=[{JAPANESE}{FULLWIDTH}])", masked):
        if IS_FULLWIDTH.match(masked[match.start() - 1]) or IS_FULLWIDTH.match(masked[match.end()]):
            what = "a space next to full-width punctuation"
        else:
            what = "a space between Japanese characters"
        problems.append(f"ja typography: {what}: {_at(text, match.start())!r}")
    return problems


def check_markup_boundaries(text: str, spans) -> list[str]:
    """Rule 3 (reST): inline markup must start after, and end before, a space or punctuation."""
    problems = []
    for start, end, kind in spans:
        before, after = text[start - 1: start], text[end: end + 1]
        if before and not _MAY_PRECEDE.match(before):
            problems.append(f"ja markup: {kind} starts right after {before!r}, so reST does not see it: "
                            f"put a space (or '\\ ') before it: {_at(text, start)!r}")
        if after and not _MAY_FOLLOW.match(after):
            problems.append(f"ja markup: {kind} ends right before {after!r}, so reST does not end it: "
                            f"put a space (or '\\ ') after it: {_at(text, end - 1)!r}")
    return problems


def check_long_vowels(text: str, masked: str) -> list[str]:
    """Rule 4: the site's spelling of katakana words (LONG_VOWEL)."""
    return [f"ja long vowel: write {LONG_VOWEL[match[0]]!r}, not {match[0]!r} (docs/translating.md, Style)"
            for match in _LONG_VOWEL.finditer(masked)]


def check_japanese(msgid: str, msgstr: str, markup: str = "rst") -> list[str]:
    """Every Japanese typography problem of one translation; ``markup``: ``rst``, ``md`` or ``none``."""
    if is_math(msgid) or not HAS_JAPANESE.search(msgstr):
        # A display math block, a code title: only its katakana words are Japanese prose.
        return check_long_vowels(msgstr, msgstr)
    masked, spans = _protected(msgstr, markup if markup != "none" else "md")
    problems = check_punctuation(msgstr, masked) + check_spacing(msgstr, masked, markup)
    if markup == "rst":
        problems += check_markup_boundaries(msgstr, spans)
    return problems + check_long_vowels(msgstr, masked)


def lint_japanese(path: Path, entry: polib.POEntry) -> list[str]:
    """The Japanese rules for a translated entry of the catalog at ``path`` (nothing for other languages)."""
    if not is_japanese_catalog(path):
        return []
    return [problem for msgid, msgstr in _forms(entry) for problem in check_japanese(msgid, msgstr, markup_of(path))]
