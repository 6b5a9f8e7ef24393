"""Generate the form editor's configuration (docs/admin/config.yml, Sveltia CMS) from schema.py and vocabularies.yml."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from metodbanken.content.fielddocs import doc, load_vocabularies
from metodbanken.content.schema import (
    CASE,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    MATERIAL,
    METHOD,
    NESTED_TYPES,
    SLUG_PATTERN,
    SOURCE,
    STEP_NUMBERS,
    TERM,
    ContentType,
    Field,
)

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
COLLECTIONS = {"method": "methods", "case": "cases", "material": "materials"}

# Short Swedish labels of the form's fields (the longer explanation, fielddocs.doc, becomes the field's hint).
FIELD_LABELS = {
    "id": "Id (blir filnamnet och adressen)",
    "title": "Titel",
    "summary": "Sammanfattning",
    "steps": "Steg",
    "prevention_levels": "Preventionsnivåer",
    "violence_forms": "Våldsformer",
    "arenas": "Arenor",
    "target_groups": "Målgrupper",
    "approaches": "Förebyggande ansats",
    "gender_transformative": "Genusförändrande ansats",
    "evaluations": "Utvärderingar",
    "evaluations_searched": "Sökning efter utvärderingar (om ni inte hittade någon)",
    "evaluations_searched_on": "Datum för sökningen",
    "age_min": "Lägsta ålder (år)",
    "age_max": "Högsta ålder (år)",
    "school_stages": "Skolstadier",
    "ages_source": "Källa för ålder eller skolstadium",
    "cost": "Kostnad",
    "cost_amount": "Belopp eller vad som betalas",
    "cost_year": "År som beloppet gäller",
    "cost_source": "Källa för kostnaden",
    "dosage": "Omfattning (träffar, timmar, veckor)",
    "dosage_source": "Källa för omfattningen",
    "read": "Vad ni läste",
    "design": "Upplägg",
    "evaluator": "Vem som utvärderade",
    "population": "Vilka som deltog (vilka, var, hur många, när)",
    "outcomes": "Vad som mättes och resultatet",
    "measure": "Mått",
    "result": "Resultat",
    "limits": "Begränsningar",
    "unstated": "Uppgifter som källorna inte anger",
    "resources": "Vad som krävs",
    "owner": "Ägare eller kontakt",
    "owner_url": "Ägarens webbadress",
    "sources": "Källor",
    "related_methods": "Relaterade metoder",
    "last_reviewed": "Senast granskad",
    "organisations": "Vilka (kommuner, län, partner)",
    "region": "Län eller region",
    "start_year": "Startår",
    "end_year": "Slutår",
    "methods": "Metoder",
    "materials": "Material",
    "type": "Typ av material",
    "licence": "Licens",
    "files": "Filer",
    "file": "Fil",
    "language": "Språk",
    "term": "Begrepp",
    "definition": "Definition",
    "publisher": "Utgivare",
    "year": "År",
    "url": "Webbadress",
    "accessed": "Läst",
    "note": "Anteckning",
    "body": "Text",
}
LANGUAGE_NAMES = {"sv": "svenska", "en": "engelska"}
# How an entry of a list of objects is named in the form's collapsed list.
_LIST_SUMMARIES = {
    "evaluations": {"label_singular": "Utvärdering", "summary": "{{fields.design}} ({{fields.source}})"},
    "outcomes": {"label_singular": "Mått", "summary": "{{fields.measure}}: {{fields.result}}"},
}
_TITLES = {"method": ("Metoder", "Metod"), "case": ("Exempel", "Exempel"), "material": ("Material", "Material")}
_SUMMARY_TEMPLATE = "{{title}}"
_REF_TARGETS = {"method": "methods", "case": "cases", "material": "materials"}
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
    for path in sorted((Path(root) / "checklists").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict) and isinstance(data.get("title"), dict) and data.get("step") in STEP_NUMBERS:
            titles[data["step"]] = data["title"]
    return titles


def _hint(text: str) -> str:
    """Sveltia renders hints as Markdown with HTML: '<id>' would vanish as an unknown tag."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _label(name: str) -> str:
    return FIELD_LABELS.get(name, name)


def _option_label(label: dict) -> str:
    return f"{label['sv']} ({label['en']})" if label.get("en") and label["en"] != label["sv"] else label["sv"]


def _pattern(kind: str) -> list[str] | None:
    if kind == "slug":
        return [SLUG_PATTERN, "Bara små bokstäver a–z, siffror och enstaka bindestreck (å, ä → a; ö → o)."]
    if kind == "url":
        return [r"^https?://\S+$", "En webbadress som börjar med https://"]
    if kind == "date":
        return [r"^\d{4}-\d{2}-\d{2}$", "Ett datum ÅÅÅÅ-MM-DD."]
    return None


def _relation(field: Field) -> dict:
    if field.ref == "source":
        return {
            "widget": "relation",
            "collection": "sources",
            "file": "sources",
            "value_field": "sources.*.id",
            "display_fields": ["sources.*.title"],
            "search_fields": ["sources.*.title", "sources.*.id"],
        }
    return {
        "widget": "relation",
        "collection": _REF_TARGETS[field.ref],
        "value_field": "id",
        "display_fields": ["title"],
        "search_fields": ["title", "id"],
    }


