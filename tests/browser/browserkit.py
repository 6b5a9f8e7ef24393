"""Browser-test helpers: build the real and fixture banks, serve a site like a static host, find page kinds, visit a page."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from htmlkit import parse
from sitekit import REPO, assemble, build

CONTENT = ("methods", "cases", "materials", "checklists", "glossary.yml", "synonyms.yml", "sources.yml")
LANGUAGES = {"sv": "", "en": "en/"}
CHROMIUM = Path(os.environ.get("METODBANKEN_CHROMIUM", "/usr/bin/chromium"))  # override only to test the skip
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assemble_real_bank(target: Path) -> Path:
    """The engine with the repository's own content (only the content folders, not .git or .venv)."""
    staging = target.parent / f"{target.name}-content"
    staging.mkdir(parents=True, exist_ok=True)
    for name in CONTENT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, staging / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        elif source.exists():
            shutil.copy(source, staging / name)
    return assemble(target, content=staging)


def build_or_fail(root: Path, what: str) -> Path:
    """Run `mkdocs build --strict` and return the built site folder."""
    result = build(root)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build --strict of the {what} failed:\n{result.stdout}\n{result.stderr}")
    return root / "site"


# -- a static host -------------------------------------------------------------------------------


class _StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files; for a missing path answer 404 with the nearest 404.html up the path (/en/404.html below /en/, else
    /404.html), as Cloudflare Pages does and nginx or Netlify can be set to."""

    def send_error(self, code, message=None, explain=None):
        first = self.path.lstrip("/").split("/", 1)[0]
        nearest = Path(self.directory) / first / "404.html"
        page = nearest if first and "." not in first and nearest.is_file() else Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):  # keep test output quiet
        pass


@dataclass
class Server:
    site: Path
    origin: str
    httpd: http.server.ThreadingHTTPServer

    def url(self, path: str) -> str:
        return f"{self.origin}/{path.lstrip('/')}"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def serve(site: Path) -> Server:
    handler = functools.partial(_StaticHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # port 0: a free port
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host, port = httpd.server_address[:2]
    return Server(site=site, origin=f"http://{host}:{port}", httpd=httpd)


# -- page kinds ----------------------------------------------------------------------------------

SECTIONS = {
    "start": "",
    "step overview": "steg/",
    "methods index": "metoder/",
    "cases index": "exempel/",
    "materials index": "material/",
    "glossary": "begrepp/",
    "about": "om/",
    "accessibility statement": "tillganglighet/",
    "search": "sok/?q=samverkan",
}
ITEM_KINDS = {"method": ("metoder/", "method"), "case": ("exempel/", "case"), "material": ("material/", "material")}
MISSING = "finns-inte-{language}/"


def page_kinds(site: Path) -> dict[str, str]:
    """Every kind of page the bank generates, as kind -> path below the language root, discovered from the built site."""
    kinds = dict(SECTIONS)
    for folder in sorted((site / "steg").iterdir()):
        number = folder.name.split("-", 1)[0]
        if number.isdigit() and (folder / "index.html").exists():
            kinds[f"step {number}"] = f"steg/{folder.name}/"
    for kind, (section, entry_kind) in ITEM_KINDS.items():
        index = parse(site / section / "index.html")
        entries = [e.attrs["data-mb-entry"] for e in index.find_all(data_mb_entry=True)]
        ids = [e.split(":", 1)[1] for e in entries if e.startswith(f"{entry_kind}:")]
        assert ids, f"the {section} index lists no {entry_kind} (no data-mb-entry): cannot visit a {kind} page"
        kinds[kind] = f"{section}{ids[0]}/"
        if kind == "method":  # the compare page with three methods chosen in its address
            kinds["compare"] = "jamfor/?" + "&".join(f"m={i}" for i in ids[:3])
    kinds["404"] = MISSING
    return kinds


def fallback_pages(site: Path) -> list[str]:
    """English pages that carry the 'not translated' notice (paths below /en/)."""
    found = []
    for file in sorted((site / "en").rglob("index.html")):
        if 'class="mb-fallback-notice' in file.read_text(encoding="utf-8"):
            found.append(file.parent.relative_to(site / "en").as_posix() + "/")
    return found


KINDS = [
    "start",
    "step overview",
    "step 1",
    "step 2",
    "step 3",
    "step 4",
    "step 5",
    "methods index",
    "method",
    "cases index",
    "case",
    "materials index",
    "material",
    "glossary",
    "about",
    "accessibility statement",
    "search",
    "compare",
    "404",
]
PAGES = [(language, kind) for language in LANGUAGES for kind in KINDS] + [("en", "fallback")]
PAGE_IDS = [f"{language}-{kind.replace(' ', '-')}" for language, kind in PAGES]


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
    passages: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (tag, effective lang, text) in the main content
    lang_parts: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (tag, lang, text) of each element with lang= in it
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
    context.set_default_timeout(20_000)  # a stuck page fails the test instead of hanging the run
    try:
        page = context.new_page()
        page.on("request", lambda request: result.requests.append(request.url))
        page.on(
            "response",
            lambda response: result.set_cookie_headers.extend(
                v for k, v in response.headers.items() if k.lower() == "set-cookie"
            ),
        )
        page.on(
            "response",
            lambda response: response.status >= 400
            and response.url != url
            and result.failed.append(f"{response.status} {response.url}"),
        )
        page.on("requestfailed", lambda request: result.failed.append(f"{request.failure} {request.url}"))
        page.on(
            "console",
            lambda message: message.type == "error"
            and message.location.get("url") != url
            and result.console_errors.append(f"{message.text} ({message.location.get('url')})"),
        )
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
