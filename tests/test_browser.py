"""The built site in a real browser: Chromium, driven by Playwright, over HTTP on 127.0.0.1.

What the HTML alone shows (every link and resource exists) is test_site's;
these tests check what only a browser sees.  Screenshots and accessibility
reports go to test-artifacts/ (not committed) for a person to look at.
"""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import subprocess
from urllib.parse import quote
from urllib.request import urlopen

import pytest
from axe_playwright_python.sync_playwright import Axe
from fontTools.ttLib import TTFont
from PIL import Image
from playwright.sync_api import sync_playwright
from sphinx_gallery.py_source_parser import remove_config_comments

from autograd_site.build import math_font
from autograd_site.examples.cells import parse_example
from autograd_site.sphinxext import search_fr, search_ja
from browser import CHROMIUM, Requests, serve
from helpers import LANGUAGES, ROOT, SITE, SITE_PATH, built_pages

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"
EXAMPLE = "auto_examples/02_autograd/plot_01_first_gradient.html"
PAGE_PROBLEMS = """() => {
  const problems = [];
  for (const image of document.images) {
    if (!image.complete || image.naturalWidth === 0) problems.push(`broken image ${image.getAttribute("src")}`);
  }
  return problems;
}"""


@pytest.fixture(scope="module")
def site():
    server, url = serve(SITE, SITE_PATH)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM, "Chromium is needed for the browser tests: apt-get install chromium (.ci/run does)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """Open a URL in a fresh context; ``screenshot="name"`` also saves test-artifacts/screenshots/name.png."""
    contexts = []

    def open_(url, locale="en-US", viewport=(1280, 900), screenshot=None, **options):
        context = browser.new_context(locale=locale, viewport=dict(zip(("width", "height"), viewport)), **options)
        contexts.append(context)
        requests = Requests()
        context.route("**/*", requests.route)
        page = context.new_page()
        page.on("response", requests.record_failure)
        page.goto(url, wait_until="networkidle")
        if screenshot:
            (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
            page.screenshot(path=ARTIFACTS / "screenshots" / f"{screenshot}.png", full_page=False)
        return page, requests

    yield open_
    for context in contexts:
        context.close()


def page_problems(page, requests: Requests, name: str, language: str) -> list[str]:
    """Everything wrong with a loaded page, each problem naming the page."""
    problems = [f"{name}: {problem}" for problem in page.evaluate(PAGE_PROBLEMS)]
    problems += [f"{name}: request to another host: {url}" for url in requests.foreign]
    problems += [f"{name}: {failure}" for failure in requests.failed]
    lang = page.evaluate("document.documentElement.lang")
    if lang != language:
        problems.append(f"{name}: <html lang={lang!r}>, expected {language!r}")
    return problems


def check_pages(open_page, site_url: str, names: list[str]) -> list[str]:
    """Load each page (``<language>/<path>``); report broken images, failed or foreign requests, wrong language."""
    problems = []
    page, requests = open_page("about:blank")
    for name in names:
        requests.local.clear(), requests.foreign.clear(), requests.failed.clear()
        page.goto(site_url + name, wait_until="networkidle")
        problems += page_problems(page, requests, name, name.split("/")[0])
    return problems


@pytest.mark.parametrize(("locale", "language"), [("ja-JP", "ja"), ("fr-FR", "fr"), ("en-GB", "en"), ("de-DE", "en")])
def test_root_page_sends_the_browser_to_its_language(open_page, site, locale, language):
    page, _ = open_page(site, locale=locale)
    page.wait_for_url(f"**{SITE_PATH}{language}/index.html")


SCRIPT = re.compile(r'<script[^>]* src="([^"?]+)')
IMAGE = re.compile(r'<img[^>]* src="[^"]+\.(\w+)"')


def one_page_of_each_kind(language: str) -> list[str]:
    """The first page of each kind: the scripts it runs, math or not, the image formats it shows.

    What a browser does with a page depends on its kind; that every page's
    links and resources exist is test_site's (static, every page).
    """
    kinds = {}
    for path in built_pages(language):
        html = path.read_text(encoding="utf-8")
        kind = (frozenset(SCRIPT.findall(html)) - {"searchindex.js"}, "<math " in html,
                frozenset(IMAGE.findall(html)), "sphx-glr-thumbcontainer" in html)
        kinds.setdefault(kind, path.relative_to(SITE).as_posix())
    return sorted(kinds.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_kind_of_page_loads_offline_with_its_images_in_its_language(open_page, site, language):
    names = one_page_of_each_kind(language)
    assert len(names) >= 6, names  # home, docs, gallery, examples with plots and with graphs, search...
    assert check_pages(open_page, site, names) == []


def test_checks_name_the_page_and_the_fault(open_page, tmp_path):
    broken = tmp_path / "site"
    shutil.copytree(SITE, broken, copy_function=os.symlink)  # links, but for the files planted below

    def plant(name: str, old: str, new: str) -> None:
        page = broken / name
        html = page.read_text(encoding="utf-8")
        assert old in html, f"{name} no longer contains {old!r}: plant the fault elsewhere"
        page.unlink()
        page.write_text(html.replace(old, new, 1), encoding="utf-8")

    example = "en/auto_examples/02_autograd/plot_07_autograd_grad.html"
    picture = next((broken / "_images").glob("*/sphx_glr_plot_07_autograd_grad_001.png"))
    picture.unlink()
    address = picture.relative_to(broken).as_posix()
    plant("ja/install.html", "</head>", '<script src="https://cdn.example.com/tracker.js"></script></head>')
    plant("fr/glossary.html", '<html lang="fr"', '<html lang="de"')
    plant("fr/glossary.html", "</head>", '<link rel="stylesheet" href="_static/missing.css"></head>')
    server, url = serve(broken, SITE_PATH)
    try:
        problems = check_pages(open_page, url, [example, "ja/install.html", "fr/glossary.html", "fr/index.html"])
    finally:
        server.shutdown()
    assert sorted(problems) == sorted([
        f"{example}: broken image ../../../{address}",
        f"{example}: 404 {url}{address}",
        "ja/install.html: request to another host: https://cdn.example.com/tracker.js",
        f"fr/glossary.html: 404 {url}fr/_static/missing.css",
        "fr/glossary.html: <html lang='de'>, expected 'fr'",
    ])


@pytest.mark.parametrize("language", LANGUAGES)
def test_math_renders_offline(open_page, site, language):
    """The browser lays the MathML out as math: a fraction's numerator sits above its denominator."""
    page, requests = open_page(site + f"{language}/auto_examples/02_autograd/plot_05_forward_and_reverse_mode.html")
    assert page.locator("math").count() > 10
    fraction = page.locator("div.math mfrac").first
    numerator, denominator = (fraction.locator(f":scope > :nth-child({n})").bounding_box() for n in (1, 2))
    assert numerator["y"] + numerator["height"] <= denominator["y"] + 1, (numerator, denominator)
    assert page.locator("annotation").first.bounding_box() is None  # the LaTeX source is not shown
    assert requests.foreign == []


