"""The one definition of every content type's fields: used to validate, to label pages and to export JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
STEP_NUMBERS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Field:
    """One field of a content type.

    kind is one of: slug, text, markdown, integer, date, url, term, terms, steps, ref, refs,
    strings, localized, objects.
    """

    name: str
    kind: str
    doc: str
    required: bool = False
    vocabulary: str | None = None  # for term / terms
    ref: str | None = None  # for ref / refs: "method", "case", "material", "source"
    translated: bool = False  # in the Swedish file and, translated, in the English file
    max_length: int | None = None
    min_items: int = 0
    minimum: int | None = None
    maximum: int | None = None
    default: object = None
    example: object = None
    fields: tuple["Field", ...] = ()  # for objects
    markdown: bool = False  # localized text that is Markdown (scanned for unsafe HTML)

    @property
    def is_list(self) -> bool:
        return self.kind in ("terms", "steps", "refs", "strings", "objects")


@dataclass(frozen=True)
class ContentType:
    """A kind of content: where its files live and which fields they hold."""

    name: str
    folder: str
    fields: tuple[Field, ...]
    body: bool  # Markdown body after the front matter
    body_required: bool = True

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def translated_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.translated)


_ID = Field("id", "slug", "Stable id: ASCII letters, digits and hyphens (å, ä → a; ö → o). Equal to the file name. Never change it once published.", required=True, example="karngrupp")
_TITLE = Field("title", "text", "Title shown on the page and in lists.", required=True, translated=True, max_length=120, example="Tvärsektoriell kärngrupp")
_SUMMARY = Field("summary", "text", "One or two sentences (at most 300 characters) shown in lists and search results.", required=True, translated=True, max_length=300)
_STEPS = Field("steps", "steps", "The steps of Inget att vänta på (1–5) this belongs to.", required=True, min_items=1, example=[1, 2])
_SOURCES = Field("sources", "refs", "Ids of the sources in sources.yml that back every fact on the page.", required=True, ref="source", min_items=1, example=["lst-ac-rapport-2020"])
_REVIEWED = Field("last_reviewed", "date", "Date the content was last checked against its sources (YYYY-MM-DD).", required=True, example="2026-11-22")

METHOD = ContentType(
    name="method",
    folder="methods",
    body=True,
    fields=(
        _ID, _TITLE, _SUMMARY, _STEPS,
        Field("prevention_levels", "terms", "Prevention levels the method works at.", vocabulary="prevention_level", default=()),
        Field("violence_forms", "terms", "Forms of violence the method addresses.", vocabulary="violence_form", default=()),
        Field("arenas", "terms", "Arenas where the method is carried out.", vocabulary="arena", default=()),
        Field("target_groups", "terms", "Who the method is aimed at.", vocabulary="target_group", default=()),
        Field("approaches", "terms", "Social and/or situational prevention.", vocabulary="approach", default=()),
        Field("gender_transformative", "term", "Whether the sources describe a gender-transformative approach.", vocabulary="gender_transformative", default="ej-bedomt"),
        Field("knowledge", "term", "State of knowledge. Leave 'ej-bedomt' unless a cited source supports more.", vocabulary="knowledge", default="ej-bedomt"),
        Field("resources", "text", "What the method takes: time, people, money.", translated=True, max_length=500),
        Field("owner", "text", "Organisation that owns or can be contacted about the method (an organisation, never a private person).", max_length=200),
        Field("owner_url", "url", "Public web address of the owner or contact organisation (https://…).", example="https://mfj.se/"),
        Field("unstated", "terms", "Facts the cited sources were checked for and do not give (shown once as 'the sources do not state').",
              vocabulary="method_fact", default=()),
        _SOURCES,
        Field("related_methods", "refs", "Ids of related methods.", ref="method", default=()),
        _REVIEWED,
    ),
)

CASE = ContentType(
    name="case",
    folder="cases",
    body=True,
    fields=(
        _ID, _TITLE, _SUMMARY,
        Field("organisations", "strings", "Municipalities, county and partners who did the work.", required=True, min_items=1),
        Field("region", "text", "County or region.", max_length=120),
        Field("start_year", "integer", "Year the work started.", minimum=1900, maximum=2100),
        Field("end_year", "integer", "Year the work ended (leave out if it is ongoing).", minimum=1900, maximum=2100),
        _STEPS,
        Field("methods", "refs", "Ids of the methods the case used.", ref="method", default=()),
        _SOURCES, _REVIEWED,
    ),
)

MATERIAL_FILE = (
    Field("file", "text", "File name inside materials/<id>/.", required=True),
    Field("language", "term", "Language of the file.", required=True, vocabulary="language"),
)

MATERIAL = ContentType(
    name="material",
    folder="materials",
    body=True,
    fields=(
        _ID, _TITLE, _SUMMARY,
        Field("type", "term", "Kind of material.", required=True, vocabulary="material_type"),
        Field("licence", "term", "Licence under which others may use the material.", required=True, vocabulary="licence"),
        _STEPS,
        Field("methods", "refs", "Ids of the methods the material supports.", ref="method", default=()),
        Field("files", "objects", "The downloadable files, stored in materials/<id>/.", required=True, min_items=1, fields=MATERIAL_FILE),
        _SOURCES, _REVIEWED,
    ),
)

QUESTION = (
    Field("id", "slug", "Stable id of the question; it becomes the anchor #<id>.", required=True),
    Field("text", "localized", "The question in Swedish (sv) and English (en).", required=True),
    Field("source", "ref", "Id of the source the question comes from.", required=True, ref="source"),
    Field("origin", "term", "'handbook' if the question is the handbook's own, 'sources' if the bank wrote it from the sources. Leave out to use the step's checklist_origin.",
          vocabulary="checklist_origin"),
    Field("methods", "refs", "Ids of methods that help answer the question.", ref="method", default=()),
    Field("materials", "refs", "Ids of materials that help answer the question.", ref="material", default=()),
)

STEP = ContentType(
    name="step",
    folder="checklists",
    body=False,
    fields=(
        Field("step", "integer", "Step number, 1–5.", required=True, minimum=1, maximum=5),
        Field("slug", "slug", "Readable part of the step's address: /steg/<step>-<slug>/.", required=True),
        Field("title", "localized", "Step title in Swedish (sv) and English (en).", required=True),
        Field("intro", "localized", "Introduction (Markdown): what the step is for, what it produces, who takes part.", required=True, markdown=True),
        Field("checklist_origin", "term", "'handbook' if the questions are the handbook's own checklist, 'sources' if the bank drew them from the sources.", required=True, vocabulary="checklist_origin"),
        Field("questions", "objects", "The checklist questions.", required=True, min_items=1, fields=QUESTION),
        Field("sources", "refs", "Ids of the sources behind the introduction.", required=True, ref="source", min_items=1),
    ),
)

TERM = ContentType(
    name="term",
    folder=".",
    body=False,
    fields=(
        Field("id", "slug", "Stable id; it becomes the anchor /begrepp/#<id>.", required=True),
        Field("term", "localized", "The term in Swedish (sv) and English (en).", required=True),
        Field("definition", "localized", "Definition (Markdown) in Swedish (sv) and English (en).", required=True, markdown=True),
        Field("sources", "refs", "Ids of the sources that define or use the term.", ref="source", default=()),
    ),
)

SYNONYM = ContentType(
    name="synonym",
    folder=".",
    body=False,
    fields=(
        Field("language", "term", "Language of the words (sv or en).", required=True, vocabulary="language"),
        Field("word", "text", "A word readers search for that the bank does not use (lower case).", required=True, max_length=60,
              example="förövare"),
        Field("finds", "strings", "The bank's own words that a search for the word should also find.", required=True, min_items=1,
              example=["våldsutövare"]),
    ),
)

SOURCE = ContentType(
    name="source",
    folder=".",
    body=False,
    fields=(
        Field("title", "text", "Title of the source.", required=True),
        Field("publisher", "text", "Who published it."),
        Field("year", "integer", "Year of publication.", minimum=1900, maximum=2100),
        Field("url", "url", "Web address (https://…)."),
        Field("accessed", "date", "Date the address was last read (YYYY-MM-DD).", example="2026-11-23"),
        Field("note", "localized", "A note in Swedish (sv) and English (en)."),
        Field("language", "term", "Language of the source (its title is marked with it on pages in the other language).",
              vocabulary="language", default="sv"),
    ),
)

ITEM_TYPES = (METHOD, CASE, MATERIAL)

# Values that are fixed by the engine rather than by vocabularies.yml.
BUILTIN_VOCABULARIES = {
    "method_fact": {
        "resources": {"sv": "Vad som krävs", "en": "What it takes"},
        "owner": {"sv": "Ägare eller kontakt", "en": "Owner or contact"},
        "owner_url": {"sv": "Ägarens webbplats", "en": "Owner's website"},
    },
    "checklist_origin": {
        "handbook": {"sv": "Handbokens checklista", "en": "The handbook's checklist"},
        "sources": {"sv": "Frågor som Metodbanken har formulerat utifrån källorna", "en": "Questions the bank drew from the sources"},
    },
}
