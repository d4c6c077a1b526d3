"""The examples and their verified outputs: what the doctest and a GPU runner need.

Everything in this package imports only the standard library, torch and
matplotlib, so that a GPU runner without the docs toolchain can use it.

Which files are examples is decided here, once: sphinx-gallery runs the files
matching :data:`FILENAME_PATTERN` (``conf.py`` hands it over), and the doctest
and the build verify exactly the files :func:`list_examples` returns.
"""

from __future__ import annotations

import re
from pathlib import Path

# sphinx-gallery matches this against a file's whole path: the name alone
# decides, so a folder called plot_something cannot turn scripts into examples.
FILENAME_PATTERN = r"[\\/]plot_[^\\/]*\.py$"
RECORDS = "records"  # examples/records holds the recorded outputs, never examples
# The gallery header a folder needs before sphinx-gallery shows it as a section.
HEADER_STEMS = {"GALLERY_HEADER", "README", "readme"}


class ExampleLayoutError(ValueError):
    """A script under examples/ that sphinx-gallery would not run and verify as it is."""


def is_example(path: str | Path) -> bool:
    return re.search(FILENAME_PATTERN, str(path)) is not None


def _has_header(folder: Path) -> bool:
    return any(f.is_file() and f.stem in HEADER_STEMS for f in folder.iterdir())


def list_examples(examples_dir: str | Path) -> list[Path]:
    """Every example sphinx-gallery runs, sorted by path.

    sphinx-gallery shows the scripts at the top of ``examples/`` and one folder
    down, in folders with a ``README``, and runs those matching the pattern.
    Any other script it would show, or any example it would not, is refused
    here, naming the file, rather than published unverified or left unchecked.
    """
    examples_dir = Path(examples_dir)
    examples, problems = [], []
    for path in sorted(examples_dir.rglob("*.py")):
        folders = path.relative_to(examples_dir).parts[:-1]
        if folders[:1] == (RECORDS,) or "__pycache__" in folders or path.name == "__init__.py":
            continue  # sphinx-gallery ignores __init__.py too
        shown = len(folders) <= 1 and _has_header(path.parent)
        if is_example(path) and len(folders) > 1:
            problems.append(f"{path}: sphinx-gallery only runs examples at the top of {examples_dir} "
                            "or one folder down; move it up")
        elif is_example(path) and not shown:
            problems.append(f"{path}: its folder has no README.rst, so sphinx-gallery would not show it; "
                            "add one")
        elif shown and not is_example(path):
            problems.append(f"{path}: sphinx-gallery would publish it without running it; "
                            "name it plot_*.py or move it out of the gallery")
        elif is_example(path):
            examples.append(path)
    same_name = {}
    for path in examples:
        same_name.setdefault(path.stem, []).append(path)
    problems += [f"{paths[1]}: same name as {paths[0]}; records are per name, so rename one"
                 for paths in same_name.values() if len(paths) > 1]
    if problems:
        raise ExampleLayoutError("\n".join(problems))
    return examples
