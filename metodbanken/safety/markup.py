"""Editors' Markdown: the one set of extensions the site uses, limits that keep rendering linear, and the output
check."""

from __future__ import annotations

import re
import secrets
import signal
import threading
from contextlib import contextmanager

import markdown
from markdown.extensions.toc import slugify

from metodbanken.safety.allowlist import Violation, check_regions
from metodbanken.words.messages import Phrase, phrase


def heading_slug(value: str, separator: str) -> str:
    """A heading's id: Python-Markdown's slug (å, ä → a; ö → o), made an id the content check allows (a letter first,
    hyphens only, never the theme's md- or the templates' mb-), so no heading text can give a refused id."""
    slug = re.sub(r"-{2,}", "-", slugify(value, "-").replace("_", "-")).strip("-")
    return (
        slug
        if slug[:1].isalpha() and slug.isascii() and not slug.startswith(("md-", "mb-"))
        else f"h-{slug}".rstrip("-")
    )


# The Markdown extensions of the site, with their settings: mkdocs.yml lists exactly these (a test compares them),
# so the check renders editors' text as the build does.
# metodbanken.textscope: each editor's text keeps its own link references, so a page renders every text as `check` does.
EXTENSIONS = ("attr_list", "md_in_html", "def_list", "admonition", "tables", "toc", "metodbanken.safety.textscope")
EXTENSION_CONFIGS = {
    "tables": {"use_align_attribute": True},  # align="…" instead of a style attribute
    "toc": {"permalink": False, "slugify": heading_slug},
}

# Limits (Python-Markdown is quadratic in unclosed brackets and recursive in nesting; these keep it linear).
MAX_FIELD_CHARS = 50_000
MAX_OPENERS_PER_BLOCK = 150  # '[' or '<' in one paragraph, list or table (a block between blank lines)
MAX_NESTING = 12  # list or quote markers at the start of one line, or levels of indentation
RENDER_SECONDS = 5.0  # a last stop for anything the limits above miss

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A line that starts more than MAX_NESTING list or quote levels deep, or is indented that far (one scan in C).
_DEEP_LINE = re.compile(
    r"(?m)^(?:(?:[ \t]*(?:[-*+>]|\d{1,9}[.)])(?=[ \t]|$)){%d,}|(?:    |\t){%d,})" % (MAX_NESTING + 1, MAX_NESTING + 1)
)
_LINE_MARKERS = re.compile(r"(?:[ \t]*(?:[-*+>]|\d{1,9}[.)])(?=[ \t]|$))+")

UNSAFE = "markdown.unsafe"  # the catalogue entry of every refusal of an editor's text (check and build report alike)
PAGE_ORIGIN = "https://metodbanken.invalid/"  # stands for the site's address when links are resolved

# Marks where an editor's text begins and ends in a generated page (see allowlist.check_regions). New for every
# process, never published (the markers are removed once checked), so no editor can write a marker of their own.
NONCE = secrets.token_hex(12)


def wrap(text: str, *, ref: str, nonce: str = NONCE) -> str:
    """The Markdown of an editor's text inside the markers the check looks for."""
    return (
        f'<div class="mb-md" data-mb-md="{ref}" data-mb-nonce="{nonce}" markdown>\n\n{text}\n\n'
        f'<div data-mb-end="{nonce}"></div>\n\n</div>'
    )


def _thousands(number: int) -> str:
    """50 000: a space between thousands, as both Swedish and English style guides allow."""
    return f"{number:,}".replace(",", " ")


def limits(text: str) -> list[tuple[int, Phrase, Phrase]]:
    """Size and structure problems, found in one linear pass: (line within text, found, hint)."""
    problems: list[tuple[int, Phrase, Phrase]] = []
    if len(text) > MAX_FIELD_CHARS:
        problems.append(
            (
                1,
                phrase("markdown.too_long", length=_thousands(len(text))),
                phrase("markdown.too_long_hint", max=_thousands(MAX_FIELD_CHARS)),
            )
        )
        return problems
    if text.count("[") > MAX_OPENERS_PER_BLOCK or text.count("<") > MAX_OPENERS_PER_BLOCK:
        problems += _openers_per_block(text)  # only long texts with many brackets need the per-paragraph count
    deep = _DEEP_LINE.search(text)
    if deep:
        number = text.count("\n", 0, deep.start()) + 1
        line = text[deep.start() :].split("\n", 1)[0]
        markers = _LINE_MARKERS.match(line)
        depth = len(re.findall(r"[-*+>]|\d+[.)]", markers.group(0))) if markers else 0
        indent = (len(line) - len(line.lstrip(" \t"))) // 4
        problems.append(
            (
                number,
                phrase("markdown.nested", depth=max(depth, indent)),
                phrase("markdown.nested_hint", max=MAX_NESTING),
            )
        )
    return problems


def _openers_per_block(text: str) -> list[tuple[int, Phrase, Phrase]]:
    problems = []
    start = 0
    for match in [*_BLANK_LINE.finditer(text), None]:
        end = match.start() if match else len(text)
        block = text[start:end]
        for opener in ("[", "<"):
            count = block.count(opener) - block.count("\\" + opener)
            if count > MAX_OPENERS_PER_BLOCK:
                line = text.count("\n", 0, start) + 1
                problems.append(
                    (
                        line,
                        phrase("markdown.openers", count=count, opener=opener),
                        phrase("markdown.openers_hint", max=MAX_OPENERS_PER_BLOCK, opener=opener),
                    )
                )
        start = match.end() if match else end
    return problems


class RenderTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float):
    """Interrupt a render that runs too long (only in the main thread, where signals are delivered)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def interrupt(signum, frame):
        raise RenderTimeout()

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def new_renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSION_CONFIGS)


def render(text: str, renderer: markdown.Markdown | None = None) -> str:
    renderer = renderer or new_renderer()
    renderer.reset()
    return renderer.convert(text)


def check_markdown_text(
    text: str, *, page_path: str, renderer: markdown.Markdown | None = None
) -> list[tuple[int, Phrase, Phrase]]:
    """Everything wrong with one Markdown field, as (line within text, found, hint); [] when it may be published."""
    problems = limits(text)
    if problems:
        return problems
    try:
        with _time_limit(RENDER_SECONDS):
            html = render(wrap(text, ref="text"), renderer)
    except RenderTimeout:
        return [(1, phrase("markdown.slow", seconds=f"{RENDER_SECONDS:.0f}"), phrase("markdown.slow_hint"))]
    except RecursionError:
        return [(1, phrase("markdown.too_deep"), phrase("markdown.nested_hint", max=MAX_NESTING))]
    return [
        (line_of(v, text), phrase("markdown.html", html=v.found()), v.hint)
        for _, v in check_regions(html, nonce=NONCE, base_url=PAGE_ORIGIN + page_path)
    ]


def line_of(violation: Violation, text: str) -> int:
    """The first line of the Markdown that mentions what was refused (the HTML parser only knows the HTML's lines)."""
    needles = [
        n for n in (violation.attribute, violation.value, *violation.value.split()[:3], f"<{violation.element}") if n
    ]
    lowered = text.lower()
    for needle in needles:
        index = lowered.find(needle.lower())
        if index >= 0:
            return text.count("\n", 0, index) + 1
    return 1
