"""The notebooks "Open in Colab" opens: ``notebooks/<lang>/<chapter>/<example>.ipynb``, committed.

Colab opens a notebook from the repository on GitHub, never from the site,
so every example's notebook in every language is in the repository.  They
are generated, never edited: ``python -m autograd_site.i18n update`` (``nox
-s i18n``) writes them after the catalogs, and ``check`` names any that is
missing or stale.  Each is the same bytes as the notebook the site offers
for download in that language: both come from
:func:`autograd_site.sphinxext.downloads.example_notebook`, with the page's
catalog read as the build reads it.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from autograd_site import atomic
from autograd_site.examples import list_examples
from autograd_site.i18n.catalogs import catalog_path
from autograd_site.languages import ALL, SOURCE

NOTEBOOKS = "notebooks"
GALLERY = "auto_examples"  # conf.py's gallery_dirs: an example's page, and so its catalog, is under it
RUN_UPDATE = "run `nox -s i18n` to regenerate it"


def notebook_name(language: str, example: Path) -> str:
    """``notebooks/ja/02_autograd/plot_05_x.ipynb`` for ``example`` relative to ``examples/``."""
    return f"{NOTEBOOKS}/{language}/{example.with_suffix('.ipynb').as_posix()}"


def catalog_gettext(po_path: Path):
    """A catalog's translation function, as the build reads it (``None`` without a catalog).

    Sphinx compiles each catalog to ``.mo`` with babel, fuzzy entries left
    out; the same compilation here, in memory, gives the same texts.
    """
    if not po_path.exists():
        return None
    with po_path.open("rb") as source:
        catalog = read_po(source)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled).gettext


def expected_notebooks(root: Path, languages=ALL) -> dict[str, bytes]:
    """Every notebook the repository should hold, by its path relative to ``root``."""
    from autograd_site.sphinxext.downloads import example_notebook

    examples = root / "examples"
    if not examples.is_dir():
        return {}
    notebooks = {}
    for example in list_examples(examples):
        relative = example.relative_to(examples)
        docname = f"{GALLERY}/{relative.with_suffix('').as_posix()}"
        for language in languages:
            text = None if language == SOURCE else catalog_gettext(catalog_path(root / "locale", language, docname))
            notebooks[notebook_name(language, relative)] = example_notebook(example, language, text)
    return notebooks


def committed_notebooks(root: Path, languages=ALL) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for language in languages
                  for path in (root / NOTEBOOKS / language).rglob("*.ipynb"))


def write_notebooks(root: Path) -> str:
    """Write the notebooks that changed, remove those of examples gone; say what happened."""
    expected = expected_notebooks(root)
    counts = {"written": 0, "unchanged": 0, "removed": 0}
    for name, content in expected.items():
        path = root / name
        if path.exists() and path.read_bytes() == content:
            counts["unchanged"] += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(path, content)
        counts["written"] += 1
    for name in committed_notebooks(root):
        if name not in expected:
            (root / name).unlink()
            counts["removed"] += 1
            for folder in (root / name).parents:  # and the folders it leaves empty
                if folder == root or any(folder.iterdir()):
                    break
                folder.rmdir()
    return f"{NOTEBOOKS}: " + ", ".join(f"{count} {what}" for what, count in counts.items()
                                        if count or what != "removed")


def notebook_problems(root: Path, languages=ALL, fragment: str | None = None) -> list[str]:
    """One line per committed notebook that is missing, stale or left over, its path first."""
    expected = expected_notebooks(root, languages)
    problems = []
    for name, content in expected.items():
        path = root / name
        if not path.exists():
            problems.append(f"{name}: missing ({RUN_UPDATE})")
        elif path.read_bytes() != content:
            problems.append(f"{name}: out of date with its example or its catalog; generated, never edited "
                            f"({RUN_UPDATE})")
    problems += [f"{name}: no such example any more (run `nox -s i18n` to remove it)"
                 for name in committed_notebooks(root, languages) if name not in expected]
    return [problem for problem in problems if not fragment or fragment in problem.split(":", 1)[0]]
