"""The one definition of every content type's fields: each field's kind, rules, Swedish and English explanation and
form label. The content check, the JSON Schemas, the form editor, CONTRIBUTING's tables and `new` all read it.

Methods are defined here; the other content types in othertypes.py; what a field is in field.py.
"""

from __future__ import annotations

from metodbanken.content.containers import List, Localized, Records
from metodbanken.content.field import (
    ID,
    REVIEWED,
    SOURCES,
    STEPS,
    SUMMARY,
    TITLE,
    ContentType,
    Field,
)
from metodbanken.content.kinds import (  # noqa: F401 (re-exported)
    SLUG_PATTERN,
    STEP_NUMBERS,
    Date,
    Ref,
    Slug,
    Term,
    Text,
    Url,
)
from metodbanken.content.model import Method
from metodbanken.content.numbers import Integer
from metodbanken.content.othertypes import (  # noqa: F401 (re-exported)
    CASE,
    MATERIAL,
    MATERIAL_FILE,
    QUESTION,
    SOURCE,
    STEP,
    SYNONYM,
    TERM,
)
from metodbanken.words.languages import DEFAULT_LANGUAGE, LANGUAGES  # noqa: F401 (re-exported)

OUTCOME = (
    Field(
        "measure",
        Term("outcome_measure"),
        sv="Vad utvärderingen mätte.",
        en="What the evaluation measured.",
        label="Mått",
        required=True,
    ),
    Field(
        "result",
        Term("outcome_result"),
        sv="Vad den fann för det måttet.",
        en="What it found for that measure.",
        label="Resultat",
        required=True,
    ),
)

EVALUATION = (
    Field(
        "source",
        Ref("source"),
        sv="Id i sources.yml för själva utvärderingsrapporten, eller för sidan där den lästes.",
        en="Id in sources.yml of the evaluation report itself, or of the page it was read in.",
        required=True,
    ),
    Field(
        "read",
        Term("evaluation_read"),
        sv="Vad vi läste av utvärderingen.",
        en="What we read of the evaluation.",
        label="Vad ni läste",
        required=True,
    ),
    Field(
        "design",
        Term("evaluation_design"),
        sv="Utvärderingens upplägg.",
        en="The evaluation's design.",
        label="Upplägg",
        required=True,
    ),
    Field(
        "evaluator",
        Term("evaluator"),
        sv="Vem som utvärderade: oberoende av metodens utvecklare eller inte.",
        en="Who evaluated: independent of the method's developer or not.",
        label="Vem som utvärderade",
        required=True,
    ),
    Field(
        "population",
        Localized(),
        sv="Vilka, var, hur många och när (sv och en).",
        en="Who, where, how many and when (sv and en).",
        label="Vilka som deltog (vilka, var, hur många, när)",
        required=True,
    ),
    Field(
        "outcomes",
        List(
            Records(OUTCOME, "outcome", label_singular="Mått", summary="{{fields.measure}}: {{fields.result}}"),
            min_items=1,
        ),
        sv="Vad utvärderingen mätte och vad den fann för varje mått (minst ett).",
        en="What the evaluation measured and what it found for each (at least one).",
        label="Vad som mättes och resultatet",
        required=True,
    ),
    Field(
        "limits",
        Localized(),
        sv="Vad utvärderingen inte kunde visa (sv och en).",
        en="What the evaluation could not show (sv and en).",
        label="Begränsningar",
        required=True,
    ),
)

# Fields that are gone: a file that still has one gets this problem (messages.PROBLEMS) instead of "unknown field".
REMOVED_FIELDS = {"method": {"knowledge": "evidence.knowledge_removed"}}

