"""Golden check: the generated Markdown of one method page per language, byte for byte.

When a template change is intended, regenerate with:  UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
and review the diff of tests/golden/ before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from metodbanken.load import load_bank
from metodbanken.render import Renderer, load_labels
from sitekit import REPO

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("language, generated", [("sv", "metoder/alfa.md"), ("en", "metoder/alfa.en.md"),
                                                 ("en", "metoder/gamma.en.md")])
def test_method_page_matches_golden(bank_root, language, generated):
    renderer = Renderer(templates_dir=REPO / "overrides/metodbanken", labels=load_labels(REPO / "labels"), nonce="NONCE")
    pages = renderer.render_language(load_bank(bank_root), language)
    golden = GOLDEN / generated.replace("/", "__")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(pages[generated], encoding="utf-8")
    assert pages[generated] == golden.read_text(encoding="utf-8"), (
        f"{generated} differs from {golden}. If the change is intended, run "
        "UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py and review the diff.")


def test_rendering_the_languages_in_parallel_gives_the_same_pages():
    """The build renders the other languages in a forked process: every page must be what a plain render gives."""
    renderer = Renderer(templates_dir=REPO / "overrides/metodbanken", labels=load_labels(REPO / "labels"), nonce="NONCE")
    bank = load_bank(REPO)
    parallel = renderer.render(bank, parallel=True)
    assert any(path.endswith(".en.md") for path in parallel), "no English page came back from the second process"
    assert parallel == renderer.render(bank)


def test_an_error_in_the_forked_render_reaches_the_build(tmp_path):
    import shutil
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "overrides/metodbanken", templates)
    method = templates / "method.md.j2"
    method.write_text("{% if lang == 'en' %}{{ no_such_value }}{% endif %}" + method.read_text(encoding="utf-8"), encoding="utf-8")
    renderer = Renderer(templates_dir=templates, labels=load_labels(REPO / "labels"), nonce="NONCE")
    with pytest.raises(Exception, match="no_such_value"):
        renderer.render(load_bank(REPO), parallel=True)