def ink_height(png: bytes) -> int:
    """Rows of a screenshot that hold dark pixels: the height of what is drawn, not of the box."""
    image = Image.open(io.BytesIO(png)).convert("L")
    rows = [y for y in range(image.height) if image.crop((0, y, image.width, y + 1)).getextrema()[0] < 128]
    return rows[-1] - rows[0] + 1 if rows else 0


def test_matrix_brackets_stretch_around_their_rows(open_page, site):
    """With a MATH-table font (autograd-site.css) the browser draws a pmatrix's parentheses as tall as its rows.

    Without one (Chromium's default ``font-family: math`` here) the box of the
    ``<mo>`` still stretches but the glyph is drawn at text size: 14 px of ink
    against a 62 px matrix.
    """
    page, _ = open_page(site + "en/auto_examples/03_vector_jacobian/plot_01_non_scalar_outputs.html")
    matrix = page.locator("div.math mtable").first
    bracket = matrix.locator("xpath=preceding-sibling::*[1]")
    assert bracket.text_content() == "("
    assert ink_height(bracket.screenshot()) >= 0.8 * matrix.bounding_box()["height"], page.evaluate(
        "getComputedStyle(document.querySelector('math')).fontFamily")


MATRIX_PAGE = "en/auto_examples/03_vector_jacobian/plot_01_non_scalar_outputs.html"


def bracket_and_matrix_heights(page, family: str, face: str = "") -> tuple[int, float]:
    """The ink of a pmatrix's "(" and the matrix's height, with ``family`` the only font of the math."""
    page.add_style_tag(content=face + f'math {{ font-family: "{family}" !important; }}')
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_load_state("networkidle")
    matrix = page.locator("div.math mtable").first
    bracket = matrix.locator("xpath=preceding-sibling::*[1]")
    assert bracket.text_content() == "("
    return ink_height(bracket.screenshot()), matrix.bounding_box()["height"]


