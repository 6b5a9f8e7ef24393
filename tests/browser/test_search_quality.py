"""Search as staff use it, on the real bank, on a phone and a desktop, in both languages: the item a query names comes
in the first three, excerpts are the result's own text, and a misspelling gets a suggestion that finds results."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from browserkit import AXE_TAGS
from searchkit import LANGUAGE_ROOTS, foreign_titles, item_titles, load_queries, rank, search_page
from sitekit import REPO

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1300, "height": 900}}
QUERIES = load_queries()
MISSPELLINGS = {"sv": ("vålsprevention", "våldsprevention"), "en": ("violense prevention", "violence prevention")}


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def viewport_page(request, browser):
    """A page in the viewport, with every request it makes recorded."""
    options = {"viewport": VIEWPORTS[request.param]}
    if request.param == "phone":
        options.update(is_mobile=True, has_touch=True, device_scale_factor=2)
    context = browser.new_context(**options)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    yield request.param, page
    context.close()


@pytest.fixture(scope="module")
def results(viewport_page, real_server):
    """{(language, query): the search page's results}, each query searched once per viewport."""
    _, page = viewport_page
    return {(q["lang"], q["query"]): search_page(page, real_server.origin, q["lang"], q["query"]) for q in QUERIES}


def test_the_query_set_is_the_size_the_issue_asks_for():
    assert len(QUERIES) >= 20 and {q["lang"] for q in QUERIES} == {"sv", "en"}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_expected_item_is_in_the_first_three(results, language):
    missed = []
    for q in QUERIES:
        if q["lang"] != language:
            continue
        found = results[(language, q["query"])]
        place = rank(found, language, q["expect"])
        if place is None or place > 3:
            missed.append(f"{q['query']!r}: rank {place}, first three {[r['path'] for r in found[:3]]}")
    assert missed == [], "expected items not in the first three:\n  " + "\n  ".join(missed)


def _own_sources(path: str, language: str) -> str:
    """The text of the content files the result's page is made from (its own text, as editors wrote it)."""
    parts = path.strip("/").split("/")
    if language == "en":
        parts = parts[1:]
    section, name = (parts + [""])[:2]
    folders = {"metoder": "methods", "exempel": "cases", "material": "materials"}
    if section in folders:
        files = [REPO / folders[section] / f"{name}.md", REPO / folders[section] / f"{name}.en.md"]
    elif section == "steg":
        files = [REPO / "checklists" / f"{name}.yml"]
    elif section == "begrepp":
        files = [REPO / "glossary.yml"]
    else:
        files = []
    return " ".join(" ".join(f.read_text(encoding="utf-8").split()) for f in files if f.exists())


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_excerpt_holds_another_items_title(results, real_site, language):
    """An excerpt may name another item only where the result's own text does (a case's body naming its method);
    never from a related-items list, a facts table or a step's list of methods."""
    titles = item_titles(real_site, language)
    borrowed = []
    for q in QUERIES:
        if q["lang"] != language:
            continue
        for result in results[(language, q["query"])]:
            own = _own_sources(result["path"], language)
            others = [t for t in foreign_titles(result, titles) if " ".join(t.split()) not in own]
            if others:
                borrowed.append(f"{q['query']!r} → {result['path']}: {others} in “{result['excerpt'][:160]}…”")
    assert borrowed == [], "excerpts with another item's title:\n  " + "\n  ".join(borrowed)


def _suggestion(page, selector: str) -> tuple[str, int]:
    """The suggested query and its count, once the suggestion shows."""
    page.wait_for_selector(f"{selector}:not([hidden]) button", timeout=15000)
    text = page.inner_text(selector)
    word = page.inner_text(f"{selector} button")
    number = int("".join(c for c in text.split(word, 1)[1] if c.isdigit()) or 0)
    return word, number


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_misspelling_on_the_search_page_gets_a_suggestion_that_finds_results(viewport_page, real_server, language):
    _, page = viewport_page
    wrong, right = MISSPELLINGS[language]
    before = search_page(page, real_server.origin, language, wrong)
    word, count = _suggestion(page, "[data-mb-search-page-suggest]")
    label = {"sv": "Menade du", "en": "Did you mean"}[language]
    assert page.inner_text("[data-mb-search-page-suggest]").startswith(label)
    assert word == right and count > len(before)
    page.focus("[data-mb-search-page-suggest] button")
    page.keyboard.press("Enter")  # by keyboard: a pointer left over the first result would show its hover colour
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=right)
    page.wait_for_function(
        "n => document.querySelectorAll('[data-mb-search-page-list] > li').length === Math.min(n, 20)", arg=count
    )
    assert page.input_value("#mb-sok-q") == right
    assert right in page.inner_text("[data-mb-search-page-status]") and str(count) in page.inner_text(
        "[data-mb-search-page-status]"
    )
    axe = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    assert axe.response["violations"] == [], [
        (v["id"], [n["target"] for n in v["nodes"]], v["nodes"][0].get("failureSummary"))
        for v in axe.response["violations"]
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_misspelling_in_the_header_box_gets_a_suggestion(viewport_page, real_server, language):
    _, page = viewport_page
    wrong, right = MISSPELLINGS[language]
    page.goto(real_server.url(LANGUAGE_ROOTS[language] + "metoder/"))
    page.fill("#mb-search-input", "")
    page.click("#mb-search-input")
    page.keyboard.type(wrong)
    word, count = _suggestion(page, ".mb-search__results .mb-search-suggest")
    assert word == right and count > 0
    box = page.locator(".mb-search__results .mb-search-suggest button").bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24
    # the open panel, not the page under it (the search page itself is checked whole above)
    axe = Axe().run(
        page,
        context=".mb-search",
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    assert axe.response["violations"] == [], [
        (v["id"], [n["target"] for n in v["nodes"]], v["nodes"][0].get("failureSummary"))
        for v in axe.response["violations"]
    ]
    page.click(".mb-search__results .mb-search-suggest button")
    assert page.input_value("#mb-search-input") == right
    page.wait_for_function(
        "n => (document.querySelector('.mb-search__count') || {}).textContent && "
        "document.querySelector('.mb-search__count').textContent.includes(String(n))",
        arg=count,
    )


def test_a_correct_query_gets_no_suggestion(viewport_page, real_server):
    _, page = viewport_page
    search_page(page, real_server.origin, "sv", "våldsprevention")
    page.wait_for_timeout(800)  # the word list is fetched; nothing may appear
    assert page.locator("[data-mb-search-page-suggest]").is_hidden()


def test_no_request_leaves_the_origin(viewport_page, real_server):
    """Every search above (index chunks, synonyms, the word list) came from our own origin."""
    _, page = viewport_page
    origin = urlsplit(real_server.origin)
    elsewhere = [u for u in page.requests if urlsplit(u).netloc != origin.netloc and not u.startswith("data:")]
    assert page.requests and elsewhere == []
    assert any(urlsplit(u).path.endswith("/sok/ord.json") for u in page.requests)
    assert all(parse_qs(urlsplit(u).query).get("q") is None for u in page.requests if "ord.json" in u)
