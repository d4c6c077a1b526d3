"""Lint translations like code: markup kept, nothing injected, glossary followed.

Each check takes one catalog entry (English ``msgid``, translated ``msgstr``)
and returns the problems it finds, as sentences.  ``autograd_site.i18n check``
runs them on every translated entry and reports each problem with the
``.po`` file and line.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import polib

from autograd_site.i18n.glossary import read_glossary

# Markup whose content must survive translation unchanged.  Code spans are
# matched by their backtick runs (``x`` in reST, ```x``` in MyST); a span
# right after a role name is that role's content, one followed by ``_`` a
# link.  For a role or link with explicit text (``:doc:`text <target>```),
# only the target counts: the text is translated.
CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?P<body>.+?)(?<!`)(?P=ticks)(?!`)(?P<link>__?)?", re.S)
ROLE_NAME = re.compile(r"(:[\w:.-]+:|\{[\w:.-]+\})$")
MD_LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")
SUBSTITUTION = re.compile(r"(?<![\w|])\|(?P<name>[^|\s][^|]*)\|(?![\w|])")
EXPLICIT_TARGET = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
# Anything a browser would take as markup, once roles and literals are removed.
HTML = re.compile(r"<\s*/?\s*[a-zA-Z][\w-]*(\s[^<>]*)?/?\s*>|&[a-zA-Z]+;|&#\d+;|javascript:", re.I)
DIRECTIVE = re.compile(r"^\s*\.\.\s+[\w:-]+::", re.M)
QUOTED = re.compile(r'"[^"]*"')


def _target(body: str) -> str:
    match = EXPLICIT_TARGET.match(body)
    return match["target"] if match else body


def _spans(text: str):
    """``(kind, content, start, end)`` of each role, link and code span."""
    for match in CODE_SPAN.finditer(text):
        role = ROLE_NAME.search(text, 0, match.start())
        body = match["body"]
        if role and role.end() == match.start():
            keep = body if role[1] in (":math:", "{math}") else _target(body)
            yield f"role {role[1]}`{keep}`", role.start(), match.end()
        elif match["link"]:
            yield f"link <{_target(body)}>", match.start(), match.end()
        else:
            yield f"code `{body.strip()}`", match.start(), match.end()


def _without_markup(text: str) -> str:
    for _, start, end in sorted(_spans(text), key=lambda span: -span[1]):
        text = text[:start] + " " + text[end:]
    return text


def markup_tokens(text: str) -> Counter:
    """The markup of a message, as comparable tokens."""
    tokens: Counter = Counter(token for token, _, _ in _spans(text))
    rest = _without_markup(text)
    for match in MD_LINK.finditer(rest):
        tokens[f"link ({match['target']})"] += 1
    for match in SUBSTITUTION.finditer(rest):
        tokens[f"substitution |{match['name']}|"] += 1
    for match in re.finditer(r"\$\$?[^$]+\$\$?", rest):
        tokens[f"math {match[0]}"] += 1
    return tokens


def check_markup(msgid: str, msgstr: str) -> list[str]:
    """Roles, references, literals, links, substitutions and math must match the English."""
    # Sets, not counts: a translation may name ``x`` once more or once less
    # than the English, but every piece of markup must be the English one.
    expected, found = set(markup_tokens(msgid)), set(markup_tokens(msgstr))
    problems = [f"markup dropped: {token}" for token in sorted(expected - found)]
    problems += [f"markup added or altered: {token}" for token in sorted(found - expected)]
    return problems


def check_injection(msgid: str, msgstr: str) -> list[str]:
    """No raw HTML, entities or directives that the English does not have."""
    problems = []
    for match in HTML.finditer(_without_markup(msgstr)):
        if match[0] not in _without_markup(msgid):
            problems.append(f"raw HTML or script in the translation: {match[0]!r}")
    if DIRECTIVE.search(msgstr) and not DIRECTIVE.search(msgid):
        problems.append("a directive in the translation that the English does not have")
    return problems


@dataclass(frozen=True)
class Term:
    english: str
    pattern: re.Pattern
    translations: tuple[str, ...]
    accepted: tuple[re.Pattern, ...]


def _inflected(words: str) -> re.Pattern:
    """A term, each word allowed a plural ``s`` or ``x`` (« tenseurs feuilles »)."""
    return re.compile(r"\s+".join(re.escape(word) + "[sx]?" for word in words.split()), re.I)


def load_terms(glossary_csv: Path, language: str) -> list[Term]:
    """The glossary's terms for ``language``, longest first; ``a|b`` lists accepted variants."""
    terms = []
    for row in read_glossary(glossary_csv):
        english = re.sub(r"\s*\(.*\)$", "", row["en"]).strip()
        translations = tuple(t.strip() for t in (row.get(language) or "").split("|") if t.strip())
        if not translations or translations == (english,):
            continue
        pattern = re.compile(rf"\b{re.escape(english)}(s|es)?\b", re.I)
        terms.append(Term(english, pattern, translations, tuple(_inflected(t) for t in translations)))
    return sorted(terms, key=lambda term: -len(term.english))


def check_glossary(msgid: str, msgstr: str, terms: list[Term]) -> list[str]:
    """An English glossary term in the prose needs its glossary translation.

    Longer terms are matched first and removed, so that "partial derivative"
    is not also checked as "derivative".
    """
    # Quoted English, such as a PyTorch error message, stays English.
    prose = QUOTED.sub(" ", _without_markup(msgid))
    translated = _without_markup(msgstr)
    problems = []
    for term in terms:
        if term.pattern.search(prose):
            prose = term.pattern.sub(" ", prose)
            if not any(accepted.search(translated) for accepted in term.accepted):
                problems.append(f"glossary: {term.english!r} should be translated as "
                                f"{' or '.join(repr(t) for t in term.translations)}")
    return problems


def lint_entry(msgid: str, msgstr: str, terms: list[Term]) -> list[str]:
    return check_markup(msgid, msgstr) + check_injection(msgid, msgstr) + check_glossary(msgid, msgstr, terms)


class MalformedCatalog(ValueError):
    """A catalog that cannot be parsed; updating it could lose translations."""


def ensure_readable(catalog_dir: Path) -> None:
    """Refuse to touch catalogs unless every one parses strictly and compiles."""
    for path in sorted(catalog_dir.rglob("*.po")):
        try:
            polib.pofile(str(path))
        except (OSError, ValueError) as error:
            raise MalformedCatalog(f"{path}: {error}") from error
        msgfmt = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], text=True, capture_output=True)
        if msgfmt.returncode != 0:
            raise MalformedCatalog(msgfmt.stderr.strip())


def page_breaking_problems(catalog_dir: Path) -> list[str]:
    """Markup and injection problems of every translated entry, as ``file:line: problem``."""
    problems = []
    for path in sorted(catalog_dir.rglob("*.po")):
        for entry in polib.pofile(str(path)).translated_entries():
            problems += [f"{path}:{entry.linenum}: {problem}"
                         for problem in check_markup(entry.msgid, entry.msgstr) + check_injection(entry.msgid, entry.msgstr)]
    return problems
