"""The built site, as a reader gets it: languages, links and offline pages."""

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import polib
import pytest

from autograd_site.build.shared_files import lighten_png
from helpers import LANGUAGES, REPOSITORY, ROOT, SITE, SITE_PATH, SITE_URL, built_pages


class Page(HTMLParser):
    """The parts of a page these tests look at."""

    def __init__(self, path: Path):
        super().__init__()
        self.lang, self.alternates, self.switcher, self.resources = None, {}, {}, []
        self._in_switcher = 0
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if tag == "div" and "language-switcher" in attrs.get("class", ""):
            self._in_switcher += 1
        if tag == "a" and self._in_switcher and "hreflang" in attrs:
            self.switcher[attrs["hreflang"]] = attrs["href"]
        for name in ("src", "href") if tag in {"script", "img", "iframe", "source"} else ():
            if attrs.get(name):
                self.resources.append(attrs[name])
        if tag == "link" and attrs.get("rel") in {"stylesheet", "preload", "icon", "modulepreload"}:
            self.resources.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "ul" and self._in_switcher:
            self._in_switcher -= 1


def resolve(page: Path, href: str) -> Path:
    """The file a link points to; site-absolute links (the 404 pages') start at the site's path."""
    path = urlsplit(href).path
    if path.startswith("/"):
        assert path.startswith(SITE_PATH), f"{page}: {href} is outside the site ({SITE_URL})"
        return (SITE / path.removeprefix(SITE_PATH)).resolve()
    return (page.parent / path).resolve()


def test_root_page_links_every_language():
    """Without JavaScript; the redirect by browser language is test_browser's."""
    root = SITE / "index.html"
    html = root.read_text(encoding="utf-8")
    page = Page(root)
    for language in LANGUAGES:
        assert f'href="{language}/index.html"' in html
        assert resolve(root, page.alternates[language]) == (SITE / language / "index.html").resolve()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_to_itself_in_every_language(language):
    for path in built_pages(language):
        page = Page(path)
        relative = path.relative_to(SITE / language)
        assert page.lang == language, f"{path}: <html lang={page.lang!r}>"
        for other in LANGUAGES:
            expected = (SITE / other / relative).resolve()
            assert resolve(path, page.switcher[other]) == expected, f"{path}: switcher to {other}"
            assert resolve(path, page.alternates[other]) == expected, f"{path}: hreflang {other}"
            assert expected.exists(), f"{path}: {other} version missing"


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_load_nothing_from_another_host(language):
    stylesheets = set()
    for path in built_pages(language):
        for url in Page(path).resources:
            parts = urlsplit(url)
            assert not parts.scheme and not parts.netloc, f"{path} loads {url}"
            assert resolve(path, url).exists(), f"{path}: {url} is missing"
            stylesheets.update({resolve(path, url)} if parts.path.endswith(".css") else ())
    assert len(stylesheets) > 5
    for css in stylesheets:
        assert not re.search(r"(url\(|@import)\s*['\"]?(https?:)?//", css.read_text(errors="replace")), css


@pytest.mark.parametrize("language", LANGUAGES)
def test_math_is_mathml_written_at_build_time_with_no_mathjax(language):
    page = SITE / language / "auto_examples" / "02_autograd" / "plot_05_forward_and_reverse_mode.html"
    html = page.read_text(encoding="utf-8")
    assert html.count('<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">') > 10
    assert html.count('display="block">') >= 3  # the three .. math:: blocks
    assert '<annotation encoding="application/x-tex">\\bar y_2 = y_3,' in html  # the source, for tools
    assert not (SITE / language / "_static" / "mathjax").exists()
    for path in built_pages(language):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]*mathjax", html, re.I) and 'class="math-error"' not in html, path


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_show_no_addresses_or_build_paths(language):
    for path in built_pages(language):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"object at 0x[0-9a-f]+", html), path
        assert str(SITE.parents[1]) not in html, f"{path} shows the build machine's path"


