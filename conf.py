"""Sphinx configuration shared by the English, Japanese and French builds.

One file for all three languages: the language comes from ``-D language=..``
(see ``autograd_site/build.py``); nothing here is edited per language.
"""

import os

from autograd_site.examples import FILENAME_PATTERN
from autograd_site.languages import ALL as languages  # noqa: F401 - a Sphinx setting

project = "PyTorch Autograd by Example"
author = "The PyTorch Autograd by Example contributors"
copyright = "2026, " + author

language = "en"

extensions = [
    "myst_parser",
    "sphinx_copybutton",
    "sphinx_gallery.gen_gallery",
    "sphinxext.opengraph",
    "notfound.extension",
    "autograd_site.sphinxext",
    "autograd_site.sphinxext.mathml",
]

root_doc = "index"
# Relative to this file; the folders extensions add are made relative too
# (compat.relative_config_paths), so that .buildinfo is the same in every clone.
templates_path = ["_templates"]
html_static_path = ["_static"]
myst_enable_extensions = ["dollarmath", "colon_fence"]
# Math becomes MathML when the page is written (autograd_site/sphinxext/mathml.py): no MathJax.
html_math_renderer = "mathml"

# -- Translations -------------------------------------------------------------
locale_dirs = ["../locale/"]  # relative to docs/, so .buildinfo is the same in every clone
gettext_compact = False  # one catalog per page
gettext_location = False  # no source line numbers: small diffs
gettext_uuid = False

# -- Examples -----------------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": "../examples",
    "gallery_dirs": "auto_examples",
    "filename_pattern": FILENAME_PATTERN,  # the one rule for which files are examples
    "within_subsection_order": "FileNameSortKey",
    # matplotlib's scraper, which also keeps each figure to redraw it in Japanese and French
    "image_scrapers": ("autograd_site.sphinxext.figure_capture.scrape", "autograd_site.sphinxext.graph_figures.scrape"),
    "capture_repr": (),  # pages show what the code prints, nothing implicit
    # No API cross-references from examples: reading every global's attributes
    # (a non-leaf tensor's .grad among them) only prints PyTorch's warnings.
    "inspect_global_variables": False,
    "abort_on_example_error": True,
    "min_reported_time": float("inf"),  # no timings on pages: they are not reproducible
    "write_computation_times": False,
    "show_signature": False,
    "download_all_examples": False,
    "remove_config_comments": True,
    # A hanging example stops the build, named (AUTOGRAD_EXAMPLE_TIMEOUT, default 300 s);
    # an example that draws a backward pass has its backward passes watched.
    "reset_modules": (
        "matplotlib",
        "autograd_site.examples.timeouts.gallery_hook",
        "autograd_site.sphinxext.graph_figures.watch_backward_passes",
    ),
    "reset_modules_order": "both",
}

# -- HTML ---------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = project
html_last_updated_fmt = None
html_theme_options = {
    "navbar_end": ["language-switcher", "theme-switcher"],
    # One header row at 1280 px in every language: the install page joins
    # the translators' pages in the theme's "More" menu.
    "header_links_before_dropdown": 3,
    # The search field opens the search page, the only page that loads the
    # search index (_templates/layout.html).
    "search_as_you_type": False,
    "secondary_sidebar_items": ["page-toc"],
    # The sidebar lists the chapters and the pages of the current one only:
    # the whole tree on every page was 15 kB of each page's HTML.
    "collapse_navigation": True,
    "show_prev_next": True,
    "footer_start": ["copyright"],
    "footer_end": [],
}
html_show_sourcelink = False
html_copy_source = False
copybutton_exclude = ".linenos, .gp, .go"

# -- Publishing ---------------------------------------------------------------
# Where the site is served (the Pages workflow sets it); each language lives
# under <site_url><language>/.  autograd_site derives the canonical URLs, the
# link-preview URLs and the 404 pages' prefix from it for each language.
site_url = os.environ.get("AUTOGRAD_SITE_URL") or "https://autograd-by-example.github.io/"
ogp_social_cards = {"enable": False}  # one static card per language instead
ogp_enable_meta_description = True
notfound_pagename = "404"
# The repository, for the plain "improve this translation" links of every
# page: its catalog on a translated page, its source on an English one.
repository_url = "https://github.com/autograd-by-example/pytorch-autograd-by-example"
repository_branch = "main"
