"""Check raw records against the schema; collect every problem with file, line, field, expected, found and a hint."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

import ada_url

from metodbanken.content.fielddocs import doc_text
from metodbanken.content.model import Localized, LocalizedMarkdown, Vocabulary
from metodbanken.content.reading import Record, path_text
from metodbanken.content.schema import LANGUAGES, NESTED_TYPES, REMOVED_FIELDS, SLUG_PATTERN, Field
from metodbanken.safety.markup import UNSAFE, check_markdown_text, limits, new_renderer
from metodbanken.words.errors import ErrorCollector, describe
from metodbanken.words.messages import Phrase, phrase, plural

INVALID = object()
SLUG = re.compile(SLUG_PATTERN)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL_FORBIDDEN = re.compile(r"[\s<>\[\]{}()`\"'\\|^]")


def _url_problem(value: str) -> Phrase | None:
    """Why a web address may not be used: it must parse as a browser parses it, be http(s) and hold no Markdown or
    HTML syntax."""
    try:
        url = ada_url.URL(value)
    except ValueError:
        return phrase("url.unreadable")
    if url.protocol not in ("http:", "https:") or not url.host:
        return phrase("url.scheme", scheme=url.protocol)
    bad = _URL_FORBIDDEN.search(value)
    if bad:
        return (
            phrase("url.contains", character=repr(bad.group(0))) if not bad.group(0).isspace() else phrase("url.space")
        )
    return None


# "the id of a method", "the id of an existing method": the article differs by kind in Swedish (en metod, ett exempel).
A_KIND = {"method": "kind.a.method", "case": "kind.a.case", "material": "kind.a.material", "source": "kind.a.source"}
AN_EXISTING_KIND = {
    "method": "kind.existing.method",
    "case": "kind.existing.case",
    "material": "kind.existing.material",
    "source": "kind.existing.source",
}


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

    def error(self, record: Record, path: tuple, message: str, /, **values: object) -> None:
        """Record the problem messages.PROBLEMS[message] at the line of path."""
        self.errors.add(record.file, record.line(path), path_text(path), message, **values)


def nearest(value: str, choices: list[str]) -> str | None:
    match = difflib.get_close_matches(str(value).lower(), choices, n=1, cutoff=0.5)
    return match[0] if match else None


def slugify(text: str) -> str:
    text = text.lower().replace("å", "a").replace("ä", "a").replace("ö", "o").replace("é", "e")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def check_mapping(
    fields: tuple[Field, ...],
    data: object,
    record: Record,
    path: tuple,
    ctx: Context,
    *,
    type_name: str,
    only: set[str] | None = None,
) -> dict | None:
    """Validate a mapping against fields (of the content type type_name); returns the cleaned values (defaults filled)
    or None if not a mapping. With only, the mapping is a translation: it may hold only those fields."""
    if not isinstance(data, dict):
        ctx.error(record, path, "fields.not_a_mapping", found=describe(data))
        return None
    allowed = {f.name for f in fields if only is None or f.name in only}
    for key in data:
        if key not in allowed:
            if key in REMOVED_FIELDS.get(type_name, {}):
                ctx.error(record, path + (key,), REMOVED_FIELDS[type_name][key], found=describe(data[key]))
                continue
            if only is not None and any(f.name == key for f in fields):
                ctx.error(record, path + (key,), "field.wrong_file", fields=", ".join(sorted(allowed)), key=key)
                continue
            guess = nearest(str(key), sorted(allowed))
            ctx.error(
                record,
                path + (key,),
                "field.unknown",
                fields=", ".join(sorted(allowed)),
                key=key,
                hint=phrase("hint.did_you_mean", guess=guess) if guess else phrase("hint.remove_or_rename_field"),
            )
    cleaned: dict = {}
    for f in fields:
        if only is not None and f.name not in only:
            continue
        if f.name not in data or data[f.name] is None:
            if f.required and (only is None):
                hint = (
                    phrase("hint.add_field_example", name=f.name, example=str(f.example))
                    if f.example is not None
                    else phrase("hint.add_field")
                )
                ctx.error(
                    record,
                    path + (f.name,),
                    "field.missing" if f.name not in data else "field.empty",
                    field=path_text(path + (f.name,)),
                    doc=doc_text(f, type_name),
                    hint=hint,
                )
                cleaned[f.name] = INVALID
            else:
                cleaned[f.name] = tuple(f.default) if isinstance(f.default, (list, tuple)) else f.default
            continue
        cleaned[f.name] = check_value(f, data[f.name], record, path + (f.name,), ctx, type_name=type_name)
    return cleaned


def check_value(f: Field, value: object, record: Record, path: tuple, ctx: Context, *, type_name: str) -> object:
    """One field's value, cleaned, or INVALID after recording the problem."""
    if f.is_list:
        if not isinstance(value, list):
            ctx.error(record, path, "list.expected", doc=doc_text(f, type_name), found=describe(value))
            return INVALID
        if len(value) < f.min_items:
            ctx.error(
                record,
                path,
                "list.too_short",
                count=plural(f.min_items, one="count.items.one", other="count.items.other"),
                doc=doc_text(f, type_name),
            )
            return INVALID
        items = []
        seen = set()
        for index, item in enumerate(value):
            cleaned = check_item(f, item, record, path + (index,), ctx, type_name=type_name)
            if cleaned is INVALID:
                continue
            if f.kind != "objects":
                if cleaned in seen:
                    ctx.error(record, path + (index,), "list.repeated", found=describe(item))
                    continue
                seen.add(cleaned)
            items.append(cleaned)
        return tuple(items)
    return check_item(f, value, record, path, ctx, type_name=type_name)


