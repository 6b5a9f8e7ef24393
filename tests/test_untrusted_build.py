"""Real strict builds with hostile plain text and a broken template: what the browser would receive."""

from __future__ import annotations

from pathlib import Path

import pytest
from badinput import edit
from selectolax.lexbor import LexborHTMLParser
from sitekit import assemble, build

from metodbanken.safety.allowlist import URL_ATTRIBUTES

PAYLOAD = "<img src=x onerror=alert(1)>"
MARKDOWN_PAYLOAD = '[x](javascript:alert(1)) {: onclick="alert(2)" } ![p](https://evil.example/p.png) *a* _b_ `c`'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The fixture bank with YAML-escaped HTML and Markdown syntax in every kind of plain-text field."""
    root = assemble(tmp_path_factory.mktemp("hostile"))
    escaped = PAYLOAD.replace("<", "\\u003c").replace(">", "\\u003e")
    edit(
        root / "checklists/1-initiera-samverkan.yml",
        'title: {sv: "Initiera samverkan"',
        f'title: {{sv: "Initiera {escaped}"',
    )
    edit(root / "methods/alfa.md", "title: Alfametoden", f'title: "Alfametoden {escaped}"')
    edit(root / "methods/beta.md", "summary: Betametoden i korthet.", f"summary: '{MARKDOWN_PAYLOAD} {{:'")
    edit(root / "cases/testkommunen.md", "title:", f'title: "Testkommunen {escaped}"\nx-title:')
    text = (root / "cases/testkommunen.md").read_text(encoding="utf-8")
    (root / "cases/testkommunen.md").write_text(
        "\n".join(ln for ln in text.splitlines() if not ln.startswith("x-title:")) + "\n", encoding="utf-8"
    )
    edit(root / "sources.yml", "title: Testkällan", f"title: 'Testkällan {MARKDOWN_PAYLOAD}'")
    edit(
        root / "vocabularies.yml",
        "label: {sv: Skola, en: School}",
        f"label: {{sv: 'Skola {MARKDOWN_PAYLOAD}', en: School}}",
    )
    result = build(root)
    assert result.returncode == 0, f"the build must show hostile plain text as text:\n{result.stdout}\n{result.stderr}"
    return root / "site"


def all_pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path, LexborHTMLParser(path.read_text(encoding="utf-8"))


def test_no_element_or_attribute_from_plain_text_reaches_the_browser(hostile_site):
    for path, tree in all_pages(hostile_site):
        for node in tree.root.traverse(include_text=False):
            for name, value in node.attributes.items():
                assert not name.lower().startswith("on"), f"{path}: <{node.tag} {name}={value!r}>"
                if name.lower() in URL_ATTRIBUTES:
                    assert "javascript:" not in (value or "").replace(" ", "").lower(), f"{path}: {name}={value!r}"
            if node.tag == "img":
                assert (node.attributes.get("src") or "") != "x", f"{path}: an <img> from a title"
                assert "evil.example" not in (node.attributes.get("src") or ""), f"{path}: an image from elsewhere"


def test_titles_show_as_text_in_the_page_title_heading_and_navigation(hostile_site):
    step = LexborHTMLParser((hostile_site / "steg/1-initiera-samverkan/index.html").read_text(encoding="utf-8"))
    assert PAYLOAD in step.css_first("title").text()
    assert PAYLOAD in step.css_first("h1").text()
    nav_texts = [a.text() for a in step.css("nav a")]
    assert any(PAYLOAD in t for t in nav_texts), "the step's title in the navigation shows as text"
    method = LexborHTMLParser((hostile_site / "metoder/alfa/index.html").read_text(encoding="utf-8"))
    assert method.css_first("h1").text().strip() == f"Alfametoden {PAYLOAD}"
    assert f"Alfametoden {PAYLOAD}" in method.css_first("title").text()


def test_markdown_syntax_in_plain_text_shows_as_written(hostile_site):
    index = LexborHTMLParser((hostile_site / "metoder/index.html").read_text(encoding="utf-8"))
    assert MARKDOWN_PAYLOAD + " {:" in index.body.text(
        separator=" "
    ), "the summary is shown as written, Markdown and all"
    alfa = LexborHTMLParser((hostile_site / "metoder/alfa/index.html").read_text(encoding="utf-8"))
    assert f"Testkällan {MARKDOWN_PAYLOAD}" in alfa.body.text(separator=" "), "a source title is shown as written"
    method = LexborHTMLParser((hostile_site / "metoder/beta/index.html").read_text(encoding="utf-8"))
    assert MARKDOWN_PAYLOAD in method.body.text(separator=" ")
    emphasised = [e.text() for e in method.css("article em, article code")]
    assert not {"a", "b", "c"} & set(emphasised), f"emphasis or code made from plain text: {emphasised}"


def test_every_page_has_its_policy_before_any_script(hostile_site):
    for path, tree in all_pages(hostile_site):
        head = tree.head
        assert head is not None, path
        first = [n for n in head.iter(include_text=False)]
        metas = [
            i
            for i, n in enumerate(first)
            if n.tag == "meta" and (n.attributes.get("http-equiv") or "").lower() == "content-security-policy"
        ]
        scripts = [i for i, n in enumerate(first) if n.tag == "script"]
        assert metas, f"{path}: no CSP"
        assert not scripts or metas[0] < scripts[0], f"{path}: a script before the CSP"
        policy = first[metas[0]].attributes["content"]
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0], f"{path}: {policy}"
        assert "unsafe-eval'" not in policy.replace("'wasm-unsafe-eval'", ""), f"{path}: {policy}"
        assert "mb-script-hashes" not in policy and "object-src 'none'" in policy, f"{path}: {policy}"
        assert "base-uri 'self'" in policy or "base-uri 'none'" in policy, f"{path}: {policy}"


def _add_to_head(root: Path, html: str) -> None:
    """A template change as a developer might make it: html in the theme's extrahead block of every page."""
    template = root / "overrides/main.html"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "{% block site_meta %}", "{% block extrahead %}" + html + "{% endblock %}\n{% block site_meta %}", 1
        ),
        encoding="utf-8",
    )


