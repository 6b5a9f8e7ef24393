"""Check raw records against the schema; collect every problem with file, line, field, expected, found and a hint."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

import ada_url

from .errors import ErrorCollector, describe
from .markup import EXPECTED as MARKDOWN_EXPECTED, check_markdown_text, limits, new_renderer
from .model import Localized, LocalizedMarkdown, Vocabulary
from .schema import LANGUAGES, SLUG_PATTERN, Field
from .sourcefile import Record, path_text

INVALID = object()
SLUG = re.compile(SLUG_PATTERN)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL_FORBIDDEN = re.compile(r"[\s<>\[\]{}()`\"'\\|^]")


def _url_problem(value: str) -> str | None:
    """Why a web address may not be used: it must parse as a browser parses it, be http(s) and hold no Markdown or HTML syntax."""
    try:
        url = ada_url.URL(value)
    except ValueError:
        return "a browser cannot read it"
    if url.protocol not in ("http:", "https:") or not url.host:
        return f"a '{url.protocol}' address"
    bad = _URL_FORBIDDEN.search(value)
    if bad:
        return f"it contains {bad.group(0)!r}" if not bad.group(0).isspace() else "it contains a space or line break"
    return None


@dataclass
class Reference:
    """A reference to another item, checked once everything is loaded."""

    record: Record
    path: tuple
    kind: str  # "method", "case", "material", "source"
    target: str


@dataclass
class Context:
    errors: ErrorCollector
    vocabularies: dict[str, Vocabulary]
    references: list[Reference] = field(default_factory=list)
    markdown: list[tuple[Record, tuple, str, int]] = field(default_factory=list)  # text to scan for unsafe HTML
    present: dict[str, set[str]] = field(default_factory=dict)  # ids that have a file, valid or not

    render_check: bool = True  # render Markdown to check it here (check); a build checks the rendered pages instead
    _markdown: object = None

    def renderer(self):
        """One Markdown renderer for the whole load (building one costs more than most texts)."""
        if self._markdown is None:
            self._markdown = new_renderer()
        return self._markdown

    def error(self, record: Record, path: tuple, *, expected: str, found: str, hint: str = "") -> None:
        self.errors.add(record.file, record.line(path), path_text(path), expected=expected, found=found, hint=hint)


def nearest(value: str, choices: list[str]) -> str | None:
    match = difflib.get_close_matches(str(value).lower(), choices, n=1, cutoff=0.5)
    return match[0] if match else None


def slugify(text: str) -> str:
    text = text.lower().replace("å", "a").replace("ä", "a").replace("ö", "o").replace("é", "e")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def check_mapping(fields: tuple[Field, ...], data: object, record: Record, path: tuple, ctx: Context,
                  *, only: set[str] | None = None, wrong_place_hint: str = "") -> dict | None:
    """Validate a mapping against fields; returns the cleaned values (defaults filled) or None if not a mapping."""
    if not isinstance(data, dict):
        ctx.error(record, path, expected="a mapping of fields (name: value)", found=describe(data))
        return None
    allowed = {f.name for f in fields if only is None or f.name in only}
    for key in data:
        if key not in allowed:
            if only is not None and any(f.name == key for f in fields):
                ctx.error(record, path + (key,), expected=f"only the fields {', '.join(sorted(allowed))}",
                          found=f"the field '{key}'", hint=wrong_place_hint)
                continue
            guess = nearest(str(key), sorted(allowed))
            ctx.error(record, path + (key,), expected=f"one of the fields {', '.join(sorted(allowed))}",
                      found=f"an unknown field '{key}'", hint=f"did you mean '{guess}'?" if guess else "remove it or fix its name.")
    cleaned: dict = {}
    for f in fields:
        if only is not None and f.name not in only:
            continue
        if f.name not in data or data[f.name] is None:
            if f.required and (only is None):
                example = f" For example: {f.name}: {f.example}" if f.example is not None else ""
                ctx.error(record, path + (f.name,), expected=f"the required field '{path_text(path + (f.name,))}' ({f.doc})",
                          found="it missing" if f.name not in data else "an empty value", hint=f"add it.{example}")
                cleaned[f.name] = INVALID
            else:
                cleaned[f.name] = tuple(f.default) if isinstance(f.default, (list, tuple)) else f.default
            continue
        cleaned[f.name] = check_value(f, data[f.name], record, path + (f.name,), ctx)
    return cleaned


def check_value(f: Field, value: object, record: Record, path: tuple, ctx: Context) -> object:
    """One field's value, cleaned, or INVALID after recording the problem."""
    if f.is_list:
        if not isinstance(value, list):
            ctx.error(record, path, expected=f"a list ({f.doc})", found=describe(value),
                      hint=f"write it as [a, b] or as lines starting with '- '.")
            return INVALID
        if len(value) < f.min_items:
            ctx.error(record, path, expected=f"at least {f.min_items} item{'s' if f.min_items > 1 else ''}", found="an empty list",
                      hint=f.doc)
            return INVALID
        items = []
        seen = set()
        for index, item in enumerate(value):
            cleaned = check_item(f, item, record, path + (index,), ctx)
            if cleaned is INVALID:
                continue
            if f.kind != "objects":
                if cleaned in seen:
                    ctx.error(record, path + (index,), expected="each value once", found=f"{describe(item)} twice",
                              hint="remove the repeated value.")
                    continue
                seen.add(cleaned)
            items.append(cleaned)
        return tuple(items)
    return check_item(f, value, record, path, ctx)


