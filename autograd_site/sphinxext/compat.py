"""Every reliance on undocumented behaviour of Sphinx, sphinx-gallery and the theme, in one place.

Each item says which upstream version it was checked against (the pins of
``pyproject.toml``: Sphinx 9.0.4, sphinx-gallery 0.22.1, pydata-sphinx-theme
0.24.0, myst-parser 5.2.0, sphinx-notfound-page 1.1.0), and
``tests/test_compat.py`` has one contract test per item that fails, naming
the assumption, when an upgrade breaks it.  Where a documented API does the
job, the project uses it instead and nothing about it is here.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from sphinx.transforms.i18n import Locale
from sphinx.util.nodes import extract_messages  # noqa: F401 - re-exported for original_text
from sphinx_gallery.directives import imgsgnode
from sphinx_gallery.notebook import jupyter_notebook  # noqa: F401 - for downloads
from sphinx_gallery.py_source_parser import (  # noqa: F401 - for downloads
    Block,
    remove_config_comments,
    split_code_and_text_blocks,
)

# -- Configuration that names the environment (Sphinx 9.0.4, sphinx-gallery 0.22.1) ----------------
# Sphinx hashes the "html" configuration values, as config-inited leaves
# them, into .buildinfo.  sphinx-gallery (config-inited, priority 10) appends
# the absolute paths of its own folders to these two values, so the hash of
# two clones, each with its environment inside it (nox's .nox/), differed.
# Paths inside the project are written relative to it instead, as conf.py
# writes its own; they name the same folders.  (The theme adds its folder
# later, when the builder loads it: after the hash.)
PATH_VALUES = ("html_static_path", "templates_path")


def relative_config_paths(app, config) -> None:
    """``config-inited``, after sphinx-gallery's handler: folders inside the project, relative to it."""
    project = Path(app.confdir)
    for name in PATH_VALUES:
        paths = [Path(path) for path in getattr(config, name)]
        inside = [path.is_absolute() and path.is_relative_to(project) for path in paths]
        setattr(config, name, [os.path.relpath(p, project) if i else str(p) for p, i in zip(paths, inside)])


# -- When sphinx-gallery writes docs/auto_examples (sphinx-gallery 0.22.1) --------------------------
# It generates and executes the gallery in a builder-inited handler, so
# env-before-read-docs (documented to fire later, before Sphinx reads a page)
# sees the gallery written.
GALLERY_GENERATED_AT = "builder-inited"

# -- The reST sphinx-gallery generates (sphinx-gallery 0.22.1, gen_rst.RST_BLOCK_HEADER, CODE_OUTPUT) --
GENERATED = re.compile(r"^\.\. GENERATED FROM PYTHON SOURCE LINES (\d+)-(\d+)\n", re.M)
OUTPUT = re.compile(
    r"^\.\. rst-class:: sphx-glr-script-out\n\n \.\. code-block:: none\n\n(?P<body>(?:(?: {4}.*)?\n)*)",
    re.M,
)

# -- Gallery thumbnails (sphinx-gallery 0.22.1, backreferences.THUMBNAIL_TEMPLATE) -------------------
# A thumbnail is a raw HTML opening that carries the tooltip, the :doc: link,
# then a raw HTML block with the title; no catalog reaches the two raw parts.
THUMBNAIL_OPENING = "sphx-glr-thumbcontainer"
THUMBNAIL_TITLE_CLASS = "sphx-glr-thumbnail-title"
THUMBNAIL_TITLE = re.compile(rf'(<div class="{THUMBNAIL_TITLE_CLASS}">)(.*?)(</div>)', re.S)
TOOLTIP = re.compile(r'tooltip="[^"]*"')


def with_tooltip(opening_html: str, escaped_tooltip: str) -> str:
    """A thumbnail's raw opening with another (already HTML-escaped) tooltip."""
    return TOOLTIP.sub(lambda _: f'tooltip="{escaped_tooltip}"', opening_html)


def with_title(title_html: str, escaped_title: str) -> str:
    """A thumbnail's raw title block with another (already HTML-escaped) title."""
    return THUMBNAIL_TITLE.sub(lambda m: m[1] + escaped_title + m[3], title_html)


# -- Gallery figures (sphinx-gallery 0.22.1, directives.imgsgnode) ------------------------------------
# Figures are image-sg directives, which make this node with the figure's
# title as "alt", not a docutils image.
GalleryImage = imgsgnode


