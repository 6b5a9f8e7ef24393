"""Search (Pagefind) and the methods index filters, as a reader uses them in Chromium."""

from __future__ import annotations

import pytest


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


def search(page, query: str) -> list[str]:
    """Type a query in the header search box; return the result links' paths."""
    page.keyboard.press("/")  # the shortcut Material sites use
    page.keyboard.type(query)
    page.wait_for_selector(".mb-search__results:not([hidden])", timeout=10000)
    page.wait_for_function("q => document.querySelector('#mb-search-input').value === q", arg=query)
    page.wait_for_timeout(400)
    return page.eval_on_selector_all(".mb-search__list a", "as => as.map(a => new URL(a.href).pathname)")


def test_nothing_of_the_search_loads_before_a_search(page, fixture_server):
    page.goto(fixture_server.url("metoder/alfa/"))
    page.wait_for_load_state("networkidle")
    assert [u for u in page.requests if "/pagefind/" in u] == []
    search(page, "alfametoden")
    assert [u for u in page.requests if "/pagefind/" in u]


def test_swedish_search_returns_only_swedish_pages(page, fixture_server):
    page.goto(fixture_server.url("steg/"))
    # "alfametoden" is in the method's own title and summary ("metoden" alone is only in template headings, which are
    # kept out of the index)
    paths = search(page, "alfametoden")
    assert paths and all(not p.startswith("/en/") for p in paths)
    assert "/metoder/alfa/" in paths


def test_english_search_returns_only_english_pages_and_no_fallback(page, fixture_server):
    page.goto(fixture_server.url("en/steg/"))
    paths = search(page, "method")
    assert paths and all(p.startswith("/en/") for p in paths)
    assert "/en/metoder/alfa/" in paths
    # the untranslated method's English page shows Swedish text: it counts as Swedish and is not in the English index
    assert "/en/metoder/gamma/" not in search_again(page, "Gammametoden")


def search_again(page, query):
    page.fill("#mb-search-input", "")
    page.keyboard.press("Escape")
    page.locator("#mb-search-input").blur()
    return search(page, query)


def test_inflected_swedish_query_finds_another_form(page, fixture_server):
    # the fixture's method text says "Alfametodens syfte" and "alfametoden"; the query uses the plural definite form
    page.goto(fixture_server.url(""))
    paths = search(page, "alfametoderna")
    assert "/metoder/alfa/" in paths


def test_shared_filter_url_shows_exactly_the_filtered_list(page, fixture_server):
    page.goto(fixture_server.url("metoder/?step=4&approach=situationell"))
    visible = page.eval_on_selector_all(
        "[data-mb-entry]", "els => els.filter(e => !e.hidden).map(e => e.dataset.mbEntry)"
    )
    assert visible == ["method:gamma"]
    assert page.inner_text("[data-mb-count]") == "Visar 1 av 3 metoder"
    assert page.is_checked("#mb-f-step-4") and page.is_checked("#mb-f-approach-situationell")


def test_filters_update_the_url_and_a_reload_restores_them(page, fixture_server):
    # each change replaces the address (issue 20: one Back leaves the list; tests/browser/test_phone.py checks that)
    page.goto(fixture_server.url("en/metoder/"))
    page.check("#mb-f-arena-skola")
    assert page.url.endswith("/en/metoder/?arena=skola")
    assert page.inner_text("[data-mb-count]") == "Showing 1 of 3 methods"
    page.fill("#mb-filter-q", "beta")
    page.wait_for_function("() => location.search.includes('q=beta')")
    assert page.inner_text("[data-mb-count]") == "Showing 0 of 3 methods"
    page.fill("#mb-filter-q", "")
    page.wait_for_function("() => !location.search.includes('q=')")
    page.reload()
    assert page.is_checked("#mb-f-arena-skola") and page.inner_text("[data-mb-count]") == "Showing 1 of 3 methods"
    page.click("button[type=reset]")
    page.wait_for_function("() => location.search === ''")
    assert page.inner_text("[data-mb-count]") == "Showing 3 of 3 methods"


def test_filters_work_by_keyboard(page, fixture_server):
    page.goto(fixture_server.url("metoder/"))
    page.focus("#mb-filter-q")
    page.keyboard.press("Tab")  # to the sort select
    page.keyboard.press("Tab")  # to the first step's checkbox
    assert page.evaluate("document.activeElement.id") == "mb-f-step-1"
    page.keyboard.press("Space")  # choose step 1 without a mouse
    page.wait_for_function("() => location.search.includes('step=1')")
    assert page.inner_text("[data-mb-count]").startswith("Visar ")


def test_without_javascript_every_method_is_listed(browser, fixture_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_server.url("metoder/?arena=skola"))
    shown = page.eval_on_selector_all("[data-mb-entry]", "els => els.filter(e => e.offsetParent !== null).length")
    form_visible = page.is_visible("form[data-mb-filter]")
    context.close()
    assert shown == 3  # the filter in the URL needs JavaScript; without it the whole list is there
    assert not form_visible  # and no controls that cannot work
