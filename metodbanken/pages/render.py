"""Render the bank into Markdown pages per language with the Jinja templates under overrides/metodbanken/."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from typing import Mapping

import jinja2
import yaml
from markupsafe import Markup

from metodbanken.content.files import read_labels
from metodbanken.content.model import Bank, Localized, LocalizedMarkdown
from metodbanken.content.places import SECTIONS, WHOLE_GUIDE, prefix
from metodbanken.content.schema import LANGUAGES
from metodbanken.pages.qr import qr_svg
from metodbanken.safety.markup import NONCE, heading_slug, wrap
from metodbanken.words.errors import ErrorCollector

COMPARE_MAX = 4  # methods side by side at most on /jamfor/ (the choose controls refuse a fifth)


# Characters that mean something to Markdown (or its extensions) or to HTML, written as character references:
# the browser shows the character, and neither Markdown nor an HTML parser reads it as syntax, in text or attributes.
_MARKDOWN_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|<>&\"'"}
_SPECIAL_TABLE = str.maketrans(_MARKDOWN_SPECIAL)
_SPECIAL = re.compile("[" + re.escape("".join(_MARKDOWN_SPECIAL)) + "]")
_IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LIST_START = re.compile(r"^(\d+)([.)])")


def markdown_text(value: str) -> Markup:
    """Plain text made safe to place anywhere in a Markdown page: it shows as itself, never as markup."""
    if isinstance(value, Markup):
        return value
    return _escaped(value)


@functools.lru_cache(maxsize=1 << 16)  # labels, vocabulary labels and titles repeat on thousands of pages
def _escaped(value: str) -> Markup:
    if _IDENTIFIER.match(value):  # ids and vocabulary names: nothing to escape
        return Markup(value)
    text = " ".join(
        _CONTROL.sub("", value).split()
    )  # plain text is one line: no list, heading or code block can start inside it
    if _SPECIAL.search(text):
        text = text.translate(_SPECIAL_TABLE)
    if text.startswith("-"):
        text = "&#45;" + text[1:]
    if text[:1].isdigit():
        text = _LIST_START.sub(lambda m: m.group(1) + _MARKDOWN_SPECIAL.get(m.group(2), f"&#{ord(m.group(2))};"), text)
    return Markup(text)


_EMPHASIS = re.compile(r"&#42;([^<>]+?)&#42;")


def emphasis(value: str) -> Markup:
    """A label with *a title* in it: the text escaped as everywhere, then each starred part as emphasis (a book's
    title in running text); nothing else of Markdown counts."""
    return Markup(_EMPHASIS.sub(r"<em>\1</em>", str(markdown_text(value))))


def _finalize(value):
    """Every value a template prints is plain text unless a template or helper marked it as markup."""
    return markdown_text(value) if isinstance(value, str) else value


def front_matter(**fields) -> Markup:
    """A page's front matter, written by a YAML dumper. The theme prints the title without escaping it,
    so the title goes in HTML-escaped: the reader sees the text, the browser never sees a tag."""
    fields = {
        key: html.escape(value) if key == "title" else value for key, value in fields.items() if value is not None
    }
    return Markup("---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000) + "---")


def load_labels(labels_dir: Path) -> dict[str, dict[str, str]]:
    """The interface texts by language, read and checked by the same code as `check` (inputs.read_labels): a label
    `check` refuses stops the build with the same report; raises ContentErrors."""
    errors = ErrorCollector()
    labels = read_labels(Path(labels_dir).parent, errors, languages=LANGUAGES)
    errors.raise_if_any()
    return labels


def page_path(section: str, name: str, language: str) -> str:
    """docs-relative source path: metoder/karngrupp.md, or metoder/karngrupp.en.md for English; the start page
    (section "start") is docs/index.md."""
    suffix = "" if language == LANGUAGES[0] else f".{language}"
    folder = "" if section == "start" else f"{SECTIONS[section]}/"
    return f"{folder}{name}{suffix}.md"


class Renderer:
    """Turns a Bank into {docs-relative path: Markdown} for every page and language."""

    def __init__(
        self, *, templates_dir: Path, labels: dict[str, dict[str, str]], public_url: str = "", nonce: str = NONCE
    ):
        self.labels = labels
        self.nonce = nonce  # marks editors' texts for the build's check; fixed only in tests
        self.public_url = public_url.rstrip("/") + "/" if public_url else ""
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
            finalize=_finalize,
            # a Renderer lives for one build; checking template files per page costs more than rendering
            auto_reload=False,
        )
        self.env.filters["emphasis"] = emphasis

    def render(
        self, bank: Bank, *, downloads: Mapping[str, tuple] | None = None, step_files: Mapping[int, tuple] | None = None
    ) -> dict[str, str]:
        """Every page in every language (downloads and step_files: as for render_language)."""
        pages: dict[str, str] = {}
        for language in LANGUAGES:
            pages.update(self.render_language(bank, language, downloads=downloads, step_files=step_files))
        return pages

    def render_language(
        self,
        bank: Bank,
        language: str,
        *,
        downloads: Mapping[str, tuple] | None = None,
        step_files: Mapping[int, tuple] | None = None,
    ) -> dict[str, str]:
        """downloads: material id -> every file its page offers (documents.Download), generated ones included;
        without it, a page offers the editors' files only. step_files: step number -> (material id, Download) of the
        files of that step's checklist, which its page links; without it, none."""
        env_globals = self._globals(bank, language)
        env_globals["downloads"] = lambda material: (downloads or {}).get(material.id) or material.files
        env_globals["step_files"] = lambda step: (step_files or {}).get(step.number, ())

        def page(template: str, section: str, name: str, **context) -> tuple[str, str]:
            content = self.env.get_template(template).render(**env_globals, **context)
            return page_path(section, name, language), content

        pages = dict(
            [
                page("steps.md.j2", "step", "index"),
                page("methods_index.md.j2", "method", "index"),
                page("cases_index.md.j2", "case", "index"),
                page("materials_index.md.j2", "material", "index"),
                page("glossary.md.j2", "glossary", "index"),
                page("guide.md.j2", "step", WHOLE_GUIDE),
                page("search.md.j2", "search", "index"),
                page("compare.md.j2", "compare", "index"),
                page("start.md.j2", "start", "index"),
            ]
        )
        for i, step in enumerate(bank.steps):
            previous = bank.steps[i - 1] if i > 0 else None
            following = bank.steps[i + 1] if i + 1 < len(bank.steps) else None
            pages.update([page("step.md.j2", "step", step.page_id, step=step, previous=previous, following=following)])
        for method in bank.methods:
            pages.update([page("method.md.j2", "method", method.id, item=method)])
        for case in bank.cases:
            pages.update([page("case.md.j2", "case", case.id, item=case)])
        for material in bank.materials:
            pages.update([page("material.md.j2", "material", material.id, item=material)])
        return pages

    def _globals(self, bank: Bank, language: str) -> dict:
        helpers = _TemplateHelpers(bank, language, self.labels[language], nonce=self.nonce, public_url=self.public_url)
        return {
            "lang": language,
            "has_address": bool(self.public_url),  # a preview build without a public address prints none
            "bank": bank,
            "t": helpers.t,
            "text": helpers.text,
            "fallback": helpers.fallback,
            "content": helpers.content,
            "vocab": helpers.vocab,
            "vocab_label": helpers.vocab_label,
            "link": _link,
            "page_url": _page_url,
            "absolute": helpers.absolute,
            "qr": lambda url: Markup(qr_svg(html.unescape(str(url)))),
            "kind_of": lambda item: type(item).__name__.lower(),
            "section_of": lambda kind: SECTIONS[kind],
            "compare_max": COMPARE_MAX,
            "methods_by_id": lambda ids: [bank.method(i) for i in ids],
            "size": helpers.size,
            "yaml_front_matter": front_matter,
            # the id the Markdown toc gives a heading with this text (the site's slug function, as in mkdocs.yml)
            "heading_id": lambda value: heading_slug(str(value), "-"),
        }


