"""Allowlists over rendered HTML: what editors' Markdown may become, and what no built page may ever contain.

Two checks over the output, never over the source text:

- check_fragment(): the HTML that one content field renders to (a method's body, a step's introduction, a
  glossary definition), parsed as a browser parses it (JustHTML, an HTML5 parser) and held against a short list of
  elements and attributes, with every URL resolved as a browser resolves it (WHATWG, ada-url).
- check_page(): the last net over every built file (our templates and the theme included): no event handler, no
  script URL, no resource from another origin, no script or style element inside the content area. Parsed with
  lexbor (selectolax), another HTML5 parser, because it must read thousands of pages in well under a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ada_url
from justhtml import JustHTML

from .messages import Phrase, phrase

# -- shared rules -------------------------------------------------------------------------------------

# Attributes that hold a URL (or a list of them) in HTML and SVG; any of them can navigate or fetch.
URL_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "action", "formaction", "poster", "ping", "background", "cite", "data", "codebase",
    "longdesc", "usemap", "manifest", "archive", "profile", "icon", "lowsrc", "dynsrc", "xlink:href", "imagesrcset",
})
# Attributes whose value is a list of URLs separated by commas (with descriptors) or spaces.
_LIST_ATTRIBUTES = {"srcset": ",", "imagesrcset": ",", "ping": " ", "archive": " "}
# Elements that fetch the URL in one of their attributes as soon as the page loads (not links the reader follows).
_FETCHING = {
    "img": {"src", "srcset", "lowsrc", "dynsrc", "longdesc"}, "image": {"href", "xlink:href", "src"},
    "script": {"src"}, "iframe": {"src"}, "frame": {"src"}, "embed": {"src"}, "object": {"data", "codebase", "archive"},
    "source": {"src", "srcset"}, "video": {"src", "poster"}, "audio": {"src"}, "track": {"src"},
    "input": {"src"}, "body": {"background"}, "table": {"background"}, "td": {"background"}, "th": {"background"},
    "use": {"href", "xlink:href"}, "feimage": {"href", "xlink:href"}, "link": {"href", "imagesrcset"},
    "a": {"ping"}, "area": {"ping"}, "applet": {"codebase", "archive"}, "html": {"manifest"},
}
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:", "blob:", "file:", "filesystem:")
_ANIMATION = {"animate", "set", "animatemotion", "animatetransform", "animatecolor"}


@dataclass(frozen=True)
class Violation:
    """One refused element or attribute: where it is (element, attribute, value) and what to do instead."""

    element: str
    attribute: str
    value: str
    problem: Phrase
    hint: Phrase
    line: int = 0  # line within the checked HTML, where the parser can tell

    def found(self) -> Phrase:
        """The element (and attribute) as written, and why it was refused; render(language) gives the words."""
        if self.attribute:
            shown = self.value if len(self.value) <= 80 else self.value[:77] + "..."
            return phrase("html.attribute", element=self.element, attribute=self.attribute, value=shown, problem=self.problem)
        return phrase("html.element", element=self.element, problem=self.problem)


def resolve(url: str, base: str) -> ada_url.URL | None:
    """The URL as a browser resolves it against the page's address, or None if a browser would not parse it."""
    try:
        return ada_url.URL(url, base=base)
    except ValueError:
        return None


def _urls_in(attribute: str, value: str) -> list[str]:
    separator = _LIST_ATTRIBUTES.get(attribute)
    if separator is None:
        return [value]
    if separator == ",":  # "a.png 1x, b.png 2x": the URL is the first token of each candidate
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return value.split()


def _same_origin(url: ada_url.URL, base: ada_url.URL) -> bool:
    return url.protocol == base.protocol and url.host == base.host


# -- editors' content -------------------------------------------------------------------------------------

# What a content field may render to: text structure, links, our own images. Nothing that runs, fetches from
# elsewhere or submits. attr_list may add id and class; nothing else.
CONTENT_ELEMENTS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "b", "i", "s", "u", "del", "ins",
    "mark", "small", "sub", "sup", "abbr", "q", "cite", "code", "kbd", "pre", "blockquote", "ul", "ol", "li",
    "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "div", "span", "details",
    "summary", "figure", "figcaption", "img", "time",
})
_GLOBAL_CONTENT_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})
CONTENT_ATTRIBUTES = {
    "a": {"href"}, "img": {"src", "alt", "width", "height"}, "ol": {"start", "type"}, "li": {"value"},
    "th": {"align", "colspan", "rowspan", "scope"}, "td": {"align", "colspan", "rowspan"}, "time": {"datetime"},
    "details": {"open"}, "abbr": set(), "q": {"cite"}, "blockquote": {"cite"}, "del": {"cite"}, "ins": {"cite"},
}
LINK_SCHEMES = ("http:", "https:", "mailto:")

HINT_ELEMENT = phrase("html.hint.element")
HINT_ATTRIBUTE = phrase("html.hint.attribute")
HINT_LINK = phrase("html.hint.link")
HINT_IMAGE = phrase("html.hint.image")


