"""The JSON Schema files editors' tools use: up to date, named as the files' hints say, and accepting all valid content."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
from sitekit import FIXTURES, REPO

from metodbanken.content.reading import read_markdown, read_yaml
from metodbanken.content.schema import CASE, MATERIAL, MATERIAL_FILE, METHOD, QUESTION, SOURCE, STEP, TERM
from metodbanken.editors.jsonschema import REGENERATE, build_schemas, stale_schemas
from metodbanken.words.errors import ErrorCollector

_HINT = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")


def test_committed_schemas_are_up_to_date():
    stale = stale_schemas(REPO)
    assert (
        not stale
    ), f"schemas/ is out of date ({', '.join(stale)}). Regenerate it with `{REGENERATE}` and commit schemas/."


def test_every_field_has_a_swedish_explanation():
    fields = [f for t in (METHOD, CASE, MATERIAL, STEP, TERM, SOURCE) for f in t.fields] + list(
        MATERIAL_FILE + QUESTION
    )
    assert (
        sorted(f.name for f in fields if not f.sv.strip()) == []
    ), "add the Swedish explanation (sv=) to the field in metodbanken/content/schema.py"


def _content_files(root: Path):
    """(path, schema name, data) of every content file in a bank."""
    errors = ErrorCollector()
    for folder, name in (("methods", "method"), ("cases", "case"), ("materials", "material")):
        for path in sorted((root / folder).glob("*.md")):
            record = read_markdown(path, name=path.name, errors=errors)
            yield path, f"{name}.en" if path.name.endswith(".en.md") else name, record.data
    for path in sorted((root / "checklists").glob("*.yml")):
        yield path, "step", read_yaml(path, name=path.name, errors=errors).data
    for name, schema in (("glossary.yml", "glossary"), ("sources.yml", "sources")):
        if (root / name).exists():
            yield root / name, schema, read_yaml(root / name, name=name, errors=errors).data
    assert not errors.errors, errors.errors


def _jsonable(value):
    """The parser keeps dates as text, as the schema expects; make sure nothing else slips through."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


@pytest.mark.parametrize("root", [REPO, FIXTURES / "bank"], ids=["real bank", "fixture bank"])
def test_every_valid_content_file_matches_its_schema(root):
    schemas = build_schemas(REPO)
    problems = []
    for path, name, data in _content_files(root):
        validator = jsonschema.Draft202012Validator(schemas[name])
        problems += [
            f"{path.relative_to(root)}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(_jsonable(data))
        ]
    assert problems == []


def test_schema_rejects_what_the_validator_rejects():
    schema = build_schemas(REPO)["method"]
    validator = jsonschema.Draft202012Validator(schema)
    good = {"id": "ny", "title": "T", "summary": "S", "steps": [1], "sources": ["k"], "last_reviewed": "2026-01-01"}
    assert not list(validator.iter_errors(good))
    for bad in ({"arenas": ["skolan"]}, {"steps": [6]}, {"id": "Ny metod"}, {"titel": "T"}, {"last_reviewed": "1 jan"}):
        assert list(validator.iter_errors({**good, **bad})), bad
    assert "skola" in schema["properties"]["arenas"]["items"]["enum"]  # values come from vocabularies.yml


def test_the_hints_in_content_files_name_schemas_that_exist():
    names = {f"{n}.schema.json" for n in build_schemas(REPO)}
    hints = []
    for path in [
        *REPO.glob("methods/*.md"),
        *REPO.glob("cases/*.md"),
        *REPO.glob("materials/*.md"),
        *REPO.glob("checklists/*.yml"),
        REPO / "glossary.yml",
        REPO / "sources.yml",
    ]:
        match = _HINT.search(path.read_text(encoding="utf-8")[:500])
        if match:
            hints.append((path, match.group(1)))
            assert (path.parent / match.group(1)).resolve() == (
                REPO / "schemas" / Path(match.group(1)).name
            ).resolve(), path
            assert Path(match.group(1)).name in names, f"{path}: no schema {match.group(1)}"
    assert hints
