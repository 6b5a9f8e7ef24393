"""What each content field means, for editors in Swedish and English (used by templates, JSON Schema and CONTRIBUTING)."""

from __future__ import annotations

from pathlib import Path

import yaml

from metodbanken.content.schema import BUILTIN_VOCABULARIES, Field
from metodbanken.words.messages import Text

# Swedish explanations of every field in schema.py, by field name. English comes from Field.doc.
# A test fails when a field in schema.py has no Swedish explanation here.
FIELD_DOCS_SV = {
    "id": "Stabilt id: små ASCII-bokstäver, siffror och bindestreck (å, ä → a; ö → o). Samma som filnamnet. Ändra det aldrig när sidan är publicerad.",
    "title": "Titeln som visas på sidan och i listor.",
    "summary": "En eller två meningar (högst 300 tecken) som visas i listor och sökresultat.",
    "steps": "De steg i Inget att vänta på (1–5) som innehållet hör till.",
    "prevention_levels": "De preventionsnivåer metoden verkar på.",
    "violence_forms": "De våldsformer metoden riktar sig mot.",
    "arenas": "De arenor där metoden genomförs.",
    "target_groups": "Vilka metoden riktar sig till.",
    "approaches": "Social och/eller situationell prevention.",
    "gender_transformative": "Om källorna beskriver en genusförändrande ansats.",
    "evaluations": "De utvärderingar som källorna redovisar, en post för varje (bankens två omdömen räknas fram ur dem; ingen skriver in ett omdöme).",
    "evaluations_searched": "Vad som söktes efter utvärderingar, var och med vilket resultat (sv och en). Obligatoriskt när evaluations är tomt.",
    "evaluations_searched_on": "Datum för sökningen (ÅÅÅÅ-MM-DD); obligatoriskt med evaluations_searched.",
    "age_min": "Lägsta ålder i år som källorna anger.",
    "age_max": "Högsta ålder i år som källorna anger.",
    "school_stages": "Skolstadier (eller vuxna) som källorna nämner.",
    "ages_source": "Id för källan som anger åldrarna eller skolstadierna; obligatoriskt med age_min, age_max eller school_stages.",
    "cost": "Vad det kostar att använda metoden enligt källorna.",
    "cost_amount": "Beloppet eller vad som betalas för, så som källan anger det.",
    "cost_year": "Året som beloppet eller priset gäller enligt källan.",
    "cost_source": "Id för källan som anger kostnaden; obligatoriskt med cost, cost_amount eller cost_year.",
    "dosage": "Hur mycket av metoden en grupp får: träffar, timmar, veckor, så som källorna anger det.",
    "dosage_source": "Id för källan som anger omfattningen; obligatoriskt med dosage.",
    "read": "Vad vi läste av utvärderingen.",
    "design": "Utvärderingens upplägg.",
    "evaluator": "Vem som utvärderade: oberoende av metodens utvecklare eller inte.",
    "population": "Vilka, var, hur många och när (sv och en).",
    "outcomes": "Vad utvärderingen mätte och vad den fann för varje mått (minst ett).",
    "limits": "Vad utvärderingen inte kunde visa (sv och en).",
    "measure": "Vad utvärderingen mätte.",
    "result": "Vad den fann för det måttet.",
    "resources": "Vad metoden kräver: tid, personer, pengar.",
    "owner": "Organisation som äger metoden eller kan kontaktas om den (en organisation, aldrig en privatperson).",
    "owner_url": "Organisationens offentliga webbadress (https://…).",
    "unstated": "Uppgifter som de angivna källorna har kontrollerats för men inte anger (visas en gång som 'Källorna anger inte').",
    "accessed": "Datum då adressen senast lästes (ÅÅÅÅ-MM-DD).",
    "origin": "'handbook' om frågan är handbokens egen, 'sources' om banken har formulerat den utifrån källorna. Utelämna för att använda stegets checklist_origin.",
    "sources": "Id:n för källorna i sources.yml som stöder uppgifterna.",
    "related_methods": "Id:n för närliggande metoder.",
    "last_reviewed": "Datum då innehållet senast kontrollerades mot källorna (ÅÅÅÅ-MM-DD).",
    "organisations": "Kommuner, län och samarbetspartner som gjorde arbetet.",
    "region": "Län eller region.",
    "start_year": "År då arbetet började.",
    "end_year": "År då arbetet slutade (utelämna om det pågår).",
    "methods": "Id:n för metoder som innehållet använder eller stöder.",
    "materials": "Id:n för material som hör till innehållet.",
    "type": "Typ av material.",
    "licence": "Licensen som anger hur andra får använda materialet.",
    "files": "De nedladdningsbara filerna, som ligger i materials/<id>/.",
    "file": "Filnamnet i materials/<id>/.",
    "language": "Filens språk.",
    "step": "Stegets nummer, 1–5.",
    "slug": "Läsbar del av stegets adress: /steg/<steg>-<slug>/.",
    "intro": "Inledning (Markdown): vad steget är till för, vad det ger och vilka som deltar.",
    "checklist_origin": "'handbook' om frågorna är handbokens egen checklista, 'sources' om banken har formulerat dem utifrån källorna.",
    "questions": "Checklistans frågor.",
    "text": "Frågan på svenska (sv) och engelska (en).",
    "source": "Id för källan som frågan kommer från.",
    "term": "Begreppet på svenska (sv) och engelska (en).",
    "definition": "Definition (Markdown) på svenska (sv) och engelska (en).",
    "publisher": "Vem som gav ut källan.",
    "year": "Utgivningsår.",
    "url": "Webbadress (https://…).",
    "note": "En anteckning på svenska (sv) och engelska (en).",
}

