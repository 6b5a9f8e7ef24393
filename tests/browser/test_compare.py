"""Comparing methods as staff do (issue 19 parts 5 and 6), on a 375 × 812 phone and a desktop, in both languages:
choose from the methods list and from a method page, see them side by side (stacked on the phone), share and reload the
address, remove one, print; and the list's free text finds what site search finds."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from browserkit import AXE_TAGS, LANGUAGES

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1300, "height": 900}}
TEXT = {
    "sv": {"link": "Jämför ({n})", "max": "högst 4 metoder", "query": "sexuella trakasserier"},
    "en": {"link": "Compare ({n})", "max": "at most 4 methods", "query": "sexual harassment"},
}


def open_data(site, language: str) -> dict[str, dict]:
    data = json.loads((site / LANGUAGES[language] / "data/methods.json").read_text(encoding="utf-8"))
    return {m["id"]: m for m in data["methods"]}


@pytest.fixture
def context_for(browser):
    contexts = []

    def inner(viewport: str, **options):
        context = browser.new_context(viewport=VIEWPORTS[viewport], **options)
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context

    yield inner
    for context in contexts:
        context.close()


def opened(context, url: str):
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


def card_ids(page) -> list[str]:
    return page.eval_on_selector_all("[data-mb-entry]", "els => els.map(e => e.dataset.mbEntry.split(':')[1])")


def choose(page, method_id: str):
    page.locator(f"label[for='mb-cmp-{method_id}']").click()


def compared(page) -> list[str]:
    page.wait_for_selector("[data-mb-compared]")
    return page.eval_on_selector_all("[data-mb-compared]", "els => els.map(e => e.dataset.mbCompared)")


def no_axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]]
    assert violations == [], violations


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_three_methods_chosen_from_cards_and_a_method_page_side_by_side(
    context_for, real_server, real_site, language, viewport
):
    methods = open_data(real_site, language)
    root = real_server.url(LANGUAGES[language])
    context = context_for(viewport)
    listing = opened(context, root + "metoder/")
    ids = card_ids(listing)
    first, second, third = ids[0], ids[1], ids[-1]
    assert listing.inner_text("[data-mb-compare-link]") == TEXT[language]["link"].format(n=0)
    choose(listing, first)
    choose(listing, second)
    assert listing.inner_text("[data-mb-compare-link]") == TEXT[language]["link"].format(n=2)
    method_page = opened(context, root + f"metoder/{third}/")
    assert method_page.is_visible(f"label[for='mb-cmp-{third}']")
    choose(method_page, third)
    link = method_page.locator("[data-mb-compare-link]")
    assert link.inner_text() == TEXT[language]["link"].format(n=3)
    link.click()
    method_page.wait_for_load_state("networkidle")
    page = method_page
    assert urlsplit(page.url).path == "/" + LANGUAGES[language] + "jamfor/"
    assert parse_qs(urlsplit(page.url).query)["m"] == [first, second, third]
    assert compared(page) == [first, second, third]
    blocks = page.locator("[data-mb-compared]")
    for i, method_id in enumerate((first, second, third)):
        block = blocks.nth(i)
        assert block.locator("h2").inner_text() == methods[method_id]["title"]
        text = block.inner_text()
        assert methods[method_id]["evidence_strength"]["label"] in text
        assert methods[method_id]["evidence_result"]["label"] in text
    # every block has the same facts in the same order, each labelled
    labels = [blocks.nth(i).locator("dt").all_inner_texts() for i in range(3)]
    assert labels[0] == labels[1] == labels[2] and len(labels[0]) == 8
    boxes = [blocks.nth(i).bounding_box() for i in range(3)]
    if viewport == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        assert boxes[0]["x"] == boxes[1]["x"] == boxes[2]["x"]  # stacked, one method per block
        assert (
            boxes[0]["y"] + boxes[0]["height"] <= boxes[1]["y"] and boxes[1]["y"] + boxes[1]["height"] <= boxes[2]["y"]
        )
    else:
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]
        assert boxes[0]["y"] == boxes[1]["y"] == boxes[2]["y"] and boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
        # side by side, each fact starts on the same line in every column
        tops = [blocks.nth(i).locator("[data-fact=cost]").bounding_box()["y"] for i in range(3)]
        assert tops[0] == tops[1] == tops[2]
    no_axe_violations(page)
    # reloading the address shows the same
    page.reload()
    page.wait_for_load_state("networkidle")
    assert compared(page) == [first, second, third]
    # printed: no buttons, the three methods legible (side by side on the desktop's paper)
    page.emulate_media(media="print")
    assert page.eval_on_selector_all("button, input", "els => els.filter(e => e.offsetParent !== null).length") == 0
    assert all(blocks.nth(i).is_visible() for i in range(3))
    assert not page.is_visible("[data-mb-compare-link]")
    page.emulate_media(media="screen")
    origin = real_server.url("")
    assert [u for u in listing.requests + page.requests if not u.startswith(origin)] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_shared_link_works_a_fifth_is_refused_and_one_is_removed(context_for, real_server, real_site, language):
    methods = open_data(real_site, language)
    root = real_server.url(LANGUAGES[language])
    ids = sorted(methods)
    # a shared link in a browser that chose nothing: the address wins, and becomes this browser's choice
    context = context_for("phone")
    page = opened(context, root + f"jamfor/?m={ids[3]}&m={ids[1]}")
    assert compared(page) == [ids[3], ids[1]]
    listing = opened(context, root + "metoder/")
    assert listing.inner_text("[data-mb-compare-link]") == TEXT[language]["link"].format(n=2)
    assert listing.is_checked(f"#mb-cmp-{ids[3]}") and not listing.is_checked(f"#mb-cmp-{ids[0]}")
    choose(listing, ids[0])
    choose(listing, ids[2])
    choose(listing, ids[4])  # the fifth
    assert not listing.is_checked(f"#mb-cmp-{ids[4]}")
    note = listing.locator(f"[data-mb-compare-choose='{ids[4]}'] [role=status]")
    assert note.is_visible() and TEXT[language]["max"] in note.inner_text()
    assert listing.inner_text("[data-mb-compare-link]") == TEXT[language]["link"].format(n=4)
    # removing one on the compare page: the page, its address and the browser's choice follow
    page = opened(context, root + "jamfor/")
    assert compared(page) == [ids[3], ids[1], ids[0], ids[2]]
    assert parse_qs(urlsplit(page.url).query)["m"] == [ids[3], ids[1], ids[0], ids[2]]
    no_axe_violations(page)
    page.locator("[data-mb-compared]").nth(1).locator("button").click()
    assert compared(page) == [ids[3], ids[0], ids[2]]
    assert parse_qs(urlsplit(page.url).query)["m"] == [ids[3], ids[0], ids[2]]
    assert methods[ids[1]]["title"] in page.inner_text("[data-mb-compare-status]")
    assert page.evaluate("JSON.parse(localStorage.getItem('metodbanken:compare'))") == [ids[3], ids[0], ids[2]]
    for method_id in (ids[3], ids[2]):
        page.locator(f"[data-mb-compared='{method_id}'] button").click()
    assert page.locator("[data-mb-compared]").count() == 1
    assert page.is_visible("[data-mb-compare-empty]")


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_page_says_how_to_choose(context_for, real_server, language):
    context = context_for("phone", java_script_enabled=False)
    page = opened(context, real_server.url(LANGUAGES[language] + "jamfor/"))
    how = page.inner_text("[data-mb-compare-how]")
    assert ("Jämför" if language == "sv" else "Compare") in how and page.is_visible("[data-mb-compare-how]")
    listing = opened(context, real_server.url(LANGUAGES[language] + "metoder/"))
    visible = "els => els.filter(e => e.offsetParent !== null).length"
    assert listing.eval_on_selector_all("[data-mb-compare-choose], [data-mb-compare-link]", visible) == 0


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lists_free_text_finds_what_site_search_finds(context_for, real_server, real_site, language, viewport):
    methods = open_data(real_site, language)
    query = TEXT[language]["query"]
    root = real_server.url(LANGUAGES[language])
    context = context_for(viewport)
    search = opened(
        context, root + "sok/?q=" + query.replace(" ", "+") + "&typ=" + ("Metod" if language == "sv" else "Method")
    )
    search.wait_for_selector("[data-mb-search-page-list] li")
    while search.is_visible("[data-mb-search-page-more]"):
        search.click("[data-mb-search-page-more]")
        search.wait_for_timeout(200)
    found = {
        urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1]
        for href in search.eval_on_selector_all("[data-mb-search-page-list] li a", "as => as.map(a => a.href)")
    }
    assert found and found <= set(methods), found
    listing = opened(context, root + "metoder/?q=" + query.replace(" ", "+"))
    listing.wait_for_function(
        "n => document.querySelectorAll('[data-mb-entry]:not([hidden])').length >= n", arg=len(found)
    )
    shown = set(
        listing.eval_on_selector_all(
            "[data-mb-entry]", "els => els.filter(e => !e.hidden).map(e => e.dataset.mbEntry.split(':')[1])"
        )
    )
    assert found <= shown, f"site search finds {sorted(found - shown)} but the list does not"
    total = len(methods)
    expected = (
        f"Visar {len(shown)} av {total} metoder" if language == "sv" else f"Showing {len(shown)} of {total} methods"
    )
    assert listing.inner_text("[data-mb-count]") == expected
    # the facets count within what the free text gives
    for step in range(1, 6):
        count = listing.inner_text(f"label[for='mb-f-step-{step}'] [data-mb-facet-count]").strip("()")
        assert int(count) == sum(1 for i in shown if step in methods[i]["steps"]), f"step {step}"
