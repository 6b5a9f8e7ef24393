"""Browser fixtures: two built sites (real bank, fixture bank), each served once per session, one Chromium, visits cached."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browserkit import (CHROMIUM, CHROMIUM_ARGS, LANGUAGES, Visit, assemble_real_bank, build_or_fail,  # noqa: E402
                        fallback_pages, page_kinds, serve, visit_page)

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
        yield chromium
        chromium.close()


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