def test_example_page_shows_code_output_and_figure():
    page = SITE / "en" / "auto_examples" / "02_autograd" / "plot_01_first_gradient.html"
    html = page.read_text(encoding="utf-8")
    assert "x.grad = tensor(8.)" in html
    images = re.findall(r'<img[^>]+src="([^"]+sphx_glr_plot_01_first_gradient_\d{3}\.png)"', html)
    assert images and resolve(page, images[0]).exists()


def test_gpu_cell_shows_that_its_output_is_not_yet_recorded():
    html = (SITE / "en" / "auto_examples" / "01_tensors" / "plot_05_devices.html").read_text()
    assert "Runs on CPU; some cells need a GPU" in html
    assert "gpu-output-missing" in html


@pytest.mark.parametrize(
    ("language", "title", "theme_text"),
    [("ja", "はじめての勾配", 'placeholder="ドキュメントを検索…"'), ("fr", "Votre premier gradient", 'placeholder="Rechercher dans la documentation…"')],
)
def test_translated_pages_are_in_their_language(language, title, theme_text):
    example = SITE / language / "auto_examples" / "02_autograd" / "plot_01_first_gradient.html"
    html = example.read_text(encoding="utf-8")
    assert f"<title>{title}" in html
    assert theme_text in html, f"theme strings of {example} are not in {language}"
    index = (SITE / language / "auto_examples" / "index.html").read_text(encoding="utf-8")
    assert f'<div class="sphx-glr-thumbnail-title">{title}</div>' in index


@pytest.mark.parametrize("language", ["ja", "fr"])
def test_translated_paragraphs_reveal_their_english_source_and_catalog(language):
    """The EN panel shows the msgid as the catalog holds it (markup kept), under the catalog's path and line."""
    page = "auto_examples/02_autograd/plot_01_first_gradient"
    html = (SITE / language / f"{page}.html").read_text(encoding="utf-8")
    toggles = re.findall(r'<button type="button" class="autograd-original-toggle" aria-expanded="false" '
                         r'aria-controls="([\w-]+)"', html)
    assert len(toggles) >= 5
    panels = dict(re.findall(r'<span id="([\w-]+)" class="autograd-original" lang="en" hidden>(.*?)</span>', html))
    assert set(toggles) <= set(panels)
    catalog_file = f"locale/{language}/LC_MESSAGES/{page}.po"
    catalog = polib.pofile(str(ROOT / catalog_file))
    lines = (ROOT / catalog_file).read_text(encoding="utf-8").splitlines()
    source = re.compile(r'<a class="autograd-original-catalog" href="([^"]+)">([^<]+)</a>'
                        r'<code class="autograd-original-source">([^<]*)</code>')
    shown = [source.fullmatch(panel) for panel in panels.values()]
    assert all(shown), "a panel without its catalog and source"
    messages = {unescape(match[3]): match for match in shown}
    markup = next(m for m in messages if m.startswith("``requires_grad=True`` tells :term:`autograd`"))
    href, where = messages[markup][1], messages[markup][2]
    path, line = where.rsplit(":", 1)
    assert path == catalog_file and href == f"{REPOSITORY}/blob/main/{catalog_file}#L{line}"
    assert lines[int(line) - 1].startswith("msgstr"), "the line is not the msgstr's"
    assert catalog.find(markup) is not None, "the panel does not show the msgid"
    assert "Your first gradient" in messages, "the page title has no toggle"
    assert re.search(r"<h1[^>]*>[^<]*<button [^>]*autograd-original-toggle", html), "the heading has no toggle"
    figures = (SITE / language / "auto_examples/03_vector_jacobian/plot_04_retain_graph.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="[^"]*caption-text">.*?<button [^>]*autograd-original-toggle', figures), "no caption toggle"
    english = (SITE / "en" / f"{page}.html").read_text()
    assert "autograd-original-toggle" not in english


def test_myst_pages_show_their_source_as_the_translator_matches_it():
    html = (SITE / "ja" / "translation-status.html").read_text(encoding="utf-8")
    sources = [unescape(s) for s in re.findall(r'<code class="autograd-original-source">([^<]*)</code>', html)]
    assert "To help, read {doc}`translating`." in sources


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("page", "source"), [
    ("auto_examples/02_autograd/plot_01_first_gradient", "examples/02_autograd/plot_01_first_gradient.py"),
    ("auto_examples/index", "examples/README.rst"),
    ("install", "docs/install.md"),
])
def test_each_page_links_to_what_improves_it(language, page, source):
    """English: the page's source; a translation: its catalog. Plain links to the configured repository."""
    html = (SITE / language / f"{page}.html").read_text(encoding="utf-8")
    links = re.findall(r'<p class="autograd-improve"><a href="([^"]+)">([^<]+)</a>', html)
    path = source if language == "en" else f"locale/{language}/LC_MESSAGES/{page}.po"
    assert (ROOT / path).exists()
    label = {"en": "Improve this page", "ja": "この翻訳を改善する", "fr": "Améliorer cette traduction"}[language]
    assert links == [(f"{REPOSITORY}/blob/main/{path}", label)]


@pytest.mark.parametrize("language", ["ja", "fr"])
def test_figure_alt_text_is_in_the_page_language(language):
    title = "The derivative is zero where f turns"
    catalog = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "auto_examples/02_autograd/plot_07_autograd_grad.po"))
    translated = catalog.find(title).msgstr
    html = (SITE / language / "auto_examples" / "02_autograd" / "plot_07_autograd_grad.html").read_text(encoding="utf-8")
    alts = {unescape(alt) for alt in re.findall(r'<img[^>]* alt="([^"]*)"', html)}
    assert translated in alts and title not in alts