def _link(section: str, name: str) -> Markup:
    """A link from any generated page to another (all sit one folder below docs/); ids are validated slugs."""
    return Markup(f"../{SECTIONS[section]}/{markdown_text(name)}.md")


def _page_url(section: str, name: str) -> Markup:
    """The address of a generated item page from another page two folders deep (for raw HTML, which MkDocs does not
    rewrite): ../../metoder/karngrupp/; ids are validated slugs."""
    return Markup(f"../../{SECTIONS[section]}/{markdown_text(name)}/")


class _TemplateHelpers:
    """What the templates call that depends on the page's language: texts, labels, editors' Markdown, addresses."""

    def __init__(self, bank: Bank, language: str, labels: Mapping[str, str], *, nonce: str, public_url: str):
        self.bank, self.language, self.labels, self.nonce, self.public_url = bank, language, labels, nonce, public_url

    def text(self, value: Localized | None) -> str:
        return "" if value is None else value.get(self.language)

    def content(self, value: Localized | None) -> Markup:
        """A text for a block: Markdown as Markdown inside the markers the build checks it by
        (allowlist.check_regions), anything else as plain text."""
        if isinstance(value, LocalizedMarkdown):
            where = value.where(self.language if not value.is_fallback(self.language) else "sv")
            ref = f"{where[0]}:{where[1]}:{where[2]}" if where else "text"
            return Markup(wrap(value.get(self.language), ref=html.escape(ref), nonce=self.nonce))
        return markdown_text(self.text(value))

    def fallback(self, value: Localized | None) -> bool:
        return value is not None and value.is_fallback(self.language)

    def vocab(self, name: str, value: str) -> str:
        return self.bank.vocabularies[name].label_of(value, self.language)

    def vocab_label(self, name: str) -> str:
        return self.bank.vocabularies[name].label.get(self.language)

    def t(self, key: str, **values) -> str:
        return self.labels[key].format(**values) if values else self.labels[key]

    def absolute(self, path: str) -> Markup:
        """The public address of a site path in this language (printed and put in QR codes)."""
        return Markup(f"{markdown_text(self.public_url)}{prefix(self.language)}{markdown_text(path)}")

    def size(self, n: int) -> str:
        if n < 1024:
            return f"{n} B"
        kb = n / 1024
        shown = f"{kb:.0f} kB" if kb >= 10 else f"{kb:.1f} kB"
        return shown.replace(".", ",") if self.language == "sv" else shown
