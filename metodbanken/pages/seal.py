"""The last net over every built page, and the Content-Security-Policy every page carries: no page runs inline script.

The policy allows scripts only from the site's own asset folders (path sources where the public address is known,
else 'self') and no inline script at all: Material's two inline scripts are files (overrides/partials/javascripts/),
and so are ours. Nothing is read from the built page to make its policy, so whatever an editor's text manages to
smuggle into a page is never allowed by it. check_built_page() parses each page once, as it is written: any inline
script anywhere (head, header, navigation, table of contents, footer, article), a second or missing policy, an id
written twice (an editor's id taking the theme's place) or anything check_page refuses fails the build, naming the page
and the source file it was made from.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from metodbanken.content.schema import DEFAULT_LANGUAGE
from metodbanken.safety.pagescan import scan_page
from metodbanken.words.errors import Stop
from metodbanken.words.messages import Phrase, phrase

CSP_META_NAME = 'http-equiv="Content-Security-Policy"'
# Where the site's scripts live: Material's bundle and our files (assets/), Pagefind's (pagefind/, en/pagefind/).
SCRIPT_FOLDERS = ("assets/", "pagefind/", "en/pagefind/")
_LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]", "0.0.0.0")


def policy(*, public_url: str = "", serving: bool = False) -> str:
    """The Content-Security-Policy of every page. `mkdocs serve` injects its live-reload script inline and different on
    every request: only there are inline scripts allowed (never in a build that is published)."""
    return (
        "default-src 'self'; script-src "
        + " ".join(script_sources(public_url))
        + (" 'unsafe-inline'" if serving else "")
        + " 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; worker-src 'self' blob:; frame-src 'none'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; manifest-src 'self'"
    )


def script_sources(public_url: str) -> list[str]:
    """Path sources for the script folders when the site's public address is known and not this machine (so no
    editor's file, whatever type the host sends it with, can run as script); 'self' for a local or preview build."""
    parts = urlsplit(public_url or "")
    if (
        parts.scheme != "https"
        or not parts.hostname
        or parts.hostname in _LOCAL_HOSTS
        or parts.hostname.endswith(".localhost")
    ):
        return ["'self'"]
    base = f"https://{parts.netloc}{parts.path if parts.path.endswith('/') else parts.path + '/'}"
    return [base + folder for folder in SCRIPT_FOLDERS]


POLICY = policy()  # the policy of a local build (redirect pages use it too)


def _error(problems: list[Phrase], language: str) -> Stop:
    """The built site holds something no page may hold: every file and element, in the report's language."""
    return Stop(phrase("site.header").render(language), *(p.render(language) for p in problems))


def check_built_page(
    html: str, *, relative: str, page_url: str, site_url: str = "", source: str = "", serving: bool = False
) -> list[Phrase]:
    """Everything wrong with one built page (relative: its path in the site; source: the file it was made from)."""
    problems: list[Phrase] = []
    facts = scan_page(html, page_url=page_url, site_url=site_url or None)
    if facts.policies == 0:
        problems.append(phrase("site.csp_missing", page=relative))
    elif facts.policies > 1 or not facts.policy_first:
        problems.append(phrase("site.csp_twice", page=relative))
    for violation in facts.violations:
        message = phrase("site.violation", page=relative, found=violation.found(), hint=violation.hint)
        if message not in problems:
            problems.append(message)
    if facts.scripts and not serving:
        shown = " ".join(facts.scripts[0].split())[:60]
        problems.append(phrase("site.inline_script", page=relative, count=len(facts.scripts), script=shown))
    for duplicate in facts.duplicate_ids[:5]:
        problems.append(phrase("site.id_twice", page=relative, id=duplicate))
    if source:
        problems = [phrase("site.page_from", problem=p, source=source) for p in problems]
    return problems


class Sealer:
    """The last check of every built page: page() as MkDocs writes it (one parse, in this process), finish() for the
    files no page event sees (redirect pages, the 404 page), then one report of everything found."""

    def __init__(self, *, public_url: str, serving: bool = False, language: str = DEFAULT_LANGUAGE):
        self.language = language  # of the report
        self.origin = public_url if public_url.endswith("/") else public_url + "/"
        self.serving = serving
        self._seen: set[str] = set()
        self._problems: list[Phrase] = []

    def page(self, html: str, relative: str, *, source: str = "") -> str:
        """The page as it is to be written to site/<relative>, checked (reported by finish)."""
        self._seen.add(relative)
        self._problems.extend(
            check_built_page(
                html,
                relative=relative,
                page_url=self._page_url(relative),
                site_url=self.origin,
                source=source,
                serving=self.serving,
            )
        )
        return html

    def finish(self, site_dir: Path) -> int:
        """Check the built files no page event saw; raise Stop with every problem. Returns the page count."""
        site_dir = Path(site_dir)
        problems = self._problems
        pages = 0
        for path in sorted(site_dir.rglob("*.html")):
            relative = path.relative_to(site_dir).as_posix()
            pages += 1
            if relative in self._seen:
                continue
            problems.extend(
                check_built_page(
                    path.read_text(encoding="utf-8"),
                    relative=relative,
                    page_url=self._page_url(relative),
                    site_url=self.origin,
                    serving=self.serving,
                )
            )
        self._seen.clear()
        if problems:
            self._problems = []
            raise _error(problems, self.language)
        return pages

    def close(self) -> None:
        self._seen.clear()
        self._problems = []

    def _page_url(self, relative: str) -> str:
        return self.origin + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def seal_site(site_dir: Path, *, public_url: str, serving: bool = False, language: str = DEFAULT_LANGUAGE) -> int:
    """Check every built HTML file; returns the number of pages; raises Stop (its message in language)."""
    return Sealer(public_url=public_url, serving=serving, language=language).finish(site_dir)
