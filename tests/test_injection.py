"""Translations are untrusted input: none may put script on a page.

The catalog gate refuses each kind of payload, naming file and line; and a
build from catalogs that bypassed the gate still publishes nothing that runs.
"""

import subprocess
import textwrap
from pathlib import Path

import jinja2
import polib
import pytest
from bs4 import BeautifulSoup

from autograd_site.build.site import sphinx_command
from autograd_site.i18n import cli as i18n
from autograd_site.i18n.lint import is_script_url, page_breaking_problems
from autograd_site.languages import TRANSLATIONS
from autograd_site.sphinxext.ui_strings import translate_theme_texts

from helpers import ROOT, copy_project

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n"Language: fr\\n"\n\n'
INTERFACE, PAGE = "sphinx.po", "page.po"

# (catalog, English, translation, expected problem): one per payload class.
PAYLOADS = {
    "quote ending an attribute": (INTERFACE, "Search the docs ...", '検索" autofocus onfocus="alert(1)', "'\"'"),
    "apostrophe ending an attribute": (INTERFACE, "Show the English original", "Afficher l'original", "\"'\""),
    "ampersand in an attribute": (INTERFACE, "More", "Plus &amp; plus", "'&'"),
    "tag without whitespace": (PAGE, "Hello.", "Bonjour <svg/onload=alert(1)>.", "raw HTML"),
    "raw HTML in MyST": (PAGE, "Hello.", "Bonjour <img src=x onerror=alert(1)>.", "'<img'"),
    "closing tag": (PAGE, "Hello.", "Bonjour </p><p>.", "'</p'"),
    "HTML comment": (PAGE, "Hello.", "Bonjour <!-- x -->.", "'<!--'"),
    "decimal reference": (PAGE, "Hello.", "Bonjour &#60;script&#62;.", "'&#60;'"),
    "hex reference": (PAGE, "Hello.", "Bonjour &#x3C;script&#x3E;.", "'&#x3c;'"),
    "named reference": (PAGE, "Hello.", "Bonjour &lt;script&gt;.", "'&lt;'"),
    "MyST javascript link": (PAGE, "Read [it](https://example.org).", "Lisez [ça](JaVa\tScript:alert(1)).",
                             "'javascript:'"),
    "reST javascript link": (PAGE, "Read `it <https://example.org>`__.", "Lisez `ça <java\\script:alert(1)>`__.",
                             "'javascript:'"),
    "scheme as references": (PAGE, "Read [it](https://example.org).", "Lisez [ça](&#106;avascript:alert(1)).",
                             "'javascript:'"),
    "data link": (PAGE, "Read [it](https://example.org).", "Lisez [ça](data:text/html,x).", "'data:'"),
    "vbscript link": (PAGE, "Read [it](https://example.org).", "Lisez [ça](vbscript:msgbox(1)).", "'vbscript:'"),
    "reST directive": (PAGE, "Hello.", "Bonjour.\n\n.. raw:: html\n\n   <b>x</b>", "a directive"),
    "MyST directive": (PAGE, "Hello.", "Bonjour.\n\n```{raw} html\nx\n```", "a directive"),
}


def write_entry(folder: Path, catalog: str, entry: polib.POEntry) -> tuple[Path, int]:
    """A catalog of one entry under ``folder/LC_MESSAGES``; its path and the entry's line."""
    path = folder / "LC_MESSAGES" / catalog
    path.parent.mkdir(parents=True)
    path.write_text(HEADER + str(entry), encoding="utf-8")
    return path, HEADER.count("\n") + 1


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_gate_refuses_each_payload_with_file_and_line(tmp_path, payload):
    catalog, english, translation, expected = PAYLOADS[payload]
    path, line = write_entry(tmp_path, catalog, polib.POEntry(msgid=english, msgstr=translation))
    # Both gates: `python -m autograd_site.i18n check` and the build's check_catalogs.
    for problems in (i18n.check_catalog(path, None).errors, page_breaking_problems(path.parent)):
        assert any(problem.startswith(f"{path}:{line}: ") and expected in problem for problem in problems), problems


def test_the_gate_reads_every_plural_form(tmp_path):
    entry = polib.POEntry(msgid="Found one page.", msgid_plural="Found ${n} pages.",
                          msgstr_plural={0: "${n} pages.", 1: "${n} <img src=x onerror=alert(1)>"})
    path, line = write_entry(tmp_path, INTERFACE, entry)
    assert any(p.startswith(f"{path}:{line}: raw HTML") for p in page_breaking_problems(path.parent))


@pytest.mark.parametrize(
    ("catalog", "english", "translation"),
    [
        (INTERFACE, "Search the docs ...", "Rechercher dans la documentation…"),
        (INTERFACE, "Show the English original", "Afficher l’original « anglais »"),
        (PAGE, "Show the original", "Afficher l'original"),  # pages are escaped by docutils and MyST
        (PAGE, "Press <kbd>Ctrl</kbd> &amp; [read](https://example.org).",
         "Tapez <kbd>Ctrl</kbd> &amp; [lisez](https://example.org)."),
        (PAGE, "The data: a tensor.", "Les données : un tenseur."),
    ],
)
def test_the_gate_accepts_what_the_english_has_and_typography(tmp_path, catalog, english, translation):
    path, _ = write_entry(tmp_path, catalog, polib.POEntry(msgid=english, msgstr=translation))
    assert page_breaking_problems(path.parent) == []


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_the_real_catalogs_pass_the_gate(language):
    assert page_breaking_problems(ROOT / "locale" / language / "LC_MESSAGES") == []


