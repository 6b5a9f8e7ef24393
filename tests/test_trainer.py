"""Step guides for trainers in the built fixture site: short addresses, print addresses with QR codes, the whole guide."""

from __future__ import annotations

import pytest
from htmlkit import parse

LANGUAGES = {"sv": "", "en": "en/"}
STEPS = [
    "1-initiera-samverkan",
    "2-beskriv-vald-som-problem",
    "3-identifiera-forandringsfaktorer",
    "4-utveckla-insatser",
    "5-implementera-folj-upp-och-sprid",
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_short_step_address_redirects_to_the_step_page(fixture_site, language, number):
    page = fixture_site / "site" / LANGUAGES[language] / "steg" / str(number) / "index.html"
    doc = parse(page)
    (meta,) = [m for m in doc.find_all("meta") if m.attrs.get("http-equiv") == "refresh"]
    assert meta.attrs["content"] == f"0; url=../{STEPS[number - 1]}/"
    assert doc.find_all("html")[0].attrs["lang"] == language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path, address",
    [
        ("steg/2-beskriv-vald-som-problem", "steg/2/"),
        ("metoder/alfa", "metoder/alfa/"),
        ("exempel/testkommunen", "exempel/testkommunen/"),
    ],
)
def test_printouts_carry_the_short_address_and_a_qr_code(bank_root, language, path, address):
    from sitekit import REPO

    from metodbanken.content.load import load_bank
    from metodbanken.pages.render import Renderer, load_labels

    public = "https://kommun.example/metodbanken/"  # as the publishing workflow sets it (SITE_URL)
    renderer = Renderer(
        templates_dir=REPO / "overrides/metodbanken", labels=load_labels(REPO / "labels"), public_url=public
    )
    pages = renderer.render_language(load_bank(bank_root), language)
    doc = parse(pages[path + (".md" if language == "sv" else ".en.md")])
    (box,) = doc.find_all(class_="mb-print-only mb-print-address")
    expected = f"{public}{LANGUAGES[language]}{address}"
    assert box.find_all(class_="mb-print-url")[0].text() == expected
    if not path.startswith("metoder/"):  # method printouts carry the address only (see _macros.md.j2)
        (svg,) = box.find_all("svg")
        assert svg.attrs["aria-hidden"] == "true" and svg.find_all("path")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["steg/2-beskriv-vald-som-problem", "metoder/alfa", "exempel/testkommunen"])
def test_a_preview_build_without_a_public_address_prints_none(fixture_site, language, path):
    doc = parse(fixture_site / "site" / LANGUAGES[language] / path / "index.html")
    assert doc.find_all(class_="mb-print-address") == [] and doc.find_all(class_="mb-qr") == []


def test_qr_code_encodes_the_printed_address():
    import segno

    from metodbanken.pages.qr import qr_svg

    url = "https://example.org/steg/1/"
    assert (
        qr_svg(url).split("<g", 1)[1]
        == segno.make(url, error="m")
        .svg_inline(scale=3, border=2, dark="#000", light="#fff", svgclass="mb-qr")
        .split("<g", 1)[1]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_step_checklist_has_a_link_per_question_and_works_as_a_plain_list(fixture_site, language):
    doc = parse(fixture_site / "site" / LANGUAGES[language] / "steg/1-initiera-samverkan/index.html")
    questions = doc.find_all("li", class_="mb-question")
    assert [q.find_all("a", class_="mb-question-link")[0].attrs["href"] for q in questions] == [
        "#forsta-fragan",
        "#andra-fragan",
    ]
    (tools,) = doc.find_all(data_mb_checklist_tools=True)
    assert "hidden" in tools.attrs  # the tick/save tools appear only with JavaScript
    assert not [i for q in questions for i in q.find_all("input")]  # no controls that need JavaScript


@pytest.mark.parametrize("language", LANGUAGES)
def test_whole_guide_collects_every_step_and_question(fixture_site, language):
    doc = parse(fixture_site / "site" / LANGUAGES[language] / "steg/hela-guiden/index.html")
    headings = [h.text() for h in doc.find_all("h2")]
    assert len(headings) == 5
    questions = [q.text() for q in doc.find_all("li", class_="mb-question")]
    assert len(questions) == 10
    assert all(
        f"step {n}" in q.lower() or f"steg {n}" in q.lower() for n in range(1, 6) for q in questions[2 * n - 2 : 2 * n]
    )
