"""French typography gates: each rule catches its case, leaves the right text alone, and names file and line."""

import textwrap
from pathlib import Path

import pytest

from autograd_site.i18n import cli as i18n
from autograd_site.i18n.french import check_french, fix_apostrophes
from autograd_site.i18n.lint import check_markup

from helpers import ROOT

FR = Path("locale/fr/LC_MESSAGES/page.po")
NBSP, NNBSP = "\u00a0", "\u202f"


def problems(msgid: str, msgstr: str, path: Path = FR) -> list[str]:
    return check_french(path, msgid, msgstr)


# (1) Spaces before : ; ! ? and inside « ».

@pytest.mark.parametrize(
    ("msgstr", "found"),
    [
        ("Deux cas : le premier.", "U+00A0 before ':', not a plain space"),
        ("Deux cas: le premier.", "U+00A0 before ':', not no space"),
        (f"Deux cas{NNBSP}: le premier.", "U+00A0 before ':', not U+202F"),
        ("Vraiment ?", "U+202F before '?', not a plain space"),
        (f"Vraiment{NBSP}?", "U+202F before '?', not U+00A0"),
        ("Attention !", "U+202F before '!'"),
        ("Un cas ; un autre.", "U+202F before ';'"),
        (f"Le message « erreur{NBSP}».", "U+00A0 after '«', not a plain space"),
        (f"Le message «{NBSP}erreur ».", "U+00A0 before '»', not a plain space"),
        ("Le tenseur ``x``: sa valeur.", "U+00A0 before ':', not no space"),
    ],
)
def test_missing_or_wrong_space_is_flagged(msgstr, found):
    assert any(found in problem for problem in problems("English.", msgstr)), problems("English.", msgstr)


@pytest.mark.parametrize(
    "msgstr",
    [
        f"Deux cas{NBSP}: le premier{NNBSP}; le second{NNBSP}! Vraiment{NNBSP}?",
        f"Le message «{NBSP}erreur{NBSP}» et ``x``{NBSP}: sa valeur.",
        "Un rapport 1:2 et l’heure 12:30.",
        "Voir https://pytorch.org/docs?x=1 et [nox](https://nox.thea.codes/).",
        "Le code ``a[1:2]; b != c?`` et :func:`torch.sin`.",
        "Les maths :math:`f: x \\mapsto y` et $g: x$.",
        f"Quoi{NNBSP}?!",
        "Un bloc littéral ::",
    ],
)
def test_right_spaces_code_urls_math_and_ratios_pass(msgstr):
    assert problems("English; with: marks?", msgstr) == []


def test_english_quoted_verbatim_stays_as_printed():
    english = 'PyTorch says "RuntimeError: can\'t do it!"'
    assert problems(english, f"PyTorch affiche «{NBSP}RuntimeError: can't do it!{NBSP}».") == []
    # Only a verbatim quotation: French text in « » follows the French rules.
    assert problems(english, f"PyTorch affiche «{NBSP}Erreur: c'est fini{NBSP}».") != []


def test_only_french_catalogs_are_checked():
    for path in (Path("locale/ja/LC_MESSAGES/page.po"), Path("locale/fr_extra/page.po")):
        assert problems("English.", "Deux cas: l'un.", path) == []
    assert problems("English.", "Deux cas: l'un.", Path("locale/fr_CA/LC_MESSAGES/page.po")) != []


# (2) Apostrophes: the typographic ’ in text and titles.

@pytest.mark.parametrize(
    "msgstr", ["L'exemple du graphe", "Voir {doc}`la page d'accueil <index>`.", "Le :term:`taux d'apprentissage <x>`."]
)
def test_straight_apostrophe_in_prose_and_link_text_is_flagged(msgstr):
    assert any("apostrophe ’" in problem for problem in problems("The graph.", msgstr))


@pytest.mark.parametrize(
    "msgstr",
    [
        "L’exemple d’autograd",
        "Le code ``d['a']`` et :func:`l'f <torch.sin>` restent tels quels.",
        "Voir {doc}`la page d’accueil <index>` et :term:`taux d’apprentissage <learning rate>`.",
        "Voir :math:`f'(x)` et $g'(x)$.",
        "f'(x) calculée par autograd, et f''(x).",
    ],
)
def test_typographic_apostrophe_code_roles_and_math_pass(msgstr):
    assert problems("English text.", msgstr) == []


