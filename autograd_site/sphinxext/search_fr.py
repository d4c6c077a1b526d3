"""French search that forgives missing accents.

Readers type « derivee » for « dérivée » and « noeud » for « nœud ».  The
index and the search page fold every word before stemming it: lower case,
accents dropped (Unicode NFKD, then the combining accents of Latin letters
removed, then NFC: Japanese voiced kana keep their marks), œ and æ spelt oe
and ae.  The index holds folded stems, and a query typed with or
without accents is stemmed to the same one.  The stemmer recognises the
participle endings -ée and -ées only with their accent, so a folded -ee or
-ees gets it back before stemming (« derivee » and « dérivée » both stem to
``deriv``, as « dériver » and « dérivation »): without it one French stem in
forty would split in two.

Both halves live here: :class:`FrenchSearch` replaces Sphinx's French search
language (registered with ``app.add_search_language``), and its
``js_stemmer_code``, which Sphinx puts into the search page's
``language_data.js``, wraps Sphinx's own JavaScript French stemmer with the
same fold.  The page keeps the words as typed for highlighting; the result
summaries look for the folded stems in the folded page text, so they show
and highlight the passage whatever the accents of the query.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import sphinx.search
from sphinx.search.fr import SearchFrench

LIGATURES = {"œ": "oe", "æ": "ae"}
ACCENTS = re.compile("[\u0300-\u036f]")  # Unicode's combining diacritical marks
# Sphinx's minified stemmers, the ones it puts into language_data.js itself.
STEMMERS = Path(sphinx.search.__file__).parent / "minified-js"


def fold(word: str) -> str:
    """``word`` in lower case, without accents, œ and æ spelt out (as ``foldFrench`` in :data:`FOLD_JS`)."""
    plain = unicodedata.normalize("NFC", ACCENTS.sub("", unicodedata.normalize("NFKD", word.lower())))
    return re.sub("[œæ]", lambda ligature: LIGATURES[ligature[0]], plain)


PARTICIPLE = re.compile(r"ee(s?)$")


def stem_form(word: str) -> str:
    """What the stemmer is given: ``word`` folded, a final -ee(s) written -ée(s) (as ``stemFormFrench``)."""
    return PARTICIPLE.sub(r"ée\1", fold(word))


# The same fold in JavaScript, the stemmer the search page uses, and result summaries that find folded stems.
FOLD_JS = """\
/* French words folded like the index (autograd_site/sphinxext/search_fr.py). */
const foldFrench = (word) =>
  word.toLowerCase().normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").normalize("NFC")
    .replace(/œ/g, "oe").replace(/æ/g, "ae");
const stemFormFrench = (word) => foldFrench(word).replace(/ee(s?)$/, "ée$1");
window.Stemmer = function () {
  const stemmer = new FrenchStemmer();
  this.stemWord = (word) => stemmer.stemWord(stemFormFrench(word));
};
/* A summary starts at a stem's first occurrence, and the page's spelling of it is highlighted. */
if (typeof Search !== "undefined") {
  const parseQuery = Search._parseQuery;
  const makeSearchSummary = Search.makeSearchSummary;
  let highlightTerms = new Set();
  Search._parseQuery = (query) => {
    const parsed = parseQuery(query);
    highlightTerms = parsed[3];
    return parsed;
  };
  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const text = Search.htmlToText(htmlText, anchor);
    let folded = "";  // the folded text, and where each of its characters comes from in text
    const origin = [];
    for (let i = 0; i < text.length; ) {
      const character = String.fromCodePoint(text.codePointAt(i));
      const piece = foldFrench(character);
      folded += piece;
      for (let k = 0; k < piece.length; k++) origin.push(i);
      i += character.length;
    }
    const spelt = [];
    for (const keyword of keywords) {
      const at = folded.indexOf(keyword);
      const word = at < 0 ? null : text.slice(origin[at]).match(/^[\\p{L}\\p{M}\\p{N}_]+/u);
      if (!word) continue;
      spelt.push(word[0]);
      if (SPHINX_HIGHLIGHT_ENABLED) highlightTerms.add(word[0].toLowerCase());
    }
    return makeSearchSummary(htmlText, spelt.length ? spelt : keywords, anchor);
  };
}
"""


class FrenchSearch(SearchFrench):
    """Sphinx's French search, on folded words."""

    js_stemmer_rawcode = ""  # Sphinx then takes js_stemmer_code as it is
    js_stemmer_code = "\n".join((
        (STEMMERS / "base-stemmer.js").read_text(encoding="utf-8"),
        (STEMMERS / "french-stemmer.js").read_text(encoding="utf-8"),
        FOLD_JS,
    ))

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        # The page drops a stop word as typed, the index after folding: both spellings are stop words.
        self.stopwords = set(self.stopwords) | {fold(word) for word in self.stopwords}

    def split(self, input: str) -> list[str]:
        return [fold(word) for word in super().split(input)]

    def stem(self, word: str) -> str:
        return self.stemmer.stemWord(stem_form(word))
