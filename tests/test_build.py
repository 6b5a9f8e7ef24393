"""A real `mkdocs build --strict` of the fixture bank: what a reader gets in each language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from htmlkit import parse
from sitekit import assemble, build

ITEM_PAGES = ["metoder/alfa", "metoder/beta", "metoder/gamma", "exempel/testkommunen", "material/startmote-mall"]
SECTION_PAGES = [
    "",
    "steg",
    "steg/1-initiera-samverkan",
    "steg/2-beskriv-vald-som-problem",
    "steg/3-identifiera-forandringsfaktorer",
    "steg/4-utveckla-insatser",
    "steg/5-implementera-folj-upp-och-sprid",
    "metoder",
    "exempel",
    "material",
    "begrepp",
    "om",
    "tillganglighet",
]
LANGUAGES = {"sv": "", "en": "en/"}


def page(site: Path, language: str, path: str):
    file = site / "site" / LANGUAGES[language] / path / "index.html"
    assert file.exists(), f"no page {LANGUAGES[language]}{path}/"
    return parse(file)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", SECTION_PAGES + ITEM_PAGES)
def test_every_page_exists_in_both_languages_with_its_language(fixture_site, language, path):
    doc = page(fixture_site, language, path)
    (html,) = doc.find_all("html")
    assert html.attrs["lang"] == language
    assert len(doc.find_all("h1")) == 1


def test_method_page_shows_all_facts_in_swedish(fixture_site):
    doc = page(fixture_site, "sv", "metoder/alfa")
    (h1,) = doc.find_all("h1")
    assert h1.text() == "Alfametoden"
    facts = {
        dt.text(): dd.text()
        for dl in doc.find_all("dl")
        for dt, dd in zip(dl.find_all("dt"), dl.find_all("dd"), strict=False)
    }
    assert facts["Steg"] == "1. Initiera samverkan, 2. Beskriv våld som problem"
    assert facts["Preventionsnivå"] == "Universell"
    assert facts["Arena"] == "Skola, Socialtjänst"
    assert facts["Genusförändrande ansats"] == "Ja"
    assert facts["Senast granskad"] == "2026-01-15"
    assert facts["Ålder eller skolstadium"] == "13–16 år; Högstadiet (åk 7–9)"
    assert facts["Omfattning"] == "10 lektioner under en termin"
    # what a decision needs comes first, in one box: both ratings in words with what they mean, what was measured on
    # whom, resources, cost, owner
    (decision,) = [d for d in doc.find_all("div") if "mb-decision" in d.attrs.get("class", "")]
    assert "Hur säkert: Ganska säkert (jämförelsegrupp)." in decision.text()
    assert "Vad som hittades: Ingen effekt påvisad." in decision.text()
    assert (
        "Mätt (jämförelsegrupp utan lottning): Våld: ingen effekt påvisad; Attityder och kunskap: positivt. "
        "Vilka som deltog: Elever i årskurs 7–9 på sex skolor i Testkommunen, läsåret 2024/25."
    ) in decision.text()
    assert any(a.attrs.get("href", "").endswith("om/#kunskapslage") for a in decision.find_all("a"))
    assert "Vad som krävs: En samordnare på halvtid." in decision.text()
    assert "Kostnad: Licens eller avgift: Årlig licens på 5 000 kronor per skola (uppgift för 2025)" in decision.text()
    assert "Ägare eller kontakt: Testkommunen" in decision.text()
    # facts the sources do not give are named once, not one "not stated" per fact
    text = doc.text()
    assert "Anges inte i källorna" not in text
    assert not [p for p in doc.find_all("p") if "mb-unstated" in p.attrs.get("class", "")]  # alfa states every fact
    beta = page(fixture_site, "sv", "metoder/beta")
    (unstated,) = [p for p in beta.find_all("p") if "mb-unstated" in p.attrs.get("class", "")]
    assert unstated.text() == (
        "Källorna anger inte: preventionsnivå, våldsform, arena, målgrupp, förebyggande ansats, "
        "vad som krävs, ägare eller kontakt."
    )
    assert "Anges inte i källorna" not in beta.text()
    assert "Alfametodens syfte." in text and "Testkällan" in text
    assert "Relaterade metoder" in text and "Betametoden" in text
    assert "Testkommunens arbete" in text  # the case that uses the method
    assert "Mall för startmöte" in text  # the material for the method


def test_translated_method_page_in_english(fixture_site):
    doc = page(fixture_site, "en", "metoder/alfa")
    assert doc.find_all("h1")[0].text() == "The alpha method"
    text = doc.text()
    assert "The purpose of the alpha method." in text
    assert "Prevention level" in text and "Universal" in text
    assert "has not been translated" not in text
    swedish = [e for e in doc.find_all(lang="sv") if e.tag != "a"]  # the language switcher's link is Swedish
    # the checklist question it helps with has no English text yet, and the source's title is Swedish
    # and so are the titles of the Swedish sources, in the evaluations table and the source list
    assert [e.text() for e in swedish] == [
        "Utvärdering av alfametoden",
        "Testkällan",
        "Andra frågan i steg 2?",
        "Testkällan",
        "Utvärdering av alfametoden",
    ]


def test_untranslated_item_gets_a_marked_swedish_fallback_in_english(fixture_site):
    doc = page(fixture_site, "en", "metoder/gamma")
    (notice,) = doc.find_all(class_="mb-fallback-notice")
    assert (
        notice.text().strip()
        == "This page has not been translated into English yet. The text below is the Swedish original."
    )
    assert notice.lang() == "en"
    h1 = doc.find_all("h1")[0]
    assert h1.text() == "Gammametoden"
    assert h1.find_all("span")[0].attrs["lang"] == "sv"
    body = [e for e in doc.find_all("p") if "bara på svenska" in e.text()]
    assert body and all(p.lang() == "sv" for p in body)
    assert "Prevention approach" in doc.text() and "Situational prevention" in doc.text()  # facts have English labels


def test_language_switcher_keeps_the_reader_on_the_same_page(fixture_site):
    def switcher(doc):  # the header's language links (an English page's "Redigera" link is hreflang sv too)
        return {
            a.attrs["hreflang"]: a.attrs["href"]
            for a in doc.find_all("a")
            if a.attrs.get("hreflang") and "md-select__link" in a.attrs.get("class", "")
        }

    links = switcher(page(fixture_site, "sv", "metoder/alfa"))
    assert links["en"].rstrip("/").endswith("en/metoder/alfa")
    links = switcher(page(fixture_site, "en", "metoder/alfa"))
    assert re.search(r"(^|/)metoder/alfa/?$", links["sv"]) and "/en/" not in links["sv"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_indexes_list_every_item_once(fixture_site, language):
    for section, kind, ids in [
        ("metoder", "method", ["alfa", "beta", "gamma"]),
        ("exempel", "case", ["testkommunen"]),
        ("material", "material", ["startmote-mall"]),
    ]:
        doc = page(fixture_site, language, section)
        entries = sorted(e.attrs["data-mb-entry"] for e in doc.find_all(data_mb_entry=True))
        assert entries == [f"{kind}:{i}" for i in ids]


@pytest.mark.parametrize("language", LANGUAGES)
def test_step_page_has_checklist_anchors_methods_cases_and_neighbours(fixture_site, language):
    doc = page(fixture_site, language, "steg/2-beskriv-vald-som-problem")
    questions = doc.find_all("li", class_="mb-question")
    assert [q.attrs["id"] for q in questions] == ["forsta-fragan", "andra-fragan"]
    hrefs = [a.attrs.get("href", "") for a in doc.find_all("a")]
    assert any(h.endswith("metoder/alfa/") for h in hrefs)
    assert any(h.endswith("exempel/testkommunen/") for h in hrefs)
    nav = doc.find_all("nav", class_="mb-step-nav")[0]
    nav_hrefs = [a.attrs["href"] for a in nav.find_all("a")]
    assert nav_hrefs == ["../1-initiera-samverkan/", "../3-identifiera-forandringsfaktorer/"]
    if language == "en":
        # the second question has no English text: it is shown in Swedish, marked as Swedish
        assert questions[1].find_all("label", class_="mb-question-text")[0].attrs.get("lang") == "sv"
        assert questions[0].find_all("label", class_="mb-question-text")[0].attrs.get("lang") is None


def test_step_overview_lists_five_steps(fixture_site):
    doc = page(fixture_site, "en", "steg")
    titles = [h.text() for h in doc.find_all("h2")]
    assert titles == [
        "Step 1: Initiate collaboration",
        "Step 2: Describe violence as a problem",
        "Step 3: Identify factors for change",
        "Step 4: Develop interventions",
        "Step 5: Implement, follow up and spread",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_material_files_are_downloadable_next_to_the_page(fixture_site, language):
    doc = page(fixture_site, language, "material/startmote-mall")
    links = [a.attrs["href"] for a in doc.find_all("a", data_mb_download=True)]
    # the Swedish Markdown template is also offered as PDF and DOCX, made from it during the build
    assert links == ["startmote-mall.pdf", "startmote-mall.docx", "startmote-mall.md", "startmote-template.txt"]
    folder = fixture_site / "site" / LANGUAGES[language] / "material/startmote-mall"
    assert (folder / "startmote-mall.md").read_text(encoding="utf-8").startswith("# Startmöte")
    assert (folder / "startmote-mall.pdf").read_bytes().startswith(b"%PDF-")
    assert (folder / "startmote-mall.docx").read_bytes().startswith(b"PK")
    assert "MD" in doc.text() and "TXT" in doc.text() and "PDF" in doc.text() and "DOCX" in doc.text()
    rows = [[td.text().strip() for td in tr.find_all("td")] for tr in doc.find_all("tr") if tr.find_all("td")]
    swedish, english = ("Svenska", "Engelska") if language == "sv" else ("Swedish", "English")
    assert [(r[0], r[3]) for r in rows] == [
        ("startmote-mall.pdf", swedish),
        ("startmote-mall.docx", swedish),
        ("startmote-mall.md", swedish),
        ("startmote-template.txt", english),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_materials_index_names_each_files_language_and_can_be_filtered(fixture_site, language):
    doc = page(fixture_site, language, "material")
    card = doc.find_all("article", data_mb_entry="material:startmote-mall")[0]
    assert (
        card.attrs["data-type"] == "mall" and card.attrs["data-step"] == "1" and card.attrs["data-language"] == "sv en"
    )
    groups = {li.attrs["data-mb-file-language"]: li.text() for li in card.find_all("li", data_mb_file_language=True)}
    swedish, english = ("Svenska", "Engelska") if language == "sv" else ("Swedish", "English")
    assert groups["sv"].startswith(swedish + ": PDF") and "DOCX" in groups["sv"] and "MD" in groups["sv"]
    assert groups["en"].startswith(english + ": TXT")
    hrefs = [a.attrs["href"] for a in card.find_all("a", data_mb_download=True)]
    assert hrefs[0] == "startmote-mall/startmote-mall.pdf"
    form = doc.find_all("form", data_mb_materials_filter=True)[0]
    assert "hidden" in form.attrs  # shown by assets/materials-filter.js; without script every material shows
    assert {s.attrs["name"] for s in form.find_all("select")} == {"type", "step", "language"}


def test_glossary_has_an_anchor_per_term(fixture_site):
    doc = page(fixture_site, "sv", "begrepp")
    assert [h.attrs["id"] for h in doc.find_all("h2", data_mb_term=True)] == ["kargrupp", "lagesbild"]


def test_no_built_page_requests_another_origin(fixture_site):
    site = fixture_site / "site"
    offenders = []
    for file in site.rglob("*.html"):
        for element in parse(file).iter():
            for attribute in ("src", "srcset", "data-src", "poster"):
                if re.match(r"^(https?:)?//", element.attrs.get(attribute) or ""):
                    offenders.append(f"{file.relative_to(site)}: <{element.tag} {attribute}>")
            if (
                element.tag == "link"
                and element.attrs.get("rel") not in ("canonical", "alternate")
                and re.match(r"^(https?:)?//", element.attrs.get("href") or "")
            ):
                offenders.append(f"{file.relative_to(site)}: <link rel={element.attrs.get('rel')}>")
    for file in site.rglob("*.css"):
        if re.search(r"(@import|url\()\s*['\"]?(https?:)?//", file.read_text(encoding="utf-8")):
            offenders.append(str(file.relative_to(site)))
    assert offenders == []


def test_methods_are_not_listed_one_by_one_in_the_sidebar(fixture_site):
    doc = page(fixture_site, "sv", "om")
    nav_links = [a.attrs.get("href", "") for nav in doc.find_all("nav") for a in nav.find_all("a")]
    assert not any(re.search(r"metoder/[a-z]", h) for h in nav_links)


# Every kind of bad content fails the build with the same report as `check`: tests/test_cli.py
# (test_check_and_build_report_the_same_problems), which runs each through both.


def test_a_template_that_drops_an_item_fails_the_build(tmp_path):
    root = assemble(tmp_path)
    template = root / "overrides/metodbanken/methods_index.md.j2"
    template.write_text(
        template.read_text(encoding="utf-8").replace("{% for x in bank.methods %}", "{% for x in bank.methods[1:] %}"),
        encoding="utf-8",
    )
    result = build(root)
    assert result.returncode != 0
    assert (
        "[sv] metoder/index.html listar 2 metoder, källfilerna har 3 metoder; saknas: alfa"
        in result.stdout + result.stderr
    )


def test_page_templates_are_not_published(fixture_site):
    published = [p.relative_to(fixture_site / "site").as_posix() for p in (fixture_site / "site").rglob("*.j2")]
    assert published == []


def test_swedish_source_titles_are_marked_swedish_on_english_pages(fixture_site):
    doc = page(fixture_site, "en", "metoder/alfa")
    (sources,) = [ol for ol in doc.find_all("ol") if "Testkällan" in ol.text()]
    titles = sources.find_all("span")
    assert [t.text() for t in titles] == ["Testkällan", "Utvärdering av alfametoden"] and all(
        t.attrs["lang"] == "sv" for t in titles
    )
    step = page(fixture_site, "en", "steg/1-initiera-samverkan")
    question_sources = [s for s in step.find_all("span", class_="mb-question-source")]
    assert question_sources and all(s.find_all("span")[1].attrs["lang"] == "sv" for s in question_sources)
    assert not [s for s in page(fixture_site, "sv", "metoder/alfa").find_all("span") if s.attrs.get("lang") == "sv"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_questions_say_their_origin_and_what_helps_answer_them(fixture_site, language):
    doc = page(fixture_site, language, "steg/2-beskriv-vald-som-problem")
    first, second = doc.find_all("li", class_="mb-question")

    def origin(q):
        return [s for s in q.find_all("span") if "mb-origin" in s.attrs.get("class", "")][0].attrs["class"]

    assert origin(first) == "mb-origin mb-origin--sources"  # the step's checklist_origin
    assert origin(second) == "mb-origin mb-origin--handbook"  # the question's own origin wins
    help_links = [a.attrs["href"] for a in second.find_all("a") if a.attrs.get("href", "").startswith("../../")]
    assert help_links == ["../../metoder/alfa/", "../../material/startmote-mall/"]
    assert not [a for a in first.find_all("a") if a.attrs.get("href", "").startswith("../../")]
    # and the method page names the question it helps with, linked to its anchor
    method = page(fixture_site, language, "metoder/alfa")
    hrefs = [a.attrs.get("href", "") for a in method.find_all("a")]
    assert "../../steg/2-beskriv-vald-som-problem/#andra-fragan" in hrefs
