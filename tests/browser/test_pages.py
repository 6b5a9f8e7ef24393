"""Every kind of page, in both languages, in Chromium: axe-core, the heading outline, languages, requests and cookies."""

from __future__ import annotations

import re

import pytest
from browserkit import PAGE_IDS, PAGES

# Words that are common in Swedish prose and never English words: a passage with several of them is Swedish.
SWEDISH_WORDS = {
    "och",
    "att",
    "som",
    "för",
    "inte",
    "med",
    "det",
    "är",
    "av",
    "på",
    "till",
    "ett",
    "om",
    "hur",
    "vad",
    "eller",
    "från",
    "kan",
    "ska",
    "har",
    "också",
    "där",
    "när",
    "vi",
    "de",
    "den",
    "en",
    "finns",
    "i",
}
ENGLISH_WORDS = {
    "the",
    "and",
    "of",
    "to",
    "is",
    "with",
    "for",
    "that",
    "this",
    "are",
    "how",
    "what",
    "from",
    "or",
    "can",
    "be",
    "which",
    "not",
    "also",
    "when",
    "where",
    "a",
    "an",
    "in",
    "on",
    "by",
    "it",
    "as",
    "at",
    "you",
    "do",
    "does",
    "have",
    "has",
    "there",
    "page",
    "web",
    "sources",
    "source",
}


def looks_swedish(text: str) -> bool:
    """A passage written in Swedish: Swedish function words make up a quarter of it and no English word is there.
    (Swedish names and titles quoted inside English sentences are not counted: they come with English words.)"""
    words = re.findall(r"[a-zåäöé]+", text.lower())
    swedish = sum(w in SWEDISH_WORDS for w in words)
    english = sum(w in ENGLISH_WORDS for w in words)
    return len(words) >= 5 and english == 0 and swedish >= 3 and swedish >= 0.25 * len(words)


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.mark.parametrize(("language", "kind"), PAGES, ids=PAGE_IDS)
def test_axe_finds_no_wcag_2_1_aa_violation(visit_kind, language, kind):
    page = visit_kind(language, kind)
    assert page.status == (404 if kind == "404" else 200), page.url
    assert page.violations == [], f"{page.url}\n{describe(page.violations)}"


@pytest.mark.parametrize(("language", "kind"), PAGES, ids=PAGE_IDS)
def test_headings_form_one_outline_from_a_single_h1(visit_kind, language, kind):
    page = visit_kind(language, kind)
    levels = [level for level, _ in page.headings]
    assert levels, f"{page.url}: no heading"
    assert levels[0] == 1 and levels.count(1) == 1, f"{page.url}: expected one h1 first, found {page.headings[:5]}"
    skips = [(a, b) for a, b in zip(page.headings, page.headings[1:], strict=False) if b[0] > a[0] + 1]
    assert skips == [], f"{page.url}: heading levels skipped: {skips}"


@pytest.mark.parametrize(("language", "kind"), PAGES, ids=PAGE_IDS)
def test_page_and_every_passage_carry_their_language(visit_kind, language, kind):
    page = visit_kind(language, kind)
    assert page.html_lang == language, f"{page.url}: <html lang={page.html_lang!r}>"  # each language has its 404
    unmarked = [text for _, lang, text in page.passages if lang == "en" and looks_swedish(text)]
    assert unmarked == [], f'{page.url}: Swedish text without lang="sv": {unmarked[:5]}'
    if kind == "fallback":  # the fixture method gamma has no English: its Swedish text is marked, the notice is English
        swedish = " | ".join(text for _, lang, text in page.lang_parts if lang == "sv")
        for original in (
            "Gammametoden",
            "Gammametoden finns bara på svenska.",
            "Syfte",
            "Gammametodens syfte, bara på svenska.",
        ):
            assert original in swedish, f'{page.url}: {original!r} is not inside lang="sv" ({page.lang_parts})'
        notice = [lang for _, lang, text in page.passages if "has not been translated" in text]
        assert notice == ["en"], f"{page.url}: the English notice is not marked English: {page.passages}"


LANG_NAMES = {"sv", "en"}


@pytest.mark.parametrize(("language", "kind"), PAGES, ids=PAGE_IDS)
def test_no_request_leaves_the_origin_and_no_cookie_is_set(visit_kind, language, kind):
    page = visit_kind(language, kind)
    assert page.requests, f"{page.url}: no request recorded"
    elsewhere = [
        url
        for url in page.requests
        if not url.startswith(page.origin() + "/") and not url.startswith(("data:", "blob:"))
    ]
    assert elsewhere == [], f"{page.url} requested another origin: {elsewhere}"
    assert (
        page.set_cookie_headers == [] and page.cookies == [] and page.document_cookie == ""
    ), f"{page.url} set cookies: {page.set_cookie_headers} {page.cookies} {page.document_cookie!r}"
    assert page.failed == [], f"{page.url}: resources that did not load: {page.failed}"
    assert page.console_errors == [], f"{page.url}: console errors {page.console_errors}"