def check_item(f: Field, value: object, record: Record, path: tuple, ctx: Context) -> object:
    kind = f.kind
    if kind in ("slug", "text", "markdown", "date", "url", "term", "terms", "ref", "refs", "strings"):
        if not isinstance(value, str):
            if isinstance(value, (bool, int, float)) and kind in ("text", "strings", "markdown", "slug"):
                _not_text(record, path, value, ctx)
                return INVALID
            ctx.error(record, path, expected=_expected_text(f), found=describe(value),
                      hint="put the value in quotes if it should be text." if isinstance(value, (bool, int, float)) else "")
            return INVALID
        value = value.strip()
        if not value:
            ctx.error(record, path, expected=_expected_text(f), found="empty text", hint=f.doc)
            return INVALID
    if kind in ("text", "strings", "markdown"):
        if f.max_length and len(value) > f.max_length:
            ctx.error(record, path, expected=f"at most {f.max_length} characters", found=f"{len(value)} characters",
                      hint="shorten it; put details in the text below the front matter.")
            return INVALID
        if kind == "markdown":
            ctx.markdown.append((record, path, value, record.line(path)))
        return value
    if kind == "slug":
        if not SLUG.match(value):
            ctx.error(record, path, expected="an id of lower-case ASCII letters, digits and single hyphens",
                      found=describe(value), hint=f"use '{slugify(value)}'.")
            return INVALID
        return value
    if kind == "date":
        try:
            if not _DATE.match(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            ctx.error(record, path, expected="a date written YYYY-MM-DD that exists", found=describe(value),
                      hint=f"for example {date.today().isoformat()}.")
            return INVALID
    if kind == "url":
        problem = _url_problem(value)
        if problem:
            ctx.error(record, path, expected="a web address starting with https:// or http://", found=f"{describe(value)} ({problem})",
                      hint="copy the address from the browser's address bar; write a space or bracket in it as %20, %28, %29, %5B, %5D.")
            return INVALID
        return value
    if kind in ("term", "terms"):
        vocabulary = ctx.vocabularies[f.vocabulary]
        if value not in vocabulary:
            choices = [v.value for v in vocabulary.values]
            by_label = {v.label.sv.lower(): v.value for v in vocabulary.values} | {
                (v.label.en or "").lower(): v.value for v in vocabulary.values}
            guess = by_label.get(value.lower()) or nearest(value, choices)
            ctx.error(record, path, expected=f"one of {', '.join(choices)} ({f.vocabulary})", found=describe(value),
                      hint=f"did you mean '{guess}'?" if guess else "the allowed values and their meaning are in vocabularies.yml.")
            return INVALID
        return value
    if kind in ("ref", "refs"):
        if not SLUG.match(value):
            ctx.error(record, path, expected=f"the id of a {f.ref}", found=describe(value), hint=f"ids look like '{slugify(value)}'.")
            return INVALID
        ctx.references.append(Reference(record, path, f.ref, value))
        return value
    if kind in ("integer", "steps"):
        low, high = (1, 5) if kind == "steps" else (f.minimum, f.maximum)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            what = "a step number 1–5" if kind == "steps" else "a whole number"
            ctx.error(record, path, expected=what, found=describe(value))
            return INVALID
        if (low is not None and value < low) or (high is not None and value > high):
            what = "a step number 1–5" if kind == "steps" else f"a number from {low} to {high}"
            ctx.error(record, path, expected=what, found=describe(value))
            return INVALID
        return value
    if kind == "localized":
        return check_localized(f, value, record, path, ctx)
    if kind == "objects":
        cleaned = check_mapping(f.fields, value, record, path, ctx)
        return INVALID if cleaned is None else cleaned
    raise AssertionError(f"unknown field kind {kind}")


def _not_text(record: Record, path: tuple, value: object, ctx: Context) -> None:
    """A text written so that YAML reads it as something else: 0755 becomes 493, 12:30:00 becomes 45000, yes stays text."""
    written = record.raw(path)
    if written is not None and written != str(value).lower() and written != str(value):
        found = f"{written}, which YAML reads as {describe(value)}"
    else:
        found = describe(value)
    ctx.error(record, path, expected="text", found=found, hint=f'write it in quotes: "{written if written is not None else value}".')


def _expected_text(f: Field) -> str:
    return {
        "slug": "an id (text)", "date": "a date written YYYY-MM-DD", "url": "a web address",
        "term": f"a value from the {f.vocabulary} vocabulary", "terms": f"a value from the {f.vocabulary} vocabulary",
        "ref": f"the id of a {f.ref}", "refs": f"the id of a {f.ref}",
    }.get(f.kind, "text")


def check_localized(f: Field, value: object, record: Record, path: tuple, ctx: Context) -> object:
    if not isinstance(value, dict):
        ctx.error(record, path, expected="a mapping with the Swedish text under 'sv' and the English under 'en'",
                  found=describe(value), hint=f"write it as:\n    {f.name}:\n      sv: …\n      en: …")
        return INVALID
    texts = {}
    for key, text in value.items():
        if key not in LANGUAGES:
            ctx.error(record, path + (key,), expected="the language keys sv and en", found=f"the key '{key}'")
            continue
        if text is None or (isinstance(text, str) and not text.strip()):
            if key == "sv":
                ctx.error(record, path + (key,), expected="the Swedish text", found="an empty value")
            continue
        if not isinstance(text, str):
            if isinstance(text, (bool, int, float)):
                _not_text(record, path + (key,), text, ctx)
            else:
                ctx.error(record, path + (key,), expected="text", found=describe(text))
            continue
        if f.markdown:
            ctx.markdown.append((record, path + (key,), text, record.line(path + (key,)) + _block_offset(record, path + (key,))))
        texts[key] = text.strip() if not f.markdown else text
    if "sv" not in texts:
        if "sv" not in value:
            ctx.error(record, path, expected="a Swedish text under 'sv'", found="none",
                      hint="Swedish comes first; add 'sv:'. The English 'en:' may follow later.")
        return INVALID
    if f.markdown:
        origin = tuple((lang, record.file, record.line(path + (lang,)) + _block_offset(record, path + (lang,)), path_text(path + (lang,)))
                       for lang in texts)
        return LocalizedMarkdown(sv=texts["sv"], en=texts.get("en"), origin=origin)
    return Localized(sv=texts["sv"], en=texts.get("en"))


def _block_offset(record: Record, path: tuple) -> int:
    """A block scalar ('key: |') starts on the line after its key."""
    return 1 if record.block(path) else 0


_PAGE_OF_FILE = {"methods": "metoder", "cases": "exempel", "materials": "material", "checklists": "steg"}


def page_path_of(file: str) -> str:
    """The site path a content file's text is published under (for resolving its relative links)."""
    folder, _, name = file.partition("/")
    section = _PAGE_OF_FILE.get(folder, "begrepp")
    stem = name.split(".")[0] if name else "index"
    return f"{section}/{stem}/"


def check_markdown(record: Record, path: tuple, text: str, first_line: int, ctx: Context) -> None:
    """Render the text as the site does and hold the HTML against the allowlist; report each refusal at its line.
    (A build renders each page once and checks the same way there: ctx.render_check is off, only the limits run.)"""
    problems = (check_markdown_text(text, page_path=page_path_of(record.file), renderer=ctx.renderer())
                if ctx.render_check else limits(text))
    for line, found, hint in problems:
        ctx.errors.add(record.file, first_line + line - 1, path_text(path) or "text",
                       expected=MARKDOWN_EXPECTED, found=found, hint=hint)