def test_fix_apostrophes_changes_prose_only():
    msgid = "The example of ``d['a']`` and :math:`f'(x)`."
    msgstr = "L'exemple de ``d['a']`` et d':math:`f'(x)`, l'autre."
    assert fix_apostrophes(msgid, msgstr) == "L’exemple de ``d['a']`` et d’:math:`f'(x)`, l’autre."
    assert fix_apostrophes("x = 'a'", "x = 'a'") == "x = 'a'"  # kept as is: code


# (3) English words in \text{…} inside math.

def test_english_word_in_text_of_math_is_flagged():
    english = "J = \\begin{pmatrix} 1 \\end{pmatrix} \\quad \\text{at } x = 1."
    assert any("\\text{at }" in problem for problem in problems(english, english))
    inline = "The :math:`\\text{loss} = 1`."
    assert any("\\text{loss}" in problem for problem in problems(inline, "La :math:`\\text{loss} = 1`."))


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("J = 1 \\quad \\text{at } x = 1.", "J = 1 \\quad \\text{en } x = 1."),
        ("The :math:`\\text{loss} = 1`.", "La :math:`\\text{perte} = 1`."),
        ("The :math:`\\text{ReLU}(x) = \\text{max}(x, 0)`.", "La :math:`\\text{ReLU}(x) = \\text{max}(x, 0)`."),
        ("The :math:`\\mathrm{out} = 1`.", "La :math:`\\mathrm{out} = 1`."),
    ],
)
def test_translated_text_and_notation_pass(msgid, msgstr):
    assert problems(msgid, msgstr) == []


def test_markup_gate_lets_the_words_of_text_in_math_be_translated():
    assert check_markup("The :math:`\\text{loss} = 1`.", "La :math:`\\text{perte} = 1`.") == []
    assert check_markup("The :math:`\\text{loss} = 1`.", "La :math:`\\text{perte} = 2`.") != []


# The catalog check reports each problem with the .po file and line.

