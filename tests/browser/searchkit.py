"""The search as a reader uses it: a query on the search page (/sok/?q=), its results as the page lists them."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import yaml

QUERIES_FILE = Path(__file__).resolve().parent.parent / "data" / "search_queries.yml"
LANGUAGE_ROOTS = {"sv": "", "en": "en/"}

# Done when the status names the query and the list is filled, or the status says nothing was found.
_SETTLED = """q => {
  const form = document.querySelector('[data-mb-search-page]');
  const status = document.querySelector('[data-mb-search-page-status]');
  const list = document.querySelector('[data-mb-search-page-list]');
  if (!form || !status || !status.textContent.includes(q)) return false;
  const none = form.dataset.labelNone.replace('{q}', q).replace('{n}', '0');
  return list.children.length > 0 || status.textContent.startsWith(none);
}"""

_RESULTS = """() => [...document.querySelectorAll('[data-mb-search-page-list] > li')].map(li => {
  const a = li.querySelector(':scope > a');
  const excerpt = li.querySelector('.mb-search__excerpt');
  return {path: new URL(a.href).pathname, title: a.textContent.trim(), excerpt: excerpt ? excerpt.textContent : ''};
})"""


def load_queries() -> list[dict]:
    """The query set: [{lang, query, expect: [paths below the language root]}]."""
    return yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))


def search_page(page, origin: str, lang: str, query: str) -> list[dict]:
    """Open the search page of lang with ?q=query; return its first page of results as [{path, title, excerpt}]."""
    page.goto(f"{origin}/{LANGUAGE_ROOTS[lang]}sok/?q={quote(query)}")
    page.wait_for_function(_SETTLED, arg=query, timeout=15000)
    return page.evaluate(_RESULTS)


def rank(results: list[dict], lang: str, expect: list[str]) -> int | None:
    """The 1-based rank of the best-placed expected item among the results, or None if none is listed."""
    wanted = {"/" + LANGUAGE_ROOTS[lang] + path for path in expect}
    for number, result in enumerate(results, start=1):
        if result["path"] in wanted:
            return number
    return None


def item_titles(site: Path, lang: str) -> dict[str, str]:
    """{path of the page (as the search lists it): title} of every method, case and material, from the open data."""
    data = Path(site) / LANGUAGE_ROOTS[lang] / "data"
    titles = {}
    for kind in ("methods", "cases", "materials"):
        for item in json.loads((data / f"{kind}.json").read_text(encoding="utf-8"))[kind]:
            titles["/" + LANGUAGE_ROOTS[lang] + item["url"]] = item["title"]
    return titles


def foreign_titles(result: dict, titles: dict[str, str]) -> list[str]:
    """The titles of other items that the result's excerpt contains (the excerpt's whitespace made single)."""
    excerpt = " ".join(result["excerpt"].split())
    return [t for path, t in titles.items() if path != result["path"] and " ".join(t.split()) in excerpt]
