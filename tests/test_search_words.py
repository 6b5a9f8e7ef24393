"""The spelling suggestions' word list (sok/ord.json): made from the bank's own words, per language, without markup."""

from __future__ import annotations

import re

import pytest
from sitekit import REPO, assemble

from metodbanken.content.load import load_bank
from metodbanken.pages.search import spelling_words, words_of

LETTERS = re.compile(r"^[^\W\d_]+$")


@pytest.fixture(scope="module")
def real_bank():
    return load_bank(REPO)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_list_holds_every_glossary_term_and_title(real_bank, language):
    words = spelling_words(real_bank, language)
    named = [t.term.get(language) for t in real_bank.terms]
    named += [i.title.get(language) for i in (*real_bank.methods, *real_bank.cases, *real_bank.materials)]
    named += [s.title.get(language) for s in real_bank.steps]
    missing = sorted({w for text in named for w in words_of(text) if w not in words})
    assert missing == [], f"words of the glossary and the titles missing from the {language} list: {missing}"


def test_the_lists_hold_the_words_the_misspellings_need(real_bank):
    assert "våldsprevention" in spelling_words(real_bank, "sv")
    english = spelling_words(real_bank, "en")
    assert {"violence", "prevention"} <= set(english)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_list_has_no_stray_markup(real_bank, language):
    words = spelling_words(real_bank, language)
    assert len(words) > 500  # the bank's vocabulary, not a handful of words
    stray = [w for w in words if not LETTERS.match(w) or w != w.lower()]
    assert stray == [], f"entries that are not lower-case words: {stray[:20]}"
    for piece in ("http", "https", "mailto", "href", "span", "div", "nbsp", "amp"):  # link targets, tags, entities
        assert piece not in words, f"{piece!r} comes from markup, not from the bank's text"
    assert all(isinstance(n, int) and n > 0 for n in words.values())


def test_markdown_and_html_syntax_give_no_words():
    text = 'Se [Barnahus](../metoder/barnahus.md){: .mb-x } och <span lang="sv">FREDA</span> på https://example.org/sida &amp; 2024.'
    assert words_of(text) == ["barnahus", "och", "freda"]


def test_untranslated_text_counts_for_swedish_only(tmp_path):
    bank = load_bank(assemble(tmp_path / "project"))  # gamma is not translated: its English page shows the Swedish text
    assert "gammametoden" in spelling_words(bank, "sv")
    assert "gammametoden" not in spelling_words(bank, "en")
