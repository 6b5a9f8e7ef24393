"""The fields of cases, materials, steps with their checklists, glossary terms, search words and sources (methods
are in schema.py, which every reader imports them from)."""

from __future__ import annotations

from metodbanken.content.containers import List, Localized, Records
from metodbanken.content.field import ID, REVIEWED, SOURCES, STEPS, SUMMARY, TITLE, ContentType, Field
from metodbanken.content.kinds import Date, Ref, Slug, Term, Text, Url
from metodbanken.content.model import Case, Material
from metodbanken.content.numbers import Integer

_MATERIALS = "materials"  # the materials' folder, where their files are uploaded too

CASE = ContentType(
    name="case",
    folder="cases",
    section="exempel",
    model=Case,
    collection="cases",
    item_phrase="status.case",
    count_phrases=("count.cases.one", "count.cases.other"),
    body=True,
    fields=(
        ID,
        TITLE,
        SUMMARY,
        Field(
            "organisations",
            List(Text(), min_items=1),
            sv="Kommuner, län och samarbetspartner som gjorde arbetet.",
            en="Municipalities, county and partners who did the work.",
            label="Vilka (kommuner, län, partner)",
            required=True,
        ),
        Field("region", Text(120), sv="Län eller region.", en="County or region.", label="Län eller region"),
        Field(
            "start_year", Integer(1900, 2100), sv="År då arbetet började.", en="Year the work started.", label="Startår"
        ),
        Field(
            "end_year",
            Integer(1900, 2100),
            sv="År då arbetet slutade (utelämna om det pågår).",
            en="Year the work ended (leave out if it is ongoing).",
            label="Slutår",
        ),
        STEPS,
        Field(
            "methods",
            List(Ref("method")),
            sv="Id:n för metoderna som exemplet använde.",
            en="Ids of the methods the case used.",
            label="Metoder",
            default=(),
        ),
        SOURCES,
        REVIEWED,
    ),
)

MATERIAL_FILE = (
    Field(
        "file",
        Text(),
        sv="Filnamnet i materials/<id>/.",
        en="File name inside materials/<id>/.",
        label="Fil",
        required=True,
        form={"widget": "file", "media_folder": f"/{_MATERIALS}/{{{{slug}}}}", "public_folder": ""},
    ),
    Field("language", Term("language"), sv="Filens språk.", en="Language of the file.", label="Språk", required=True),
)

MATERIAL = ContentType(
    name="material",
    folder=_MATERIALS,
    section="material",
    model=Material,
    collection="materials",
    item_phrase="status.material",
    count_phrases=("count.materials.one", "count.materials.other"),
    body=True,
    fields=(
        ID,
        TITLE,
        SUMMARY,
        Field(
            "type",
            Term("material_type"),
            sv="Typ av material.",
            en="Kind of material.",
            label="Typ av material",
            required=True,
        ),
        Field(
            "licence",
            Term("licence"),
            sv="Licensen som anger hur andra får använda materialet.",
            en="Licence under which others may use the material.",
            label="Licens",
            required=True,
        ),
        STEPS,
        Field(
            "methods",
            List(Ref("method")),
            sv="Id:n för metoderna som materialet stöder.",
            en="Ids of the methods the material supports.",
            label="Metoder",
            default=(),
        ),
        Field(
            "files",
            List(Records(MATERIAL_FILE, "material_file", example="[{file: affisch.pdf, language: sv}]"), min_items=1),
            sv="De nedladdningsbara filerna, som ligger i materials/<id>/.",
            en="The downloadable files, stored in materials/<id>/.",
            label="Filer",
            required=True,
        ),
        SOURCES,
        REVIEWED,
    ),
)

QUESTION = (
    Field(
        "id",
        Slug(),
        sv="Stabilt id för frågan; det blir ankaret #<id>.",
        en="Stable id of the question; it becomes the anchor #<id>.",
        label="Id (blir filnamnet och adressen)",
        required=True,
    ),
    Field(
        "text",
        Localized(),
        sv="Frågan på svenska (sv) och engelska (en).",
        en="The question in Swedish (sv) and English (en).",
        required=True,
    ),
    Field(
        "source",
        Ref("source"),
        sv="Id för källan som frågan kommer från.",
        en="Id of the source the question comes from.",
        required=True,
    ),
    Field(
        "origin",
        Term("checklist_origin"),
        sv="'handbook' om frågan är handbokens egen, 'sources' om banken har formulerat den utifrån källorna. Utelämna för att använda stegets checklist_origin.",
        en="'handbook' if the question is the handbook's own, 'sources' if the bank wrote it from the sources. Leave out to use the step's checklist_origin.",
    ),
    Field(
        "methods",
        List(Ref("method")),
        sv="Id:n för metoder som hjälper till att besvara frågan.",
        en="Ids of methods that help answer the question.",
        label="Metoder",
        default=(),
    ),
    Field(
        "materials",
        List(Ref("material")),
        sv="Id:n för material som hjälper till att besvara frågan.",
        en="Ids of materials that help answer the question.",
        label="Material",
        default=(),
    ),
)

