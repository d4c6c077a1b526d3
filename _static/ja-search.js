/* Japanese search for queries typed without spaces (see autograd_site/search_ja.py).
 *
 * The index holds every substring of each run of kanji and katakana, so a
 * query is cut into the same runs: hiragana between them (particles,
 * inflections) is dropped, and a run longer than the longest indexed
 * substring is cut into pieces.
 */
var splitQuery = (query) => {
  const LONGEST = 12;
  const tokens = /([\u3005\u3006\u3400-\u4dbf\u4e00-\u9fff\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]+)|[\u3040-\u309f]+|([0-9A-Z_a-z\u00c0-\u024f]+)/gu;
  const words = [];
  for (const [, run, word] of query.matchAll(tokens)) {
    if (run) {
      for (let start = 0; start < run.length; start += LONGEST) words.push(run.slice(start, start + LONGEST));
    } else if (word) {
      words.push(word);
    }
  }
  return words;
};
