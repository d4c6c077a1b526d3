"""Incomplete translations: refused by a published build, flagged in a preview.

Each test works on a temporary copy of the project.
"""

import re
from html import escape

import polib
import pytest

from helpers import copy_project, run

pytestmark = pytest.mark.slow

PAGE = "auto_examples/02_autograd/plot_01_first_gradient"


@pytest.fixture
def project_with_a_gap(tmp_path):
    """A copy whose Japanese catalog of one page lost one translation and has one fuzzy entry."""
    project = copy_project(tmp_path / "project")
    catalog_path = project / "locale" / "ja" / "LC_MESSAGES" / f"{PAGE}.po"
    catalog = polib.pofile(str(catalog_path))
    entries = catalog.translated_entries()
    entries[3].msgstr = ""
    entries[5].flags.append("fuzzy")
    catalog.save()
    return project


def test_published_build_refuses_an_incomplete_translation(project_with_a_gap):
    result = run("-m", "autograd_site.build", "--language", "ja", cwd=project_with_a_gap)
    assert result.returncode == 1
    assert f"locale/ja/LC_MESSAGES/{PAGE}.po (1 fuzzy, 1 untranslated, of " in result.stdout
    assert "nox -s docs -- --preview" in result.stdout


def test_preview_build_flags_the_incomplete_page_in_its_language(project_with_a_gap):
    result = run("-m", "autograd_site.build", "--language", "ja", "--preview", cwd=project_with_a_gap)
    assert result.returncode == 0, result.stdout
    site = project_with_a_gap / "_build" / "html" / "ja"
    page = (site / f"{PAGE}.html").read_text(encoding="utf-8")
    assert "このページはまだ翻訳が完了していません。" in page
    assert '<a href="../../../en/auto_examples/02_autograd/plot_01_first_gradient.html" hreflang="en">' in page
    assert 'href="../../translating.html"' in page
    complete = (site / "auto_examples/02_autograd/plot_02_leaf_tensors.html").read_text(encoding="utf-8")
    assert "autograd-incomplete-translation" not in complete
    catalog_file = f"locale/ja/LC_MESSAGES/{PAGE}.po"
    catalog = polib.pofile(str(project_with_a_gap / catalog_file))
    percent = 100 * len(catalog.translated_entries()) // len([e for e in catalog if not e.obsolete])
    status = (site / "translation-status.html").read_text(encoding="utf-8")
    japanese = status[status.index('id="translation-status-ja"'):]
    first_row = re.findall(r"<tr[^>]*>(.*?)</tr>", japanese, re.S)[1]
    assert "plot_01_first_gradient.html" in first_row, "the incomplete page is not listed first"
    cells = re.findall(r"<td[^>]*><p>(.*?)</p></td>", first_row, re.S)
    assert cells[1:4] == [f"{percent} %", "1", "1"], "percent, fuzzy, untranslated"
    assert catalog_file in cells[4]
    assert "1 ページの翻訳が未完了です。fuzzy のエントリが 1 件、未翻訳のエントリが 1 件あります。" in japanese
    assert_marked_as_english(page, catalog)


def assert_marked_as_english(html: str, catalog: polib.POFile) -> None:
    """The untranslated and the fuzzy entry: a visible label in Japanese, a class and the catalog's line."""
    labels = re.findall(r'<a class="autograd-untranslated-label autograd-(\w+)" href="[^"]+" title="([^"]+)">([^<]+)</a>',
                        html)
    assert sorted((state, text) for state, _, text in labels) == [("fuzzy", "要確認"), ("untranslated", "未翻訳")]
    assert all(f"locale/ja/LC_MESSAGES/{PAGE}.po:" in title for _, title, _ in labels)
    marked = re.findall(r'<(?:p|h\d)\b[^>]*class="[^"]*\bautograd-(untranslated|fuzzy)\b', html)
    assert sorted(marked) == ["fuzzy", "untranslated"]
    for entry in (e for e in catalog if e.fuzzy or not e.translated()):
        assert escape(entry.msgid.split("``")[0][:30], quote=False) in html
