"""The form editor at /admin/ in Chromium: Swedish sign-in from our origin only, and the real CMS bundle writing the bank.

The editing tests run Sveltia CMS's local-repository mode without GitHub: window.showDirectoryPicker is replaced
before the page loads by the browser-private file system (OPFS), filled with a copy of the bank. The files the form
writes are read back, checked with `python -m metodbanken check` and built into a site.
"""

from __future__ import annotations

import difflib
import subprocess
import sys
import time
from pathlib import Path

import pytest
from browserkit import AXE_TAGS, assemble_real_bank, build_or_fail
from sitekit import REPO

SIGN_IN = "Logga in med en Access Token"
LOCAL_REPO = "Arbeta med lokalt repository"
BANK_FILES = ("methods", "cases", "materials", "sources.yml", "glossary.yml")

FILL_OPFS = """async (files) => {
  const root = await navigator.storage.getDirectory();
  for await (const name of root.keys()) await root.removeEntry(name, {recursive: true});
  await root.getDirectoryHandle('.git', {create: true});  // the CMS checks that it was given a repository's root
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const writer = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writer.write(text);
    await writer.close();
  }
}"""
READ_OPFS = """async () => {
  const files = {};
  async function walk(dir, prefix) {
    for await (const [name, handle] of dir.entries()) {
      if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
      else files[prefix + name] = await (await handle.getFile()).text();
    }
  }
  await walk(await navigator.storage.getDirectory(), '');
  return files;
}"""


def _bank_files() -> dict[str, str]:
    files = {}
    for name in BANK_FILES:
        path = REPO / name
        for file in [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()):
            files[file.relative_to(REPO).as_posix()] = file.read_text(encoding="utf-8")
    return files


# -- the sign-in screen --------------------------------------------------------------------------


def test_sign_in_is_swedish_and_nothing_loads_from_another_origin(browser, real_server, record_property):
    """An English-speaking browser still gets the Swedish sign-in; every request stays on our origin; no CSP violation."""
    context = browser.new_context(locale="en-US")
    try:
        page = context.new_page()
        requests, problems = [], []
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda message: message.type in ("error", "warning") and problems.append(message.text))
        page.on("pageerror", lambda error: problems.append(str(error)))
        started = time.perf_counter()
        page.goto(real_server.url("admin/"))
        page.get_by_role("button", name=SIGN_IN).wait_for(timeout=20_000)
        to_sign_in = time.perf_counter() - started
        page.wait_for_load_state("networkidle")
        transfer = page.evaluate("""() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                                     .reduce((sum, entry) => sum + entry.transferSize, 0)""")
        assert page.evaluate("() => document.documentElement.lang") == "sv"
        assert page.get_by_role("button", name=LOCAL_REPO).count() == 1  # local mode is offered on 127.0.0.1 only
    finally:
        context.close()
    origin = real_server.origin
    foreign = [url for url in requests if not url.startswith((origin + "/", "blob:" + origin, "data:"))]
    assert foreign == [], f"/admin/ requested other origins before sign-in: {foreign}"
    assert problems == [], f"console errors or CSP violations on /admin/: {problems}"
    record_property("admin_time_to_sign_in_s", round(to_sign_in, 2))
    record_property("admin_transfer_bytes", transfer)
    print(f"\n/admin/: sign-in shown after {to_sign_in:.2f} s; {transfer} bytes transferred (uncompressed test server)")