def test_is_script_url_sees_through_case_spaces_and_references():
    for url in ("javascript:alert(1)", " JaVa\tScRiPt:x", "\x01javascript:x", "&#106;avascript:x", "DATA:text/html,x",
                "vbscript:x"):
        assert is_script_url(url), url
    for url in ("https://example.org/javascript:x", "install.html#data:", "/fr/_static/x.js", "mailto:a@b.c"):
        assert not is_script_url(url), url


def test_theme_texts_are_escaped_once_for_the_templates():
    texts = {
        "theme_search_bar_text": '検索" autofocus onfocus="alert(1)',
        "theme_header_dropdown_text": "Plus <svg/onload=alert(2)>",
        "docstitle": "PyTorch Autograd par l’exemple & l'original…",
    }
    context = dict(texts)
    translate_theme_texts(None, "index", "page.html", context, None)
    # Sphinx's template environment does not autoescape; the theme uses both forms.
    html = jinja2.Environment().from_string(
        '<input placeholder="{{ theme_search_bar_text }}"><button>{{ theme_header_dropdown_text }}</button>'
        '<title>{{ docstitle|e }}</title><p title="{{ docstitle }}"></p>'
    ).render(context)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.input.attrs == {"placeholder": texts["theme_search_bar_text"]}
    assert soup.button.get_text() == texts["theme_header_dropdown_text"] and soup.svg is None
    assert soup.title.get_text() == soup.p["title"] == texts["docstitle"]


# -- One French build from poisoned catalogs -----------------------------------------------------

SEARCH = 'Rechercher" autofocus onfocus="alert(1)'
TITLE = "PyTorch Autograd <svg/onload=alert(2)> l'exemple"
# catalog -> {English: text appended to its translation, or a whole new translation}
POISON = {
    "sphinx.po": {
        "Search the docs ...": SEARCH,
        "PyTorch Autograd by Example": TITLE,
        "More": "Plus<img src=x onerror=alert(3)>",
        "Show the English original": 'Original" onmouseover="alert(4)',
    },
    "install.po": {  # MyST
        "Build the site": "+ <img src=x onerror=alert(5)>",
        "Each example page has download links": "+ <img src=x onerror=alert(6)> <!--x--><svg/onload=alert(7)>"
                                                " <script>alert(8)</script>",
        "The examples use the GPU when PyTorch sees one": "+ [lien-js](javascript:alert(9))"
                                                          " [lien-ent](&#x6A;avascript:alert(10))"
                                                          " &#x3C;img src=x onerror=alert(11)&#x3E;",
        "To preview one language": "Texte.\n\n```{raw} html\n<script>alert(12)</script>\n```",
    },
    "auto_examples/02_autograd/plot_01_first_gradient.po": {  # reST
        "Autograd records the operations": "+ `lien-js <java\\script:alert(13)>`__"
                                           " `lien-data <data:text/html;base64,PHNjcmlwdD5hbGVydCgxNCk8L3NjcmlwdD4=>`__"
                                           " <svg/onload=alert(15)>",
        # A message without references: a translation that dropped one would fail the build anyway.
        "The gradient is the slope of the loss;": "Texte.\n\n.. raw:: html\n\n   <script>alert(16)</script>",
    },
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}


def poison(project: Path) -> None:
    catalogs = project / "locale" / "fr" / "LC_MESSAGES"
    for name, payloads in POISON.items():
        catalog = polib.pofile(str(catalogs / name))
        for english, payload in payloads.items():
            entry = next(e for e in catalog if e.msgid.startswith(english))
            entry.msgstr = entry.msgstr + " " + payload[2:] if payload.startswith("+ ") else payload
        catalog.save()
    assert page_breaking_problems(catalogs), "the gate would have stopped this build"


def executable_parts(page: Path) -> list[str]:
    """What would run in a browser that the site did not write itself."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = []
    for element in soup.find_all(True):
        found += [f"<{element.name} {name}=...>" for name in element.attrs if name.lower().startswith("on")]
        found += [f"<{element.name} {name}={value!r}>" for name, value in element.attrs.items()
                  if name.lower() in URL_ATTRIBUTES and is_script_url(str(value))]
    for script in soup.find_all("script"):
        src = script.get("src", "")
        if src and ("_static/" not in src or "//" in src) and not src.endswith("searchindex.js"):
            found.append(f"<script src={src!r}>")
        if "alert(" in script.get_text():
            found.append(f"<script>{script.get_text()[:60]}")
    return found


@pytest.mark.slow
def test_a_build_from_catalogs_that_bypassed_the_gate_runs_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    poison(project)
    outdir = tmp_path / "fr"
    # Straight to Sphinx, without the build's catalog gate; no example is executed.
    result = subprocess.run(sphinx_command(project, "fr", "html", outdir, "-D", "plot_gallery=0"), cwd=project,
                            text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert result.returncode == 0, result.stdout
    pages = sorted(outdir.rglob("*.html"))
    assert len(pages) > 20
    assert {str(page.relative_to(outdir)): found for page in pages if (found := executable_parts(page))} == {}

    install = BeautifulSoup((outdir / "install.html").read_text(encoding="utf-8"), "html.parser")
    assert install.find("input", {"type": "search"})["placeholder"] == SEARCH
    assert install.find(class_="logo__title").get_text() == TITLE
    assert install.title.get_text().endswith(TITLE)
    # The payloads did reach the pages, as text.
    text = install.get_text()
    for shown in ("<img src=x onerror=alert(5)>", "<svg/onload=alert(7)>", "<script>alert(8)</script>",
                  "lien-js", "lien-ent"):
        assert shown in text, shown
    example = (outdir / "auto_examples/02_autograd/plot_01_first_gradient.html").read_text(encoding="utf-8")
    example_text = BeautifulSoup(example, "html.parser").get_text()
    assert "lien-js" in example_text and "lien-data" in example_text and "<svg/onload=alert(15)>" in example_text