def check_fragment(html: str, *, base_url: str) -> list[Violation]:
    """Every element and attribute of a rendered content field that is not on the allowlist."""
    base = ada_url.URL(base_url)
    document = JustHTML(html, fragment=True, sanitize=False, track_node_locations=True)
    problems: list[Violation] = []
    stack = list(reversed(document.root.children or []))
    while stack:
        node = stack.pop()
        name = node.name
        if name.startswith("#"):  # text, comments
            continue
        namespace = getattr(node, "namespace", "html")
        line = getattr(node, "origin_line", 0) or 0
        tag = name.lower()
        if namespace not in (None, "html") or tag not in CONTENT_ELEMENTS:
            problems.append(Violation(tag, "", "", phrase("html.element_not_published"), HINT_ELEMENT, line))
            continue  # its children go with it
        allowed = _GLOBAL_CONTENT_ATTRIBUTES | CONTENT_ATTRIBUTES.get(tag, set())
        for attribute, value in (node.attrs or {}).items():
            attribute_name = attribute.lower()
            value = value or ""
            if attribute_name not in allowed:
                problems.append(Violation(tag, attribute_name, value, phrase("html.attribute_not_published"), HINT_ATTRIBUTE, line))
            elif attribute_name in URL_ATTRIBUTES:
                problem = _content_url_problem(tag, attribute_name, value, base)
                if problem:
                    problems.append(Violation(tag, attribute_name, value, *problem, line))
        stack.extend(reversed(node.children or []))
    return problems


def _content_url_problem(tag: str, attribute: str, value: str, base: ada_url.URL) -> tuple[Phrase, Phrase] | None:
    url = resolve(value, base.href)
    if url is None:
        return phrase("html.unreadable_address"), HINT_LINK
    fetched = attribute in _FETCHING.get(tag, set())
    if fetched:
        if not _same_origin(url, base):
            return phrase("html.file_from_elsewhere"), HINT_IMAGE
        return None
    if url.protocol not in LINK_SCHEMES:
        return phrase("html.scheme", scheme=url.protocol), HINT_LINK
    return None


# -- every built page -----------------------------------------------------------------------------------

# Elements that embed other documents or rebase the page: never in a built page.
_NEVER = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "fencedframe"}
_CSS_URL = re.compile(r"url\(|@import|image-set\(", re.I)


def check_page(html: str, *, page_url: str) -> list[Violation]:
    """What no built page may contain, wherever it came from (content, our templates, the theme)."""
    from selectolax.lexbor import LexborHTMLParser

    base = ada_url.URL(page_url)
    tree = LexborHTMLParser(html)
    problems: list[Violation] = []
    for node in tree.root.traverse(include_text=False) if tree.root is not None else []:
        tag = (node.tag or "").lower()
        if tag.startswith("-") or tag.startswith("#"):
            continue
        tag = tag.split(":")[-1]
        attributes = node.attributes
        if tag in _NEVER:
            problems.append(Violation(tag, "", "", phrase("html.embeds"), HINT_ELEMENT))
        if tag in ("script", "style") and _inside_content(node):
            problems.append(Violation(tag, "", "", phrase("html.script_in_content"), HINT_ELEMENT))
        if tag == "style" and _CSS_URL.search(node.text() or ""):
            problems.append(Violation(tag, "", "", phrase("html.style_sheet_loads"), HINT_ELEMENT))
        if tag in _ANIMATION and (attributes.get("attributeName") or attributes.get("attributename") or "").lower().endswith("href"):
            problems.append(Violation(tag, "attributeName", "href", phrase("html.animated_link"), HINT_ELEMENT))
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            target = (attributes.get("content") or "").partition("=")[2].strip().strip("'\"")
            url = resolve(target, base.href) if target else None
            if url is None or not _same_origin(url, base):
                problems.append(Violation(tag, "content", attributes.get("content") or "", phrase("html.redirect_off_site"), HINT_LINK))
        for attribute, value in attributes.items():
            name = (attribute or "").lower()
            value = value or ""
            if name.startswith("on"):
                problems.append(Violation(tag, name, value, phrase("html.event_handler"), HINT_ATTRIBUTE))
            elif name == "style" and _CSS_URL.search(value):
                problems.append(Violation(tag, name, value, phrase("html.style_loads"), HINT_ATTRIBUTE))
            elif name in URL_ATTRIBUTES or name.endswith(":href"):
                problem = _page_url_problem(tag, name, value, base, attributes)
                if problem:
                    problems.append(Violation(tag, name, value, problem, HINT_LINK))
    return problems


def _inside_content(node) -> bool:
    """Inside the page's content (<article>, where editors' text lands), as opposed to the theme's head and frame."""
    parent = node.parent
    while parent is not None:
        if (parent.tag or "").lower() == "article":
            return True
        parent = parent.parent
    return False


def _page_url_problem(tag: str, attribute: str, value: str, base: ada_url.URL, attributes: dict) -> Phrase | None:
    fetched = attribute in _FETCHING.get(tag, set()) or attribute in ("srcset", "imagesrcset", "ping", "poster")
    if tag == "link" and attribute == "href":
        relations = set((attributes.get("rel") or "").lower().split())
        fetched = not relations <= {"canonical", "prev", "next", "alternate", "license", "author", "help", "search"}
    if tag == "input" and (attributes.get("type") or "").lower() != "image":
        fetched = False
    for part in _urls_in(attribute, value):
        url = resolve(part, base.href)
        if url is None:
            return phrase("html.unreadable_address")
        if url.protocol in ("javascript:", "vbscript:") or (url.protocol in _SCRIPT_SCHEMES and not fetched):
            return phrase("html.scheme", scheme=url.protocol)
        if fetched and not _same_origin(url, base) and url.protocol != "data:":
            return phrase("html.file_from_elsewhere")
        if fetched and url.protocol == "data:" and tag not in ("img", "link"):
            return phrase("html.data_file")
    return None
