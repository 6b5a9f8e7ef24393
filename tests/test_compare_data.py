"""The compare page's data (jamfor/metoder.json): every method, with the ratings and facts the open data and the
method pages give, in both languages; the page's fact list as long as compare.css lays out."""

from __future__ import annotations

import html
import json
import re

import pytest
from sitekit import REPO

from metodbanken.content.load import load_bank
from metodbanken.pages.compare import compare_data, write_compare_data
from metodbanken.pages.opendata import export
from metodbanken.pages.render import COMPARE_MAX, Renderer, load_labels

LANGUAGES = ("sv", "en")


@pytest.fixture(scope="module")
def bank():
    return load_bank(REPO)


@pytest.fixture(scope="module")
def labels():
    return load_labels(REPO / "labels")


@pytest.fixture(scope="module")
def pages(bank, labels):
    """pages(language): the real bank's Markdown pages in that language, rendered once."""
    renderer = Renderer(templates_dir=REPO / "overrides" / "metodbanken", labels=labels)
    cache: dict[str, dict[str, str]] = {}

    def inner(language: str) -> dict[str, str]:
        if language not in cache:
            cache[language] = renderer.render_language(bank, language)
        return cache[language]

    return inner


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_method_with_the_ratings_and_facts_of_the_open_data(bank, labels, language):
    data = json.loads(compare_data(bank, language, labels[language]))
    opened = {m["id"]: m for m in json.loads(export(bank, language)["methods.json"])["methods"]}
    records = {m["id"]: m for m in data["methods"]}
    assert sorted(records) == sorted(opened) == sorted(m.id for m in bank.methods)
    assert data["count"] == len(bank.methods) > 0 and data["max"] == COMPARE_MAX == 4
    for method_id, record in records.items():
        source = opened[method_id]
        for rating in ("evidence_strength", "evidence_result"):
            assert record[rating] == source[rating], f"{method_id}: {rating}"
            assert data["meanings"][rating][str(record[rating]["value"])], f"{method_id}: no meaning for {rating}"
        assert record["title"] == source["title"]
        for field in ("dosage", "resources", "owner", "owner_url"):
            assert record[field] == source[field], f"{method_id}: {field}"
        if source["cost"] is None:
            assert record["cost"] is None
        else:
            assert record["cost"]["kind"] == source["cost"]["label"]
            assert record["cost"]["amount"] == source["cost_amount"]
            assert (record["cost"]["year"] is None) == (source["cost_year"] is None)
        no_ages = source["age_min"] is None and source["age_max"] is None and not source["school_stages"]
        assert (record["ages"] is None) == no_ages, f"{method_id}: ages"
        for stage in source["school_stages"]:
            assert stage["label"] in record["ages"]
        if source["evaluations"]:
            assert record["measured"]["evaluations"] == len(source["evaluations"])
            assert record["measured"]["population"] in [e["population"] for e in source["evaluations"]]
        else:
            assert record["measured"] is None
            assert record["searched"]["on"] == source["evaluations_searched_on"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_facts_read_as_the_method_page_writes_them(bank, labels, pages, language):
    """Ages, cost and the measured line are put together in Python for the JSON: each reads as on the method page."""
    rendered = pages(language)
    records = json.loads(compare_data(bank, language, labels[language]))["methods"]
    checked = 0
    for record in records:
        page = html.unescape(rendered[f"metoder/{record['id']}{'' if language == 'sv' else '.en'}.md"])
        page = re.sub(r"<[^>]+>", "", page)  # the page's text, as the reader sees it
        if record["ages"]:
            assert record["ages"] in page, f"{record['id']}: {record['ages']!r} is not what the method page says"
        if record["cost"]:
            cost = record["cost"]["kind"] + (": " + record["cost"]["amount"] if record["cost"]["amount"] else "")
            assert cost in page, f"{record['id']}: {cost!r}"
        if record["measured"]:
            line = f"({record['measured']['design']}): {record['measured']['outcomes']}."
            assert line in page, f"{record['id']}: {line!r}"
            checked += 1
    assert checked > 0


def test_a_swedish_fallback_is_marked_on_the_english_data(bank_root, labels):
    bank = load_bank(bank_root)  # the fixture bank: gamma is not translated
    gamma = next(m for m in json.loads(compare_data(bank, "en", labels["en"]))["methods"] if m["id"] == "gamma")
    assert "title" in gamma["sv"]
    alfa = next(m for m in json.loads(compare_data(bank, "en", labels["en"]))["methods"] if m["id"] == "alfa")
    assert "title" not in alfa["sv"]
    assert all(not m["sv"] for m in json.loads(compare_data(bank, "sv", labels["sv"]))["methods"])


def test_the_file_sits_beside_the_compare_page(bank, labels, tmp_path):
    target = write_compare_data(bank, tmp_path / "en", "en", labels["en"])
    assert target == tmp_path / "en" / "jamfor" / "metoder.json"
    assert json.loads(target.read_text(encoding="utf-8"))["language"] == "en"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_lists_as_many_facts_as_its_columns_have_rows(pages, language):
    page = pages(language)["jamfor/index.md" if language == "sv" else "jamfor/index.en.md"]
    facts = re.findall(r'<li data-fact="([a-z_]+)">([^<]+)</li>', page)
    assert [key for key, _ in facts] == [
        "evidence_strength",
        "evidence_result",
        "measured",
        "ages",
        "cost",
        "dosage",
        "resources",
        "owner",
    ]
    assert all(label.strip() for _, label in facts)
    css = (REPO / "docs" / "assets" / "compare.css").read_text(encoding="utf-8")
    # each method's column: its title, one row per fact, its remove button
    assert f"grid-row: span {len(facts)}; grid-template-rows: subgrid" in css
    assert f"grid-row: span {len(facts) + 2}; grid-template-rows: subgrid" in css
    assert 'data-src="metoder.json"' in page and f'data-max="{COMPARE_MAX}"' in page
