"""Lint translations like code: markup kept, nothing injected, glossary followed.

Each check takes one catalog entry (English ``msgid``, translated ``msgstr``)
and returns the problems it finds, as sentences.  ``autograd_site.i18n check``
and the build run them on every translated entry (each plural form too) and
report each problem with the ``.po`` file and line.

Translations are untrusted input.  A translation may not add what the English
message does not have, where it could become markup or script:

* in any catalog: an HTML tag or comment (``<svg/onload=...>``, ``</b``,
  ``<!--``), a character reference (``&#106;``, ``&#x6A;``, ``&lt;``), a
  ``javascript:``, ``vbscript:`` or ``data:`` URL (also spelt with other case,
  spaces, backslashes or character references), or a reST or MyST directive;
* in an interface catalog (``sphinx.po``, whose strings templates print into
  HTML attributes): any of ``" ' < > &``.  French writes the apostrophe ’
  and the quotes « », which are fine.

The build escapes these strings at their sinks as well
(``sphinxext.ui_strings``, ``sphinxext.translated_markup``); this gate says
which catalog line is at fault before anything is built.
"""

from __future__ import annotations

import ast
import html
import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import polib

from autograd_site.i18n.french import check_french, math_key
from autograd_site.i18n.glossary import accept_column, read_glossary, split_forms
from autograd_site.i18n.markup import check_parsed_markup, page_kind

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
# What a browser or MyST would take as markup, once roles and literals are
# removed: a tag needs no whitespace before its attributes (<svg/onload=...>).
TAG = re.compile(r"<(?:!--|[!?/]?[a-zA-Z][\w:.-]*)")
ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[a-zA-Z][a-zA-Z0-9]*;)")
# Browsers drop tabs and newlines inside a URL scheme, reST and MyST drop
# backslashes; a URL's leading controls and spaces are ignored.
_SCHEME_GAP = r"[\s\x00-\x1f\\]*"
_LEADING_IGNORED = "".join(map(chr, range(0x21)))
SCRIPT_SCHEMES = ("javascript", "vbscript", "data")
SCRIPT_URL = re.compile(
    r"(?<![\w+.-])(?:" + "|".join(_SCHEME_GAP.join(scheme) for scheme in SCRIPT_SCHEMES) + ")" + _SCHEME_GAP + ":",
    re.I,
)
DIRECTIVE = re.compile(r"^\s*(?:\.\.\s+[\w:-]+::|(?:`{3,}|~{3,}|:{3,})\s*\{[\w:-]+\})", re.M)
# Interface strings end up inside HTML attributes of the theme's templates.
INTERFACE_CATALOGS = {"sphinx"}
ATTRIBUTE_BREAKING = "\"'<>&"
QUOTED = re.compile(r'"[^"]*"')


# Roles that Sphinx turns into cross-references, whose number it compares between English and translation.
REFERENCE = re.compile(r"role (?::(?:py:)?(?:doc|term|ref|func|class|meth|mod|attr|data|exc|obj|download|numref|any):"
                       r"|\{(?:doc|term|ref|download|numref|any)\})`")


def _target(body: str) -> str:
    match = EXPLICIT_TARGET.match(body)
    return match["target"] if match else body


def _spans(text: str):
    """``(kind, content, start, end)`` of each role, link and code span."""
    for match in CODE_SPAN.finditer(text):
        role = ROLE_NAME.search(text, 0, match.start())
        body = match["body"]
        if role and role.end() == match.start():
            keep = math_key(body) if role[1] in (":math:", "{math}") else _target(body)
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
        tokens[f"math {math_key(match[0])}"] += 1
    return tokens


def check_markup(msgid: str, msgstr: str) -> list[str]:
    """Roles, references, literals, links, substitutions and math must match the English."""
    # Sets, not counts: a translation may name ``x`` once more or once less
    # than the English, but every piece of markup must be the English one.
    counted, counted_found = markup_tokens(msgid), markup_tokens(msgstr)
    expected, found = set(counted), set(counted_found)
    problems = [f"markup dropped: {token}" for token in sorted(expected - found)]
    problems += [f"markup added or altered: {token}" for token in sorted(found - expected)]
    # Cross-references are the exception: Sphinx refuses a translation whose
    # references differ in number ("inconsistent term references").
    problems += [f"reference used {counted_found[token]} times, the English uses it {counted[token]} times: {token}"
                 for token in sorted(expected & found)
                 if REFERENCE.match(token) and counted[token] != counted_found[token]]
    return problems


