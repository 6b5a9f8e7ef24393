"""Golden check: the generated Markdown of one method page per language, byte for byte.

When a template change is intended, regenerate with:  UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
and review the diff of tests/golden/ before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sitekit import REPO

from metodbanken.content.load import load_bank
from metodbanken.pages.render import Renderer, load_labels

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    "language, generated", [("sv", "metoder/alfa.md"), ("en", "metoder/alfa.en.md"), ("en", "metoder/gamma.en.md")]
)
def test_method_page_matches_golden(bank_root, language, generated):
    renderer = Renderer(
        templates_dir=REPO / "overrides/metodbanken",
        labels=load_labels(REPO / "labels"),
        nonce="NONCE",
        public_url="https://metodbanken.example/",
    )
    pages = renderer.render_language(load_bank(bank_root), language)
    golden = GOLDEN / generated.replace("/", "__")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(pages[generated], encoding="utf-8")
    assert pages[generated] == golden.read_text(encoding="utf-8"), (
        f"{generated} differs from {golden}. If the change is intended, run "
        "UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py and review the diff."
    )
