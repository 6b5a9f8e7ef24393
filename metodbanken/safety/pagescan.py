"""The last net over every built file (our templates and the theme included), from one parse of each page.

No event handler, no script URL, no resource from another origin, no embedded document, no script or style element
inside the content area, no script file from outside the site's script folders; and the facts the seal needs (the
policy's place, ids written twice, inline scripts). The shared URL rules are in allowlist.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ada_url
from selectolax.lexbor import LexborHTMLParser

from metodbanken.safety.allowlist import (
    ANIMATION,
    FETCHING,
    HINT_ATTRIBUTE,
    HINT_ELEMENT,
    HINT_LINK,
    SCRIPT_SCHEMES,
    URL_ATTRIBUTES,
    Violation,
    resolve,
    same_origin,
    urls_in,
)
from metodbanken.words.messages import Phrase, phrase

# Elements that embed other documents or rebase the page: never in a built page.
_NEVER = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "fencedframe"}
_CSS_URL = re.compile(r"url\(|@import|image-set\(", re.I)


# Every event handler with a value, and every namespaced link, matches this in the raw text (a handler's name follows
# whitespace, '/' or a quote). Written without re.I, which is twice as slow on long pages.
_ATTRIBUTE_WALK = re.compile(r"[oO][nN][a-zA-Z0-9_-]*[\t\n\f\r ]*=|[xX][lL][iI][nN][kK]:")


def _needs_attribute_walk(html: str) -> bool:
    for match in _ATTRIBUTE_WALK.finditer(html):
        if match.group(0)[0] in "xX" or (match.start() > 0 and html[match.start() - 1] in " \t\n\r\f/\"'"):
            return True
    return False


_URL_SELECTOR = ",".join(f"[{a}]" for a in sorted(URL_ATTRIBUTES) if ":" not in a)
_PLAIN_RELATIVE = re.compile(r"^(?!//)[A-Za-z0-9._~/#?=&%+-]*$")  # no scheme, no host: a path on this site
EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


@dataclass(frozen=True)
class PageScan:
    """What one parse of a built page found."""

    violations: list[Violation]  # of the rules below
    scripts: list[str]  # the texts of its inline scripts (none may be published)
    policies: int  # Content-Security-Policy <meta> elements
    policy_first: bool  # the (first) policy comes before every script element
    duplicate_ids: tuple[str, ...]  # ids written more than once (an editor's id taking a template's place)


# Where a built page may load a script from (paths under the site's root): the theme's and our files, Pagefind's, and
# the form editor's files on /admin/. Anything else (a material file, say) is refused even on the site's own origin.
SCRIPT_PATHS = ("assets/", "pagefind/", "en/pagefind/", "admin/")


def scan_page(html: str, *, page_url: str, site_url: str | None = None) -> PageScan:
    """What one built page holds against the rules, from one parse.

    Fast where pages are alike: elements are found by CSS selectors in C, every attribute is looked at only when a
    scan of the raw text shows something that could be an event handler or a namespaced link."""
    base = ada_url.URL(page_url)
    tree = LexborHTMLParser(html)
    problems = _attribute_problems(tree, base) if _needs_attribute_walk(html) else []
    problems += _url_problems(tree, base) + _element_problems(tree, base)
    problems += _script_file_problems(tree, base, _site_root(site_url, base))
    scripts = [
        (node.text(deep=True) or "")
        for node in tree.css("script")
        if "src" not in node.attributes
        and (node.attributes.get("type") or "").strip().lower() in EXECUTABLE_SCRIPT_TYPES
    ]
    return PageScan(problems, scripts, *_facts(tree))


def _attribute_problems(tree, base: ada_url.URL) -> list[Violation]:
    """Event handlers and namespaced links (xlink:href) on any element."""
    problems = []
    for node in tree.root.traverse(include_text=False) if tree.root is not None else []:
        tag = (node.tag or "").lower().split(":")[-1]
        for attribute, value in node.attributes.items():
            name = (attribute or "").lower()
            if name.startswith("on"):
                problems.append(Violation(tag, name, value or "", phrase("html.event_handler"), HINT_ATTRIBUTE))
            elif name.endswith(":href"):
                problem = _page_url_problem(tag, name, value or "", base, node.attributes)
                if problem:
                    problems.append(Violation(tag, name, value or "", problem, HINT_LINK))
    return problems


def _url_problems(tree, base: ada_url.URL) -> list[Violation]:
    """Every URL attribute that is not a plain path on this site, held against the rules."""
    problems = []
    for node in tree.css(_URL_SELECTOR):
        attributes = node.attributes
        tag = (node.tag or "").lower().split(":")[-1]
        for name, value in attributes.items():
            name = (name or "").lower()
            if name in URL_ATTRIBUTES and not (value is None or _PLAIN_RELATIVE.match(value)):
                problem = _page_url_problem(tag, name, value, base, attributes)
                if problem:
                    problems.append(Violation(tag, name, value, problem, HINT_LINK))
    return problems


def _element_problems(tree, base: ada_url.URL) -> list[Violation]:
    """Embedded documents, script or style in the content, style that loads, animated links, refreshes elsewhere."""
    problems = [
        Violation((node.tag or "").lower(), "", "", phrase("html.embeds"), HINT_ELEMENT)
        for node in tree.css(",".join(sorted(_NEVER)))
    ]
    for node in tree.css("article script, article style"):
        problems.append(Violation(node.tag, "", "", phrase("html.script_in_content"), HINT_ELEMENT))
    for node in tree.css("style"):
        if _CSS_URL.search(node.text() or ""):
            problems.append(Violation("style", "", "", phrase("html.style_sheet_loads"), HINT_ELEMENT))
    for node in tree.css("[style]"):
        value = node.attributes.get("style") or ""
        if _CSS_URL.search(value):
            tag = (node.tag or "").lower()
            problems.append(Violation(tag, "style", value, phrase("html.style_loads"), HINT_ATTRIBUTE))
    for node in tree.css(",".join(sorted(ANIMATION))):
        target = node.attributes.get("attributeName") or node.attributes.get("attributename") or ""
        if target.strip().lower().endswith("href"):
            tag = (node.tag or "").lower()
            problems.append(Violation(tag, "attributeName", target, phrase("html.animated_link"), HINT_ELEMENT))
    for node in tree.css("meta[http-equiv]"):
        attributes = node.attributes
        if (attributes.get("http-equiv") or "").lower() == "refresh":
            target = (attributes.get("content") or "").partition("=")[2].strip().strip("'\"")
            url = resolve(target, base.href) if target else None
            if url is None or not same_origin(url, base):
                content = attributes.get("content") or ""
                problems.append(Violation("meta", "content", content, phrase("html.redirect_off_site"), HINT_LINK))
    return problems


def _script_file_problems(tree, base: ada_url.URL, root: str) -> list[Violation]:
    """Script files from this site but outside its script folders (a material file, say)."""
    allowed = tuple(root + p for p in SCRIPT_PATHS)
    problems = []
    for node in tree.css("script[src]"):
        value = node.attributes.get("src") or ""
        url = resolve(value, base.href)
        if url is not None and same_origin(url, base) and not url.pathname.startswith(allowed):
            problems.append(Violation("script", "src", value, phrase("html.script_outside_assets"), HINT_ELEMENT))
    return problems


def _site_root(site_url: str | None, base: ada_url.URL) -> str:
    """The path of the site's root: from its address when given, else the page's origin."""
    if site_url:
        parsed = resolve(site_url, base.href)
        if parsed is not None:
            return parsed.pathname if parsed.pathname.endswith("/") else parsed.pathname + "/"
    return "/"


def _facts(tree) -> tuple[int, bool, tuple[str, ...]]:
    """(policies, whether the policy comes first, ids written twice)."""
    policies, policy_first, seen_script = 0, True, False
    for node in tree.css("script, meta[http-equiv]"):
        if node.tag == "script":
            seen_script = True
        elif (node.attributes.get("http-equiv") or "").strip().lower() == "content-security-policy":
            policies += 1
            if seen_script:
                policy_first = False
    ids: dict[str, int] = {}
    for node in tree.css("[id]"):
        value = node.attributes.get("id") or ""
        ids[value] = ids.get(value, 0) + 1
    return policies, policy_first, tuple(sorted(i for i, n in ids.items() if n > 1))


def _page_url_problem(tag: str, attribute: str, value: str, base: ada_url.URL, attributes: dict) -> Phrase | None:
    fetched = attribute in FETCHING.get(tag, set()) or attribute in ("srcset", "imagesrcset", "ping", "poster")
    if tag == "link" and attribute == "href":
        relations = set((attributes.get("rel") or "").lower().split())
        fetched = not relations <= {"canonical", "prev", "next", "alternate", "license", "author", "help", "search"}
    if tag == "input" and (attributes.get("type") or "").lower() != "image":
        fetched = False
    for part in urls_in(attribute, value):
        url = resolve(part, base.href)
        if url is None:
            return phrase("html.unreadable_address")
        if url.protocol in ("javascript:", "vbscript:") or (url.protocol in SCRIPT_SCHEMES and not fetched):
            return phrase("html.scheme", scheme=url.protocol)
        if fetched and not same_origin(url, base) and url.protocol != "data:":
            return phrase("html.file_from_elsewhere")
        if fetched and url.protocol == "data:" and tag not in ("img", "link"):
            return phrase("html.data_file")
    return None
