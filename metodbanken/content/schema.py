"""The one definition of every content type's fields: used to validate, to label pages and to export JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass

from metodbanken.words.languages import DEFAULT_LANGUAGE, LANGUAGES  # noqa: F401 (re-exported)

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


_ID = Field(
    "id",
    "slug",
    "Stable id: ASCII letters, digits and hyphens (å, ä → a; ö → o). Equal to the file name. Never change it once published.",
    required=True,
    example="karngrupp",
)
_TITLE = Field(
    "title",
    "text",
    "Title shown on the page and in lists.",
    required=True,
    translated=True,
    max_length=120,
    example="Tvärsektoriell kärngrupp",
)
_SUMMARY = Field(
    "summary",
    "text",
    "One or two sentences (at most 300 characters) shown in lists and search results.",
    required=True,
    translated=True,
    max_length=300,
)
_STEPS = Field(
    "steps",
    "steps",
    "The steps of Inget att vänta på (1–5) this belongs to.",
    required=True,
    min_items=1,
    example=[1, 2],
)
_SOURCES = Field(
    "sources",
    "refs",
    "Ids of the sources in sources.yml that back every fact on the page.",
    required=True,
    ref="source",
    min_items=1,
    example=["lst-ac-rapport-2020"],
)
_REVIEWED = Field(
    "last_reviewed",
    "date",
    "Date the content was last checked against its sources (YYYY-MM-DD).",
    required=True,
    example="2026-11-22",
)

OUTCOME = (
    Field("measure", "term", "What the evaluation measured.", required=True, vocabulary="outcome_measure"),
    Field("result", "term", "What it found for that measure.", required=True, vocabulary="outcome_result"),
)

EVALUATION = (
    Field(
        "source",
        "ref",
        "Id in sources.yml of the evaluation report itself, or of the page it was read in.",
        required=True,
        ref="source",
    ),
    Field("read", "term", "What we read of the evaluation.", required=True, vocabulary="evaluation_read"),
    Field("design", "term", "The evaluation's design.", required=True, vocabulary="evaluation_design"),
    Field(
        "evaluator",
        "term",
        "Who evaluated: independent of the method's developer or not.",
        required=True,
        vocabulary="evaluator",
    ),
    Field("population", "localized", "Who, where, how many and when (sv and en).", required=True),
    Field(
        "outcomes",
        "objects",
        "What the evaluation measured and what it found for each (at least one).",
        required=True,
        min_items=1,
        fields=OUTCOME,
    ),
    Field("limits", "localized", "What the evaluation could not show (sv and en).", required=True),
)

# The type name of each list of objects, for field docs (fielddocs.FIELD_DOCS_SV_BY_TYPE) and generated forms and schemas.
NESTED_TYPES = {"files": "material_file", "questions": "question", "evaluations": "evaluation", "outcomes": "outcome"}

# Fields that are gone: a file that still has one gets this problem (messages.PROBLEMS) instead of "unknown field".
REMOVED_FIELDS = {"method": {"knowledge": "evidence.knowledge_removed"}}

METHOD = ContentType(
    name="method",
    folder="methods",
    body=True,
    fields=(
        _ID,
        _TITLE,
        _SUMMARY,
        _STEPS,
        Field(
            "prevention_levels",
            "terms",
            "Prevention levels the method works at.",
            vocabulary="prevention_level",
            default=(),
        ),
        Field(
            "violence_forms", "terms", "Forms of violence the method addresses.", vocabulary="violence_form", default=()
        ),
        Field("arenas", "terms", "Arenas where the method is carried out.", vocabulary="arena", default=()),
        Field("target_groups", "terms", "Who the method is aimed at.", vocabulary="target_group", default=()),
        Field("approaches", "terms", "Social and/or situational prevention.", vocabulary="approach", default=()),
        Field(
            "gender_transformative",
            "term",
            "Whether the sources describe a gender-transformative approach.",
            vocabulary="gender_transformative",
            default="ej-bedomt",
        ),
        Field(
            "evaluations",
            "objects",
            "The evaluations the sources report, one entry each (the two ratings are derived from them; no one types a rating).",
            fields=EVALUATION,
            default=(),
        ),
        Field(
            "evaluations_searched",
            "localized",
            "What was searched for evaluations, where and with what result (sv and en). "
            "Required when evaluations is empty.",
            example={
                "sv": "Vi sökte i … och hittade inga utvärderingar.",
                "en": "We searched … and found no evaluations.",
            },
        ),
        Field(
            "evaluations_searched_on",
            "date",
            "Date of that search (YYYY-MM-DD); required with evaluations_searched.",
            example="2026-12-02",
        ),
        Field("age_min", "integer", "Youngest age, in years, that the sources give.", minimum=0, maximum=120),
        Field("age_max", "integer", "Oldest age, in years, that the sources give.", minimum=0, maximum=120),
        Field(
            "school_stages",
            "terms",
            "School stages (or adults) the sources name.",
            vocabulary="school_stage",
            default=(),
        ),
        Field(
            "ages_source",
            "ref",
            "Id of the source that gives the ages or school stages; required with age_min, age_max or school_stages.",
            ref="source",
        ),
        Field("cost", "term", "What it costs to use the method, according to the sources.", vocabulary="cost"),
        Field(
            "cost_amount",
            "text",
            "The amount or what is paid for, as the source gives it.",
            translated=True,
            max_length=200,
        ),
        Field(
            "cost_year",
            "integer",
            "Year the amount or price applies to, according to the source.",
            minimum=1900,
            maximum=2100,
        ),
        Field(
            "cost_source",
            "ref",
            "Id of the source that gives the cost; required with cost, cost_amount or cost_year.",
            ref="source",
        ),
        Field(
            "dosage",
            "text",
            "How much of the method a group gets: sessions, hours, weeks, as the sources give them.",
            translated=True,
            max_length=300,
        ),
        Field("dosage_source", "ref", "Id of the source that gives the dosage; required with dosage.", ref="source"),
        Field("resources", "text", "What the method takes: time, people, money.", translated=True, max_length=500),
        Field(
            "owner",
            "text",
            "Organisation that owns or can be contacted about the method (an organisation, never a private person).",
            max_length=200,
        ),
        Field(
            "owner_url",
            "url",
            "Public web address of the owner or contact organisation (https://…).",
            example="https://mfj.se/",
        ),
        Field(
            "unstated",
            "terms",
            "Facts the cited sources were checked for and do not give (shown once as 'the sources do not state').",
            vocabulary="method_fact",
            default=(),
        ),
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
        _ID,
        _TITLE,
        _SUMMARY,
        Field(
            "organisations",
            "strings",
            "Municipalities, county and partners who did the work.",
            required=True,
            min_items=1,
        ),
        Field("region", "text", "County or region.", max_length=120),
        Field("start_year", "integer", "Year the work started.", minimum=1900, maximum=2100),
        Field("end_year", "integer", "Year the work ended (leave out if it is ongoing).", minimum=1900, maximum=2100),
        _STEPS,
        Field("methods", "refs", "Ids of the methods the case used.", ref="method", default=()),
        _SOURCES,
        _REVIEWED,
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
        _ID,
        _TITLE,
        _SUMMARY,
        Field("type", "term", "Kind of material.", required=True, vocabulary="material_type"),
        Field(
            "licence", "term", "Licence under which others may use the material.", required=True, vocabulary="licence"
        ),
        _STEPS,
        Field("methods", "refs", "Ids of the methods the material supports.", ref="method", default=()),
        Field(
            "files",
            "objects",
            "The downloadable files, stored in materials/<id>/.",
            required=True,
            min_items=1,
            fields=MATERIAL_FILE,
        ),
        _SOURCES,
        _REVIEWED,
    ),
)

QUESTION = (
    Field("id", "slug", "Stable id of the question; it becomes the anchor #<id>.", required=True),
    Field("text", "localized", "The question in Swedish (sv) and English (en).", required=True),
    Field("source", "ref", "Id of the source the question comes from.", required=True, ref="source"),
    Field(
        "origin",
        "term",
        "'handbook' if the question is the handbook's own, 'sources' if the bank wrote it from the sources. Leave out to use the step's checklist_origin.",
        vocabulary="checklist_origin",
    ),
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
        Field(
            "intro",
            "localized",
            "Introduction (Markdown): what the step is for, what it produces, who takes part.",
            required=True,
            markdown=True,
        ),
        Field(
            "checklist_origin",
            "term",
            "'handbook' if the questions are the handbook's own checklist, 'sources' if the bank drew them from the sources.",
            required=True,
            vocabulary="checklist_origin",
        ),
        Field("questions", "objects", "The checklist questions.", required=True, min_items=1, fields=QUESTION),
        Field(
            "sources", "refs", "Ids of the sources behind the introduction.", required=True, ref="source", min_items=1
        ),
    ),
)

TERM = ContentType(
    name="term",
    folder=".",
    body=False,
    fields=(
        Field("id", "slug", "Stable id; it becomes the anchor /begrepp/#<id>.", required=True),
        Field("term", "localized", "The term in Swedish (sv) and English (en).", required=True),
        Field(
            "definition",
            "localized",
            "Definition (Markdown) in Swedish (sv) and English (en).",
            required=True,
            markdown=True,
        ),
        Field("sources", "refs", "Ids of the sources that define or use the term.", ref="source", default=()),
    ),
)

SYNONYM = ContentType(
    name="synonym",
    folder=".",
    body=False,
    fields=(
        Field("language", "term", "Language of the words (sv or en).", required=True, vocabulary="language"),
        Field(
            "word",
            "text",
            "A word readers search for that the bank does not use (lower case).",
            required=True,
            max_length=60,
            example="förövare",
        ),
        Field(
            "finds",
            "strings",
            "The bank's own words that a search for the word should also find.",
            required=True,
            min_items=1,
            example=["våldsutövare"],
        ),
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
        Field(
            "language",
            "term",
            "Language of the source (its title is marked with it on pages in the other language).",
            vocabulary="language",
            default="sv",
        ),
    ),
)

ITEM_TYPES = (METHOD, CASE, MATERIAL)


# Vocabularies fixed by the engine rather than by vocabularies.yml (the evidence rule, evidence.py, depends on their
# values), in the shape of vocabularies.yml: {name: {label, values: {value: {label, description?}}}}.
def _values(hyphens: bool = True, **values: tuple) -> dict:
    """value=(sv label, en label[, sv description, en description]); with hyphens, underscores in a value name stand for hyphens."""
    out = {}
    for value, texts in values.items():
        spec = {"label": {"sv": texts[0], "en": texts[1]}}
        if len(texts) > 2:
            spec["description"] = {"sv": texts[2], "en": texts[3]}
        out[value.replace("_", "-") if hyphens else value] = spec
    return out


BUILTIN_VOCABULARIES = {
    "method_fact": {
        "label": {"sv": "Uppgift", "en": "Fact"},
        "values": _values(
            False,
            resources=("Vad som krävs", "What it takes"),
            owner=("Ägare eller kontakt", "Owner or contact"),
            owner_url=("Ägarens webbplats", "Owner's website"),
            ages=("Ålder eller skolstadium", "Ages or school stages"),
            cost=("Kostnad", "Cost"),
            dosage=("Omfattning (antal träffar, timmar, veckor)", "Dosage (sessions, hours, weeks)"),
        ),
    },
    "checklist_origin": {
        "label": {"sv": "Frågornas ursprung", "en": "Origin of the questions"},
        "values": _values(
            handbook=("Handbokens checklista", "The handbook's checklist"),
            sources=(
                "Frågor som Metodbanken har formulerat utifrån källorna",
                "Questions the bank drew from the sources",
            ),
        ),
    },
    "evaluation_read": {
        "label": {"sv": "Vad vi läste", "en": "What we read"},
        "values": _values(
            full_report=(
                "Hela rapporten",
                "The full report",
                "Vi läste själva rapporten, åtminstone de delar som beskriver upplägg och resultat.",
                "We read the report itself, at least the parts that describe its design and results.",
            ),
            summary=(
                "Utvärderarnas sammanfattning",
                "The evaluators' summary",
                "Vi läste utvärderarnas egen sammanfattning, abstract eller pressmeddelande.",
                "We read the evaluators' own summary, abstract or press page.",
            ),
            secondary=(
                "Någon annans beskrivning",
                "Someone else's account",
                "Vi läste någon annans beskrivning av utvärderingen (till exempel en myndighets); räknas en nivå lägre.",
                "We read someone else's account of the evaluation (an agency's, for example); counts one level lower.",
            ),
        ),
    },
    "evaluation_design": {
        "label": {"sv": "Upplägg", "en": "Design"},
        "values": _values(
            randomised=(
                "Randomiserad studie",
                "Randomised trial",
                "Deltagarna lottades till grupper som fick eller inte fick metoden (nivå 4).",
                "Participants were allocated at random to groups that did or did not get the method (level 4).",
            ),
            comparison_group=(
                "Jämförelsegrupp utan lottning",
                "Comparison group, not randomised",
                "Resultaten jämfördes med en grupp som inte fick metoden, utan lottning (nivå 3).",
                "Results were compared with a group that did not get the method, without random allocation (level 3).",
            ),
            before_after=(
                "Före- och eftermätning",
                "Before-and-after measurement",
                "Mätt före och efter, utan jämförelsegrupp (nivå 2).",
                "Measured before and after, with no comparison group (level 2).",
            ),
            review=(
                "Systematisk översikt",
                "Systematic review",
                "En systematisk översikt eller metaanalys av flera studier (nivå 2).",
                "A systematic review or meta-analysis of several studies (level 2).",
            ),
            qualitative=(
                "Intervjuer eller fokusgrupper",
                "Interviews or focus groups",
                "Intervjuer eller fokusgrupper om effekter eller erfarenheter (nivå 1).",
                "Interviews or focus groups about effects or experiences (level 1).",
            ),
            process=(
                "Processutvärdering",
                "Process evaluation",
                "Hur arbetet genomfördes, utan mätning av effekter (nivå 1).",
                "How the work was carried out, with no measurement of effects (level 1).",
            ),
            description=(
                "Beskrivning eller uppföljning",
                "Description or follow-up",
                "En beskrivning eller uppföljning utan egentligt utvärderingsupplägg (nivå 1).",
                "A description or follow-up without a real evaluation design (level 1).",
            ),
        ),
    },
    "evaluator": {
        "label": {"sv": "Vem som utvärderade", "en": "Who evaluated"},
        "values": _values(
            independent=(
                "Oberoende utvärderare",
                "Independent evaluator",
                "Utvärderarna hade ingen del i att utveckla eller sälja metoden.",
                "The evaluators had no part in developing or selling the method.",
            ),
            developer_involved=(
                "Metodens utvecklare deltog",
                "The method's developer took part",
                "Metodens utvecklare eller ägare gjorde utvärderingen eller beställde och skrev den tillsammans med andra; räknas en nivå lägre.",
                "The method's developer or owner did the evaluation, or commissioned and co-wrote it; counts one level lower.",
            ),
            not_stated=(
                "Anges inte",
                "Not stated",
                "Källan säger inte vem som utvärderade.",
                "The source does not say who evaluated.",
            ),
        ),
    },
    "outcome_measure": {
        "label": {"sv": "Vad som mättes", "en": "What was measured"},
        "values": _values(
            violence=("Våld", "Violence", "Våld som utövats eller utsatts för.", "Violence used or experienced."),
            risk_factors=(
                "Riskfaktorer för våld",
                "Risk factors for violence",
                "Sådant som forskningen kopplar till senare våld, till exempel aggressivt beteende.",
                "What research links to later violence, aggressive behaviour for example.",
            ),
            attitudes=(
                "Attityder och kunskap",
                "Attitudes and knowledge",
                "Vad deltagarna tycker eller vet; inte våld.",
                "What participants think or know; not violence.",
            ),
            implementation=(
                "Genomförande",
                "Implementation",
                "Hur metoden genomfördes och togs emot.",
                "How the method was carried out and received.",
            ),
        ),
    },
    "outcome_result": {
        "label": {"sv": "Resultat", "en": "Result"},
        "values": _values(
            positive=("Positivt", "Positive"),
            mixed=("Blandat", "Mixed"),
            no_effect=("Ingen effekt påvisad", "No effect found"),
            negative=("Negativt", "Negative"),
            not_reported=("Resultatet redovisas inte", "Result not reported"),
        ),
    },
    # The two derived ratings (evidence.py), shown in words on every method and used as facets of the methods index.
    "evidence_strength": {
        "label": {"sv": "Hur säkert", "en": "How sure"},
        "values": {
            "0": {
                "label": {"sv": "Ingen utvärdering", "en": "No evaluation"},
                "description": {
                    "sv": "Banken har inte hittat någon utvärdering av metoden.",
                    "en": "The bank has found no evaluation of the method.",
                },
            },
            "1": {
                "label": {
                    "sv": "Mycket osäkert (beskrivningar, intervjuer eller processutvärdering)",
                    "en": "Very uncertain (descriptions, interviews or process evaluation)",
                },
                "description": {
                    "sv": "Det som finns säger lite eller inget om vad metoden åstadkommer.",
                    "en": "What there is says little or nothing about what the method achieves.",
                },
            },
            "2": {
                "label": {
                    "sv": "Osäkert (före- och eftermätning eller översikt)",
                    "en": "Uncertain (before-and-after measurement or review)",
                },
                "description": {
                    "sv": "Förändringar har mätts, men utan jämförelse med en grupp som inte fick metoden.",
                    "en": "Changes were measured, but not against a group that did not get the method.",
                },
            },
            "3": {
                "label": {"sv": "Ganska säkert (jämförelsegrupp)", "en": "Fairly sure (comparison group)"},
                "description": {
                    "sv": "Den säkraste utvärderingen jämförde med en grupp som inte fick metoden.",
                    "en": "The most certain evaluation compared with a group that did not get the method.",
                },
            },
            "4": {
                "label": {
                    "sv": "Säkrast (randomiserad eller flera jämförelsestudier)",
                    "en": "Most certain (randomised or several comparison studies)",
                },
                "description": {
                    "sv": "En randomiserad studie, eller två eller fler studier med jämförelsegrupp.",
                    "en": "A randomised trial, or two or more comparison-group studies.",
                },
            },
        },
    },
    "evidence_result": {
        "label": {"sv": "Vad som hittades", "en": "What was found"},
        "values": _values(
            positive=(
                "Positiv effekt",
                "Positive effect",
                "De säkraste utvärderingarna fann bara positiva effekter på våld eller riskfaktorer.",
                "The most certain evaluations found only positive effects on violence or risk factors.",
            ),
            mixed=(
                "Blandade resultat",
                "Mixed results",
                "De säkraste utvärderingarna fann både effekter och inga effekter.",
                "The most certain evaluations found effects and no effects.",
            ),
            no_effect=(
                "Ingen effekt påvisad",
                "No effect found",
                "De säkraste utvärderingarna kunde inte visa någon effekt på våld eller riskfaktorer.",
                "The most certain evaluations could not show any effect on violence or risk factors.",
            ),
            negative=(
                "Negativ effekt",
                "Negative effect",
                "De säkraste utvärderingarna fann negativa effekter och inga positiva.",
                "The most certain evaluations found negative effects and no positive ones.",
            ),
            not_measured=(
                "Effekt på våld inte mätt",
                "Effect on violence not measured",
                "Utvärderingarna mätte bara attityder, kunskap eller genomförande, eller redovisar inget resultat för våld eller riskfaktorer.",
                "The evaluations measured only attitudes, knowledge or implementation, or report no result for violence or risk factors.",
            ),
            none=(
                "Inget att bedöma",
                "Nothing to assess",
                "Det finns ingen utvärdering att bedöma.",
                "There is no evaluation to assess.",
            ),
        ),
    },
}