def test_the_sites_own_math_font_alone_stretches_a_matrix_s_brackets(open_page, site):
    """A reader with no system math font: autograd-math.woff (build/math_font.py) is fetched and draws the matrix."""
    page, requests = open_page(site + MATRIX_PAGE)
    ink, height = bracket_and_matrix_heights(page, math_font.FAMILY)
    assert any(url.endswith(f"/{math_font.FONT.name}") for url in requests.local), "the font was not fetched"
    assert page.evaluate(f"document.fonts.check('16px \"{math_font.FAMILY}\"', '\u2211')")
    assert ink >= 0.8 * height, f"{ink} px of bracket for a {height} px matrix"


def test_the_same_font_without_its_math_table_does_not_stretch_them(open_page, site):
    """The check above fails for a font that cannot stretch: the same subset, its MATH table removed."""
    font = TTFont(math_font.FONT)
    del font["MATH"]
    data = io.BytesIO()
    font.save(data)
    face = ('@font-face { font-family: "No MATH"; '
            f'src: url(data:font/woff;base64,{base64.b64encode(data.getvalue()).decode()}) format("woff"); }}\n')
    page, _ = open_page(site + MATRIX_PAGE)
    ink, height = bracket_and_matrix_heights(page, "No MATH", face)
    assert ink < 0.5 * height, f"{ink} px of bracket for a {height} px matrix"


@pytest.mark.parametrize("page", [MATRIX_PAGE, "ja/" + MATRIX_PAGE.removeprefix("en/")])
def test_a_reader_with_a_system_math_font_does_not_fetch_the_sites_own(open_page, site, page):
    """DejaVu Math TeX Gyre (.ci/run installs fonts-dejavu-extra) draws every formula; the Japanese page has
    \\text{ のとき}, which the site's font's unicode-range leaves to the text fonts."""
    assert "DejaVu Math TeX Gyre" in subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    opened, requests = open_page(site + page)
    opened.evaluate("document.fonts.ready.then(() => true)")
    opened.wait_for_load_state("networkidle")
    assert opened.locator("math").count() > 0
    assert not [url for url in requests.local if url.endswith(f"/{math_font.FONT.name}")]


def test_copy_button_copies_exactly_the_code_of_the_cell(open_page, site):
    """The reader gets the source's code: no prompts, no output, no config comments."""
    page, _ = open_page(site + "en/" + EXAMPLE, permissions=["clipboard-read", "clipboard-write"])
    cells = parse_example(ROOT / "examples" / "02_autograd" / "plot_01_first_gradient.py").cells
    blocks = page.locator("div.highlight-Python")
    assert blocks.count() == len(cells)
    for index in (2, 3):  # 2 declares its graph in a config comment; both show output under them
        block = blocks.nth(index)
        output = block.locator("xpath=following-sibling::div[1][contains(@class, 'sphx-glr-script-out')]")
        block.hover()
        block.locator("button.copybtn").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == remove_config_comments(cells[index].code).strip(), f"cell {index}"
        assert output.inner_text().strip().splitlines()[0] not in copied


def pages_containing(language: str, text: str) -> set[str]:
    """Pages whose article (not the navigation) contains ``text``."""
    found = set()
    for path in built_pages(language):
        article = re.search(r'<article class="bd-article">(.*?)</article>', path.read_text(encoding="utf-8"), re.S)
        if article and text in re.sub(r"<[^>]+>", "", article[1]):
            found.add(path.relative_to(SITE / language).as_posix())
    return found


def search(open_page, site: str, language: str, query: str) -> set[str]:
    page, _ = open_page(site + f"{language}/search.html?q={quote(query)}")
    page.wait_for_function("document.querySelector('#search-results p.search-summary')?.textContent.length > 0")
    links = page.eval_on_selector_all("#search-results ul.search li a", "links => links.map(l => l.getAttribute('href'))")
    return {link.split("#")[0] for link in links}


@pytest.mark.parametrize("query", ["計算グラフ", "葉テンソル", "勾配降下法", "葉でないテンソル"])
def test_japanese_query_without_spaces_finds_every_page_that_contains_it(open_page, site, query):
    expected = pages_containing("ja", query)
    assert expected, f"no Japanese page contains {query}"
    missing = expected - search(open_page, site, "ja", query)
    assert not missing, f"searching {query} misses {sorted(missing)}"


