"""The bank's shared files, each read into model objects: vocabularies.yml, sources.yml, checklists/ (the steps),
glossary.yml and synonyms.yml."""

from __future__ import annotations

import re
from pathlib import Path

from metodbanken.content.model import (
    Localized,
    Question,
    Source,
    Step,
    Synonym,
    Term,
    Vocabulary,
    VocabularyValue,
)
from metodbanken.content.reading import Record, parse_yaml, read_yaml
from metodbanken.content.schema import (
    ITEM_TYPES,
    SOURCE,
    STEP,
    STEP_NUMBERS,
    SYNONYM,
    TERM,
)
from metodbanken.content.values import INVALID, SLUG, Context, check_mapping
from metodbanken.content.vocabularies import BUILTIN_VOCABULARIES
from metodbanken.words.errors import ErrorCollector, describe

_VOCABULARY_VALUE = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")  # a slug, or a licence such as cc-by-4.0


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def load_vocabularies(root: Path, errors: ErrorCollector) -> dict[str, Vocabulary]:
    name = "vocabularies.yml"
    record = read_yaml(root / name, name=name, errors=errors) if (root / name).exists() else None
    if record is None:
        if not (root / name).exists():
            errors.add(name, 1, "", "vocabularies.missing_file")
        return {}
    vocabularies = {}
    required = {f.vocabulary for t in ITEM_TYPES for f in t.fields if f.vocabulary} - set(BUILTIN_VOCABULARIES)
    data = record.data if isinstance(record.data, dict) else {}
    for missing in sorted(required - set(data)):
        errors.add(name, 1, missing, "vocabularies.missing", name=missing)
    for vocab_name, spec in data.items():
        where = (vocab_name,)
        if not isinstance(spec, dict) or not isinstance(spec.get("values"), dict) or not spec["values"]:
            errors.add(name, record.line(where), vocab_name, "vocabularies.shape", found=describe(spec))
            continue
        values = []
        for value, value_spec in spec["values"].items():
            if not isinstance(value, str) or not _VOCABULARY_VALUE.match(value):
                errors.add(
                    name,
                    record.line(where + ("values", value)),
                    f"{vocab_name}.values",
                    "vocabularies.value_format",
                    value=value,
                )
                continue
            label = _labels(value_spec.get("label") if isinstance(value_spec, dict) else None)
            if label is None:
                errors.add(
                    name,
                    record.line(where + ("values", value)),
                    f"{vocab_name}.values.{value}.label",
                    "vocabularies.value_label",
                    found=describe(value_spec),
                )
                continue
            description = _labels(value_spec.get("description"))
            values.append(VocabularyValue(str(value), label, description))
        label = _labels(spec.get("label")) or Localized(vocab_name, vocab_name)
        vocabularies[vocab_name] = Vocabulary(vocab_name, label, tuple(values))
    for vocab_name, spec in BUILTIN_VOCABULARIES.items():
        vocabularies[vocab_name] = Vocabulary(
            vocab_name,
            _labels(spec["label"]),
            tuple(
                VocabularyValue(v, _labels(value["label"]), _labels(value.get("description")))
                for v, value in spec["values"].items()
            ),
        )
    return vocabularies


def _labels(spec: object) -> Localized | None:
    if isinstance(spec, dict) and isinstance(spec.get("sv"), str) and isinstance(spec.get("en"), str):
        return Localized(spec["sv"], spec["en"])
    return None


def load_sources(root: Path, ctx: Context) -> dict[str, Source]:
    name = "sources.yml"
    record = read_yaml(root / name, name=name, errors=ctx.errors) if (root / name).exists() else None
    if record is None and (root / name).exists():
        ctx.present["source"] = None  # unreadable: its own error is reported, not one per reference
    if record is None or not isinstance(record.data, dict):
        if record is not None:
            ctx.error(record, (), "sources.shape", found=describe(record.data))
        return {}
    sources = {}
    ctx.present["source"] = {str(k) for k in record.data}
    for source_id, spec in record.data.items():
        if not isinstance(source_id, str):  # 2020: is a number to YAML, and would be no id a reference can name
            written = _written_key(record, source_id)
            ctx.errors.add(
                name,
                record.line((written,)),
                written,
                "sources.id_not_text",
                found=describe(source_id),
                written=written,
            )
            continue
        if not SLUG.match(source_id):
            ctx.error(record, (source_id,), "sources.id_format", value=source_id)
            continue
        cleaned = check_mapping(SOURCE.fields, spec, record, (source_id,), ctx, type_name=SOURCE.name)
        if cleaned is None or INVALID in cleaned.values():
            continue
        sources[source_id] = Source(id=source_id, **cleaned)
    return sources