METHOD = ContentType(
    name="method",
    folder="methods",
    section="metoder",
    model=Method,
    collection="methods",
    item_phrase="status.method",
    count_phrases=("count.methods.one", "count.methods.other"),
    body=True,
    fields=(
        ID,
        TITLE,
        SUMMARY,
        STEPS,
        Field(
            "prevention_levels",
            List(Term("prevention_level")),
            sv="De preventionsnivåer metoden verkar på.",
            en="Prevention levels the method works at.",
            label="Preventionsnivåer",
            default=(),
        ),
        Field(
            "violence_forms",
            List(Term("violence_form")),
            sv="De våldsformer metoden riktar sig mot.",
            en="Forms of violence the method addresses.",
            label="Våldsformer",
            default=(),
        ),
        Field(
            "arenas",
            List(Term("arena")),
            sv="De arenor där metoden genomförs.",
            en="Arenas where the method is carried out.",
            label="Arenor",
            default=(),
        ),
        Field(
            "target_groups",
            List(Term("target_group")),
            sv="Vilka metoden riktar sig till.",
            en="Who the method is aimed at.",
            label="Målgrupper",
            default=(),
        ),
        Field(
            "approaches",
            List(Term("approach")),
            sv="Social och/eller situationell prevention.",
            en="Social and/or situational prevention.",
            label="Förebyggande ansats",
            default=(),
        ),
        Field(
            "gender_transformative",
            Term("gender_transformative"),
            sv="Om källorna beskriver en genusförändrande ansats.",
            en="Whether the sources describe a gender-transformative approach.",
            label="Genusförändrande ansats",
            default="ej-bedomt",
        ),
        Field(
            "evaluations",
            List(
                Records(
                    EVALUATION,
                    "evaluation",
                    label_singular="Utvärdering",
                    summary="{{fields.design}} ({{fields.source}})",
                )
            ),
            sv="De utvärderingar som källorna redovisar, en post för varje (bankens två omdömen räknas fram ur dem; ingen skriver in ett omdöme).",
            en="The evaluations the sources report, one entry each (the two ratings are derived from them; no one types a rating).",
            label="Utvärderingar",
            default=(),
        ),
        Field(
            "evaluations_searched",
            Localized(),
            sv="Vad som söktes efter utvärderingar, var och med vilket resultat (sv och en). Obligatoriskt när evaluations är tomt.",
            en="What was searched for evaluations, where and with what result (sv and en). "
            "Required when evaluations is empty.",
            label="Sökning efter utvärderingar (om ni inte hittade någon)",
            example={
                "sv": "Vi sökte i … och hittade inga utvärderingar.",
                "en": "We searched … and found no evaluations.",
            },
        ),
        Field(
            "evaluations_searched_on",
            Date(),
            sv="Datum för sökningen (ÅÅÅÅ-MM-DD); obligatoriskt med evaluations_searched.",
            en="Date of that search (YYYY-MM-DD); required with evaluations_searched.",
            label="Datum för sökningen",
            example="2026-12-02",
        ),
        Field(
            "age_min",
            Integer(0, 120),
            sv="Lägsta ålder i år som källorna anger.",
            en="Youngest age, in years, that the sources give.",
            label="Lägsta ålder (år)",
        ),
        Field(
            "age_max",
            Integer(0, 120),
            sv="Högsta ålder i år som källorna anger.",
            en="Oldest age, in years, that the sources give.",
            label="Högsta ålder (år)",
        ),
        Field(
            "school_stages",
            List(Term("school_stage")),
            sv="Skolstadier (eller vuxna) som källorna nämner.",
            en="School stages (or adults) the sources name.",
            label="Skolstadier",
            default=(),
        ),
        Field(
            "ages_source",
            Ref("source"),
            sv="Id för källan som anger åldrarna eller skolstadierna; obligatoriskt med age_min, age_max eller school_stages.",
            en="Id of the source that gives the ages or school stages; required with age_min, age_max or school_stages.",
            label="Källa för ålder eller skolstadium",
        ),
        Field(
            "cost",
            Term("cost"),
            sv="Vad det kostar att använda metoden enligt källorna.",
            en="What it costs to use the method, according to the sources.",
            label="Kostnad",
        ),
        Field(
            "cost_amount",
            Text(200),
            sv="Beloppet eller vad som betalas för, så som källan anger det.",
            en="The amount or what is paid for, as the source gives it.",
            label="Belopp eller vad som betalas",
            translated=True,
        ),
        Field(
            "cost_year",
            Integer(1900, 2100),
            sv="Året som beloppet eller priset gäller enligt källan.",
            en="Year the amount or price applies to, according to the source.",
            label="År som beloppet gäller",
        ),
        Field(
            "cost_source",
            Ref("source"),
            sv="Id för källan som anger kostnaden; obligatoriskt med cost, cost_amount eller cost_year.",
            en="Id of the source that gives the cost; required with cost, cost_amount or cost_year.",
            label="Källa för kostnaden",
        ),
        Field(
            "dosage",
            Text(300),
            sv="Hur mycket av metoden en grupp får: träffar, timmar, veckor, så som källorna anger det.",
            en="How much of the method a group gets: sessions, hours, weeks, as the sources give them.",
            label="Omfattning (träffar, timmar, veckor)",
            translated=True,
        ),
        Field(
            "dosage_source",
            Ref("source"),
            sv="Id för källan som anger omfattningen; obligatoriskt med dosage.",
            en="Id of the source that gives the dosage; required with dosage.",
            label="Källa för omfattningen",
        ),
        Field(
            "resources",
            Text(500),
            sv="Vad metoden kräver: tid, personer, pengar.",
            en="What the method takes: time, people, money.",
            label="Vad som krävs",
            translated=True,
        ),
        Field(
            "owner",
            Text(200),
            sv="Organisation som äger metoden eller kan kontaktas om den (en organisation, aldrig en privatperson).",
            en="Organisation that owns or can be contacted about the method (an organisation, never a private person).",
            label="Ägare eller kontakt",
        ),
        Field(
            "owner_url",
            Url(),
            sv="Organisationens offentliga webbadress (https://…).",
            en="Public web address of the owner or contact organisation (https://…).",
            label="Ägarens webbadress",
            example="https://mfj.se/",
        ),
        Field(
            "unstated",
            List(Term("method_fact")),
            sv="Uppgifter som de angivna källorna har kontrollerats för men inte anger (visas en gång som 'Källorna anger inte').",
            en="Facts the cited sources were checked for and do not give (shown once as 'the sources do not state').",
            label="Uppgifter som källorna inte anger",
            default=(),
        ),
        SOURCES,
        Field(
            "related_methods",
            List(Ref("method")),
            sv="Id:n för närliggande metoder.",
            en="Ids of related methods.",
            label="Relaterade metoder",
            default=(),
        ),
        REVIEWED,
    ),
)

ITEM_TYPES = (METHOD, CASE, MATERIAL)
