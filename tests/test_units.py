"""Small pure functions the build relies on: translated downloads, search words, records."""

import re
import textwrap
from pathlib import Path

import pytest

from autograd_site.examples.cells import parse_example
from autograd_site.examples.records import format_record, read_record
from autograd_site.sphinxext import search_fr, search_ja
from autograd_site.sphinxext.downloads import translate_rst
from helpers import ROOT

PARAGRAPH = "Autograd records the operations done on tensors\nthat require gradients, then replays them backwards."
JAPANESE = "autograd は、勾配を必要とするテンソルに対して行われた演算を記録し、それを逆向きにたどって勾配を計算します。" * 2
FRENCH = ("Autograd enregistre les opérations effectuées sur les tenseurs qui demandent un gradient, "
          "puis les rejoue à l'envers pour calculer ce gradient.")


def catalog(translations: dict[str, str]):
    """A gettext that knows ``translations`` and records every message asked for."""
    asked = []

    def gettext(message: str) -> str:
        asked.append(message)
        return translations.get(message, message)

    gettext.asked = asked
    return gettext


def test_heading_underline_counts_wide_characters_twice():
    text = "Your first gradient\n===================\n\n" + PARAGRAPH
    translated = translate_rst(text, catalog({"Your first gradient": "最初の勾配"}), wrap=None)
    assert translated.split("\n")[:2] == ["最初の勾配", "=" * 10]
    assert translated.split("\n\n")[1] == PARAGRAPH, "an untranslated paragraph keeps its lines"


def test_a_short_heading_still_gets_a_three_character_underline():
    assert translate_rst("Title\n-----", catalog({"Title": "勾"})) == "勾\n---"


def test_japanese_is_not_wrapped_and_french_is():
    message = " ".join(PARAGRAPH.split("\n"))
    japanese = translate_rst(PARAGRAPH, catalog({message: JAPANESE}), wrap=None)
    assert japanese == JAPANESE
    french = translate_rst(PARAGRAPH, catalog({message: FRENCH}), wrap=76)
    assert len(french.split("\n")) > 1 and max(len(line) for line in french.split("\n")) <= 76
    assert " ".join(french.split("\n")) == FRENCH


def test_directives_and_indented_blocks_are_left_alone():
    math = ".. math::\n\n   \\frac{dL}{dx} = 2x + 2"
    literal = "    x = torch.ones(2)\n    y = x * 2"
    text = f"{PARAGRAPH}\n\n{math}\n\n{literal}\n"
    gettext = catalog({".. math::": "TRADUIT", "\\frac{dL}{dx} = 2x + 2": "TRADUIT", literal: "TRADUIT"})
    assert translate_rst(text, gettext) == f"{PARAGRAPH}\n\n{math}\n\n{literal}"
    assert gettext.asked == [" ".join(PARAGRAPH.split("\n"))]


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        ("勾", []),
        ("勾配", ["勾配"]),
        ("計算グラフ", ["計算", "計算グ", "計算グラ", "計算グラフ", "算グ", "算グラ", "算グラフ", "グラ", "グラフ", "ラフ"]),
    ],
)
def test_japanese_runs_are_indexed_by_every_substring_of_two_or_more(run, expected):
    assert search_ja.substrings(run) == expected


def test_long_runs_are_indexed_up_to_the_length_the_search_page_cuts_queries_to():
    run = "自動微分計算グラフ逆伝播葉テンソル勾配"  # 19 characters
    words = search_ja.substrings(run)
    assert max(map(len, words)) == search_ja.LONGEST
    assert set(words) == {run[i:j] for i in range(len(run)) for j in range(i + 2, len(run) + 1)
                          if j - i <= search_ja.LONGEST}
    # The search page's splitter, generated from the same constant, cuts queries to that length.
    assert re.findall(r"start \+= (\d+)\)", search_ja.SPLIT_QUERY) == [str(search_ja.LONGEST)]


@pytest.mark.parametrize(
    ("typed", "folded"),
    [("dérivée", "derivee"), ("Différentiation", "differentiation"), ("élémentaire", "elementaire"),
     ("nœud", "noeud"), ("Œuvre", "oeuvre"), ("ex æquo", "ex aequo"), ("à", "a"), ("ça", "ca"), ("gradient", "gradient"),
     ("ﬁn", "fin"), ("オプティマイザ", "オプティマイザ")],  # Japanese voiced kana keep their marks
)
def test_french_words_are_folded_to_lower_case_without_accents(typed, folded):
    assert search_fr.fold(typed) == folded


@pytest.mark.parametrize(
    ("accented", "plain"),
    [("dérivée", "derivee"), ("dérivées", "derivees"), ("différentiation", "differentiation"),
     ("élémentaire", "elementaire"), ("nœud", "noeud"), ("nœuds", "noeuds"), ("rétropropagation", "retropropagation")],
)
def test_french_index_and_query_stem_a_word_with_or_without_accents_alike(accented, plain):
    french = search_fr.FrenchSearch({})
    assert french.split(f"Le {accented} !") == french.split(f"le {plain}") == ["le", search_fr.fold(plain)]
    assert french.stem(accented) == french.stem(plain) == french.stem(accented.upper())


