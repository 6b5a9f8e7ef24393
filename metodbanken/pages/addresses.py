"""Stable URLs: the list of published addresses, redirects.yml, and the redirect pages that keep old addresses
working."""

from __future__ import annotations

import posixpath
from pathlib import Path

import jinja2
import yaml

from metodbanken.content import places
from metodbanken.content.schema import DEFAULT_LANGUAGE, LANGUAGES
from metodbanken.pages.seal import POLICY
from metodbanken.words.messages import Phrase, phrase

URL_LIST = "published-urls.txt"
REDIRECTS = "redirects.yml"
REGENERATE = ".venv/bin/mkdocs build --strict && .venv/bin/python -m metodbanken urls --site site"
_REDIRECT_MARKER = 'name="metodbanken-redirect"'
_LIST_HEADER = (
    "# Every address the site has published, one per line (generated: " + REGENERATE + ").\n"
    "# An address may never disappear: when a page moves or an id changes, add a line 'old: new' to redirects.yml.\n"
)
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")), autoescape=True)


def built_urls(site_dir: Path) -> set[str]:
    """Every real page (folder with index.html, not a redirect) and every material download in a built site, as
    /path/."""
    site_dir = Path(site_dir)
    urls = set()
    for page in site_dir.rglob("index.html"):
        if _REDIRECT_MARKER in page.read_text(encoding="utf-8", errors="replace")[:2000]:
            continue
        relative = page.parent.relative_to(site_dir).as_posix()
        urls.add("/" if relative == "." else f"/{relative}/")
    # Files people link to as well: material downloads and the open data files.
    for language_dir in [site_dir] + [site_dir / lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]:
        downloads = [*(language_dir / places.SECTIONS["material"]).glob("*/*"), *(language_dir / places.DATA).glob("*")]
        for download in downloads:
            if download.is_file() and download.name != "index.html":
                urls.add("/" + download.relative_to(site_dir).as_posix())
    return {
        u
        for u in urls
        if not u.startswith(("/assets/", "/search/", "/en/assets/", "/en/search/", "/pagefind/", "/en/pagefind/"))
    }


def read_url_list(root: Path) -> list[str]:
    path = Path(root) / URL_LIST
    if not path.exists():
        return []
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def read_redirects(root: Path) -> dict[str, str]:
    """{old path: new path}, both without a language prefix and with a trailing slash, e.g. metoder/gammal/."""
    path = Path(root) / REDIRECTS
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"{REDIRECTS}: expected lines 'old/path/: new/path/', found {type(data).__name__}")
    return {_normalise(str(old)): _normalise(str(new)) for old, new in data.items()}


def _normalise(path: str) -> str:
    path = path.strip().strip("/")
    if path.endswith(".md"):
        path = path[:-3].removesuffix("/index").removesuffix("index")
    return f"{path}/" if path and "." not in path.rsplit("/", 1)[-1] else path


def missing_urls(published: list[str], built: set[str], redirects: dict[str, str]) -> list[Phrase]:
    """One message per published URL that the site no longer serves, neither as a page nor through a redirect."""
    problems = []
    for url in published:
        if url in built:
            continue
        language, path = places.split_language(url)
        target = redirects.get(path)
        if target is None:
            problems.append(phrase("urls.gone", url=url, path=path, file=REDIRECTS))
        elif places.url(language, target) not in built:
            problems.append(
                phrase("urls.redirect_nowhere", url=url, target=places.url(language, target), path=path, file=REDIRECTS)
            )
    return problems


def bad_redirects(redirects: dict[str, str], built: set[str]) -> list[Phrase]:
    """Redirect lines that would hide a real page or lead nowhere."""
    problems = []
    for old, new in redirects.items():
        for language in LANGUAGES:
            if places.url(language, old) in built:
                problems.append(phrase("urls.redirect_over_page", file=REDIRECTS, old=old))
                break
            if places.url(language, new) not in built:
                problems.append(
                    phrase(
                        "urls.redirect_target_missing", file=REDIRECTS, old=old, new=new, url=places.url(language, new)
                    )
                )
                break
    return problems


def updated_url_list(root: Path, site_dir: Path) -> tuple[list[str], list[Phrase]]:
    """(new list, problems): the old list plus every newly built URL; old URLs stay, so none can silently go."""
    built = built_urls(site_dir)
    published = read_url_list(root)
    problems = missing_urls(published, built, read_redirects(root))
    return sorted(set(published) | built), problems


def write_url_list(root: Path, urls: list[str]) -> None:
    (Path(root) / URL_LIST).write_text(_LIST_HEADER + "\n".join(urls) + "\n", encoding="utf-8")


def write_redirects(
    root: Path, site_dir: Path, *, language: str, extra: dict[str, str] | None = None, csp: str = POLICY
) -> int:
    """Write a redirect page for every line of redirects.yml (and every extra old: new pair) into one language's
    built site. Returns the count written.

    Call it after the site (or one language of it) is built; site_dir is that language's folder (site/ or site/en/).
    """
    return write_redirect_pages({**(extra or {}), **read_redirects(root)}, site_dir, language=language, csp=csp)


def write_redirect_pages(redirects: dict[str, str], site_dir: Path, *, language: str, csp: str = POLICY) -> int:
    template = _env.get_template("redirect.html.j2")
    count = 0
    for old, new in redirects.items():
        page = Path(site_dir) / old / "index.html" if old.endswith("/") else Path(site_dir) / old
        if page.exists() and _REDIRECT_MARKER not in page.read_text(encoding="utf-8", errors="replace")[:2000]:
            continue  # a real page wins; bad_redirects() reports the line
        old_dir = old if old.endswith("/") else posixpath.dirname(old)
        target = posixpath.relpath(new or ".", old_dir.rstrip("/") or ".")
        target = "./" if target == "." else target + ("/" if new.endswith("/") else "")
        page.parent.mkdir(parents=True, exist_ok=True)
        # the script that keeps the fragment is the site's own file (no inline script): English pages share site/assets/
        script = posixpath.relpath(
            ("" if language == LANGUAGES[0] else "../") + "assets/mb-redirect.js", old_dir.rstrip("/") or "."
        )
        page.write_text(template.render(lang=language, target=target, csp=csp, script=script), encoding="utf-8")
        count += 1
    return count
