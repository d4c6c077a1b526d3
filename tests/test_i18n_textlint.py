"""textlint on the Japanese catalogs (autograd_site/i18n/textlint.py, .textlintrc.js): each class of rule
catches its case, reported with the .po path and the msgstr's line, and a valid message is not flagged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from autograd_site.i18n import cli
from autograd_site.i18n.catalogs import catalog_dir
from autograd_site.i18n.textlint import TEXTLINT, is_sentence, lint_text, textlint_problems
from autograd_site.languages import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[1]

needs_node = pytest.mark.skipif(shutil.which("node") is None,
                                reason="Node.js is not installed (CI has it; `python -m autograd_site.i18n check` "
                                       "fails without it)")

HEADER = '''msgid ""
msgstr ""
"Project-Id-Version: test\\n"
"Language: ja\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

'''

# (name, English, translation, the rule that must flag it, or None: valid, nothing may be flagged)
CASES = [
    ("spacing", "Tensors are the core of PyTorch.", "テンソルはPyTorchの中心です。",
     "ja-space-between-half-and-full-width"),
    ("redundant", "You can compute the gradient.", "勾配を計算することができます。",
     "ja-no-redundant-expression"),
    ("doubled particle", "A product made with a substitute.", "材料不足で代替素材で製品を作りました。",
     "no-doubled-joshi"),
    ("exclamation", "The gradient vanished!", "勾配が消えました!", "no-exclamation-question-mark"),
    ("ra-nuki", "You can see the value.", "この値は表示を見れます。", "no-dropping-the-ra"),
    ("dearu in desumasu", "We compute it. It is a tensor.", "勾配を計算します。これはテンソルである。",
     "no-mix-dearu-desumasu"),
    ("no final period", "The loop stops here.", "ループはここで止まります", "ja-no-mixed-period"),
    ("kanji run", "The number of floating-point operations.", "浮動小数点演算回数を数えます。",
     "max-kanji-continuous-len"),
    ("commas", "A, b, c, d and e.", "勾配を求め、値を表示し、グラフを描き、フックを登録し、結果を確かめます。", "max-ten"),
    ("doubled conjunction", "Also this. Also that.", "勾配を求めます。また、値を表示します。また、グラフを描きます。",
     "no-doubled-conjunction"),
    ("half-width parentheses", "The slope (the gradient).", "傾き(勾配)を求めます。", "4.3.1.丸かっこ（）"),
    ("long sentence", "A long sentence.", "勾配" + "を求めて、値を表示し" * 12 + "ます。", "sentence-length"),
    # Valid: spaces around Latin words, numbers and masked markup; a role's own text; a title without 。;
    # reST's escaped space before a full-width bracket; a shape tuple; a colon before a code block.
    ("valid prose", "In PyTorch 2.13, ``x`` has a :doc:`gradient <grad>` of shape (4, 1).",
     "PyTorch 2.13 では、``x`` は形状 (4, 1) の :doc:`勾配 <grad>` を持ちます。", None),
    ("valid title", "Creating tensors", "テンソルの作成", None),
    ("valid literal block", "It stays ``None``::", "``w.grad`` は ``None`` のままです。 ::", None),
    ("valid escaped space", "``x`` (the default) is kept.", "``x``\\ （デフォルト）は保たれます。", None),
    ("valid colon", "Each step keeps one value:", "ステップごとに中間値を 1 つ置きます：", None),
    # Doubled particles (.textlintrc.js): が, で, は stay checked; に and the parallel も…も, か…か are allowed.
    ("doubled ga", "The tensor the name points to changes.", "その名前が指すテンソルが変わります。", "no-doubled-joshi"),
    ("doubled de", "It fills the gradient with zeros in place.", "勾配をインプレースでゼロで埋めます。",
     "no-doubled-joshi"),
    ("valid ni", "Functions apply to every element at once.", "関数はすべての要素に一度に適用されます。", None),
    ("valid mo mo", "No graph and no backward pass are needed.", "グラフも逆伝播も必要ありません。", None),
    ("valid ka ka", "A view or a copy?", "ビューかコピーか", None),
    ("valid term of 8 kanji", "That is truncated backpropagation through time.",
     "これが打ち切り型の通時的誤差逆伝播です。", None),
    # A title that ends with a literal holding dots is not a sentence: no 。 is required.
    ("valid title ending in a literal", "Per-sample gradients with ``vmap(grad(...))``",
     "``vmap(grad(...))`` によるサンプルごとの勾配", None),
]


def _catalog(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "locale" / "ja" / "LC_MESSAGES" / "auto_examples" / "page.po"
    path.parent.mkdir(parents=True)
    text, lines = HEADER, {}
    for name, english, translation, _ in CASES:
        text += f'msgid "{english}"\n'
        lines[name] = text.count("\n") + 1
        text += f'msgstr "{translation}"\n\n'
    # A message over two lines: the finding is reported on the second.
    text += 'msgid ""\n"First sentence. Second sentence."\nmsgstr ""\n"最初の文です。"\n'
    lines["second line"] = text.count("\n") + 1
    text += '"勾配を計算することができます。"\n'
    path.write_text(text, encoding="utf-8")
    return path, lines


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    """textlint's findings for the fixture catalog (one textlint run for every case)."""
    if not (ROOT / TEXTLINT).exists():
        pytest.fail(f"{TEXTLINT} is missing: run `npm ci` (nox does, in the tests and i18n-check sessions)")
    path, lines = _catalog(tmp_path_factory.mktemp("textlint"))
    return path, lines, textlint_problems(ROOT, path.parents[2])


