"""Contract tests: each assumption of ``autograd_site/sphinxext/compat.py`` still holds upstream.

One test per item of compat.py.  Each fails with the assumption it checks,
so that an upgrade of Sphinx, sphinx-gallery or the theme names what broke.
Most run against a tiny project built once, in Japanese, with the pinned
sphinx-gallery, theme and sphinx-notfound-page.
"""

import copy
import io
import json
import re
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import sphinx_gallery
from docutils import nodes
from docutils.core import publish_doctree
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util._serialise import stable_hash
from sphinx_gallery import backreferences, gen_gallery, gen_rst
from sphinx_gallery.directives import ImageSg

import pydata_sphinx_theme
from autograd_site.sphinxext import compat
from autograd_site.sphinxext.original_text import ORIGINAL
from autograd_site.sphinxext.search_ja import SPLIT_QUERY

ENGLISH = "Gradients flow backwards through the graph."
JAPANESE = "勾配は計算グラフを逆向きに流れる。"

TINY = {
    "conf.py": """
        import copy

        extensions = ["sphinx_gallery.gen_gallery", "notfound.extension"]
        html_theme = "pydata_sphinx_theme"
        language = "ja"
        locale_dirs = ["locale/"]
        gettext_compact = False
        sphinx_gallery_conf = {"examples_dirs": "examples", "gallery_dirs": "gallery"}
        notfound_urls_prefix = "/ja/"


        def setup(app):
            from autograd_site.sphinxext import compat
            from autograd_site.sphinxext.original_text import KeepOriginalText
            from autograd_site.sphinxext.search_ja import JapaneseSearch

            seen = app.contract_seen = {}

            def before_ours(app, config):
                seen["static"] = list(config.html_static_path)

            def after_all(app, config):
                hashed = config.filter(frozenset({"html"}))
                seen["html"] = {item.name: copy.deepcopy(item.value) for item in hashed}

            app.connect("config-inited", before_ours, priority=499)
            app.connect("config-inited", compat.relative_config_paths)
            app.connect("config-inited", after_all, priority=999)
            app.add_search_language(JapaneseSearch)
            app.add_transform(KeepOriginalText)
        """,
    "index.rst": f"""
        Home
        ====

        {ENGLISH}

        :download:`the script <script.py>`
        """,
    "404.rst": """
        Page not found
        ==============

        Go back :doc:`home <index>`.
        """,
    "script.py": 'print("hello")\n',
    "examples/README.txt": "Gallery\n=======\n",
    "locale/ja/LC_MESSAGES/index.po": f"""
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=utf-8\\n"

        msgid "{ENGLISH}"
        msgstr "{JAPANESE}"
        """,
}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The tiny project, built: ``(app, started, finished)`` with the build's times in ns."""
    root = tmp_path_factory.mktemp("tiny")
    for name, text in TINY.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    app = Sphinx(root, root, root / "_build", root / "_doctrees", "html", status=None, warning=io.StringIO())
    started = time.time_ns()
    app.build()
    return app, started, time.time_ns()


def test_sphinx_hashes_the_configuration_as_config_inited_left_it(tiny):
    app, _, _ = tiny
    seen = app.contract_seen
    assert sphinx_gallery.glr_path_static() in seen["static"], (
        "sphinx-gallery no longer adds its static folder before config-inited handlers of default priority: "
        "compat.relative_config_paths runs too early")
    buildinfo = (Path(app.outdir) / ".buildinfo").read_text(encoding="utf-8")
    assert f"config: {stable_hash(seen['html'])}" in buildinfo, (
        "Sphinx no longer hashes into .buildinfo the html values as config-inited left them: "
        "compat.relative_config_paths no longer keeps .buildinfo the same in every clone")
    theme_folder = str(Path(pydata_sphinx_theme.__file__).parent.resolve())
    assert not any(theme_folder in path for path in seen["html"]["templates_path"]), (
        "the theme now adds its templates folder before Sphinx hashes the configuration")


def test_relative_config_paths_keeps_outside_folders_and_relativises_inside_ones(tmp_path):
    config = SimpleNamespace(html_static_path=["_static", str(tmp_path / ".nox" / "s")],
                             templates_path=["/elsewhere/t"])
    compat.relative_config_paths(SimpleNamespace(confdir=tmp_path), config)
    assert config.html_static_path == ["_static", ".nox/s"]
    assert config.templates_path == ["/elsewhere/t"]


class _Recorder:
    """Stands in for the Sphinx application while sphinx-gallery's setup runs."""

    extensions = {}

    def __init__(self):
        self.handlers = {}

    def connect(self, event, handler, priority=500):
        self.handlers[handler.__name__] = event

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


