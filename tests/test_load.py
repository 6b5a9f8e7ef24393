"""Unit tests of the loader and validator: each kind of bad input gives one exact, located message."""

from __future__ import annotations

from pathlib import Path

import pytest
from badinput import edit

from metodbanken.content.load import load_bank
from metodbanken.words.errors import ContentErrors


def errors_of(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load_bank(root)
    return [e.render("en") for e in info.value.errors]


def test_fixture_bank_loads(bank_root):
    bank = load_bank(bank_root)
    assert [m.id for m in bank.methods] == ["alfa", "beta", "gamma"]
    assert [s.number for s in bank.steps] == [1, 2, 3, 4, 5]
    alfa = bank.method("alfa")
    assert alfa.title.sv == "Alfametoden" and alfa.title.en == "The alpha method"
    assert alfa.resources.en == "A half-time coordinator."
    assert bank.method("gamma").title.en is None
    # no one types a rating: both come from the records (a search note and no record gives 0 and none)
    assert (bank.method("beta").evidence_strength, bank.method("beta").evidence_result) == (0, "none")
    assert (alfa.evidence_strength, alfa.evidence_result) == (3, "no-effect")
    assert alfa.cost_amount.en == "An annual licence of 5,000 kronor per school" and alfa.school_stages == (
        "hogstadiet",
    )
    assert bank.materials[0].files[0].size == len("# Startmöte\n\n1. Vilka är med?\n".encode())


def test_yaml_syntax_error(bank_root):
    edit(bank_root / "methods/alfa.md", "steps: [1, 2]", "steps: [1, 2")
    assert errors_of(bank_root) == [
        "methods/alfa.md:6: expected valid YAML, found a syntax error (did not find expected ',' or ']'). "
        "Hint: check indentation, and put text containing ': ' or starting with a quote, '[' or '{' inside quotes."
    ]


def test_missing_required_field(bank_root):
    edit(bank_root / "methods/beta.md", "summary: Betametoden i korthet.\n", "")
    assert errors_of(bank_root) == [
        "methods/beta.md:2: summary: expected the required field 'summary' (One or two sentences (at most 300 characters) "
        "shown in lists and search results.), found it missing. Hint: add it."
    ]


def test_wrong_type(bank_root):
    edit(bank_root / "methods/beta.md", "steps: [4]", "steps: fyra")
    assert errors_of(bank_root) == [
        "methods/beta.md:5: steps: expected a list (The steps of Inget att vänta på (1–5) this belongs to.), "
        "found the text \"fyra\". Hint: write it as [a, b] or as lines starting with '- '."
    ]


def test_step_out_of_range(bank_root):
    edit(bank_root / "methods/beta.md", "steps: [4]", "steps: [4, 7]")
    assert errors_of(bank_root) == ["methods/beta.md:5: steps[1]: expected a step number 1–5, found the number 7."]


def test_unknown_vocabulary_value_suggests_nearest(bank_root):
    edit(bank_root / "methods/alfa.md", "arenas: [skola, socialtjanst]", "arenas: [skolan, socialtjanst]")
    (message,) = errors_of(bank_root)
    assert message.startswith("methods/alfa.md:8: arenas[0]: expected one of kommunledning, socialtjanst, skola,")
    assert message.endswith("(arena), found the text \"skolan\". Hint: did you mean 'skola'?")


def test_vocabulary_label_instead_of_value_is_recognised(bank_root):
    edit(bank_root / "methods/alfa.md", "prevention_levels: [universell]", "prevention_levels: [Universal]")
    (message,) = errors_of(bank_root)
    assert message.endswith("Hint: did you mean 'universell'?")


def test_id_must_match_file_name(bank_root):
    edit(bank_root / "methods/beta.md", "id: beta", "id: betta")
    assert errors_of(bank_root) == [
        "methods/beta.md:2: id: expected the id 'beta' (equal to the file name), found 'betta'. "
        "Hint: rename the file to betta.md, or set id: beta. Ids never change once published; a rename needs a redirect."
    ]


def test_duplicate_question_and_term_ids(bank_root):
    edit(bank_root / "checklists/2-beskriv-vald-som-problem.yml", "- id: andra-fragan", "- id: forsta-fragan")
    edit(bank_root / "glossary.yml", "- id: lagesbild", "- id: kargrupp")
    assert errors_of(bank_root) == [
        "checklists/2-beskriv-vald-som-problem.yml:14: questions[1].id: expected a question id used once in the step, "
        "found 'forsta-fragan' again. Hint: question ids become anchors (#id) and must be unique.",
        "glossary.yml:7: [1].id: expected a term id used once, found 'kargrupp' again.",
    ]


def test_reference_to_unknown_method_and_source(bank_root):
    edit(bank_root / "methods/alfa.md", "related_methods: [beta]", "related_methods: [betta]")
    edit(bank_root / "cases/testkommunen.md", "sources: [testkalla]", "sources: [testkallan, saknas]")
    assert errors_of(bank_root) == [
        "cases/testkommunen.md:10: sources[0]: expected the id of an existing source, found 'testkallan', which does not exist. "
        "Hint: did you mean 'testkalla'?",
        "cases/testkommunen.md:10: sources[1]: expected the id of an existing source, found 'saknas', which does not exist. "
        "Hint: check the id against sources.yml.",
        "methods/alfa.md:16: related_methods[0]: expected the id of an existing method, found 'betta', which does not exist. "
        "Hint: did you mean 'beta'?",
    ]


def test_english_file_without_swedish_original(bank_root):
    (bank_root / "methods/delta.en.md").write_text("---\ntitle: Delta\nsummary: D.\n---\nText.\n", encoding="utf-8")
    assert errors_of(bank_root) == [
        "methods/delta.en.md:1: expected a Swedish original methods/delta.md beside it, found only the English file. "
        "Hint: the Swedish file holds the facts; create it first (python -m metodbanken new ...)."
    ]


def test_language_neutral_field_in_english_file(bank_root):
    edit(bank_root / "methods/beta.en.md", "title: The beta method", "title: The beta method\nsteps: [4]")
    (message,) = errors_of(bank_root)
    assert message == (
        "methods/beta.en.md:3: steps: expected only the fields cost_amount, dosage, resources, summary, title, found the field 'steps'. "
        "Hint: facts that are the same in both languages belong in the Swedish file only."
    )


@pytest.mark.parametrize("value", ["2026-02-30", "15/01/2026", "2026-1-5"])
def test_invalid_date(bank_root, value):
    edit(bank_root / "methods/beta.md", "last_reviewed: 2025-06-01", f"last_reviewed: {value}")
    (message,) = errors_of(bank_root)
    assert message.startswith(
        f'methods/beta.md:7: last_reviewed: expected a date written YYYY-MM-DD that exists, found the text "{value}".'
    )


def test_empty_file(bank_root):
    (bank_root / "cases/tom.md").write_text("  \n", encoding="utf-8")
    assert errors_of(bank_root) == [
        "cases/tom.md:1: expected content, found an empty file. "
        "Hint: fill the file in (`python -m metodbanken new` creates one with every field), or delete it."
    ]


def test_non_utf8_file(bank_root):
    path = bank_root / "methods/beta.md"
    path.write_bytes(
        path.read_text(encoding="utf-8")
        .replace("Betametoden i korthet", "Betametoden för små kommuner")
        .encode("latin-1")
    )
    assert errors_of(bank_root) == [
        "methods/beta.md:4: expected UTF-8 text, found the byte 0xF6, which is not UTF-8. "
        "Hint: save the file with UTF-8 encoding (in most editors: 'Save with encoding' → UTF-8)."
    ]


@pytest.mark.parametrize(
    "snippet, found, hint",
    [
        (
            "<script>alert(1)</script>",
            "<script> (an element the bank does not publish)",
            "write it in Markdown, without this HTML element.",
        ),
        (
            '<img src="x.png" alt="" onerror="alert(1)">',
            '<img onerror="alert(1)"> (an attribute the bank does not publish)',
            "no event handler such as onclick",
        ),
        (
            "[klicka](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\"> (a 'javascript:' address)",
            "link to a web page (https://…)",
        ),
        (
            '<a href="JaVaScRiPt&#58;alert(1)">x</a>',
            "<a href=\"JaVaScRiPt:alert(1)\"> (a 'javascript:' address)",
            "link to a web page",
        ),
    ],
)
def test_script_in_markdown_body(bank_root, snippet, found, hint):
    edit(bank_root / "methods/beta.md", "Betametodens syfte.", f"Betametodens syfte.\n\n{snippet}")
    (message,) = errors_of(bank_root)
    assert message.startswith(
        f"methods/beta.md:15: text: expected Markdown the bank can publish safely, found the HTML {found}. Hint: "
    )
    assert hint in message


def test_script_in_step_intro_and_glossary(bank_root):
    edit(
        bank_root / "checklists/3-identifiera-forandringsfaktorer.yml",
        "Introduktion till steg 3.",
        "<script>x()</script>",
    )
    edit(bank_root / "glossary.yml", "En beskrivning av läget.", "En [länk](javascript:void(0)).")
    messages = errors_of(bank_root)
    assert [m.split(" expected")[0] for m in messages] == [
        "checklists/3-identifiera-forandringsfaktorer.yml:6: intro.sv:",  # the text starts below "sv: |"
        "glossary.yml:10: [1].definition.sv:",
    ]


def test_every_problem_is_reported_at_once(bank_root):
    edit(bank_root / "methods/alfa.md", "arenas: [skola, socialtjanst]", "arenas: [skolan]")
    edit(bank_root / "methods/beta.md", "last_reviewed: 2025-06-01", "last_reviewed: igår")
    (bank_root / "cases/tom.md").write_text("", encoding="utf-8")
    files = [m.split(":")[0] for m in errors_of(bank_root)]
    assert files == ["cases/tom.md", "methods/alfa.md", "methods/beta.md"]


def test_missing_step_file(bank_root):
    (bank_root / "checklists/5-implementera-folj-upp-och-sprid.yml").unlink()
    assert errors_of(bank_root) == [
        "checklists/:1: step: expected a file for step 5, found none. Hint: add checklists/5-<slug>.yml."
    ]


def test_material_file_must_exist(bank_root):
    (bank_root / "materials/startmote-mall/startmote-template.txt").unlink()
    assert errors_of(bank_root) == [
        "materials/startmote-mall.md:12: files[1].file: expected a file the bank can publish in materials/startmote-mall/, "
        "found 'startmote-template.txt', which is not there. Hint: upload the file to materials/startmote-mall/ or fix its name."
    ]


def test_summary_length_limit(bank_root):
    edit(bank_root / "methods/beta.md", "summary: Betametoden i korthet.", "summary: " + "x" * 301)
    assert errors_of(bank_root) == [
        "methods/beta.md:4: summary: expected at most 300 characters, found 301 characters. "
        "Hint: shorten it; put details in the text below the front matter."
    ]


def test_unknown_field_suggests_nearest(bank_root):
    edit(bank_root / "methods/beta.md", "steps: [4]", "steps: [4]\narena: [skola]")
    (message,) = errors_of(bank_root)
    assert message.startswith(
        "methods/beta.md:6: arena: expected one of the fields age_max, age_min, ages_source, approaches, arenas,"
    )
    assert message.endswith("found an unknown field 'arena'. Hint: did you mean 'arenas'?")


def test_synonyms_are_checked_like_other_content(bank_root):
    (bank_root / "synonyms.yml").write_text(
        "- language: sv\n  word: förövare\n  finds: [våldsutövare]\n"
        "- language: sw\n  word: gärningsman\n  finds: [våldsutövare]\n"
        "- language: sv\n  word: Förövare\n  finds: [utövare]\n"
        "- language: en\n  word: abuser\n",
        encoding="utf-8",
    )
    problems = errors_of(bank_root)
    assert len(problems) == 3, problems
    assert (
        problems[0]
        == "synonyms.yml:4: [1].language: expected one of sv, en (language), found the text \"sw\". Hint: did you mean 'sv'?"
    )
    assert problems[1].startswith(
        "synonyms.yml:8: [2].word: expected each word once per language, found 'förövare' again"
    )
    assert problems[2].startswith("synonyms.yml:10: [3]") and "finds" in problems[2]


def test_synonyms_feed_the_search_per_language(bank_root):
    (bank_root / "synonyms.yml").write_text(
        "- language: sv\n  word: Förövare\n  finds: [våldsutövare]\n- language: en\n  word: abuser\n  finds: [perpetrator]\n",
        encoding="utf-8",
    )
    bank = load_bank(bank_root)
    assert bank.synonyms_for("sv") == {"förövare": ["våldsutövare"]}
    assert bank.synonyms_for("en") == {"abuser": ["perpetrator"]}
