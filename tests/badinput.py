"""Each kind of bad content the engine must refuse, as a change to a copy of the fixture bank."""

from __future__ import annotations

from pathlib import Path

# kind: (file, text to replace, replacement, "file:line: field" the report must name)
BAD_INPUT = {
    "yaml syntax": ("methods/alfa.md", "steps: [1, 2]", "steps: [1, 2", "methods/alfa.md:6"),
    "missing required field": (
        "methods/beta.md",
        "summary: Betametoden i korthet.\n",
        "",
        "methods/beta.md:2: summary",
    ),
    "wrong type": ("methods/beta.md", "steps: [4]", "steps: fyra", "methods/beta.md:5: steps"),
    "unknown vocabulary value": (
        "methods/alfa.md",
        "arenas: [skola",
        "arenas: [skolan",
        "methods/alfa.md:8: arenas[0]",
    ),
    "duplicate id": ("glossary.yml", "- id: lagesbild", "- id: kargrupp", "glossary.yml:7: [1].id"),
    "id not matching file name": ("methods/beta.md", "id: beta", "id: betta", "methods/beta.md:2: id"),
    "unknown reference": (
        "cases/testkommunen.md",
        "methods: [alfa]",
        "methods: [alpha]",
        "cases/testkommunen.md:9: methods[0]",
    ),
    "invalid date": (
        "methods/beta.md",
        "last_reviewed: 2025-06-01",
        "last_reviewed: 2025-02-29",
        "methods/beta.md:7: last_reviewed",
    ),
    "script in markdown": (
        "methods/beta.md",
        "Betametodens syfte.",
        "<script>alert(1)</script>",
        "methods/beta.md:13: text",
    ),
    "event attribute": (
        "cases/testkommunen.md",
        "gjorde saker.",
        'gjorde <b onclick="x()">saker</b>.',
        "cases/testkommunen.md:15: text",
    ),
    "javascript link": (
        "methods/alfa.en.md",
        "Like this.",
        "[Like](javascript:alert(1)) this.",
        "methods/alfa.en.md:14: text",
    ),
    "attr_list handler": (
        "methods/beta.md",
        "Betametodens syfte.",
        'Betametodens syfte.\n{: onclick="alert(1)" }',
        "methods/beta.md:14: text",
    ),
    "image from elsewhere": (
        "cases/testkommunen.md",
        "gjorde saker.",
        "gjorde ![x](https://evil.example/p.png) saker.",
        "cases/testkommunen.md:15: text",
    ),
    "duplicate key": ("methods/beta.md", "steps: [4]", "steps: [4]\nsteps: [5]", "methods/beta.md:6: steps"),
    "number as text": ("methods/beta.md", "title: Betametoden", "title: 0755", "methods/beta.md:3: title"),
    "source address with markdown": (
        "sources.yml",
        "url: https://example.org/testkalla",
        "url: 'https://a.example/)[x](javascript:alert(1)'",
        "sources.yml:5: testkalla.url",
    ),
    # the hand-set rating is gone: the ratings come from the evaluation records
    "knowledge field": (
        "methods/beta.md",
        "steps: [4]",
        "steps: [4]\nknowledge: effektutvarderad",
        "methods/beta.md:6: knowledge",
    ),
    "source id a number": ("sources.yml", "andra-kallan:", "2020:\n  title: Tal\nandra-kallan:", "sources.yml:6: 2020"),
}

# Interface texts (labels/, the engine's own files, copied into every test bank): kind -> (file, key, written value);
# the report must name the file, the key's line and the key.
BAD_LABELS = {
    "label not text": ("labels/sv.yml", "sources", "false"),  # YAML's boolean: the build once showed it as "False"
    "label with markup": ("labels/sv.yml", "step", "'Steg\"><script>alert(1)</script>'"),
    "label with a format spec": ("labels/en.yml", "step_n", '"Step {n:3000000}"'),  # a page of megabytes
    "label with attribute access": ("labels/sv.yml", "step_n", '"Steg {n.__class__}"'),
    "label with a placeholder never filled in": ("labels/sv.yml", "step_n", '"Steg {nummer}"'),
}


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first occurrence of old in a content file; old must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BAD_KINDS = (
    list(BAD_INPUT)
    + list(BAD_LABELS)
    + ["english without swedish", "empty file", "not utf-8", "html material file", "redirect off the site"]
)


def break_content(root: Path, kind: str) -> str:
    """Make one kind of bad content in the bank at root; returns the location the report must name."""
    if kind in BAD_INPUT:
        name, old, new, expected = BAD_INPUT[kind]
        edit(root / name, old, new)
        return expected
    if kind in BAD_LABELS:
        name, key, value = BAD_LABELS[kind]
        lines = (root / name).read_text(encoding="utf-8").split("\n")
        (number,) = [i for i, line in enumerate(lines) if line.startswith(key + ":")]
        lines[number] = f"{key}: {value}"
        (root / name).write_text("\n".join(lines), encoding="utf-8")
        return f"{name}:{number + 1}: {key}"
    if kind == "english without swedish":
        (root / "methods/delta.en.md").write_text("---\ntitle: D\nsummary: D.\n---\nD.\n", encoding="utf-8")
        return "methods/delta.en.md:1"
    if kind == "empty file":
        (root / "methods/tom.md").write_text("", encoding="utf-8")
        return "methods/tom.md:1"
    if kind == "not utf-8":
        path = root / "cases/testkommunen.md"
        path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
        return "cases/testkommunen.md:4"
    if kind == "html material file":
        (root / "materials/startmote-mall/sida.html").write_text("<script>alert(1)</script>", encoding="utf-8")
        edit(
            root / "materials/startmote-mall.md",
            "  - file: startmote-mall.md",
            "  - file: sida.html\n    language: sv\n  - file: startmote-mall.md",
        )
        return "materials/startmote-mall.md:10: files[0].file"
    if kind == "redirect off the site":
        (root / "redirects.yml").write_text("metoder/gammal/: https://evil.example/\n", encoding="utf-8")
        return "redirects.yml:1: metoder/gammal/"
    raise ValueError(kind)
