"""The glossary's rows, read from ``locale/glossary.csv`` (the single source of the terms).

Columns:

* ``en``: the English term, the target of ``:term:`` references.  A
  parenthesised qualifier tells two senses apart (``step size`` and
  ``step size (optimizer)``); the gate treats such rows as one term.
* one column per translation (``ja``, ``fr``): the one display form the
  glossary page shows and translators write;
* ``<lang>_accept``: other forms the catalog check accepts, ``|``-separated
  (a predicative form, a plural, a verb's inflections); never shown;
* ``note``: in English, for the English page and for translators;
  ``note_<lang>``: the note in that language, shown on that language's page.

A language added to ``autograd_site/languages.py`` may have no columns yet:
its glossary page then shows the English note.
"""

from __future__ import annotations

import csv
from pathlib import Path

from autograd_site.languages import ALL, SOURCE

SEPARATOR = "|"


class GlossaryError(ValueError):
    """A malformed glossary: the message starts with ``file:line``."""


def accept_column(language: str) -> str:
    return f"{language}_accept"


def note_column(language: str) -> str:
    return "note" if language == SOURCE else f"note_{language}"


def glossary_languages(fieldnames: list[str]) -> list[str]:
    """The languages the CSV has a display column for, English first."""
    return [language for language in ALL if language in fieldnames]


def expected_columns(languages: list[str]) -> list[str]:
    translations = [language for language in languages if language != SOURCE]
    return ([SOURCE, *translations] + [accept_column(language) for language in translations]
            + [note_column(language) for language in [SOURCE, *translations]])


def split_forms(cell: str | None) -> list[str]:
    """The ``|``-separated forms of an ``<lang>_accept`` cell."""
    return [form.strip() for form in (cell or "").split(SEPARATOR) if form.strip()]


def read_glossary(path: Path) -> list[dict[str, str]]:
    """The glossary's rows, checked; a bad header or row raises ``GlossaryError`` naming ``file:line``."""
    with open(path, encoding="utf-8", newline="") as csv_file:
        reader = csv.DictReader(csv_file)
        fieldnames = list(reader.fieldnames or [])
        languages = glossary_languages(fieldnames)
        expected = expected_columns(languages)
        if SOURCE not in languages or sorted(fieldnames) != sorted(expected):
            missing = [column for column in expected if column not in fieldnames]
            unknown = [column for column in fieldnames if column not in expected]
            raise GlossaryError(f"{path}:1: glossary columns must be {','.join(expected)}"
                                + (f"; missing: {', '.join(missing)}" if missing else "")
                                + (f"; unknown: {', '.join(unknown)}" if unknown else ""))
        rows = []
        for row in reader:
            line = reader.line_num
            if None in row or any(value is None for value in row.values()):
                raise GlossaryError(f"{path}:{line}: glossary row with {len(fieldnames)} columns expected")
            row = {key: value.strip() for key, value in row.items()}
            for language in languages:
                if not row[language]:
                    what = "an English term" if language == SOURCE else f"its {language} display form"
                    raise GlossaryError(f"{path}:{line}: glossary row without {what}")
                if SEPARATOR in row[language]:
                    raise GlossaryError(f"{path}:{line}: the {language} column holds one display form; "
                                        f"put other forms in {accept_column(language)}")
            for language in languages:
                if language != SOURCE and SEPARATOR in row[accept_column(language)] and (
                        len(split_forms(row[accept_column(language)]))
                        != row[accept_column(language)].count(SEPARATOR) + 1):
                    raise GlossaryError(f"{path}:{line}: an empty form in {accept_column(language)}")
            rows.append(row)
    return rows
