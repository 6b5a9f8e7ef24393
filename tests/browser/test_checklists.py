"""Checklists trainers hand out: tick and note, keep after reload, save and load, copy a question's link, print."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
STEP_2 = "steg/2-beskriv-vald-som-problem/"


@pytest.fixture
def context(browser, fixture_server):
    context = browser.new_context(viewport={"width": 1300, "height": 900}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=fixture_server.origin)
    yield context
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_tick_and_note_survive_a_reload_per_language(context, fixture_server, prefix):
    page = context.new_page()
    page.goto(fixture_server.url(prefix + STEP_2))
    page.check("#mb-check-2-andra-fragan")
    page.fill("#mb-note-2-andra-fragan", "Statistik från skolan saknas.")
    page.reload()
    assert page.is_checked("#mb-check-2-andra-fragan")
    assert not page.is_checked("#mb-check-2-forsta-fragan")
    assert page.input_value("#mb-note-2-andra-fragan") == "Statistik från skolan saknas."
    expected = "1 av 2 frågor klara" if not prefix else "1 of 2 questions done"
    assert page.inner_text("[data-mb-progress-text]") == expected
    # the other language keeps its own state
    other = "en/" if not prefix else ""
    page.goto(fixture_server.url(other + STEP_2))
    assert not page.is_checked("#mb-check-2-andra-fragan")
    # the overview shows the progress of the step
    page.goto(fixture_server.url(prefix + "steg/"))
    assert page.inner_text("[data-mb-progress='2']") == expected


def test_export_then_import_restores_the_state(context, fixture_server, tmp_path):
    page = context.new_page()
    page.goto(fixture_server.url(STEP_2))
    page.check("#mb-check-2-forsta-fragan")
    page.fill("#mb-note-2-forsta-fragan", "Klart i maj.")
    with page.expect_download() as download:
        page.click("[data-mb-action=export]")
    saved = tmp_path / "svar.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["answers"]["forsta-fragan"] == {"done": True, "note": "Klart i maj."}
    # a colleague on another device: a fresh browser profile
    colleague = context.browser.new_context()
    other = colleague.new_page()
    other.goto(fixture_server.url(STEP_2))
    assert not other.is_checked("#mb-check-2-forsta-fragan")
    with other.expect_file_chooser() as chooser:
        other.click("[data-mb-action=import]")
    chooser.value.set_files(str(saved))
    other.wait_for_function("() => document.querySelector('#mb-check-2-forsta-fragan').checked")
    assert other.input_value("#mb-note-2-forsta-fragan") == "Klart i maj."
    assert other.inner_text("[data-mb-message]") == "Svaren är hämtade"
    # a file that is not a saved checklist is refused with a message, and nothing changes
    bad = tmp_path / "fel.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    with other.expect_file_chooser() as chooser:
        other.click("[data-mb-action=import]")
    chooser.value.set_files(str(bad))
    other.wait_for_function("() => document.querySelector('[data-mb-message]').textContent.includes('kunde inte')")
    assert other.is_checked("#mb-check-2-forsta-fragan")
    colleague.close()


def test_nothing_leaves_the_device_when_ticking(context, fixture_server):
    page = context.new_page()
    page.goto(fixture_server.url(STEP_2))
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.check("#mb-check-2-forsta-fragan")
    page.fill("#mb-note-2-forsta-fragan", "x")
    page.wait_for_timeout(300)
    assert requests == []


def test_copy_link_gives_the_question_address_and_says_so(context, fixture_server):
    page = context.new_page()
    page.goto(fixture_server.url("en/" + STEP_2))
    link = page.locator("#andra-fragan .mb-question-link")
    assert link.inner_text() == "Copy link"
    link.focus()
    page.keyboard.press("Enter")  # by keyboard
    expected = fixture_server.url("en/steg/2/") + "#andra-fragan"  # the short address trainers put on slides
    status = "#andra-fragan .mb-copy-status"
    page.wait_for_function("s => document.querySelector(s).textContent !== ''", arg=status)
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.inner_text(status) == f"Link copied: {expected}"  # beside the link, not above question 1
    assert page.get_attribute(status, "role") == "status"
    # the address opens the page at the question
    other = context.new_page()
    other.goto(expected)
    other.wait_for_url("**/en/" + STEP_2 + "#andra-fragan")
    assert other.evaluate("document.getElementById('andra-fragan') !== null")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_short_addresses_redirect_to_the_step_pages(context, fixture_server, prefix):
    page = context.new_page()
    for number, slug in [(1, "1-initiera-samverkan"), (5, "5-implementera-folj-upp-och-sprid")]:
        page.goto(fixture_server.url(f"{prefix}steg/{number}/"))
        page.wait_for_url(f"**/{prefix}steg/{slug}/")


def pdf_text(page) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return "\n".join(p.extract_text() for p in reader.pages), len(reader.pages)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_printed_step_page_has_every_question_and_no_navigation(context, fixture_server, prefix):
    page = context.new_page()
    page.goto(fixture_server.url(prefix + STEP_2))
    questions = page.eval_on_selector_all(".mb-question-text", "qs => qs.map(q => q.textContent.trim())")
    page.check("#mb-check-2-forsta-fragan")
    text, _ = pdf_text(page)
    flat = " ".join(text.split())
    assert len(questions) == 2 and all(q in flat for q in questions)
    # the fixture site is a preview build (no SITE_URL): it prints no address of the build machine (the printed
    # address and QR code of a published build: test_trainer.py)
    assert "127.0.0.1" not in flat and "localhost" not in flat
    assert "✓" in text  # the ticked question is ticked on paper
    nav_words = [
        "Innehållsförteckning",
        "Table of contents",
        "Föregående",
        "Previous",
        "Sök",
        "Search",
        "Kopiera länk",
        "Copy link",
    ]
    assert [w for w in nav_words if w in text] == []
    assert page.locator("svg.mb-qr").count() == 0


def test_whole_guide_prints_all_steps(context, fixture_server):
    page = context.new_page()
    page.goto(fixture_server.url("steg/hela-guiden/"))
    text, pages = pdf_text(page)
    flat = " ".join(text.split())
    for n in range(1, 6):
        assert f"Första frågan i steg {n}?" in flat and f"Andra frågan i steg {n}?" in flat
    assert pages >= 5  # each step starts on a new page


@pytest.mark.parametrize("path", [STEP_2, "en/" + STEP_2, "steg/hela-guiden/", "en/steg/hela-guiden/", "steg/"])
def test_checklist_pages_with_their_tools_have_no_axe_violations(context, fixture_server, path):
    from axe_playwright_python.sync_playwright import Axe

    page = context.new_page()
    page.goto(fixture_server.url(path))
    if "hela-guiden" not in path and path != "steg/":
        page.check("#mb-check-2-forsta-fragan")  # the tools and progress are showing
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
    assert violations == []