def script_urls(text: str) -> set[str]:
    """The ``javascript:``, ``vbscript:`` and ``data:`` URL schemes in ``text``, however spelt."""
    text = html.unescape(text)
    return {re.sub(_SCHEME_GAP, "", match[0]).lower() for match in SCRIPT_URL.finditer(text)}


def is_script_url(url: str) -> bool:
    """Whether a browser would run ``url`` as script, or open it as a document of its own (``data:``)."""
    return SCRIPT_URL.match(html.unescape(url).lstrip(_LEADING_IGNORED)) is not None


def check_injection(msgid: str, msgstr: str, interface: bool = False) -> list[str]:
    """No HTML, character references, script URLs or directives that the English does not have.

    ``interface``: the message is an interface string (``sphinx.po``), where
    ``" ' < > &`` are refused too.
    """
    english, translated = _without_markup(msgid), _without_markup(msgstr)
    problems = []
    for kind, pattern in (("raw HTML", TAG), ("a character reference", ENTITY)):
        known = {match[0].lower() for match in pattern.finditer(english)}
        for token in sorted({match[0].lower() for match in pattern.finditer(translated)} - known):
            problems.append(f"{kind} in the translation that the English does not have: {token!r}")
    for scheme in sorted(script_urls(msgstr) - script_urls(msgid)):
        problems.append(f"a script URL in the translation that the English does not have: {scheme!r}")
    if DIRECTIVE.search(msgstr) and not DIRECTIVE.search(msgid):
        problems.append("a directive in the translation that the English does not have")
    if interface:
        for char in sorted(set(msgstr) & set(ATTRIBUTE_BREAKING) - set(msgid)):
            hint = " (write the apostrophe ’)" if char == "'" else ""
            problems.append(f"{char!r} in an interface string, where the English has none: "
                            f"it could end an HTML attribute{hint}")
    return problems


@dataclass(frozen=True)
class Term:
    english: str
    pattern: re.Pattern
    translations: tuple[str, ...]
    accepted: tuple[re.Pattern, ...]


def _inflected(words: str) -> re.Pattern:
    """A term, each word allowed a plural ``s`` or ``x`` (« tenseurs feuilles »), either apostrophe."""
    return re.compile(r"\s+".join(re.escape(word).replace("'", "['’]") + "[sx]?" for word in words.split()), re.I)


def load_terms(glossary_csv: Path, language: str) -> list[Term]:
    """The glossary's terms for ``language``, longest first.

    A term's translations are its display form and its accepted forms
    (``<lang>_accept``).  Rows whose English terms differ only by a
    parenthesised qualifier ("step size", "step size (optimizer)") are one
    term here, which accepts the translations of both: the check cannot tell
    the senses apart.
    """
    merged: dict[str, list[str]] = {}
    for row in read_glossary(glossary_csv):
        if language not in row:
            continue
        english = re.sub(r"\s*\(.*\)$", "", row["en"]).strip()
        forms = merged.setdefault(english.lower(), [english])
        for form in [row[language], *split_forms(row.get(accept_column(language)))]:
            if form not in forms[1:]:
                forms.append(form)
    terms = []
    for english, *translations in merged.values():
        if not translations or set(translations) == {english}:
            continue
        pattern = re.compile(rf"\b{re.escape(english)}(s|es)?\b", re.I)
        terms.append(Term(english, pattern, tuple(translations), tuple(_inflected(t) for t in translations)))
    return sorted(terms, key=lambda term: -len(term.english))


def is_code(msgid: str) -> bool:
    """Whether a message is a Python expression or statement, more than a bare name ("loss" is a word)."""
    try:
        tree = ast.parse(msgid)
    except SyntaxError:
        return False
    return len(tree.body) == 1 and not (isinstance(tree.body[0], ast.Expr) and isinstance(tree.body[0].value, ast.Name))


