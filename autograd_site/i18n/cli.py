"""Translation catalogs: extract, update and check.

    python -m autograd_site.i18n update   # regenerate .pot, merge into locale/ja and locale/fr, write notebooks/
    python -m autograd_site.i18n update --drop-obsolete  # ... and remove entries whose English is gone
    python -m autograd_site.i18n update --add es  # start the catalogs of a language added to languages.py
    python -m autograd_site.i18n check    # problems, then a summary per language; fail on anything not ready
    python -m autograd_site.i18n check ja plot_01_first_gradient --table  # one language, pages, every page's figures

Extraction never executes the examples (``-D plot_gallery=0``).  Updating
merges with msgmerge's semantics (babel's): entries whose English changed
become fuzzy, keeping the English their translation was made from as
``#| msgid``, and removed ones become obsolete; no translation is ever dropped.
Catalogs are written in the order of the English extraction, in babel's layout
(width 76), so that an English edit is a small diff; ``check`` flags a catalog
an editor re-wrapped or re-ordered.
Text that moved to another page keeps its translation: an untranslated entry
whose exact English is translated in any catalog of the same language (a
compendium, like ``msgmerge -C``) takes that translation.
``update`` then writes the examples' notebooks in every language under
``notebooks/`` (the ones "Open in Colab" opens), and ``check`` fails on one
that is missing or stale (``autograd_site/notebooks.py``).
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import polib
from babel.messages.pofile import normalize, read_po, write_po
from sphinx_intl.catalog import load_po

from autograd_site import atomic
from autograd_site.build.site import sphinx_command
from autograd_site.i18n.catalogs import catalog_dir
from autograd_site.i18n.japanese import lint_japanese
from autograd_site.i18n.markup import header_problems, normalise_header
from autograd_site.i18n.textlint import textlint_problems
from autograd_site.languages import SOURCE, TRANSLATIONS
from autograd_site.notebooks import notebook_problems, write_notebooks
from autograd_site.i18n.lint import (
    INTERFACE_CATALOGS,
    MalformedCatalog,
    Term,
    ensure_readable,
    is_interface_catalog,
    lint_entry,
    load_terms,
    msgfmt_problem,
)

POT_DATE_EPOCH = "1767225600"  # 2026-01-01
POT_DATE = datetime.datetime.fromtimestamp(int(POT_DATE_EPOCH), datetime.timezone.utc)
LINE_WIDTH = 76
PAGE_WIDTH = 72  # sphinx-intl's wrapping, so that rewritten catalogs keep their layout


def extract(root: Path, potdir: Path) -> None:
    """Write the English messages of every page to ``potdir/**/*.pot``."""
    command = sphinx_command(root, SOURCE, "gettext", potdir, "-D", "plot_gallery=0")
    # A fixed POT-Creation-Date, so that updating catalogs only changes what changed.
    env = {**os.environ, "SOURCE_DATE_EPOCH": POT_DATE_EPOCH}
    subprocess.run(command, cwd=root, check=True, env=env)


class MissingLanguage(ValueError):
    """A language listed in languages.py without catalogs, or catalogs for an unlisted one."""


def update(root: Path, drop_obsolete: bool = False) -> None:
    for language in TRANSLATIONS:
        catalogs = catalog_dir(root / "locale", language)
        if not catalogs.is_dir():
            raise MissingLanguage(f"locale/{language}/LC_MESSAGES is missing: create the catalogs of this new "
                                  f"language with `nox -s i18n -- --add {language}`")
        ensure_readable(catalogs)
    # A fresh folder each time: a .pot left over from a removed page would
    # bring its catalog back.
    with tempfile.TemporaryDirectory() as potdir:
        extract(root, Path(potdir))
        templates = {p.relative_to(potdir).with_suffix("").as_posix(): p for p in sorted(Path(potdir).rglob("*.pot"))}
        for language in TRANSLATIONS:
            counts = update_language(catalog_dir(root / "locale", language), language, templates, drop_obsolete)
            print(update_summary(language, counts))
    print(write_notebooks(root))  # from the catalogs just written


def update_summary(language: str, counts: dict[str, int]) -> str:
    """``ja: 3 catalogs updated, 48 unchanged`` (and how many were created, if any)."""
    shown = [what for what in ("created", "updated", "unchanged") if counts[what] or what != "created"]
    first = counts[shown[0]]
    parts = [f"{first} catalog{'' if first == 1 else 's'} {shown[0]}", *(f"{counts[w]} {w}" for w in shown[1:])]
    return f"{language}: " + ", ".join(parts)


def load_catalog(path: Path):
    """A babel catalog of ``path``, with the ``#| msgid`` of its fuzzy entries.

    babel's reader drops a one-line ``#| msgid`` and takes the lines of a
    longer one for translator comments: they are left out for babel, and read
    with polib.
    """
    data = b"\n".join(line for line in path.read_bytes().split(b"\n") if not line.startswith(b"#|"))
    catalog = read_po(io.BytesIO(data), charset=read_po(io.BytesIO(data)).charset or "utf-8")
    previous = {(entry.msgctxt, entry.msgid): [entry.previous_msgid] + ([entry.previous_msgid_plural]
                                                                     if entry.previous_msgid_plural else [])
                for entry in polib.pofile(str(path)) if entry.previous_msgid and not entry.obsolete}
    if previous:
        for message in catalog:
            key = (message.context, message.id if isinstance(message.id, str) else message.id[0])
            if key in previous:
                message.previous_id = previous[key]
    return catalog


def merge(catalog, template) -> None:
    """Bring ``catalog`` up to date with ``template``, as msgmerge does, in the template's order.

    Changed English becomes fuzzy with the English its translation was made
    from kept as ``#| msgid`` (an entry already fuzzy keeps its first one);
    once translated again, the entry loses it.  Removed English becomes obsolete.
    """
    previous = {(m.context, m.id): m.previous_id for m in catalog if m.fuzzy and m.previous_id}
    catalog.update(template)  # babel: the template's order, fuzzy matching, previous_id on fuzzy matches
    for message in catalog:
        if not message.id:
            continue
        if not message.fuzzy:
            message.previous_id = []
            continue
        # the English it was matched to: its own (unchanged), or babel's fuzzy match
        matched = (message.context, message.previous_id[0] if message.previous_id else message.id)
        if matched in previous:  # already fuzzy there: keep the English its translation was made from
            message.previous_id = previous[matched]
    in_template_order(catalog, template)


def in_template_order(catalog, template) -> None:
    """Entries in the order of the English extraction, so that an English edit is a small diff."""
    rank = {(m.context, m.id): i for i, m in enumerate(template) if m.id}
    messages = catalog._messages  # babel keeps them in an ordered dict, header first
    keys = sorted(messages, key=lambda key: (0, -1) if not messages[key].id else
                  (0, rank[(messages[key].context, messages[key].id)])
                  if (messages[key].context, messages[key].id) in rank else (1, 0))
    catalog._messages = type(messages)((key, messages[key]) for key in keys)


def update_language(catalogs: Path, language: str, templates: dict[str, Path],
                    drop_obsolete: bool = False) -> dict[str, int]:
    """Create and merge the catalogs of one language, reuse moved translations, write what changed.

    ``templates``: the .pot of each page by its name (``auto_examples/index``).
    Returns how many catalogs were created, updated and left unchanged.
    """
    loaded = {}
    for name, pot in templates.items():
        path = catalogs / f"{name}.po"
        template = load_po(str(pot))
        if path.exists():
            catalog = load_catalog(path)
            merge(catalog, template)
        else:
            catalog = template
            catalog.locale = language
        loaded[path] = catalog
    for path in sorted(catalogs.rglob("*.po")):  # interface catalogs, and pages gone from the English
        if path not in loaded:
            loaded[path] = load_catalog(path)
    return reuse_translations(loaded, drop_obsolete)


def add_language(root: Path, language: str) -> None:
    """Start the catalogs of a language just listed in languages.py; ``update`` then fills them.

    Its interface catalog gets every theme string the other translations
    provide, untranslated, so that translators see the whole list.
    """
    if language not in TRANSLATIONS:
        raise MissingLanguage(f"{language!r} is not a translation listed in autograd_site/languages.py: "
                              "add its line there first")
    for other in TRANSLATIONS:
        if other != language:
            ensure_readable(catalog_dir(root / "locale", other))
    catalogs = catalog_dir(root / "locale", language)
    if catalogs.exists():
        raise MissingLanguage(f"{catalogs.relative_to(root)} already exists: run `nox -s i18n` to update it")
    interface = polib.POFile()
    interface.metadata = {"Project-Id-Version": "PyTorch Autograd by Example", "Language": language,
                          "MIME-Version": "1.0", "Content-Type": "text/plain; charset=utf-8",
                          "Content-Transfer-Encoding": "8bit"}
    seen = set()
    for other in TRANSLATIONS:
        for ui_name in sorted(INTERFACE_CATALOGS):
            existing = catalog_dir(root / "locale", other) / f"{ui_name}.po"
            for entry in polib.pofile(str(existing)) if existing.exists() else ():
                if entry.msgid not in seen:
                    seen.add(entry.msgid)
                    interface.append(polib.POEntry(msgid=entry.msgid, msgid_plural=entry.msgid_plural,
                                                   msgstr_plural={0: "", 1: ""} if entry.msgid_plural else {}))
    catalogs.mkdir(parents=True)
    for ui_name in sorted(INTERFACE_CATALOGS):
        interface.save(str(catalogs / f"{ui_name}.po"))
    print(f"Created {catalogs.relative_to(root)}; now creating its page catalogs from the English.")


def reuse_translations(catalogs: Path | dict, drop_obsolete: bool = False) -> dict[str, int]:
    """Fill untranslated entries with the translation of the same English text found elsewhere; write.

    ``catalogs``: a language's folder, or its catalogs already loaded (by
    path).  With ``drop_obsolete``, entries whose English is gone from every
    page are then removed (only those: a current translation is never dropped).
    Returns how many catalogs were created, updated and left unchanged.
    """
    if isinstance(catalogs, Path):
        catalogs = {path: load_catalog(path) for path in sorted(catalogs.rglob("*.po"))}
    known: dict[tuple, str] = {}
    for catalog in catalogs.values():
        for message in [*catalog, *catalog.obsolete.values()]:
            if message.id and message.string and not message.fuzzy:
                known.setdefault((message.context, message.id), message.string)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for path, catalog in catalogs.items():
        reused = [m for m in catalog if m.id and not m.string and (m.context, m.id) in known]
        for message in reused:
            message.string = known[(message.context, message.id)]
        if reused:
            print(f"Reused {len(reused)} translation(s): {path}")
        if drop_obsolete and catalog.obsolete:
            print(f"Dropped {len(catalog.obsolete)} obsolete entr{'y' if len(catalog.obsolete) == 1 else 'ies'}: {path}")
            catalog.obsolete.clear()
        counts[_write_if_changed(path, catalog)] += 1
    return counts


def normal_form(catalog, path: Path) -> bytes:
    """The bytes ``i18n update`` writes for ``catalog``: babel's layout (width 76), a complete header,
    ``#| msgid`` on fuzzy entries only."""
    normalise_header(catalog, path, POT_DATE)  # the template's placeholders, fuzzy
    previous = {}
    for message in catalog:
        if message.id and not message.fuzzy:
            message.previous_id = []
        elif message.id and message.previous_id:
            # babel wraps a long #| msgid as a comment, which no reader reads back: a token here,
            # then msgmerge's layout (one "#| " line per line of the string)
            token = f"@@previous-{len(previous)}@@"
            previous[token] = message.previous_id
            message.previous_id = [token]
    buffer = io.BytesIO()
    try:
        write_po(buffer, catalog, width=LINE_WIDTH, include_previous=True)
    finally:
        for message in catalog:
            if message.previous_id and message.previous_id[0] in previous:
                message.previous_id = previous[message.previous_id[0]]
    content = buffer.getvalue()
    for token, (english, *plural) in previous.items():
        lines = [f"#| msgid {normalize(english, prefix='#| ', width=LINE_WIDTH)}"]
        lines += [f"#| msgid_plural {normalize(plural[0], prefix='#| ', width=LINE_WIDTH)}"] if plural else []
        content = content.replace(f'#| msgid "{token}"'.encode(), "\n".join(lines).encode("utf-8"))
    return content


