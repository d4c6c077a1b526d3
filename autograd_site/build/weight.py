"""What a reader's browser downloads, and what the site weighs: the figures behind the budgets.

    python -m autograd_site.build.weight          # the site in _build/html; nox -s bench prints them too

A page's weight is measured in Chromium (the pages' scripts and styles decide
what loads): every response is counted as a server would send it, text
gzip-compressed and fonts as they are, with images apart, because the budget
is for what comes before them.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import shutil
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from autograd_site.languages import ALL as LANGUAGES

PAGE_BUDGET = 300_000  # bytes before images, of an example page with math
SITE_BUDGET = 20_000_000  # bytes, every language
CHROMIUM = os.environ.get("AUTOGRAD_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class Transfer:
    """Bytes a page made the browser fetch, by kind, as a server sends them."""

    text: int = 0  # gzip-compressed: HTML, CSS, JavaScript
    fonts: int = 0
    images: int = 0
    uncompressed: int = 0  # text and fonts as the files are on disk
    files: dict[str, int] = field(default_factory=dict)

    @property
    def before_images(self) -> int:
        return self.text + self.fonts


def site_size(site: Path) -> int:
    """Bytes of every file of the site, as a host stores them."""
    return sum(path.stat().st_size for path in site.resolve().rglob("*") if path.is_file())


def densest_math_page(site: Path, language: str = "en") -> str:
    """The example page with the most formulas, relative to a language's folder."""
    pages = (site / language / "auto_examples").rglob("plot_*.html")
    densest = max(pages, key=lambda page: page.read_text(encoding="utf-8").count("<math"))
    return densest.relative_to(site / language).as_posix()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@functools.cache
def _server(site: Path) -> str:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def transfers(site: Path, pages: list[str], then=None) -> list[Transfer]:
    """Open each page (relative to ``site``) in Chromium; what it fetched, fonts included.

    ``then(page)``, if given, runs on the loaded page before counting (a search, say).
    """
    from playwright.sync_api import sync_playwright

    if not CHROMIUM:
        raise SystemExit("Chromium is needed to measure pages: apt-get install chromium (or set AUTOGRAD_CHROMIUM)")
    url = _server(site.resolve())
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name in pages:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            responses = []
            page.on("response", lambda response: responses.append(response))
            page.goto(url + name, wait_until="networkidle")
            page.evaluate("document.fonts.ready.then(() => true)")  # fonts load after the first layout
            if then:
                then(page)
            page.wait_for_load_state("networkidle")
            transfer = Transfer()
            for response in responses:
                body = response.body() if response.ok else b""
                kind = response.request.resource_type
                sent = len(body) if kind in {"image", "font"} else len(gzip.compress(body, 6))
                transfer.uncompressed += len(body) if kind != "image" else 0
                if kind == "image":
                    transfer.images += sent
                elif kind == "font":
                    transfer.fonts += sent
                else:
                    transfer.text += sent
                transfer.files[response.url.removeprefix(url).split("?")[0]] = sent
            results.append(transfer)
            context.close()
        browser.close()
    return results


def search_index_bytes(transfer: Transfer) -> int:
    return sum(size for name, size in transfer.files.items() if name.endswith("searchindex.js"))


def report(site: Path) -> None:
    """Print the page, site and search-index figures of the built site, against the budgets."""
    page = densest_math_page(site)
    measured = dict(zip(LANGUAGES, transfers(site, [f"{language}/{page}" for language in LANGUAGES])))
    print(f"Page weight of {page} (the example with the most formulas), before images "
          f"(text gzip-compressed, fonts as they are); budget {PAGE_BUDGET / 1000:.0f} kB:")
    for language, transfer in measured.items():
        verdict = "within" if transfer.before_images <= PAGE_BUDGET else "OVER"
        print(f"  {language}: {transfer.before_images / 1000:6.1f} kB ({verdict}): text {transfer.text / 1000:.1f} kB, "
              f"fonts {transfer.fonts / 1000:.1f} kB ({transfer.uncompressed / 1000:.0f} kB uncompressed); "
              f"then images {transfer.images / 1000:.1f} kB")
    total = site_size(site)
    print(f"Site size, every language: {total / 1e6:.1f} MB; budget {SITE_BUDGET / 1e6:.0f} MB "
          f"({'within' if total <= SITE_BUDGET else 'OVER'})")
    print("  " + ", ".join(f"{folder.name} {site_size(folder) / 1e6:.1f} MB"
                           for folder in sorted(site.resolve().iterdir()) if folder.is_dir()))
    searched = transfers(site, [f"{language}/search.html?q=tensor" for language in LANGUAGES])
    print("Search index (searchindex.js, gzip-compressed) fetched by that example page / by the search page:")
    for language, search in zip(LANGUAGES, searched):
        on_disk = (site / language / "searchindex.js").stat().st_size
        print(f"  {language}: {search_index_bytes(measured[language]) / 1000:.1f} kB / "
              f"{search_index_bytes(search) / 1000:.1f} kB ({on_disk / 1000:.0f} kB uncompressed)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=Path("_build") / "html")
    site = parser.parse_args(argv).site
    if not (site / "en").is_dir():
        raise SystemExit(f"{site} has no site: build it first (nox -s docs)")
    report(site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
