"""The evidence rule (records to the two ratings), the evaluation records' checks, and where the ratings show."""

from __future__ import annotations

from pathlib import Path

import pytest

from badinput import edit
from metodbanken import evidence
from metodbanken.errors import ContentErrors
from metodbanken.load import load_bank
from metodbanken.model import Evaluation, Localized, Outcome

# -- the rule ------------------------------------------------------------------------------------------------


def record(design: str, *outcomes: tuple[str, str], read: str = "full-report", evaluator: str = "independent") -> Evaluation:
    return Evaluation(source="s", read=read, design=design, evaluator=evaluator, population=Localized("p"),
                      outcomes=tuple(Outcome(m, r) for m, r in outcomes), limits=Localized("l"))


def ratings(*records: Evaluation) -> tuple[int, str]:
    return evidence.strength(records), evidence.result(records)


def test_no_records_gives_0_and_none():
    assert ratings() == (0, "none")


@pytest.mark.parametrize("design, level", [("description", 1), ("process", 1), ("qualitative", 1), ("before-after", 2),
                                           ("review", 2), ("comparison-group", 3), ("randomised", 4)])
def test_each_design_has_its_level(design, level):
    assert evidence.strength([record(design, ("violence", "positive"))]) == level


def test_a_comparison_group_study_with_no_effect_is_not_positive_and_outweighs_a_positive_before_after():
    assert ratings(record("comparison-group", ("violence", "no-effect"))) == (3, "no-effect")
    assert ratings(record("before-after", ("violence", "positive")), record("comparison-group", ("violence", "no-effect"))) \
        == (3, "no-effect")


def test_attitudes_or_implementation_only_is_not_measured():
    assert ratings(record("randomised", ("attitudes", "positive"))) == (4, "not-measured")
    assert ratings(record("process", ("implementation", "positive"), ("attitudes", "mixed"))) == (1, "not-measured")
    # an effect measure without a reported result is not a result either
    assert ratings(record("before-after", ("violence", "not-reported"), ("attitudes", "positive"))) == (2, "not-measured")


def test_developer_involved_and_second_hand_readings_count_one_level_lower_never_below_1():
    assert evidence.level(record("comparison-group", evaluator="developer-involved")) == 2
    assert evidence.level(record("comparison-group", read="secondary")) == 2
    assert evidence.level(record("randomised", read="secondary", evaluator="developer-involved")) == 2
    assert evidence.level(record("before-after", read="secondary", evaluator="developer-involved")) == 1
    assert evidence.level(record("process", read="secondary")) == 1
    assert evidence.level(record("randomised", evaluator="not-stated", read="summary")) == 4  # only these two lower it


def test_two_comparison_studies_give_4_and_lowered_ones_do_not():
    two = (record("comparison-group", ("violence", "positive")), record("comparison-group", ("risk-factors", "positive")))
    assert ratings(*two) == (4, "positive")
    lowered = (record("comparison-group", ("violence", "positive")),
               record("comparison-group", ("violence", "positive"), evaluator="developer-involved"))
    assert ratings(*lowered) == (3, "positive")
    # a randomised trial by the developer (3) and an independent comparison study (3) are two at level 3
    assert evidence.strength([record("randomised", evaluator="developer-involved"), record("comparison-group")]) == 4


def test_the_result_comes_from_the_records_at_the_highest_level_with_effects():
    # the strongest record measured only attitudes: the result comes from the best record that measured effects
    assert ratings(record("randomised", ("attitudes", "positive")), record("before-after", ("violence", "positive"))) \
        == (4, "positive")
    mixed = (record("comparison-group", ("violence", "positive")), record("comparison-group", ("violence", "no-effect")))
    assert ratings(*mixed)[1] == "mixed"
    assert ratings(record("before-after", ("violence", "positive"), ("risk-factors", "no-effect")))[1] == "mixed"
    assert ratings(record("before-after", ("violence", "mixed")))[1] == "mixed"
    assert ratings(record("before-after", ("violence", "negative"), ("risk-factors", "no-effect")))[1] == "negative"
    assert ratings(record("before-after", ("violence", "negative"), ("risk-factors", "positive")))[1] == "mixed"
    assert ratings(record("before-after", ("violence", "no-effect"), ("risk-factors", "no-effect")))[1] == "no-effect"


def test_the_method_model_exposes_the_derived_ratings(bank_root):
    bank = load_bank(bank_root)
    assert {m.id: (m.evidence_strength, m.evidence_result) for m in bank.methods} == {
        "alfa": (3, "no-effect"), "beta": (0, "none"), "gamma": (1, "not-measured")}
    assert bank.method("alfa").key_evaluation.source == "alfa-utvardering"
    assert bank.method("beta").key_evaluation is None


def test_every_rating_has_a_label_and_a_description_in_both_languages(bank_root):
    bank = load_bank(bank_root)
    for name, values in (("evidence_strength", [str(n) for n in evidence.STRENGTHS]), ("evidence_result", evidence.RESULTS)):
        vocabulary = bank.vocabularies[name]
        assert [v.value for v in vocabulary.values] == list(values)
        for v in vocabulary.values:
            assert v.label.sv and v.label.en and v.label.sv != v.label.en
            assert v.description.sv and v.description.en
    assert bank.vocabularies["evidence_strength"].label_of("0", "sv") == "Ingen utvärdering"
    assert bank.vocabularies["evidence_strength"].label_of("4", "sv") == "Säkrast (randomiserad eller flera jämförelsestudier)"
    assert [bank.vocabularies["evidence_result"].label_of(v, "sv") for v in evidence.RESULTS] == [
        "Positiv effekt", "Blandade resultat", "Ingen effekt påvisad", "Negativ effekt", "Effekt på våld inte mätt", "Inget att bedöma"]
    # the engine's design levels cover exactly the design vocabulary
    assert set(evidence.DESIGN_LEVELS) == {v.value for v in bank.vocabularies["evaluation_design"].values}


