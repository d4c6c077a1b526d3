"""Downloads in the reader's language.

sphinx-gallery writes each example's ``.py``, ``.ipynb`` and ``.zip`` once,
in English, and every language's pages link to them.  After a Japanese or
French build, this module rewrites that language's copies: the text cells
take the page's translations (the same catalog entries as the page), the
code stays exactly as it is, so the downloads still run standalone.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
import zipfile
from pathlib import Path

from sphinx.util import logging

from autograd_site.languages import UNSPACED
from autograd_site.sphinxext.compat import (
    Block,
    download_targets,
    jupyter_notebook,
    remove_config_comments,
    save_notebook,
    split_code_and_text_blocks,
)
from autograd_site.sphinxext.locale import page_gettext

logger = logging.getLogger(__name__)

UNDERLINE = re.compile(r"^([=\-~^])\1{2,}$")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so that two builds give the same archive


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
    they mean nothing to a reader), and its archive is rewritten too:
    sphinx-gallery's carries the files' modification times, so two builds of
    the same commit would differ.
    """
    if exception or app.builder.name != "html":
        return
    from autograd_site.sphinxext.gallery import Gallery

    gallery = Gallery(app)
    wrap = None if app.config.language in UNSPACED else 76
    targets = download_targets(app)
    for example in gallery.example_paths():
        script, notebook, archive = (targets.get(f"{example.stem}{suffix}") for suffix in (".py", ".ipynb", ".zip"))
        english = app.config.language == "en"
        gettext = None if english else page_gettext(
            app, gallery.page(example).relative_to(app.srcdir).with_suffix("").as_posix())
        if (gettext is None and not english) or script is None:
            continue
        _, blocks = split_code_and_text_blocks(example)[:2]
        translated = [
            Block(kind, remove_config_comments(content) if kind == "code"
                  else content if english else translate_rst(content, gettext, wrap), line)
            for kind, content, line in blocks
        ]
        script.write_text(script_source(translated), encoding="utf-8")
        written = [script]
        if notebook is not None and app.config.language != "en":
            save_notebook(jupyter_notebook(translated, app.config.sphinx_gallery_conf, script.parent), notebook)
            written.append(notebook)
        if archive is not None:
            write_zip(archive, written + ([notebook] if notebook is not None and notebook not in written else []))
    logger.info(f"autograd_site: downloads written for {app.config.language}")
