// textlint for the Japanese catalogs (locale/ja), run by `python -m autograd_site.i18n check`
// through autograd_site/i18n/textlint.py, which masks markup before textlint reads a msgstr.
// The site's own style is docs/translating.md, "Style", Japanese.
module.exports = {
  rules: {
    "preset-ja-technical-writing": {
      // A Japanese sentence may end with the full-width colon that introduces
      // a list or a code block (English ":"), as the site writes it.
      "ja-no-mixed-period": { periodMark: "。", allowPeriodMarks: ["："] },
      // Masked markup (code, roles, math) reaches textlint as runs of X:
      // only the prose counts towards a sentence's length.
      "sentence-length": { max: 100, skipPatterns: ["/X{2,}/"] },
      // "浮動小数点演算" (floating-point operations) is one term of 7 kanji.
      // "通時的誤差逆伝播" (backpropagation through time) is one established term of 8.
      "max-kanji-continuous-len": { max: 7, allow: ["通時的誤差逆伝播"] },
      // Doubled particles, decided on the 49 findings of the catalogs (2026-12):
      // - kept: が, は, で, と (and を, の by the rule's own defaults, strict: false).
      //   Their findings were real: 「その名前が指すテンソルが」, 「インプレースでゼロで埋めます」,
      //   「〜の下でインプレースで更新します」; each was reworded.
      // - allowed: に (26 of 49 findings, all natural: 「〜ごとに」「〜前に」「〜ように」「一度に」
      //   「〜ために」; kuromoji tags most of them 格助詞, so the rule cannot tell them from a
      //   doubled case particle), and the parallel particles of 「A も B も」, 「A にも B にも」,
      //   「A か B か」 and 「あっても なくても」, which the rule's README itself suggests allowing.
      // - strict stays false: measured with the allow list above, strict: true makes 610 findings,
      //   408 of them の: it flags every 「A の B の」 (the commonest noun phrase of
      //   the catalogs) and drops the comma and bracket distances; a chain of の cannot be
      //   configured by count, so it is left to review.
      "no-doubled-joshi": { min_interval: 1, strict: false, allow: ["に", "も", "にも", "か", "ても"] },
    },
    "preset-jtf-style": {
      // The site puts ONE half-width space between Japanese and Latin words,
      // numbers or inline code: JTF's "no space" rule is replaced by
      // ja-space-between-half-and-full-width below.
      "3.1.1.全角文字と半角文字の間": false,
    },
    "ja-space-between-half-and-full-width": {
      // A space next to Latin words and numbers; none before 、。 (JTF agrees).
      space: ["alphabets", "numbers"],
    },
  },
};