def test_a_template_mistake_fails_the_build_with_the_file_named(tmp_path):
    root = assemble(tmp_path / "broken")
    _add_to_head(root, '<link rel="stylesheet" href="https://cdn.example/x.css"><img src=x onerror="alert(1)">')
    result = build(root)
    assert result.returncode != 0
    report = result.stdout + result.stderr
    assert 'index.html: <link href="https://cdn.example/x.css"> (en fil från en annan webbplats)' in report, report
    assert '<img onerror="alert(1)"> (en händelsehanterare)' in report, report


def _policy(html: str) -> str:
    tree = LexborHTMLParser(html)
    meta = tree.css_first('meta[http-equiv="Content-Security-Policy"]')
    return meta.attributes["content"] if meta else ""


def test_no_built_page_holds_an_inline_script_and_the_policy_allows_none(hostile_site):
    """The policy is the same on every page and allows no inline script: nothing is read from a page to make it."""
    policies = set()
    for path, tree in all_pages(hostile_site):
        scripts = [
            n
            for n in tree.css("script")
            if "src" not in n.attributes and (n.attributes.get("type") or "").lower() not in ("application/json",)
        ]
        assert not scripts, f"{path}: inline script {scripts[0].text()[:60]!r}"
        if "admin" not in path.parts:
            policies.add(_policy(path.read_text(encoding="utf-8")))
    assert len(policies) == 1, policies
    script_src = policies.pop().split("script-src")[1].split(";")[0]
    assert "sha256-" not in script_src and "'unsafe-inline'" not in script_src, script_src


