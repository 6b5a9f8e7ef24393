"""`new`: create the Swedish and English files of a method, case or material with every field present and explained."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from metodbanken.content.fielddocs import doc, load_vocabularies
from metodbanken.content.schema import CASE, MATERIAL, METHOD, NESTED_TYPES, SLUG_PATTERN, ContentType, Field
from metodbanken.content.values import slugify
from metodbanken.words.errors import Stop
from metodbanken.words.messages import phrase

TYPES = {"method": METHOD, "case": CASE, "material": MATERIAL}

# The body sections editors are asked to write, per type and language (headings as the published pages use them).
SECTIONS = {
    "method": {
        "sv": [
            ("Syfte", "Vad metoden ska uppnå."),
            ("Så går det till", "Hur metoden genomförs, steg för steg."),
            ("Vad som krävs", "Tid, personer, kunskap och pengar."),
            ("Erfarenheter", "Vad källorna säger om resultat och lärdomar."),
        ],
        "en": [
            ("Purpose", "What the method is meant to achieve."),
            ("How it is done", "How the method is carried out, step by step."),
            ("What it takes", "Time, people, knowledge and money."),
            ("Experiences", "What the sources say about results and lessons."),
        ],
    },
    "case": {
        "sv": [
            ("Vad gjordes", "Vilka som gjorde vad, när och längs vilka steg."),
            ("Resultat och lärdomar", "Vad arbetet ledde till och vad andra kan lära av det."),
        ],
        "en": [
            ("What was done", "Who did what, when and along which steps."),
            ("Results and lessons", "What the work led to and what others can learn from it."),
        ],
    },
    "material": {
        "sv": [("Innehåll", "Vad materialet innehåller."), ("Så använder du det", "När och hur materialet används.")],
        "en": [("Contents", "What the material contains."), ("How to use it", "When and how the material is used.")],
    },
}

_WORDS = {
    "sv": {
        "required": "obligatorisk",
        "optional": "valfri",
        "list": "en lista",
        "max": "högst {n} tecken",
        "min": "minst {n}",
        "values": "Tillåtna värden",
        "example": "Exempel",
        "default": "Standardvärde",
    },
    "en": {
        "required": "required",
        "optional": "optional",
        "list": "a list",
        "max": "at most {n} characters",
        "min": "at least {n}",
        "values": "Allowed values",
        "example": "Example",
        "default": "Default",
    },
}

_INTRO = {
    "sv": (
        "{what}. Fyll i fälten och texten nedanför den andra '---'-raden.",
        "Rader som börjar med # är förklaringar: de visas inte på webbplatsen och får stå kvar.",
        "Kontrollera med: python -m metodbanken check (eller se kontrollen i din pull request).",
    ),
    "en": (
        "English translation of {folder}/{id}.md. Only the translated fields belong here; the facts stay in the Swedish file.",
        "Lines starting with # are explanations: they are not shown on the site and may stay.",
        "Not translating now? Delete this file: the English page then shows the Swedish text with a notice.",
    ),
}
_ITEM = {"method": "status.method", "case": "status.case", "material": "status.material"}
_WHAT_SV = {"method": "Ny metod", "case": "Nytt exempel", "material": "Nytt material"}


@dataclass(frozen=True)
class Created:
    paths: tuple[Path, ...]


def new_item(root: Path, kind: str, item_id: str, *, today: date | None = None) -> Created:
    """Create <folder>/<id>.md and <folder>/<id>.en.md (and materials/<id>/ for a material); refuse bad or taken ids."""
    content_type = TYPES[kind]
    root = Path(root)
    if not re.match(SLUG_PATTERN, item_id):
        suggestion = slugify(item_id)
        raise Stop(
            phrase("new.invalid_id_example", id=item_id, slug=suggestion)
            if suggestion
            else phrase("new.invalid_id", id=item_id)
        )
    folder = root / content_type.folder
    sv_path, en_path = folder / f"{item_id}.md", folder / f"{item_id}.en.md"
    taken = [p for p in (sv_path, en_path) if p.exists()]
    if kind == "material" and (folder / item_id).exists():
        taken.append(folder / item_id)
    if taken:
        raise Stop(
            phrase(
                "new.taken", item=phrase(_ITEM[kind], id=item_id), files=[p.relative_to(root).as_posix() for p in taken]
            )
        )
    vocabularies = load_vocabularies(root)
    today = today or date.today()
    folder.mkdir(parents=True, exist_ok=True)
    sv_path.write_text(swedish_template(content_type, item_id, vocabularies, today=today), encoding="utf-8")
    en_path.write_text(english_template(content_type, item_id, vocabularies), encoding="utf-8")
    created = [sv_path, en_path]
    if kind == "material":
        files_dir = folder / item_id
        files_dir.mkdir()
        keep = files_dir / ".gitkeep"  # git keeps no empty folders; the editor uploads the material's files here
        keep.write_text("", encoding="utf-8")
        created.append(files_dir)
    return Created(tuple(created))


def swedish_template(content_type: ContentType, item_id: str, vocabularies: dict, *, today: date) -> str:
    lines = ["---", f"# yaml-language-server: $schema=../schemas/{content_type.name}.schema.json"]
    lines += ["# " + line.format(what=_WHAT_SV[content_type.name]) for line in _INTRO["sv"]]
    for field in content_type.fields:
        lines.append("")
        lines += _explain(field, "sv", content_type.name, vocabularies)
        lines.append(_initial(field, item_id, today=today))
    lines += ["---", _body(content_type.name, "sv")]
    return "\n".join(lines)


def english_template(content_type: ContentType, item_id: str, vocabularies: dict) -> str:
    lines = ["---", f"# yaml-language-server: $schema=../schemas/{content_type.name}.en.schema.json"]
    lines += ["# " + line.format(folder=content_type.folder, id=item_id) for line in _INTRO["en"]]
    for field in content_type.translated_fields:
        lines.append("")
        lines += _explain(field, "en", content_type.name, vocabularies)
        lines.append(f"{field.name}:")
    lines += ["---", _body(content_type.name, "en")]
    return "\n".join(lines)


def _explain(field: Field, language: str, type_name: str, vocabularies: dict) -> list[str]:
    words = _WORDS[language]
    facts = [words["required"] if field.required else words["optional"]]
    if field.is_list:
        facts.append(words["list"])
    if field.min_items:
        facts.append(words["min"].format(n=field.min_items))
    if field.max_length:
        facts.append(words["max"].format(n=field.max_length))
    text = f"{field.name} ({', '.join(facts)}): {doc(field, language, type_name=type_name)}"
    if field.vocabulary:
        values = vocabularies[field.vocabulary]["values"]
        text += (
            f" {words['values']}: " + ", ".join(f"{v} ({spec['label'][language]})" for v, spec in values.items()) + "."
        )
    elif field.kind == "steps":
        text += f" {words['values']}: 1, 2, 3, 4, 5."
    if field.kind == "objects":
        text += _explain_entries(field, language, vocabularies)
    elif field.example is not None and field.kind not in ("slug", "text"):
        example = (
            field.example if not isinstance(field.example, list) else "[" + ", ".join(map(str, field.example)) + "]"
        )
        if isinstance(field.example, dict):
            example = "{" + ", ".join(f'{key}: "{value}"' for key, value in field.example.items()) + "}"
        text += f" {words['example']}: {field.name}: {example}"
    lines = ["# " + line for line in textwrap.wrap(text, width=110, break_long_words=False, break_on_hyphens=False)]
    return lines + ["# " + line for line in _EXAMPLE_ENTRIES.get(field.name, {}).get(language, ())]


def _explain_entries(field: Field, language: str, vocabularies: dict) -> str:
    """What each entry of a list of objects holds: its fields (nested lists too) and their allowed values."""
    words = _WORDS[language]
    text = f" {words['example']}: [{{file: affisch.pdf, language: sv}}]." if field.name == "files" else ""
    type_name = NESTED_TYPES.get(field.name, field.name)
    for f in field.fields:
        text += f" {f.name}: {doc(f, language, type_name=type_name)}"
        if f.vocabulary:
            text += f" {f.name} – {words['values'].lower()}: " + ", ".join(vocabularies[f.vocabulary]["values"]) + "."
        if f.kind == "objects":
            text += _explain_entries(f, language, vocabularies)
    return text


# An entry written out, as a comment, for lists of objects whose shape is hard to guess (the format in CONTRIBUTING).
_EVALUATION_EXAMPLE = (
    "evaluations:",
    "  - source: id-i-sources-yml",
    "    read: summary",
    "    design: before-after",
    "    evaluator: independent",
    '    population: {sv: "Vilka, var, hur många, när.", en: "Who, where, how many, when."}',
    "    outcomes:",
    "      - {measure: violence, result: no-effect}",
    "      - {measure: attitudes, result: positive}",
    '    limits: {sv: "Vad utvärderingen inte kunde visa.", en: "What the evaluation could not show."}',
)
_EXAMPLE_ENTRIES = {
    "evaluations": {"sv": ("Till exempel:",) + _EVALUATION_EXAMPLE, "en": ("For example:",) + _EVALUATION_EXAMPLE}
}


def _initial(field: Field, item_id: str, *, today: date) -> str:
    """The field as it starts out: required fields empty (so `check` asks for them), optional ones at their default."""
    if field.name == "id":
        return f"id: {item_id}"
    if field.name == "last_reviewed":
        return f"last_reviewed: {today.isoformat()}"
    if field.is_list:
        return f"{field.name}: []"
    if field.default is not None:
        return f"{field.name}: {field.default}"
    return f"{field.name}:"


def _body(kind: str, language: str) -> str:
    parts = []
    for heading, guidance in SECTIONS[kind][language]:
        parts.append(f"## {heading}\n\n<!-- {guidance} -->\n")
    return "\n".join(parts)