def _write_if_changed(path: Path, catalog) -> str:
    """Write in the normal form, so that an editor's wrapping never shows in a diff; say what happened."""
    content = normal_form(catalog, path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(path, content)
        return "created"
    if content != path.read_bytes():
        atomic.write_bytes(path, content)
        return "updated"
    return "unchanged"


@dataclass
class CatalogReport:
    path: Path
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def problems(self) -> int:
        """Errors other than the fuzzy and untranslated entries (each of those is one error too)."""
        return len(self.errors) - self.fuzzy - self.untranslated


def _entry_location(path: Path, entry: polib.POEntry) -> str:
    return f"{path}:{entry.linenum}"


def check_catalog(po_path: Path, pot_path: Path | None, terms: list[Term] = ()) -> CatalogReport:
    report = CatalogReport(po_path)
    try:
        catalog = polib.pofile(str(po_path))
    except (OSError, ValueError) as error:
        report.errors.append(f"{po_path}: cannot be read: {error}")
        return report
    for entry in catalog:
        if entry.obsolete:
            report.obsolete += 1
            report.errors.append(f"{_entry_location(po_path, entry)}: obsolete entry (remove it)")
        elif entry.fuzzy:
            report.fuzzy += 1
            report.errors.append(f"{_entry_location(po_path, entry)}: fuzzy: {entry.msgid[:60]!r}")
        elif not entry.translated():
            report.untranslated += 1
            report.errors.append(f"{_entry_location(po_path, entry)}: untranslated: {entry.msgid[:60]!r}")
        else:
            report.translated += 1
            for problem in lint_entry(po_path, entry, terms) + lint_japanese(po_path, entry):
                report.errors.append(f"{_entry_location(po_path, entry)}: {problem}")
    if is_interface_catalog(po_path):
        pass  # interface strings: no English page to be in sync with
    elif pot_path is None:
        report.errors.append(f"{po_path}: no such page in the English source any more")
    else:
        current = {(e.msgctxt, e.msgid) for e in polib.pofile(str(pot_path))}
        present = {(e.msgctxt, e.msgid) for e in catalog if not e.obsolete}
        for msgctxt, msgid in sorted(current - present, key=str):
            report.errors.append(f"{po_path}: out of date: missing {msgid[:60]!r} (run `nox -s i18n`)")
    problem = msgfmt_problem(po_path)
    if problem:
        report.errors.append(problem)
    report.errors += header_problems(po_path)
    return report


EDITED = "re-wrapped or re-ordered by an editor; run nox -s i18n to normalise"


def layout_problem(po_path: Path, pot_path: Path | None) -> str | None:
    """A catalog that is not byte for byte what ``i18n update`` writes: an editor's wrapping, order or header."""
    try:
        catalog = load_catalog(po_path)
        if pot_path is not None:
            in_template_order(catalog, load_po(str(pot_path)))
        expected = normal_form(catalog, po_path)
    except Exception:  # unreadable: check_catalog reports it with its line
        return None
    return None if expected == po_path.read_bytes() else f"{po_path}:1: {EDITED}"


def summary_line(language: str, totals: CatalogReport) -> str:
    """``ja: 2,185 entries, 0 fuzzy, 0 untranslated, 0 problems``."""
    entries = totals.translated + totals.fuzzy + totals.untranslated
    return (f"{language}: {entries:,} entries, {totals.fuzzy:,} fuzzy, {totals.untranslated:,} untranslated, "
            f"{totals.problems:,} problem{'' if totals.problems == 1 else 's'}")


def check(root: Path, language: str | None = None, page: str | None = None, table: bool = False) -> int:
    """Check the catalogs of ``language`` (all translations by default), of the pages whose catalog path
    contains ``page``: problems first, then one summary line per language (``table``: every page's figures)."""
    if language is not None and language not in TRANSLATIONS:
        print(f"{language!r} is not a translation of this site (these are: {', '.join(TRANSLATIONS)})", file=sys.stderr)
        return 2
    fragment = page.removesuffix(".po").strip("/") if page else None
    # The committed notebooks of these languages (English's too, when all are checked), by language.
    stale = {}
    for problem in notebook_problems(root, [language] if language else [SOURCE, *TRANSLATIONS], fragment):
        stale.setdefault(problem.split("/")[1], []).append(problem)
    with tempfile.TemporaryDirectory() as tmp:
        errors = list(stale.get(SOURCE, []))
        potdir = Path(tmp)
        extract(root, potdir)
        pots = {p.relative_to(potdir).with_suffix(""): p for p in potdir.rglob("*.pot")}
        lines, summaries = [], []
        for lang in [language] if language else TRANSLATIONS:
            catalogs = catalog_dir(root / "locale", lang)
            pos = {p.relative_to(catalogs).with_suffix(""): p for p in catalogs.rglob("*.po")}
            totals = CatalogReport(catalogs)
            terms = load_terms(root / "locale" / "glossary.csv", lang)
            pages = [name for name in sorted(set(pots) | set(pos)) if not fragment or fragment in name.as_posix()]
            lines.append(f"\n{lang}: {'page':<{PAGE_WIDTH}} translated fuzzy untranslated obsolete")
            for name in pages:
                if name not in pos:
                    missing = f"{catalogs / name}.po: missing (run `nox -s i18n`)"
                    errors.append(missing)
                    totals.errors.append(missing)
                    continue
                report = check_catalog(pos[name], pots.get(name), terms)
                edited = layout_problem(pos[name], pots.get(name))
                if edited:
                    report.errors.append(edited)
                errors += report.errors
                lines.append(f"{lang}: {str(name):<{PAGE_WIDTH}} {report.translated:>10} {report.fuzzy:>5} "
                             f"{report.untranslated:>12} {report.obsolete:>8}")
                for field_name in ("translated", "fuzzy", "untranslated", "obsolete"):
                    setattr(totals, field_name, getattr(totals, field_name) + getattr(report, field_name))
                totals.errors += report.errors
            if lang == "ja":  # textlint (.textlintrc.js), once over all the Japanese catalogs
                linted = [problem for problem in textlint_problems(root, catalogs)
                          if not fragment or fragment in problem.split(":", 1)[0]]
                errors += linted
                totals.errors += linted
            errors += stale.get(lang, [])
            totals.errors += stale.get(lang, [])
            lines.append(f"{lang}: {'TOTAL':<{PAGE_WIDTH}} {totals.translated:>10} {totals.fuzzy:>5} "
                         f"{totals.untranslated:>12} {totals.obsolete:>8}")
            matching = (f" ({len(pages)} catalog{'' if len(pages) == 1 else 's'} matching {fragment!r})"
                        if fragment else "")
            summaries.append(summary_line(lang, totals) + matching)
            if fragment and not pages:
                errors.append(f"{catalogs}: no catalog path contains {fragment!r}")
    for error in errors:
        print(error)
    if table:
        print(*lines, sep="\n")
    if errors or table:
        print()
    print(*summaries, sep="\n")
    if errors:
        print(f"\nThe catalogs are not ready to publish: {len(errors)} line{'' if len(errors) == 1 else 's'} above "
              "(`nox -s i18n-check -- --table` for every page's figures).", file=sys.stderr)
        return 1
    checked = "All catalogs are" if not language and not fragment else "The catalogs checked are"
    print(f"\n{checked} complete and up to date.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "check"))
    parser.add_argument("language", nargs="?", help="check: only this language (ja, fr)")
    parser.add_argument("page", nargs="?",
                        help="check: only the catalogs whose path contains this (plot_01_first_gradient)")
    parser.add_argument("--table", action="store_true", help="check: also print every page's figures")
    parser.add_argument("--drop-obsolete", action="store_true",
                        help="update: also remove entries whose English text is gone")
    parser.add_argument("--add", metavar="LANG",
                        help="update: first create the catalogs of LANG, newly listed in languages.py")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "update":
        if args.language or args.page or args.table:
            parser.error("update takes no language, page or --table: it updates every catalog")
        try:
            if args.add:
                add_language(root, args.add)
            update(root, args.drop_obsolete)
        except (MalformedCatalog, MissingLanguage) as error:
            print(f"{error}\nNothing was updated: fix this first.", file=sys.stderr)
            return 1
        return 0
    return check(root, args.language, args.page, args.table)


if __name__ == "__main__":
    sys.exit(main())