# Some names mean different things in different types; these override FIELD_DOCS_SV per content type.
FIELD_DOCS_SV_BY_TYPE = {
    ("step", "title"): "Stegets titel på svenska (sv) och engelska (en).",
    ("step", "sources"): "Id:n för källorna bakom inledningen.",
    ("term", "id"): "Stabilt id; det blir ankaret /begrepp/#<id>.",
    ("term", "sources"): "Id:n för källorna som definierar eller använder begreppet.",
    ("source", "title"): "Källans titel.",
    ("source", "language"): "Källans språk (titeln märks med det på sidor på det andra språket).",
    ("case", "methods"): "Id:n för metoderna som exemplet använde.",
    ("material", "methods"): "Id:n för metoderna som materialet stöder.",
    ("evaluation", "source"): "Id i sources.yml för själva utvärderingsrapporten, eller för sidan där den lästes.",
    ("question", "id"): "Stabilt id för frågan; det blir ankaret #<id>.",
    ("question", "methods"): "Id:n för metoder som hjälper till att besvara frågan.",
    ("question", "materials"): "Id:n för material som hjälper till att besvara frågan.",
    ("synonym", "language"): "Ordens språk (sv eller en).",
    ("synonym", "word"): "Ett ord som läsare söker på men som banken inte använder (gemener).",
    ("synonym", "finds"): "Bankens egna ord som en sökning på ordet också ska hitta.",
}


def doc(field: Field, language: str, *, type_name: str = "") -> str:
    """The field's explanation in 'sv' or 'en'."""
    if language == "en":
        return field.doc
    return FIELD_DOCS_SV_BY_TYPE.get((type_name, field.name)) or FIELD_DOCS_SV[field.name]


def doc_text(field: Field, type_name: str) -> Text:
    """The field's explanation in both languages, as a value inside an error message."""
    return Text(doc(field, "sv", type_name=type_name), doc(field, "en", type_name=type_name))


def load_vocabularies(root: Path) -> dict[str, dict]:
    """{vocabulary: {"label": {sv, en}, "values": {value: {"label": {sv, en}, "description": ...}}}} incl. built-in ones.

    Read straight from vocabularies.yml (not through the validator) so that generators work in a fixed, simple way.
    """
    data = yaml.safe_load((Path(root) / "vocabularies.yml").read_text(encoding="utf-8")) or {}
    vocabularies = {
        name: {"label": spec.get("label") or {"sv": name, "en": name}, "values": spec.get("values") or {}}
        for name, spec in data.items()
        if isinstance(spec, dict)
    }
    vocabularies.update(BUILTIN_VOCABULARIES)
    return vocabularies