STEP = ContentType(
    name="step",
    folder="checklists",
    section="steg",
    body=False,
    fields=(
        Field("step", Integer(1, 5), sv="Stegets nummer, 1–5.", en="Step number, 1–5.", required=True),
        Field(
            "slug",
            Slug(),
            sv="Läsbar del av stegets adress: /steg/<steg>-<slug>/.",
            en="Readable part of the step's address: /steg/<step>-<slug>/.",
            required=True,
        ),
        Field(
            "title",
            Localized(),
            sv="Stegets titel på svenska (sv) och engelska (en).",
            en="Step title in Swedish (sv) and English (en).",
            label="Titel",
            required=True,
        ),
        Field(
            "intro",
            Localized(markdown=True),
            sv="Inledning (Markdown): vad steget är till för, vad det ger och vilka som deltar.",
            en="Introduction (Markdown): what the step is for, what it produces, who takes part.",
            required=True,
        ),
        Field(
            "checklist_origin",
            Term("checklist_origin"),
            sv="'handbook' om frågorna är handbokens egen checklista, 'sources' om banken har formulerat dem utifrån källorna.",
            en="'handbook' if the questions are the handbook's own checklist, 'sources' if the bank drew them from the sources.",
            required=True,
        ),
        Field(
            "questions",
            List(Records(QUESTION, "question"), min_items=1),
            sv="Checklistans frågor.",
            en="The checklist questions.",
            required=True,
        ),
        Field(
            "sources",
            List(Ref("source"), min_items=1),
            sv="Id:n för källorna bakom inledningen.",
            en="Ids of the sources behind the introduction.",
            label="Källor",
            required=True,
        ),
    ),
)

TERM = ContentType(
    name="term",
    folder=".",
    body=False,
    fields=(
        Field(
            "id",
            Slug(),
            sv="Stabilt id; det blir ankaret /begrepp/#<id>.",
            en="Stable id; it becomes the anchor /begrepp/#<id>.",
            label="Id (blir filnamnet och adressen)",
            required=True,
        ),
        Field(
            "term",
            Localized(),
            sv="Begreppet på svenska (sv) och engelska (en).",
            en="The term in Swedish (sv) and English (en).",
            label="Begrepp",
            required=True,
        ),
        Field(
            "definition",
            Localized(markdown=True),
            sv="Definition (Markdown) på svenska (sv) och engelska (en).",
            en="Definition (Markdown) in Swedish (sv) and English (en).",
            label="Definition",
            required=True,
        ),
        Field(
            "sources",
            List(Ref("source")),
            sv="Id:n för källorna som definierar eller använder begreppet.",
            en="Ids of the sources that define or use the term.",
            label="Källor",
            default=(),
        ),
    ),
)

SYNONYM = ContentType(
    name="synonym",
    folder=".",
    body=False,
    fields=(
        Field(
            "language",
            Term("language"),
            sv="Ordens språk (sv eller en).",
            en="Language of the words (sv or en).",
            label="Språk",
            required=True,
        ),
        Field(
            "word",
            Text(60),
            sv="Ett ord som läsare söker på men som banken inte använder (gemener).",
            en="A word readers search for that the bank does not use (lower case).",
            required=True,
            example="förövare",
        ),
        Field(
            "finds",
            List(Text(), min_items=1),
            sv="Bankens egna ord som en sökning på ordet också ska hitta.",
            en="The bank's own words that a search for the word should also find.",
            required=True,
            example=["våldsutövare"],
        ),
    ),
)

SOURCE = ContentType(
    name="source",
    folder=".",
    body=False,
    fields=(
        Field("title", Text(), sv="Källans titel.", en="Title of the source.", label="Titel", required=True),
        Field("publisher", Text(), sv="Vem som gav ut källan.", en="Who published it.", label="Utgivare"),
        Field("year", Integer(1900, 2100), sv="Utgivningsår.", en="Year of publication.", label="År"),
        Field("url", Url(), sv="Webbadress (https://…).", en="Web address (https://…).", label="Webbadress"),
        Field(
            "accessed",
            Date(),
            sv="Datum då adressen senast lästes (ÅÅÅÅ-MM-DD).",
            en="Date the address was last read (YYYY-MM-DD).",
            label="Läst",
            example="2026-11-23",
        ),
        Field(
            "note",
            Localized(),
            sv="En anteckning på svenska (sv) och engelska (en).",
            en="A note in Swedish (sv) and English (en).",
            label="Anteckning",
        ),
        Field(
            "language",
            Term("language"),
            sv="Källans språk (titeln märks med det på sidor på det andra språket).",
            en="Language of the source (its title is marked with it on pages in the other language).",
            label="Språk",
            default="sv",
        ),
    ),
)
