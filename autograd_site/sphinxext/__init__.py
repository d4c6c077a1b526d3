"""The Sphinx extension: the project's behaviour, wired into Sphinx's events by stage.

How one build of one language goes, in the order Sphinx runs it::

    config-inited        per-language URLs, repository_url is on GitHub (links),
                         configuration paths that hash the same in every clone
                         (compat), lock docs/auto_examples and forget stale
                         executions (gallery)
    builder-inited       [sphinx-gallery executes the examples and writes their pages]
    env-get-outdated     pages whose CUDA record appeared since they were read
    env-before-read-docs unlock docs/auto_examples, verify every captured output
                         against its record (gallery)
    source-read          badge, GPU records and graph figures on example pages,
                         "Open in Colab" links (colab)
    [Sphinx translates each page with locale/<lang>/LC_MESSAGES/<page>.po]
    doctree-read         translated pages depend on the theme-string catalog
    doctree-resolved     EN toggles and untranslated marks (original_text), translated thumbnails, captions as alt text, figure alt texts,
                         matplotlib figures redrawn with the page's translations (figure_text)
    html-page-context    language links, theme strings, 404 base, incomplete notice,
                         "improve this translation" link
    build-finished       translated downloads (the notebooks committed in notebooks/),
                         translated JavaScript strings
"""

import hashlib
from pathlib import Path

from autograd_site.languages import ALL
from autograd_site.sphinxext import (
    colab,
    downloads,
    figure_alt,
    figure_text,
    gallery,
    glossary,
    graph_figures,
    compat,
    links,
    original_text,
    search_fr,
    search_ja,
    solutions,
    translated_markup,
    translation_status,
    ui_strings,
)


def search_words_version() -> str:
    """A digest of the code that turns page text into search words (search_fr, search_ja).

    Sphinx keeps each page's search words in its saved environment and feeds
    the index only the pages it reads again: after a change to that code, a
    build would mix old and new words.  This digest is an ``env`` setting, so
    a change re-reads every page.
    """
    source = "".join(Path(module.__file__).read_text(encoding="utf-8") for module in (search_fr, search_ja))
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def before_gallery_generated(app, config) -> None:
    """Hold docs/auto_examples (see gallery.lock_generated_gallery) and forget stale runs."""
    gallery.lock_generated_gallery(app)
    gallery.invalidate_stale_executions(app)


def after_gallery_generated(app, env, docnames) -> None:
    """Fires after every builder-inited handler, sphinx-gallery's included (compat.GALLERY_GENERATED_AT)."""
    gallery.release_generated_gallery(app)
    gallery.verify_outputs(app)


def setup(app):
    app.add_config_value("languages", ALL, "html", types=[tuple])
    app.add_config_value("site_url", "https://example.org/", "html", types=[str])
    # Publish incomplete translations, with a notice on their pages (build --preview).
    app.add_config_value("autograd_preview", False, "html", types=[bool, int])
    # The repository the "improve this page/translation" and "Open in Colab" links point to (plain links).
    # "env": the Colab links are in the pages' source, so a change re-reads them.
    app.add_config_value("repository_url", "https://example.org/repository", "env", types=[str])
    app.add_config_value("repository_branch", "main", "env", types=[str])

    app.connect("config-inited", links.configure_urls)
    app.connect("config-inited", links.check_repository_url)
    app.connect("config-inited", compat.relative_config_paths)  # after sphinx-gallery's (priority 10)
    app.add_config_value("autograd_search_words", search_words_version(), "env", types=[str])
    app.add_search_language(search_fr.FrenchSearch)
    app.add_search_language(search_ja.JapaneseSearch)

    app.connect("config-inited", before_gallery_generated)
    app.connect("env-get-outdated", gallery.records_appeared)
    app.connect("env-before-read-docs", after_gallery_generated)
    app.connect("source-read", gallery.decorate_page)
    app.connect("source-read", colab.add_colab_links)

    app.connect("doctree-read", ui_strings.depend_on_ui_catalog)
    app.connect("doctree-resolved", gallery.translate_thumbnails)
    app.connect("doctree-resolved", graph_figures.caption_as_alt_text)
    app.connect("doctree-resolved", figure_alt.translate_alt_texts)
    app.connect("doctree-resolved", figure_text.translate_figures)

    app.connect("html-page-context", links.add_language_links)
    app.connect("html-page-context", ui_strings.translate_theme_texts)
    app.connect("html-page-context", links.base_for_404)
    app.connect("html-page-context", translation_status.add_incomplete_notice)
    app.connect("html-page-context", links.add_improve_link)
    app.add_css_file("autograd-site.css")
    app.add_js_file("accessible-navigation.js")

    app.connect("build-finished", downloads.translate_downloads)
    app.connect("build-finished", ui_strings.patch_js_translations)

    glossary.setup(app)
    solutions.setup(app)
    figure_text.setup(app)
    translation_status.setup(app)
    original_text.setup(app)
    translated_markup.setup(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
