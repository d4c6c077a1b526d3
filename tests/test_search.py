"""Search in a real browser (headless Chromium), on the built site."""

import re
import shutil
import subprocess
from urllib.parse import quote

import pytest

from helpers import SITE, built_pages

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def search(language: str, query: str) -> list[str]:
    """The result links that the search page shows for ``query``."""
    assert CHROMIUM, "Chromium is needed for the browser tests: apt-get install chromium (.ci/run does)"
    page = (SITE / language / "search.html").as_uri() + "?q=" + quote(query)
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=20000", "--dump-dom", page],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    return re.findall(r'<li class="kind-\w+"><a href="([^"#]+)', dom)


def pages_containing(language: str, text: str) -> set[str]:
    """Pages whose article (not the navigation) contains ``text``."""
    found = set()
    for path in built_pages(language):
        article = re.search(r'<article class="bd-article">(.*?)</article>', path.read_text(encoding="utf-8"), re.S)
        if article and text in re.sub(r"<[^>]+>", "", article[1]):
            found.add(path.relative_to(SITE / language).as_posix())
    return found


@pytest.mark.parametrize("query", ["計算グラフ", "葉テンソル", "勾配降下法", "葉テンソルの勾配"])
def test_japanese_query_without_spaces_finds_every_page_that_contains_it(query):
    expected = pages_containing("ja", query)
    assert expected, f"no Japanese page contains {query}"
    missing = expected - set(search("ja", query))
    assert not missing, f"searching {query} misses {sorted(missing)}"


@pytest.mark.parametrize(
    ("language", "query", "page"),
    [
        ("en", "retain_graph", "auto_examples/03_vector_jacobian/plot_04_retain_graph.html"),
        ("fr", "rétropropagation", "auto_examples/02_autograd/plot_03_computation_graph.html"),
    ],
)
def test_search_finds_the_page_in_other_languages(language, query, page):
    assert page in search(language, query)