# Every part of the page a template or the theme writes, with an inline script added there.
_PLACES = {
    "head": (
        "{% block site_meta %}",
        "{% block extrahead %}<script>window.mbHead = 1</script>{% endblock %}\n{% block site_meta %}",
    ),
    "header": (
        "{% block container %}",
        "{% block header %}{{ super() }}<script>window.mbHeader = 1</script>{% endblock %}\n" "{% block container %}",
    ),
    "content": (
        "{% block container %}",
        "{% block content %}{{ super() }}<script>window.mbArticle = 1</script>{% endblock %}\n" "{% block container %}",
    ),
    "footer": (
        "{% block container %}",
        "{% block footer %}{{ super() }}<script>window.mbFooter = 1</script>{% endblock %}\n" "{% block container %}",
    ),
    "scripts": (
        "{% block container %}",
        "{% block scripts %}{{ super() }}<script>window.mbScripts = 1</script>{% endblock %}\n" "{% block container %}",
    ),
}


def test_an_inline_script_fails_the_build_wherever_it_lands(tmp_path):
    """An inline script in any part of any page fails the build (never hashed into the policy), naming the page and the
    file it was made from; so does a table of contents entry made from an id, in the sidebar outside the article."""
    root = assemble(tmp_path / "inline")
    template = root / "overrides/main.html"
    text = template.read_text(encoding="utf-8")
    for old, new in _PLACES.values():
        text = text.replace(old, new, 1)
    template.write_text(text, encoding="utf-8")
    toc = root / "overrides/partials/toc-item.html"
    toc.write_text(
        toc.read_text(encoding="utf-8").replace("</li>", "<script>window.mbToc = 1</script></li>"), encoding="utf-8"
    )
    result = build(root)
    report = result.stdout + result.stderr
    assert result.returncode != 0, report
    lines = [ln.strip() for ln in report.splitlines()]

    def inline(page: str) -> str:
        return next((ln for ln in lines if ln.startswith(page + ": ") and "inline-skript" in ln), "")

    import re

    found = re.match(
        r"metoder/alfa/index\.html: (\d+) inline-skript \(det första: window\.mbHead = 1\)",
        inline("metoder/alfa/index.html"),
    )
    assert found and int(found.group(1)) > 5, report  # the five places, and the table of contents' entries
    assert inline("metoder/alfa/index.html").endswith("(sidan är gjord av methods/alfa.md)"), report
    assert inline("en/metoder/alfa/index.html").endswith("(sidan är gjord av methods/alfa.en.md)"), report
    for page in ("index.html", "begrepp/index.html", "en/steg/1-initiera-samverkan/index.html"):
        assert re.match(re.escape(page) + r": ([5-9]|\d\d+) inline-skript", inline(page)), f"{page}: {report}"
    assert inline("404.html").startswith("404.html: 4 inline-skript"), report  # its own content: no article block


def test_a_harmless_script_in_a_template_comment_builds(tmp_path):
    root = assemble(tmp_path / "comment")
    _add_to_head(root, "<!-- <script>notRun()</script> -->")
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_script_from_outside_the_script_folders_fails_the_build(tmp_path):
    """script-src 'self' would run any file of the origin the host serves as script: a material's text file, say."""
    root = assemble(tmp_path / "material-script")
    _add_to_head(root, '<script src="/material/startmote-mall/startmote-template.txt"></script>')
    result = build(root)
    report = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        '<script src="/material/startmote-mall/startmote-template.txt"> (ett skript som inte ligger bland webbplatsens skriptfiler'
        in report
    ), report


def test_a_published_build_allows_scripts_only_from_its_script_folders(tmp_path):
    import os
    import subprocess
    import sys

    root = assemble(tmp_path / "published")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.org/bank/"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for page in ("index.html", "en/metoder/alfa/index.html", "404.html", "steg/1/index.html"):
        script_src = (
            _policy((root / "site" / page).read_text(encoding="utf-8")).split("script-src")[1].split(";")[0].split()
        )
        assert script_src == [
            "https://example.org/bank/assets/",
            "https://example.org/bank/pagefind/",
            "https://example.org/bank/en/pagefind/",
            "'wasm-unsafe-eval'",
        ], f"{page}: {script_src}"
