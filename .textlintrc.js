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
      "max-kanji-continuous-len": { max: 7 },
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
