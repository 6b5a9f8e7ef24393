"""Allowlists over rendered HTML: what editors' Markdown may become, and what no built page may ever contain.

Two checks over the output, never over the source text:

- check_regions() / check_fragment(): the HTML that editors' Markdown renders to (a method's body, a step's
  introduction, a glossary definition), parsed as a browser parses it (lexbor, an HTML5 parser, via selectolax) and held
  against a short list of elements and attributes, with every URL resolved as a browser resolves it (WHATWG, ada-url).
- safety/pagescan.py's scan_page() uses the shared rules here for the last net over every built file.

The tests hold both against a second, independent HTML5 parser (JustHTML).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ada_url
from selectolax.lexbor import LexborHTMLParser

from metodbanken.words.messages import Phrase, phrase

# -- shared rules -------------------------------------------------------------------------------------

# Attributes that hold a URL (or a list of them) in HTML and SVG; any of them can navigate or fetch.
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "srcset",
        "action",
        "formaction",
        "poster",
        "ping",
        "background",
        "cite",
        "data",
        "codebase",
        "longdesc",
        "usemap",
        "manifest",
        "archive",
        "profile",
        "icon",
        "lowsrc",
        "dynsrc",
        "xlink:href",
        "imagesrcset",
    }
)
# Attributes whose value is a list of URLs separated by commas (with descriptors) or spaces.
_LIST_ATTRIBUTES = {"srcset": ",", "imagesrcset": ",", "ping": " ", "archive": " "}
# Elements that fetch the URL in one of their attributes as soon as the page loads (not links the reader follows).
FETCHING = {
    "img": {"src", "srcset", "lowsrc", "dynsrc", "longdesc"},
    "image": {"href", "xlink:href", "src"},
    "script": {"src"},
    "iframe": {"src"},
    "frame": {"src"},
    "embed": {"src"},
    "object": {"data", "codebase", "archive"},
    "source": {"src", "srcset"},
    "video": {"src", "poster"},
    "audio": {"src"},
    "track": {"src"},
    "input": {"src"},
    "body": {"background"},
    "table": {"background"},
    "td": {"background"},
    "th": {"background"},
    "use": {"href", "xlink:href"},
    "feimage": {"href", "xlink:href"},
    "link": {"href", "imagesrcset"},
    "a": {"ping"},
    "area": {"ping"},
    "applet": {"codebase", "archive"},
    "html": {"manifest"},
}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:", "blob:", "file:", "filesystem:")
ANIMATION = {"animate", "set", "animatemotion", "animatetransform", "animatecolor"}


@dataclass(frozen=True)
class Violation:
    """One refused element or attribute: where it is (element, attribute, value) and what to do instead."""

    element: str
    attribute: str
    value: str
    problem: Phrase
    hint: Phrase

    def found(self) -> Phrase:
        """The element (and attribute) as written, and why it was refused; render(language) gives the words."""
        if self.attribute:
            shown = self.value if len(self.value) <= 80 else self.value[:77] + "..."
            return phrase(
                "html.attribute", element=self.element, attribute=self.attribute, value=shown, problem=self.problem
            )
        return phrase("html.element", element=self.element, problem=self.problem)


def resolve(url: str, base: str) -> ada_url.URL | None:
    """The URL as a browser resolves it against the page's address, or None if a browser would not parse it."""
    try:
        return ada_url.URL(url, base=base)
    except ValueError:
        return None


def urls_in(attribute: str, value: str) -> list[str]:
    separator = _LIST_ATTRIBUTES.get(attribute)
    if separator is None:
        return [value]
    if separator == ",":  # "a.png 1x, b.png 2x": the URL is the first token of each candidate
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return value.split()


def same_origin(url: ada_url.URL, base: ada_url.URL) -> bool:
    return url.protocol == base.protocol and url.host == base.host


# -- editors' content -------------------------------------------------------------------------------------

# What a content field may render to: text structure, links, our own images. Nothing that runs, fetches from
# elsewhere or submits. attr_list may add id and class; nothing else.
CONTENT_ELEMENTS = frozenset(
    {
        "p",
        "br",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "a",
        "em",
        "strong",
        "b",
        "i",
        "s",
        "u",
        "del",
        "ins",
        "mark",
        "small",
        "sub",
        "sup",
        "abbr",
        "q",
        "cite",
        "code",
        "kbd",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "div",
        "span",
        "details",
        "summary",
        "figure",
        "figcaption",
        "img",
        "time",
    }
)
_GLOBAL_CONTENT_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})
CONTENT_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "type"},
    "li": {"value"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "td": {"align", "colspan", "rowspan"},
    "time": {"datetime"},
    "details": {"open"},
    "abbr": set(),
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite"},
    "ins": {"cite"},
}
LINK_SCHEMES = ("http:", "https:", "mailto:")

# Ids an editor's text may give (attr_list, or a heading's generated id with Markdown's _1 for a repeated one): slugs,
# never the theme's (__*, md-*) nor our templates' (mb-*), so no text can take a template part's place on the page.
_CONTENT_ID = re.compile(r"^[a-z][a-z0-9-]*(?:_[0-9]+)?$")
_RESERVED_ID_PREFIXES = ("md-", "mb-")
# Classes: the bank's own prefix, and what the admonition extension writes; never the theme's (md-*, …), which could
# dress a link up as the site's own dialog.
CONTENT_CLASS_PREFIX = "mb-"
_EXTENSION_CLASSES = frozenset(
    {
        "admonition",
        "admonition-title",
        "note",
        "abstract",
        "summary",
        "tldr",
        "info",
        "todo",
        "tip",
        "hint",
        "important",
        "success",
        "check",
        "done",
        "question",
        "help",
        "faq",
        "warning",
        "caution",
        "attention",
        "failure",
        "fail",
        "missing",
        "danger",
        "error",
        "bug",
        "example",
        "quote",
        "cite",
    }
)


