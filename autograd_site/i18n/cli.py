"""Translation catalogs: extract, update and check.

    python -m autograd_site.i18n update   # regenerate .pot, merge into locale/ja and locale/fr
    python -m autograd_site.i18n update --drop-obsolete  # ... and remove entries whose English is gone
    python -m autograd_site.i18n update --add es  # start the catalogs of a language added to languages.py
    python -m autograd_site.i18n check    # statistics; fail on anything not ready to publish

Extraction never executes the examples (``-D plot_gallery=0``).  Updating
goes through sphinx-intl (msgmerge semantics): entries whose English changed
become fuzzy and removed ones become obsolete; no translation is ever dropped.
Text that moved to another page keeps its translation: an untranslated entry
whose exact English is translated in any catalog of the same language (a
compendium, like ``msgmerge -C``) takes that translation.
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
from babel.messages.pofile import write_po
from sphinx_intl.catalog import load_po

from autograd_site import atomic
from autograd_site.build.site import sphinx_command
from autograd_site.i18n.catalogs import catalog_dir
from autograd_site.i18n.japanese import lint_japanese
from autograd_site.i18n.markup import header_problems, normalise_header
from autograd_site.i18n.textlint import textlint_problems
from autograd_site.languages import SOURCE, TRANSLATIONS
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
        subprocess.run(
            [sys.executable, "-m", "sphinx_intl", "update", "-p", potdir, "-d", str(root / "locale"),
             *[arg for lang in TRANSLATIONS for arg in ("-l", lang)]],
            cwd=root, check=True,
        )
    for language in TRANSLATIONS:
        reuse_translations(catalog_dir(root / "locale", language), drop_obsolete)


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


def reuse_translations(catalog_dir: Path, drop_obsolete: bool = False) -> None:
    """Fill untranslated entries with the translation of the same English text found elsewhere.

    With ``drop_obsolete``, entries whose English is gone from every page are
    then removed (only those: a current translation is never dropped).
    """
    catalogs = {path: load_po(str(path)) for path in sorted(catalog_dir.rglob("*.po"))}
    known: dict[tuple, str] = {}
    for catalog in catalogs.values():
        for message in [*catalog, *catalog.obsolete.values()]:
            if message.id and message.string and not message.fuzzy:
                known.setdefault((message.context, message.id), message.string)
    for path, catalog in catalogs.items():
        reused = [m for m in catalog if m.id and not m.string and (m.context, m.id) in known]
        for message in reused:
            message.string = known[(message.context, message.id)]
        if reused:
            print(f"Reused {len(reused)} translation(s): {path}")
        if drop_obsolete and catalog.obsolete:
            print(f"Dropped {len(catalog.obsolete)} obsolete entr{'y' if len(catalog.obsolete) == 1 else 'ies'}: {path}")
            catalog.obsolete.clear()
        normalise_header(catalog, path, POT_DATE)  # sphinx-intl leaves the template's placeholders, fuzzy
        _write_if_changed(path, catalog)


def _write_if_changed(path: Path, catalog) -> None:
    """Write with sphinx-intl's layout, so that an editor's wrapping never shows in a diff."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=LINE_WIDTH)
    if buffer.getvalue() != path.read_bytes():
        atomic.write_bytes(path, buffer.getvalue())


@dataclass
class CatalogReport:
    path: Path
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    errors: list[str] = field(default_factory=list)


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


def check(root: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        potdir = Path(tmp)
        extract(root, potdir)
        pots = {p.relative_to(potdir).with_suffix(""): p for p in potdir.rglob("*.pot")}
        errors = []
        for language in TRANSLATIONS:
            catalogs = catalog_dir(root / "locale", language)
            pos = {p.relative_to(catalogs).with_suffix(""): p for p in catalogs.rglob("*.po")}
            totals = CatalogReport(catalogs)
            terms = load_terms(root / "locale" / "glossary.csv", language)
            print(f"\n{language}: {'page':<{PAGE_WIDTH}} translated fuzzy untranslated obsolete")
            for page in sorted(set(pots) | set(pos)):
                if page not in pos:
                    errors.append(f"{catalogs / page}.po: missing (run `nox -s i18n`)")
                    continue
                report = check_catalog(pos[page], pots.get(page), terms)
                errors += report.errors
                print(f"{language}: {str(page):<{PAGE_WIDTH}} {report.translated:>10} {report.fuzzy:>5} "
                      f"{report.untranslated:>12} {report.obsolete:>8}")
                for name in ("translated", "fuzzy", "untranslated", "obsolete"):
                    setattr(totals, name, getattr(totals, name) + getattr(report, name))
            print(f"{language}: {'TOTAL':<{PAGE_WIDTH}} {totals.translated:>10} {totals.fuzzy:>5} "
                  f"{totals.untranslated:>12} {totals.obsolete:>8}")
            if language == "ja":  # textlint (.textlintrc.js), once over all the Japanese catalogs
                errors += textlint_problems(root, catalogs)
    if errors:
        print("\nThe catalogs are not ready to publish:", *errors, sep="\n", file=sys.stderr)
        return 1
    print("\nAll catalogs are complete and up to date.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "check"))
    parser.add_argument("--drop-obsolete", action="store_true",
                        help="update: also remove entries whose English text is gone")
    parser.add_argument("--add", metavar="LANG",
                        help="update: first create the catalogs of LANG, newly listed in languages.py")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "update":
        try:
            if args.add:
                add_language(root, args.add)
            update(root, args.drop_obsolete)
        except (MalformedCatalog, MissingLanguage) as error:
            print(f"{error}\nNothing was updated: fix this first.", file=sys.stderr)
            return 1
        return 0
    return check(root)


if __name__ == "__main__":
    sys.exit(main())
