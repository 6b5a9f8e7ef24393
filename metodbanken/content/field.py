"""What a field and a content type are: a field carries its kind (kinds.py, containers.py), its rules, its Swedish and
English explanation and its form label; the fields several content types share are defined here once."""

from __future__ import annotations

from dataclasses import dataclass

from metodbanken.content.containers import List
from metodbanken.content.kinds import Date, Form, Kind, Ref, Slug, Text
from metodbanken.content.numbers import Step
from metodbanken.words.messages import Text as Words


@dataclass(frozen=True)
class Field:
    """One field of a content type: its kind (kinds.py), its explanation in Swedish (sv) and English (en), its short
    Swedish form label and its rules. form holds form settings that replace the kind's (a file upload, say)."""

    name: str
    kind: Kind
    sv: str
    en: str
    label: str = ""
    required: bool = False
    translated: bool = False  # in the Swedish file and, translated, in the English file
    default: object = None
    example: object = None
    default_today: bool = False  # a new file and a new form entry start at today's date
    form: dict | None = None

    @property
    def is_list(self) -> bool:
        return self.kind.is_list

    @property
    def vocabulary(self) -> str | None:
        return self.kind.vocabulary

    @property
    def ref(self) -> str | None:
        return self.kind.ref

    @property
    def max_length(self) -> int | None:
        return self.kind.max_length

    @property
    def min_items(self) -> int:
        return self.kind.min_items

    def doc(self, language: str) -> str:
        """The field's explanation in 'sv' or 'en'."""
        return self.en if language == "en" else self.sv

    @property
    def doc_text(self) -> Words:
        """The explanation in both languages, as a value inside an error message."""
        return Words(self.sv, self.en)

    def json_schema(self, vocabularies: dict) -> dict:
        """The JSON Schema of the field's value, explained in both languages."""
        schema = {"description": f"{self.sv} — {self.en}", **self.kind.json_schema(vocabularies)}
        if self.default not in (None, ()):
            schema["default"] = list(self.default) if isinstance(self.default, tuple) else self.default
        if self.example is not None:
            schema["examples"] = [self.example]
        return schema

    def widget(self, form: Form, *, i18n: bool) -> dict:
        """The field in the form editor (Sveltia CMS); with i18n, whether the English file holds it too."""
        # Sveltia renders hints as Markdown with HTML: '<id>' would vanish as an unknown tag.
        hint = self.sv.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        config = {"name": self.name, "label": self.label or self.name, "hint": hint} | self.kind.widget(self, form)
        if self.default not in (None, ()):
            config["default"] = self.default
        elif self.default_today:
            config["default"] = "{{now}}"
        config["required"] = self.required
        if i18n:
            config["i18n"] = self.translated
        config.update(self.form or {})
        return config


@dataclass(frozen=True)
class ContentType:
    """A kind of content: where its files live (folder) and its pages (section: places.py builds every path and URL
    from the two), which fields they hold, the model class an item becomes, its collection in the form editor and the
    phrase (messages.py) that names one item, "the method {id}"."""

    name: str
    folder: str
    fields: tuple[Field, ...]
    body: bool  # Markdown body after the front matter
    body_required: bool = True
    section: str = ""
    model: type | None = None
    collection: str = ""
    item_phrase: str = ""
    count_phrases: tuple[str, str] = ("", "")  # one, other: "1 method", "3 methods"

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def translated_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.translated)


# Fields that methods, cases and materials share.
ID = Field(
    "id",
    Slug(),
    sv="Stabilt id: små ASCII-bokstäver, siffror och bindestreck (å, ä → a; ö → o). Samma som filnamnet. Ändra det aldrig när sidan är publicerad.",
    en="Stable id: ASCII letters, digits and hyphens (å, ä → a; ö → o). Equal to the file name. Never change it once published.",
    label="Id (blir filnamnet och adressen)",
    required=True,
    example="karngrupp",
)
TITLE = Field(
    "title",
    Text(120),
    sv="Titeln som visas på sidan och i listor.",
    en="Title shown on the page and in lists.",
    label="Titel",
    required=True,
    translated=True,
    example="Tvärsektoriell kärngrupp",
)
SUMMARY = Field(
    "summary",
    Text(300),
    sv="En eller två meningar (högst 300 tecken) som visas i listor och sökresultat.",
    en="One or two sentences (at most 300 characters) shown in lists and search results.",
    label="Sammanfattning",
    required=True,
    translated=True,
)
STEPS = Field(
    "steps",
    List(Step(), min_items=1),
    sv="De steg i Inget att vänta på (1–5) som innehållet hör till.",
    en="The steps of Inget att vänta på (1–5) this belongs to.",
    label="Steg",
    required=True,
    example=[1, 2],
)
SOURCES = Field(
    "sources",
    List(Ref("source"), min_items=1),
    sv="Id:n för källorna i sources.yml som stöder uppgifterna.",
    en="Ids of the sources in sources.yml that back every fact on the page.",
    label="Källor",
    required=True,
    example=["lst-ac-rapport-2020"],
)
REVIEWED = Field(
    "last_reviewed",
    Date(),
    sv="Datum då innehållet senast kontrollerades mot källorna (ÅÅÅÅ-MM-DD).",
    en="Date the content was last checked against its sources (YYYY-MM-DD).",
    label="Senast granskad",
    required=True,
    example="2026-11-22",
    default_today=True,
)
