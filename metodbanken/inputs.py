"""Checks of input files as files: symlinks, stray files, material files (names, types, sizes, SVG), labels, redirects."""

from __future__ import annotations

import os
import re
import string
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from .errors import ErrorCollector, describe
from .sourcefile import read_yaml

# -- symlinks and stray files ---------------------------------------------------------------------------

CONTENT_ROOTS = ("methods", "cases", "materials", "checklists", "labels", "docs", "overrides",
                 "vocabularies.yml", "sources.yml", "glossary.yml", "redirects.yml", "synonyms.yml")


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
    errors.add(path.relative_to(root).as_posix(), 1, "", expected="a real file or folder", found="a symbolic link",
               hint="replace the link with the file itself; the bank never follows links.")


def check_item_folder(root: Path, folder_name: str, errors: ErrorCollector, *, material_ids: set[str] | None = None) -> None:
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
            hint = ("a material's files go in materials/<id>/ beside materials/<id>.md."
                    if material_ids is not None else f"put every file directly in {folder_name}/; subfolders are not read.")
            errors.add(name, 1, "", expected=f"only content files in {folder_name}/", found="a folder the bank does not read", hint=hint)
        elif path.suffix != ".md" and not path.name.startswith("."):
            errors.add(name, 1, "", expected=f"<id>.md and <id>.en.md files in {folder_name}/", found=f"a '{path.suffix or path.name}' file",
                       hint="it would never be published: rename it to <id>.md or remove it.")


# -- material files ----------------------------------------------------------------------------------------

MATERIAL_EXTENSIONS = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "png", "jpg", "csv", "txt", "md", "svg")
MAX_FILE_BYTES = 25 * 1024 * 1024
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.[a-z0-9]+$")


def material_file_problem(folder: Path, file_name: str) -> tuple[str, str] | None:
    """(found, hint) when a listed material file may not be published; None when it may."""
    if not _SAFE_NAME.match(file_name) or file_name.lower() in ("index.html", "index.htm"):
        return (f"the file name '{file_name}'",
                "file names use letters A–Z, digits, '.', '_' and '-' only, start with a letter or digit and end in an extension, e.g. affisch-v47.pdf.")
    extension = file_name.rsplit(".", 1)[1]
    if extension not in MATERIAL_EXTENSIONS:
        return (f"a '.{extension}' file", f"the bank publishes {', '.join('.' + e for e in MATERIAL_EXTENSIONS)} files; "
                "save it as one of those (for example PDF).")
    path = folder / file_name
    if folder.is_symlink() or path.is_symlink():
        return "a symbolic link", "upload the file itself."
    if not path.is_file():
        return f"'{file_name}', which is not there", f"upload the file to {folder.parent.name}/{folder.name}/ or fix its name."
    try:
        path.resolve(strict=True).relative_to(folder.resolve(strict=True))
    except (ValueError, OSError):
        return "a path outside the material's folder", "upload the file into the material's own folder."
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return (f"a file of {size / 1024 / 1024:.0f} MB", f"files may be at most {MAX_FILE_BYTES // 1024 // 1024} MB; "
                "compress it or split it.")
    if extension == "svg":
        problem = svg_problem(path.read_bytes())
        if problem:
            return f"an SVG image with {problem}", ("SVG images may hold shapes, text and styles only: no script, event attributes, "
                                                    "foreignObject, animation of links or references to other files. Export it again or use PNG.")
    return None


def generated_file_problem(file_name: str, size: int) -> str | None:
    """What keeps a file the build generated from being published (the same rules as editors' files); None if fine."""
    if not _SAFE_NAME.match(file_name) or file_name.lower() in ("index.html", "index.htm"):
        return f"the file name '{file_name}'"
    if file_name.rsplit(".", 1)[1] not in MATERIAL_EXTENSIONS:
        return f"a '.{file_name.rsplit('.', 1)[1]}' file"
    if size > MAX_FILE_BYTES:
        return f"a file of {size / 1024 / 1024:.0f} MB"
    return None


