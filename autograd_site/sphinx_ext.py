"""Sphinx extension: wires the project's build behaviour into the events."""

from autograd_site import (
    figure_alt,
    gallery,
    glossary,
    graph_pictures,
    incremental,
    languages,
    original_text,
    translated_downloads,
    translation_status,
    ui_strings,
)


def setup(app):
    app.add_config_value("languages", ("en",), "html", types=[tuple])
    app.add_config_value("site_url", "https://example.org/", "html", types=[str])
    app.connect("config-inited", languages.configure_urls)
    # Publish incomplete translations, with a notice on their pages (build --preview).
    app.add_config_value("autograd_preview", False, "html", types=[bool, int])
    # Before sphinx-gallery (priority 500) runs the examples, after it wrote them.
    app.connect("builder-inited", gallery.lock_generated_gallery, priority=399)
    app.connect("builder-inited", gallery.invalidate_stale_executions, priority=400)
    app.connect("builder-inited", gallery.release_generated_gallery, priority=599)
    app.connect("builder-inited", gallery.verify_outputs, priority=600)
    app.connect("source-read", gallery.decorate_page)
    app.connect("env-get-outdated", gallery.records_appeared)
    app.connect("doctree-read", ui_strings.depend_on_ui_catalog)
    app.connect("doctree-resolved", gallery.translate_thumbnails)
    app.connect("doctree-resolved", graph_pictures.caption_as_alt_text)
    app.connect("doctree-resolved", figure_alt.translate_alt_texts)
    app.connect("html-page-context", languages.add_language_links)
    app.connect("html-page-context", ui_strings.translate_theme_texts)
    app.connect("html-page-context", languages.base_for_404)
    app.connect("html-page-context", translation_status.add_incomplete_notice)
    app.add_css_file("autograd-site.css")
    app.add_js_file("accessible-navigation.js")
    app.connect("build-finished", translated_downloads.translate_downloads)
    app.connect("build-finished", ui_strings.patch_js_translations)
    app.connect("config-inited", languages.add_search_splitter)
    glossary.setup(app)
    translation_status.setup(app)
    original_text.setup(app)
    incremental.setup(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
