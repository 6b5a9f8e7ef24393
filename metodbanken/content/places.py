"""Where things live, in one place: each content type's folder of files and section of pages (from schema.py), the
other sections, page and file paths, the URLs per language (Swedish at the root, English under /en/) and the short
URLs. Pages, documents and editors ask here instead of writing a folder name out; renaming a section is one edit.

A path is relative to a language's root and has no leading slash ("metoder/karngrupp/"); a URL starts with "/" and
carries the language ("/en/metoder/karngrupp/").
"""

from __future__ import annotations

from metodbanken.content.schema import CASE, ITEM_TYPES, MATERIAL, METHOD, STEP, ContentType
from metodbanken.words.languages import DEFAULT_LANGUAGE, LANGUAGES

# Folders under docs/ whose pages the engine generates (git-ignored; rewritten on every build).
SECTIONS = {
    "step": STEP.section,
    "method": METHOD.section,
    "case": CASE.section,
    "material": MATERIAL.section,
    "glossary": "begrepp",
    "search": "sok",
    "compare": "jamfor",
}
DATA = "data"  # the open data files
WHOLE_GUIDE = "hela-guiden"  # every step on one page, under the steps' section
ITEM_TYPES_BY_NAME = {t.name: t for t in ITEM_TYPES}
# The folders of content files (one file per item, or per step).
CONTENT_FOLDERS = tuple(t.folder for t in (*ITEM_TYPES, STEP))
# Names a page of its own already uses in a section, so no item may take them as its id.
RESERVED_NAMES = {
    "index",
    WHOLE_GUIDE,
    SECTIONS["search"],
    SECTIONS["compare"],
    DATA,
    "assets",
    "search",
    "pagefind",
    *LANGUAGES,
}


def item_type(kind: str) -> ContentType:
    """ "method", "case" or "material" -> its content type."""
    return ITEM_TYPES_BY_NAME[kind]


def section_path(section: str) -> str:
    """The index page of a section ("method" -> "metoder/")."""
    return f"{SECTIONS[section]}/"


def item_path(kind: str, item_id: str) -> str:
    """An item's page: ("method", "karngrupp") -> "metoder/karngrupp/"."""
    return f"{SECTIONS[kind]}/{item_id}/"


def step_path(page_id: str) -> str:
    """A step's page: "1-initiera-samverkan" -> "steg/1-initiera-samverkan/"."""
    return f"{SECTIONS['step']}/{page_id}/"


def download_path(material_id: str, file_name: str = "") -> str:
    """Where a material's file is published ("material/<id>/<file>"); without a file name, the folder."""
    return f"{SECTIONS['material']}/{material_id}/{file_name}"


def material_files(material_id: str, file_name: str = "") -> str:
    """Where a material's file lies among the content ("materials/<id>/<file>"); without a file name, the folder."""
    return f"{MATERIAL.folder}/{material_id}" + (f"/{file_name}" if file_name else "")


def site_pages(steps: tuple, items: dict[str, tuple]) -> set[str]:
    """Every path the engine generates (without the language prefix), for checking redirects."""
    pages = {"", DATA + "/", step_path(WHOLE_GUIDE)} | {section_path(s) for s in SECTIONS}
    pages |= {step_path(s.page_id) for s in steps}
    for kind in ITEM_TYPES_BY_NAME:
        pages |= {item_path(kind, item.id) for item in items[kind]}
    pages |= {download_path(m.id, f.file) for m in items["material"] for f in m.files}
    return pages


def short_urls(steps: tuple) -> dict[str, str]:
    """Short, stable addresses trainers can put on slides: steg/1/ -> steg/1-initiera-samverkan/."""
    return {step_path(str(s.number)): step_path(s.page_id) for s in steps}


def prefix(language: str) -> str:
    """The language's folder in the built site: "" for Swedish, "en/" for English."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def url(language: str, path: str) -> str:
    """("en", "metoder/x/") -> "/en/metoder/x/"; ("sv", "metoder/x/") -> "/metoder/x/"."""
    return "/" + prefix(language) + path


def split_language(address: str) -> tuple[str, str]:
    """/en/metoder/x/ -> ("en", "metoder/x/"); /metoder/x/ -> ("sv", "metoder/x/")."""
    path = address.lstrip("/")
    for language in LANGUAGES:
        if language != DEFAULT_LANGUAGE and (path == f"{language}/" or path.startswith(f"{language}/")):
            return language, path[len(language) + 1 :]
    return DEFAULT_LANGUAGE, path


def page_of_file(file: str) -> str:
    """The site path a content file's text is published under (for resolving its relative links)."""
    folder, _, name = file.partition("/")
    sections = {t.folder: t.section for t in (*ITEM_TYPES, STEP)}
    stem = name.split(".")[0] if name else "index"
    return f"{sections.get(folder, SECTIONS['glossary'])}/{stem}/"


def source_file(src_uri: str) -> str:
    """The file a page was made from, as an editor finds it (src_uri: the page's Markdown file inside docs/)."""
    section, _, rest = src_uri.partition("/")
    folders = {t.section: t.folder for t in ITEM_TYPES}
    if section in folders and rest and not rest.startswith("index."):
        return f"{folders[section]}/{rest}"
    if section == SECTIONS["step"] and rest and not rest.startswith("index."):
        return f"{STEP.folder}/"
    if section == SECTIONS["glossary"]:
        return "glossary.yml"
    if section in (*folders, SECTIONS["step"], SECTIONS["search"], SECTIONS["compare"]) or src_uri.startswith("index."):
        return "overrides/metodbanken/"  # a generated index page: its template
    return "docs/" + src_uri
