"""Where the catalogs are and how far each is translated (no Sphinx needed)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib


def catalog_path(locale_root: Path, language: str, docname: str) -> Path:
    """``locale/<language>/LC_MESSAGES/<docname>.po``."""
    return locale_root / language / "LC_MESSAGES" / f"{docname}.po"


def catalog_dir(locale_root: Path, language: str) -> Path:
    """``locale/<language>/LC_MESSAGES``: every catalog of one language."""
    return locale_root / language / "LC_MESSAGES"


@dataclass(frozen=True)
class PageStatus:
    translated: int
    total: int
    fuzzy: int = 0
    untranslated: int = 0

    @property
    def percent(self) -> int:
        """Translated share, rounded down: 100 only when nothing is missing."""
        return 100 * self.translated // self.total if self.total else 100


def page_status(catalog: Path) -> PageStatus | None:
    """Translated entries (not fuzzy, not obsolete) out of all current entries."""
    if not catalog.exists():
        return None
    entries = [entry for entry in polib.pofile(str(catalog)) if not entry.obsolete]
    translated = [entry for entry in entries if entry.translated()]
    fuzzy = [entry for entry in entries if entry.fuzzy]
    return PageStatus(len(translated), len(entries), len(fuzzy), len(entries) - len(translated) - len(fuzzy))