@pytest.mark.parametrize("language", ["ja", "fr"])
def test_matplotlib_figures_are_drawn_in_the_page_language(language):
    """Every plot on a translated page is its own picture, redrawn with the catalog's texts."""
    plots = 0
    for english in (SITE / "en" / "auto_examples").rglob("plot_*.html"):
        translated = SITE / language / english.relative_to(SITE / "en")
        english_plots = re.findall(r'<img src="([^"]*sphx_glr_\w+_\d{3}\.png)"', english.read_text(encoding="utf-8"))
        shown = re.findall(r'<img src="([^"]*sphx_glr_\w+_\d{3}[.\w]*\.png)"', translated.read_text(encoding="utf-8"))
        assert [Path(src).name.replace(f".{language}.png", ".png") for src in shown] == [
            Path(src).name for src in english_plots], translated
        for src, original in zip(shown, english_plots):
            assert src.endswith(f".{language}.png"), f"{translated}: {src} is the English picture"
            picture = (translated.parent / src).resolve().read_bytes()
            assert picture != (english.parent / original).resolve().read_bytes(), f"{translated}: {src}"
            plots += 1
    assert plots >= 12


@pytest.mark.parametrize("language", LANGUAGES)
def test_translation_status_page_lists_every_page(language):
    """Per translation: a one-line summary, then every page with headed columns and its catalog; 404 last."""
    html = (SITE / language / "translation-status.html").read_text(encoding="utf-8")
    tables = re.findall(r"<table[^>]*autograd-translation-status.*?</table>", html, re.S)
    assert len(tables) == 2
    pages = len(built_pages("en")) - 2  # not genindex and search
    summary = {"en": f"All {pages} pages are fully translated.", "ja": f"全 {pages} ページの翻訳が完了しています。",
               "fr": f"Les {pages} pages sont entièrement traduites."}[language]
    assert html.count(summary) == 2
    for table, translation in zip(tables, sorted(["ja", "fr"], key=lambda t: t != language)):
        headers = re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)
        assert len(headers) == 5 and all(re.sub(r"<[^>]+>", "", h).strip() for h in headers), headers
        rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]
        assert len(rows) == pages
        assert all("<p>100 %</p>" in row for row in rows), "a published page is not fully translated"
        assert "404.html" in rows[-1], "the 404 page is not after the content pages"
        catalogs = [re.search(r'<a class="reference external" href="([^"]+)"><code[^>]*><span class="pre">([^<]+)<', row)
                    for row in rows]
        assert all(catalogs)
        assert all(c[2].startswith(f"locale/{translation}/LC_MESSAGES/") and c[2].endswith(".po") for c in catalogs)
        assert all(c[1] == f"{REPOSITORY}/blob/main/{c[2]}" and (ROOT / c[2]).exists() for c in catalogs)


