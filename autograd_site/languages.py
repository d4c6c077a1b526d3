"""The site's languages: the one place that lists them.

Everything else (conf.py, the build, the catalog tools, the status page, the
tests and the benchmark) reads this module.  Adding a language is one line
in ``LANGUAGES`` and ``nox -s i18n -- --add <code>``, which creates its
catalogs from the English.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # Sphinx's ``language`` and the folder under locale/ and _build/html
    name: str  # as its readers write it, for the language switcher
    locale: str  # for link previews (og:locale)
    spaced: bool = True  # whether words are separated by spaces (wrapping, search)


LANGUAGES = (
    Language("en", "English", "en_US"),
    Language("ja", "日本語", "ja_JP", spaced=False),
    Language("fr", "Français", "fr_FR"),
)

SOURCE = LANGUAGES[0].code  # English: the language the pages are written in
ALL = tuple(language.code for language in LANGUAGES)
TRANSLATIONS = ALL[1:]
NAMES = {language.code: language.name for language in LANGUAGES}
LOCALES = {language.code: language.locale for language in LANGUAGES}
UNSPACED = frozenset(language.code for language in LANGUAGES if not language.spaced)
