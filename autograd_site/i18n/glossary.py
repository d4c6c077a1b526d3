"""The glossary's rows, read from ``locale/glossary.csv`` (the single source of the terms)."""

from __future__ import annotations

import csv
from pathlib import Path


def read_glossary(path: Path) -> list[dict[str, str]]:
    """The glossary's rows; a row without its English term names its line."""
    with open(path, encoding="utf-8", newline="") as csv_file:
        rows = list(csv.DictReader(csv_file))
    for line, row in enumerate(rows, start=2):
        if not (row.get("en") or "").strip():
            raise ValueError(f"{path}:{line}: glossary row without an English term")
    return rows