def test_sitemap_lists_every_page_in_every_language_with_alternates():
    sitemap = (SITE / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<url>\s*<loc>([^<]+)</loc>(.*?)</url>", sitemap, re.S)
    pages = {language: [p for p in built_pages(language) if p.name not in {"genindex.html", "search.html", "404.html"}]
             for language in LANGUAGES}
    assert len(urls) == sum(len(found) for found in pages.values())
    for loc, alternates in urls:
        hreflangs = re.findall(r'hreflang="([^"]+)"', alternates)
        assert sorted(hreflangs) == sorted([*LANGUAGES, "x-default"]), loc
    assert "Sitemap: " in (SITE / "robots.txt").read_text()


@pytest.mark.parametrize(("language", "title", "locale"),
                         [("en", "Your first gradient", "en_US"), ("ja", "はじめての勾配", "ja_JP"),
                          ("fr", "Votre premier gradient", "fr_FR")])
def test_link_preview_metadata_is_in_the_page_language(language, title, locale):
    html = (SITE / language / "auto_examples" / "02_autograd" / "plot_01_first_gradient.html").read_text(encoding="utf-8")
    meta = dict(re.findall(r'<meta property="og:(\w+)" content="([^"]*)"', html))
    assert meta["title"] == title and meta["locale"] == locale
    assert meta["image"].endswith(f"/{language}/_static/social-card-{language}.png")
    description = unescape(meta["description"])
    intro = {"en": "Autograd records", "ja": "autograd は、勾配を必要とする", "fr": "Autograd enregistre"}[language]
    assert description.startswith(intro), description
    assert (SITE / language / "_static" / f"social-card-{language}.png").exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_a_404_page_at_the_site_address(language):
    html = (SITE / language / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in html and f'<base href="{SITE_PATH}{language}/"' in html
    assert f'<meta property="og:url" content="{SITE_URL}{language}/404.html" />' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_terms_link_to_their_row_in_the_page_language(language):
    """A ``:term:`` reference, kept by the translation, lands on its row of the same language's glossary."""
    glossary = (SITE / language / "glossary.html").read_text(encoding="utf-8")
    rows = set(re.findall(r'<tr class="[^"]*" id="(term-[^"]+)"|<tr id="(term-[^"]+)"', glossary))
    rows = {row for pair in rows for row in pair if row}
    assert rows, f"{language}/glossary.html has no term rows"
    pages = [page for page in built_pages(language) if "auto_examples" in page.parts and page.stem.startswith("plot_")]
    without, dangling = [], []
    for page in pages:
        targets = re.findall(r'href="(?:\.\./)*glossary\.html#(term-[^"]+)"', page.read_text(encoding="utf-8"))
        if not targets:
            without.append(page.name)
        dangling += [f"{page.name}: #{target}" for target in targets if target not in rows]
    assert not without, f"{language}: pages without a glossary link: {without}"
    assert not dangling, f"{language}: links to no glossary row: {dangling}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_picture_stays_above_the_download_buttons(language):
    """A picture belongs to the cell that made it, never after the page's download buttons."""
    misplaced = []
    for page in built_pages(language):
        html = page.read_text(encoding="utf-8")
        footer = html.find('class="sphx-glr-footer')
        if footer < 0:
            continue
        if re.search(r"<img [^>]*(?:sphx-glr-single-img|_images/sphx_glr)", html[footer:]):
            misplaced.append(page.name)
    assert not misplaced, f"{language}: pictures below the download buttons: {misplaced}"


def test_every_gallery_card_shows_its_page_picture(tmp_path):
    """No card shows sphinx-gallery's placeholder, and the cards are the same in every language."""
    import sphinx_gallery
    from sphinx_gallery.utils import scale_image

    placeholder = tmp_path / "placeholder.png"
    scale_image(str(Path(sphinx_gallery.__file__).parent / "_static" / "no_image.png"), str(placeholder), 400, 280)
    lighten_png(placeholder)  # as publishing stores it
    cards = {}
    for language in LANGUAGES:
        index = (SITE / language / "auto_examples" / "index.html").read_text(encoding="utf-8")
        thumbs = re.findall(r'<img [^>]*src="([^"]*_thumb\.(?:png|svg))"', index)
        assert thumbs, f"{language}: the gallery shows no cards"
        cards[language] = {Path(src).name: (SITE / language / "auto_examples" / src).resolve().read_bytes()
                           for src in thumbs}
    placeholders = sorted(name for name, data in cards["en"].items() if data == placeholder.read_bytes())
    assert not placeholders, f"cards showing the placeholder: {placeholders}"
    assert all(cards[language] == cards["en"] for language in LANGUAGES)


SUMMARY = {"en": "Solution", "ja": "解答", "fr": "Solution"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_exercise_solutions_are_folded_with_their_output(language):
    """Each ``# %% [solution]`` cell opens on demand: a <details> holding its code and its output."""
    from autograd_site.examples import list_examples
    from autograd_site.examples.cells import parse_example

    exercises = [path for path in list_examples(ROOT / "examples") if any(c.solution for c in parse_example(path).cells)]
    assert exercises, "no example declares a solution"
    for path in exercises:
        page = SITE / language / "auto_examples" / path.parent.name / f"{path.stem}.html"
        html = page.read_text(encoding="utf-8")
        folds = re.findall(r'<details class="solution">\s*<summary>(.*?)</summary>(.*?)</details>', html, re.S)
        expected = sum(1 for cell in parse_example(path).cells if cell.solution)
        assert len(folds) == expected, f"{language}/{page.name}: {len(folds)} folded solutions, expected {expected}"
        for summary, body in folds:
            assert summary == SUMMARY[language], f"{language}/{page.name}: summary {summary!r}"
            assert "highlight-Python" in body and "sphx-glr-script-out" in body, f"{language}/{page.name}"


def test_each_picture_is_one_file_for_every_language_and_no_source_map_is_published():
    """Pictures live once, in the site's _images, named by content (build/shared_files.py)."""
    assert not [language for language in LANGUAGES if (SITE / language / "_images").exists()]
    pictures = [path for path in (SITE / "_images").rglob("*") if path.is_file()]
    assert len(pictures) > 100
    folders = {}
    for path in pictures:  # the same bytes (two examples may draw the same graph) are in one folder
        folders.setdefault(path.read_bytes(), set()).add(path.parent)
    assert [sorted(map(str, found)) for found in folders.values() if len(found) > 1] == []
    assert not list(SITE.rglob("*.map"))


COLAB_LABELS = {"en": "Open in Colab", "ja": "Colab で開く", "fr": "Ouvrir dans Colab"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_example_opens_in_colab_in_its_language(language):
    """Two plain links, in the top note and after the downloads, to the committed notebook of the page's language."""
    from autograd_site.examples import list_examples

    owner_repo = urlsplit(REPOSITORY).path.strip("/")
    examples = list_examples(ROOT / "examples")
    assert examples
    for example in examples:
        relative = example.relative_to(ROOT / "examples")
        page = SITE / language / "auto_examples" / relative.with_suffix(".html")
        html = page.read_text(encoding="utf-8")
        notebook = f"notebooks/{language}/{relative.with_suffix('.ipynb').as_posix()}"
        href = f"https://colab.research.google.com/github/{owner_repo}/blob/main/{notebook}"
        assert (ROOT / notebook).is_file(), f"{page}: {notebook} is not in the repository"
        top = re.search(r'class="sphx-glr-download-link-note.*?</div>', html, re.S)[0]
        footer = re.search(r'class="sphx-glr-footer.*?</section>', html, re.S)[0]
        link = f'<a href="{href}">{COLAB_LABELS[language]}</a>'
        assert f'<p class="autograd-colab">{link}</p>' in top, f"{page}: no Colab link in the top note"
        assert f'<div class="sphx-glr-download autograd-colab docutils container">\n<p>{link}</p>' in footer, (
            f"{page}: no Colab link after the downloads")
        assert html.count("colab.research.google.com") == 2, page