def test_the_search_pages_fold_queries_as_the_index_folds_words(open_page):
    """The JavaScript halves, run in the browser, agree with the Python halves that built the index."""
    page, _ = open_page("about:blank")
    page.add_script_tag(content=search_fr.FrenchSearch.js_stemmer_code)
    words = ["dérivée", "derivee", "Dérivées", "dériver", "nœud", "NOEUDS", "élémentaire", "ex", "æquo", "été",
             "gradient", "オプティマイザ"]
    french = search_fr.FrenchSearch({})
    assert page.evaluate("words => words.map((w) => new Stemmer().stemWord(w))", words) == [french.stem(w) for w in words]

    page, _ = open_page("about:blank")
    page.add_script_tag(content=search_ja.SPLIT_QUERY)
    queries = ["パラメーター", "パラメータ", "スカラー値", "ユーザー・ガイド", "キー", "ﾊﾟﾗﾒｰﾀｰ", "パラメーター更新 grad"]
    expected = [[run or word for run, word in search_ja.JapaneseSearch({}).tokens.findall(search_ja.fold_long_vowels(q))]
                for q in queries]
    assert page.evaluate("queries => queries.map(splitQuery)", queries) == expected


@pytest.mark.parametrize(
    ("accented", "plain"), [("dérivée", "derivee"), ("différentiation", "differentiation"), ("nœud", "noeud")]
)
def test_french_search_finds_the_same_pages_with_or_without_accents(open_page, site, accented, plain):
    found = search(open_page, site, "fr", accented)
    missing = pages_containing("fr", accented) - found
    assert not missing, f"searching {accented} misses {sorted(missing)}"
    assert search(open_page, site, "fr", plain) == found


def test_french_results_highlight_the_page_spelling_of_a_query_without_accents(open_page, site):
    page, _ = open_page(site + "fr/search.html?q=derivee")
    page.wait_for_function("document.querySelectorAll('#search-results p.context span.highlighted').length > 0")
    highlighted = {text.lower() for text in page.eval_on_selector_all(
        "#search-results p.context span.highlighted", "spans => spans.map(s => s.textContent)")}
    assert "dérivée" in highlighted or "dérivées" in highlighted, highlighted


@pytest.mark.parametrize(
    ("long", "short"), [("パラメーター", "パラメータ"), ("オプティマイザー", "オプティマイザ"), ("スカラー", "スカラ")]
)
def test_japanese_search_finds_the_same_pages_with_or_without_the_final_long_vowel(open_page, site, long, short):
    found = search(open_page, site, "ja", long)
    expected = pages_containing("ja", short)  # either spelling: the short one is in both
    assert expected and not expected - found, f"searching {long} misses {sorted(expected - found)}"
    assert search(open_page, site, "ja", short) == found


def test_japanese_search_keeps_the_long_vowel_of_a_two_character_word(open_page, site):
    expected = pages_containing("ja", "キー")
    assert expected and not expected - search(open_page, site, "ja", "キー")


@pytest.mark.parametrize(
    ("language", "query", "page"),
    [
        ("en", "retain_graph", "auto_examples/03_vector_jacobian/plot_04_retain_graph.html"),
        ("fr", "rétropropagation", "auto_examples/02_autograd/plot_03_computation_graph.html"),
        ("ja", "逆伝播", "auto_examples/02_autograd/plot_03_computation_graph.html"),
    ],
)
def test_search_finds_the_page(open_page, site, language, query, page):
    assert page in search(open_page, site, language, query)


AXE = Axe()


def axe_violations(page, url: str, name: str) -> list[str]:
    """Every axe violation of one page, all impacts: "page: rule (impact): target" for each element."""
    page.goto(url, wait_until="load")
    violations = AXE.run(page).response["violations"]
    return [
        f"{name}: {v['id']} ({v['impact']}): {' '.join(map(str, node['target']))}"
        for v in violations
        for node in v["nodes"]
    ]


