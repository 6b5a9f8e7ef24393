"""The kinds that hold other values: Localized (a text in each language), Records (a mapping of fields, the entries
of a list) and List (a list of values of one kind). See kinds.py for what every kind does."""

from __future__ import annotations

from metodbanken.content.kinds import A_LIST_WORDS, EXAMPLE, INVALID, MIN_WORDS, VALUES, Form, Kind, not_text
from metodbanken.content.model import Localized as LocalizedText
from metodbanken.content.model import LocalizedMarkdown
from metodbanken.words.errors import describe
from metodbanken.words.languages import DEFAULT_LANGUAGE, LANGUAGES
from metodbanken.words.messages import Text as Words
from metodbanken.words.messages import phrase, plural

LANGUAGE_NAMES = {"sv": "svenska", "en": "engelska"}


class Localized(Kind):
    """A text in Swedish (sv, required) and English (en); with markdown, Markdown scanned for unsafe HTML."""

    name = "localized"
    words = Words("sv: …, en: …", "sv: …, en: …")

    def __init__(self, markdown: bool = False):
        self.markdown = markdown

    def check(self, value: object, at) -> object:
        if not isinstance(value, dict):
            at.error("localized.not_a_mapping", found=describe(value), name=at.field.name)
            return INVALID
        texts = {}
        for key, text in value.items():
            if key not in LANGUAGES:
                at.at(key).error("localized.key", key=key)
                continue
            if text is None or (isinstance(text, str) and not text.strip()):
                if key == "sv":
                    at.at(key).error("localized.swedish_empty")
                continue
            if not isinstance(text, str):
                if isinstance(text, (bool, int, float)):
                    not_text(text, at.at(key))
                else:
                    at.at(key).error("value.not_text", expected=phrase("expect.text"), found=describe(text))
                continue
            if self.markdown:
                at.at(key).markdown(text)
            texts[key] = text.strip() if not self.markdown else text
        if "sv" not in texts:
            if "sv" not in value:
                at.error("localized.swedish_missing")
            return INVALID
        if self.markdown:
            origin = tuple((lang, *at.at(lang).origin()) for lang in texts)
            return LocalizedMarkdown(sv=texts["sv"], en=texts.get("en"), origin=origin)
        return LocalizedText(sv=texts["sv"], en=texts.get("en"))

    def json_schema(self, vocabularies: dict) -> dict:
        return {
            "type": "object",
            "additionalProperties": False,
            "required": ["sv"],
            "properties": {
                "sv": {"type": "string", "minLength": 1, "description": "Svenska — Swedish"},
                "en": {"type": "string", "description": "Engelska — English"},
            },
        }

    def widget(self, field, form: Form) -> dict:
        return {
            "widget": "object",
            "fields": [
                {
                    "name": lang,
                    "label": LANGUAGE_NAMES[lang].capitalize(),
                    **({"widget": "markdown", "modes": ["raw"]} if self.markdown else {"widget": "text"}),
                    "required": lang == DEFAULT_LANGUAGE and field.required,
                }
                for lang in LANGUAGES
            ],
        }


def object_schema(fields: tuple, vocabularies: dict, *, only: set[str] | None = None) -> dict:
    """The JSON Schema of a mapping of these fields (with only: just those)."""
    chosen = [f for f in fields if only is None or f.name in only]
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in chosen if f.required],
        "properties": {f.name: f.json_schema(vocabularies) for f in chosen},
    }


class Records(Kind):
    """A mapping of its own fields (the entries of a list of objects); type_name names it in docs and messages.
    label_singular and summary name an entry in the form's collapsed list; example is shown in `new`'s comment."""

    name = "record"
    words = Words("post", "entry")
    plural_words = Words("poster", "entries")
    comment_example = False

    def __init__(self, fields: tuple, type_name: str, *, label_singular: str = "", summary: str = "", example=""):
        self.fields, self.type_name = fields, type_name
        self.label_singular, self.summary, self.example = label_singular, summary, example

    def check(self, value: object, at) -> object:
        cleaned = at.mapping(self.fields, value, self.type_name)
        return INVALID if cleaned is None else cleaned

    def explain(self, language: str, vocabularies: dict) -> str:
        """What each entry holds: its fields (nested lists too) and their allowed values."""
        text = f" {EXAMPLE[language]}: {self.example}." if self.example else ""
        for f in self.fields:
            text += f" {f.name}: {f.doc(language)}"
            if f.vocabulary:
                values = ", ".join(vocabularies[f.vocabulary]["values"])
                text += f" {f.name} – {VALUES[language].lower()}: {values}."
            if isinstance(f.kind, List) and isinstance(f.kind.of, Records):
                text += f.kind.explain(language, vocabularies)
        return text

    def json_schema(self, vocabularies: dict) -> dict:
        return object_schema(self.fields, vocabularies)

    def widget(self, field, form: Form) -> dict:
        config = {"widget": "list", "fields": [f.widget(form, i18n=False) for f in self.fields]}
        if self.label_singular:
            config |= {"label_singular": self.label_singular, "summary": self.summary}
        return config

    list_widget = widget


class List(Kind):
    """A list of values of one kind, at least min_items of them; repeated values are refused (entries may repeat)."""

    is_list = True

    def __init__(self, of: Kind, *, min_items: int = 0):
        self.of, self.min_items = of, min_items
        self.vocabulary, self.ref, self.max_length, self.fields = of.vocabulary, of.ref, of.max_length, of.fields
        self.comment_example = of.comment_example

    @property
    def name(self) -> str:
        return {"term": "terms", "step": "steps", "ref": "refs", "text": "strings", "record": "objects"}[self.of.name]

    def check(self, value: object, at) -> object:
        if not isinstance(value, list):
            at.error("list.expected", doc=at.doc, found=describe(value))
            return INVALID
        if len(value) < self.min_items:
            at.error(
                "list.too_short",
                count=plural(self.min_items, one="count.items.one", other="count.items.other"),
                doc=at.doc,
            )
            return INVALID
        items, seen = [], set()
        for index, item in enumerate(value):
            cleaned = self.of.check(item, at.at(index))
            if cleaned is INVALID:
                continue
            if not isinstance(self.of, Records):
                if cleaned in seen:
                    at.at(index).error("list.repeated", found=describe(item))
                    continue
                seen.add(cleaned)
            items.append(cleaned)
        return tuple(items)

    def describe(self, language: str, vocabularies: dict) -> list[str]:
        minimum = [MIN_WORDS[language].format(n=self.min_items)] if self.min_items else []
        return self.of.list_describe(language, vocabularies) + minimum

    def facts(self, language: str) -> list[str]:
        minimum = [MIN_WORDS[language].format(n=self.min_items)] if self.min_items else []
        return [A_LIST_WORDS[language]] + minimum + self.of.facts(language)

    def explain(self, language: str, vocabularies: dict) -> str:
        return self.of.explain(language, vocabularies)

    def json_schema(self, vocabularies: dict) -> dict:
        schema = {"type": "array", "items": self.of.json_schema(vocabularies)}
        if self.min_items:
            schema["minItems"] = self.min_items
        if not isinstance(self.of, Records):
            schema["uniqueItems"] = True
        return schema

    def widget(self, field, form: Form) -> dict:
        config = self.of.list_widget(field, form)
        return config | ({"min": self.min_items} if self.min_items else {})
