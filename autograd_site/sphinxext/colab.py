""""Open in Colab" on every example page, for the notebook in the page's language.

A plain link, beside the note that opens the page and after the downloads at
its end, to ``notebooks/<lang>/<chapter>/<example>.ipynb`` in the repository
that ``repository_url`` and ``repository_branch`` name (Colab opens it from
GitHub; the page loads nothing from there).  Those notebooks are committed
and kept up to date by ``nox -s i18n`` (``autograd_site/notebooks.py``).
The label is an interface string, translated in ``sphinx.po``.
"""

from __future__ import annotations

from html import escape

from sphinx.errors import ExtensionError

from autograd_site.notebooks import notebook_name
from autograd_site.sphinxext.compat import with_colab_links
from autograd_site.sphinxext.links import colab_url

LABEL = "Open in Colab"


def add_colab_links(app, docname: str, source: list[str]) -> None:
    """``source-read``: the two links on an example's page."""
    from sphinx.locale import get_translation

    from autograd_site.sphinxext.gallery import Gallery

    gallery = Gallery(app)
    example = gallery.example_for(docname)
    if example is None:
        return
    notebook = notebook_name(app.config.language, example.path.relative_to(gallery.examples))
    link = f'<a href="{escape(colab_url(app.config, notebook))}">{escape(str(get_translation("sphinx")(LABEL)))}</a>'
    linked = with_colab_links(source[0], f'<p class="autograd-colab">{link}</p>', f"<p>{link}</p>")
    if linked is None:
        raise ExtensionError(f"{docname}: sphinx-gallery's note or download links were not found in the "
                             "page, so it cannot get its \"Open in Colab\" links (see compat.with_colab_links)")
    source[0] = linked
