"""The last net over the built site: check every HTML file (check_page) and seal it with its Content-Security-Policy.

Every page carries a CSP <meta> (written by the templates, before any script) whose script-src holds a placeholder.
Here, after the build, the placeholder becomes the hashes of the page's own inline scripts (the theme's; they embed
the page's depth, so they differ per page). Editors' content can hold no script (the content check refuses it, and
check_page refuses any script inside the page content), so nothing of theirs is ever hashed.
"""

from __future__ import annotations

import base64
import os
import hashlib
from pathlib import Path

from .htmlpolicy import scan_page

SCRIPT_HASHES = "'mb-script-hashes'"  # the placeholder in the templates' policy
CSP_META_NAME = 'http-equiv="Content-Security-Policy"'

POLICY = ("default-src 'self'; script-src 'self' " + SCRIPT_HASHES + " 'wasm-unsafe-eval'; "
          "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
          "worker-src 'self' blob:; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          "manifest-src 'self'")


class SiteCheckError(Exception):
    """The built site holds something no page may hold; the message lists every file and element."""


def script_hashes(scripts: list[str]) -> list[str]:
    """CSP source expressions ('sha256-…') of inline scripts' texts."""
    hashes = []
    for text in scripts:
        source = f"'sha256-{base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def seal_site(site_dir: Path, *, public_url: str, serving: bool = False) -> int:
    """Check every built HTML file and fill in its CSP hashes; returns the number of pages; raises SiteCheckError.

    serving: a local `mkdocs serve`, whose live-reload script differs on every request and cannot be hashed; there the
    policy allows inline scripts (never in a build that is published)."""
    site_dir = Path(site_dir)
    origin = public_url if public_url.endswith("/") else public_url + "/"
    problems: list[str] = []
    pages = 0
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        page_url = origin + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        violations, scripts = scan_page(html, page_url=page_url)
        for violation in violations:
            message = f"{relative}: {violation.found()}. {violation.hint}"
            if message not in problems:
                problems.append(message)
        if SCRIPT_HASHES in html:
            html = html.replace(SCRIPT_HASHES, "'unsafe-inline'" if serving else " ".join(script_hashes(scripts)))
            temporary = path.with_name(path.name + ".sealing")
            temporary.write_text(html, encoding="utf-8")
            os.replace(temporary, path)  # atomic: Pagefind, reading the site meanwhile, sees a whole page either way
        elif "mb-script-hashes" in html:
            problems.append(f"{relative}: the Content-Security-Policy placeholder is escaped, so it was not filled in. "
                            "Print the policy unescaped in the template.")
        elif CSP_META_NAME not in html:
            problems.append(f"{relative}: no Content-Security-Policy <meta>. Every page's template must write one "
                            "(overrides/main.html writes it for the theme's pages).")
        pages += 1
    if problems:
        raise SiteCheckError("Metodbanken: the built site holds what no page may hold:\n  " + "\n  ".join(problems))
    return pages
