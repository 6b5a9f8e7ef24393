"""The package's folders are the pipeline's stages, and each stage imports only the stages below it.

words ← safety ← content ← pages ← documents ← build, site ← cli; editors import only words, safety and content.
A module that breaks the rule, or a new module outside the stage folders, fails here with the import named.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "metodbanken"

ALLOWED = {
    "words": {"words"},
    "safety": {"words", "safety"},
    "content": {"words", "safety", "content"},
    "pages": {"words", "safety", "content", "pages"},
    "documents": {"words", "safety", "content", "pages", "documents"},
    "editors": {"words", "safety", "content", "editors"},
    "build": {"words", "safety", "content", "pages", "documents", "build", "site"},
    "site": {"words", "safety", "content", "pages", "documents", "site"},
    "cli": {"words", "safety", "content", "pages", "documents", "editors", "build", "site", "cli"},
    "__main__": {"cli"},
    "__init__": set(),
}


def _stage(module: Path) -> str:
    part = module.relative_to(PACKAGE).parts
    return part[0] if len(part) > 1 else module.stem


def _imported_stages(module: Path):
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            yield node.lineno, "(relative import)"
        names = (
            [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else []
        )
        for name in names:
            parts = name.split(".")
            if parts[0] == "metodbanken" and len(parts) > 1:
                yield node.lineno, parts[1]
            elif parts == ["metodbanken"] and isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    yield node.lineno, alias.name


def test_every_module_sits_in_a_stage_folder_or_is_one_of_the_top_modules():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 30
    strays = [str(m.relative_to(PACKAGE)) for m in modules if _stage(m) not in ALLOWED]
    assert strays == [], f"put these modules in a stage folder ({', '.join(sorted(ALLOWED))}): {strays}"


def test_each_stage_imports_only_the_stages_below_it():
    broken = []
    for module in sorted(PACKAGE.rglob("*.py")):
        stage = _stage(module)
        for line, imported in _imported_stages(module):
            if imported not in ALLOWED.get(stage, set()):
                broken.append(f"metodbanken/{module.relative_to(PACKAGE)}:{line} ({stage}) imports {imported}")
    assert broken == [], "imports against the stage rule (tests/test_layers.py names it):\n" + "\n".join(broken)


def test_the_rule_reads_absolute_relative_and_package_imports(tmp_path):
    fake = tmp_path / "x.py"
    fake.write_text(
        "from metodbanken.pages.render import SECTIONS\nfrom . import y\nfrom metodbanken import cli\n"
        "def f():\n    import metodbanken.editors.status\n",
        encoding="utf-8",
    )
    assert list(_imported_stages(fake)) == [(1, "pages"), (2, "(relative import)"), (3, "cli"), (5, "editors")]
