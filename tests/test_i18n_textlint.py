"""textlint on the Japanese catalogs (autograd_site/i18n/textlint.py, .textlintrc.js): each class of rule
catches its case, reported with the .po path and the msgstr's line, and a valid message is not flagged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from autograd_site.i18n.textlint import TEXTLINT, lint_text, textlint_problems

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
