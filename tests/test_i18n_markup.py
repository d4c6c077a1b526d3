"""Translations are parsed as their page's markup; headers are complete; the preview watches catalogs."""

import textwrap
import types
from pathlib import Path

import pytest

from autograd_site.i18n import cli as i18n
from autograd_site.i18n.markup import MYST, REST, check_parsed_markup, header_problems, page_kind

from helpers import ROOT, load_noxfile

GOOD_HEADER = textwrap.dedent(
    """\
    # Japanese translation of PyTorch Autograd by Example: page.
    msgid ""
    msgstr ""
    "Project-Id-Version: PyTorch Autograd by Example\\n"
    "PO-Revision-Date: 2026-01-01 00:00+0000\\n"
    "Last-Translator: The PyTorch Autograd by Example translators\\n"
    "Language: ja\\n"
    "Language-Team: Japanese\\n"
    "Plural-Forms: nplurals=1; plural=0;\\n"
    "MIME-Version: 1.0\\n"
    "Content-Type: text/plain; charset=utf-8\\n"
    "Content-Transfer-Encoding: 8bit\\n"

    """
)


def catalog(project: Path, docname: str, body: str, header: str = GOOD_HEADER) -> Path:
    path = project / "locale" / "ja" / "LC_MESSAGES" / f"{docname}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + textwrap.dedent(body), encoding="utf-8")
    return path


def problems_at(path: Path) -> list[str]:
    return [error for error in i18n.check_catalog(path, None).errors if "no such page" not in error]


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        # A literal followed by a full-width parenthesis is not ended.
        ("The tensor ``x`` (a leaf) has a gradient.", "テンソル ``x``（葉）には勾配があります。"),
        # A literal glued to the Japanese after it.
        ("The gradient of ``x`` is 2.", "``x``の勾配は 2 です。"),
        # A role glued to the Japanese after it ...
        ("A :term:`gradient` is a vector.", ":term:`勾配 <gradient>`はベクトルです。"),
        # ... or before it: reST then reads the role's name as text.
        ("See the :doc:`guide </install>`.", "詳しくは:doc:`ガイド </install>` を参照してください。"),
    ],
)
def test_rest_markup_broken_by_japanese_text_is_reported(msgid, msgstr):
    assert check_parsed_markup(msgid, msgstr, REST), msgstr


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("The tensor ``x`` (a leaf) has a gradient.", "テンソル ``x`` （葉）には勾配があります。"),
        ("The gradient of ``x`` is 2.", "``x`` の勾配は 2 です。"),
        ("A :term:`gradient` is a vector.", ":term:`勾配 <gradient>` はベクトルです。"),
        ("See :doc:`the guide </install>`, :func:`torch.sin` and :math:`x^2`.",
         ":doc:`ガイド </install>`、:func:`torch.sin`、:math:`x^2` を参照してください。"),
        # A problem the English has too is not the translation's.
        ("An ``unended literal.", "閉じていない ``unended literal です。"),
        ("Compute :math:`a * b` here.", "ここで :math:`a * b` を計算します。"),
    ],
)
def test_valid_markup_is_not_reported(msgid, msgstr):
    assert check_parsed_markup(msgid, msgstr, REST) == []


