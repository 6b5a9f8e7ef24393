"""Checks of input files as files: symlinks, stray files, material files (names, types, sizes, SVG), labels,
redirects."""

from __future__ import annotations

import os
import re
import string
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from metodbanken.content.places import CONTENT_FOLDERS
from metodbanken.content.reading import read_yaml
from metodbanken.safety.uploads import CHECKED_EXTENSIONS, upload_problem
from metodbanken.words.errors import ErrorCollector, describe
from metodbanken.words.messages import Phrase, phrase

# -- symlinks and stray files ---------------------------------------------------------------------------

CONTENT_ROOTS = (
    *CONTENT_FOLDERS,
    "labels",
    "docs",
    "overrides",
    "vocabularies.yml",
    "sources.yml",
    "glossary.yml",
    "redirects.yml",
    "synonyms.yml",
)


def check_no_symlinks(root: Path, errors: ErrorCollector) -> None:
    """A symlink in the content could publish any file of the build machine (/etc/passwd, .git/config)."""
    root = Path(root)
    for name in CONTENT_ROOTS:
        top = root / name
        if top.is_symlink():
            _symlink_error(root, top, errors)
            continue
        if not top.is_dir():
            continue
        for folder, dirs, files in os.walk(top, followlinks=False):
            for entry in dirs + files:
                path = Path(folder) / entry
                if path.is_symlink():
                    _symlink_error(root, path, errors)


def _symlink_error(root: Path, path: Path, errors: ErrorCollector) -> None:
    errors.add(path.relative_to(root).as_posix(), 1, "", "path.symlink")


def check_item_folder(
    root: Path, folder_name: str, errors: ErrorCollector, *, material_ids: set[str] | None = None
) -> None:
    """Files the loader would silently skip: subfolders and non-Markdown files in methods/ and cases/
    (in materials/, folders are allowed only for an existing material's files)."""
    folder = Path(root) / folder_name
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        name = path.relative_to(root).as_posix()
        if path.is_symlink():
            continue  # reported by check_no_symlinks
        if path.is_dir():
            if material_ids is not None and path.name in material_ids:
                continue
            hint = (
                phrase("hint.material_folder")
                if material_ids is not None
                else phrase("hint.no_subfolders", folder=folder_name)
            )
            errors.add(name, 1, "", "folder.subfolder", folder=folder_name, hint=hint)
        elif path.suffix != ".md" and not path.name.startswith("."):
            errors.add(name, 1, "", "folder.stray_file", folder=folder_name, suffix=path.suffix or path.name)


# -- material files ----------------------------------------------------------------------------------------

MATERIAL_EXTENSIONS = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "png", "jpg", "csv", "txt", "md", "svg")
MAX_FILE_BYTES = 25 * 1024 * 1024
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.[a-z0-9]+$")


