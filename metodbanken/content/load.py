"""Load every content file of a bank into validated model objects, or fail with every problem at once."""

from __future__ import annotations

import re
from pathlib import Path

from metodbanken.content.files import (
    check_item_folder,
    check_labels,
    check_no_symlinks,
    check_redirects,
    material_file_problem,
)
from metodbanken.content.methodfacts import check_method, evaluation_records
from metodbanken.content.model import (
    Bank,
    Case,
    Localized,
    LocalizedMarkdown,
    Material,
    MaterialFile,
    Method,
    Question,
    Source,
    Step,
    Synonym,
    Term,
    Vocabulary,
    VocabularyValue,
)
from metodbanken.content.reading import Record, parse_yaml, read_markdown, read_yaml
from metodbanken.content.schema import (
    BUILTIN_VOCABULARIES,
    CASE,
    ITEM_TYPES,
    LANGUAGES,
    MATERIAL,
    METHOD,
    SOURCE,
    STEP,
    STEP_NUMBERS,
    SYNONYM,
    TERM,
    ContentType,
)
from metodbanken.content.values import AN_EXISTING_KIND, INVALID, SLUG, Context, check_mapping, check_markdown, nearest
from metodbanken.words.errors import ErrorCollector, describe
from metodbanken.words.messages import phrase

_VOCABULARY_VALUE = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")  # a slug, or a licence such as cc-by-4.0
_LANGUAGE_SUFFIX = re.compile(r"^(?P<id>.+?)(?:\.(?P<lang>[a-z]{2}))?\.md$")


def load_bank(root: Path, *, render_check: bool = True) -> Bank:
    """Read the bank under root (vocabularies.yml, sources.yml, glossary.yml and the content folders).

    render_check: render every Markdown text to check its HTML (the `check` command). A build passes False and checks
    the same texts in the pages it renders anyway (safety/editor_regions.py), so nothing is rendered twice."""
    root = Path(root)
    errors = ErrorCollector()
    check_no_symlinks(root, errors)
    errors.raise_if_any()  # nothing below may read through a link
    vocabularies = _load_vocabularies(root, errors)
    errors.raise_if_any()  # every other file is checked against the vocabularies
    ctx = Context(errors=errors, vocabularies=vocabularies, render_check=render_check)
    sources = _load_sources(root, ctx)
    steps = _load_steps(root, ctx)
    items = {t.name: _load_items(root, t, ctx) for t in ITEM_TYPES}
    terms = _load_terms(root, ctx)
    synonyms = _load_synonyms(root, ctx)
    material_dirs = {m.id: str(root / MATERIAL.folder / m.id) for m in items["material"]}
    for content_type in ITEM_TYPES:
        check_item_folder(
            root,
            content_type.folder,
            errors,
            material_ids=ctx.present.get("material", set()) if content_type is MATERIAL else None,
        )
    if (root / "labels").is_dir():
        check_labels(root, errors, languages=LANGUAGES)
    check_redirects(root, errors, pages=_site_pages(root, steps, items))
    for record, path, text, line in ctx.markdown:
        check_markdown(record, path, text, line, ctx)
    # Items that exist but are broken are still "known": their own errors are reported, not a cascade of references.
    readable = ctx.present.get("source", set()) is not None
    known = {
        "source": set(sources) | (ctx.present.get("source") or set()),
        **{t.name: ctx.present.get(t.name, set()) for t in ITEM_TYPES},
    }
    for ref in ctx.references:
        if ref.kind == "source" and not readable:
            continue
        if ref.target not in known[ref.kind]:
            guess = nearest(ref.target, sorted(known[ref.kind]))
            where = "sources.yml" if ref.kind == "source" else f"{_folder(ref.kind)}/"
            ctx.error(
                ref.record,
                ref.path,
                "ref.unknown",
                what=phrase(AN_EXISTING_KIND[ref.kind]),
                target=ref.target,
                hint=phrase("hint.did_you_mean", guess=guess)
                if guess
                else phrase("hint.check_id_against", where=where),
            )
    errors.raise_if_any()
    return Bank(
        vocabularies=vocabularies,
        sources=sources,
        steps=steps,
        methods=items["method"],
        cases=items["case"],
        materials=items["material"],
        terms=terms,
        material_dirs=material_dirs,
        synonyms=synonyms,
    )


