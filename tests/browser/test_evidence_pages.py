"""The evidence where decisions are made, in Chromium: both ratings on the first phone screen of every method page in
both languages, the evaluations table readable on a phone without sideways scrolling, and the facets filtering by them."""

from __future__ import annotations

from pathlib import Path

import pytest
from browserkit import AXE_TAGS, LANGUAGES

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1300, "height": 900}
RATINGS_JS = """() => [...document.querySelectorAll('.mb-decision p')].slice(0, 2).map(p => {
  const r = p.getBoundingClientRect(); return [p.innerText.trim(), r.top, r.bottom]; })"""


def method_ids(site: Path) -> list[str]:
    return sorted(p.parent.name for p in (site / "metoder").glob("*/index.html"))


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(20_000)
    yield context.new_page()
    context.close()


def first_screen_problems(page, server, site: Path) -> list[str]:
    problems = []
    for language, prefix in LANGUAGES.items():
        words = ("Hur säkert:", "Vad som hittades:") if language == "sv" else ("How sure:", "What was found:")
        for method_id in method_ids(site):
            page.goto(server.url(f"{prefix}metoder/{method_id}/"), wait_until="load")
            ratings = page.evaluate(RATINGS_JS)
            if [r[0].startswith(w) for r, w in zip(ratings, words, strict=False)] != [True, True]:
                problems.append(f"{prefix}metoder/{method_id}/: the box starts {[r[0][:40] for r in ratings]}")
            elif any(bottom > PHONE["height"] for _, _, bottom in ratings):
                problems.append(
                    f"{prefix}metoder/{method_id}/: a rating ends at {max(b for _, _, b in ratings):.0f} px"
                )
    return problems


def test_both_ratings_are_on_the_first_phone_screen_of_every_fixture_method(phone, fixture_server, fixture_bank_site):
    assert first_screen_problems(phone, fixture_server, fixture_bank_site) == []


def test_both_ratings_are_on_the_first_phone_screen_of_every_method_of_the_bank(phone, real_server, real_site):
    assert first_screen_problems(phone, real_server, real_site) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_evaluations_table_reads_without_sideways_scrolling_and_passes_axe(
    browser, fixture_server, language, viewport
):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto(fixture_server.url(f"{LANGUAGES[language]}metoder/alfa/#utvarderingar"), wait_until="networkidle")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
        heading = page.locator("#utvarderingar").bounding_box()
        assert heading and 0 <= heading["y"] < viewport["height"]  # the anchor lands on the heading
        first_cell = page.locator(".mb-evaluations tbody td").first
        label = page.evaluate("e => getComputedStyle(e, '::before').content", first_cell.element_handle())
        if viewport is PHONE:  # stacked: each cell says what it is
            assert label == ('"Vem som utvärderade: "' if language == "sv" else '"Who evaluated: "')
            assert (
                not page.locator(".mb-evaluations thead").is_visible()
                or page.locator(".mb-evaluations thead").bounding_box()["width"] <= 1
            )
        else:
            assert label in ("none", "normal")
        result = Axe().run(
            page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        )
        assert result.response["violations"] == []
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_rating_facets_filter_the_list(browser, fixture_server, language):
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(
            fixture_server.url(f"{LANGUAGES[language]}metoder/?evidence_result=no-effect&evidence_result=not-measured"),
            wait_until="networkidle",
        )
        shown = page.eval_on_selector_all(
            "[data-mb-entry]", "els => els.filter(e => !e.hidden).map(e => e.dataset.mbEntry)"
        )
        assert sorted(shown) == ["method:alfa", "method:gamma"]  # OR within a facet
        page.check("#mb-f-evidence_strength-3")  # AND across facets
        shown = page.eval_on_selector_all(
            "[data-mb-entry]", "els => els.filter(e => !e.hidden).map(e => e.dataset.mbEntry)"
        )
        assert shown == ["method:alfa"]
        assert "evidence_strength=3" in page.url
        count = page.inner_text("label[for='mb-f-evidence_strength-1'] [data-mb-facet-count]")
        assert count == "(1)"  # gamma, were "very uncertain" ticked too
    finally:
        context.close()