def test_french_stems_of_different_words_stay_apart_and_inflections_stay_together():
    french = search_fr.FrenchSearch({})
    assert french.stem("dérivée") == french.stem("dériver") == french.stem("dérivation") == "deriv"
    assert len({french.stem(word) for word in ("dérivée", "gradient", "tenseur", "tension", "nœud")}) == 5


def test_french_stop_words_are_stop_words_with_or_without_accents():
    french = search_fr.FrenchSearch({})
    assert {"à", "a", "été", "ete", "même", "meme"} <= french.stopwords
    assert not french.word_filter(french.stem("été")) and french.word_filter(french.stem("dérivée"))


def test_the_search_page_gets_the_french_stemmer_and_its_fold():
    code = search_fr.FrenchSearch.js_stemmer_code
    assert "var FrenchStemmer=" in code and "BaseStemmer=" in code  # Sphinx's stemmer, then ours around it
    assert code.index("var FrenchStemmer=") < code.index("window.Stemmer = function")
    assert not search_fr.FrenchSearch.js_stemmer_rawcode  # else Sphinx would ignore js_stemmer_code


@pytest.mark.parametrize(
    ("run", "folded"),
    [
        ("パラメーター", "パラメータ"),
        ("パラメータ", "パラメータ"),
        ("オプティマイザー", "オプティマイザ"),
        ("コンピューター", "コンピュータ"),
        ("ユーザー", "ユーザ"),  # a long vowel inside the word stays
        ("スカラー値", "スカラ値"),  # a word ends where kanji begin
        ("パラメーター更新オプティマイザー", "パラメータ更新オプティマイザ"),
        ("ユーザー・ガイド", "ユーザ・ガイド"),  # and at the middle dot
        ("ﾊﾟﾗﾒｰﾀｰ", "ﾊﾟﾗﾒｰﾀ"),  # half width
        ("キー", "キー"),  # one character would be left: too short to index, kept
        ("キーワード", "キーワード"),
        ("計算グラフ", "計算グラフ"),
    ],
)
def test_japanese_katakana_words_lose_their_final_long_vowel(run, folded):
    assert search_ja.fold_long_vowels(run) == folded


def test_japanese_index_words_are_the_same_with_or_without_the_final_long_vowel():
    japanese = search_ja.JapaneseSearch({})
    assert japanese.split("パラメーターを更新する") == japanese.split("パラメータを更新する")
    assert "パラメータ更新" in japanese.split("パラメーター更新")
    assert "キー" in japanese.split("キーを押す")


def test_a_cuda_record_says_how_to_update_it_and_reads_back(tmp_path):
    example_path = tmp_path / "plot_x.py"
    example_path.write_text(textwrap.dedent('''\
        """
        Title
        =====
        """
        import torch

        # %% [cuda]
        # On the GPU
        # ----------
        print(torch.ones(1, device="cuda"))
        '''))
    example = parse_example(example_path)
    text = format_record(example, "cuda", {0: "", 1: "tensor([1.], device='cuda:0')\t\n"}, "torch 2.13.0 · CUDA 12.8 · H200")
    assert text == textwrap.dedent("""\
        # Output of plot_x.py on cuda
        # Recorded with: torch 2.13.0 · CUDA 12.8 · H200
        # Update with: nox -s doctest-gpu -- --accept

        ## cell 1: On the GPU
        tensor([1.], device='cuda:0')
        """)
    record_file = tmp_path / "plot_x.cuda.txt"
    record_file.write_text(text, encoding="utf-8")
    record = read_record(record_file)
    assert record.outputs == {1: "tensor([1.], device='cuda:0')"}
    assert record.recorded_with == "torch 2.13.0 · CUDA 12.8 · H200"


def test_a_solution_cell_is_declared_on_its_separator_and_combines_with_a_device(tmp_path):
    from autograd_site.examples.cells import CellDeclarationError, parse_example
    from autograd_site.sphinxext.solutions import folded

    path = tmp_path / "plot_01_exercises.py"
    path.write_text('"""\nExercises\n=========\n\nTry.\n"""\n\n# %%\n# Problem\n# -------\n\n# %% [solution]\n'
                    'print(1)\n\n# %% [cuda] [solution]\nprint(2)\n', encoding="utf-8")
    cells = parse_example(path).cells
    assert [(c.solution, c.needs) for c in cells] == [(True, None), (True, "cuda")]
    path.write_text(path.read_text(encoding="utf-8").replace("[cuda] [solution]", "[answer]"), encoding="utf-8")
    with pytest.raises(CellDeclarationError, match=r"plot_01_exercises.py:\d+: unknown cell declaration '\[answer\]'"):
        parse_example(path)
    assert folded(".. code-block:: Python\n\n    print(1)\n") == (
        "\n.. solution::\n\n   .. code-block:: Python\n\n       print(1)\n\n")


def test_a_change_to_the_search_word_code_changes_the_setting_that_re_reads_every_page(tmp_path, monkeypatch):
    from autograd_site import sphinxext

    digest = sphinxext.search_words_version()
    assert digest == sphinxext.search_words_version()  # the same in every build and clone
    for module in (search_fr, search_ja):
        changed = tmp_path / Path(module.__file__).name
        changed.write_text(Path(module.__file__).read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        with monkeypatch.context() as patch:
            patch.setattr(module, "__file__", str(changed))
            assert sphinxext.search_words_version() != digest, module.__name__
