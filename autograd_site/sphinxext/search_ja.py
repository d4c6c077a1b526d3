"""Japanese search words that a query typed without spaces can find.

Sphinx's default Japanese splitter (TinySegmenter) cuts the same phrase
differently depending on its neighbours, and the search page does not split
a typed query at all, so "計算グラフ" finds only the pages where the index
happened to keep it whole.  Here every run of kanji and katakana is indexed
with all its substrings of two characters or more, and the search page cuts
a query into the same runs: a phrase is found wherever it appears.  Hiragana
runs are particles and inflections: not indexed.  Latin words are indexed as
words.

Katakana words from English are written with or without their final long
vowel (パラメータ, パラメーター): both sides drop the final ー of every katakana
word of three characters or more before cutting, so either spelling finds
the pages of both.  A two-character word keeps it (キー, ルー): without it, it
would be one character, too short to index.

Both halves live here: :class:`JapaneseSearch` is registered with
``app.add_search_language`` and Sphinx puts its ``js_splitter_code`` (the
query splitter, ``splitQuery``) into the search page's ``language_data.js``.
"""

from __future__ import annotations

import re
from string import Template

from sphinx.search import SearchLanguage

# Character classes written with \\u escapes, which Python and JavaScript
# regular expressions read alike.
KANJI_KATAKANA = r"\u3005\u3006\u3400-\u4dbf\u4e00-\u9fff\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"
HIRAGANA = r"\u3040-\u309f"
LATIN = r"0-9A-Z_a-z\u00c0-\u024f"
TOKENS = rf"([{KANJI_KATAKANA}]+)|[{HIRAGANA}]+|([{LATIN}]+)"  # groups: a run, a word
# A katakana word: letters (not the middle dot ・) and long-vowel marks ー, full or half width.
KATAKANA_WORD = r"[\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f]+"
LONG_VOWEL = r"[\u30fc\uff70]+$"  # the final long-vowel marks of a word
LONGEST = 12  # the longest substring indexed; the query splitter cuts longer runs into pieces of this length

SPLIT_QUERY = Template("""\
/* Japanese queries cut like the index (autograd_site/sphinxext/search_ja.py). */
var foldLongVowels = function (run) {
  return run.replace(/$katakana/gu, function (word) {
    var folded = word.replace(/$long_vowel/u, "");
    return folded.length >= 2 ? folded : word;
  });
};
var splitQuery = function (query) {
  var words = [];
  for (let [, run, word] of query.matchAll(/$tokens/gu)) {
    if (run) {
      run = foldLongVowels(run);
      for (var start = 0; start < run.length; start += $longest) {
        words.push(run.slice(start, start + $longest));
      }
    } else if (word) {
      words.push(word);
    }
  }
  return words;
};
""").substitute(tokens=TOKENS, longest=LONGEST, katakana=KATAKANA_WORD, long_vowel=LONG_VOWEL)


def _fold_word(match: re.Match) -> str:
    folded = re.sub(LONG_VOWEL, "", match[0])
    return folded if len(folded) >= 2 else match[0]


def fold_long_vowels(run: str) -> str:
    """``run`` with the final ー of each katakana word of three characters or more dropped (as ``foldLongVowels``)."""
    return re.sub(KATAKANA_WORD, _fold_word, run)


def substrings(run: str) -> list[str]:
    return [run[i:j] for i in range(len(run)) for j in range(i + 2, min(len(run), i + LONGEST) + 1)]


class JapaneseSearch(SearchLanguage):
    """Japanese pages: every kanji/katakana substring and Latin word is a search word."""

    lang = "ja"
    language_name = "Japanese"
    js_splitter_code = SPLIT_QUERY
    tokens = re.compile(TOKENS)

    def split(self, input: str) -> list[str]:
        words: list[str] = []
        for run, word in self.tokens.findall(input):
            if run:
                words += substrings(fold_long_vowels(run))
            elif word:
                words.append(word)
        return words

    def word_filter(self, word: str) -> bool:
        return len(word) > 1  # as Sphinx's own Japanese search