# -- the records' checks -------------------------------------------------------------------------------------


def errors_of(root: Path, language: str = "en") -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load_bank(root)
    return [e.render(language) for e in info.value.errors]


def test_a_knowledge_field_is_refused_with_what_to_do_instead(bank_root):
    edit(bank_root / "methods/beta.md", "steps: [4]", "steps: [4]\nknowledge: effektutvarderad")
    (message,) = errors_of(bank_root, "sv")
    assert message == (
        "methods/beta.md:6: knowledge: förväntade inget fält knowledge: det finns inte längre, eftersom bankens två omdömen "
        "(hur säkert och vad som hittades) nu räknas fram ur utvärderingarna i evaluations, hittade fältet knowledge med "
        "texten \"effektutvarderad\". Tips: ta bort raden knowledge och skriv i stället in utvärderingarna som källorna redovisar "
        "i evaluations, eller, om ni inte hittade någon, vad ni sökte i evaluations_searched och när i evaluations_searched_on "
        "(se 'Så registrerar du en utvärdering' i CONTRIBUTING.md).")
    (english,) = errors_of(bank_root, "en")
    assert english.startswith("methods/beta.md:6: knowledge: expected no knowledge field: it is gone")


def test_knowledge_in_the_english_file_is_refused_the_same_way(bank_root):
    edit(bank_root / "methods/beta.en.md", "title: The beta method", "title: The beta method\nknowledge: ej-bedomt")
    (message,) = errors_of(bank_root)
    assert message.startswith("methods/beta.en.md:3: knowledge: expected no knowledge field: it is gone")


def test_a_method_without_evaluations_needs_a_dated_search_note(bank_root):
    edit(bank_root / "methods/beta.md", "evaluations_searched_on: 2026-11-30\n", "")
    assert errors_of(bank_root) == [
        "methods/beta.md:8: evaluations_searched: expected both evaluations_searched and evaluations_searched_on "
        "(what was searched, and when), found only evaluations_searched. Hint: add evaluations_searched_on."]
    edit(bank_root / "methods/beta.md", "evaluations_searched: {", "other: {")
    edit(bank_root / "methods/beta.md", "other: {", "# {")
    (message,) = errors_of(bank_root)
    assert message.startswith("methods/beta.md:2: evaluations: expected evaluations in evaluations, or a note on the search in "
                              "evaluations_searched (sv and en) dated in evaluations_searched_on, found neither evaluations nor "
                              "a note on the search. Hint: record the evaluations the sources report;")


def test_a_record_needs_every_field_and_at_least_one_outcome_from_the_vocabularies(bank_root):
    edit(bank_root / "methods/alfa.md", "    read: full-report\n", "")
    edit(bank_root / "methods/alfa.md", "    design: before-after", "    design: before-and-after")
    edit(bank_root / "methods/alfa.md", """    outcomes:
      - measure: violence
        result: positive
""", "    outcomes: []\n")
    messages = errors_of(bank_root)
    assert messages[0].startswith("methods/alfa.md:19: evaluations[0].read: expected the required field 'evaluations[0].read' "
                                  "(What we read of the evaluation.)")
    assert messages[1].startswith("methods/alfa.md:35: evaluations[1].design: expected one of randomised, comparison-group, "
                                  "before-after, review, qualitative, process, description (evaluation_design), "
                                  "found the text \"before-and-after\". Hint: did you mean 'before-after'?")
    assert messages[2].startswith("methods/alfa.md:40: evaluations[1].outcomes: expected at least 1 item, found an empty list.")
    assert len(messages) == 3


@pytest.mark.parametrize("old, new, expected", [
    ("ages_source: alfa-utvardering\n", "", "methods/alfa.md:47: age_min: expected the field ages_source (the id of the source "
     "that gives it) when age_min, age_max, school_stages is given, found age_min, age_max, school_stages without ages_source."),
    ("cost_source: testkalla\n", "", "methods/alfa.md:12: cost: expected the field cost_source"),
    ("dosage_source: testkalla\n", "", "methods/alfa.md:54: dosage: expected the field dosage_source"),
    ("age_max: 16", "age_max: 12", "methods/alfa.md:47: age_min: expected a youngest age (age_min) no higher than the oldest "
     "(age_max), found age_min 13 and age_max 12."),
    ("last_reviewed: 2026-01-15\n", "last_reviewed: 2026-01-15\nunstated: [owner_url, cost]\n",
     "methods/alfa.md:18: unstated[1]: expected only facts in unstated that the method does not give, found 'cost' in unstated, "
     "although cost, cost_amount, cost_year is given."),
])
def test_each_decision_fact_needs_its_source_and_facts_given_are_not_unstated(bank_root, old, new, expected):
    edit(bank_root / "methods/alfa.md", old, new)
    (message,) = errors_of(bank_root)
    assert message.startswith(expected), message


def test_a_record_cites_a_source_that_exists(bank_root):
    edit(bank_root / "methods/gamma.md", "  - source: alfa-utvardering", "  - source: alfa-utvardring")
    (message,) = errors_of(bank_root)
    assert message.startswith("methods/gamma.md:10: evaluations[0].source: expected the id of an existing source, found "
                              "'alfa-utvardring', which does not exist. Hint: did you mean 'alfa-utvardering'?")