def check_glossary(msgid: str, msgstr: str, terms: list[Term]) -> list[str]:
    """An English glossary term in the prose needs its glossary translation.

    Longer terms are matched first and removed, so that "partial derivative"
    is not also checked as "derivative".
    """
    if is_code(msgid):  # a figure's legend entry such as "total_loss += loss" is code, not prose
        return []
    # Quoted English, such as a PyTorch error message, stays English.
    prose = QUOTED.sub(" ", _without_markup(msgid))
    # Emphasis is not part of a term: « estimateur *straight-through* » is the glossary's term.
    translated = _without_markup(msgstr).replace("*", "")
    problems = []
    for term in terms:
        if term.pattern.search(prose):
            prose = term.pattern.sub(" ", prose)
            if not any(accepted.search(translated) for accepted in term.accepted):
                problems.append(f"glossary: {term.english!r} should be translated as "
                                f"{' or '.join(repr(t) for t in term.translations)}")
    return problems


def is_interface_catalog(path: Path) -> bool:
    """``locale/<lang>/LC_MESSAGES/sphinx.po``: the theme's strings, not a page's."""
    return path.stem in INTERFACE_CATALOGS and path.parent.name == "LC_MESSAGES"


def _forms(entry: polib.POEntry) -> list[tuple[str, str]]:
    """``(English, translation)`` of an entry; each plural form against both English forms."""
    if entry.msgid_plural:
        english = f"{entry.msgid}\n{entry.msgid_plural}"
        return [(english, form) for _, form in sorted(entry.msgstr_plural.items())]
    return [(entry.msgid, entry.msgstr)]


def lint_entry(path: Path, entry: polib.POEntry, terms: list[Term] = ()) -> list[str]:
    """Every problem of one translated entry of the catalog at ``path``."""
    interface = is_interface_catalog(path)
    problems = []
    for msgid, msgstr in _forms(entry):
        problems += (check_markup(msgid, msgstr) + check_injection(msgid, msgstr, interface)
                     + check_glossary(msgid, msgstr, terms) + check_parsed_markup(msgid, msgstr, page_kind(path)))
        problems += check_french(path, msgid, msgstr)
    return problems


class MalformedCatalog(ValueError):
    """A catalog that cannot be parsed; updating it could lose translations."""


def ensure_readable(catalog_dir: Path) -> None:
    """Refuse to touch catalogs unless every one parses strictly and compiles."""
    for path in sorted(catalog_dir.rglob("*.po")):
        try:
            polib.pofile(str(path))
        except (OSError, ValueError) as error:
            raise MalformedCatalog(f"{path}: {error}") from error
        problem = msgfmt_problem(path, required=False, warnings=False)
        if problem:
            raise MalformedCatalog(problem)


def msgfmt_problem(path: Path, required: bool = True, warnings: bool = True) -> str | None:
    """What GNU gettext's ``msgfmt --check`` finds wrong with a catalog, or ``None``.

    Its warnings count too (a header with the template's placeholders), unless
    ``warnings`` is false: ``update`` refuses only what it cannot read, and
    writes complete headers.

    The catalog check (``nox -s i18n-check``, CI) requires msgfmt; a build or
    an update on a machine without gettext (Windows, often) relies on the
    strict parse alone.
    """
    if shutil.which("msgfmt") is None:
        return f"{path}: cannot be checked: msgfmt (GNU gettext) is not installed" if required else None
    result = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], text=True, capture_output=True)
    if result.returncode or (warnings and result.stderr.strip()):
        return result.stderr.strip() or f"{path}: msgfmt --check failed"
    return None


def page_breaking_problems(catalog_dir: Path) -> list[str]:
    """Markup and injection problems of every translated entry, as ``file:line: problem``."""
    return [f"{path}:{entry.linenum}: {problem}"
            for path in sorted(catalog_dir.rglob("*.po"))
            for entry in polib.pofile(str(path)).translated_entries()
            for problem in lint_entry(path, entry)]