def test_sphinx_gallery_generates_the_gallery_at_builder_inited():
    recorder = _Recorder()
    gen_gallery.setup(recorder)
    assert recorder.handlers.get("generate_gallery_rst") == compat.GALLERY_GENERATED_AT, (
        "sphinx-gallery no longer writes the gallery at builder-inited: env-before-read-docs may not "
        "see it written (sphinxext.after_gallery_generated)")


def test_the_generated_rest_has_the_markers_the_gallery_module_reads():
    header = gen_rst.RST_BLOCK_HEADER.format(7, 12)
    assert [m.groups() for m in compat.GENERATED.finditer(header)] == [("7", "12")], (
        "sphinx-gallery's '.. GENERATED FROM PYTHON SOURCE LINES a-b' marker changed")
    output = gen_rst.CODE_OUTPUT.format(textwrap.indent("x = 1\n\ny = 2\n", " " * 4))
    found = compat.OUTPUT.search(output)
    assert found and textwrap.dedent(found["body"]).strip() == "x = 1\n\ny = 2", (
        "sphinx-gallery's captured-output block (CODE_OUTPUT) changed")


def test_a_thumbnail_is_an_opening_with_the_tooltip_a_link_then_the_title():
    html = backreferences.THUMBNAIL_TEMPLATE.format(
        tags="", intro="The intro", thumbnail="images/t.png", doc_name="gallery/plot_x", title="The title")
    marks = (compat.THUMBNAIL_OPENING, ":doc:", compat.THUMBNAIL_TITLE_CLASS)
    assert all(mark in html for mark in marks), f"sphinx-gallery's thumbnail no longer has all of {marks}"
    opening, link, title = (html.index(mark) for mark in marks)
    assert opening < link < title, "a thumbnail is no longer: raw opening, :doc: link, raw title"
    assert 'tooltip="Intro"' in compat.with_tooltip(html[:link], "Intro"), "the thumbnail's tooltip changed"
    assert ">Title</div>" in compat.with_title(html[link:], "Title"), "the thumbnail title block changed"


def test_gallery_figures_are_gallery_image_nodes_with_the_alt_text():
    directives.register_directive("image-sg", ImageSg)
    doctree = publish_doctree(".. image-sg:: /images/figure.png\n   :alt: Loss over steps\n")
    assert [node["alt"] for node in doctree.findall(compat.GalleryImage)] == ["Loss over steps"], (
        "sphinx-gallery's image-sg no longer makes an imgsgnode carrying the alt text")


def test_sphinx_gallery_splits_an_example_into_blocks_and_writes_notebooks(tiny, tmp_path):
    app, _, _ = tiny
    example = tmp_path / "plot_x.py"
    example.write_text('"""\nTitle\n=====\n\nIntro.\n"""\n\n# sphinx_gallery_thumbnail_number = 1\nx = 1\n'
                       "\n# %%\n# Text.\n\nprint(x)\n", encoding="utf-8")
    _, blocks = compat.split_code_and_text_blocks(example)[:2]
    assert [block.type for block in blocks] == ["text", "code", "text", "code"], (
        "split_code_and_text_blocks no longer gives one block per cell")
    assert blocks[0]._fields == ("type", "content", "lineno"), "Block is no longer (type, content, lineno)"
    assert "sphinx_gallery_" not in compat.remove_config_comments(blocks[1].content), (
        "remove_config_comments no longer drops sphinx_gallery_ comments")
    blocks[2] = compat.Block("text", "Texte.", blocks[2].lineno)
    cells = compat.jupyter_notebook(blocks, app.config.sphinx_gallery_conf, tmp_path)["cells"]
    assert any("Texte." in "".join(cell["source"]) for cell in cells), "notebooks are written otherwise"
    # The site's notebook settings are all jupyter_notebook reads, and give what the gallery's defaults give.
    site = compat.jupyter_notebook(blocks, copy.deepcopy(compat.NOTEBOOK_CONF), tmp_path)
    assert site == compat.jupyter_notebook(blocks, gen_gallery._fill_gallery_conf_defaults({}), tmp_path), (
        "sphinx-gallery's notebook defaults changed: update compat.NOTEBOOK_CONF")


def test_conf_py_leaves_the_notebook_settings_at_their_defaults():
    from helpers import CONF

    assert not set(CONF["sphinx_gallery_conf"]) & set(compat.NOTEBOOK_CONF), (
        "conf.py sets a notebook setting: the notebooks (notebooks/, the downloads) use compat.NOTEBOOK_CONF")


