"""The catalog checks catch each kind of broken translation, with file and line."""

import shutil
import textwrap
from pathlib import Path

import pytest

from autograd_site.i18n import cli as i18n
from autograd_site.i18n.lint import check_glossary, check_injection, check_markup, load_terms

from helpers import ROOT

HEADER = textwrap.dedent(
    """\
    msgid ""
    msgstr ""
    "Content-Type: text/plain; charset=utf-8\\n"
    "Language: fr\\n"

    """
)


def write_catalog(folder: Path, body: str) -> Path:
    path = folder / "page.po"
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.fixture
def terms(tmp_path):
    glossary = tmp_path / "glossary.csv"
    glossary.write_text(
        "en,ja,fr,ja_accept,fr_accept,note,note_ja,note_fr\nleaf tensor,葉テンソル,tenseur feuille,,,,,\n"
        "non-leaf tensor,葉でないテンソル,tenseur non feuille,,,,,\ngradient,勾配,gradient,,,,,\n",
        encoding="utf-8",
    )
    return load_terms(glossary, "fr")


def test_markup_kept_passes_and_dropped_or_altered_markup_fails():
    english = "Call :func:`torch.sin` on ``x``; see :doc:`the guide </install>` and :math:`e^x`."
    good = "Appelez :func:`torch.sin` sur ``x`` ; voir :doc:`le guide </install>` et :math:`e^x`."
    assert check_markup(english, good) == []
    assert check_markup(english, good.replace(":func:`torch.sin`", "torch.sin")) == [
        "markup dropped: role :func:`torch.sin`"
    ]
    assert "markup added or altered: role :doc:`/index`" in check_markup(english, good.replace("/install", "/index"))
    assert any("math" in p for p in check_markup(english, good.replace("e^x", "e^y")))
    assert "markup dropped: code `x`" in check_markup(english, good.replace("``x``", "x"))


def test_myst_code_spans_of_any_length_are_markup():
    english = "Write ``` ``x`` の勾配 ``` and never ``` ``x``（ ```, with a space."
    translated = "Écrivez ``` ``x`` の勾配 ``` et jamais ``` ``x``（ ```, avec une espace."
    assert check_markup(english, translated) == []
    assert check_markup(english, translated.replace("``` ``x``（ ```", "x")) != []


def test_markdown_links_and_code_must_survive():
    english = "Read [the docs](https://example.org) and run `nox`."
    assert check_markup(english, "Lisez [la doc](https://example.org) et lancez `nox`.") == []
    assert check_markup(english, "Lisez [la doc](https://evil.example) et lancez `nox`.") != []


def test_raw_html_and_directives_are_refused():
    assert check_injection("Hello.", "Bonjour <script>alert(1)</script>.") != []
    assert check_injection("Hello.", 'Bonjour <img src=x onerror="alert(1)">.') != []
    assert check_injection("Hello.", "Bonjour.\n\n.. raw:: html\n\n   <b>x</b>") != []
    # A role target in angle brackets is markup, not HTML.
    assert check_injection(":doc:`guide <install>`", ":doc:`guide <install>`") == []


def test_glossary_terms_must_use_their_translation(terms):
    assert check_glossary("A leaf tensor has no grad_fn.", "Un tenseur feuille n'a pas de grad_fn.", terms) == []
    assert check_glossary("Leaf tensors keep it.", "Les tenseurs feuilles le gardent.", terms) == []
    problems = check_glossary("A leaf tensor has no grad_fn.", "Un tenseur terminal n'a pas de grad_fn.", terms)
    assert problems == ["glossary: 'leaf tensor' should be translated as 'tenseur feuille'"]
    # The longer term wins: a non-leaf tensor is not checked as a leaf tensor.
    assert check_glossary("A non-leaf tensor.", "Un tenseur non feuille.", terms) == []
    # Quoted English (an error message) is not prose to translate.
    assert check_glossary('PyTorch says "a leaf tensor".', "PyTorch dit « a leaf tensor ».", terms) == []
    # Code (a figure's legend entry) stays code; a bare word is still prose.
    assert check_glossary("total_loss += loss", "total_loss += loss", terms) == []
    assert check_glossary("leaf tensor", "leaf tensor", terms) != []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('msgid "Text"\nmsgstr ""\n', "untranslated"),
        ('#, fuzzy\nmsgid "Text"\nmsgstr "Texte"\n', "fuzzy"),
        ('#~ msgid "Old"\n#~ msgstr "Ancien"\n', "obsolete"),
        ('msgid "See :func:`f`."\nmsgstr "Voir f."\n', "markup dropped"),
        ('msgid "Hello."\nmsgstr "Bonjour <script>x</script>."\n', "raw HTML"),
        ('msgid "A leaf tensor."\nmsgstr "Un tenseur terminal."\n', "glossary"),
    ],
)
def test_check_names_file_and_line_of_each_problem(tmp_path, terms, body, expected):
    catalog = write_catalog(tmp_path, body)
    report = i18n.check_catalog(catalog, None, terms)
    problems = [error for error in report.errors if expected in error]
    assert problems, report.errors
    assert problems[0].startswith(f"{catalog}:"), problems[0]


def test_malformed_catalog_is_reported_with_its_line(tmp_path):
    catalog = write_catalog(tmp_path, 'msgid "Text"\nmsgstr "Texte\n\nmsgid "Other"\n')
    report = i18n.check_catalog(catalog, None)
    assert any(str(catalog) in error and "line" in error for error in report.errors), report.errors


def test_update_refuses_a_malformed_catalog_and_changes_nothing(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "locale", project / "locale")
    broken = project / "locale" / "fr" / "LC_MESSAGES" / "index.po"
    broken.write_text(broken.read_text(encoding="utf-8") + '\nmsgid "unterminated\n', encoding="utf-8")
    before = {p: p.read_bytes() for p in (project / "locale").rglob("*.po")}
    with pytest.raises(i18n.MalformedCatalog, match=str(broken)):
        i18n.update(project)
    assert {p: p.read_bytes() for p in (project / "locale").rglob("*.po")} == before
