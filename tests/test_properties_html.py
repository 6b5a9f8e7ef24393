"""Property-based tests of the output check: random and mutated HTML, Markdown and URLs; nothing dangerous may pass.

Each property holds the content check (lexbor, via selectolax) against an independent reading of the same output
(JustHTML, another HTML5 parser): whatever the check lets through must, read by the other parser, hold no event
handler, no element off the allowlist, no script address and no file from another site.
"""

from __future__ import annotations

import html
import re

import ada_url
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from justhtml import JustHTML
from selectolax.lexbor import LexborHTMLParser

from metodbanken.safety.allowlist import CONTENT_ELEMENTS, check_fragment
from metodbanken.safety.markup import PAGE_ORIGIN, check_markdown_text, render
from metodbanken.safety.pagescan import scan_page

BASE = PAGE_ORIGIN + "metoder/x/"
SETTINGS = settings(
    max_examples=int(__import__("os").environ.get("HYPOTHESIS_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)

SCHEMES = [
    "javascript:",
    "JaVaScRiPt:",
    " javascript:",
    "java\tscript:",
    "java\nscript:",
    "&#106;avascript:",
    "&#x6A;avascript&#58;",
    "vbscript:",
    "data:text/html,",
    "data:image/svg+xml,",
    "https:",
    "http:",
    "mailto:",
    "//",
    "\\\\",
    "/\\",
    "",
    "ftp:",
    "blob:",
    "file:",
    "javas&#99;ript:",
    "\x00javascript:",
    "&Tab;javascript:",
]
HOSTS = ["evil.example", "metodbanken.invalid", "", "127.0.0.1", "evil.example@metodbanken.invalid"]
PATHS = ["", "/", "/a.png", "alert(1)", "../metoder/alfa.md", "#x", "?q=1", "//x", "%0a"]

urls = st.builds(
    lambda s, h, p: s + ("//" + h if h and s in ("https:", "http:") else h) + p,
    st.sampled_from(SCHEMES),
    st.sampled_from(HOSTS),
    st.sampled_from(PATHS),
)

TAGS = [
    "a",
    "img",
    "p",
    "div",
    "span",
    "script",
    "svg",
    "math",
    "iframe",
    "style",
    "template",
    "noscript",
    "textarea",
    "title",
    "xmp",
    "object",
    "embed",
    "video",
    "audio",
    "source",
    "input",
    "form",
    "button",
    "details",
    "table",
    "select",
    "option",
    "animate",
    "set",
    "image",
    "use",
    "foreignObject",
    "base",
    "meta",
    "link",
    "area",
    "map",
    "mglyph",
    "malignmark",
    "annotation-xml",
    "plaintext",
    "iframe srcdoc",
    "frameset",
    "body",
    "html",
]
ATTRIBUTES = [
    "href",
    "src",
    "srcset",
    "onclick",
    "onerror",
    "ONLOAD",
    "style",
    "xlink:href",
    "action",
    "formaction",
    "poster",
    "ping",
    "background",
    "data",
    "id",
    "class",
    "title",
    "alt",
    "attributeName",
    "to",
    "values",
    "srcdoc",
    "is",
    "open",
    "lang",
]
QUOTES = ['"', "'", ""]


@st.composite
def attribute(draw):
    name = draw(st.sampled_from(ATTRIBUTES))
    value = draw(
        st.one_of(
            urls,
            st.sampled_from(
                [
                    "alert(1)",
                    "href",
                    "x",
                    "url(https://evil.example/)",
                    "a>b",
                    '"',
                    "'",
                    "__config",
                    "md-header",
                    "md-button md-button--primary",
                    "mb-x",
                    "mb-x md-x",
                    'x"><script',
                    "Stora",
                    "note",
                    "admonition",
                ]
            ),
        )
    )
    quote = draw(st.sampled_from(QUOTES))
    return f" {name}={quote}{value}{quote}"


@st.composite
def html_fragment(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.integers(0, 5))
        if kind == 0 or depth > 2:
            parts.append(
                draw(st.sampled_from(["text", "<", ">", "&", "<!--", "-->", "<![CDATA[", "]]>", "</", "<?x", "\n"]))
            )
        else:
            tag = draw(st.sampled_from(TAGS))
            attrs = "".join(draw(st.lists(attribute(), max_size=3)))
            inner = draw(html_fragment(depth=depth + 1))
            close = draw(st.sampled_from([f"</{tag.split()[0]}>", "", "/>"]))
            parts.append(f"<{tag}{attrs}>{inner}{close}")
    return "".join(parts)


ADMONITION_CLASSES = {"admonition", "admonition-title", "note", "warning", "tip", "info", "danger", "example", "quote"}


def dangerous_in(html_text: str) -> list[str]:
    """What an independent HTML5 parser (JustHTML) finds in html_text that content may never hold."""
    found = []
    document = JustHTML(html_text, fragment=True, sanitize=False)
    stack = list(document.root.children or [])
    while stack:
        node = stack.pop()
        if node.name.startswith("#"):
            continue
        stack.extend(node.children or [])
        tag = node.name.lower()
        if getattr(node, "namespace", "html") not in (None, "html") or tag not in CONTENT_ELEMENTS:
            found.append(f"<{tag}>")
        for name, value in (node.attrs or {}).items():
            name = (name or "").lower()
            if name.startswith("on") or name == "style":
                found.append(f"{tag} {name}")
            if name == "id" and (
                not re.fullmatch(r"[a-z][a-z0-9_-]*", value or "") or (value or "").startswith(("md-", "mb-"))
            ):
                found.append(f"{tag} id={value!r}")  # the theme's (__*, md-*) or a template's (mb-*) or not a slug
            if name == "class" and any(
                c.startswith("md-") or not (c.startswith("mb-") or c in ADMONITION_CLASSES)
                for c in (value or "").split()
            ):
                found.append(f"{tag} class={value!r}")
            if name in ("href", "src", "xlink:href", "action", "formaction", "srcset", "poster", "ping", "data"):
                try:
                    url = ada_url.URL(value or "", base=BASE)
                except ValueError:
                    found.append(f"unparsable {name}")
                    continue
                if url.protocol not in ("http:", "https:", "mailto:"):
                    found.append(f"{tag} {name}={url.protocol}")
                if tag == "img" and name == "src" and url.host != "metodbanken.invalid":
                    found.append("img from another site")
    return found


@SETTINGS
@given(html_fragment())
def test_html_the_check_accepts_is_harmless_to_another_parser(fragment):
    if not check_fragment(fragment, base_url=BASE):
        assert dangerous_in(fragment) == [], fragment


@SETTINGS
@given(urls, st.sampled_from(["a", "img"]), st.sampled_from(QUOTES))
def test_every_url_the_check_accepts_is_a_web_mail_or_own_address(url, tag, quote):
    attribute = "href" if tag == "a" else "src"
    value = url if quote else url.replace(" ", "").replace(">", "")
    fragment = (
        f"<{tag} {attribute}={quote}{value}{quote}>x</{tag}>"
        if tag == "a"
        else f"<img src={quote}{value}{quote} alt=''>"
    )
    if not check_fragment(fragment, base_url=BASE):
        assert dangerous_in(fragment) == [], fragment


MARKDOWN_PIECES = [
    "[x](",
    ")",
    "](",
    "[",
    "]",
    "<",
    ">",
    "{: ",
    "{#x ",
    " }",
    'onclick="alert(1)"',
    'style="x"',
    "javascript:alert(1)",
    "https://evil.example/a.png",
    "![i](",
    '<a href="',
    '">',
    "</a>",
    "\n\n",
    "\n",
    "    ",
    "- ",
    "> ",
    "`",
    "*",
    "_",
    "&#106;",
    "&colon;",
    "[r]: ",
    "<javascript:alert(1)>",
    "<svg><set attributeName=href to=javascript:alert(1) /></svg>",
    "<img src=x onerror=alert(1)>",
    '<div markdown="1">',
    "</div>",
    "!!! note\n    ",
    "{: #__config }",
    "{: .md-button }",
    "{: #md-x }",
    "{: .mb-x }",
    "# ",
    "## Md-rubrik",
    "## 2020",
    "| a | b |\n|---|---|\n",
    "text",
]


@SETTINGS
@given(st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=25).map("".join))
def test_markdown_the_check_accepts_renders_to_nothing_the_last_net_refuses(text):
    if check_markdown_text(text, page_path="metoder/x/") == []:
        rendered = render(text)
        page = (
            f"<!doctype html><html><head></head><body><article>{rendered}</article></body></html>"  # checked by lexbor
        )
        assert scan_page(page, page_url=BASE).violations == [], text
        assert dangerous_in(rendered) == [], text


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=60))
def test_plain_text_placed_in_a_page_shows_as_itself(text):
    from metodbanken.pages.render import markdown_text

    escaped = str(markdown_text(text))
    rendered = render(f"Before {escaped} after")
    shown = LexborHTMLParser(rendered).body.text()
    assert shown == "Before " + " ".join(text.split()) + " after" if " ".join(text.split()) else True, (text, rendered)
    assert dangerous_in(rendered) == [], text


def test_the_properties_can_fail():
    """The generators reach what the check must refuse (else the properties above would hold vacuously)."""
    assert check_fragment('<a href=" javascript:alert(1)">x</a>', base_url=BASE)
    assert dangerous_in('<a href=" javascript:alert(1)">x</a>') == ["a href=javascript:"]
    assert dangerous_in(html.unescape("&lt;img src=x onerror=alert(1)&gt;")) != []
