"""The glossary: one display form per language on the page, notes in the page's language, a checked CSV."""

import csv
import io
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import sphinx.locale
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace

from autograd_site.i18n.glossary import GlossaryError, read_glossary
from autograd_site.i18n.lint import check_glossary, load_terms

from helpers import ROOT

GLOSSARY = ROOT / "locale" / "glossary.csv"
HEADER = "en,ja,fr,ja_accept,fr_accept,note,note_ja,note_fr\n"


def write_glossary(folder: Path, body: str, header: str = HEADER) -> Path:
    path = folder / "glossary.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def build_glossary_page(tmp_path: Path, language: str) -> tuple[list[list[str]], list[str]]:
    """The project's glossary built as a one-page Sphinx site: its table's rows and its term targets."""
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text(
        f'extensions = ["autograd_site.sphinxext.glossary"]\nlanguage = "{language}"\nsmartquotes = False\n',
        encoding="utf-8",
    )
    (source / "index.rst").write_text(
        "Glossary\n========\n\nSee :term:`step size` and :term:`tangent`.\n\n"
        f".. glossary-table:: {GLOSSARY}\n",
        encoding="utf-8")
    # As sphinx.testing does: a fresh docutils registry and message catalogs
    # for each app in this process.
    sphinx.locale.translators.clear()
    with docutils_namespace():
        app = Sphinx(str(source), str(source), str(tmp_path / "out"), str(tmp_path / "doctrees"), "xml",
                     status=io.StringIO(), warning=(warnings := io.StringIO()), freshenv=True)
        app.build()
    sphinx.locale.translators.clear()
    assert "WARNING" not in warnings.getvalue(), warnings.getvalue()
    tree = ElementTree.parse(tmp_path / "out" / "index.xml")
    rows = [["".join(entry.itertext()).strip() for entry in row.iter("entry")] for row in tree.iter("row")]
    targets = [ref.get("refid") for ref in tree.iter("reference")]
    return rows, targets


@pytest.mark.parametrize("language", ["en", "ja", "fr"])
def test_the_page_shows_display_forms_and_only_its_own_notes(tmp_path, language):
    rows, targets = build_glossary_page(tmp_path, language)
    glossary = read_glossary(GLOSSARY)
    heading, *terms = rows
    assert heading[:3] == ["English", "日本語", "Français"] and len(heading) == 4
    assert heading[3] == {"en": "Note", "ja": "注釈", "fr": "Note"}[language]
    assert len(terms) == len(glossary)
    note = "note" if language == "en" else f"note_{language}"
    for row, cells in zip(glossary, terms):
        assert cells == [row["en"], row["ja"], row["fr"], row[note]], row["en"]
        assert not any("|" in cell for cell in cells), cells
    # No other language's note and no accepted form is on the page.
    shown = {cell for cells in terms for cell in cells}
    other_notes = {row[key] for row in glossary for key in ("note", "note_ja", "note_fr") if key != note}
    assert not (shown & other_notes) - {row[note] for row in glossary}
    assert "nécessite|nécessitent|nécessitant" not in shown
    # :term: references still land on their rows.
    assert targets == ["term-step-size", "term-tangent"]


def test_read_glossary_names_the_line_of_a_row_without_a_display_form(tmp_path):
    good = write_glossary(tmp_path, "tensor,テンソル,tenseur,,,,,\n")
    assert read_glossary(good)[0]["fr"] == "tenseur"
    bad = write_glossary(tmp_path, "tensor,テンソル,tenseur,,,,,\nloss,損失,,,,,,\n")
    with pytest.raises(GlossaryError, match=rf"^{bad}:3: glossary row without its fr display form"):
        read_glossary(bad)


@pytest.mark.parametrize(
    ("header", "body", "message"),
    [
        ("en,ja,fr,note\n", "tensor,テンソル,tenseur,\n", ":1: glossary columns must be .*missing: ja_accept"),
        (HEADER, ",テンソル,tenseur,,,,,\n", ":2: glossary row without an English term"),
        (HEADER, "freeze,凍結する|凍結,geler,,,,,\n", ":2: the ja column holds one display form"),
        (HEADER, "freeze,凍結する,geler,,gelé||gelée,,,\n", ":2: an empty form in fr_accept"),
        (HEADER, "freeze,凍結する,geler,,,\n", ":2: glossary row with 8 columns expected"),
    ],
)
def test_read_glossary_refuses_a_malformed_glossary_with_file_and_line(tmp_path, header, body, message):
    path = write_glossary(tmp_path, body, header)
    with pytest.raises(GlossaryError, match=f"^{path}{message}"):
        read_glossary(path)


def test_the_project_glossary_is_well_formed():
    rows = read_glossary(GLOSSARY)
    with open(GLOSSARY, encoding="utf-8", newline="") as csv_file:
        assert next(csv.reader(csv_file)) == HEADER.strip().split(",")
    assert len({row["en"] for row in rows}) == len(rows), "each English term once"
    for row in rows:
        if row["note"]:
            assert row["note_ja"] and row["note_fr"], f"{row['en']}: a note in every language"
        # Notes meant for one language stay in that language's column.
        assert "fr:" not in row["note"] and "ja:" not in row["note"], row["en"]
        assert "italique" not in row["note_ja"], row["en"]
        assert "'" not in row["fr"] + row["fr_accept"] + row["note_fr"], f"{row['en']}: write ’"


def test_load_terms_merges_rows_that_differ_by_a_qualifier(tmp_path):
    glossary = write_glossary(
        tmp_path,
        "step size,刻み幅,pas,,,,,\n"
        "step size (optimizer),ステップ幅,pas,,,,,\n"
        "non-leaf tensor,葉でないテンソル,tenseur non feuille,葉テンソルではない,n’est pas une feuille,,,\n"
        "device,デバイス,device,,,,,\n",
    )
    ja = {term.english: term for term in load_terms(glossary, "ja")}
    fr = {term.english: term for term in load_terms(glossary, "fr")}
    assert ja["step size"].translations == ("刻み幅", "ステップ幅")
    assert fr["step size"].translations == ("pas",)
    assert ja["non-leaf tensor"].translations == ("葉でないテンソル", "葉テンソルではない")
    assert "device" not in fr, "a term kept in English is not checked"
    # Either sense passes; a third rendering does not.
    assert check_glossary("The step size.", "オプティマイザのステップ幅。", list(ja.values())) == []
    assert check_glossary("The step size.", "差分の刻み幅。", list(ja.values())) == []
    assert check_glossary("The step size.", "更新幅。", list(ja.values())) == [
        "glossary: 'step size' should be translated as '刻み幅' or 'ステップ幅'"]
    # An accepted form passes; the display form is not required.
    assert check_glossary("y is a non-leaf tensor.", "y は葉テンソルではない。", list(ja.values())) == []
    assert check_glossary("y is a non-leaf tensor.", "y n’est pas une feuille.", list(fr.values())) == []
