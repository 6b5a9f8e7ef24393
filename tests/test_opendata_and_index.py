"""Open data files and the methods index as a tool, in the built fixture site."""

from __future__ import annotations

import csv
import io
import json

import pytest
from htmlkit import parse

LANGUAGES = {"sv": "", "en": "en/"}


def _check(schema: dict, value, path="$"):
    """A small JSON Schema check for the keywords our export schema uses (type, required, properties, items, enum, const, minItems)."""
    types = schema.get("type")
    if types:
        names = types if isinstance(types, list) else [types]
        python = {"object": dict, "array": list, "string": str, "integer": int, "boolean": bool, "null": type(None)}
        assert any(
            isinstance(value, python[n]) and not (n == "integer" and isinstance(value, bool)) for n in names
        ), f"{path}: {value!r} is not {names}"
    if "enum" in schema:
        assert value in schema["enum"], path
    if "const" in schema:
        assert value == schema["const"], path
    for key in schema.get("required", []):
        assert key in value, f"{path}: missing {key}"
    for key, sub in schema.get("properties", {}).items():
        if isinstance(value, dict) and key in value:
            _check(sub, value[key], f"{path}.{key}")
    if "items" in schema and isinstance(value, list):
        assert len(value) >= schema.get("minItems", 0), path
        for i, item in enumerate(value):
            _check(schema["items"], item, f"{path}[{i}]")


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_data_has_every_method_and_matches_its_schema(fixture_site, language):
    folder = fixture_site / "site" / LANGUAGES[language] / "data"
    data = json.loads((folder / "methods.json").read_text(encoding="utf-8"))
    _check(json.loads((folder / "methods.schema.json").read_text(encoding="utf-8")), data)
    pages = sorted(
        p.parent.name for p in (fixture_site / "site" / LANGUAGES[language] / "metoder").glob("*/index.html")
    )
    assert sorted(m["id"] for m in data["methods"]) == pages == ["alfa", "beta", "gamma"]
    assert data["count"] == 3
    rows = list(csv.DictReader(io.StringIO((folder / "methods.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [m["id"] for m in data["methods"]]
    alfa = next(r for r in rows if r["id"] == "alfa")
    assert alfa["arenas"] == ("Skola; Socialtjänst" if language == "sv" else "School; Social services")
    gamma = next(m for m in data["methods"] if m["id"] == "gamma")
    assert gamma["translated"] is (language == "sv")
    for name in ("cases", "materials"):
        _check(
            json.loads((folder / f"{name}.schema.json").read_text(encoding="utf-8")),
            json.loads((folder / f"{name}.json").read_text(encoding="utf-8")),
        )
    assert "CC BY 4.0" in (folder / "LICENSE.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_data_lists_every_file_a_material_offers_the_generated_ones_too(fixture_site, language):
    site = fixture_site / "site" / LANGUAGES[language]
    data = json.loads((site / "data" / "materials.json").read_text(encoding="utf-8"))
    material = next(m for m in data["materials"] if m["id"] == "startmote-mall")
    files = {f["file"]: f for f in material["files"]}
    # the DOCX and PDF made from the Markdown are offered, the Markdown itself is not (few staff can open it) ...
    assert list(files) == ["startmote-mall.pdf", "startmote-mall.docx", "startmote-template.txt"]
    assert (
        files["startmote-mall.pdf"]["generated_from"]
        == files["startmote-mall.docx"]["generated_from"]
        == "startmote-mall.md"
    )
    assert files["startmote-template.txt"]["generated_from"] is None
    # ... and the open data says where it is kept: in the repository
    assert material["source_files"] == [
        {"file": "startmote-mall.md", "language": "sv", "path": "materials/startmote-mall/startmote-mall.md"}
    ]
    page = (site / "material" / "startmote-mall" / "index.html").read_text(encoding="utf-8")
    assert "startmote-mall.docx" in page and 'href="startmote-mall.md"' not in page
    index = (site / "material" / "index.html").read_text(encoding="utf-8")
    assert "startmote-mall/startmote-mall.docx" in index and "startmote-mall/startmote-mall.md" not in index
    for f in files.values():  # each listed file is served at its address, with the size given
        assert (site / f["url"]).stat().st_size == f["bytes"], f["url"]
    rows = list(csv.DictReader(io.StringIO((site / "data" / "materials.csv").read_text(encoding="utf-8"))))
    assert next(r for r in rows if r["id"] == "startmote-mall")["files"].startswith(
        "startmote-mall.pdf; startmote-mall.docx"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_methods_index_links_open_data_and_has_filters_hidden_without_javascript(fixture_site, language):
    doc = parse(fixture_site / "site" / LANGUAGES[language] / "metoder/index.html")
    links = [a.attrs["href"] for a in doc.find_all("a", data_mb_data=True)]
    assert "../data/methods.json" in links and "../data/methods.csv" in links
    (form,) = doc.find_all("form", data_mb_filter=True)
    assert "hidden" in form.attrs  # without JavaScript, the plain full list
    facets = [f.attrs["data-mb-facet"] for f in form.find_all("fieldset")]
    assert facets == [
        "step",
        "evidence_strength",
        "evidence_result",
        "prevention_level",
        "violence_form",
        "arena",
        "target_group",
        "school_stage",
        "cost",
        "approach",
        "gender_transformative",
    ]
    # one checkbox per vocabulary value, its value the value's slug, its label with the count before any choice
    arena = form.find_all("fieldset")[5]
    boxes = [i.attrs["value"] for i in arena.find_all("input")]
    assert boxes[:3] == ["kommunledning", "socialtjanst", "skola"] and all(
        i.attrs["type"] == "checkbox" for i in arena.find_all("input")
    )
    labels = {lab.attrs["for"]: lab.text() for lab in arena.find_all("label")}
    assert labels["mb-f-arena-skola"].endswith("(1)") and labels["mb-f-arena-polis"].endswith("(0)")
    cards = doc.find_all("article", data_mb_entry=True)
    assert not any("hidden" in c.attrs for c in cards)


def test_facet_values_on_a_method_page_link_to_the_filtered_index(fixture_site):
    doc = parse(fixture_site / "site/metoder/alfa/index.html")
    hrefs = [a.attrs["href"] for a in doc.find_all("a")]
    for expected in (
        "../?arena=skola",
        "../?arena=socialtjanst",
        "../?prevention_level=universell",
        "../?violence_form=mans-vald-mot-kvinnor",
        "../?evidence_strength=3",
        "../?evidence_result=no-effect",
        "../?gender_transformative=ja",
    ):
        assert expected in hrefs


def test_step_page_links_to_the_index_filtered_by_its_step(fixture_site):
    doc = parse(fixture_site / "site/en/steg/4-utveckla-insatser/index.html")
    assert "../../metoder/?step=4" in [a.attrs["href"] for a in doc.find_all("a")]


def test_search_index_is_built_per_language(fixture_site):
    bundle = fixture_site / "site/pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"sv", "en"}
    # the English fallback page of an untranslated method is not in the English index
    gamma_en = parse(fixture_site / "site/en/metoder/gamma/index.html")
    assert not gamma_en.find_all(data_pagefind_body=True)
    assert parse(fixture_site / "site/en/metoder/alfa/index.html").find_all(data_pagefind_body=True)