def _written_key(record: Record, key: object) -> str:
    """A top-level key as written in the file (0x7E4: for the number 2020), for a key YAML read as something else."""
    for path in record.lines:
        if len(path) == 1 and isinstance(path[0], str) and path[0] not in record.data:
            parsed = parse_yaml(path[0], file=record.file, errors=ErrorCollector())
            if parsed is not None and parsed[0] == key and type(parsed[0]) is type(key):
                return path[0]
    return str(key)


def load_steps(root: Path, ctx: Context) -> tuple[Step, ...]:
    folder = root / STEP.folder
    steps: dict[int, Step] = {}
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        name = _relative(root, path)
        if path.suffix not in (".yml", ".yaml"):
            ctx.errors.add(name, 1, "", "steps.file_type", suffix=path.suffix)
            continue
        record = read_yaml(path, name=name, errors=ctx.errors)
        if record is None:
            continue
        cleaned = check_mapping(STEP.fields, record.data, record, (), ctx, type_name=STEP.name)
        if cleaned is None or INVALID in cleaned.values():
            continue
        expected_name = f"{cleaned['step']}-{cleaned['slug']}"
        if path.stem != expected_name:
            ctx.error(record, ("slug",), "steps.file_name", expected=f"{expected_name}{path.suffix}", name=path.name)
            continue
        if cleaned["step"] in steps:
            ctx.error(record, ("step",), "steps.duplicate", step=cleaned["step"], file=steps[cleaned["step"]].file)
            continue
        question_ids: set[str] = set()
        questions = []
        for index, q in enumerate(cleaned["questions"]):
            if INVALID in q.values():
                continue
            if q["id"] in question_ids:
                ctx.error(record, ("questions", index, "id"), "questions.duplicate_id", value=q["id"])
                continue
            question_ids.add(q["id"])
            questions.append(Question(**q))
        steps[cleaned["step"]] = Step(
            number=cleaned["step"],
            slug=cleaned["slug"],
            title=cleaned["title"],
            intro=cleaned["intro"],
            checklist_origin=cleaned["checklist_origin"],
            questions=tuple(questions),
            sources=cleaned["sources"],
            file=name,
        )
    broken_step_file = any(e.file.startswith(STEP.folder + "/") for e in ctx.errors.errors)
    for number in STEP_NUMBERS:
        if number not in steps and not broken_step_file:
            ctx.errors.add(STEP.folder + "/", 1, "step", "steps.missing", step=number, folder=STEP.folder)
    return tuple(steps[n] for n in sorted(steps))


def _read_list_file(root: Path, name: str, ctx: Context, *, not_a_list: str) -> tuple[Record | None, list]:
    """A YAML file that holds a list of entries (glossary.yml, synonyms.yml); (None, []) when absent or broken.
    not_a_list: the problem (messages.PROBLEMS) reported when the file holds something else."""
    if not (root / name).exists():
        return None, []
    record = read_yaml(root / name, name=name, errors=ctx.errors)
    if record is None:
        return None, []
    if not isinstance(record.data, list):
        ctx.error(record, (), not_a_list, found=describe(record.data))
        return None, []
    return record, record.data


def load_terms(root: Path, ctx: Context) -> tuple[Term, ...]:
    record, entries = _read_list_file(root, "glossary.yml", ctx, not_a_list="terms.not_a_list")
    terms, seen = [], set()
    for index, spec in enumerate(entries):
        cleaned = check_mapping(TERM.fields, spec, record, (index,), ctx, type_name=TERM.name)
        if cleaned is None or INVALID in cleaned.values():
            continue
        if cleaned["id"] in seen:
            ctx.error(record, (index, "id"), "terms.duplicate_id", value=cleaned["id"])
            continue
        seen.add(cleaned["id"])
        terms.append(Term(**cleaned))
    return tuple(sorted(terms, key=lambda t: t.term.sv.lower()))


def load_synonyms(root: Path, ctx: Context) -> tuple[Synonym, ...]:
    """synonyms.yml: words staff search for that the bank does not use, beside the glossary."""
    record, entries = _read_list_file(root, "synonyms.yml", ctx, not_a_list="synonyms.not_a_list")
    synonyms, seen = [], set()
    for index, spec in enumerate(entries):
        cleaned = check_mapping(SYNONYM.fields, spec, record, (index,), ctx, type_name=SYNONYM.name)
        if cleaned is None or INVALID in cleaned.values():
            continue
        word = cleaned["word"].strip().lower()
        if (cleaned["language"], word) in seen:
            ctx.error(record, (index, "word"), "synonyms.duplicate_word", word=word)
            continue
        seen.add((cleaned["language"], word))
        synonyms.append(Synonym(language=cleaned["language"], word=word, finds=tuple(cleaned["finds"])))
    return tuple(synonyms)
