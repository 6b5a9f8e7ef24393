"""Open data: the methods, cases and materials as JSON and CSV per language, with a JSON Schema and a licence."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Mapping

from metodbanken.content import places
from metodbanken.content.evidence import RESULTS
from metodbanken.content.model import Bank, Case, Material, Method

LICENCE = {
    "sv": "Datan får användas fritt enligt Creative Commons Erkännande 4.0 (CC BY 4.0): ange Metodbanken som källa. "
    "Källorna som varje post bygger på anges i fältet sources.\nhttps://creativecommons.org/licenses/by/4.0/deed.sv\n",
    "en": "The data may be used freely under Creative Commons Attribution 4.0 (CC BY 4.0): credit Metodbanken. "
    "The sources each record rests on are listed in its sources field.\nhttps://creativecommons.org/licenses/by/4.0/\n",
}
METHOD_FACETS = (
    ("prevention_levels", "prevention_level"),
    ("violence_forms", "violence_form"),
    ("arenas", "arena"),
    ("target_groups", "target_group"),
    ("approaches", "approach"),
)


def _common(bank: Bank, item, language: str, kind: str) -> dict:
    return {
        "id": item.id,
        "url": places.item_path(kind, item.id),
        "title": item.title.get(language),
        "summary": item.summary.get(language),
        "translated": not item.title.is_fallback(language),
        "steps": list(item.steps),
        "sources": [
            {
                "id": s,
                "title": bank.sources[s].title,
                "publisher": bank.sources[s].publisher,
                "year": bank.sources[s].year,
                "url": bank.sources[s].url,
            }
            for s in (item.cited_sources() if isinstance(item, Method) else item.sources)
        ],
        "last_reviewed": item.last_reviewed.isoformat(),
    }


def method_record(bank: Bank, m: Method, language: str) -> dict:
    record = _common(bank, m, language, "method")
    for attr, vocab in METHOD_FACETS:
        record[attr] = [{"value": v, "label": bank.vocabularies[vocab].label_of(v, language)} for v in getattr(m, attr)]

    def term(vocabulary: str, value):
        return (
            None
            if value is None
            else {"value": value, "label": bank.vocabularies[vocabulary].label_of(str(value), language)}
        )

    def text(value):
        return value.get(language) if value is not None else None

    record["gender_transformative"] = term("gender_transformative", m.gender_transformative)
    # The two ratings, derived from the records by the rule on the about page (metodbanken/content/evidence.py);
    # never typed.
    record["evidence_strength"] = term("evidence_strength", m.evidence_strength)
    record["evidence_result"] = term("evidence_result", m.evidence_result)
    record["evaluations"] = [
        {
            "source": e.source,
            "read": term("evaluation_read", e.read),
            "design": term("evaluation_design", e.design),
            "evaluator": term("evaluator", e.evaluator),
            "level": e.level,
            "population": text(e.population),
            "outcomes": [
                {"measure": term("outcome_measure", o.measure), "result": term("outcome_result", o.result)}
                for o in e.outcomes
            ],
            "limits": text(e.limits),
        }
        for e in m.evaluations
    ]
    record["evaluations_searched"] = text(m.evaluations_searched)
    record["evaluations_searched_on"] = m.evaluations_searched_on.isoformat() if m.evaluations_searched_on else None
    record.update(
        age_min=m.age_min,
        age_max=m.age_max,
        school_stages=[term("school_stage", v) for v in m.school_stages],
        ages_source=m.ages_source,
        cost=term("cost", m.cost),
        cost_amount=text(m.cost_amount),
        cost_year=m.cost_year,
        cost_source=m.cost_source,
        dosage=text(m.dosage),
        dosage_source=m.dosage_source,
    )
    record["resources"] = text(m.resources)
    record["owner"] = m.owner
    record["owner_url"] = m.owner_url
    record["unstated"] = [term("method_fact", v) for v in m.unstated]
    record["related_methods"] = list(m.related_methods)
    return record


_LEVEL = {"sv": "nivå", "en": "level"}


def _evaluation_cell(evaluation: dict, language: str) -> str:
    """One evaluation in one CSV cell: design (level), evaluator, what we read: measure result, … [source]."""
    outcomes = ", ".join(f"{o['measure']['label']} {o['result']['label'].lower()}" for o in evaluation["outcomes"])
    return (
        f"{evaluation['design']['label']} ({_LEVEL[language]} {evaluation['level']}), "
        f"{evaluation['evaluator']['label']}, "
        f"{evaluation['read']['label']}: {outcomes} [{evaluation['source']}]"
    )


def case_record(bank: Bank, c: Case, language: str) -> dict:
    record = _common(bank, c, language, "case")
    record.update(
        organisations=list(c.organisations),
        region=c.region,
        start_year=c.start_year,
        end_year=c.end_year,
        methods=list(c.methods),
    )
    return record


def material_record(bank: Bank, m: Material, language: str, *, files: tuple | None = None) -> dict:
    """files: every file the material's page offers (documents.Download, the generated ones included); default: the
    editors' own files. A generated file names what it is made from (generated_from), an editor's file null."""
    record = _common(bank, m, language, "material")
    record.update(
        type={"value": m.type, "label": bank.vocabularies["material_type"].label_of(m.type, language)},
        licence=m.licence,
        methods=list(m.methods),
        files=[
            {
                "file": f.file,
                "url": places.download_path(m.id, f.file),
                "format": f.format,
                "bytes": f.size,
                "language": f.language,
                "generated_from": f.generated_from,
            }
            for f in files or m.files
        ],
    )
    return record


def _csv(records: list[dict]) -> str:
    """One row per record; lists joined with '; ', vocabulary values as their labels."""

    def flat(value):
        if isinstance(value, list):
            return "; ".join(flat(v) for v in value)
        if (
            isinstance(value, dict) and isinstance(value.get("value"), int) and "label" in value
        ):  # a rating: 3: Ganska säkert …
            return f"{value['value']}: {value['label']}"
        if isinstance(value, dict):
            return str(value.get("label") or value.get("title") or value.get("file") or value.get("value") or "")
        return "" if value is None else str(value)

    buffer = io.StringIO()
    if records:
        writer = csv.DictWriter(buffer, fieldnames=list(records[0]), lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow({k: spreadsheet_safe(flat(v)) for k, v in record.items()})
    return buffer.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula (OWASP, CSV injection): prefix a quote."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def export(bank: Bank, language: str, *, downloads: Mapping[str, tuple] | None = None) -> dict[str, str]:
    """{file name: content} of the open-data folder for one language; downloads: material id -> every file its page
    offers (documents.Documents.downloads), so the generated DOCX, PDF and PPTX files are listed too."""
    datasets = {
        "methods": [method_record(bank, m, language) for m in bank.methods],
        "cases": [case_record(bank, c, language) for c in bank.cases],
        "materials": [material_record(bank, m, language, files=(downloads or {}).get(m.id)) for m in bank.materials],
    }
    files = {"LICENSE.txt": LICENCE[language]}
    for name, records in datasets.items():
        files[f"{name}.json"] = json.dumps(
            {"language": language, "licence": "CC-BY-4.0", "count": len(records), name: records},
            ensure_ascii=False,
            indent=1,
        )
        files[f"{name}.csv"] = _csv(
            [{**r, "evaluations": [_evaluation_cell(e, language) for e in r["evaluations"]]} for r in records]
            if name == "methods"
            else records
        )
        files[f"{name}.schema.json"] = json.dumps(schema(name, datasets[name]), ensure_ascii=False, indent=1)
    return files


def schema(name: str, records: list[dict]) -> dict:
    """A JSON Schema of the export, derived from the record builders (required keys, types)."""
    item_properties = {
        "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "url": {"type": "string"},
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "translated": {"type": "boolean"},
        "steps": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 5}, "minItems": 1},
        "sources": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["id", "title"]}},
        "last_reviewed": {"type": "string", "format": "date"},
    }
    label = {
        "type": "object",
        "required": ["value", "label"],
        "properties": {"value": {"type": "string"}, "label": {"type": "string"}},
    }
    if name == "methods":
        item_properties.update({attr: {"type": "array", "items": label} for attr, _ in METHOD_FACETS})
        text, integer = {"type": ["string", "null"]}, {"type": ["integer", "null"]}
        nullable_label = {"anyOf": [{"type": "null"}, label]}
        strength = {
            "type": "object",
            "required": ["value", "label"],
            "description": "how sure (0-4), derived from evaluations",
            "properties": {"value": {"type": "integer", "minimum": 0, "maximum": 4}, "label": {"type": "string"}},
        }
        result = {
            "type": "object",
            "required": ["value", "label"],
            "description": "what was found, derived from evaluations",
            "properties": {"value": {"enum": list(RESULTS)}, "label": {"type": "string"}},
        }
        evaluation = {
            "type": "object",
            "required": ["source", "read", "design", "evaluator", "level", "population", "outcomes", "limits"],
            "properties": {
                "source": {"type": "string"},
                "read": label,
                "design": label,
                "evaluator": label,
                "level": {"type": "integer", "minimum": 1, "maximum": 4},
                "population": {"type": "string"},
                "outcomes": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["measure", "result"],
                        "properties": {"measure": label, "result": label},
                    },
                },
                "limits": {"type": "string"},
            },
        }
        item_properties.update(
            gender_transformative=label,
            evidence_strength=strength,
            evidence_result=result,
            evaluations={"type": "array", "items": evaluation},
            evaluations_searched=text,
            evaluations_searched_on={"type": ["string", "null"], "format": "date"},
            age_min=integer,
            age_max=integer,
            school_stages={"type": "array", "items": label},
            ages_source=text,
            cost=nullable_label,
            cost_amount=text,
            cost_year=integer,
            cost_source=text,
            dosage=text,
            dosage_source=text,
            resources=text,
            owner=text,
            owner_url=text,
            unstated={"type": "array", "items": label},
            related_methods={"type": "array", "items": {"type": "string"}},
        )
    if name == "materials":
        item_properties["files"] = {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["file", "url", "format", "bytes", "language", "generated_from"],
                "properties": {
                    "file": {"type": "string"},
                    "url": {"type": "string"},
                    "format": {"type": "string"},
                    "bytes": {"type": "integer", "minimum": 0},
                    "language": {"type": "string"},
                    "generated_from": {
                        "type": ["string", "null"],
                        "description": "the source the build made the file from; null for an editor's own file",
                    },
                },
            },
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Metodbanken {name}",
        "type": "object",
        "required": ["language", "licence", "count", name],
        "properties": {
            "language": {"enum": ["sv", "en"]},
            "licence": {"const": "CC-BY-4.0"},
            "count": {"type": "integer"},
            name: {
                "type": "array",
                "items": {"type": "object", "required": list(item_properties), "properties": item_properties},
            },
        },
    }


def write_open_data(
    bank: Bank, output_dir: Path, language: str, *, downloads: Mapping[str, tuple] | None = None
) -> list[Path]:
    folder = Path(output_dir) / places.DATA
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, content in export(bank, language, downloads=downloads).items():
        (folder / file_name).write_text(content, encoding="utf-8")
        written.append(folder / file_name)
    return written