def test_an_example_page_opens_with_the_download_note_and_ends_with_the_archive():
    rst = (gen_rst.EXAMPLE_HEADER.format("gallery/plot_x.py", "gallery_plot_x.py", ".")
           + "Title\n=====\n\n" + gen_rst.NOTEBOOK_DOWNLOAD.format("plot_x.ipynb")
           + gen_rst.CODE_DOWNLOAD.format("plot_x.py", "Python") + gen_rst.ZIP_DOWNLOAD.format("plot_x.zip"))
    linked = compat.with_colab_links(rst, "<p>TOP</p>", "<p>END</p>")
    assert linked is not None, "sphinx-gallery's download note or archive container (EXAMPLE_HEADER, ZIP_DOWNLOAD) changed"
    plain = re.sub(r":\w+:`[^`]*`", "x", linked.replace(".. only:: html", ".. container:: only-html"))
    doctree = publish_doctree(plain, settings_overrides={"report_level": 5})
    note = next(node for node in doctree.findall(nodes.container) if "only-html" in node["classes"])
    assert "<p>TOP</p>" in [raw.astext() for raw in note.findall(nodes.raw)], "the top link is not in the note"
    assert doctree.astext().rstrip().endswith("<p>END</p>"), "the footer link is not after the downloads"
    assert compat.with_colab_links("Title\n=====\n", "a", "b") is None


def test_download_targets_finds_where_sphinx_copied_each_download(tiny):
    app, _, _ = tiny
    target = compat.download_targets(app).get("script.py")
    assert target is not None and target.read_text() == 'print("hello")\n', (
        "env.dlfiles no longer maps each source to (docnames, destination under _downloads/)")


def test_sphinx_records_when_it_read_a_page_in_microseconds(tiny):
    app, started, finished = tiny
    read = compat.read_time_ns(app.env, "index")
    assert read is not None and started - 1_000 <= read <= finished, (
        "env.all_docs no longer holds read times in microseconds since the epoch")


def test_a_transform_before_locale_sees_the_english_and_locale_marks_translations(tiny):
    app, _, _ = tiny
    paragraph = next(p for p in app.env.get_doctree("index").findall(nodes.paragraph) if p.get(ORIGINAL))
    assert paragraph.astext() == JAPANESE and paragraph[ORIGINAL] == ENGLISH, (
        "the transform at compat.BEFORE_LOCALE no longer sees the English of a translated paragraph")
    assert paragraph.get(compat.TRANSLATED), "Sphinx no longer marks translated nodes with node['translated']"


def test_sphinx_compiles_each_catalog_beside_it(tiny):
    app, _, _ = tiny
    catalog = Path(app.srcdir) / "locale" / "ja" / "LC_MESSAGES" / "index.po"
    assert compat.compiled_catalog(catalog).exists(), "Sphinx no longer compiles a catalog beside its .po"


@pytest.mark.parametrize("key", compat.THEME_TEXT_KEYS)
def test_the_theme_shows_these_context_values(key):
    theme = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
    template = theme / compat.THEME_TEXT_KEYS[key]
    assert key in template.read_text(encoding="utf-8"), f"the theme's {template.name} no longer shows {key}"


def test_the_search_page_javascript_strings_are_one_add_translations_call(tiny):
    app, _, _ = tiny
    script = (Path(app.outdir) / "_static" / "translations.js").read_text(encoding="utf-8")
    call, data = compat.read_js_translations(script)
    assert call.strip() == "Documentation.addTranslations" and isinstance(data.get("messages"), dict), (
        "Sphinx's translations.js is no longer Documentation.addTranslations({...messages...})")
    assert compat.read_js_translations(compat.js_translations(call, data)) == (call, data)


def test_sphinx_puts_the_japanese_query_splitter_in_the_search_page(tiny):
    """Documented (SearchLanguage.js_splitter_code), checked because the search depends on it verbatim."""
    app, _, _ = tiny
    assert SPLIT_QUERY in (Path(app.outdir) / "_static" / "language_data.js").read_text(encoding="utf-8")
    indexed_word = json.dumps("計算グラフ")  # a substring of the page's run, as the JSON index writes it
    assert indexed_word in (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")


def test_notfound_leaves_the_links_in_the_page_text_relative(tiny):
    app, _, _ = tiny
    page = (Path(app.outdir) / "404.html").read_text(encoding="utf-8")
    assert 'src="/ja/_static/' in page, "sphinx-notfound-page no longer makes asset URLs absolute"
    assert 'href="index.html"' in page, (
        "sphinx-notfound-page now rewrites the links in the page text: links.base_for_404 may go")