def test_sign_in_screen_accessibility(browser, real_server, record_property):
    """axe on the sign-in screen: our page (language, title) has no finding; Sveltia's findings are listed, not hidden."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(locale="sv-SE")
    try:
        page = context.new_page()
        page.goto(real_server.url("admin/"))
        page.get_by_role("button", name=SIGN_IN).wait_for(timeout=20_000)
        result = Axe().run(
            page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        )
    finally:
        context.close()
    violations = result.response["violations"]
    found = sorted(f"{v['id']} ({v['impact']}): {len(v['nodes'])} element(s)" for v in violations)
    record_property("admin_axe_violations", "; ".join(found) or "none")
    print("\naxe on /admin/ sign-in:", found or "none")
    # Sveltia's app shell adds its own <meta name="viewport"> with maximum-scale=1; docs/admin/editor.js removes it
    assert violations == [], f"axe findings on the sign-in screen: {found}"


# -- editing the bank through the form (local repository in OPFS) --------------------------------


@pytest.fixture
def cms(browser, real_server):
    """A page on /admin/ signed in to a local repository holding a copy of the bank; page.bank_files() reads it back."""
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    context.add_init_script("window.showDirectoryPicker = async () => navigator.storage.getDirectory();")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(real_server.url("admin/"))
    page.evaluate(FILL_OPFS, _bank_files())
    page.get_by_role("button", name=LOCAL_REPO).click()
    page.get_by_role("treeitem", name="Metoder").wait_for()
    page.bank_files = lambda: _read_bank(page)
    yield page
    context.close()
    assert errors == [], f"errors in the CMS: {errors}"


def _read_bank(page) -> dict[str, str]:
    """Every file in the local repository; retried while the CMS is replacing a file (it writes through a swap file)."""
    from playwright.sync_api import Error

    for _attempt in range(20):
        try:
            return page.evaluate(READ_OPFS)
        except Error:
            page.wait_for_timeout(100)
    return page.evaluate(READ_OPFS)


def _field(page, label: str):
    """The field group of a form field, scrolled into view (the form renders fields as they come near the screen)."""
    group = page.get_by_role("group", name=f"Fält “⁨{label}⁩”", exact=True)
    for _ in range(40):
        if group.count():
            group.first.scroll_into_view_if_needed()
            return group.first
        page.mouse.move(400, 600)
        page.mouse.wheel(0, 500)
        page.wait_for_timeout(100)
    raise AssertionError(f"the form has no field {label!r}")


def _choose(page, label: str, option: str):
    _field(page, label).get_by_role("combobox").click()
    page.get_by_role("option", name=option, exact=True).click()


def _choose_many(page, label: str, option: str):
    """A multiple relation: Sveltia shows checkboxes for a few options and a searchable list for many."""
    field = _field(page, label)
    box = field.get_by_role("checkbox", name=option, exact=True)
    if box.count():
        box.check()
        return
    field.get_by_role("combobox").click()
    page.get_by_role("option", name=option, exact=True).first.click()


def _fill_new_method(page, *, summary: bool = True):
    page.get_by_role("button", name="Skapa ny post").click()
    page.get_by_role("textbox", name="Id (blir filnamnet och adressen)").fill("metod-fran-formularet")
    page.get_by_role("textbox", name="Titel").fill("Metod från formuläret")
    if summary:
        page.get_by_role("textbox", name="Sammanfattning").fill(
            "En metod som skapades i formuläret: vägen från fält till sida."
        )
    _field(page, "Steg").get_by_role(
        "checkbox", name="2. Beskriv våld som problem (Describe violence as a problem)"
    ).check()
    _field(page, "Preventionsnivåer").get_by_role("checkbox", name="Universell (Universal)").check()
    _choose(page, "Arenor", "Skola (School)")
    _choose(page, "Målgrupper", "Barn och unga (Children and young people)")
    searched = _field(page, "Sökning efter utvärderingar (om ni inte hittade någon)")
    searched.get_by_role("checkbox").first.check()  # an optional object field is added before it can be filled
    searched.get_by_role("textbox", name="Svenska").fill(
        "Vi sökte i Socialstyrelsens metodguide och hittade inga utvärderingar."
    )
    searched.get_by_role("textbox", name="Engelska").fill(
        "We searched Socialstyrelsen's method guide and found no evaluations."
    )
    _field(page, "Datum för sökningen").locator("input").first.fill("2026-12-02")
    _field(page, "Kostnad").get_by_role("radio", name="Gratis (Free)").check()
    _choose(page, "Källa för kostnaden", "Våldsförebyggande arbete")
    _choose_many(page, "Källor", "Våldsförebyggande arbete")
    _choose(page, "Relaterade metoder", "Gemensam definition av våld")
    _field(page, "Text").get_by_role("textbox", name="Text").fill(
        "## Syfte\n\nAtt pröva formuläret.\n\n## Så går det till\n\nRedaktören fyller i fälten och sparar."
    )


def _fill_english(page):
    page.get_by_role("radio", name="Engelska").first.click()
    page.get_by_role("textbox", name="Titel").fill("Method from the form")
    page.get_by_role("textbox", name="Sammanfattning").fill(
        "A method created in the form: the way from fields to a page."
    )
    _field(page, "Text").get_by_role("textbox", name="Text").fill(
        "## Purpose\n\nTo try the form.\n\n## How it is done\n\nThe editor fills in the fields and saves."
    )


def _save(page):
    page.get_by_role("button", name="Spara", exact=True).click()


def _wait_for_file(page, path: str) -> dict[str, str]:
    """The form writes its files some time after Save; a busy machine (CI with two cores) can take many seconds."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        files = page.bank_files()
        if path in files:
            return files
        page.wait_for_timeout(200)
    raise AssertionError(f"the form did not write {path} within 90 s of saving")


