"""Export schema.py and vocabularies.yml as JSON Schema files in schemas/, for editors' YAML tools (autocomplete,
hints)."""

from __future__ import annotations

import json
from pathlib import Path

from metodbanken.content.containers import object_schema
from metodbanken.content.schema import CASE, MATERIAL, METHOD, SLUG_PATTERN, SOURCE, STEP, SYNONYM, TERM, ContentType
from metodbanken.content.vocabularies import load_vocabularies

SCHEMA_DIR = "schemas"
REGENERATE = ".venv/bin/python -m metodbanken schemas"
_ID_BASE = "https://metodbanken.example/schemas/"  # a stable identifier only; never fetched


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
        object_schema(content_type.fields, vocabularies),
    )
    en = _document(
        f"{content_type.name}.en",
        f"Metodbanken {content_type.name}: the English file {folder}/<id>.en.md (front matter)",
        object_schema(content_type.fields, vocabularies, only=translated),
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
        object_schema(STEP.fields, vocabularies),
    )
    schemas["glossary"] = _document(
        "glossary",
        "Metodbanken glossary: glossary.yml",
        {"type": "array", "items": object_schema(TERM.fields, vocabularies)},
    )
    schemas["synonyms"] = _document(
        "synonyms",
        "Metodbanken search words: synonyms.yml",
        {"type": "array", "items": object_schema(SYNONYM.fields, vocabularies)},
    )
    schemas["sources"] = _document(
        "sources",
        "Metodbanken sources: sources.yml (source id: its title, publisher, year, url)",
        {
            "type": "object",
            "propertyNames": {"pattern": SLUG_PATTERN},
            "additionalProperties": object_schema(SOURCE.fields, vocabularies),
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
