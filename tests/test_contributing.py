"""CONTRIBUTING.md and CONTRIBUTING.en.md: their field tables are generated from the schema and vocabularies."""

from __future__ import annotations

from sitekit import REPO

from metodbanken.content.schema import METHOD
from metodbanken.content.vocabularies import load_vocabularies
from metodbanken.editors.contributing import END, FILES, REGENERATE, generated_block, stale_files


def test_field_tables_are_up_to_date():
    stale = stale_files(REPO)
    assert (
        not stale
    ), f"the field tables in {', '.join(stale)} are out of date. Regenerate them with `{REGENERATE}` and commit."


def test_tables_list_every_method_field_and_every_vocabulary_value_in_both_languages():
    vocabularies = load_vocabularies(REPO)
    for language in FILES:
        block = generated_block(REPO, language)
        assert block.rstrip().endswith(END)
        for field in METHOD.fields:
            assert f"| `{field.name}` |" in block
        for value, spec in vocabularies["arena"]["values"].items():
            assert f"| `{value}` | {spec['label'][language]} |" in block


def test_both_files_explain_the_editor_workflow():
    sv = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    en = (REPO / "CONTRIBUTING.en.md").read_text(encoding="utf-8")
    for needle in (
        "python -m metodbanken check",
        "python -m metodbanken new",
        "mkdocs serve",
        "last_reviewed",
        "/admin/",
        "Fine-grained tokens",
        "Contents: Read and write",
        "Pull requests: Read and write",
    ):
        assert needle in sv and needle in en