def _at_line(findings, line):
    path, _, problems = findings
    return [p for p in problems if p.startswith(f"{path}:{line}: textlint ")]


@needs_node
@pytest.mark.parametrize("name, rule", [(name, rule) for name, _, _, rule in CASES if rule])
def test_each_rule_catches_its_case(findings, name, rule):
    line = findings[1][name]
    found = _at_line(findings, line)
    assert any(f" textlint " in p and rule in p.split(": ")[1] for p in found), (name, found, findings[2])


@needs_node
@pytest.mark.parametrize("name", [name for name, _, _, rule in CASES if rule is None])
def test_a_valid_message_is_not_flagged(findings, name):
    assert _at_line(findings, findings[1][name]) == []


@needs_node
def test_a_finding_is_reported_on_the_line_that_holds_it(findings):
    line = findings[1]["second line"]
    assert [p for p in _at_line(findings, line) if "ja-no-redundant-expression" in p]
    assert not [p for p in _at_line(findings, line - 1) if "ja-no-redundant-expression" in p]


def test_without_node_modules_the_check_fails_saying_npm_ci(tmp_path):
    path, _ = _catalog(tmp_path)
    problems = textlint_problems(tmp_path, path.parents[2])
    assert len(problems) == 1 and "npm ci" in problems[0]


def test_masked_markup_keeps_its_length_as_a_latin_word():
    text, origin = lint_text("``x`` の勾配", "rst")
    assert text == "XXXXX の勾配" and origin[:6] == [0, 1, 2, 3, 4, 5]
    # The syntax of a role with its own text is dropped, and the space reST needs beside it.
    assert lint_text("の :doc:`勾配 <grad>` を", "rst")[0] == "の勾配を"
    assert lint_text("には [nox](https://nox.thea.codes) を", "md")[0] == "には nox を"


def test_a_title_ending_with_a_literal_is_not_a_sentence():
    assert not is_sentence("Per-sample gradients with ``vmap(grad(...))``")
    assert is_sentence("It returns ``x``.") and is_sentence("Use it:")
    assert not is_sentence("Creating tensors") and not is_sentence("See :doc:`grad`")


@pytest.mark.parametrize("found", [["FINDING: textlint rule: message"], []])
def test_the_catalog_check_fails_on_a_textlint_finding(tmp_path, monkeypatch, capsys, found):
    """`python -m autograd_site.i18n check` runs textlint once, on the Japanese catalogs, and fails on a finding."""
    for language in TRANSLATIONS:
        catalog_dir(tmp_path / "locale", language).mkdir(parents=True)
    calls = []
    monkeypatch.setattr(cli, "extract", lambda root, potdir: None)
    monkeypatch.setattr(cli, "load_terms", lambda path, language: [])
    monkeypatch.setattr(cli, "textlint_problems", lambda root, catalogs: calls.append(catalogs) or found)
    assert cli.check(tmp_path) == (1 if found else 0)
    assert calls == [catalog_dir(tmp_path / "locale", "ja")]
    out, err = capsys.readouterr()
    assert ("FINDING: textlint rule: message" in out) if found else ("All catalogs are complete" in out)


@needs_node
def test_the_cache_is_keyed_on_content_and_never_hides_a_finding(tmp_path):
    """A second run reads textlint's cache (files named by their content's hash): same findings; an edited
    message that now fails is linted again, whatever the file times say."""
    path = tmp_path / "locale" / "ja" / "LC_MESSAGES" / "page.po"
    path.parent.mkdir(parents=True)
    good, bad = "勾配を計算します。", "勾配を計算することができます。"

    def run(first):
        path.write_text(HEADER + f'msgid "We compute it."\nmsgstr "{first}"\n\n'
                        f'msgid "We compute it twice."\nmsgstr "{bad}"\n', encoding="utf-8")
        return textlint_problems(ROOT, path.parents[1])

    before = run(good)
    assert len(before) == 1 and before == run(good)  # the cached clean message stays clean, the finding stays
    assert len(run(bad)) == 2  # same line count and size class, new content: linted
    assert list((ROOT / "_build" / "textlint").glob("*/.textlintcache"))
