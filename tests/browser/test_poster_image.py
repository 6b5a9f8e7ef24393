"""The campaign poster's page (issue 21) on a 375 × 812 phone and on a desktop, in both languages: the poster's PNG
shows, its alternative text is the poster's text, axe finds nothing, and the PNG and PDF are offered for download."""

from __future__ import annotations

import html
import re

import pytest
from browserkit import AXE_TAGS, LANGUAGES
from sitekit import REPO

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1300, "height": 900}}
BOTH = [(lang, screen) for lang in LANGUAGES for screen in VIEWPORTS]
POSTERS = ("affisch-vecka-47", "poster-week-47")


def _description(name: str) -> str:
    svg = (REPO / "materials" / "kampanjkit-vecka-47" / f"{name}.svg").read_text(encoding="utf-8")
    return " ".join(html.unescape(re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S).group(1)).split())


@pytest.mark.parametrize(("language", "screen"), BOTH, ids=[f"{lang}-{screen}" for lang, screen in BOTH])
def test_the_posters_png_shows_with_its_text_as_alternative_text(browser, real_server, language, screen):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=VIEWPORTS[screen])
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        page.goto(real_server.url(LANGUAGES[language] + "material/kampanjkit-vecka-47/"))
        page.wait_for_load_state("networkidle")
        for name in POSTERS:
            image = page.locator(f"img[src='{name}.png']")
            assert image.count() == 1
            assert image.get_attribute("alt") == _description(name)
            width, natural = image.evaluate("i => [i.getBoundingClientRect().width, i.naturalWidth]")
            assert natural > 1000 and 0 < width <= VIEWPORTS[screen]["width"]  # loaded, and fits the screen
            for extension in ("png", "pdf"):
                link = page.locator(f"a[data-mb-download][href='{name}.{extension}']")
                assert link.count() == 1
                assert page.request.get(link.evaluate("a => a.href")).ok
        axe = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
        assert axe.response["violations"] == []
    finally:
        context.close()
