"""The form editor at /admin/: a bundle that is the one the lockfile pins, a configuration generated from the schema
that covers every field and validates against Sveltia's own schema, a strict CSP, and a place in the built site
that is Swedish only and unindexed. No Node needed: the bundle's banner records what it was built from."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from sitekit import REPO

from metodbanken.content.schema import CASE, MATERIAL, METHOD, SOURCE, TERM
from metodbanken.content.vocabularies import load_vocabularies
from metodbanken.editors.cmsconfig import CONFIG_FILE, REGENERATE, build_config, stale

ADMIN = REPO / "docs" / "admin"
BUNDLE = ADMIN / "cms" / "metodbanken-cms.js"
REBUILD = "cd admin && npm ci && npm run build"
PINNED = ("@sveltia/cms", "esbuild", "yaml")
SOURCES = ("main.js", "prefs.js", "build.mjs")
SVELTIA_SCHEMA = Path(__file__).parent / "data" / "sveltia-cms.schema.json"
COLLECTIONS = {"methods": METHOD, "cases": CASE, "materials": MATERIAL}


def _banner() -> str:
    text = BUNDLE.read_text(encoding="utf-8")
    assert text.startswith("/*!"), f"{BUNDLE} has no banner: rebuild it with `{REBUILD}`"
    return text[: text.index("*/")]


def test_the_committed_bundle_is_the_one_the_lockfile_pins():
    lock = json.loads((REPO / "admin" / "package-lock.json").read_text(encoding="utf-8"))
    banner = _banner()
    for name in PINNED:
        entry = lock["packages"][f"node_modules/{name}"]
        assert (
            f"package {name} {entry['version']} {entry['integrity']}" in banner
        ), f"the bundle was not built from {name} {entry['version']} as admin/package-lock.json pins: rebuild with `{REBUILD}`"
    for name in SOURCES:
        digest = hashlib.sha256((REPO / "admin" / name).read_bytes()).hexdigest()
        assert (
            f"source admin/{name} sha256-{digest}" in banner
        ), f"admin/{name} changed since the bundle was built: `{REBUILD}`"


def test_the_lockfile_pins_exact_versions_and_node_modules_stay_out_of_git():
    package = json.loads((REPO / "admin" / "package.json").read_text(encoding="utf-8"))
    versions = {**package.get("dependencies", {}), **package.get("devDependencies", {})}
    assert sorted(versions) == sorted(PINNED)
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in versions.values()), versions
    assert "/admin/node_modules/" in (REPO / ".gitignore").read_text(encoding="utf-8")


def test_every_chunk_the_bundle_imports_is_committed():
    folder = BUNDLE.parent
    for script in folder.glob("*.js"):
        for name in re.findall(r'"\./([\w.-]+\.js)"', script.read_text(encoding="utf-8")):
            assert (folder / name).exists(), f"{script.name} imports {name}, which is missing: `{REBUILD}`"
    for font in ("source-sans-3", "material-symbols-outlined", "noto-mono"):
        assert list((folder / "assets").glob(f"{font}-*.woff2")), font


def test_nothing_in_the_bundle_points_at_a_cdn():
    for script in BUNDLE.parent.glob("*.js"):
        text = script.read_text(encoding="utf-8")
        assert "cdn.jsdelivr.net" not in text and "githubstatus.com/api" not in text, script.name


# -- the configuration ----------------------------------------------------------------------------


def test_the_configuration_is_up_to_date():
    assert not stale(REPO), f"{CONFIG_FILE} is out of date. Regenerate it with `{REGENERATE}` and commit it."


def test_the_configuration_validates_against_sveltias_schema():
    schema = json.loads(SVELTIA_SCHEMA.read_text(encoding="utf-8"))
    config = yaml.safe_load((REPO / CONFIG_FILE).read_text(encoding="utf-8"))
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
        for e in jsonschema.Draft7Validator(schema).iter_errors(config)
    ]
    assert errors == []


def test_changes_become_pull_requests_signed_in_with_a_token():
    config = build_config(REPO)
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["name"] == "github" and config["backend"]["auth_methods"] == ["token"]
    assert config["i18n"] | {} == {
        "structure": "multiple_files",
        "locales": ["sv", "en"],
        "default_locale": "sv",
        "initial_locales": "all",
        "omit_default_locale_from_file_path": True,
    }


def _fields(collection: dict) -> dict[str, dict]:
    return {f["name"]: f for f in collection["fields"]}


@pytest.mark.parametrize("name", sorted(COLLECTIONS))
def test_every_schema_field_is_in_the_form_with_the_checkers_rules(name):
    content_type = COLLECTIONS[name]
    vocabularies = load_vocabularies(REPO)
    collection = next(c for c in build_config(REPO)["collections"] if c["name"] == name)
    assert collection["folder"] == content_type.folder and collection["format"] == f"metodbanken-{content_type.name}"
    fields = _fields(collection)
    assert list(fields) == [f.name for f in content_type.fields] + ["body"], "every field, in the files' order"
    for field in content_type.fields:
        form = fields[field.name]
        assert form["required"] == field.required, field.name
        assert form["i18n"] == field.translated, f"{field.name}: translated fields only in the English file"
        if field.vocabulary:
            values = [o["value"] for o in form["options"]]
            assert form["widget"] == "select" and values == list(vocabularies[field.vocabulary]["values"]), field.name
            for option, spec in zip(form["options"], vocabularies[field.vocabulary]["values"].values(), strict=False):
                assert spec["label"]["sv"] in option["label"] and spec["label"]["en"] in option["label"], option
            assert form.get("multiple", False) == (field.kind.name == "terms")
        if field.kind.name == "steps":
            assert [o["value"] for o in form["options"]] == [1, 2, 3, 4, 5] and form["multiple"]
        if field.kind.name in ("ref", "refs"):
            assert form["widget"] == "relation" and form.get("multiple", False) == (field.kind.name == "refs")
            target = {"method": "methods", "case": "cases", "material": "materials", "source": "sources"}[field.ref]
            assert form["collection"] == target
        if field.kind.name == "date":
            assert form["widget"] == "datetime" and form["format"] == "YYYY-MM-DD" and form["time_format"] is False
        if field.max_length:
            assert form["maxlength"] == field.max_length
        if field.min_items:
            assert form["min"] == field.min_items
    assert fields["id"]["pattern"][0] == r"^[a-z0-9]+(-[a-z0-9]+)*$"
    assert fields["summary"]["maxlength"] == 300 and fields["summary"]["required"]
    assert fields["body"]["i18n"] is True and fields["body"]["required"] == content_type.body_required


def test_sources_and_glossary_are_edited_as_lists_of_their_fields():
    config = build_config(REPO)
    sources = next(c for c in config["collections"] if c["name"] == "sources")["files"][0]
    assert sources["file"] == "sources.yml" and sources["format"] == "metodbanken-sources"
    assert [f["name"] for f in sources["fields"][0]["fields"]] == ["id"] + [f.name for f in SOURCE.fields]
    glossary = next(c for c in config["collections"] if c["name"] == "glossary")["files"][0]
    assert glossary["file"] == "glossary.yml" and [f["name"] for f in glossary["fields"][0]["fields"]] == [
        f.name for f in TERM.fields
    ]


def test_material_files_are_uploaded_beside_the_material():
    materials = next(c for c in build_config(REPO)["collections"] if c["name"] == "materials")
    files = _fields(materials)["files"]
    file_field = next(f for f in files["fields"] if f["name"] == "file")
    assert (
        file_field["widget"] == "file"
        and file_field["media_folder"] == "/materials/{{slug}}"
        and file_field["public_folder"] == ""
    )


# -- the page ------------------------------------------------------------------------------------


def _csp(html: str) -> dict[str, list[str]]:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert match, "no CSP meta"
    return {part.split()[0]: part.split()[1:] for part in match.group(1).split(";") if part.strip()}


def test_the_admin_page_has_its_own_strict_csp_first_and_no_inline_script():
    html = (ADMIN / "index.html").read_text(encoding="utf-8")
    head = html[html.index("<head>") + len("<head>") :].lstrip()
    assert head.startswith('<meta http-equiv="Content-Security-Policy"'), "the CSP must come first in <head>"
    assert html.count('http-equiv="Content-Security-Policy"') == 1
    # the whole policy, pinned: a change that widens any directive (img-src, style-src, ...) must change this test
    assert _csp(html) == {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'"],
        "img-src": ["'self'", "blob:", "data:"],
        "connect-src": ["'self'", "data:", "https://api.github.com"],
        "worker-src": ["'self'", "blob:"],
        "manifest-src": ["'self'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
        "object-src": ["'none'"],
    }
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S)
    assert [attrs.strip() for attrs, _ in scripts] == ['src="editor.js"', 'type="module" src="cms/metodbanken-cms.js"']
    assert not any(body.strip() for _, body in scripts), "no inline script"
    assert html.count('name="viewport"') == 1 and "maximum-scale" not in html and "user-scalable" not in html
    assert not re.search(r"\son\w+=", html), "no inline event handlers"
    assert not re.search(r'(src|href)="(https?:)?//', html), "nothing from another origin"
    assert '<meta name="robots" content="noindex, nofollow">' in html and '<html lang="sv">' in html


def test_admin_is_in_the_swedish_site_only_and_not_indexed(fixture_site):
    site = fixture_site / "site"
    assert (site / "admin" / "index.html").exists() and (site / "admin" / "config.yml").exists()
    assert (site / "admin" / "cms" / "metodbanken-cms.js").exists()
    assert not (site / "en" / "admin").exists(), "static-i18n must not copy the editor to /en/admin/"
    for sitemap in site.rglob("sitemap.xml"):
        assert "/admin/" not in sitemap.read_text(encoding="utf-8"), sitemap
    html = (site / "admin" / "index.html").read_text(encoding="utf-8")
    assert html == (ADMIN / "index.html").read_text(encoding="utf-8"), "copied verbatim"
    assert "data-pagefind-body" not in html and 'data-pagefind-ignore="all"' in html
