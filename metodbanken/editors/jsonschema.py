"""Export schema.py and vocabularies.yml as JSON Schema files in schemas/, for editors' YAML tools (autocomplete,
hints)."""

from __future__ import annotations

import json
from pathlib import Path

from metodbanken.content.fielddocs import doc, load_vocabularies
from metodbanken.content.schema import (
    CASE,
    MATERIAL,
    METHOD,
    NESTED_TYPES,
    SLUG_PATTERN,
    SOURCE,
    STEP,
    SYNONYM,
    TERM,
    ContentType,
    Field,
)

SCHEMA_DIR = "schemas"
REGENERATE = ".venv/bin/python -m metodbanken schemas"
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_ID_BASE = "https://metodbanken.example/schemas/"  # a stable identifier only; never fetched


def _description(field: Field, type_name: str) -> str:
    return f"{doc(field, 'sv', type_name=type_name)} — {field.doc}"


def field_schema(field: Field, vocabularies: dict, *, type_name: str) -> dict:
    """The JSON Schema of one field's value."""
    kind = field.kind
    if kind in ("term", "terms"):
        values = vocabularies[field.vocabulary]["values"]
        item = {
            "type": "string",
            "enum": list(values),
            "markdownEnumDescriptions": [f"{spec['label']['sv']} — {spec['label']['en']}" for spec in values.values()],
        }
    elif kind in ("ref", "refs", "slug"):
        item = {"type": "string", "pattern": SLUG_PATTERN}
    elif kind in ("steps",):
        item = {"type": "integer", "minimum": 1, "maximum": 5}
    elif kind == "integer":
        item = {"type": "integer"}
        if field.minimum is not None:
            item["minimum"] = field.minimum
        if field.maximum is not None:
            item["maximum"] = field.maximum
    elif kind == "date":
        item = {"type": "string", "pattern": _DATE_PATTERN, "format": "date"}
    elif kind == "url":
        item = {"type": "string", "pattern": r"^https?://", "format": "uri"}
    elif kind == "localized":
        item = {
            "type": "object",
            "additionalProperties": False,
            "required": ["sv"],
            "properties": {
                "sv": {"type": "string", "minLength": 1, "description": "Svenska — Swedish"},
                "en": {"type": "string", "description": "Engelska — English"},
            },
        }
    elif kind == "objects":
        item = _object_schema(field.fields, vocabularies, type_name=NESTED_TYPES.get(field.name, field.name))
    else:  # text, markdown, strings
        item = {"type": "string", "minLength": 1}
        if field.max_length:
            item["maxLength"] = field.max_length
    if field.is_list:
        schema = {"type": "array", "items": item}
        if field.min_items:
            schema["minItems"] = field.min_items
        if kind != "objects":
            schema["uniqueItems"] = True
    else:
        schema = item
    schema = {"description": _description(field, type_name), **schema}
    if field.default not in (None, ()):
        schema["default"] = list(field.default) if isinstance(field.default, tuple) else field.default
    if field.example is not None:
        schema["examples"] = [field.example]
    return schema


def _object_schema(
    fields: tuple[Field, ...], vocabularies: dict, *, type_name: str, only: set[str] | None = None
) -> dict:
    chosen = [f for f in fields if only is None or f.name in only]
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in chosen if f.required],
        "properties": {f.name: field_schema(f, vocabularies, type_name=type_name) for f in chosen},
    }


def _document(name: str, title: str, body: dict) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{_ID_BASE}{name}.schema.json",
        "title": title,
        **body,
    }


def _item_schemas(content_type: ContentType, vocabularies: dict) -> dict[str, dict]:
    translated = {f.name for f in content_type.translated_fields}
    folder = content_type.folder
    sv = _document(
        content_type.name,
        f"Metodbanken {content_type.name}: the Swedish file {folder}/<id>.md (front matter)",
        _object_schema(content_type.fields, vocabularies, type_name=content_type.name),
    )
    en = _document(
        f"{content_type.name}.en",
        f"Metodbanken {content_type.name}: the English file {folder}/<id>.en.md (front matter)",
        _object_schema(content_type.fields, vocabularies, type_name=content_type.name, only=translated),
    )
    return {content_type.name: sv, f"{content_type.name}.en": en}


def build_schemas(root: Path) -> dict[str, dict]:
    """{schema name: JSON Schema} for every content file kind; names match the files' yaml-language-server hints."""
    vocabularies = load_vocabularies(root)
    schemas: dict[str, dict] = {}
    for content_type in (METHOD, CASE, MATERIAL):
        schemas.update(_item_schemas(content_type, vocabularies))
    schemas["step"] = _document(
        "step",
        "Metodbanken step and checklist: checklists/<step>-<slug>.yml",
        _object_schema(STEP.fields, vocabularies, type_name="step"),
    )
    schemas["glossary"] = _document(
        "glossary",
        "Metodbanken glossary: glossary.yml",
        {"type": "array", "items": _object_schema(TERM.fields, vocabularies, type_name="term")},
    )
    schemas["synonyms"] = _document(
        "synonyms",
        "Metodbanken search words: synonyms.yml",
        {"type": "array", "items": _object_schema(SYNONYM.fields, vocabularies, type_name="synonym")},
    )
    schemas["sources"] = _document(
        "sources",
        "Metodbanken sources: sources.yml (source id: its title, publisher, year, url)",
        {
            "type": "object",
            "propertyNames": {"pattern": SLUG_PATTERN},
            "additionalProperties": _object_schema(SOURCE.fields, vocabularies, type_name="source"),
        },
    )
    return schemas


def render_schemas(root: Path) -> dict[str, str]:
    """{file name in schemas/: its text}."""
    return {
        f"{name}.schema.json": json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        for name, schema in build_schemas(root).items()
    }


def write_schemas(root: Path) -> list[str]:
    """Write schemas/*.schema.json when changed and remove stale ones; returns the names changed."""
    folder = Path(root) / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    wanted = render_schemas(root)
    changed = []
    for name, text in wanted.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    for path in folder.glob("*.schema.json"):
        if path.name not in wanted:
            path.unlink()
            changed.append(path.name)
    return changed


def stale_schemas(root: Path) -> list[str]:
    """Names of schema files that are missing, outdated or no longer generated."""
    folder = Path(root) / SCHEMA_DIR
    wanted = render_schemas(root)
    stale = [
        name
        for name, text in wanted.items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
    ]
    stale += [p.name for p in folder.glob("*.schema.json") if p.name not in wanted] if folder.is_dir() else []
    return sorted(stale)
