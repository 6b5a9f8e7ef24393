"""How to reach the bank (issue 20, part 7): the contact settings in mkdocs.yml `extra`, shown only when set."""

from __future__ import annotations

import re

import pytest
from htmlkit import parse
from sitekit import assemble, build

PAGES = ["om/index.html", "tillganglighet/index.html", "om/redigera/index.html"]


def contact(site, page: str) -> list[tuple[str, str]]:
    """(link text, href) of every link in the page's contact list."""
    doc = parse(site / page)
    return [
        (" ".join(a.text().split()), a.attrs.get("href"))
        for ul in doc.find_all(class_="mb-contact")
        for a in ul.find_all("a")
    ]


@pytest.fixture(scope="module")
def site_with_contact(tmp_path_factory):
    root = assemble(tmp_path_factory.mktemp("contact") / "project")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("repository: OWNER/metodbanken", "repository: exempel-org/metodbanken")
    text = re.sub(r'contact_email: ""', 'contact_email: "metodbanken@exempel.invalid"', text)
    assert "exempel-org" in text and "exempel.invalid" in text, "the settings this test changes are not in mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.mark.parametrize("language", ["", "en/"])
@pytest.mark.parametrize("page", PAGES)
def test_the_contact_is_shown_where_readers_look_for_it_when_it_is_set(site_with_contact, language, page):
    links = contact(site_with_contact, language + page)
    hrefs = [href for _, href in links]
    assert hrefs == ["mailto:metodbanken@exempel.invalid", "https://github.com/exempel-org/metodbanken/issues"], links


@pytest.mark.parametrize("language", ["", "en/"])
@pytest.mark.parametrize("page", PAGES)
def test_nothing_is_shown_for_settings_not_made(fixture_site, language, page):
    # the repository's own mkdocs.yml: no e-mail address, the repository still the placeholder OWNER/metodbanken
    html = (fixture_site / "site" / language / page).read_text(encoding="utf-8")
    assert "mb-contact" not in html and "OWNER" not in html


def test_the_accessibility_statement_links_to_diggs_complaints_form(fixture_site):
    for language in ("", "en/"):
        doc = parse(fixture_site / "site" / language / "tillganglighet" / "index.html")
        assert "https://www.digg.se/tdosanmalan" in [a.attrs.get("href") for a in doc.find_all("a")]


@pytest.mark.parametrize(
    ("page", "admin"), [("metoder/alfa/index.html", "../../admin/"), ("en/metoder/alfa/index.html", "../../../admin/")]
)
def test_every_item_page_links_to_its_form(fixture_site, page, admin):
    doc = parse(fixture_site / "site" / page)
    edit = [a.attrs["href"] for a in doc.find_all(class_="mb-edit")]
    assert edit == [admin + "#/collections/methods/entries/alfa"]


def test_the_form_editor_and_its_guide_link_to_each_other(fixture_site):
    site = fixture_site / "site"
    admin = [a.attrs.get("href") for a in parse(site / "admin" / "index.html").find_all("a")]
    assert "../om/redigera/" in admin and "../" in admin
    for language, form in (("", "../../admin/"), ("en/", "../../../admin/")):
        guide = [a.attrs.get("href") for a in parse(site / language / "om" / "redigera" / "index.html").find_all("a")]
        assert form in guide, guide
