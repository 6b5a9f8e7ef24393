"""Every kind of value a field holds, each one object: it checks a value (type-level problems, "expected …, found …",
come from the kind; the catalogue keeps the wording), describes itself to editors in Swedish and English, and gives its
JSON Schema and its Sveltia CMS form widget as plain dicts (editors/ writes them into files; nothing here imports it).
The kinds that hold other values (Localized, Records, List) are in containers.py, whole numbers in numbers.py.

check(value, at) returns the cleaned value, or INVALID after reporting the problem through at (values.Spot): the
place in a file being checked, which knows the record, the path, the field and the load's context.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date

import ada_url

from metodbanken.words.errors import describe
from metodbanken.words.messages import Phrase, phrase
from metodbanken.words.messages import Text as Words

INVALID = object()
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG = re.compile(SLUG_PATTERN)
STEP_NUMBERS = (1, 2, 3, 4, 5)
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_DATE = re.compile(_DATE_PATTERN)
_URL_FORBIDDEN = re.compile(r"[\s<>\[\]{}()`\"'\\|^]")

# "the id of a method": the article differs by kind in Swedish (en metod, ett exempel).
A_KIND = {"method": "kind.a.method", "case": "kind.a.case", "material": "kind.a.material", "source": "kind.a.source"}

# Words of the field tables (CONTRIBUTING) and the comments of `new`'s files.
LIST_WORDS = Words("lista", "list")
A_LIST_WORDS = Words("en lista", "a list")
_MAX = Words("högst {n} tecken", "at most {n} characters")
MIN_WORDS = Words("minst {n}", "at least {n}")
VALUES = Words("Tillåtna värden", "Allowed values")
EXAMPLE = Words("Exempel", "Example")


def nearest(value: str, choices: list[str]) -> str | None:
    match = difflib.get_close_matches(str(value).lower(), choices, n=1, cutoff=0.5)
    return match[0] if match else None


def slugify(text: str) -> str:
    text = text.lower().replace("å", "a").replace("ä", "a").replace("ö", "o").replace("é", "e")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def option_label(label: dict) -> str:
    """A choice in the form: 'Swedish (English)'."""
    return f"{label['sv']} ({label['en']})" if label.get("en") and label["en"] != label["sv"] else label["sv"]


@dataclass(frozen=True)
class Form:
    """What form widgets need besides the field: the vocabularies, the steps' titles ({number: {sv, en}}) and the
    form collection of each content type a reference may point to (the sources are one file's list: Ref.widget)."""

    vocabularies: dict
    steps: dict
    collections: dict


class Kind:
    """A kind of value. name is the short name generators and tests use ("text", "terms", "objects")."""

    name = ""
    words = Words("text", "text")  # how the field tables name it
    plural_words = Words("texter", "texts")  # … a list of it
    comment_example = True  # `new` shows the field's example in its comment
    is_list = False

    def check(self, value: object, at) -> object:
        raise NotImplementedError

    def expected(self) -> Phrase:
        return phrase("expect.text")

    def describe(self, language: str, vocabularies: dict) -> list[str]:
        """The parts of the 'Allowed values' column."""
        return [self.words[language]]

    def list_describe(self, language: str, vocabularies: dict) -> list[str]:
        return [f"{self.plural_words[language]} ({LIST_WORDS[language]})"]

    def facts(self, language: str) -> list[str]:
        """Short facts for `new`'s comment: (optional, a list, at least 1, at most 300 characters)."""
        return []

    def explain(self, language: str, vocabularies: dict) -> str:
        """What `new`'s comment adds after the field's explanation (allowed values, what each entry holds)."""
        return ""

    def json_schema(self, vocabularies: dict) -> dict:
        raise NotImplementedError

    def widget(self, field, form: Form) -> dict:
        raise NotImplementedError

    def list_widget(self, field, form: Form) -> dict:
        return {**self.widget(field, form), "multiple": True}

    # What fields ask of their kind.
    vocabulary: str | None = None
    ref: str | None = None
    max_length: int | None = None
    min_items = 0
    fields: tuple = ()


def not_text(value: object, at) -> None:
    """A text written so that YAML reads it as something else: 0755 becomes 493, 12:30:00 becomes 45000, yes stays
    text."""
    written = at.raw()
    if written is not None and written != str(value).lower() and written != str(value):
        found = phrase("value.read_as", written=written, value=describe(value))
    else:
        found = describe(value)
    at.error("value.read_as_other", found=found, written=written if written is not None else value)


class _Written(Kind):
    """A value written as one line of text; literal kinds are text themselves, so a YAML number in them is a typo."""

    literal = False

    def check(self, value: object, at) -> object:
        if not isinstance(value, str):
            scalar = isinstance(value, (bool, int, float))
            if scalar and self.literal:
                not_text(value, at)
                return INVALID
            at.error(
                "value.wrong_type" if scalar else "value.not_text", expected=self.expected(), found=describe(value)
            )
            return INVALID
        value = value.strip()
        if not value:
            at.error("text.empty", expected=self.expected(), doc=at.doc)
            return INVALID
        return self.check_text(value, at)

    def check_text(self, value: str, at) -> object:
        return value


class Text(_Written):
    """Plain text of at most max characters."""

    name = "text"
    literal = True
    comment_example = False

    def __init__(self, max: int | None = None):
        self.max_length = max

    def check_text(self, value: str, at) -> object:
        if self.max_length and len(value) > self.max_length:
            at.error("text.too_long", max=self.max_length, length=len(value))
            return INVALID
        return value

    def describe(self, language: str, vocabularies: dict) -> list[str]:
        return [self.words[language]] + ([_MAX[language].format(n=self.max_length)] if self.max_length else [])

    def facts(self, language: str) -> list[str]:
        return [_MAX[language].format(n=self.max_length)] if self.max_length else []

    def json_schema(self, vocabularies: dict) -> dict:
        return {"type": "string", "minLength": 1} | ({"maxLength": self.max_length} if self.max_length else {})

    def widget(self, field, form: Form) -> dict:
        config = {"widget": "text" if (self.max_length or 0) > 120 else "string"}
        return config | ({"maxlength": self.max_length} if self.max_length else {})

    def list_widget(self, field, form: Form) -> dict:
        return {"widget": "list"}


class Slug(_Written):
    """A stable id: lower-case ASCII letters, digits and single hyphens."""

    name = "slug"
    words = Words("id (a–z, 0–9, -)", "id (a–z, 0–9, -)")
    literal = True
    comment_example = False
    form_pattern = [SLUG_PATTERN, "Bara små bokstäver a–z, siffror och enstaka bindestreck (å, ä → a; ö → o)."]

    def expected(self) -> Phrase:
        return phrase("expect.id")

    def check_text(self, value: str, at) -> object:
        if not SLUG.match(value):
            at.error("slug.format", found=describe(value), slug=slugify(value))
            return INVALID
        return value

    def json_schema(self, vocabularies: dict) -> dict:
        return {"type": "string", "pattern": SLUG_PATTERN}

    def widget(self, field, form: Form) -> dict:
        return {"widget": "string", "pattern": list(self.form_pattern)}


class Date(_Written):
    """A date written YYYY-MM-DD (YAML's own dates are read as text: reading.py)."""

    name = "date"
    words = Words("datum ÅÅÅÅ-MM-DD", "date YYYY-MM-DD")

    def expected(self) -> Phrase:
        return phrase("expect.date")

    def check_text(self, value: str, at) -> object:
        try:
            if not _DATE.match(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            at.error("date.format", found=describe(value), today=date.today().isoformat())
            return INVALID

    def json_schema(self, vocabularies: dict) -> dict:
        return {"type": "string", "pattern": _DATE_PATTERN, "format": "date"}

    def widget(self, field, form: Form) -> dict:
        return {
            "widget": "datetime",
            "type": "date",
            "format": "YYYY-MM-DD",
            "time_format": False,
            "pattern": [_DATE_PATTERN, "Ett datum ÅÅÅÅ-MM-DD."],
        }


def url_problem(value: str) -> Phrase | None:
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


class Url(_Written):
    """A public http(s) web address."""

    name = "url"
    words = Words("webbadress", "web address")

    def expected(self) -> Phrase:
        return phrase("expect.url")

    def check_text(self, value: str, at) -> object:
        problem = url_problem(value)
        if problem:
            at.error("url.invalid", found=describe(value), problem=problem)
            return INVALID
        return value

    def json_schema(self, vocabularies: dict) -> dict:
        return {"type": "string", "pattern": r"^https?://", "format": "uri"}

    def widget(self, field, form: Form) -> dict:
        return {
            "widget": "string",
            "type": "url",
            "pattern": [r"^https?://\S+$", "En webbadress som börjar med https://"],
        }


class Term(_Written):
    """One value of a vocabulary (vocabularies.yml or schema's built-in ones)."""

    name = "term"
    words = Words("ett värde", "one value")

    def __init__(self, vocabulary: str):
        self.vocabulary = vocabulary

    def expected(self) -> Phrase:
        return phrase("expect.term", vocabulary=self.vocabulary)

    def check_text(self, value: str, at) -> object:
        vocabulary = at.vocabulary(self.vocabulary)
        if value in vocabulary:
            return value
        choices = [v.value for v in vocabulary.values]
        by_label = {v.label.sv.lower(): v.value for v in vocabulary.values} | {
            (v.label.en or "").lower(): v.value for v in vocabulary.values
        }
        guess = by_label.get(value.lower()) or nearest(value, choices)
        at.error(
            "vocabulary.unknown_value",
            choices=", ".join(choices),
            vocabulary=self.vocabulary,
            found=describe(value),
            hint=phrase("hint.did_you_mean", guess=guess) if guess else phrase("hint.vocabulary_values"),
        )
        return INVALID

    def describe(self, language: str, vocabularies: dict) -> list[str]:
        return [", ".join(f"`{v}`" for v in vocabularies[self.vocabulary]["values"])]

    list_describe = describe

    def explain(self, language: str, vocabularies: dict) -> str:
        values = vocabularies[self.vocabulary]["values"]
        return (
            f" {VALUES[language]}: " + ", ".join(f"{v} ({spec['label'][language]})" for v, spec in values.items()) + "."
        )

    def json_schema(self, vocabularies: dict) -> dict:
        values = vocabularies[self.vocabulary]["values"]
        return {
            "type": "string",
            "enum": list(values),
            "markdownEnumDescriptions": [f"{spec['label']['sv']} — {spec['label']['en']}" for spec in values.values()],
        }

    def widget(self, field, form: Form) -> dict:
        values = form.vocabularies[self.vocabulary]["values"]
        return {
            "widget": "select",
            "options": [{"label": option_label(spec["label"]), "value": value} for value, spec in values.items()],
        }


class Ref(_Written):
    """The id of another item: a method, case, material or source (checked once everything is loaded)."""

    name = "ref"
    words = Words("id", "id")
    plural_words = Words("id:n", "ids")

    def __init__(self, target: str):
        self.ref = target

    def expected(self) -> Phrase:
        return phrase("expect.ref", what=phrase(A_KIND[self.ref]))

    def check_text(self, value: str, at) -> object:
        if not SLUG.match(value):
            at.error("ref.format", what=phrase(A_KIND[self.ref]), found=describe(value), slug=slugify(value))
            return INVALID
        at.reference(self.ref, value)
        return value

    def json_schema(self, vocabularies: dict) -> dict:
        return {"type": "string", "pattern": SLUG_PATTERN}

    def widget(self, field, form: Form) -> dict:
        if self.ref == "source":
            return {
                "widget": "relation",
                "collection": "sources",
                "file": "sources",
                "value_field": "sources.*.id",
                "display_fields": ["sources.*.title"],
                "search_fields": ["sources.*.title", "sources.*.id"],
            }
        return {
            "widget": "relation",
            "collection": form.collections[self.ref],
            "value_field": "id",
            "display_fields": ["title"],
            "search_fields": ["title", "id"],
        }