@pytest.mark.parametrize(
    ("msgstr", "expected"),
    [
        ("Deux cas: le premier.", "U+00A0 before ':'"),
        ("L'exemple.", "apostrophe ’"),
        ("J = 1 \\\\quad \\\\text{at } x = 1.", "English word in math"),
    ],
)
def test_check_names_file_and_line(tmp_path, msgstr, expected):
    msgid = "J = 1 \\\\quad \\\\text{at } x = 1." if "text" in msgstr else "Two cases: the first."
    catalog = tmp_path / "locale" / "fr" / "LC_MESSAGES" / "page.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(textwrap.dedent(f"""\
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=utf-8\\n"
        "Language: fr\\n"

        msgid "Other."
        msgstr "Autre."

        msgid "{msgid}"
        msgstr "{msgstr}"
        """), encoding="utf-8")
    report = i18n.check_catalog(catalog, None)
    found = [error for error in report.errors if expected in error]
    assert found, report.errors
    assert found[0].startswith(f"{catalog}:9:"), found[0]


def test_the_french_catalogs_pass():
    failures = [f"{path}:{line}: {problem}"
                for path in sorted((ROOT / "locale" / "fr").rglob("*.po"))
                for line, msgid, msgstr in _entries(path)
                for problem in check_french(path, msgid, msgstr)]
    assert failures == []


def _entries(path):
    import polib

    for entry in polib.pofile(str(path)).translated_entries():
        yield entry.linenum, entry.msgid, entry.msgstr


# (4) English words the glossary keeps in French are written in italics.

KEPT = ("gradient checkpointing", "straight-through", "broadcasting", "define-by-run", "device", "hook")


@pytest.mark.parametrize(
    ("msgstr", "word"),
    [
        ("Cette page installe des hooks avec ``register_hook``.", "hooks"),
        ("Chaque tenseur réside sur un device.", "device"),
        ("Inspecter les gradients avec des Hooks", "Hooks"),
        ("Le gradient checkpointing échange du calcul contre de la mémoire.", "gradient checkpointing"),
        ("Un estimateur straight-through laisse passer le gradient.", "straight-through"),
        ("Le *hook* voit le gradient, puis un autre hook le modifie.", "hook"),
    ],
)
def test_english_word_kept_in_french_outside_italics_is_flagged(msgstr, word):
    found = problems_with_words("English.", msgstr)
    assert any(f"English word {word!r} in italics" in problem for problem in found), found


@pytest.mark.parametrize(
    "msgstr",
    [
        "Cette page installe des *hooks* avec ``register_hook``.",
        "Le *device* ``cuda`` et **le device** du tenseur.",
        "Le :term:`gradient checkpointing` et le :term:`hook <hook>` (le texte d’un rôle reste droit).",
        "Voir :term:`les hooks <hook>`, ``x.device``, :class:`torch.device` et :math:`\\text{device}`.",
        "Le *gradient checkpointing* et l’estimateur *straight-through*.",
        "Un gradient, une dimension, un module, des mots français.",
        "Les crochets (hookah) et le devicer ne sont pas des termes.",
    ],
)
def test_italic_code_roles_and_french_words_pass(msgstr):
    assert problems_with_words("The hook, the device.", msgstr) == []


def test_english_quoted_verbatim_keeps_its_english_words():
    english = 'PyTorch says "cannot register a hook on a tensor"'
    assert problems_with_words(english, f"PyTorch affiche «{NBSP}cannot register a hook on a tensor{NBSP}».") == []


def problems_with_words(msgid: str, msgstr: str) -> list[str]:
    return check_french(FR, msgid, msgstr, english_words=KEPT)


def test_kept_english_words_come_from_the_glossary():
    from autograd_site.i18n.french import glossary_kept_english, kept_english

    rows = [
        {"en": "hook", "fr": "hook", "note": "fr: the English word in italics"},
        {"en": "device", "fr": "device", "note": "", "note_fr": "le mot anglais, en italique"},
        {"en": "straight-through estimator", "fr": "estimateur straight-through", "note": ""},
        {"en": "gradient", "fr": "gradient", "note": ""},
        {"en": "gradient descent", "fr": "descente de gradient", "note": ""},
        {"en": "module", "fr": "module", "note": "nn.Module"},
        {"en": "autograd", "fr": "autograd", "note": "the PyTorch engine: keep the name as is"},
        {"en": "tensor", "fr": "tenseur", "note": "keep the English word out of it"},
    ]
    assert kept_english(rows) == ("straight-through", "device", "hook")
    project = glossary_kept_english(ROOT / "locale" / "glossary.csv")
    assert {"hook", "device", "broadcasting", "define-by-run", "gradient checkpointing"} <= set(project)
    assert not {"gradient", "autograd", "module"} & set(project)


def test_a_glossary_term_in_italics_still_counts():
    from autograd_site.i18n.lint import check_glossary, load_terms

    terms = load_terms(ROOT / "locale" / "glossary.csv", "fr")
    english = "The straight-through estimator keeps the value."
    assert check_glossary(english, "L’estimateur *straight-through* garde la valeur.", terms) == []
    assert check_glossary(english, "L’astuce *straight-through* garde la valeur.", terms) != []


def test_figure_texts_are_plain_text(tmp_path):
    """A word drawn in a figure (a legend) cannot be in italics: it is not flagged there."""
    example = tmp_path / "examples" / "ch" / "plot_x.py"
    example.parent.mkdir(parents=True)
    example.write_text('import matplotlib.pyplot as plt\nplt.plot([1], label="hook, norm 6")\n', encoding="utf-8")
    catalog = tmp_path / "locale" / "fr" / "LC_MESSAGES" / "auto_examples" / "ch" / "plot_x.po"
    assert check_french(catalog, "hook, norm 6", "hook, norme 6", english_words=KEPT) == []
    assert check_french(catalog, "A hook, norm 6.", "Un hook, norme 6.", english_words=KEPT) != []


def test_the_site_title_is_written_the_same_in_the_tab_and_the_page():
    import polib

    def title(catalog):
        return next(entry.msgstr for entry in polib.pofile(str(catalog)) if entry.msgid == "PyTorch Autograd by Example")

    fr = ROOT / "locale" / "fr" / "LC_MESSAGES"
    assert title(fr / "sphinx.po") == title(fr / "index.po") == "PyTorch Autograd par l’exemple"