def _bank_with(tmp_path: Path, written: dict[str, str]) -> Path:
    """A buildable copy of the site with the repository's content and the files the form wrote."""
    root = assemble_real_bank(tmp_path / "project")
    for path, text in written.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def _check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "metodbanken", "check", "--root", str(root)], capture_output=True, text=True
    )


def test_a_method_created_in_the_form_passes_check_and_builds_in_both_languages(cms, tmp_path):
    _fill_new_method(cms)
    _fill_english(cms)
    _save(cms)
    files = _wait_for_file(cms, "methods/metod-fran-formularet.en.md")
    sv, en = files["methods/metod-fran-formularet.md"], files["methods/metod-fran-formularet.en.md"]
    assert sv.startswith(
        "---\n# yaml-language-server: $schema=../schemas/method.schema.json\nid: metod-fran-formularet\n"
    ), sv
    assert en.startswith(
        "---\n# yaml-language-server: $schema=../schemas/method.en.schema.json\ntitle: Method from the form\n"
    ), en
    for line in (
        "steps: [2]",
        "prevention_levels: [universell]",
        "arenas: [skola]",
        "target_groups: [barn-och-unga]",
        "cost: gratis",
        "cost_source: skl-valdsforebyggande-2018",
        "evaluations_searched_on: 2026-12-02",
        "sources: [skl-valdsforebyggande-2018]",
        "related_methods: [gemensam-definition-av-vald]",
    ):
        assert f"\n{line}\n" in sv, (line, sv)
    assert "\nid:" not in en and "\nsteps:" not in en, "the English file holds only the translated fields"
    root = _bank_with(
        tmp_path, {p: files[p] for p in ("methods/metod-fran-formularet.md", "methods/metod-fran-formularet.en.md")}
    )
    result = _check(root)
    assert result.returncode == 0, result.stdout + result.stderr
    site = build_or_fail(root, "bank with the method from the form")
    sv_page = (site / "metoder" / "metod-fran-formularet" / "index.html").read_text(encoding="utf-8")
    en_page = (site / "en" / "metoder" / "metod-fran-formularet" / "index.html").read_text(encoding="utf-8")
    assert "Metod från formuläret" in sv_page and "Redaktören fyller i fälten" in sv_page
    assert "Method from the form" in en_page and "mb-fallback-notice" not in en_page