def _site_pages(root: Path, steps: tuple[Step, ...], items: dict[str, tuple]) -> set[str]:
    """Every path the built site will have (without the /en/ prefix), for checking redirects."""
    pages = {
        "",
        "steg/",
        "steg/hela-guiden/",
        "metoder/",
        "exempel/",
        "material/",
        "begrepp/",
        "sok/",
        "jamfor/",
        "data/",
    }
    pages |= {f"steg/{s.page_id}/" for s in steps}
    for section, kind in (("metoder", "method"), ("exempel", "case"), ("material", "material")):
        pages |= {f"{section}/{item.id}/" for item in items[kind]}
    pages |= {f"material/{m.id}/{f.file}" for m in items["material"] for f in m.files}
    docs = root / "docs"
    for page in docs.rglob("*.md") if docs.is_dir() else []:
        relative = page.relative_to(docs).as_posix()
        if relative.endswith(".en.md") or relative.split("/")[0] in (
            "steg",
            "metoder",
            "exempel",
            "material",
            "begrepp",
        ):
            continue
        path = relative[:-3].removesuffix("index")
        pages.add(path if path == "" or path.endswith("/") else path + "/")
    return pages


_RESERVED_IDS = {"index", "hela-guiden", "sok", "jamfor", "data", "assets", "search", "pagefind", "en", "sv"}


def _folder(kind: str) -> str:
    return {"method": METHOD.folder, "case": CASE.folder, "material": MATERIAL.folder}[kind]


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _load_vocabularies(root: Path, errors: ErrorCollector) -> dict[str, Vocabulary]:
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


def _load_sources(root: Path, ctx: Context) -> dict[str, Source]:
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


def _load_steps(root: Path, ctx: Context) -> tuple[Step, ...]:
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


def _load_items(root: Path, content_type: ContentType, ctx: Context) -> tuple:
    folder = root / content_type.folder
    groups: dict[str, dict[str, Path]] = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        match = _LANGUAGE_SUFFIX.match(path.name)
        language = match.group("lang") or "sv"
        if language not in ("sv", "en") or match.group("lang") == "sv":
            ctx.errors.add(_relative(root, path), 1, "", "items.file_name", name=path.name)
            continue
        groups.setdefault(match.group("id"), {})[language] = path
    items = []
    seen_ids: dict[str, str] = {}
    ctx.present[content_type.name] = {file_id for file_id, paths in groups.items() if "sv" in paths}
    for file_id, paths in sorted(groups.items()):
        if "sv" not in paths:
            name = _relative(root, paths["en"])
            ctx.errors.add(name, 1, "", "items.english_only", folder=content_type.folder, id=file_id)
            continue
        item = _load_item(root, content_type, file_id, paths, ctx, seen_ids)
        if item is not None:
            items.append(item)
    return tuple(sorted(items, key=lambda i: i.title.sv.lower()))


