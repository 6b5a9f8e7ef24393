"""Stable URLs: no address in published-urls.txt may disappear without a line in redirects.yml, in either language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitekit import REPO, assemble, build

from metodbanken.cli import main
from metodbanken.pages.addresses import (
    REDIRECTS,
    URL_LIST,
    bad_redirects,
    built_urls,
    missing_urls,
    read_redirects,
    read_url_list,
    write_redirects,
)

CONTENT = ("methods", "cases", "materials", "checklists", "sources.yml", "glossary.yml", "vocabularies.yml", REDIRECTS)


def _real_content(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in CONTENT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy(source, target / name)
    return target


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real bank built with `mkdocs build --strict` (and its redirect pages), in a temporary folder."""
    content = _real_content(tmp_path_factory.mktemp("real-content"))
    root = assemble(tmp_path_factory.mktemp("real-site"), content=content)
    result = build(root)
    assert result.returncode == 0, f"mkdocs build --strict of the real bank failed:\n{result.stdout}\n{result.stderr}"
    assert main(["--root", str(root), "redirects", "--site", "site"]) == 0
    return root


def test_no_published_url_disappears_without_a_redirect(real_site):
    published = read_url_list(REPO)
    assert published, f"{URL_LIST} is empty: build the site and run `python -m metodbanken urls --site site`"
    built = built_urls(real_site / "site")
    problems = missing_urls(published, built, read_redirects(REPO)) + bad_redirects(read_redirects(REPO), built)
    assert not problems, "\n".join(p.render("en") for p in problems)


def test_the_url_list_is_generated_from_a_build_and_names_pages_in_both_languages():
    published = read_url_list(REPO)
    assert published == sorted(set(published))
    for url in ("/", "/en/", "/metoder/", "/en/metoder/", "/steg/1-initiera-samverkan/", "/en/begrepp/"):
        assert url in published


def test_built_urls_of_the_fixture_site(fixture_site):
    urls = built_urls(fixture_site / "site")
    for url in (
        "/",
        "/en/",
        "/metoder/alfa/",
        "/en/metoder/alfa/",
        "/material/startmote-mall/startmote-mall.md",
        "/en/material/startmote-mall/startmote-template.txt",
        "/steg/2-beskriv-vald-som-problem/",
    ):
        assert url in urls
    assert not any(u.startswith(("/assets/", "/search/")) for u in urls)


def test_a_removed_page_without_redirect_is_reported_with_the_fix(fixture_site):
    built = built_urls(fixture_site / "site") - {"/metoder/alfa/", "/en/metoder/alfa/"}
    problems = [p.render("en") for p in missing_urls(["/metoder/alfa/", "/en/metoder/alfa/", "/metoder/"], built, {})]
    assert len(problems) == 2
    assert problems[0].startswith("/metoder/alfa/ was published but the site no longer has it.")
    assert "add the line 'metoder/alfa/: <new path>' to redirects.yml" in problems[0]


def test_a_redirect_keeps_the_old_address_working_in_both_languages(tmp_path):
    root = assemble(tmp_path)
    (root / "methods/alfa.md").rename(root / "methods/alfa-ny.md")
    (root / "methods/alfa.en.md").rename(root / "methods/alfa-ny.en.md")
    for name in (
        "methods/alfa-ny.md",
        "methods/beta.md",
        "cases/testkommunen.md",
        "materials/startmote-mall.md",
        "checklists/2-beskriv-vald-som-problem.yml",
    ):
        path = root / name
        path.write_text(
            path.read_text(encoding="utf-8").replace("id: alfa\n", "id: alfa-ny\n").replace("[alfa]", "[alfa-ny]"),
            encoding="utf-8",
        )
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    published = ["/metoder/alfa/", "/en/metoder/alfa/"]
    assert len(missing_urls(published, built_urls(root / "site"), read_redirects(root))) == 2

    (root / REDIRECTS).write_text("metoder/alfa/: metoder/alfa-ny/\n", encoding="utf-8")
    assert write_redirects(root, root / "site", language="sv") == 1
    assert write_redirects(root, root / "site" / "en", language="en") == 1
    assert missing_urls(published, built_urls(root / "site"), read_redirects(root)) == []
    sv = (root / "site/metoder/alfa/index.html").read_text(encoding="utf-8")
    en = (root / "site/en/metoder/alfa/index.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in sv and '<html lang="en">' in en
    assert "url=../alfa-ny/" in sv and 'href="../alfa-ny/"' in en
    assert "/metoder/alfa/" not in built_urls(root / "site")  # a redirect page is not a page


def test_a_redirect_may_not_hide_a_page_or_lead_nowhere(fixture_site):
    built = built_urls(fixture_site / "site")
    problems = [
        p.render("en")
        for p in bad_redirects({"metoder/alfa/": "metoder/beta/", "metoder/gammal/": "metoder/finns-inte/"}, built)
    ]
    assert len(problems) == 2 and "still has" in problems[0] and "does not have" in problems[1]


def test_urls_command_never_drops_a_published_address(tmp_path, fixture_site, capsys):
    root = tmp_path
    shutil.copytree(fixture_site / "site", root / "site")
    (root / URL_LIST).write_text("/metoder/borttagen/\n", encoding="utf-8")
    assert main(["--root", str(root), "urls", "--site", "site"]) == 1
    assert "redirects.yml" in capsys.readouterr().err
    (root / REDIRECTS).write_text("metoder/borttagen/: metoder/alfa/\n", encoding="utf-8")
    assert main(["--root", str(root), "urls", "--site", "site"]) == 0
    listed = read_url_list(root)
    assert "/metoder/borttagen/" in listed and "/en/metoder/alfa/" in listed