def audit(browser, site_url: str, names: list[str], color_scheme: str = "light") -> list[str]:
    """Audit pages (``<language>/<path>``) one after the other in one browser page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=color_scheme)
    try:
        page = context.new_page()
        return [problem for name in names for problem in axe_violations(page, site_url + name, name)]
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_on_any_page(browser, site, language):
    """Every page of the language, every rule axe runs by default, every impact (minor included)."""
    names = [path.relative_to(SITE).as_posix() for path in built_pages(language)]
    violations = audit(browser, site, names)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{language}.txt").write_text("\n".join(violations), encoding="utf-8")
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_in_the_dark_theme(browser, site, language):
    """The dark theme (the reader's system asks for it): one page of each kind, its colours differ, not its markup."""
    violations = audit(browser, site, one_page_of_each_kind(language), color_scheme="dark")
    assert violations == [], "\n".join(violations)


def test_axe_audit_names_the_page_the_rule_and_the_element(browser, tmp_path):
    """The audit catches an image without a text alternative, and passes the same page with one."""
    page = '<!DOCTYPE html><html lang="en"><head><title>{0}</title></head><body><main><h1>{0}</h1>{1}</main></body></html>'
    (tmp_path / "bad.html").write_text(page.format("Bad", '<img src="x.png">'), encoding="utf-8")
    (tmp_path / "good.html").write_text(page.format("Good", '<img src="x.png" alt="A cross">'), encoding="utf-8")
    server, url = serve(tmp_path)
    try:
        assert audit(browser, url, ["bad.html", "good.html"]) == ["bad.html: image-alt (critical): img"]
    finally:
        server.shutdown()


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_layout_has_no_horizontal_scrolling(open_page, site, language):
    phone, _ = open_page(site + f"{language}/{EXAMPLE}", viewport=(390, 844), screenshot=f"{language}-phone-example")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
    prose = phone.locator("article p").first.bounding_box()
    assert prose["x"] >= 0 and prose["x"] + prose["width"] <= 390


@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_address_shows_the_404_page_in_its_language(open_page, site, language):
    """The host serves the root 404 page (the first language's), which sends other languages to theirs."""
    missing = site + f"{language}/auto_examples/no_such_page.html"
    page, requests = open_page(missing)
    page.wait_for_url(missing if language == LANGUAGES[0] else site + f"{language}/404.html")
    assert page.evaluate("document.documentElement.lang") == language
    assert page.locator("article h1").count() == 1
    assert requests.foreign == [] and [f for f in requests.failed if "no_such_page" not in f] == []
    home = page.evaluate("""document.querySelector('article a[href$="index.html"]').href""")
    assert home == site + f"{language}/index.html" and urlopen(home).status == 200


@pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)])
@pytest.mark.parametrize("language", ["ja", "fr"])
def test_english_panel_shows_the_source_below_its_text_without_covering_the_code(open_page, site, language, viewport):
    """The EN panel of a paragraph followed by code: the msgid's markup in monospace, in the flow, above the code."""
    page, _ = open_page(site + f"{language}/{EXAMPLE}", viewport=viewport)
    assert page.locator("article h1 .autograd-original-toggle").count() == 1, "the title has no toggle"
    paragraph = page.locator("p.autograd-translated:has(+ div[class*='highlight'])").first
    code = page.locator("p.autograd-translated + div[class*='highlight']").first
    gap_before = code.bounding_box()["y"] - paragraph.bounding_box()["y"]
    paragraph.locator(".autograd-original-toggle").click()
    panel = paragraph.locator(".autograd-original")
    assert panel.is_visible()
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "screenshots" / f"{language}-{viewport[0]}px-english-panel.png")
    box, code_after = panel.bounding_box(), code.bounding_box()
    assert box["y"] + box["height"] <= code_after["y"], "the panel covers the next code block"
    assert code_after["y"] - paragraph.bounding_box()["y"] > gap_before, "the panel is not in the page's flow"
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport[0]
    source = panel.locator("code.autograd-original-source")
    assert "``" in source.inner_text(), "the panel shows the text without its markup"
    assert "monospace" in source.evaluate("e => getComputedStyle(e).fontFamily").lower()
    catalog = panel.locator("a.autograd-original-catalog").inner_text()
    assert catalog.startswith(f"locale/{language}/LC_MESSAGES/auto_examples/02_autograd/plot_01_first_gradient.po:")
    page.keyboard.press("Escape")
    assert not panel.is_visible()


SEARCH_FILES = ("searchindex.js", "searchtools.js", "language_data.js")


