"""The Sphinx extension: the project's behaviour, wired into Sphinx's events by stage.

How one build of one language goes, in the order Sphinx runs it::

    config-inited        per-language URLs (links), offline search splitter
    builder-inited       lock docs/auto_examples, forget stale executions,
                         [sphinx-gallery executes the examples], unlock,
                         verify every captured output against its record (gallery)
    env-get-outdated     pages whose CUDA record appeared since they were read
    source-read          badge, GPU records and graph figures on example pages
    [Sphinx translates each page with locale/<lang>/LC_MESSAGES/<page>.po]
    doctree-read         translated pages depend on the theme-string catalog
    doctree-resolved     translated thumbnails, captions as alt text, figure alt texts
    html-page-context    language links, theme strings, 404 base, incomplete notice
    build-finished       translated downloads, translated JavaScript strings
"""

from autograd_site.languages import ALL
from autograd_site.sphinxext import (
    downloads,
    figure_alt,
    gallery,
    glossary,
    graph_figures,
    incremental,
    links,
    original_text,
    translated_markup,
    translation_status,
    ui_strings,
)


def setup(app):
    app.add_config_value("languages", ALL, "html", types=[tuple])
    app.add_config_value("site_url", "https://example.org/", "html", types=[str])
    # Publish incomplete translations, with a notice on their pages (build --preview).
    app.add_config_value("autograd_preview", False, "html", types=[bool, int])

    app.connect("config-inited", links.configure_urls)
    app.connect("config-inited", links.add_search_splitter)

    # Before sphinx-gallery (priority 500) runs the examples, after it wrote them.
    app.connect("builder-inited", gallery.lock_generated_gallery, priority=399)
    app.connect("builder-inited", gallery.invalidate_stale_executions, priority=400)
    app.connect("builder-inited", gallery.release_generated_gallery, priority=599)
    app.connect("builder-inited", gallery.verify_outputs, priority=600)
    app.connect("env-get-outdated", gallery.records_appeared)
    app.connect("source-read", gallery.decorate_page)

    app.connect("doctree-read", ui_strings.depend_on_ui_catalog)
    app.connect("doctree-resolved", gallery.translate_thumbnails)
    app.connect("doctree-resolved", graph_figures.caption_as_alt_text)
    app.connect("doctree-resolved", figure_alt.translate_alt_texts)

    app.connect("html-page-context", links.add_language_links)
    app.connect("html-page-context", ui_strings.translate_theme_texts)
    app.connect("html-page-context", links.base_for_404)
    app.connect("html-page-context", translation_status.add_incomplete_notice)
    app.add_css_file("autograd-site.css")
    app.add_js_file("accessible-navigation.js")

    app.connect("build-finished", downloads.translate_downloads)
    app.connect("build-finished", ui_strings.patch_js_translations)

    glossary.setup(app)
    translation_status.setup(app)
    original_text.setup(app)
    translated_markup.setup(app)
    incremental.setup(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
