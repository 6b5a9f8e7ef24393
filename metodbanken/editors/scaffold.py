"""`new`: create the Swedish and English files of a method, case or material with every field present and explained."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from metodbanken.content.kinds import EXAMPLE, slugify
from metodbanken.content.schema import ITEM_TYPES, SLUG_PATTERN, ContentType, Field
from metodbanken.content.vocabularies import load_vocabularies
from metodbanken.words.errors import Stop
from metodbanken.words.messages import phrase

TYPES = {t.name: t for t in ITEM_TYPES}

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
    "sv": {"required": "obligatorisk", "optional": "valfri"},
    "en": {"required": "required", "optional": "optional"},
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
                "new.taken",
                item=phrase(content_type.item_phrase, id=item_id),
                files=[p.relative_to(root).as_posix() for p in taken],
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
        lines += _explain(field, "sv", vocabularies)
        lines.append(_initial(field, item_id, today=today))
    lines += ["---", _body(content_type.name, "sv")]
    return "\n".join(lines)


def english_template(content_type: ContentType, item_id: str, vocabularies: dict) -> str:
    lines = ["---", f"# yaml-language-server: $schema=../schemas/{content_type.name}.en.schema.json"]
    lines += ["# " + line.format(folder=content_type.folder, id=item_id) for line in _INTRO["en"]]
    for field in content_type.translated_fields:
        lines.append("")
        lines += _explain(field, "en", vocabularies)
        lines.append(f"{field.name}:")
    lines += ["---", _body(content_type.name, "en")]
    return "\n".join(lines)


def _explain(field: Field, language: str, vocabularies: dict) -> list[str]:
    """The comment above a field: required or not, the kind's facts, the explanation, allowed values and an example."""
    facts = [_WORDS[language]["required" if field.required else "optional"]] + field.kind.facts(language)
    text = f"{field.name} ({', '.join(facts)}): {field.doc(language)}" + field.kind.explain(language, vocabularies)
    if field.example is not None and field.kind.comment_example:
        example = (
            field.example if not isinstance(field.example, list) else "[" + ", ".join(map(str, field.example)) + "]"
        )
        if isinstance(field.example, dict):
            example = "{" + ", ".join(f'{key}: "{value}"' for key, value in field.example.items()) + "}"
        text += f" {EXAMPLE[language]}: {field.name}: {example}"
    lines = ["# " + line for line in textwrap.wrap(text, width=110, break_long_words=False, break_on_hyphens=False)]
    return lines + ["# " + line for line in _EXAMPLE_ENTRIES.get(field.name, {}).get(language, ())]


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
    if field.default_today:
        return f"{field.name}: {today.isoformat()}"
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
