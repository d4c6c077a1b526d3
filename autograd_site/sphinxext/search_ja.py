"""Japanese search words that a query typed without spaces can find.

Sphinx's default Japanese splitter (TinySegmenter) cuts the same phrase
differently depending on its neighbours, and the search page does not split
a typed query at all, so "計算グラフ" finds only the pages where the index
happened to keep it whole.  Here every run of kanji and katakana is indexed
with all its substrings of two characters or more, and the search page cuts
a query into the same runs: a phrase is found wherever it appears.  Hiragana
runs are particles and inflections: not indexed.  Latin words are indexed as
words.

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
LONGEST = 12  # the longest substring indexed; the query splitter cuts longer runs into pieces of this length

SPLIT_QUERY = Template("""\
/* Japanese queries cut like the index (autograd_site/sphinxext/search_ja.py). */
var splitQuery = function (query) {
  var words = [];
  for (const [, run, word] of query.matchAll(/$tokens/gu)) {
    if (run) {
      for (var start = 0; start < run.length; start += $longest) {
        words.push(run.slice(start, start + $longest));
      }
    } else if (word) {
      words.push(word);
    }
  }
  return words;
};
""").substitute(tokens=TOKENS, longest=LONGEST)


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
                words += substrings(run)
            elif word:
                words.append(word)
        return words

    def word_filter(self, word: str) -> bool:
        return len(word) > 1  # as Sphinx's own Japanese search
