"""Where things live (metodbanken/content/places.py): one home for folders, sections, paths and URLs per language."""

from __future__ import annotations

import pytest
from sitekit import REPO

from metodbanken.content import places
from metodbanken.content.load import load_bank
from metodbanken.content.schema import ITEM_TYPES, LANGUAGES, STEP


@pytest.mark.parametrize("kind", [t.name for t in ITEM_TYPES])
def test_an_item_page_is_in_its_section_with_swedish_at_the_root_and_english_under_en(kind):
    path = places.item_path(kind, "karngrupp")
    section = places.SECTIONS[kind]
    assert path == f"{section}/karngrupp/"
    assert places.url("sv", path) == f"/{section}/karngrupp/"
    assert places.url("en", path) == f"/en/{section}/karngrupp/"
    for language in LANGUAGES:
        assert places.split_language(places.url(language, path)) == (language, path)


@pytest.mark.parametrize("content_type", ITEM_TYPES, ids=lambda t: t.name)
def test_a_page_names_the_file_it_was_made_from_and_a_file_the_page_it_is_published_under(content_type):
    section = places.SECTIONS[content_type.name]
    assert places.source_file(f"{section}/alfa.md") == f"{content_type.folder}/alfa.md"
    assert places.source_file(f"{section}/alfa.en.md") == f"{content_type.folder}/alfa.en.md"
    assert places.source_file(f"{section}/index.md") == "overrides/metodbanken/"
    assert places.page_of_file(f"{content_type.folder}/alfa.md") == f"{section}/alfa/"
    assert places.page_of_file(f"{STEP.folder}/1-x.yml") == f"{places.SECTIONS['step']}/1-x/"
    assert places.page_of_file("glossary.yml") == f"{places.SECTIONS['glossary']}/index/"  # the glossary's one page


def test_every_short_step_address_leads_to_a_page_the_site_has():
    bank = load_bank(REPO)
    pages = places.site_pages(bank.steps, {t.name: getattr(bank, t.collection) for t in ITEM_TYPES})
    short = places.short_urls(bank.steps)
    assert sorted(short) == [f"{places.SECTIONS['step']}/{n}/" for n in range(1, 6)]
    assert all(target in pages for target in short.values()), short
    assert not set(short) & pages, "a short address must not be a page of its own"


def test_no_item_id_may_take_a_name_a_section_page_uses():
    assert {
        "index",
        places.WHOLE_GUIDE,
        places.DATA,
        places.SECTIONS["search"],
        places.SECTIONS["compare"],
        *LANGUAGES,
    } <= (places.RESERVED_NAMES)
