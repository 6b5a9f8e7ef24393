"""Editors' content is untrusted input: each class of attack is refused with file, line and a hint, or shown as text.

The payloads are examples of classes; the checks work on the rendered output (HTML allowlist, WHATWG URLs), so a
payload that is not listed here but renders to the same HTML is refused the same way.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from badinput import edit

from metodbanken.content.load import load_bank
from metodbanken.pages.opendata import spreadsheet_safe
from metodbanken.words.errors import ContentErrors


def errors_of(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load_bank(root)
    return [e.render("en") for e in info.value.errors]


def one_error(root: Path) -> str:
    errors = errors_of(root)
    assert len(errors) == 1, errors
    assert "Hint: " in errors[0], errors[0]
    return errors[0]


# -- Markdown that becomes script, a request elsewhere, or something we do not publish ---------------------------

MARKDOWN_ATTACKS = [
    # event handlers and script links through attr_list, raw HTML and link syntax
    ('[x](https://example.org){ onclick="alert(1)" }', "onclick"),
    ("## H {#x onmouseover=alert(1)}", "onmouseover"),
    ('[x](https://example.org){: style="background:url(https://evil.example/a)" }', "style"),
    ('<a href=" javascript:alert(1)">x</a>', "javascript:"),
    ('<a href="java\nscript:alert(1)">x</a>', "javascript:"),
    ("[x](< javascript:alert(1)>)", "javascript:"),
    ("[r]\n\n[r]: <javascript:alert(1)>", "javascript:"),
    ('<a title="a>b" href="javascript:alert(1)">x</a>', "javascript:"),
    ('<a href="&#106;avascript&colon;alert(1)">x</a>', "javascript:"),
    ('<svg><animate attributeName="href" to="javascript:alert(1)"/></svg>', "<svg>"),
    ('<svg><set attributeName="href" to="javascript:alert(1)"/></svg>', "<svg>"),
    ('<div markdown="1"><script>alert(1)</script></div>', "<script>"),
    ("<style>@import url(https://evil.example/a.css)</style>", "<style>"),
    ('<iframe src="https://evil.example/"></iframe>', "<iframe>"),
    ('<object data="x.swf"></object>', "<object>"),
    ('<form action="https://evil.example/"><input name=x></form>', "<form>"),
    ('<base href="https://evil.example/">', "<base>"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta>"),
    ('<link rel="stylesheet" href="https://evil.example/a.css">', "<link>"),
    # requests to other origins
    ("![x](https://evil.example/pixel.png)", "a file from another site"),
    ('<img src="/ok.png" srcset="https://evil.example/a.png 2x" alt="">', "srcset"),
    ('<video poster="https://evil.example/a.png"></video>', "<video>"),
    ('<a href="https://example.org" ping="https://evil.example/track">x</a>', "ping"),
    ('<input type="image" src="https://evil.example/a.png">', "<input>"),
    ('<svg><image href="https://evil.example/a.png"/></svg>', "<svg>"),
    ('<p style="background:url(https://evil.example/a.png)">x</p>', "style"),
    ('<img src="//evil.example/a.png" alt="">', "a file from another site"),
    ('<img src="\\\\evil.example/a.png" alt="">', "a file from another site"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
    # ids and classes that break out of the table of contents or take the theme's place
    ("## Syfte {: id='x\"><script <>alert(1)</script <><a class=\"' }", "not an allowed id"),
    ("## Syfte {: #__config }", "not an allowed id"),
    ('## Syfte {: id="__drawer" }', "not an allowed id"),
    ("## Syfte {: #md-header }", "not an allowed id"),
    ("## Syfte {: #mb-search-input }", "not an allowed id"),
    ("## Syfte {: #Stora }", "not an allowed id"),
    ("[Logga in](https://evil.example/){: .md-consent__overlay }", "not the bank's own"),
    ("[Logga in](https://evil.example/){: .md-button .md-button--primary }", "not the bank's own"),
    ("[Logga in](https://evil.example/){: .mb-ok .md-dialog }", "not the bank's own"),
    # the search index: only templates weigh, hide or name parts of a page (an editor's text may not rank itself up,
    # hide the page's own text or retitle it in the results)
    ('## Syfte {: data-pagefind-weight="10" }', "data-pagefind-weight"),
    ("Syfte\n{: data-pagefind-ignore }", "data-pagefind-ignore"),
    ('<div data-pagefind-body markdown="1">x</div>', "data-pagefind-body"),
    ('<span data-pagefind-meta="title:Annan metod">x</span>', "data-pagefind-meta"),
    ('<span data-pagefind-filter="Typ:Metod">x</span>', "data-pagefind-filter"),
]


@pytest.mark.parametrize("snippet, mentioned", MARKDOWN_ATTACKS, ids=[a for a, _ in MARKDOWN_ATTACKS])
def test_markdown_that_could_run_script_or_fetch_elsewhere_is_refused_at_its_line(bank_root, snippet, mentioned):
    edit(bank_root / "methods/beta.md", "Betametodens syfte.", f"Betametodens syfte.\n\n{snippet}")
    message = one_error(bank_root)
    assert message.startswith("methods/beta.md:1"), message
    line = int(message.split(":")[1])
    first = (bank_root / "methods/beta.md").read_text(encoding="utf-8").split("\n").index(snippet.split("\n")[0]) + 1
    assert first <= line <= first + snippet.count("\n"), message
    assert "text: expected Markdown the bank can publish safely" in message and mentioned in message, message


def test_safe_markdown_is_accepted(bank_root):
    safe = (
        "Text med [länk](https://example.org/sida?a=1&b=2), [e-post](mailto:info@example.org), "
        "[en annan sida](../metoder/alfa.md), **fet**, *kursiv*.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
        "## Rubrik {#egen .mb-klass}\n\n## 2020 års rapport\n\n## md-rubrik\n\n- punkt\n    - underpunkt\n\n!!! note\n    En notis.\n"
    )
    edit(bank_root / "methods/beta.md", "Betametodens syfte.", safe)
    load_bank(bank_root)


def test_step_intro_and_glossary_definitions_are_checked_the_same_way(bank_root):
    edit(
        bank_root / "checklists/3-identifiera-forandringsfaktorer.yml",
        "Introduktion till steg 3. Läs om [kärngruppen](../begrepp/index.md#kargrupp).",
        'Intro\n    {: onclick="alert(1)" }',
    )
    edit(bank_root / "glossary.yml", "En beskrivning av läget.", "En [länk](javascript:void(0)).")
    messages = errors_of(bank_root)
    assert [m.split(" expected")[0] for m in messages] == [
        "checklists/3-identifiera-forandringsfaktorer.yml:7: intro.sv:",  # the line of the attribute list
        "glossary.yml:10: [1].definition.sv:",
    ]


# -- Stalls: inputs that would make Markdown or YAML run for minutes -----------------------------------------


@pytest.mark.parametrize(
    "body, found",
    [
        ("[a\n" * 20_000, "characters"),  # 60 kB: over the size limit
        ("[a\n" * 2_000, "'[' in one paragraph"),  # 6 kB of open brackets: quadratic in Python-Markdown
        ("<a \n" * 1_000, "'<' in one paragraph"),
        ("[a](" * 1_000, "'[' in one paragraph"),
        ("- " * 5_000, "nested"),  # recursion in Python-Markdown's list parser
        ("> " * 500 + "x", "nested"),
    ],
)
def test_texts_that_would_stall_the_build_are_refused_quickly(bank_root, body, found):
    edit(bank_root / "methods/beta.md", "Betametodens syfte.", body)
    started = time.perf_counter()
    message = one_error(bank_root)
    assert found in message, message
    assert time.perf_counter() - started < 30, "the check itself must stay fast"  # a generous bound, not a benchmark


def test_a_huge_glossary_is_refused_before_it_is_parsed(bank_root):
    path = bank_root / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8") + "# " + "x" * 1_200_000 + "\n", encoding="utf-8")
    message = one_error(bank_root)
    assert message.startswith("glossary.yml:1: expected a content file of at most 1024 kB"), message


# -- Plain text never becomes markup: titles, labels, vocabulary labels, sources ---------------------------------


def test_yaml_that_silently_changes_text_is_refused(bank_root):
    edit(bank_root / "methods/beta.md", "title: Betametoden", "title: 0755")
    edit(bank_root / "methods/alfa.md", "steps: [1, 2]", "steps: [1, 2]\nsteps: [3]")
    edit(bank_root / "cases/testkommunen.md", "summary:", "summary: 12:30:00\nx-summary:")
    messages = errors_of(bank_root)
    assert any(
        m.startswith(
            "methods/beta.md:3: title: expected text, found 0755, which YAML reads as the number 493. "
            'Hint: write it in quotes: "0755".'
        )
        for m in messages
    ), messages
    assert any(
        m.startswith("methods/alfa.md:") and "expected each key once in its mapping, found 'steps' again" in m
        for m in messages
    ), messages
    assert any("12:30:00, which YAML reads as the number 45000" in m for m in messages), messages


def test_yaml_merge_keys_are_refused(bank_root):
    path = bank_root / "sources.yml"
    path.write_text(path.read_text(encoding="utf-8") + "tredje:\n  <<: {title: Sammanslagen}\n", encoding="utf-8")
    message = one_error(bank_root)
    assert "found a merge key '<<'" in message and message.startswith("sources.yml:"), message


@pytest.mark.parametrize(
    "url, found",
    [
        ("https://a.example/)[x](javascript:alert(1)", "it contains ')'"),
        ("javascript:alert(1)", "a 'javascript:' address"),
        ("https://a.example/ x", "a space"),
        ("https://a.example/<img>", "it contains '<'"),
        ("ftp://a.example/", "a 'ftp:' address"),
    ],
)
def test_source_addresses_must_be_plain_web_addresses(bank_root, url, found):
    edit(bank_root / "sources.yml", "url: https://example.org/testkalla", f"url: '{url}'")
    message = one_error(bank_root)
    assert message.startswith("sources.yml:5: testkalla.url: expected a web address") and found in message, message


def test_vocabulary_values_must_be_slugs(bank_root):
    edit(bank_root / "vocabularies.yml", "    skola:\n", "    'skola)[x](javascript:alert(1)':\n")
    messages = errors_of(bank_root)
    assert (
        messages[0].startswith("vocabularies.yml:") and "expected a value of lower-case ASCII letters" in messages[0]
    ), messages


# -- Ids, folders, files ---------------------------------------------------------------------------------------


def test_ids_that_would_replace_a_generated_page_are_refused(bank_root):
    source = (bank_root / "methods/beta.md").read_text(encoding="utf-8")
    (bank_root / "methods/index.md").write_text(source.replace("id: beta", "id: index"), encoding="utf-8")
    message = one_error(bank_root)
    assert message.startswith(
        "methods/index.md:2: id: expected an id that is not the name of a page the site generates"
    ), message


def test_content_in_a_subfolder_is_reported_not_silently_skipped(bank_root):
    (bank_root / "methods/extra").mkdir()
    (bank_root / "methods/extra/delta.md").write_text("---\nid: delta\n---\n", encoding="utf-8")
    message = one_error(bank_root)
    assert message.startswith("methods/extra:1: expected only content files in methods/, found a folder"), message


def test_a_symlinked_content_file_is_refused(bank_root):
    (bank_root / "methods/delta.md").symlink_to("/etc/passwd")
    message = one_error(bank_root)
    assert message.startswith("methods/delta.md:1: expected a real file or folder, found a symbolic link"), message


MATERIAL = "materials/startmote-mall"


@pytest.mark.parametrize(
    "name, content, found",
    [
        ("angrepp.html", "<script>alert(1)</script>", "a '.html' file"),
        ("angrepp.xhtml", "<script>alert(1)</script>", "a '.xhtml' file"),
        ("angrepp.js", "alert(1)", "a '.js' file"),
        ("index.html", "<p>ersätter sidan</p>", "the file name 'index.html'"),
        ("javascript:alert(1)", "x", "the file name 'javascript:alert(1)'"),
        ("../../.git/config", "x", "the file name '../../.git/config'"),
        ("bild.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "a <script> element"),
        ("bild.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "an event attribute onload"),
        (
            "bild.svg",
            '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
            "a <foreignobject> element",
        ),
        (
            "bild.svg",
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
            "a reference to 'javascript:alert(1)'",
        ),
        (
            "bild.svg",
            '<svg xmlns="http://www.w3.org/2000/svg"><a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
            "an animation that changes a link",
        ),
        (
            "bild.svg",
            '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/a.png"/></svg>',
            "a <image> element",
        ),
        (
            "bild.svg",
            '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.example/a#x)"/></svg>',
            "a reference to another file in style",
        ),
        (
            "bild.svg",
            '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>',
            "a DOCTYPE or entity declaration",
        ),
    ],
)
def test_material_files_are_checked_as_files(bank_root, name, content, found):
    folder = bank_root / MATERIAL
    if "/" not in name:
        (folder / name).write_text(content, encoding="utf-8")
    edit(
        bank_root / f"{MATERIAL}.md",
        "  - file: startmote-mall.md",
        f"  - file: '{name}'\n    language: sv\n  - file: startmote-mall.md",
    )
    message = one_error(bank_root)
    assert message.startswith(f"{MATERIAL}.md:10: files[0].file: expected a file the bank can publish"), message
    assert found in message, message


def test_a_clean_svg_is_published(bank_root):
    (bank_root / MATERIAL / "affisch.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs>'
        '<rect width="10" height="10" fill="url(#g)"/><text x="1" y="5">Vecka 47</text></svg>',
        encoding="utf-8",
    )
    edit(
        bank_root / f"{MATERIAL}.md",
        "  - file: startmote-mall.md",
        "  - file: affisch.svg\n    language: sv\n  - file: startmote-mall.md",
    )
    assert [f.file for f in load_bank(bank_root).materials[0].files][0] == "affisch.svg"


def test_symlinked_material_files_and_folders_are_refused(bank_root, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("token", encoding="utf-8")
    (bank_root / MATERIAL / "hemlig.txt").symlink_to(secret)
    message = one_error(bank_root)
    assert message.startswith(
        f"{MATERIAL}/hemlig.txt:1: expected a real file or folder, found a symbolic link"
    ), message


def test_material_files_over_25_mb_are_refused(bank_root):
    with open(bank_root / MATERIAL / "startmote-template.txt", "r+b") as file:
        file.truncate(26 * 1024 * 1024)  # sparse: no 26 MB written
    message = one_error(bank_root)
    assert "found a file of 26 MB" in message, message


def test_each_material_file_is_listed_once_and_every_file_is_listed(bank_root):
    (bank_root / MATERIAL / "glomd.pdf").write_bytes(b"%PDF-1.4\n")
    message = one_error(bank_root)
    assert "found 'glomd.pdf', which is not listed" in message, message


# -- redirects.yml and labels ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, found",
    [
        ("metoder/gammal/: https://evil.example/", "the new address"),
        ("metoder/gammal/: javascript:alert(1)", "the new address"),
        ("../../utanfor/: metoder/alfa/", "the old address"),
        ("metoder/gammal/: ../../etc/", "the new address"),
        ("metoder/alfa/: metoder/beta/", "a page that exists"),
        ("metoder/gammal/: metoder/finns-inte/", "which the site does not have"),
        ("- en lista", "lines 'old/path/: new/path/'"),
        ("metoder/gammal/: [a, b]", "the new address"),
    ],
)
def test_redirects_are_validated_by_check_and_build(bank_root, line, found):
    (bank_root / "redirects.yml").write_text(line + "\n", encoding="utf-8")
    message = one_error(bank_root)
    assert message.startswith("redirects.yml:1:") and found in message, message


def test_labels_need_every_key_and_the_same_placeholders(bank_root):
    import shutil

    from sitekit import REPO

    shutil.copytree(REPO / "labels", bank_root / "labels")
    shutil.copytree(REPO / "overrides", bank_root / "overrides")
    edit(bank_root / "labels/en.yml", 'step_n: "Step {n}"', 'step_n: "Step {number}"')
    edit(
        bank_root / "labels/en.yml",
        'filter_count: "Showing {shown} of {total} methods"',
        'filter_count: "Showing {shown} methods"',
    )
    text = (bank_root / "labels/en.yml").read_text(encoding="utf-8")
    (bank_root / "labels/en.yml").write_text(re.sub(r"(?m)^sources: .*\n", "", text), encoding="utf-8")
    messages = errors_of(bank_root)
    # a placeholder the page never fills in would stop the build: refused by name
    assert any(
        m.startswith("labels/en.yml:")
        and "step_n: expected only placeholders the site fills in for this text: {n}, " "found {number}" in m
        for m in messages
    ), messages
    assert any(
        m.startswith("labels/en.yml:") and "filter_count: expected the placeholders {shown}, {total}" in m
        for m in messages
    ), messages
    assert any(m.startswith("labels/en.yml:1: sources: expected the text 'sources'") for m in messages), messages


# -- open data -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cell", ['=HYPERLINK("https://evil.example")', "+1+1", "-1+1", "@SUM(A1)", "\t=1"])
def test_csv_cells_never_start_a_formula(cell):
    assert spreadsheet_safe(cell) == "'" + cell
    assert spreadsheet_safe("Kärngrupp") == "Kärngrupp"


def test_control_characters_are_refused(bank_root):
    """Invisible, and Python-Markdown uses STX/ETX (U+0002, U+0003) to mark its own placeholders."""
    edit(bank_root / "methods/beta.md", "Betametodens syfte.", "Betametodens \x02wzxhzdk:0\x03 syfte.")
    assert one_error(bank_root).startswith(
        "methods/beta.md:13: expected text without control characters, found the control character U+0002"
    )


def _named(dotted: str):
    import importlib

    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def test_the_check_renders_markdown_with_the_sites_own_extensions():
    """markup.py renders editors' text to check it; it must use exactly the extensions and settings of mkdocs.yml."""
    import yaml
    from sitekit import REPO

    from metodbanken.safety.markup import EXTENSION_CONFIGS, EXTENSIONS

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: _named(suffix))
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    site = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    settings = {next(iter(e)): next(iter(e.values())) for e in config["markdown_extensions"] if isinstance(e, dict)}
    assert tuple(site) == EXTENSIONS, "mkdocs.yml and metodbanken/safety/markup.py EXTENSIONS differ: change both"
    assert (
        settings == EXTENSION_CONFIGS
    ), "mkdocs.yml and metodbanken/safety/markup.py EXTENSION_CONFIGS differ: change both"


def test_link_references_stay_within_each_editors_text():
    """The build renders many texts into one page; a reference resolves only in the text that defines it, as when
    `check` renders that text alone, and the page's own Markdown keeps its own references."""
    from metodbanken.safety.markup import render, wrap

    first = wrap(
        "Se [metoden][m], [egen][e] och [sidan][p].\n\n[e]: ../metoder/alfa.md", ref="glossary.yml:4:[0].definition.sv"
    )
    second = wrap(
        "Läget.\n\n[m]: javascript:alert(1)\n[e]: https://evil.example/", ref="glossary.yml:9:[1].definition.sv"
    )
    html = render(f"Mallens [sida][p].\n\n{first}\n\n{second}\n\n[p]: ../om/\n")
    assert '<a href="../om/">sida</a>' in html  # the template's own reference
    assert "Se [metoden][m], " in html and '<a href="../metoder/alfa.md">egen</a>' in html and "[sidan][p]" in html
    assert "javascript:" not in html and "evil.example" not in html
    alone = render(first)
    assert (
        alone[alone.index("<p>") : alone.index("</p>")]
        == html[html.index("<p>Se") : html.index("</p>", html.index("<p>Se"))]
    )