def field_config(field: Field, vocabularies: dict, *, type_name: str, steps: dict, i18n: bool) -> dict:
    """The form field of one schema field."""
    config: dict = {
        "name": field.name,
        "label": _label(field.name),
        "hint": _hint(doc(field, "sv", type_name=type_name)),
    }
    kind = field.kind
    if kind in ("term", "terms"):
        values = vocabularies[field.vocabulary]["values"]
        config |= {
            "widget": "select",
            "options": [{"label": _option_label(spec["label"]), "value": value} for value, spec in values.items()],
        }
    elif kind == "steps":
        config |= {
            "widget": "select",
            "options": [
                {"label": f"{n}. " + _option_label(steps[n]) if n in steps else str(n), "value": n}
                for n in STEP_NUMBERS
            ],
        }
    elif kind in ("ref", "refs"):
        config |= _relation(field)
    elif kind == "integer":
        config |= {"widget": "number", "value_type": "int"}
        if field.minimum is not None:
            config["min"] = field.minimum
        if field.maximum is not None:
            config["max"] = field.maximum
    elif kind == "date":
        config |= {"widget": "datetime", "type": "date", "format": "YYYY-MM-DD", "time_format": False}
    elif kind == "url":
        config |= {"widget": "string", "type": "url"}
    elif kind == "localized":
        inner = "markdown" if field.markdown else "text"
        config |= {
            "widget": "object",
            "fields": [
                {
                    "name": lang,
                    "label": LANGUAGE_NAMES[lang].capitalize(),
                    "widget": inner if inner == "text" else "markdown",
                    **({"modes": ["raw"]} if inner == "markdown" else {}),
                    "required": lang == DEFAULT_LANGUAGE and field.required,
                }
                for lang in LANGUAGES
            ],
        }
    elif kind == "objects":
        sub_type = NESTED_TYPES.get(field.name, field.name)
        config |= {
            "widget": "list",
            "fields": [
                field_config(f, vocabularies, type_name=sub_type, steps=steps, i18n=False) for f in field.fields
            ],
        }
        if field.name in _LIST_SUMMARIES:
            config |= _LIST_SUMMARIES[field.name]
        if field.name == "files":
            file_field = next(f for f in config["fields"] if f["name"] == "file")
            file_field.update({"widget": "file", "media_folder": "/materials/{{slug}}", "public_folder": ""})
            file_field.pop("pattern", None)
    elif kind == "strings":
        config |= {"widget": "list"}
    elif kind in ("text", "slug", "markdown"):
        long_text = (field.max_length or 0) > 120
        config |= {"widget": "text" if long_text else "string"}
        if field.max_length:
            config["maxlength"] = field.max_length
    else:  # a kind this generator does not know yet: fail loudly rather than write a field the form mishandles
        raise ValueError(f"cmsconfig: no form widget for field kind {kind!r} ({type_name}.{field.name})")
    if field.is_list and kind not in ("objects",):
        if kind in ("terms", "steps", "refs"):
            config["multiple"] = True
    if field.is_list and field.min_items:
        config["min"] = field.min_items
    pattern = _pattern(kind)
    if pattern and kind not in ("objects",):
        config["pattern"] = pattern
    if field.default not in (None, ()):
        config["default"] = field.default
    elif kind == "date" and field.name == "last_reviewed":
        config["default"] = "{{now}}"
    config["required"] = field.required
    if i18n:
        config["i18n"] = field.translated
    return config


def _body_config(content_type: ContentType) -> dict:
    return {
        "name": "body",
        "label": _label("body"),
        "widget": "markdown",
        "modes": ["raw", "rich_text"],
        "i18n": True,
        "required": content_type.body_required,
        "hint": "Markdown. " + _BODY_HINTS[content_type.name],
    }


def _item_collection(content_type: ContentType, vocabularies: dict, steps: dict) -> dict:
    plural, singular = _TITLES[content_type.name]
    fields = [
        field_config(f, vocabularies, type_name=content_type.name, steps=steps, i18n=True) for f in content_type.fields
    ]
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
        collection |= {"media_folder": "/materials/{{slug}}", "public_folder": ""}
    return collection


def _sources_collection(vocabularies: dict, steps: dict) -> dict:
    id_field = {
        "name": "id",
        "label": "Id",
        "widget": "string",
        "required": True,
        "pattern": _pattern("slug"),
        "hint": "Stabilt id som innehållet hänvisar till (sources: [id]). Ändra det aldrig när det används.",
    }
    fields = [id_field] + [
        field_config(f, vocabularies, type_name="source", steps=steps, i18n=False) for f in SOURCE.fields
    ]
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
    fields = [field_config(f, vocabularies, type_name="term", steps=steps, i18n=False) for f in TERM.fields]
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
        "media_folder": "materials",
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


def as_json(root: Path) -> str:
    return json.dumps(build_config(root), ensure_ascii=False, indent=2)