_SVG_FORBIDDEN = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "image", "feimage"}
_SVG_ANIMATION = {"set", "animate", "animatemotion", "animatetransform", "animatecolor"}
_CSS_REFERENCE = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import|image-set\(", re.I)


def svg_problem(data: bytes) -> str | None:
    """What makes an SVG file unsafe to serve from our origin, in the spirit of MediaWiki's upload checks; None if safe."""
    head = data[:4096].lower()
    if b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        return "a DOCTYPE or entity declaration"
    if b"<?xml-stylesheet" in head or b"<?xml-stylesheet" in data.lower():
        return "an xml-stylesheet instruction"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        return f"XML the bank cannot read ({exc})"
    if _local(root.tag) != "svg":
        return f"<{_local(root.tag)}> as its root instead of <svg>"
    for element in root.iter():
        tag = _local(element.tag)
        if tag in _SVG_FORBIDDEN:
            return f"a <{tag}> element"
        if tag == "style" and _CSS_REFERENCE.search(element.text or ""):
            return "a style that loads a file"
        for attribute, value in element.attrib.items():
            name = _local(attribute)
            if name.startswith("on"):
                return f"an event attribute {name}"
            if name == "href" and not value.strip().startswith("#"):
                return f"a reference to '{value.strip()[:60]}'"
            if _CSS_REFERENCE.search(value):
                return f"a reference to another file in {name}"
        if tag in _SVG_ANIMATION and element.attrib.get("attributeName", "").strip().lower().endswith("href"):
            return "an animation that changes a link"
    return None


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower() if name.startswith("{") else name.split(":")[-1].lower()


# -- labels ------------------------------------------------------------------------------------------------

_LABEL_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_USED_KEY = re.compile(r"""\bt\(\s*["']([a-z][a-z0-9_]*)["']\s*[,)]""")  # t("key") or t("key", n=…); not t("prefix_" ~ x)


def check_labels(root: Path, errors: ErrorCollector, *, languages: tuple[str, ...]) -> None:
    """labels/<lang>.yml: the same keys in every language, every key the templates use, text values, the same placeholders."""
    root = Path(root)
    tables: dict[str, tuple[dict, object]] = {}
    for language in languages:
        name = f"labels/{language}.yml"
        path = root / name
        if not path.exists():
            errors.add(name, 1, "", expected="the interface texts in this language", found="no file",
                       hint="restore the file from the repository.")
            continue
        record = read_yaml(path, name=name, errors=errors)
        if record is None:
            continue
        if not isinstance(record.data, dict):
            errors.add(name, 1, "", expected="a mapping of key: text", found=describe(record.data))
            continue
        table = {}
        for key, value in record.data.items():
            line = record.line((key,))
            if not isinstance(key, str) or not _LABEL_KEY.match(key):
                errors.add(name, line, str(key), expected="a key of lower-case letters, digits and _", found=f"'{key}'")
                continue
            if not isinstance(value, str):  # an empty text is allowed (Swedish never needs 'translation missing')
                found = record.raw((key,)) or describe(value)
                errors.add(name, line, key, expected="a text", found=found, hint='write it in quotes: key: "text".')
                continue
            try:
                fields = {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
            except ValueError as exc:
                errors.add(name, line, key, expected="a text whose placeholders look like {name}", found=f"'{value}' ({exc})",
                           hint="write a literal brace as {{ or }}.")
                continue
            if any(not _LABEL_KEY.match(f) for f in fields):
                errors.add(name, line, key, expected="placeholders of the form {name}", found=f"'{value}'",
                           hint="placeholders are names such as {n}; write a literal brace as {{ or }}.")
                continue
            table[key] = fields
        tables[language] = (table, record)
    if len(tables) != len(languages):
        return
    used = set()
    templates = root / "overrides" / "metodbanken"
    for template in sorted(templates.glob("*.j2")) if templates.is_dir() else []:
        used |= set(_USED_KEY.findall(template.read_text(encoding="utf-8")))
    reference_language = languages[0]
    reference, _ = tables[reference_language]
    for language, (table, record) in tables.items():
        name = f"labels/{language}.yml"
        for key in sorted((used | set(reference)) - set(table)):
            errors.add(name, 1, key, expected=f"the text '{key}' (used by the templates or in labels/{reference_language}.yml)",
                       found="it missing", hint=f"add {key}: \"…\" in {language}.")
        for key in sorted(set(table) - set(reference)):
            errors.add(name, record.line((key,)), key, expected=f"only keys that labels/{reference_language}.yml has", found=f"'{key}'",
                       hint="remove it, or add it to every language.")
        for key in sorted(set(table) & set(reference)):
            if table[key] != reference[key]:
                errors.add(name, record.line((key,)), key,
                           expected=f"the placeholders {_braces(reference[key]) or 'none'} (as in labels/{reference_language}.yml)",
                           found=_braces(table[key]) or "none", hint="each language fills in the same values.")


def _braces(fields: set[str]) -> str:
    return ", ".join("{" + f + "}" for f in sorted(fields))


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
        errors.add(name, 1, "", expected="lines 'old/path/: new/path/'", found=describe(record.data),
                   hint="write one line per moved address, e.g. metoder/gammalt-id/: metoder/nytt-id/")
        return {}
    redirects: dict[str, str] = {}
    for old, new in record.data.items():
        line = record.line((old,))
        bad = [(p, label) for p, label in ((old, "the old address"), (new, "the new address"))
               if not isinstance(p, str) or not _REDIRECT_PATH.match(p.strip().lstrip("/"))]
        if bad:
            value, label = bad[0]
            errors.add(name, line, str(old), expected=f"{label} as a path inside the site, such as metoder/nytt-id/",
                       found=describe(value), hint="no https://, no '..', no spaces; lower-case letters, digits and hyphens.")
            continue
        old_path, new_path = old.strip().lstrip("/"), new.strip().lstrip("/")
        if old_path in pages:
            errors.add(name, line, old, expected="an address the site no longer has", found=f"'{old_path}', a page that exists",
                       hint="a redirect would hide the real page: remove the line.")
            continue
        if new_path not in pages:
            errors.add(name, line, old, expected="a new address the site has", found=f"'{new_path}', which the site does not have",
                       hint="point it at an existing page, e.g. metoder/<id>/.")
            continue
        redirects[old_path] = new_path
    return redirects
