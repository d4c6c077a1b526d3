"""Keep each matplotlib figure an example draws, so that it can be redrawn in another language.

sphinx-gallery's matplotlib scraper saves every open figure as
``images/sphx_glr_<example>_NNN.png`` and closes it.  This scraper runs it
and, first, pickles each figure beside its picture
(``images/sphx_glr_<example>_NNN.pickle``): the Japanese and French builds
redraw the figure from it with the page's catalog strings
(:mod:`autograd_site.sphinxext.figure_text`), without running the example
again.  The pickles are build products, like the pictures; no page links them.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from sphinx_gallery.scrapers import matplotlib_scraper

SUFFIX = ".pickle"


def figure_state(picture: str | Path) -> Path:
    """Where the pickled figure of a gallery picture lies."""
    return Path(picture).with_suffix(SUFFIX)


def scrape(block, block_vars, gallery_conf, **kwargs) -> str:
    """sphinx-gallery image scraper: matplotlib's, which also keeps each figure's state."""
    import matplotlib.pyplot as plt

    taken = []

    def paths():  # the picture paths the matplotlib scraper takes: one per figure, in figure order
        for path in block_vars["image_path_iterator"]:
            taken.append(path)
            yield path

    states = [pickle.dumps(plt.figure(number), protocol=pickle.HIGHEST_PROTOCOL) for number in plt.get_fignums()]
    rst = matplotlib_scraper(block, {**block_vars, "image_path_iterator": paths()}, gallery_conf, **kwargs)
    for picture, state in zip(taken, states, strict=True):
        figure_state(picture).write_bytes(state)
    return rst