def check_item(f: Field, value: object, record: Record, path: tuple, ctx: Context, *, type_name: str) -> object:
    kind = f.kind
    if kind in ("slug", "text", "markdown", "date", "url", "term", "terms", "ref", "refs", "strings"):
        if not isinstance(value, str):
            if isinstance(value, (bool, int, float)) and kind in ("text", "strings", "markdown", "slug"):
                _not_text(record, path, value, ctx)
                return INVALID
            ctx.error(
                record,
                path,
                "value.wrong_type" if isinstance(value, (bool, int, float)) else "value.not_text",
                expected=_expected_text(f),
                found=describe(value),
            )
            return INVALID
        value = value.strip()
        if not value:
            ctx.error(record, path, "text.empty", expected=_expected_text(f), doc=doc_text(f, type_name))
            return INVALID
    if kind in ("text", "strings", "markdown"):
        if f.max_length and len(value) > f.max_length:
            ctx.error(record, path, "text.too_long", max=f.max_length, length=len(value))
            return INVALID
        if kind == "markdown":
            ctx.markdown.append((record, path, value, record.line(path)))
        return value
    if kind == "slug":
        if not SLUG.match(value):
            ctx.error(record, path, "slug.format", found=describe(value), slug=slugify(value))
            return INVALID
        return value
    if kind == "date":
        try:
            if not _DATE.match(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            ctx.error(record, path, "date.format", found=describe(value), today=date.today().isoformat())
            return INVALID
    if kind == "url":
        problem = _url_problem(value)
        if problem:
            ctx.error(record, path, "url.invalid", found=describe(value), problem=problem)
            return INVALID
        return value
    if kind in ("term", "terms"):
        vocabulary = ctx.vocabularies[f.vocabulary]
        if value not in vocabulary:
            choices = [v.value for v in vocabulary.values]
            by_label = {v.label.sv.lower(): v.value for v in vocabulary.values} | {
                (v.label.en or "").lower(): v.value for v in vocabulary.values
            }
            guess = by_label.get(value.lower()) or nearest(value, choices)
            ctx.error(
                record,
                path,
                "vocabulary.unknown_value",
                choices=", ".join(choices),
                vocabulary=f.vocabulary,
                found=describe(value),
                hint=phrase("hint.did_you_mean", guess=guess) if guess else phrase("hint.vocabulary_values"),
            )
            return INVALID
        return value
    if kind in ("ref", "refs"):
        if not SLUG.match(value):
            ctx.error(
                record, path, "ref.format", what=phrase(A_KIND[f.ref]), found=describe(value), slug=slugify(value)
            )
            return INVALID
        ctx.references.append(Reference(record, path, f.ref, value))
        return value
    if kind in ("integer", "steps"):
        low, high = (1, 5) if kind == "steps" else (f.minimum, f.maximum)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            ctx.error(record, path, "number.step" if kind == "steps" else "number.whole", found=describe(value))
            return INVALID
        if (low is not None and value < low) or (high is not None and value > high):
            if kind == "steps":
                ctx.error(record, path, "number.step", found=describe(value))
            else:
                ctx.error(record, path, "number.range", low=low, high=high, found=describe(value))
            return INVALID
        return value
    if kind == "localized":
        return check_localized(f, value, record, path, ctx)
    if kind == "objects":
        cleaned = check_mapping(f.fields, value, record, path, ctx, type_name=NESTED_TYPES.get(f.name, f.name))
        return INVALID if cleaned is None else cleaned
    raise AssertionError(f"unknown field kind {kind}")


def _not_text(record: Record, path: tuple, value: object, ctx: Context) -> None:
    """A text written so that YAML reads it as something else: 0755 becomes 493, 12:30:00 becomes 45000, yes stays
    text."""
    written = record.raw(path)
    if written is not None and written != str(value).lower() and written != str(value):
        found = phrase("value.read_as", written=written, value=describe(value))
    else:
        found = describe(value)
    ctx.error(record, path, "value.read_as_other", found=found, written=written if written is not None else value)


def _expected_text(f: Field) -> Phrase:
    if f.kind == "slug":
        return phrase("expect.id")
    if f.kind == "date":
        return phrase("expect.date")
    if f.kind == "url":
        return phrase("expect.url")
    if f.kind in ("term", "terms"):
        return phrase("expect.term", vocabulary=f.vocabulary)
    if f.kind in ("ref", "refs"):
        return phrase("expect.ref", what=phrase(A_KIND[f.ref]))
    return phrase("expect.text")


def check_localized(f: Field, value: object, record: Record, path: tuple, ctx: Context) -> object:
    if not isinstance(value, dict):
        ctx.error(record, path, "localized.not_a_mapping", found=describe(value), name=f.name)
        return INVALID
    texts = {}
    for key, text in value.items():
        if key not in LANGUAGES:
            ctx.error(record, path + (key,), "localized.key", key=key)
            continue
        if text is None or (isinstance(text, str) and not text.strip()):
            if key == "sv":
                ctx.error(record, path + (key,), "localized.swedish_empty")
            continue
        if not isinstance(text, str):
            if isinstance(text, (bool, int, float)):
                _not_text(record, path + (key,), text, ctx)
            else:
                ctx.error(record, path + (key,), "value.not_text", expected=phrase("expect.text"), found=describe(text))
            continue
        if f.markdown:
            ctx.markdown.append(
                (record, path + (key,), text, record.line(path + (key,)) + _block_offset(record, path + (key,)))
            )
        texts[key] = text.strip() if not f.markdown else text
    if "sv" not in texts:
        if "sv" not in value:
            ctx.error(record, path, "localized.swedish_missing")
        return INVALID
    if f.markdown:
        origin = tuple(
            (
                lang,
                record.file,
                record.line(path + (lang,)) + _block_offset(record, path + (lang,)),
                path_text(path + (lang,)),
            )
            for lang in texts
        )
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
    problems = (
        check_markdown_text(text, page_path=page_path_of(record.file), renderer=ctx.renderer())
        if ctx.render_check
        else limits(text)
    )
    for line, found, hint in problems:
        ctx.errors.add(record.file, first_line + line - 1, path_text(path) or "text", UNSAFE, found=found, hint=hint)
