"""Keyboard alone: the skip link comes first and leads into the main content; the language switcher is reachable and works."""

from __future__ import annotations

import pytest
from browserkit import LANGUAGES

FOCUSED_JS = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect(), menu = e.closest('.md-select__inner');
  return {tag: e.tagName.toLowerCase(), cls: e.className, href: e.getAttribute('href'), hreflang: e.getAttribute('hreflang'),
          text: e.innerText.trim(), visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight,
          in_main: !!e.closest('article.md-content__inner'), menu_opacity: menu ? getComputedStyle(menu).opacity : null};
}"""
OTHER = {"sv": "en", "en": "sv"}


@pytest.fixture
def keyboard_page(browser):
    context = browser.new_context()
    context.set_default_timeout(10_000)  # a stuck page fails the test instead of hanging the run
    yield context.new_page()
    context.close()


def tab(page) -> dict:
    page.keyboard.press("Tab")
    return page.evaluate(FOCUSED_JS)


@pytest.mark.parametrize("kind", ["start", "method", "step 1"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_skip_link_is_first_and_moves_focus_into_the_main_content(
    keyboard_page, real_server, real_kinds, language, kind
):
    page = keyboard_page
    page.goto(real_server.url(LANGUAGES[language] + real_kinds[kind]), wait_until="networkidle")
    first = tab(page)
    assert "md-skip" in first["cls"] and first["visible"], f"the first Tab stop is not a visible skip link: {first}"
    assert first["text"] == {"sv": "Gå till innehållet", "en": "Skip to content"}[language]
    page.keyboard.press("Enter")
    # following an in-page link is asynchronous: wait for the address to change rather than race it
    page.wait_for_function("href => location.hash === href", arg=first["href"])
    after = tab(page)
    assert after["in_main"], f"after the skip link, Tab went to {after} instead of the main content"


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_is_reached_by_tab_shown_and_leads_to_the_same_page(
    keyboard_page, real_server, real_kinds, language
):
    page = keyboard_page
    path = real_kinds["method"]
    page.goto(real_server.url(LANGUAGES[language] + path), wait_until="networkidle")
    stops = []
    while len(stops) < 8 and (not stops or stops[-1]["hreflang"] != OTHER[language]):
        stops.append(tab(page))
    assert (
        stops[-1]["hreflang"] == OTHER[language]
    ), f"the link to the {OTHER[language]} version is not among the first 8 Tab stops: {[s['text'] or s['cls'] for s in stops]}"
    assert "md-skip" in stops[0]["cls"] and not any(stop["in_main"] for stop in stops)
    page.wait_for_timeout(400)  # the menu fades in while focus is inside it
    shown = page.evaluate(FOCUSED_JS)
    assert (
        shown["hreflang"] == OTHER[language] and shown["menu_opacity"] == "1"
    ), f"the focused language link is not shown: {shown}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == real_server.url(LANGUAGES[OTHER[language]] + path), page.url
    assert page.evaluate("() => document.documentElement.lang") == OTHER[language]