def material_file_problem(folder: Path, file_name: str) -> tuple[str, dict] | None:
    """(problem id, values) when a listed material file may not be published; None when it may."""
    if not _SAFE_NAME.match(file_name) or file_name.lower() in ("index.html", "index.htm"):
        return "material.file_name", {"file": file_name}
    extension = file_name.rsplit(".", 1)[1]
    if extension not in MATERIAL_EXTENSIONS:
        return "material.file_type", {
            "extension": extension,
            "extensions": ", ".join("." + e for e in MATERIAL_EXTENSIONS),
        }
    path = folder / file_name
    if folder.is_symlink() or path.is_symlink():
        return "material.file_symlink", {}
    if not path.is_file():
        return "material.file_missing", {"file": file_name}
    try:
        path.resolve(strict=True).relative_to(folder.resolve(strict=True))
    except (ValueError, OSError):
        return "material.file_outside", {}
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return "material.file_too_large", {"size": f"{size / 1024 / 1024:.0f}", "max": MAX_FILE_BYTES // 1024 // 1024}
    if extension == "svg":
        problem = svg_problem(path.read_bytes())
        if problem:
            return "material.file_unsafe_svg", {"problem": problem}
    if extension in CHECKED_EXTENSIONS:
        refusal = upload_problem(path, extension)
        if refusal:
            return "material.file_unsafe_upload", {
                "file": file_name,
                "found": refusal.found,
                "where": refusal.where,
                "hint": refusal.hint,
            }
    return None


def generated_file_problem(file_name: str, size: int) -> tuple[str, dict] | None:
    """(problem id, values) when a file the build generated may not be published (the same rules as editors' files);
    None when it may."""
    if not _SAFE_NAME.match(file_name) or file_name.lower() in ("index.html", "index.htm"):
        return "material.file_name", {"file": file_name}
    extension = file_name.rsplit(".", 1)[1]
    if extension not in MATERIAL_EXTENSIONS:
        return "material.file_type", {
            "extension": extension,
            "extensions": ", ".join("." + e for e in MATERIAL_EXTENSIONS),
        }
    if size > MAX_FILE_BYTES:
        return "material.file_too_large", {"size": f"{size / 1024 / 1024:.0f}", "max": MAX_FILE_BYTES // 1024 // 1024}
    return None


_SVG_FORBIDDEN = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "image", "feimage"}
_SVG_ANIMATION = {"set", "animate", "animatemotion", "animatetransform", "animatecolor"}
_CSS_REFERENCE = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import|image-set\(", re.I)


def svg_problem(data: bytes) -> Phrase | None:
    """What makes an SVG file unsafe to serve from our origin, in the spirit of MediaWiki's upload checks; None if
    safe."""
    head = data[:4096].lower()
    if b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        return phrase("svg.doctype")
    if b"<?xml-stylesheet" in head or b"<?xml-stylesheet" in data.lower():
        return phrase("svg.stylesheet")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        return phrase("svg.unreadable", error=exc)
    if _local(root.tag) != "svg":
        return phrase("svg.root", tag=_local(root.tag))
    for element in root.iter():
        tag = _local(element.tag)
        if tag in _SVG_FORBIDDEN:
            return phrase("svg.element", tag=tag)
        if tag == "style" and _CSS_REFERENCE.search(element.text or ""):
            return phrase("svg.style_loads")
        for attribute, value in element.attrib.items():
            name = _local(attribute)
            if name.startswith("on"):
                return phrase("svg.event", name=name)
            if name == "href" and not value.strip().startswith("#"):
                return phrase("svg.reference", target=value.strip()[:60])
            if _CSS_REFERENCE.search(value):
                return phrase("svg.reference_in", name=name)
        if tag in _SVG_ANIMATION and element.attrib.get("attributeName", "").strip().lower().endswith("href"):
            return phrase("svg.animated_link")
    return None


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower() if name.startswith("{") else name.split(":")[-1].lower()


# -- labels ------------------------------------------------------------------------------------------------

_LABEL_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_USED_KEY = re.compile(
    r"""\bt\(\s*["']([a-z][a-z0-9_]*)["']\s*[,)]"""
)  # t("key") or t("key", n=…); not t("prefix_" ~ x)
_FILLED_KEY = re.compile(r"""\bt\(\s*["']([a-z][a-z0-9_]*)["']\s*,([^)]*)\)""")  # t("key", n=…, title=…)
_KEYWORD = re.compile(r"\b([a-z_][a-z0-9_]*)\s*=(?!=)")
# A label is printed into HTML by the theme's templates as well as ours: no character that means something there.
LABEL_MARKUP = '<>&"'
# Placeholders filled in outside the page templates: by our scripts (docs/assets/*.js, from data-label-* attributes)
# and by the documents (documents.py). Those the templates fill in are read from the templates, t("key", n=…).
LABEL_PLACEHOLDERS_FILLED_BY_CODE = {
    "filter_count": {"shown", "total"},
    "materials_filter_count": {"shown", "total"},
    "checklist_progress": {"done", "total"},
    "filter_toggle": {"n"},
    "filter_remove": {"label"},
    "filter_way_out": {"facet", "count"},
    "methods_count": {"n"},
    "search_count": {"n", "q"},
    "search_count_one": {"q"},
    "search_none": {"q"},
    "search_more": {"n"},
    "search_suggest": {"n", "q"},
    "search_suggest_one": {"q"},
    "checklist_file": {"n"},
    "doc_checklist_title": {"n", "title"},
    "doc_qr_alt": {"url"},
    "step_n": {"n"},
    "step_n_of": {"n"},  # not used by any template at present
    # the compare controls and page (docs/assets/compare.js)
    "compare_link": {"n"},
    "compare_max": {"max"},
    "compare_remove_label": {"title"},
    "compare_removed": {"title"},
    "compare_shown": {"n"},
    "compare_unknown": {"ids"},
}


def check_labels(root: Path, errors: ErrorCollector, *, languages: tuple[str, ...]) -> None:
    """labels/<lang>.yml: the same keys in every language, every key the templates use, plain text values, and only
    the placeholders the site fills in, written {name}."""
    read_labels(root, errors, languages=languages)


def read_labels(root: Path, errors: ErrorCollector, *, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """The interface texts by language and key, read and checked: the one reader `check` and the build both use.
    Every problem goes to errors; the texts returned are the ones that passed."""
    root = Path(root)
    filled, used = _label_use(root)
    tables: dict[str, tuple[dict, object, set]] = {}
    texts: dict[str, dict[str, str]] = {}
    for language in languages:
        name = f"labels/{language}.yml"
        path = root / name
        if not path.exists():
            errors.add(name, 1, "", "labels.missing_file")
            continue
        record = read_yaml(path, name=name, errors=errors)
        if record is None:
            continue
        if not isinstance(record.data, dict):
            errors.add(name, 1, "", "labels.not_a_mapping", found=describe(record.data))
            continue
        table, texts[language], broken = {}, {}, set()  # broken: present but refused (reported once, not as missing)
        for key, value in record.data.items():
            line = record.line((key,))
            if not isinstance(key, str) or not _LABEL_KEY.match(key):
                errors.add(name, line, str(key), "labels.key_format", key=key)
                continue
            fields = _label_problem(
                name, line, key, value, record, errors, allowed=filled.get(key, set()) if filled is not None else None
            )
            if fields is None:
                broken.add(key)
                continue
            table[key] = fields
            texts[language][key] = value
        tables[language] = (table, record, broken)
    if len(tables) != len(languages):
        return texts
    reference_language = languages[0]
    reference, _, reference_broken = tables[reference_language]
    for language, (table, record, broken) in tables.items():
        name = f"labels/{language}.yml"
        for key in sorted((used | set(reference) | reference_broken) - set(table) - broken):
            errors.add(name, 1, key, "labels.missing_key", key=key, reference=reference_language, language=language)
        for key in sorted(set(table) - set(reference) - reference_broken):
            errors.add(name, record.line((key,)), key, "labels.extra_key", key=key, reference=reference_language)
        for key in sorted(set(table) & set(reference)):
            if table[key] != reference[key]:
                errors.add(
                    name,
                    record.line((key,)),
                    key,
                    "labels.placeholders_differ",
                    placeholders=_braces(reference[key]),
                    reference=reference_language,
                    found=_braces(table[key]),
                )
    return texts


def _label_problem(
    name: str, line: int, key: str, value: object, record, errors: ErrorCollector, *, allowed: set[str] | None
) -> set[str] | None:
    """The placeholders of one label, or None after reporting why it cannot be shown as it is."""
    if not isinstance(value, str):  # an empty text is allowed (Swedish never needs 'translation missing')
        written = record.raw((key,))
        found = (
            phrase("value.read_as", written=written, value=describe(value))
            if written is not None and written not in (str(value), str(value).lower())
            else describe(value)
        )
        errors.add(name, line, key, "labels.not_text", found=found)
        return None
    markup = next((c for c in value if c in LABEL_MARKUP), None)
    if markup:
        errors.add(name, line, key, "labels.markup", character=markup, characters=" ".join(LABEL_MARKUP))
        return None
    try:
        parts = list(string.Formatter().parse(value))
    except ValueError as exc:
        errors.add(name, line, key, "labels.placeholder_syntax", value=value, error=exc)
        return None
    fields = set()
    for _, field_name, format_spec, conversion in parts:
        if field_name is None:
            continue
        if not _LABEL_KEY.match(field_name) or format_spec or conversion:
            written = (
                "{"
                + field_name
                + (f"!{conversion}" if conversion else "")
                + (f":{format_spec}" if format_spec else "")
                + "}"
            )
            errors.add(name, line, key, "labels.placeholder_form", placeholder=written[:60])
            return None
        fields.add(field_name)
    if allowed is not None and fields - allowed:  # None: no templates here to say what they fill in
        errors.add(
            name, line, key, "labels.placeholder_unfilled", found=_braces(fields - allowed), allowed=_braces(allowed)
        )
        return None
    return fields


def _label_use(root: Path) -> tuple[dict[str, set[str]] | None, set[str]]:
    """(placeholders filled in per key, keys used) by the page templates and our code; None for the placeholders when
    the bank has no templates to read (a copy of its content alone)."""
    filled = {key: set(names) for key, names in LABEL_PLACEHOLDERS_FILLED_BY_CODE.items()}
    used: set[str] = set()
    templates = root / "overrides" / "metodbanken"
    if not templates.is_dir():
        return None, used
    for template in sorted(templates.glob("*.j2")) if templates.is_dir() else []:
        text = template.read_text(encoding="utf-8")
        used |= set(_USED_KEY.findall(text))
        for key, arguments in _FILLED_KEY.findall(text):
            filled.setdefault(key, set()).update(_KEYWORD.findall(arguments))
    return filled, used


def _braces(fields: set[str]) -> str | Phrase:
    return ", ".join("{" + f + "}" for f in sorted(fields)) or phrase("none")


# -- redirects ---------------------------------------------------------------------------------------------

_REDIRECT_PATH = re.compile(r"^(?:[a-z0-9][a-z0-9-]*/)*(?:[a-z0-9][a-z0-9-]*/|[A-Za-z0-9][A-Za-z0-9._-]*\.[a-z0-9]+)?$")


def check_redirects(root: Path, errors: ErrorCollector, *, pages: set[str]) -> dict[str, str]:
    """redirects.yml: old path → existing page, slug paths only, no loops and no redirect over a real page."""
    name = "redirects.yml"
    path = Path(root) / name
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8", errors="replace")
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        return {}
    record = read_yaml(path, name=name, errors=errors)
    if record is None:
        return {}
    if record.data is None:
        return {}
    if not isinstance(record.data, dict):
        errors.add(name, 1, "", "redirects.not_a_mapping", found=describe(record.data))
        return {}
    redirects: dict[str, str] = {}
    for old, new in record.data.items():
        line = record.line((old,))
        bad = [
            (p, which)
            for p, which in ((old, "redirects.old"), (new, "redirects.new"))
            if not isinstance(p, str) or not _REDIRECT_PATH.match(p.strip().lstrip("/"))
        ]
        if bad:
            value, which = bad[0]
            errors.add(name, line, str(old), "redirects.path", which=phrase(which), found=describe(value))
            continue
        old_path, new_path = old.strip().lstrip("/"), new.strip().lstrip("/")
        if old_path in pages:
            errors.add(name, line, old, "redirects.over_page", path=old_path)
            continue
        if new_path not in pages:
            errors.add(name, line, old, "redirects.target_missing", path=new_path)
            continue
        redirects[old_path] = new_path
    return redirects
