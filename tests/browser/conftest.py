"""Browser fixtures: two built sites (real bank, fixture bank), each served once per session, one Chromium, visits cached."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browserkit import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LANGUAGES,
    Visit,
    assemble_real_bank,
    build_or_fail,  # noqa: E402
    fallback_pages,
    page_kinds,
    serve,
    visit_page,
)

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
def fixture_bank_site(fixture_site) -> Path:
    """The fixture bank (tests/fixtures/bank, with the untranslated method gamma), built once for the whole session: site/."""
    return fixture_site / "site"


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
        yield CspRecordingBrowser(chromium)
        chromium.close()


# -- Content-Security-Policy: every page of every test is watched; a violation fails the test that caused it ------

CSP_RECORDER = """window.addEventListener('securitypolicyviolation', (e) => console.error(
  'CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + (e.sourceFile || '') + ':' + e.lineNumber), true);"""


class CspRecordingBrowser:
    """The Chromium browser, with every page it opens reporting CSP violations (the event and Chromium's own message)."""

    def __init__(self, browser):
        self._browser = browser
        self.csp_violations: list[str] = []

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.add_init_script(CSP_RECORDER)
        context.on("page", self._watch)
        return context

    def _watch(self, page) -> None:
        def on_console(message):
            text = message.text
            if text.startswith("CSP violation") or "Content Security Policy" in text:
                self.csp_violations.append(f"{page.url}: {text}")

        page.on("console", on_console)

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture(autouse=True)
def no_csp_violation(request):
    """Zero CSP violations: search, filters, checklists and copy-link all run under the policy in these tests."""
    if "browser" not in request.fixturenames:
        yield
        return
    browser = request.getfixturevalue("browser")
    start = len(browser.csp_violations)
    yield
    new = browser.csp_violations[start:]
    assert new == [], "Content-Security-Policy violations:\n  " + "\n  ".join(new)


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
