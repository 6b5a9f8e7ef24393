"""Generate the form editor's configuration (docs/admin/config.yml, Sveltia CMS) from schema.py and vocabularies.yml."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from metodbanken.content.kinds import Form, Slug
from metodbanken.content.schema import (
    CASE,
    DEFAULT_LANGUAGE,
    ITEM_TYPES,
    LANGUAGES,
    MATERIAL,
    METHOD,
    SOURCE,
    STEP,
    STEP_NUMBERS,
    TERM,
    ContentType,
    Field,
)
from metodbanken.content.vocabularies import load_vocabularies

CONFIG_FILE = "docs/admin/config.yml"
REGENERATE = ".venv/bin/python -m metodbanken cms"
BRANCH = "main"
# The GitHub repository the form writes to (owner/name): `extra.repository` in mkdocs.yml.
REPOSITORY_PLACEHOLDER = "OWNER/metodbanken"
# Names of our file formats, registered by admin/main.js (they keep the schema hint and the way values are written).
FORMATS = {
    "method": "metodbanken-method",
    "case": "metodbanken-case",
    "material": "metodbanken-material",
    "sources": "metodbanken-sources",
    "glossary": "metodbanken-glossary",
}
COLLECTIONS = {t.name: t.collection for t in ITEM_TYPES}

_TITLES = {"method": ("Metoder", "Metod"), "case": ("Exempel", "Exempel"), "material": ("Material", "Material")}
_SUMMARY_TEMPLATE = "{{title}}"
_BODY_HINTS = {
    "method": (
        "Rubrikerna Syfte, Så går det till, Vad som krävs och Erfarenheter"
        " (på engelska: Purpose, How it is done, What it takes, Experiences)."
    ),
    "case": "Rubrikerna Vad gjordes och Resultat och lärdomar (på engelska: What was done, Results and lessons).",
    "material": "Rubrikerna Innehåll och Så använder du det (på engelska: Contents, How to use it).",
}


class _IgnoreTags(yaml.SafeLoader):
    """Read mkdocs.yml without running its tags (!ENV ...)."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)
_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)  # toc's slugify


def repository(root: Path) -> str:
    """owner/name of the GitHub repository, from `extra.repository` in mkdocs.yml."""
    path = Path(root) / "mkdocs.yml"
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_IgnoreTags) if path.exists() else {}
    value = ((config or {}).get("extra") or {}).get("repository")
    return value if isinstance(value, str) and is_repository_name(value) else REPOSITORY_PLACEHOLDER


def step_titles(root: Path) -> dict[int, dict[str, str]]:
    """{step number: {sv, en}} from checklists/ (read plainly; `check` validates them)."""
    titles: dict[int, dict[str, str]] = {}
    for path in sorted((Path(root) / STEP.folder).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict) and isinstance(data.get("title"), dict) and data.get("step") in STEP_NUMBERS:
            titles[data["step"]] = data["title"]
    return titles


def field_config(field: Field, vocabularies: dict, *, steps: dict, i18n: bool) -> dict:
    """The form field of one schema field (its kind gives the widget: kinds.py)."""
    return field.widget(Form(vocabularies, steps, COLLECTIONS), i18n=i18n)


def _body_config(content_type: ContentType) -> dict:
    return {
        "name": "body",
        "label": "Text",
        "widget": "markdown",
        "modes": ["raw", "rich_text"],
        "i18n": True,
        "required": content_type.body_required,
        "hint": "Markdown. " + _BODY_HINTS[content_type.name],
    }


def _item_collection(content_type: ContentType, vocabularies: dict, steps: dict) -> dict:
    plural, singular = _TITLES[content_type.name]
    fields = [field_config(f, vocabularies, steps=steps, i18n=True) for f in content_type.fields]
    collection = {
        "name": COLLECTIONS[content_type.name],
        "label": plural,
        "label_singular": singular,
        "folder": content_type.folder,
        "format": FORMATS[content_type.name],
        "create": True,  # the format (admin/main.js) names the extension
        # A published page never disappears: removing one needs a redirect, so it is done in a pull request by hand.
        "delete": False,
        "identifier_field": "title",
        "summary": _SUMMARY_TEMPLATE,
        "slug": {"template": "{{fields.id}}", "editable": False},
        "i18n": True,
        "fields": fields + ([_body_config(content_type)] if content_type.body else []),
        "sortable_fields": ["title", "last_reviewed"],
    }
    if content_type.name == "material":
        collection |= {"media_folder": f"/{MATERIAL.folder}/{{{{slug}}}}", "public_folder": ""}
    return collection


