"""Japanese typography gates (autograd_site.i18n.japanese): each rule catches its case and spares its neighbour."""

from pathlib import Path

import polib
import pytest

from autograd_site.i18n.cli import check_catalog
from autograd_site.i18n.japanese import LONG_VOWEL, check_japanese, is_japanese_catalog, markup_of

EXAMPLE = Path("locale/ja/LC_MESSAGES/auto_examples/02_autograd/plot_01_first_gradient.po")


def problems(msgstr, msgid="English text", markup="rst"):
    return check_japanese(msgid, msgstr, markup)


# Rule 1: half-width : ( ) in Japanese text.
@pytest.mark.parametrize("msgstr", [
    ":download:`Python ソースコードをダウンロード: plot_01.py <plot_01.py>`",  # inside a role's text
    "次のようになります:",
    "勾配(傾き)を求めます。",
    "詳しくは PyTorch のドキュメント (英語) を参照してください。",
    "行（形状 (3,)）",
])
def test_half_width_punctuation_in_japanese_is_refused(msgstr):
    assert any("half-width" in p for p in problems(msgstr)), problems(msgstr)


@pytest.mark.parametrize("msgstr", [
    ":download:`Python ソースコードをダウンロード：plot_01.py <plot_01.py>`",
    "勾配（傾き）は :math:`f'(x) = 2x` です。",  # math keeps its parentheses
    "``torch.ones(3)`` を使います：",  # code keeps its parentheses
    "詳しくは https://en.wikipedia.org/wiki/Dual_(mathematics) を参照してください。",
    "形状 (3,) の行",  # Latin text between spaces: not Japanese text
])
def test_full_width_punctuation_and_code_pass(msgstr):
    assert not [p for p in problems(msgstr) if "half-width" in p], problems(msgstr)


# Rule 2: spacing.
@pytest.mark.parametrize("msgstr, what", [
    ("PyTorchでは勾配を計算します。", "no space"),
    ("勾配は2になります。", "no space"),
    ("勾配は 2  になります。", "two spaces"),
    ("勾配は 2 に なります。", "between Japanese characters"),
    ("勾配を求めます。 次に、", "full-width punctuation"),
])
def test_spacing_problems_are_refused(msgstr, what):
    assert any(what in p for p in problems(msgstr)), problems(msgstr)


@pytest.mark.parametrize("msgstr", [
    "PyTorch 2.13 では、``x`` の勾配は 2 になります。",
    "2×3 の行列、1～2 回、（``x``）、：``product``。",
    "{doc}`トップページ <index>`に戻ってください。",  # MyST roles need no space
])
def test_spacing_as_the_style_sets_passes(msgstr):
    markup = "md" if msgstr.startswith("{doc}") else "rst"
    assert problems(msgstr, markup=markup) == []


def test_markdown_inline_code_needs_a_space_too():
    assert any("no space" in p for p in problems("`nox`を実行します。", markup="md"))
    assert problems("`nox` を実行します。", markup="md") == []


def test_indented_blocks_and_math_entries_are_not_prose():
    assert problems("次のとおりです。\n\n::\n\n    x  =  (1, 2)\n") == []
    math = r"J = \begin{pmatrix} 1 & 2 \end{pmatrix} \quad \text{at } x = (1, 2, 3)."
    assert check_japanese(math, math.replace(r"\text{at }", r"\text{のとき }")) == []


# Rule 3: inline markup touching Japanese text (reST).
@pytest.mark.parametrize("msgstr", [
    ":term:`勾配 <gradient>`（傾き）を求めます。",  # broke a page: the role never ends
    "``check_nan=True``（デフォルト）のとき",
    "入力``x``の勾配",
    "入力 ``x``の勾配",
    "その値は*根*です。",
    "「説明」:func:`torch.zeros` を使います。",  # a closing bracket may not precede markup
])
def test_markup_glued_to_japanese_is_refused(msgstr):
    found = [p for p in problems(msgstr) if p.startswith("ja markup")]
    assert found, problems(msgstr)