def content_id_allowed(value: str) -> bool:
    return bool(_CONTENT_ID.match(value)) and not value.startswith(_RESERVED_ID_PREFIXES)


def content_class_allowed(value: str) -> bool:
    return value in _EXTENSION_CLASSES or (value.startswith(CONTENT_CLASS_PREFIX) and bool(_CONTENT_ID.match(value)))


HINT_ELEMENT = phrase("html.hint.element")
HINT_ID = phrase("html.hint.id")
HINT_CLASS = phrase("html.hint.class")
HINT_ATTRIBUTE = phrase("html.hint.attribute")
HINT_LINK = phrase("html.hint.link")
HINT_IMAGE = phrase("html.hint.image")


def check_fragment(html: str, *, base_url: str) -> list[Violation]:
    """Every element and attribute of rendered content that is not on the allowlist (children of a refused element
    are not reported again)."""
    body = LexborHTMLParser(f"<!doctype html><html><head></head><body>{html}").body
    return _check_content_children(body, ada_url.URL(base_url)) if body is not None else []


def _element_children(node):
    child = node.child
    while child is not None:
        if child.tag and not child.tag.startswith(("-", "#", "_")):
            yield child
        child = child.next


def _check_content_children(parent, base: ada_url.URL, *, skip=None) -> list[Violation]:
    problems: list[Violation] = []
    stack = list(reversed(list(_element_children(parent))))
    while stack:
        node = stack.pop()
        if skip is not None and skip(node):
            continue
        tag = (node.tag or "").lower()
        if ":" in tag or tag not in CONTENT_ELEMENTS:  # svg and math are refused, so nothing foreign is reached
            problems.append(Violation(tag.split(":")[-1], "", "", phrase("html.element_not_published"), HINT_ELEMENT))
            continue  # its children go with it
        allowed = _GLOBAL_CONTENT_ATTRIBUTES | CONTENT_ATTRIBUTES.get(tag, set())
        for attribute, value in node.attributes.items():
            attribute_name = (attribute or "").lower()
            value = value or ""
            if attribute_name not in allowed:
                problems.append(
                    Violation(tag, attribute_name, value, phrase("html.attribute_not_published"), HINT_ATTRIBUTE)
                )
            elif attribute_name == "id" and not content_id_allowed(value):
                problems.append(Violation(tag, "id", value, phrase("html.id_not_slug"), HINT_ID))
            elif attribute_name == "class" and not all(content_class_allowed(c) for c in value.split()):
                problems.append(Violation(tag, "class", value, phrase("html.class_not_ours"), HINT_CLASS))
            elif attribute_name in URL_ATTRIBUTES:
                problem = _content_url_problem(tag, attribute_name, value, base)
                if problem:
                    problems.append(Violation(tag, attribute_name, value, *problem))
        stack.extend(reversed(list(_element_children(node))))
    return problems


# -- editors' text inside a generated page --------------------------------------------------------------------

HINT_BALANCE = phrase("html.hint.balance")


def check_regions(html: str, *, nonce: str, base_url: str) -> list[tuple[str, Violation]]:
    """Check the editors' texts in a rendered page: each sits in <div data-mb-md=… data-mb-nonce=N> and ends with
    <div data-mb-end=N>, both written by our templates with a nonce no editor can know. A text that closed the
    wrapper early or left an element open moves the end marker out of the wrapper: refused. Everything inside a
    wrapper is held against the content allowlist. Returns (data-mb-md of the text, violation)."""
    tree = LexborHTMLParser(f"<!doctype html><html><head></head><body>{html}")
    results: list[tuple[str, Violation]] = []
    base = ada_url.URL(base_url)
    for wrapper in tree.css(f'div[data-mb-nonce="{nonce}"]'):
        ref = wrapper.attributes.get("data-mb-md") or ""
        children = list(_element_children(wrapper))
        last = children[-1] if children else None
        if last is None or last.tag != "div" or last.attributes.get("data-mb-end") != nonce:
            results.append((ref, Violation("div", "", "", phrase("html.changes_page"), HINT_BALANCE)))
            continue
        for violation in _check_content_children(
            wrapper, base, skip=lambda node: node.attributes.get("data-mb-end") == nonce
        ):
            results.append((ref, violation))
    markers = tree.css(f'div[data-mb-end="{nonce}"]')
    for marker in markers:
        parent = marker.parent
        if parent is None or parent.attributes.get("data-mb-nonce") != nonce:
            results.append(("", Violation("div", "", "", phrase("html.changes_page_somewhere"), HINT_BALANCE)))
    return results


_MARKER_ATTRIBUTES = re.compile(r' data-mb-(?:md|nonce)="[^"<>]*"')


def strip_markers(html: str, *, nonce: str) -> str:
    """The page without the check's markers (so no reader, and no editor, ever sees the nonce)."""
    return _MARKER_ATTRIBUTES.sub("", html.replace(f'<div data-mb-end="{nonce}"></div>', ""))


def _content_url_problem(tag: str, attribute: str, value: str, base: ada_url.URL) -> tuple[Phrase, Phrase] | None:
    url = resolve(value, base.href)
    if url is None:
        return phrase("html.unreadable_address"), HINT_LINK
    fetched = attribute in FETCHING.get(tag, set())
    if fetched:
        if not same_origin(url, base):
            return phrase("html.file_from_elsewhere"), HINT_IMAGE
        return None
    if url.protocol not in LINK_SCHEMES:
        return phrase("html.scheme", scheme=url.protocol), HINT_LINK
    return None
