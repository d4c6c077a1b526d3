"""textlint on the Japanese catalogs: the checks Japanese technical writers run, as a gate.

``python -m autograd_site.i18n check`` runs textlint (the presets
``ja-technical-writing`` and ``jtf-style``, configured for this site in
``.textlintrc.js``) once over the prose of every translated entry of
``locale/ja``, and reports each finding as
``<po path>:<line>: textlint <rule>: <message>``, where the line is the line of
the ``.po`` file that holds the flagged character of the msgstr.

Each msgstr is written to a file (one per distinct text, cached: see
``run_textlint``), with its markup masked: a
role, a literal, math, a URL or an indented block becomes a placeholder of
the same length made of Latin letters, so that textlint reads it as a Latin
word (the spacing rules still see it) and its columns stay those of the
msgstr; the syntax around the text of a role or link with its own text
(``:doc:`勾配のページ <grad>```) is dropped, the text is linted.  Code
messages (``lint.is_code``), display math and messages with no Japanese
are not prose and are left out.

textlint comes from npm, locked in ``package-lock.json``: ``npm ci`` installs
it into ``node_modules``.  Without it the check fails, saying so.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import polib

from autograd_site import atomic
from autograd_site.i18n.japanese import (
    HAS_JAPANESE,
    PROTECTED,
    SYNTAX,
    _at,
    _protected,
    is_japanese_catalog,
    is_math,
    markup_of,
)
from autograd_site.i18n.lint import is_code

TEXTLINT = Path("node_modules") / ".bin" / "textlint"
CONFIG = ".textlintrc.js"
CACHE = Path("_build") / "textlint"
# What a masked span becomes: letters, so that the rules read a Latin word.
PLACEHOLDER = "X"
_MSGSTR = re.compile(r"^msgstr(?:\[(\d+)\])?\s")


@dataclass
class Prose:
    """One msgstr as textlint reads it, and how to find each of its characters in the ``.po`` file."""

    path: Path
    msgstr: str
    text: str  # what textlint reads
    origin: list[int]  # origin[i]: index in the msgstr of text[i]
    lines: list[tuple[int, int]]  # (offset in the msgstr, .po line) of each line of the msgstr's string

    def offset(self, index: int) -> int:
        """Where ``text[index]`` is in the msgstr."""
        return self.origin[min(index, len(self.origin) - 1)] if self.origin else 0

    def po_line(self, offset: int) -> int:
        """The ``.po`` line that holds ``msgstr[offset]``."""
        line = self.lines[0][1]
        for start, number in self.lines:
            if start <= offset:
                line = number
        return line


def lint_text(msgstr: str, markup: str, sentence: bool = True) -> tuple[str, list[int]]:
    """``msgstr`` as textlint reads it (see the module's text), and where each of its characters comes from.

    Beyond masking: the space that reST requires between the text of a role
    or link and Japanese text is dropped, as the page shows no gap there that
    a writer chose; a reST paragraph's final `` ::`` (a literal block follows)
    is dropped; ``sentence`` false (a title, a label: the English does not end
    with ``.`` or ``:``) ends the text with a hidden ``。``, so that only
    sentences must end with one.
    """
    masked, _ = _protected(msgstr, markup if markup != "none" else "md")
    masked = _mask_more(msgstr, masked, markup)
    keep = [True] * len(masked)
    for match in re.finditer(f"{SYNTAX}+", masked):
        keep[match.start():match.end()] = [False] * (match.end() - match.start())
        before, after = match.start() - 1, match.end()
        # "の :doc:`勾配 <grad>` を": the spaces beside the syntax separate Japanese from Japanese.
        if masked[before: before + 1] == " " and _joins(masked, before - 1, after):
            keep[before] = False
        if masked[after: after + 1] == " " and _joins(masked, match.start() - 1, after + 1):
            keep[after] = False
    if markup == "rst":
        literal_block = re.search(r"\s*::\s*$", masked)
        if literal_block:
            keep[literal_block.start():] = [False] * (len(masked) - literal_block.start())
    text, origin = [], []
    for i, char in enumerate(masked):
        if keep[i]:
            text.append(PLACEHOLDER if char == PROTECTED else char)
            origin.append(i)
    if not sentence and text and "".join(text).rstrip()[-1:] != "。":
        text.append("。")
        origin.append(len(msgstr) - 1)
    return "".join(text), origin


# Notation, not prose: a shape or tuple "(4, 1)", "(3,)", an interval "[0, 1)".
NUMERIC_TUPLE = re.compile(r"[(\[]\s*-?[\d.]+\s*(?:,\s*-?[\d.]*\s*)*[)\]]")
ESCAPED_SPACE = re.compile(r"\\ ")


def _mask_more(msgstr: str, masked: str, markup: str) -> str:
    """Numeric tuples and intervals become code; reST's escaped space and a Markdown link's ``[`` syntax."""
    chars = list(masked)
    for match in NUMERIC_TUPLE.finditer(masked):
        chars[match.start():match.end()] = PROTECTED * (match.end() - match.start())
    if markup == "rst":
        for match in ESCAPED_SPACE.finditer(masked):
            chars[match.start():match.end()] = SYNTAX * 2
    else:
        for match in re.finditer(f"{SYNTAX}+", masked):
            opening = masked.rfind("[", 0, match.start())
            if msgstr[match.start()] == "]" and opening >= 0 and "]" not in masked[opening:match.start()]:
                chars[opening] = SYNTAX
    return "".join(chars)


def _joins(masked: str, left: int, right: int) -> bool:
    """Whether the characters at ``left`` and ``right`` are both Japanese (or full-width), ignoring syntax."""
    while left >= 0 and masked[left] == SYNTAX:
        left -= 1
    while right < len(masked) and masked[right] == SYNTAX:
        right += 1
    return (left >= 0 and right < len(masked) and bool(HAS_JAPANESE.match(masked[left]))
            and bool(HAS_JAPANESE.match(masked[right])))


def is_sentence(msgid: str) -> bool:
    """Whether the English ends as a sentence does (``.``, ``:``): a title or a label does not.

    A final literal or role is not the end of a sentence, even with dots inside
    (the title "Per-sample gradients with ``vmap(grad(...))``").
    """
    text = re.sub(r"(?::[\w:.-]+:)?`+[^`]+`+_?$", "", msgid.rstrip()).rstrip()
    return bool(text) and text == msgid.rstrip() and re.search(r"[.:]\W*$", text) is not None \
        and not text.endswith("...")


def _string_lines(po_lines: list[str], entry: polib.POEntry, form: int | None) -> list[tuple[int, int]]:
    """``(offset, line)`` of each quoted line of the entry's msgstr (or ``msgstr[form]``), 1-based lines."""
    number = entry.linenum - 1
    while number < len(po_lines):
        match = _MSGSTR.match(po_lines[number])
        if match and (form is None or match[1] == str(form)):
            break
        number += 1
    else:
        return [(0, entry.linenum)]
    result, offset = [], 0
    first = po_lines[number][po_lines[number].index('"'):]
    for i, line in enumerate([first, *_continuation(po_lines, number + 1)]):
        result.append((offset, number + 1 + i))
        offset += len(polib.unescape(line.strip()[1:-1]))
    return result


def _continuation(po_lines: list[str], start: int):
    for line in po_lines[start:]:
        if not line.startswith('"'):
            return
        yield line


def catalog_prose(path: Path) -> list[Prose]:
    """The prose of every translated entry of one Japanese catalog."""
    po_lines = Path(path).read_text(encoding="utf-8").splitlines()
    markup = markup_of(path)
    prose = []
    for entry in polib.pofile(str(path)).translated_entries():
        english = f"{entry.msgid}\n{entry.msgid_plural}" if entry.msgid_plural else entry.msgid
        if is_code(entry.msgid) or is_math(english):
            continue
        forms = sorted(entry.msgstr_plural.items()) if entry.msgid_plural else [(None, entry.msgstr)]
        for form, msgstr in forms:
            if not HAS_JAPANESE.search(msgstr):
                continue
            text, origin = lint_text(msgstr, markup, is_sentence(english))
            prose.append(Prose(Path(path), msgstr, text, origin, _string_lines(po_lines, entry, form)))
    return prose


def _utf16_to_index(text: str) -> list[int]:
    """JavaScript counts UTF-16 code units: the Python index of each of them."""
    index = []
    for i, char in enumerate(text):
        index += [i] * (2 if ord(char) > 0xFFFF else 1)
    return index + [len(text)]


def run_textlint(root: Path, prose: list[Prose]) -> list[str]:
    """Run textlint once over ``prose``; its findings as ``path:line: textlint rule: message``.

    Each distinct text is a file named by its content's hash under
    ``_build/textlint/<hash of .textlintrc.js and package-lock.json>/``, and
    textlint runs with ``--cache``: its cache compares a file's size and time,
    which for a file named by its content means the content, so a text that
    passed before is not linted again (findings are never cached).  A changed
    configuration or lock file starts a new folder.

    Without ``node_modules/.bin/textlint`` the only finding says to run ``npm ci``.
    """
    textlint = root / TEXTLINT
    if not textlint.exists():
        return [f"{textlint}: missing, so the Japanese catalogs cannot be checked: run `npm ci` in {root} "
                "(Node.js and npm; it installs the textlint of package-lock.json)"]
    if not prose:
        return []
    setup = hashlib.sha256(b"".join((root / name).read_bytes() for name in (CONFIG, "package-lock.json")
                                    if (root / name).exists()))
    folder = root / CACHE / setup.hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, list[Prose]] = {}
    for item in prose:
        file = folder / f"{hashlib.sha256(item.text.encode()).hexdigest()[:32]}.txt"
        if not file.exists():  # never rewritten: its time stays that of its content
            atomic.write_bytes(file, item.text.encode())
        files.setdefault(str(file.resolve()), []).append(item)
    result = subprocess.run([str(textlint), "--config", str(root / CONFIG), "--format", "json", "--no-color",
                             "--cache", "--cache-location", str(folder / ".textlintcache"), *sorted(files)],
                            cwd=root, text=True, capture_output=True)
    try:
        reports = json.loads(result.stdout) if result.stdout.strip() else []
    except json.JSONDecodeError:
        raise RuntimeError(f"textlint failed (exit {result.returncode}):\n{result.stderr or result.stdout}")
    if result.returncode not in (0, 1):
        raise RuntimeError(f"textlint failed (exit {result.returncode}):\n{result.stderr or result.stdout}")
    findings = []
    for report in reports:
        for item in files[str(Path(report["filePath"]).resolve())]:
            units = _utf16_to_index(item.text)
            for message in report["messages"]:
                start = message["range"][0] if "range" in message else message.get("index", 0)
                offset = item.offset(units[min(start, len(units) - 1)])
                text = " ".join(message["message"].split())
                findings.append((str(item.path), item.po_line(offset), message["ruleId"],
                                 f"{text}: {_at(item.msgstr, offset)!r}"))
    return [f"{path}:{line}: textlint {rule}: {text}" for path, line, rule, text in sorted(findings)]


def textlint_problems(root: Path, catalog_dir: Path) -> list[str]:
    """textlint's findings in every Japanese catalog under ``catalog_dir``."""
    paths = [path for path in sorted(Path(catalog_dir).rglob("*.po")) if is_japanese_catalog(path)]
    return run_textlint(root, [item for path in paths for item in catalog_prose(path)])