@pytest.mark.parametrize("msgstr", [
    ":term:`勾配 <gradient>` （傾き）を求めます。",
    "``check_nan=True`` （デフォルト）のとき",
    "（``x``）、``y``。「``z``」",  # docutils accepts these brackets and punctuation
    "入力 ``x`` の勾配、:ref:`ページの最後 <sphx_glr>`\\ から",
    "その値は *根* です。",
])
def test_markup_with_a_space_or_punctuation_passes(msgstr):
    assert [p for p in problems(msgstr) if p.startswith("ja markup")] == []


def test_markdown_roles_may_touch_japanese():
    assert [p for p in problems("トップ{doc}`ホーム <index>`から", markup="md") if p.startswith("ja markup")] == []


# Rule 4: long vowels.
@pytest.mark.parametrize("wrong, right", [
    ("パラメーター", "パラメータ"), ("オプティマイザー", "オプティマイザ"), ("バージョンカウンター", "バージョンカウンタ"),
    ("テキストエディター", "テキストエディタ"), ("スカラ", "スカラー"),
])
def test_the_other_spelling_is_refused(wrong, right):
    assert any(f"write {right.removeprefix('バージョン').removeprefix('テキスト')!r}" in p
               for p in problems(f"{wrong}を使います。")), problems(f"{wrong}を使います。")
    assert problems(f"{right}を使います。") == []


def test_long_vowel_table_maps_to_a_spelling_it_accepts():
    for wrong, right in LONG_VOWEL.items():
        assert problems(f"{right}です。") == [], right
        assert problems(f"{wrong}です。"), wrong


def test_words_outside_the_table_keep_their_long_vowel():
    assert problems("エラー、キー、ビュー、コピー、スカラー、データ、メモリです。") == []


def test_code_is_never_read_as_japanese():
    assert problems("``パラメーター`` と ``a(b)`` です。") == []


# Where the rules apply, and how the check reports them.
def test_only_japanese_catalogs_are_checked():
    assert is_japanese_catalog(EXAMPLE)
    assert not is_japanese_catalog(Path("locale/fr/LC_MESSAGES/auto_examples/02_autograd/plot_01_first_gradient.po"))
    assert markup_of(EXAMPLE) == "rst"
    assert markup_of(Path("locale/ja/LC_MESSAGES/install.po")) == "md"
    assert markup_of(Path("locale/ja/LC_MESSAGES/sphinx.po")) == "none"


def _catalog(tmp_path, language, msgstr):
    path = tmp_path / "locale" / language / "LC_MESSAGES" / "auto_examples" / "page.po"
    path.parent.mkdir(parents=True)
    catalog = polib.POFile()
    catalog.metadata = {"Language": language, "Content-Type": "text/plain; charset=UTF-8",
                        "Plural-Forms": "nplurals=1; plural=0;"}
    catalog.append(polib.POEntry(msgid="Runs on CPU", msgstr="CPU で動作"))
    catalog.append(polib.POEntry(msgid="The parameter ``w`` (a leaf)", msgstr=msgstr))
    catalog.save(str(path))
    return path


def test_the_catalog_check_reports_file_and_line(tmp_path):
    path = _catalog(tmp_path, "ja", "パラメーター ``w``（葉テンソル）")
    errors = check_catalog(path, None).errors
    located = [e for e in errors if e.startswith(f"{path}:") and "ja " in e]
    assert len(located) == 2, errors
    line = polib.pofile(str(path))[1].linenum
    assert all(e.startswith(f"{path}:{line}: ") for e in located)


def test_other_languages_are_not_checked(tmp_path):
    path = _catalog(tmp_path, "fr", "paramètre ``w``(une feuille)")
    assert not [e for e in check_catalog(path, None).errors if "ja " in e]
