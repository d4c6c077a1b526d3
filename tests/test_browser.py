"""The built site in a real browser: Chromium, driven by Playwright, over HTTP on 127.0.0.1.

Screenshots and accessibility reports go to test-artifacts/ (not committed).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import quote
from urllib.request import urlopen

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from browser import CHROMIUM, Requests, serve
from helpers import LANGUAGES, ROOT, SITE, built_pages

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
    server, url = serve(SITE)
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
    contexts = []

    def open_(url, locale="en-US", viewport=(1280, 900), **options):
        context = browser.new_context(locale=locale, viewport=dict(zip(("width", "height"), viewport)), **options)
        contexts.append(context)
        requests = Requests()
        context.route("**/*", requests.route)
        page = context.new_page()
        page.on("response", requests.record_failure)
        page.goto(url, wait_until="networkidle")
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


def check_site(open_page, site_url: str, site: Path, language: str) -> list[str]:
    """Load every page of one language; check resources, language links and the page language."""
    problems = []
    context_page, requests = open_page(site_url + f"{language}/index.html")
    for path in built_pages(language, site):
        name = path.relative_to(site).as_posix()
        requests.local.clear(), requests.foreign.clear(), requests.failed.clear()
        context_page.goto(site_url + name, wait_until="networkidle")
        problems += page_problems(context_page, requests, name, language)
        links = context_page.eval_on_selector_all(
            '.language-switcher a[hreflang], link[rel="alternate"][hreflang]', "links => links.map(l => l.href)"
        )
        for link in set(links):
            try:
                urlopen(link).close()
            except OSError as error:
                problems.append(f"{name}: language link {link} is broken ({error})")
    return problems


@pytest.mark.parametrize(("locale", "language"), [("ja-JP", "ja"), ("fr-FR", "fr"), ("en-GB", "en"), ("de-DE", "en")])
def test_root_page_sends_the_browser_to_its_language(open_page, site, locale, language):
    page, _ = open_page(site, locale=locale)
    page.wait_for_url(f"**/{language}/index.html")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_loads_offline_with_its_images_and_language_links(open_page, site, language):
    assert check_site(open_page, site, SITE, language) == []


def test_checks_name_the_page_of_a_broken_build(open_page, tmp_path):
    broken = tmp_path / "site"
    shutil.copytree(SITE, broken)
    (broken / "fr" / "glossary.html").unlink()  # a removed page: the switchers that point to it break
    install = broken / "ja" / "install.html"
    install.write_text(install.read_text(encoding="utf-8").replace(
        "</head>", '<script src="https://cdn.example.com/tracker.js"></script></head>'), encoding="utf-8")
    image = next((broken / "en" / "_images").glob("sphx_glr_plot_07_autograd_grad_001.png"))
    image.unlink()
    server, url = serve(broken)
    try:
        problems = {language: "\n".join(check_site(open_page, url, broken, language)) for language in LANGUAGES}
    finally:
        server.shutdown()
    assert "ja/glossary.html: language link" in problems["ja"] and "fr/glossary.html" in problems["ja"]
    assert "ja/install.html: request to another host: https://cdn.example.com/tracker.js" in problems["ja"]
    assert "en/auto_examples/02_autograd/plot_07_autograd_grad.html: broken image" in problems["en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_math_renders_offline(open_page, site, language):
    page, requests = open_page(site + f"{language}/auto_examples/02_autograd/plot_05_forward_and_reverse_mode.html")
    page.wait_for_selector("mjx-container", timeout=15000)
    assert page.locator("mjx-container").count() > 10
    assert requests.foreign == []


def test_copy_button_copies_the_code_only(open_page, site):
    page, _ = open_page(site + "en/" + EXAMPLE, permissions=["clipboard-read", "clipboard-write"])
    block = page.locator("div.highlight-Python").nth(1)
    code = block.locator("pre").inner_text()
    block.hover()
    block.locator("button.copybtn").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == code.strip()
    assert "x = torch.tensor(3.0" in copied and "Out:" not in copied and ">>>" not in copied


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


@pytest.mark.parametrize("query", ["計算グラフ", "葉テンソル", "勾配降下法", "葉テンソルの勾配"])
def test_japanese_query_without_spaces_finds_every_page_that_contains_it(open_page, site, query):
    expected = pages_containing("ja", query)
    assert expected, f"no Japanese page contains {query}"
    missing = expected - search(open_page, site, "ja", query)
    assert not missing, f"searching {query} misses {sorted(missing)}"


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


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["index.html", EXAMPLE])
def test_no_serious_accessibility_violation(open_page, site, language, path):
    page, _ = open_page(site + f"{language}/{path}")
    results = Axe().run(page)
    violations = results.response["violations"]
    ARTIFACTS.mkdir(exist_ok=True)
    report = ARTIFACTS / f"axe-{language}-{Path(path).stem}.json"
    report.write_text(json.dumps(violations, indent=1), encoding="utf-8")
    serious = [f"{v['id']} ({v['impact']}): {v['help']}" for v in violations if v["impact"] in {"serious", "critical"}]
    assert serious == [], f"{language}/{path}: {serious}"
    assert page.evaluate("document.documentElement.lang") == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_layout_has_no_horizontal_scrolling_and_screenshots(open_page, site, language):
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    phone, _ = open_page(site + f"{language}/{EXAMPLE}", viewport=(390, 844))
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
    prose = phone.locator("article p").first.bounding_box()
    assert prose["x"] >= 0 and prose["x"] + prose["width"] <= 390
    phone.screenshot(path=ARTIFACTS / "screenshots" / f"{language}-phone-example.png", full_page=False)
    desktop, _ = open_page(site + f"{language}/{EXAMPLE}")
    desktop.screenshot(path=ARTIFACTS / "screenshots" / f"{language}-desktop-example.png", full_page=False)
    home, _ = open_page(site + f"{language}/index.html")
    home.screenshot(path=ARTIFACTS / "screenshots" / f"{language}-desktop-home.png", full_page=False)


@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_address_shows_the_404_page_in_its_language(open_page, site, language):
    page, requests = open_page(site + f"{language}/auto_examples/no_such_page.html")
    page.wait_for_url(f"**/{language}/**")
    assert page.evaluate("document.documentElement.lang") == language
    assert page.locator("article h1").count() == 1
    assert requests.foreign == [] and [f for f in requests.failed if "no_such_page" not in f] == []
    home = page.evaluate("""document.querySelector('article a[href$="index.html"]').href""")
    assert home.endswith(f"/{language}/index.html") and urlopen(home).status == 200
