"""Which navigation tab a page belongs to: item pages outside the navigation light up their section's tab."""

from __future__ import annotations


def section_page(page_url: str, nav_pages) -> object | None:
    """The index page of the section holding page_url (metoder/karngrupp/ -> metoder/), when the page itself is
    not in the navigation; nav_pages are the navigation's pages, each with a .url."""
    urls = {p.url: p for p in nav_pages}
    if page_url in urls or page_url.count("/") < 2:
        return None
    section = page_url.rstrip("/").rsplit("/", 1)[0] + "/"
    return urls.get(section)
