"""Build the real bank and the fixture bank once, serve a built site on 127.0.0.1 like a static host, find page kinds."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from htmlkit import parse
from sitekit import REPO, assemble, build

CONTENT = ("methods", "cases", "materials", "checklists", "glossary.yml", "sources.yml")
LANGUAGES = {"sv": "", "en": "en/"}


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
    """Serve files; for a missing path answer 404 with the site's 404.html, as GitHub Pages or nginx would."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
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

SECTIONS = {"start": "", "step overview": "steg/", "methods index": "metoder/", "cases index": "exempel/",
            "materials index": "material/", "glossary": "begrepp/", "about": "om/", "accessibility statement": "tillganglighet/"}
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
    kinds["404"] = MISSING
    return kinds


def fallback_pages(site: Path) -> list[str]:
    """English pages that carry the 'not translated' notice (paths below /en/)."""
    found = []
    for file in sorted((site / "en").rglob("index.html")):
        if 'class="mb-fallback-notice' in file.read_text(encoding="utf-8"):
            found.append(file.parent.relative_to(site / "en").as_posix() + "/")
    return found
