"""The materials index in Chromium, on a phone and on a desktop: each file's language, and the filters by type,
step and language (assets/materials-filter.js), with their state in the address."""

from __future__ import annotations

from pathlib import Path

import pytest

VIEWPORTS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}
COUNT = {"sv": "Visar {shown} av {total} material", "en": "Showing {shown} of {total} materials"}


@pytest.fixture(params=sorted(VIEWPORTS))
def page(browser, request):
    context = browser.new_context(
        viewport=VIEWPORTS[request.param], is_mobile=request.param == "phone", has_touch=request.param == "phone"
    )
    page = context.new_page()
    yield page
    context.close()


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-mb-index=material] [data-mb-entry]",
        "cs => cs.filter(c => !c.hidden && c.offsetParent !== null).map(c => c.dataset.mbEntry.split(':')[1])",
    )


def card_data(page) -> dict[str, dict[str, list[str]]]:
    return page.eval_on_selector_all(
        "[data-mb-index=material] [data-mb-entry]",
        """cs => Object.fromEntries(cs.map(c => [
        c.dataset.mbEntry.split(':')[1], {type: [c.dataset.type], step: c.dataset.step.split(' '), language: c.dataset.language.split(' ')}]))""",
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_materials_filters_by_type_step_and_language(page, real_server, language):
    page.goto(real_server.url(("" if language == "sv" else "en/") + "material/"))
    form = page.locator("[data-mb-materials-filter]")
    assert form.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
    data = card_data(page)
    total = len(data)
    assert total >= 7 and visible_cards(page) == list(data)
    count = page.locator("[data-mb-count]")

    page.select_option("#mb-materials-type", "presentation")
    expected = [m for m, d in data.items() if "presentation" in d["type"]]
    assert visible_cards(page) == expected == ["presentation-ledningsgrupp"]
    assert count.text_content() == COUNT[language].format(shown=1, total=total)
    assert "type=presentation" in page.url

    page.select_option("#mb-materials-type", "")
    page.select_option("#mb-materials-step", "2")
    assert visible_cards(page) == [m for m, d in data.items() if "2" in d["step"]] and len(visible_cards(page)) >= 2

    # a language: only materials with files in it, and each card lists only those files
    page.select_option("#mb-materials-step", "")
    page.select_option("#mb-materials-language", "en")
    assert visible_cards(page) == [m for m, d in data.items() if "en" in d["language"]]
    shown_languages = page.eval_on_selector_all(
        "[data-mb-file-language]", "ls => ls.filter(l => l.offsetParent !== null).map(l => l.dataset.mbFileLanguage)"
    )
    assert shown_languages and set(shown_languages) == {"en"}

    # the filtered list can be shared: the address holds the state
    page.select_option("#mb-materials-type", "checklista")
    page.goto(page.url)
    assert page.locator("#mb-materials-type").input_value() == "checklista"
    assert page.locator("#mb-materials-language").input_value() == "en"
    assert visible_cards(page) == [m for m, d in data.items() if "checklista" in d["type"] and "en" in d["language"]]

    # no match says so, and clearing the filters shows everything again
    page.select_option("#mb-materials-type", "affisch")
    if not [m for m, d in data.items() if "affisch" in d["type"]]:
        assert visible_cards(page) == [] and page.locator("[data-mb-no-match]").is_visible()
    page.get_by_role("button", name="Rensa alla filter" if language == "sv" else "Clear all filters").click()
    page.wait_for_function("() => !location.search")
    assert visible_cards(page) == list(data)
    assert not page.locator("[data-mb-no-match]").is_visible()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_each_file_in_the_index_says_its_language_and_downloads(page, real_server, language):
    page.goto(real_server.url(("" if language == "sv" else "en/") + "material/"))
    groups = page.eval_on_selector_all(
        "[data-mb-entry='material:presentation-ledningsgrupp'] [data-mb-file-language]",
        "ls => ls.map(l => l.textContent)",
    )
    names = {"sv": ("Svenska", "Engelska"), "en": ("Swedish", "English")}[language]
    assert [g.split(":")[0] for g in groups] == list(names)
    assert all(fmt in g for g in groups for fmt in ("PDF", "DOCX", "PPTX"))
    assert not any("MD" in g for g in groups)  # the Markdown the files are made from is not offered
    link = page.locator("[data-mb-entry='material:presentation-ledningsgrupp'] a[data-mb-download]").first
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.body().startswith(b"%PDF-")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_each_step_page_links_its_checklist_as_pdf_and_docx_holding_the_questions_it_shows(page, real_server, language):
    """Trainers find the files where they work: the step's page. The files open (parsed by pypdf and python-docx) and
    hold exactly the questions the page shows, in its order, in the page's language; the other language's files too."""
    import io
    import re

    import docx
    from pypdf import PdfReader

    prefix = "" if language == "sv" else "en/"
    paths = sorted(
        p.stem for p in (Path(__file__).resolve().parents[2] / "checklists").glob("*.yml")
    )  # 1-initiera-samverkan, ...
    assert len(paths) == 5, paths
    for path in paths:
        page.goto(real_server.url(f"{prefix}steg/{path}/"))
        questions = page.eval_on_selector_all(
            ".mb-checklist .mb-question-text", "ls => ls.map(l => l.textContent.trim())"
        )
        expected = [f"{i}. {q}" for i, q in enumerate(questions, 1)]
        box = page.locator("[data-mb-checklist-files]")
        assert box.is_visible() and len(questions) >= 3, path
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{path} scrolls sideways"
        links = box.locator("a[data-mb-download]")
        hrefs = links.evaluate_all("as => as.map(a => [a.textContent, a.href, a.getAttribute('hreflang')])")
        own = {text: href for text, href, hreflang in hrefs if hreflang is None}
        assert sorted(own) == ["DOCX", "PDF"] and sorted(t for t, _, h in hrefs if h) == ["DOCX", "PDF"], hrefs

        pdf = page.request.get(own["PDF"])
        assert pdf.ok and pdf.headers.get("content-type", "").startswith("application/pdf"), own["PDF"]
        reader = PdfReader(io.BytesIO(pdf.body()))
        assert reader.trailer["/Root"]["/Lang"] == {"sv": "sv-SE", "en": "en-GB"}[language]
        assert [item.title for item in reader.outline[1]] == expected, f"{own['PDF']}: not the page's questions"

        word = page.request.get(own["DOCX"])
        assert word.ok, own["DOCX"]
        document = docx.Document(io.BytesIO(word.body()))
        headings = [
            p.text for p in document.paragraphs if p.style.name.startswith("Heading") and re.match(r"\d+\. ", p.text)
        ]
        assert headings == expected, f"{own['DOCX']}: not the page's questions"

        for _, href, hreflang in hrefs:  # the other language's files are served too
            if hreflang:
                assert page.request.get(href).ok, href
