"""The last net over the built site: check every HTML file (check_page) and seal it with its Content-Security-Policy.

Every page carries a CSP <meta> (written by the templates, before any script) whose script-src holds a placeholder.
Here, after the build, the placeholder becomes the hashes of the page's own inline scripts (the theme's; they embed
the page's depth, so they differ per page). Editors' content can hold no script (the content check refuses it, and
check_page refuses any script inside the page content), so nothing of theirs is ever hashed.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from .htmlpolicy import check_page
from .messages import phrase
from .schema import DEFAULT_LANGUAGE

SCRIPT_HASHES = "'mb-script-hashes'"  # the placeholder in the templates' policy
CSP_META_NAME = 'http-equiv="Content-Security-Policy"'
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}

POLICY = ("default-src 'self'; script-src 'self' " + SCRIPT_HASHES + " 'wasm-unsafe-eval'; "
          "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
          "worker-src 'self' blob:; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          "manifest-src 'self'")


class SiteCheckError(Exception):
    """The built site holds something no page may hold; the message lists every file and element."""


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') of the page's inline scripts that a browser would run."""
    from selectolax.lexbor import LexborHTMLParser

    hashes = []
    for script in LexborHTMLParser(html).css("script"):
        attributes = script.attributes
        if "src" in attributes or (attributes.get("type") or "").strip().lower() not in _EXECUTABLE_TYPES:
            continue
        digest = hashlib.sha256((script.text(deep=True) or "").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def seal_site(site_dir: Path, *, public_url: str, language: str = DEFAULT_LANGUAGE) -> int:
    """Check every built HTML file and fill in its CSP hashes; returns the number of pages; raises SiteCheckError
    (its message in language)."""
    site_dir = Path(site_dir)
    origin = public_url if public_url.endswith("/") else public_url + "/"
    problems = []
    pages = 0
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        page_url = origin + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        for violation in check_page(html, page_url=page_url):
            problems.append(phrase("site.violation", page=relative, found=violation.found(), hint=violation.hint))
        if SCRIPT_HASHES in html:
            html = html.replace(SCRIPT_HASHES, " ".join(inline_script_hashes(html)))
            path.write_text(html, encoding="utf-8")
        elif "mb-script-hashes" in html:
            problems.append(phrase("site.csp_escaped", page=relative))
        elif CSP_META_NAME not in html:
            problems.append(phrase("site.csp_missing", page=relative))
        pages += 1
    if problems:
        raise SiteCheckError("\n  ".join([phrase("site.header").render(language)] + [p.render(language) for p in problems]))
    return pages
