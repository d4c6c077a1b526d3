"""Japanese search words that a query typed without spaces can find.

Sphinx's default Japanese splitter (TinySegmenter) cuts the same phrase
differently depending on its neighbours, and the search page does not split
a typed query at all, so "計算グラフ" finds only the pages where the index
happened to keep it whole.  Here every run of kanji and katakana is indexed
with all its substrings of two characters or more, and
``_static/ja-search.js`` cuts a query into the same runs: a phrase is found
wherever it appears.  Hiragana runs are particles and inflections: not
indexed.  Latin words are indexed as words.
"""

from __future__ import annotations

import re

from sphinx.search.ja import BaseSplitter

KANJI_KATAKANA = "\u3005\u3006\u3400-\u4dbf\u4e00-\u9fff\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"
HIRAGANA = "\u3040-\u309f"
LATIN = "0-9A-Z_a-z\u00c0-\u024f"
TOKENS = re.compile(rf"(?P<run>[{KANJI_KATAKANA}]+)|[{HIRAGANA}]+|(?P<word>[{LATIN}]+)")
LONGEST = 12  # ja-search.js cuts longer query runs into pieces of this length


def substrings(run: str) -> list[str]:
    return [run[i:j] for i in range(len(run)) for j in range(i + 2, min(len(run), i + LONGEST) + 1)]


class RunSplitter(BaseSplitter):
    def split(self, input: str) -> list[str]:
        words: list[str] = []
        for match in TOKENS.finditer(input):
            if match["run"]:
                words += substrings(match["run"])
            elif match["word"]:
                words.append(match["word"])
        return words