# -- Example downloads (Sphinx 9.0.4, env.dlfiles; sphinx-gallery 0.22.1, imported above) ------------
def download_targets(app) -> dict[str, Path]:
    """Where the build copied each ``:download:`` file, by file name."""
    # env.dlfiles maps each source file to (docnames, destination under _downloads/).
    downloads = Path(app.outdir, "_downloads")
    return {Path(source).name: downloads / target for source, (_, target) in app.env.dlfiles.items()}


# -- Notebooks (sphinx-gallery 0.22.1, notebook.jupyter_notebook) ------------------------------------
# The keys of the gallery configuration that jupyter_notebook reads, at
# sphinx-gallery's defaults (conf.py sets none of them).  The notebooks are
# made with these, in the build and outside it (notebooks/), so that both
# are the same bytes.  jupyter_notebook also writes the running Python's
# version into the metadata: downloads.notebook_bytes writes its own.
NOTEBOOK_CONF = {
    "first_notebook_cell": None,
    "last_notebook_cell": None,
    "pypandoc": False,
    "promote_jupyter_magic": False,
    "notebook_images": False,
    "rst_link_targets": {},
}

# -- The "Open in Colab" links (sphinx-gallery 0.22.1, gen_rst.EXAMPLE_HEADER, ZIP_DOWNLOAD) ---------
# An example page's generated reST opens with a note that sends the reader to
# the downloads at its end, and ends with the downloads, the archive last.
DOWNLOAD_NOTE = re.compile(r"^    \.\. note::\n        :class: sphx-glr-download-link-note\n\n(?:        \S.*\n)+", re.M)
ZIP_CONTAINER = re.compile(r"^    \.\. container:: sphx-glr-download sphx-glr-download-zip\n\n      :download:`[^`]*`\n", re.M)


def with_colab_links(rst: str, top_html: str, footer_html: str) -> str | None:
    """An example page's reST with raw HTML closing its top note and after its last download; ``None``
    when either place is not found."""
    note, archive = DOWNLOAD_NOTE.search(rst), ZIP_CONTAINER.search(rst)
    if note is None or archive is None or note.end() > archive.start():
        return None
    top = f"\n        .. raw:: html\n\n           {top_html}\n"
    footer = f"\n    .. container:: sphx-glr-download autograd-colab\n\n      .. raw:: html\n\n        {footer_html}\n"
    return rst[:note.end()] + top + rst[note.end():archive.end()] + footer + rst[archive.end():]


# -- When a page was read (Sphinx 9.0.4, builders.Builder.read_doc) -----------------------------------
def read_time_ns(env, docname: str) -> int | None:
    """When Sphinx last read ``docname``, in nanoseconds; ``None`` if never."""
    read = env.all_docs.get(docname)  # microseconds since the epoch (time.time_ns() // 1_000)
    return None if read is None else read * 1_000


# -- Translated paragraphs (Sphinx 9.0.4, transforms.i18n.Locale) -------------------------------------
# Locale translates at priority 20 and marks each node it translated with
# node["translated"]; a transform one step earlier still sees the English,
# one step later sees the translation.
BEFORE_LOCALE = Locale.default_priority - 1
AFTER_LOCALE = Locale.default_priority + 1
TRANSLATED = "translated"

# -- Page catalogs (Sphinx 9.0.4, gettext_auto_build) -------------------------------------------------


def compiled_catalog(po_path: Path) -> Path:
    """The ``.mo`` Sphinx compiles from a catalog as a build starts: beside it."""
    return po_path.with_suffix(".mo")


# -- Theme texts from configuration (PST 0.24.0 templates, Sphinx 9.0.4 basic theme) ------------------
# Template context keys whose values come from configuration, which no
# catalog reaches: where the theme shows each one.
THEME_TEXT_KEYS = {
    "theme_search_bar_text": "components/search-field.html",
    "theme_header_dropdown_text": "components/navbar-nav.html",
    "docstitle": "components/navbar-logo.html",
}


# -- The search page's JavaScript strings (Sphinx 9.0.4, _static/translations.js) ---------------------
def read_js_translations(script: str) -> tuple[str, dict]:
    """``Documentation.addTranslations({...});``: the call and its JSON argument."""
    call, _, rest = script.partition("(")
    return call, json.loads(rest.rsplit(")", 1)[0])


def js_translations(call: str, data: dict) -> str:
    return f"{call}({json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)});\n"


# -- The 404 page (sphinx-notfound-page 1.1.0) --------------------------------------------------------
# notfound makes the URLs of assets and navigation absolute, but not the
# links in the page's own text nor the language links: the page keeps a
# <base> (links.base_for_404) so that those resolve from the language root.
