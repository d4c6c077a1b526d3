"""Downloads in the reader's language.

sphinx-gallery writes each example's ``.py``, ``.ipynb`` and ``.zip`` once,
in English, and every language's pages link to them.  After a Japanese or
French build, this module rewrites that language's copies: the text cells
take the page's translations (the same catalog entries as the page), the
code stays exactly as it is, so the downloads still run standalone.

:func:`example_notebook` makes an example's notebook in a language without
Sphinx: the build writes the downloads with it, and ``i18n update`` the
notebooks committed under ``notebooks/`` that Colab opens
(``autograd_site/notebooks.py``), so that both are the same bytes.
"""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata
import zipfile
from pathlib import Path

from sphinx.util import logging

from autograd_site.languages import UNSPACED
from autograd_site.sphinxext.compat import (
    NOTEBOOK_CONF,
    Block,
    download_targets,
    jupyter_notebook,
    remove_config_comments,
    split_code_and_text_blocks,
)
from autograd_site.sphinxext.locale import page_gettext

logger = logging.getLogger(__name__)

UNDERLINE = re.compile(r"^([=\-~^])\1{2,}$")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so that two builds give the same archive
# A notebook's metadata: Python 3, nothing about the machine that wrote it
# (sphinx-gallery writes the running Python's full version).
NOTEBOOK_METADATA = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


def _width(text: str) -> int:
    """Columns of ``text``, wide (Japanese) characters counting two, as docutils counts."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def translate_rst(text: str, gettext, wrap: int | None = 76) -> str:
    """Translate an example's text cell paragraph by paragraph, as Sphinx extracts them.

    Headings and paragraphs found in the catalog are replaced; directives
    (math blocks) and anything not found stay as they are.  ``wrap=None``
    keeps each paragraph on one line (Japanese has no spaces to wrap at).
    """
    blocks = []
    for block in re.split(r"\n[ \t]*\n", text.strip("\n")):
        lines = block.split("\n")
        if len(lines) >= 2 and UNDERLINE.match(lines[1].strip()):
            title = gettext(lines[0].strip())
            blocks.append(f"{title}\n{lines[1].strip()[0] * max(_width(title), 3)}")
            lines = lines[2:]
            if not lines:
                continue
        if lines[0].startswith((" ", "\t", "..")):
            blocks.append("\n".join(lines))
            continue
        msgid = " ".join(line.strip() for line in lines)
        translated = gettext(msgid)
        if translated == msgid:
            blocks.append("\n".join(lines))
        elif wrap is None:
            blocks.append(translated)
        else:
            blocks.append(textwrap.fill(translated, wrap, break_long_words=False, break_on_hyphens=False))
    return "\n\n".join(blocks)


def script_source(blocks) -> str:
    """A sphinx-gallery script from its blocks: docstring, code, ``# %%`` text cells."""
    parts = []
    for index, (kind, content, _) in enumerate(blocks):
        if kind == "text" and index == 0:
            prefix = "r" if "\\" in content else ""
            parts.append(f'{prefix}"""\n{content.strip()}\n"""\n')
        elif kind == "text":
            parts.append("# %%\n" + "\n".join(f"# {line}".rstrip() for line in content.strip("\n").split("\n")) + "\n")
        else:
            parts.append(content.strip("\n") + "\n")
    return "\n".join(parts)


def example_blocks(example: Path, language: str, gettext=None) -> list[Block]:
    """An example's blocks in ``language``: its text cells through ``gettext`` (the page's catalog;
    ``None``: the English as it is), its code without ``# sphinx_gallery_*`` comments."""
    wrap = None if language in UNSPACED else 76
    _, blocks = split_code_and_text_blocks(str(example))[:2]
    return [
        Block(kind, remove_config_comments(content) if kind == "code"
              else content if gettext is None else translate_rst(content, gettext, wrap), line)
        for kind, content, line in blocks
    ]


def notebook_bytes(blocks: list[Block], folder: Path) -> bytes:
    """The notebook of ``blocks``, as Jupyter and Colab save one: deterministic, one line per string item."""
    notebook = jupyter_notebook(blocks, NOTEBOOK_CONF, folder)
    for cell in notebook["cells"]:
        cell["source"] = "".join(cell["source"]).splitlines(keepends=True)
    notebook = {**notebook, "metadata": NOTEBOOK_METADATA}
    return (json.dumps(notebook, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def example_notebook(example: Path, language: str, gettext=None) -> bytes:
    """The notebook a reader of ``language`` gets for ``example``: the download, and what Colab opens."""
    return notebook_bytes(example_blocks(example, language, gettext), example.parent)


def write_zip(archive: Path, files: list[Path]) -> None:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in files:
            info = zipfile.ZipInfo(path.name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zipped.writestr(info, path.read_bytes())


def translate_downloads(app, exception) -> None:
    """After an HTML build, rewrite its example downloads in its language.

    English keeps sphinx-gallery's text, but its script loses the
    ``# sphinx_gallery_*`` comments (the page and the notebook show none, and
    they mean nothing to a reader), its notebook is :func:`example_notebook`'s
    (the one committed under ``notebooks/en``: no Python version in it), and
    its archive is rewritten too: sphinx-gallery's carries the files'
    modification times, so two builds of the same commit would differ.  A
    page without a catalog gets the English text, as the page shows it.
    """
    if exception or app.builder.name != "html":
        return
    from autograd_site.sphinxext.gallery import Gallery

    gallery = Gallery(app)
    language = app.config.language
    targets = download_targets(app)
    for example in gallery.example_paths():
        script, notebook, archive = (targets.get(f"{example.stem}{suffix}") for suffix in (".py", ".ipynb", ".zip"))
        if script is None:
            continue
        gettext = None if language == "en" else page_gettext(
            app, gallery.page(example).relative_to(app.srcdir).with_suffix("").as_posix())
        blocks = example_blocks(example, language, gettext)
        script.write_text(script_source(blocks), encoding="utf-8")
        written = [script]
        if notebook is not None:
            notebook.write_bytes(notebook_bytes(blocks, example.parent))
            written.append(notebook)
        if archive is not None:
            write_zip(archive, written)
    logger.info(f"autograd_site: downloads written for {app.config.language}")