def _load_item(
    root: Path, content_type: ContentType, file_id: str, paths: dict[str, Path], ctx: Context, seen_ids: dict
):
    name = _relative(root, paths["sv"])
    record = read_markdown(paths["sv"], name=name, errors=ctx.errors)
    if record is None:
        return None
    cleaned = check_mapping(content_type.fields, record.data, record, (), ctx, type_name=content_type.name)
    if cleaned is not None and content_type is METHOD:
        check_method(cleaned, record, ctx)
    body_sv, origin_sv = _body(record, content_type, ctx)
    english = _load_english(root, content_type, paths.get("en"), ctx)
    if cleaned is None:
        return None
    if cleaned.get("id") not in (INVALID, None):
        if cleaned["id"] != file_id:
            ctx.error(record, ("id",), "id.not_file_name", file_id=file_id, id=cleaned["id"])
            return None
        if cleaned["id"] in _RESERVED_IDS:
            ctx.error(record, ("id",), "id.reserved", id=cleaned["id"], kind=content_type.name)
            return None
        if cleaned["id"] in seen_ids:
            ctx.error(record, ("id",), "id.duplicate", id=cleaned["id"], file=seen_ids[cleaned["id"]])
            return None
        seen_ids[cleaned["id"]] = name
    if INVALID in cleaned.values() or body_sv is None or english is INVALID:
        return None
    en_fields = english[0] if english else {}
    values = dict(cleaned)
    for f in content_type.translated_fields:
        sv_value = values[f.name]
        values[f.name] = None if sv_value is None else Localized(sv_value, en_fields.get(f.name))
    origin = (("sv", *origin_sv),) + ((("en", *english[2]),) if english else ())
    values["body"] = LocalizedMarkdown(body_sv, english[1] if english else None, origin=origin)
    values["file"] = name
    if content_type is MATERIAL:
        files = _material_files(root, values, record, ctx)
        if files is None:
            return None
        values["files"] = files
    if content_type is METHOD:
        values["evaluations"] = evaluation_records(values["evaluations"])
    cls = {"method": Method, "case": Case, "material": Material}[content_type.name]
    return cls(**values)


def _body(record: Record, content_type: ContentType, ctx: Context) -> tuple[str | None, tuple[str, int, str]]:
    """The Markdown below the front matter, and where it starts (file, line, field)."""
    body = record.body.strip("\n")
    first_line = record.body_line + (len(record.body) - len(record.body.lstrip("\n")))
    if content_type.body_required and not body.strip():
        ctx.errors.add(record.file, record.body_line, "text", "body.missing")
        return None, (record.file, first_line, "text")
    ctx.markdown.append((record, (), body, first_line))
    return body, (record.file, first_line, "text")


def _load_english(root: Path, content_type: ContentType, path: Path | None, ctx: Context):
    """(translated fields, body) of the English file; None if there is none; INVALID if it is broken."""
    if path is None:
        return None
    name = _relative(root, path)
    record = read_markdown(path, name=name, errors=ctx.errors)
    if record is None:
        return INVALID
    translated = {f.name for f in content_type.translated_fields}
    cleaned = check_mapping(
        content_type.fields, record.data, record, (), ctx, type_name=content_type.name, only=translated
    )
    for f in content_type.translated_fields:
        if f.required and cleaned is not None and cleaned.get(f.name) is None:
            ctx.error(record, (), "translation.missing_field", field=f.name)
            return INVALID
    body, origin = _body(record, content_type, ctx)
    if cleaned is None or INVALID in cleaned.values() or body is None:
        return INVALID
    return cleaned, body, origin


def _material_files(root: Path, values: dict, record: Record, ctx: Context) -> tuple[MaterialFile, ...] | None:
    folder = root / MATERIAL.folder / values["id"]
    files = []
    listed: dict[str, int] = {}
    for index, spec in enumerate(values["files"]):
        file_name = spec["file"]
        where = ("files", index, "file")
        if file_name in listed:
            ctx.error(record, where, "material.file_twice", file=file_name, index=listed[file_name])
            return None
        listed[file_name] = index
        problem = material_file_problem(folder, file_name)
        if problem:
            problem_id, problem_values = problem
            ctx.error(record, where, problem_id, folder=f"{MATERIAL.folder}/{values['id']}", **problem_values)
            return None
        files.append(MaterialFile(file=file_name, language=spec["language"], size=(folder / file_name).stat().st_size))
    for extra in sorted(p.name for p in folder.iterdir()) if folder.is_dir() and not folder.is_symlink() else []:
        if extra not in listed and not extra.startswith("."):
            ctx.error(
                record, ("files",), "material.file_not_listed", folder=f"{MATERIAL.folder}/{values['id']}", file=extra
            )
            return None
    return tuple(files)


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


def _load_terms(root: Path, ctx: Context) -> tuple[Term, ...]:
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


def _load_synonyms(root: Path, ctx: Context) -> tuple[Synonym, ...]:
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
