"""Browser fixtures: two built sites (real bank, fixture bank), each served once per session, one Chromium, visits cached."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitekit import assemble  # noqa: E402
from sitekit_browser import (LANGUAGES, MISSING, assemble_real_bank, build_or_fail, fallback_pages,  # noqa: E402
                             page_kinds, serve)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
HERE = Path(__file__).resolve().parent


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


# -- in CI a skipped browser test is a failed one ----------------------------------------------

@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and in_ci() and not hasattr(report, "wasxfail") and HERE in Path(str(item.fspath)).parents:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"CI=true: a browser test may not be skipped ({reason})"


# -- built and served sites ----------------------------------------------------------------------

@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The repository's own bank, built with `mkdocs build --strict`: the site/ folder."""
    return build_or_fail(assemble_real_bank(tmp_path_factory.mktemp("real-bank") / "project"), "real bank")


@pytest.fixture(scope="session")
def fixture_bank_site(tmp_path_factory) -> Path:
    """The fixture bank (tests/fixtures/bank, with the untranslated method gamma) built: the site/ folder."""
    return build_or_fail(assemble(tmp_path_factory.mktemp("fixture-bank")), "fixture bank")


@pytest.fixture(scope="session")
def real_server(real_site):
    server = serve(real_site)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fixture_server(fixture_bank_site):
    server = serve(fixture_bank_site)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def real_kinds(real_site) -> dict[str, str]:
    return page_kinds(real_site)


# -- one Chromium --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"no Chromium at {CHROMIUM}: apt-get install chromium"
        if in_ci():
            pytest.fail(f"CI=true: browser tests cannot be skipped: {message}")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


# -- a visit: everything we check on a page, gathered in one load ---------------------------------

@dataclass
class Visit:
    url: str
    language: str
    kind: str
    status: int | None = None
    requests: list[str] = field(default_factory=list)
    set_cookie_headers: list[str] = field(default_factory=list)
    cookies: list = field(default_factory=list)
    document_cookie: str = ""
    violations: list[dict] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    html_lang: str | None = None
    passages: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, effective lang, text) in the main content
    lang_parts: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, lang, text) of each element with lang= in it
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # resources the page asked for that did not load

    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"


PASSAGES_JS = r"""() => {
  const own = e => (e.closest('[lang]') || document.documentElement).getAttribute('lang') || '';
  const textIn = (e, lang) => {  // the element's text, leaving out parts marked with another language
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    let text = '';
    while (walker.nextNode()) { if (own(walker.currentNode.parentElement) === lang) text += walker.currentNode.data + ' '; }
    return text.trim().replace(/\s+/g, ' ');
  };
  return [...document.querySelectorAll(
      'article h1, article h2, article h3, article h4, article p, article li, article dt, article dd, article td, article th')]
    .filter(e => !e.querySelector('p, li, dd, dt, td, th, ul, ol, dl'))
    .map(e => [e.tagName.toLowerCase(), own(e), textIn(e, own(e))]);
}"""

LANG_PARTS_JS = r"""() => [...document.querySelectorAll('article [lang]')]
  .map(e => [e.tagName.toLowerCase(), e.getAttribute('lang'), e.innerText.trim().replace(/\s+/g, ' ')])"""

HEADINGS_JS = """() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
  .map(h => [Number(h.tagName[1]), h.textContent.trim().replace(/\\s+/g, ' ')])"""


def visit_page(browser, url: str, *, language: str, kind: str) -> Visit:
    from axe_playwright_python.sync_playwright import Axe
    result = Visit(url=url, language=language, kind=kind)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.on("request", lambda request: result.requests.append(request.url))
        page.on("response", lambda response: result.set_cookie_headers.extend(
            v for k, v in response.headers.items() if k.lower() == "set-cookie"))
        page.on("response", lambda response: response.status >= 400 and response.url != url and
                result.failed.append(f"{response.status} {response.url}"))
        page.on("requestfailed", lambda request: result.failed.append(f"{request.failure} {request.url}"))
        page.on("console", lambda message: message.type == "error" and message.location.get("url") != url and
                result.console_errors.append(f"{message.text} ({message.location.get('url')})"))
        response = page.goto(url, wait_until="networkidle")
        result.status = response.status if response else None
        result.html_lang = page.evaluate("() => document.documentElement.getAttribute('lang')")
        result.headings = [tuple(h) for h in page.evaluate(HEADINGS_JS)]
        result.passages = [tuple(p) for p in page.evaluate(PASSAGES_JS)]
        result.lang_parts = [tuple(p) for p in page.evaluate(LANG_PARTS_JS)]
        axe = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
        result.violations = axe.response["violations"]
        result.document_cookie = page.evaluate("() => document.cookie")
        page.wait_for_load_state("networkidle")
        result.cookies = context.cookies()
    finally:
        context.close()
    return result


@pytest.fixture(scope="session")
def visits(browser):
    """visit(server, path, language=, kind=): load a page once per session and return what was seen."""
    cache: dict[str, Visit] = {}

    def visit(server, path: str, *, language: str, kind: str) -> Visit:
        url = server.url(LANGUAGES[language] + path)
        if url not in cache:
            cache[url] = visit_page(browser, url, language=language, kind=kind)
        return cache[url]
    visit.cache = cache
    return visit


@pytest.fixture(scope="session")
def fallback_path(fixture_bank_site) -> str:
    """The English fallback page of the untranslated fixture method gamma."""
    paths = fallback_pages(fixture_bank_site)
    assert "metoder/gamma/" in paths, f"the fixture bank's untranslated method has no fallback page: {paths}"
    return "metoder/gamma/"


__all__ = ["MISSING"]


KINDS = ["start", "step overview", "step 1", "step 2", "step 3", "step 4", "step 5", "methods index", "method",
         "cases index", "case", "materials index", "material", "glossary", "about", "accessibility statement", "404"]
PAGES = [(language, kind) for language in LANGUAGES for kind in KINDS] + [("en", "fallback")]
PAGE_IDS = [f"{language}-{kind.replace(' ', '-')}" for language, kind in PAGES]


@pytest.fixture(scope="session")
def visit_kind(visits, request):
    """visit_kind(language, kind): the Visit of that kind of page (the fallback page comes from the fixture bank)."""
    def inner(language: str, kind: str) -> Visit:
        if kind == "fallback":
            server, path = request.getfixturevalue("fixture_server"), request.getfixturevalue("fallback_path")
        else:
            kinds = request.getfixturevalue("real_kinds")
            assert kind in kinds, f"the real bank has no page of kind {kind!r}: found {sorted(kinds)}"
            server = request.getfixturevalue("real_server")
            path = kinds[kind].format(language=language)
        return visits(server, path, language=language, kind=kind)
    return inner
