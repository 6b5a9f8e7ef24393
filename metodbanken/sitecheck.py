"""The last net over the built site: check every HTML file (check_page) and seal it with its Content-Security-Policy.

Every page carries a CSP <meta> (written by the templates, before any script) whose script-src holds a placeholder.
Here, after the build, the placeholder becomes the hashes of the page's own inline scripts (the theme's; they embed
the page's depth, so they differ per page). Editors' content can hold no script (the content check refuses it, and
check_page refuses any script inside the page content), so nothing of theirs is ever hashed.
"""

from __future__ import annotations

import base64
import hashlib
import multiprocessing
import os
import re
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from .htmlpolicy import EXECUTABLE_SCRIPT_TYPES, scan_page
from .messages import Phrase, phrase
from .schema import DEFAULT_LANGUAGE

SCRIPT_HASHES = "'mb-script-hashes'"  # the placeholder in the templates' policy
CSP_META_NAME = 'http-equiv="Content-Security-Policy"'

POLICY = ("default-src 'self'; script-src 'self' " + SCRIPT_HASHES + " 'wasm-unsafe-eval'; "
          "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
          "worker-src 'self' blob:; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          "manifest-src 'self'")


class SiteCheckError(Exception):
    """The built site holds something no page may hold; the message lists every file and element."""


def _error(problems: list[Phrase], language: str) -> SiteCheckError:
    return SiteCheckError("\n  ".join([phrase("site.header").render(language)] + [p.render(language) for p in problems]))


def script_hashes(scripts: list[str]) -> list[str]:
    """CSP source expressions ('sha256-…') of inline scripts' texts."""
    hashes = []
    for text in scripts:
        source = f"'sha256-{base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


# Inline scripts as the theme's templates write them. Only a fast first guess: the parse in the worker (scan_page) is
# what counts, and a page whose parsed scripts differ from this guess fails the build.
_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script[\t\n\f\r />]", re.I | re.S)
_SRC = re.compile(r"(?:^|[\t\n\f\r /\"'])src[\t\n\f\r ]*=", re.I)
_TYPE = re.compile(r"(?:^|[\t\n\f\r /\"'])type[\t\n\f\r ]*=[\t\n\f\r ]*(?:\"([^\"]*)\"|'([^']*)'|([^\t\n\f\r >]*))", re.I)


def _inline_scripts_guess(html: str) -> list[str]:
    scripts = []
    for match in _INLINE_SCRIPT.finditer(html):
        attributes = match.group(1)
        kind = _TYPE.search(attributes)
        kind = next((g for g in kind.groups() if g is not None), "") if kind else ""
        if not _SRC.search(attributes) and kind.strip().lower() in EXECUTABLE_SCRIPT_TYPES:
            scripts.append(match.group(2))
    return scripts


def _scan(batch: list[tuple[str, str, str]]) -> dict[str, tuple[list, list[str]]]:
    """In a worker process: each page's violations and the hashes of its inline scripts, from one real parse."""
    found = {}
    for relative, html, page_url in batch:
        violations, scripts = scan_page(html, page_url=page_url)
        found[relative] = (violations, script_hashes(scripts))
    return found


class Sealer:
    """Seals every page as MkDocs writes it, and checks it in a second process while the build goes on.

    page() fills in the policy's script hashes (from a fast look at the page) and hands the sealed page to a worker
    that parses it (scan_page); finish() collects the workers' findings, seals and checks the files no page event saw
    (redirect pages, the 404 page), and raises SiteCheckError listing every problem. The check is the same as
    seal_site's; only the work moves out of the way (a page is parsed once, and never read back or rewritten)."""

    def __init__(self, *, public_url: str, serving: bool = False, language: str = DEFAULT_LANGUAGE):
        self.language = language  # of the report
        self.origin = public_url if public_url.endswith("/") else public_url + "/"
        self.serving = serving
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        self._pages: dict[str, tuple[list[str], int]] = {}  # relative path -> (hashes written, bytes written)
        self._batch: list[tuple[str, str, str]] = []
        self._futures: list[Future] = []
        self._problems: list[Phrase] = []

    BATCH = 50  # pages per hand-over: one at a time, the threads that pass them on hold up the build

    def page(self, html: str, relative: str) -> str:
        """The page as it is to be written to site/<relative>."""
        hashes = script_hashes(_inline_scripts_guess(html))
        html = _fill(html, hashes, serving=self.serving, relative=relative, problems=self._problems) or html
        self._pages[relative] = (hashes, len(html.encode("utf-8")))
        self._batch.append((relative, html, self._page_url(relative)))
        if len(self._batch) >= self.BATCH:
            self._flush()
        return html

    def _flush(self) -> None:
        if self._batch:
            self._futures.append(self._pool.submit(_scan, self._batch))
            self._batch = []

    def finish(self, site_dir: Path) -> int:
        """Wait for the checks of every page, check the rest of the site; returns the number of pages."""
        site_dir = Path(site_dir)
        problems: list[Phrase] = self._problems
        try:
            self._flush()
            scanned: dict[str, tuple[list, list[str]]] = {}
            for future in self._futures:
                scanned.update(future.result())
            pages = 0
            for path in sorted(site_dir.rglob("*.html")):
                relative = path.relative_to(site_dir).as_posix()
                seen = self._pages.pop(relative, None)
                if seen is not None and path.stat().st_size == seen[1]:
                    violations, hashes = scanned[relative]
                    if not self.serving and hashes != seen[0]:
                        problems.append(phrase("site.scripts_differ", page=relative))
                else:
                    violations = _seal_file(path, self._page_url(relative), serving=self.serving, problems=problems,
                                            relative=relative)
                _report(relative, violations, problems)
                pages += 1
            for relative in self._pages:  # a page event for a file that is not there: never expected
                problems.append(phrase("site.not_written", page=relative))
        finally:
            self.close()
        if problems:
            raise _error(problems, self.language)
        return pages

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pages.clear()
        self._batch, self._futures = [], []

    def _page_url(self, relative: str) -> str:
        return self.origin + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def _report(relative: str, violations, problems: list[Phrase]) -> None:
    for violation in violations:
        message = phrase("site.violation", page=relative, found=violation.found(), hint=violation.hint)
        if message not in problems:
            problems.append(message)


def _fill(html: str, hashes: list[str], *, serving: bool, relative: str, problems: list[Phrase]) -> str | None:
    """The page with its policy's placeholder filled in, or None (and a problem) if it has no policy to fill."""
    if SCRIPT_HASHES in html:
        return html.replace(SCRIPT_HASHES, "'unsafe-inline'" if serving else " ".join(hashes))
    if "mb-script-hashes" in html:
        problems.append(phrase("site.csp_escaped", page=relative))
    elif CSP_META_NAME not in html:
        problems.append(phrase("site.csp_missing", page=relative))
    return None


def _seal_file(path: Path, page_url: str, *, serving: bool, problems: list[Phrase], relative: str) -> list:
    """Check one built file and fill in its policy's hashes in place (atomically); returns its violations."""
    html = path.read_text(encoding="utf-8")
    violations, scripts = scan_page(html, page_url=page_url)
    sealed = _fill(html, script_hashes(scripts), serving=serving, relative=relative, problems=problems)
    if sealed is not None:
        temporary = path.with_name(path.name + ".sealing")
        temporary.write_text(sealed, encoding="utf-8")
        os.replace(temporary, path)  # atomic: Pagefind, reading the site meanwhile, sees a whole page either way
    return violations


def seal_site(site_dir: Path, *, public_url: str, serving: bool = False, language: str = DEFAULT_LANGUAGE) -> int:
    """Check every built HTML file and fill in its CSP hashes; returns the number of pages; raises SiteCheckError
    (its message in language). A Sealer that saw no page: every file is checked and sealed in place.

    serving: a local `mkdocs serve`, whose live-reload script differs on every request and cannot be hashed; there the
    policy allows inline scripts (never in a build that is published)."""
    return Sealer(public_url=public_url, serving=serving, language=language).finish(site_dir)