def test_editing_one_field_changes_only_that_line(cms, tmp_path):
    before = cms.bank_files()
    cms.get_by_text("Gemensam definition av våld", exact=True).first.click()
    cms.get_by_role("textbox", name="Sammanfattning").fill("En gemensam definition av våld, beslutad av styrgruppen.")
    _save(cms)
    path = "methods/gemensam-definition-av-vald.md"
    for _ in range(100):
        after = cms.bank_files()
        if after[path] != before[path]:
            break
        cms.wait_for_timeout(100)
    diff = [
        line
        for line in difflib.unified_diff(before[path].splitlines(), after[path].splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    old_summary = next(line for line in before[path].splitlines() if line.startswith("summary:"))
    assert diff == [f"-{old_summary}", "+summary: En gemensam definition av våld, beslutad av styrgruppen."], diff
    changed = sorted(p for p in after if after[p] != before.get(p))
    assert changed == [path], f"saving one field rewrote other files: {changed}"
    result = _check(_bank_with(tmp_path, {path: after[path]}))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_form_refuses_a_method_without_summary(cms):
    _fill_new_method(cms, summary=False)
    _save(cms)
    cms.wait_for_timeout(1000)
    assert "methods/metod-fran-formularet.md" not in cms.bank_files()
    field = _field(cms, "Sammanfattning")
    assert (
        field.get_attribute("aria-invalid") == "true" or field.locator("[aria-invalid=true]").count()
    ), "the empty summary is not marked as invalid"


# -- the page around the editor: zoom, accessibility, and a preview that stays in its pane ---------

VIEWPORTS = "() => [...document.querySelectorAll('meta[name=viewport]')].map((meta) => meta.content)"


def _one_viewport_that_zooms(page) -> None:
    viewports = page.evaluate(VIEWPORTS)
    assert len(viewports) == 1, f"one viewport tag, found {viewports}"
    assert "maximum-scale" not in viewports[0] and "user-scalable" not in viewports[0], viewports


def test_the_editor_zooms_and_axe_finds_nothing_before_and_after_it_starts(cms, record_property):
    """One viewport tag without maximum-scale (the editor adds one with maximum-scale=1: editor.js removes it), and no
    axe finding at all (WCAG 1.4.4 meta-viewport included) on the editor with a method open."""
    from axe_playwright_python.sync_playwright import Axe

    _one_viewport_that_zooms(cms)
    cms.get_by_text("Gemensam definition av våld", exact=True).first.click()
    cms.get_by_role("document", name="Förhandsgranskning av innehåll").wait_for()
    cms.wait_for_timeout(500)
    _one_viewport_that_zooms(cms)
    result = Axe().run(cms, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    found = sorted(
        f"{v['id']} ({v['impact']}): {[n['html'][:120] for n in v['nodes']]}" for v in result.response["violations"]
    )
    record_property("admin_editor_axe_violations", "; ".join(found) or "none")
    assert found == [], f"axe findings on the form editor: {found}"


OVERLAYS = {
    "style attribute": '<div style="position:fixed;inset:0;z-index:99999;background:#c00">ÖVERLAGRING</div>',
    "style sheet": '<style>.mb-over{position:fixed;inset:0;z-index:99999;background:#c00}</style><div class="mb-over">ÖVERLAGRING</div>',
    # a popover opens in the top layer, above any containment: only removing it (editor.js) keeps it in the preview
    "popover": '<button popovertarget="mb-pop">Öppna</button><div id="mb-pop" popover style="inset:0;width:auto;height:auto;'
    'max-width:none;max-height:none;margin:0;background:#c00">ÖVERLAGRING</div>',
    # positioned by a rule editor.js cannot remove (a constructed style sheet stands for any way a draft might find):
    # only the preview's containment (editor.css) keeps it in the preview
    "any other positioning": '<div class="mb-over">ÖVERLAGRING</div>',
}
ANY_OTHER_POSITIONING = """() => { const sheet = new CSSStyleSheet();
  sheet.replaceSync('.mb-over{position:fixed;inset:0;z-index:99999;background:#c00}');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }"""


@pytest.mark.parametrize("kind", OVERLAYS)
def test_a_drafts_preview_cannot_cover_the_editor(cms, kind):
    """A draft whose body would lie over the whole page: the preview still shows its text, and the editor's Save button
    and form are still what a click at them reaches. editor.css contains the preview (paint containment), editor.js
    removes style sheets, style attributes and popovers from it; each of the last two cases needs one of them."""
    cms.get_by_text("Gemensam definition av våld", exact=True).first.click()
    preview = cms.get_by_role("document", name="Förhandsgranskning av innehåll")
    preview.wait_for()
    _field(cms, "Text").get_by_role("textbox", name="Text").fill(f"Före.\n\n{OVERLAYS[kind]}\n\nEfter.")
    preview.get_by_text("Efter.").wait_for()
    if kind == "any other positioning":
        cms.evaluate(ANY_OTHER_POSITIONING)
    if kind == "popover":
        preview.get_by_role("button", name="Öppna").click()
    else:
        assert preview.get_by_text("ÖVERLAGRING").count() == 1, "the draft's text is still previewed"
    save = cms.get_by_role("button", name="Spara", exact=True)
    box = save.bounding_box()
    at_save = cms.evaluate(
        """([x, y]) => { const e = document.elementFromPoint(x, y);
                               return e.closest('button') ? e.closest('button').dataset.label || e.closest('button').textContent : e.outerHTML.slice(0, 200); }""",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert at_save == "Spara", f"a click at Save would reach the draft's element: {at_save}"
    form = _field(cms, "Text").get_by_role("textbox", name="Text").bounding_box()
    in_form = cms.evaluate(
        """([x, y]) => { const e = document.elementFromPoint(x, y); return !e.closest('[role=document]'); }""",
        [form["x"] + 20, form["y"] + 10],
    )
    assert in_form, "the draft's element lies over the form"
