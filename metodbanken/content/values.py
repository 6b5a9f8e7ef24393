"""Check raw records against the schema; collect every problem with file, line, field, expected, found and a hint."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from metodbanken.content.kinds import INVALID, SLUG, nearest  # noqa: F401 (INVALID and SLUG re-exported)
from metodbanken.content.model import Vocabulary
from metodbanken.content.places import page_of_file
from metodbanken.content.reading import Record, path_text
from metodbanken.content.schema import REMOVED_FIELDS, Field
from metodbanken.safety.markup import UNSAFE, check_markdown_text, limits, new_renderer
from metodbanken.words.errors import ErrorCollector, describe
from metodbanken.words.messages import Text, phrase

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
                    doc=f.doc_text,
                    hint=hint,
                )
                cleaned[f.name] = INVALID
            else:
                cleaned[f.name] = tuple(f.default) if isinstance(f.default, (list, tuple)) else f.default
            continue
        cleaned[f.name] = check_value(f, data[f.name], record, path + (f.name,), ctx, type_name=type_name)
    return cleaned


@dataclass(frozen=True)
class Spot:
    """The place a value is checked at: a field's value, or an item or key inside it, in one record."""

    field: Field
    record: Record
    path: tuple
    ctx: Context
    type_name: str

    def at(self, key: object) -> "Spot":
        return replace(self, path=self.path + (key,))

    def error(self, message: str, /, **values: object) -> None:
        self.ctx.error(self.record, self.path, message, **values)

    @property
    def doc(self) -> Text:
        return self.field.doc_text

    def raw(self) -> str | None:
        return self.record.raw(self.path)

    def vocabulary(self, name: str) -> Vocabulary:
        return self.ctx.vocabularies[name]

    def reference(self, kind: str, target: str) -> None:
        self.ctx.references.append(Reference(self.record, self.path, kind, target))

    def _line(self) -> int:
        """The value's first line (a block scalar, 'key: |', starts on the line after its key)."""
        return self.record.line(self.path) + (1 if self.record.block(self.path) else 0)

    def markdown(self, text: str) -> None:
        self.ctx.markdown.append((self.record, self.path, text, self._line()))

    def origin(self) -> tuple[str, int, str]:
        return self.record.file, self._line(), path_text(self.path)

    def mapping(self, fields: tuple[Field, ...], value: object, type_name: str) -> dict | None:
        return check_mapping(fields, value, self.record, self.path, self.ctx, type_name=type_name)


def check_value(f: Field, value: object, record: Record, path: tuple, ctx: Context, *, type_name: str) -> object:
    """One field's value, cleaned, or INVALID after recording the problem."""
    return f.kind.check(value, Spot(f, record, path, ctx, type_name))


def check_markdown(record: Record, path: tuple, text: str, first_line: int, ctx: Context) -> None:
    """Render the text as the site does and hold the HTML against the allowlist; report each refusal at its line.
    (A build renders each page once and checks the same way there: ctx.render_check is off, only the limits run.)"""
    problems = (
        check_markdown_text(text, page_path=page_of_file(record.file), renderer=ctx.renderer())
        if ctx.render_check
        else limits(text)
    )
    for line, found, hint in problems:
        ctx.errors.add(record.file, first_line + line - 1, path_text(path) or "text", UNSAFE, found=found, hint=hint)
