"""Load every content file of a bank into validated model objects, or fail with every problem at once."""

from __future__ import annotations

import re
from pathlib import Path

from metodbanken.content import places, sharedfiles
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
    Localized,
    LocalizedMarkdown,
    MaterialFile,
    Step,
)
from metodbanken.content.places import SECTIONS
from metodbanken.content.reading import Record, read_markdown
from metodbanken.content.schema import (
    ITEM_TYPES,
    LANGUAGES,
    MATERIAL,
    METHOD,
    ContentType,
)
from metodbanken.content.values import AN_EXISTING_KIND, INVALID, Context, check_mapping, check_markdown, nearest
from metodbanken.words.errors import ErrorCollector
from metodbanken.words.messages import phrase

_LANGUAGE_SUFFIX = re.compile(r"^(?P<id>.+?)(?:\.(?P<lang>[a-z]{2}))?\.md$")


def load_bank(root: Path, *, render_check: bool = True) -> Bank:
    """Read the bank under root (vocabularies.yml, sources.yml, glossary.yml and the content folders).

    render_check: render every Markdown text to check its HTML (the `check` command). A build passes False and checks
    the same texts in the pages it renders anyway (safety/editor_regions.py), so nothing is rendered twice."""
    root = Path(root)
    errors = ErrorCollector()
    check_no_symlinks(root, errors)
    errors.raise_if_any()  # nothing below may read through a link
    vocabularies = sharedfiles.load_vocabularies(root, errors)
    errors.raise_if_any()  # every other file is checked against the vocabularies
    ctx = Context(errors=errors, vocabularies=vocabularies, render_check=render_check)
    sources = sharedfiles.load_sources(root, ctx)
    steps = sharedfiles.load_steps(root, ctx)
    items = {t.name: _load_items(root, t, ctx) for t in ITEM_TYPES}
    terms = sharedfiles.load_terms(root, ctx)
    synonyms = sharedfiles.load_synonyms(root, ctx)
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
    _check_references(ctx, sources)
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


def _check_references(ctx: Context, sources: dict) -> None:
    """Every id an item names exists (a source, a method, a case, a material), or the nearest one is suggested."""
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


def _site_pages(root: Path, steps: tuple[Step, ...], items: dict[str, tuple]) -> set[str]:
    """Every path the built site will have (without the /en/ prefix), for checking redirects."""
    pages = places.site_pages(steps, items)
    generated = tuple(SECTIONS[s] for s in ("step", "method", "case", "material", "glossary"))
    docs = root / "docs"
    for page in docs.rglob("*.md") if docs.is_dir() else []:
        relative = page.relative_to(docs).as_posix()
        if relative.endswith(".en.md") or relative.split("/")[0] in generated:
            continue
        path = relative[:-3].removesuffix("index")
        pages.add(path if path == "" or path.endswith("/") else path + "/")
    return pages


_RESERVED_IDS = places.RESERVED_NAMES


def _folder(kind: str) -> str:
    return places.item_type(kind).folder


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


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
    return content_type.model(**values)


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
            ctx.error(record, where, problem_id, folder=places.material_files(values["id"]), **problem_values)
            return None
        files.append(MaterialFile(file=file_name, language=spec["language"], size=(folder / file_name).stat().st_size))
    for extra in sorted(p.name for p in folder.iterdir()) if folder.is_dir() and not folder.is_symlink() else []:
        if extra not in listed and not extra.startswith("."):
            ctx.error(
                record, ("files",), "material.file_not_listed", folder=places.material_files(values["id"]), file=extra
            )
            return None
    return tuple(files)