def test_broken_myst_link_in_a_markdown_catalog_is_reported_with_file_and_line(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text("# Guide\n", encoding="utf-8")
    path = catalog(tmp_path, "guide", """\
        msgid "Read [the install page](https://example.org/install) first."
        msgstr "まず [インストールのページ]（https://example.org/install） を読んでください。"

        msgid "Bold **text** here, and {doc}`a page <install>`."
        msgstr "ここで **「太字」**の、{doc}`ページ <install>` です。"

        msgid "A [fine link](https://example.org) and `code`."
        msgstr "[正しいリンク](https://example.org) と `code` です。"
        """)
    assert page_kind(path) == MYST
    problems = problems_at(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    reported = {int(problem.split(":")[1]) for problem in problems}
    # Each entry's line (its msgid, just above the msgstr): the two broken ones, not the third.
    assert reported == {n - 1 for n, line in enumerate(lines, 1) if "（https" in line or "「太字」" in line}, problems
    assert all(problem.startswith(f"{path}:") for problem in problems), problems


def test_rest_catalog_problem_names_the_po_file_and_line(tmp_path):
    path = catalog(tmp_path, "auto_examples/01_tensors/plot_01_page", """\
        msgid "The gradient of ``x`` is 2."
        msgstr "``x``の勾配は 2 です。"
        """)
    assert page_kind(path) == REST
    problems = problems_at(path)
    assert problems and all(problem.startswith(f"{path}:{len(GOOD_HEADER.splitlines()) + 1}:")
                            for problem in problems), problems
    assert "Inline literal start-string without end-string" in problems[0]


def test_sphinx_roles_are_not_reported_as_unknown():
    for role in ("doc", "term", "func", "class", "meth", "ref", "py:func"):
        assert check_parsed_markup(f"See :{role}:`x`.", f"見る :{role}:`x`。", REST) == []
    assert check_parsed_markup("See {doc}`x`.", "見る {doc}`x`。", MYST) == []


# Headers ----------------------------------------------------------------

TEMPLATE_HEADER = textwrap.dedent(
    """\
    # SOME DESCRIPTIVE TITLE.
    # FIRST AUTHOR <EMAIL@ADDRESS>, 2026.
    #
    #, fuzzy
    msgid ""
    msgstr ""
    "Project-Id-Version: PyTorch Autograd by Example\\n"
    "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"
    "Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"
    "Language: ja\\n"
    "Language-Team: ja <LL@li.org>\\n"
    "Plural-Forms: nplurals=2; plural=(n != 1);\\n"
    "MIME-Version: 1.0\\n"
    "Content-Type: text/plain; charset=utf-8\\n"
    "Content-Transfer-Encoding: 8bit\\n"

    """
)


def test_a_header_with_the_templates_placeholders_fails_with_file_and_line(tmp_path):
    path = catalog(tmp_path, "page", 'msgid "Text"\nmsgstr "テキスト"\n', header=TEMPLATE_HEADER)
    errors = problems_at(path)
    for expected in ("SOME DESCRIPTIVE TITLE", "FIRST AUTHOR", "fuzzy", "PO-Revision-Date", "Last-Translator",
                     "LL@li.org", "Plural-Forms"):
        assert any(expected in error and error.startswith(f"{path}:") for error in errors), (expected, errors)


def test_a_complete_header_passes(tmp_path):
    path = catalog(tmp_path, "page", 'msgid "Text"\nmsgstr "テキスト"\n')
    assert header_problems(path) == []
    assert problems_at(path) == []


def test_update_writes_complete_headers(tmp_path):
    """What sphinx-intl creates for a new page (the template's header) is completed by ``update``."""
    path = catalog(tmp_path, "page", 'msgid "Text"\nmsgstr "テキスト"\n', header=TEMPLATE_HEADER.replace(
        "nplurals=2; plural=(n != 1);", "nplurals=1; plural=0;"))
    i18n.reuse_translations(path.parent)
    assert header_problems(path) == []
    assert problems_at(path) == []
    text = path.read_text(encoding="utf-8")
    assert "PO-Revision-Date: 2026-01-01 00:00+0000" in text and "Language-Team: Japanese" in text
    before = path.read_bytes()
    i18n.reuse_translations(path.parent)
    assert path.read_bytes() == before  # repeatable: no date of the day


def test_every_committed_header_is_complete():
    problems = [problem for path in sorted((ROOT / "locale").rglob("*.po")) for problem in header_problems(path)]
    assert problems == []


# The live preview ------------------------------------------------------



def test_preview_rebuilds_on_a_saved_example_catalog_and_ignores_the_generated_gallery(tmp_path, monkeypatch):
    from sphinx_autobuild.filter import IgnoreFilter

    noxfile = load_noxfile()
    ran = []
    session = types.SimpleNamespace(posargs=["ja"], run=lambda *args, **kwargs: ran.append(args),
                                    install=lambda *args, **kwargs: None,
                                    virtualenv=types.SimpleNamespace(location=str(tmp_path)), log=print)
    monkeypatch.setattr(noxfile, "install", lambda *args: {"PATH": str(tmp_path), "VIRTUAL_ENV": str(tmp_path)})
    noxfile.docs_live(session)
    (command,) = ran
    assert command[0] == "sphinx-autobuild" and "language=ja" in command
    regexes = [command[i + 1] for i, arg in enumerate(command) if arg == "--re-ignore"]
    plain = [command[i + 1] for i, arg in enumerate(command) if arg == "--ignore"]
    ignored = IgnoreFilter(plain, regexes)
    for watched in ("locale/ja/LC_MESSAGES/auto_examples/02_autograd/plot_01_first_gradient.po",
                    "locale/ja/LC_MESSAGES/auto_examples/index.po", "locale/fr/LC_MESSAGES/index.po",
                    "examples/02_autograd/plot_01_first_gradient.py", "docs/translating.md"):
        assert (ROOT / watched).exists(), watched
        assert not ignored(str(ROOT / watched)), watched
    assert ignored(str(ROOT / "docs/auto_examples/02_autograd/plot_01_first_gradient.rst"))
    assert ignored(str(ROOT / "docs/auto_examples/index.rst"))