def search_files(requests: Requests) -> list[str]:
    """The search machinery a page asked for: the index and the scripts that read it."""
    return sorted({name for url in requests.local for name in SEARCH_FILES if url.split("?")[0].endswith("/" + name)})


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_loads_its_search_index_only_when_the_reader_searches(open_page, site, language):
    """No page loads the index (144 KB of Japanese) until the reader searches: then it loads, and finds."""
    query = {"en": "retain_graph", "ja": "逆伝播", "fr": "rétropropagation"}[language]
    page, requests = open_page(site + f"{language}/{EXAMPLE}")
    assert page.locator("article h1").count() == 1 and search_files(requests) == []
    page.locator(".navbar-header-items__end button.search-button__button").click()
    field = page.locator("#pst-search-dialog input[name=q]")
    field.fill(query)
    assert search_files(requests) == [], "typing in the search field, before searching, loads the index"
    field.press("Enter")
    page.wait_for_url(f"**/{language}/search.html?q=*")
    page.wait_for_function("document.querySelector('#search-results p.search-summary')?.textContent.length > 0")
    assert search_files(requests) == sorted(SEARCH_FILES), "the search page did not load the index"
    assert page.locator("#search-results ul.search li a").count() > 0


# One row: every item of the header shares a band of height with every other.
HEADER = """() => {
  const header = document.querySelector("header.bd-header");
  const items = [...header.querySelectorAll(
    ".navbar-header-items__start > .navbar-item, .navbar-header-items__center > .navbar-item, "
    + ".navbar-header-items__end > .navbar-item")].filter((item) => item.checkVisibility());
  const boxes = items.map((item) => item.getBoundingClientRect());
  return {height: header.getBoundingClientRect().height, items: items.length,
          oneRow: Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom)),
          right: Math.max(...boxes.map((b) => b.right))};
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_is_one_row_at_1280_px(open_page, site, language):
    page, _ = open_page(site + f"{language}/{EXAMPLE}", screenshot=f"{language}-1280px-header")
    header = page.evaluate(HEADER)
    assert header["items"] >= 4, header  # title, links, search, language...
    assert header["oneRow"] and header["height"] <= 80 and header["right"] <= 1280, header


def test_the_header_check_sees_two_rows(open_page, site):
    page, _ = open_page(site + f"fr/{EXAMPLE}")
    page.add_style_tag(content=".bd-header .bd-navbar-elements { letter-spacing: 0.4em; }")  # longer labels
    header = page.evaluate(HEADER)
    assert not header["oneRow"] and header["height"] > 80, header


# Every element seen on the page whose right edge passes the viewport's.  One
# that a scrolling or clipping box (a code block, a wide table) keeps inside
# the viewport is not seen past it; the theme's article container, which
# scrolls, does not count: a reader would scroll the whole article sideways.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const article = document.querySelector("article.bd-article");
  const keptInside = (element) => {
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.clip !== "auto" || style.clipPath !== "none") return true;
      if (article && parent.contains(article)) continue;
      if (style.overflowX !== "visible") return parent.getBoundingClientRect().right <= width + 0.5;
    }
    return false;
  };
  const found = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (!box.width || !box.height || !element.checkVisibility({visibilityProperty: true})) continue;
    if (style.clip !== "auto" || style.clipPath !== "none") continue;  // visually hidden, for screen readers
    if (box.right > width + 0.5 && !keptInside(element)) {
      found.push(`<${element.tagName.toLowerCase()} class="${element.className}"> ends at ${Math.round(box.right)} px`);
    }
  }
  return found;
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_passes_the_right_edge_of_a_phone(open_page, site, language):
    problems = []
    page, _ = open_page("about:blank", viewport=(390, 844))
    for name in one_page_of_each_kind(language):
        page.goto(site + name, wait_until="networkidle")
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            problems.append(f"{name}: the page scrolls sideways")
        problems += [f"{name}: {element}" for element in page.evaluate(OVERFLOWING)]
    assert problems == []


def test_the_phone_check_sees_an_element_past_the_edge_and_not_one_in_a_scrolling_box(open_page, site):
    page, _ = open_page(site + f"en/{EXAMPLE}", viewport=(390, 844))
    page.evaluate("""() => {
      const article = document.querySelector("article");
      article.insertAdjacentHTML("afterbegin",
        '<div class="planted-scrolling" style="overflow-x: auto"><div style="width: 900px">wide table</div></div>'
        + '<span class="planted-hidden" style="position: absolute; clip: rect(0 0 0 0); width: 900px">for screen readers</span>'
        + '<div class="planted-wide" style="width: 700px">too wide</div>');
    }""")
    found = page.evaluate(OVERFLOWING)
    assert any('class="planted-wide"' in element for element in found), found
    assert not any("planted-scrolling" in element or "planted-hidden" in element for element in found), found