def _sources_collection(vocabularies: dict, steps: dict) -> dict:
    id_field = {
        "name": "id",
        "label": "Id",
        "widget": "string",
        "required": True,
        "pattern": list(Slug.form_pattern),
        "hint": "Stabilt id som innehållet hänvisar till (sources: [id]). Ändra det aldrig när det används.",
    }
    fields = [id_field] + [field_config(f, vocabularies, steps=steps, i18n=False) for f in SOURCE.fields]
    return {
        "name": "sources",
        "label": "Källor",
        "files": [
            {
                "name": "sources",
                "label": "Källor (sources.yml)",
                "file": "sources.yml",
                "format": FORMATS["sources"],
                "i18n": False,
                "fields": [
                    {
                        "name": "sources",
                        "label": "Källor",
                        "label_singular": "Källa",
                        "widget": "list",
                        "summary": "{{fields.title}}",
                        "collapsed": True,
                        "fields": fields,
                    }
                ],
            }
        ],
    }


def _glossary_collection(vocabularies: dict, steps: dict) -> dict:
    fields = [field_config(f, vocabularies, steps=steps, i18n=False) for f in TERM.fields]
    return {
        "name": "glossary",
        "label": "Begrepp",
        "files": [
            {
                "name": "glossary",
                "label": "Begrepp (glossary.yml)",
                "file": "glossary.yml",
                "format": FORMATS["glossary"],
                "i18n": False,
                "fields": [
                    {
                        "name": "terms",
                        "label": "Begrepp",
                        "label_singular": "Begrepp",
                        "widget": "list",
                        "summary": "{{fields.term.sv}}",
                        "collapsed": True,
                        "fields": fields,
                    }
                ],
            }
        ],
    }


def build_config(root: Path, repository_name: str | None = None) -> dict:
    """The Sveltia CMS configuration as a dict (repository_name: the repository the form writes to, owner/name;
    default: `extra.repository` in mkdocs.yml)."""
    root = Path(root)
    vocabularies = load_vocabularies(root)
    steps = step_titles(root)
    return {
        "backend": {
            "name": "github",
            "repo": repository_name or repository(root),
            "branch": BRANCH,
            "auth_methods": ["token"],  # a personal access token: no OAuth server
            "commit_messages": {
                "create": "Ny {{collection}}: {{slug}}",
                "update": "Ändra {{collection}}: {{slug}}",
                "delete": "Ta bort {{collection}}: {{slug}}",
                "uploadMedia": "Ladda upp {{path}}",
                "deleteMedia": "Ta bort {{path}}",
            },
        },
        "publish_mode": "editorial_workflow",  # every change becomes a pull request; the content check runs on it
        "app_title": "Metodbanken – redigera",
        "media_folder": MATERIAL.folder,
        "public_folder": "",
        "i18n": {
            "structure": "multiple_files",
            "locales": list(LANGUAGES),
            "default_locale": DEFAULT_LANGUAGE,
            "initial_locales": "all",
            "omit_default_locale_from_file_path": True,
        },
        "output": {"omit_empty_optional_fields": False},
        "collections": [_item_collection(t, vocabularies, steps) for t in (METHOD, CASE, MATERIAL)]
        + [_sources_collection(vocabularies, steps), _glossary_collection(vocabularies, steps)],
    }


_HEADER = (
    "# Metodbanken's form editor (Sveltia CMS) at /admin/."
    " Generated from metodbanken/content/schema.py and vocabularies.yml by:\n"
    f"#   {REGENERATE}\n# Do not edit by hand: a test fails when this file is out of date.\n"
)


def render_config(root: Path, repository_name: str | None = None) -> str:
    """config.yml's text: JSON-compatible YAML, key order as built."""
    body = yaml.safe_dump(
        build_config(root, repository_name), allow_unicode=True, sort_keys=False, width=120, default_flow_style=False
    )
    return _HEADER + body


def stale(root: Path) -> bool:
    path = Path(root) / CONFIG_FILE
    return not path.exists() or path.read_text(encoding="utf-8") != render_config(root)


def is_repository_name(value: str) -> bool:
    """owner/name as GitHub spells repositories."""
    return bool(re.fullmatch(r"[\w.-]+/[\w.-]+", value or ""))


def write_config(root: Path, repository_name: str | None = None) -> bool:
    """Write config.yml when it changed; True if it did. repository_name: as for build_config (the publishing
    workflow passes GITHUB_REPOSITORY)."""
    path = Path(root) / CONFIG_FILE
    text = render_config(root, repository_name)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True
