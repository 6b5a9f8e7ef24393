"""The evidence rule (records to the two ratings), the evaluation records' checks, and where the ratings show."""

from __future__ import annotations

from pathlib import Path

import pytest
from badinput import edit

from metodbanken.content import evidence
from metodbanken.content.load import load_bank
from metodbanken.content.model import Evaluation, Localized, Outcome
from metodbanken.words.errors import ContentErrors

# -- the rule ------------------------------------------------------------------------------------------------


def record(
    design: str, *outcomes: tuple[str, str], read: str = "full-report", evaluator: str = "independent"
) -> Evaluation:
    return Evaluation(
        source="s",
        read=read,
        design=design,
        evaluator=evaluator,
        population=Localized("p"),
        outcomes=tuple(Outcome(m, r) for m, r in outcomes),
        limits=Localized("l"),
    )


def ratings(*records: Evaluation) -> tuple[int, str]:
    return evidence.strength(records), evidence.result(records)


def test_no_records_gives_0_and_none():
    assert ratings() == (0, "none")


@pytest.mark.parametrize(
    "design, level",
    [
        ("description", 1),
        ("process", 1),
        ("qualitative", 1),
        ("before-after", 2),
        ("review", 2),
        ("comparison-group", 3),
        ("randomised", 4),
    ],
)
def test_each_design_has_its_level(design, level):
    assert evidence.strength([record(design, ("violence", "positive"))]) == level


def test_a_comparison_group_study_with_no_effect_is_not_positive_and_outweighs_a_positive_before_after():
    assert ratings(record("comparison-group", ("violence", "no-effect"))) == (3, "no-effect")
    assert ratings(
        record("before-after", ("violence", "positive")), record("comparison-group", ("violence", "no-effect"))
    ) == (3, "no-effect")


def test_attitudes_or_implementation_only_is_not_measured():
    assert ratings(record("randomised", ("attitudes", "positive"))) == (4, "not-measured")
    assert ratings(record("process", ("implementation", "positive"), ("attitudes", "mixed"))) == (1, "not-measured")
    # an effect measure without a reported result is not a result either
    assert ratings(record("before-after", ("violence", "not-reported"), ("attitudes", "positive"))) == (
        2,
        "not-measured",
    )


def test_developer_involved_and_second_hand_readings_count_one_level_lower_never_below_1():
    assert evidence.level(record("comparison-group", evaluator="developer-involved")) == 2
    assert evidence.level(record("comparison-group", read="secondary")) == 2
    assert evidence.level(record("randomised", read="secondary", evaluator="developer-involved")) == 2
    assert evidence.level(record("before-after", read="secondary", evaluator="developer-involved")) == 1
    assert evidence.level(record("process", read="secondary")) == 1
    assert evidence.level(record("randomised", evaluator="not-stated", read="summary")) == 4  # only these two lower it


def test_two_comparison_studies_give_4_and_lowered_ones_do_not():
    two = (
        record("comparison-group", ("violence", "positive")),
        record("comparison-group", ("risk-factors", "positive")),
    )
    assert ratings(*two) == (4, "positive")
    lowered = (
        record("comparison-group", ("violence", "positive")),
        record("comparison-group", ("violence", "positive"), evaluator="developer-involved"),
    )
    assert ratings(*lowered) == (3, "positive")
    # a randomised trial by the developer (3) and an independent comparison study (3) are two at level 3
    assert evidence.strength([record("randomised", evaluator="developer-involved"), record("comparison-group")]) == 4


def test_the_result_comes_from_the_records_at_the_highest_level_with_effects():
    # the strongest record measured only attitudes: the result comes from the best record that measured effects
    assert ratings(
        record("randomised", ("attitudes", "positive")), record("before-after", ("violence", "positive"))
    ) == (4, "positive")
    mixed = (
        record("comparison-group", ("violence", "positive")),
        record("comparison-group", ("violence", "no-effect")),
    )
    assert ratings(*mixed)[1] == "mixed"
    assert ratings(record("before-after", ("violence", "positive"), ("risk-factors", "no-effect")))[1] == "mixed"
    assert ratings(record("before-after", ("violence", "mixed")))[1] == "mixed"
    assert ratings(record("before-after", ("violence", "negative"), ("risk-factors", "no-effect")))[1] == "negative"
    assert ratings(record("before-after", ("violence", "negative"), ("risk-factors", "positive")))[1] == "mixed"
    assert ratings(record("before-after", ("violence", "no-effect"), ("risk-factors", "no-effect")))[1] == "no-effect"


def test_the_method_model_exposes_the_derived_ratings(bank_root):
    bank = load_bank(bank_root)
    assert {m.id: (m.evidence_strength, m.evidence_result) for m in bank.methods} == {
        "alfa": (3, "no-effect"),
        "beta": (0, "none"),
        "gamma": (1, "not-measured"),
    }
    assert bank.method("alfa").key_evaluation.source == "alfa-utvardering"
    assert bank.method("beta").key_evaluation is None


def test_every_rating_has_a_label_and_a_description_in_both_languages(bank_root):
    bank = load_bank(bank_root)
    for name, values in (
        ("evidence_strength", [str(n) for n in evidence.STRENGTHS]),
        ("evidence_result", evidence.RESULTS),
    ):
        vocabulary = bank.vocabularies[name]
        assert [v.value for v in vocabulary.values] == list(values)
        for v in vocabulary.values:
            assert v.label.sv and v.label.en and v.label.sv != v.label.en
            assert v.description.sv and v.description.en
    assert bank.vocabularies["evidence_strength"].label_of("0", "sv") == "Ingen utvärdering"
    assert (
        bank.vocabularies["evidence_strength"].label_of("4", "sv")
        == "Säkrast (randomiserad eller flera jämförelsestudier)"
    )
    assert [bank.vocabularies["evidence_result"].label_of(v, "sv") for v in evidence.RESULTS] == [
        "Positiv effekt",
        "Blandade resultat",
        "Ingen effekt påvisad",
        "Negativ effekt",
        "Effekt på våld inte mätt",
        "Inget att bedöma",
    ]
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
        'texten "effektutvarderad". Tips: ta bort raden knowledge och skriv i stället in utvärderingarna som källorna redovisar '
        "i evaluations, eller, om ni inte hittade någon, vad ni sökte i evaluations_searched och när i evaluations_searched_on "
        "(se 'Så registrerar du en utvärdering' i CONTRIBUTING.md)."
    )
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
        "(what was searched, and when), found only evaluations_searched. Hint: add evaluations_searched_on."
    ]
    edit(bank_root / "methods/beta.md", "evaluations_searched: {", "other: {")
    edit(bank_root / "methods/beta.md", "other: {", "# {")
    (message,) = errors_of(bank_root)
    assert message.startswith(
        "methods/beta.md:2: evaluations: expected evaluations in evaluations, or a note on the search in "
        "evaluations_searched (sv and en) dated in evaluations_searched_on, found neither evaluations nor "
        "a note on the search. Hint: record the evaluations the sources report;"
    )


def test_a_record_needs_every_field_and_at_least_one_outcome_from_the_vocabularies(bank_root):
    edit(bank_root / "methods/alfa.md", "    read: full-report\n", "")
    edit(bank_root / "methods/alfa.md", "    design: before-after", "    design: before-and-after")
    edit(
        bank_root / "methods/alfa.md",
        """    outcomes:
      - measure: violence
        result: positive
""",
        "    outcomes: []\n",
    )
    messages = errors_of(bank_root)
    assert messages[0].startswith(
        "methods/alfa.md:19: evaluations[0].read: expected the required field 'evaluations[0].read' "
        "(What we read of the evaluation.)"
    )
    assert messages[1].startswith(
        "methods/alfa.md:35: evaluations[1].design: expected one of randomised, comparison-group, "
        "before-after, review, qualitative, process, description (evaluation_design), "
        "found the text \"before-and-after\". Hint: did you mean 'before-after'?"
    )
    assert messages[2].startswith(
        "methods/alfa.md:40: evaluations[1].outcomes: expected at least 1 item, found an empty list."
    )
    assert len(messages) == 3


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "ages_source: alfa-utvardering\n",
            "",
            "methods/alfa.md:47: age_min: expected the field ages_source (the id of the source "
            "that gives it) when age_min, age_max, school_stages is given, found age_min, age_max, school_stages without ages_source.",
        ),
        ("cost_source: testkalla\n", "", "methods/alfa.md:12: cost: expected the field cost_source"),
        ("dosage_source: testkalla\n", "", "methods/alfa.md:54: dosage: expected the field dosage_source"),
        (
            "age_max: 16",
            "age_max: 12",
            "methods/alfa.md:47: age_min: expected a youngest age (age_min) no higher than the oldest "
            "(age_max), found age_min 13 and age_max 12.",
        ),
        (
            "last_reviewed: 2026-01-15\n",
            "last_reviewed: 2026-01-15\nunstated: [owner_url, cost]\n",
            "methods/alfa.md:18: unstated[1]: expected only facts in unstated that the method does not give, found 'cost' in unstated, "
            "although cost, cost_amount, cost_year is given.",
        ),
    ],
)
def test_each_decision_fact_needs_its_source_and_facts_given_are_not_unstated(bank_root, old, new, expected):
    edit(bank_root / "methods/alfa.md", old, new)
    (message,) = errors_of(bank_root)
    assert message.startswith(expected), message


def test_a_record_cites_a_source_that_exists(bank_root):
    edit(bank_root / "methods/gamma.md", "  - source: alfa-utvardering", "  - source: alfa-utvardring")
    (message,) = errors_of(bank_root)
    assert message.startswith(
        "methods/gamma.md:10: evaluations[0].source: expected the id of an existing source, found "
        "'alfa-utvardring', which does not exist. Hint: did you mean 'alfa-utvardering'?"
    )


# -- what a reader gets: a strict build of the fixture bank ---------------------------------------------------

import csv  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402

from htmlkit import parse  # noqa: E402

LANGUAGES = {"sv": "", "en": "en/"}
RATINGS = {  # method: (how sure, what was found) as the page says them, sv and en
    "alfa": {
        "sv": ("Hur säkert: Ganska säkert (jämförelsegrupp).", "Vad som hittades: Ingen effekt påvisad."),
        "en": ("How sure: Fairly sure (comparison group).", "What was found: No effect found."),
    },
    "beta": {
        "sv": ("Hur säkert: Ingen utvärdering.", "Vad som hittades: Inget att bedöma."),
        "en": ("How sure: No evaluation.", "What was found: Nothing to assess."),
    },
    "gamma": {
        "sv": (
            "Hur säkert: Mycket osäkert (beskrivningar, intervjuer eller processutvärdering).",
            "Vad som hittades: Effekt på våld inte mätt.",
        ),
        "en": (
            "How sure: Very uncertain (descriptions, interviews or process evaluation).",
            "What was found: Effect on violence not measured.",
        ),
    },
}


def method_page(site: Path, language: str, method_id: str):
    return parse(site / "site" / LANGUAGES[language] / "metoder" / method_id / "index.html")


def decision_box(doc):
    (box,) = [d for d in doc.find_all("div") if "mb-decision" in d.attrs.get("class", "")]
    return box


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("method_id", RATINGS)
def test_the_decision_box_holds_both_ratings_in_words(fixture_site, language, method_id):
    doc = method_page(fixture_site, language, method_id)
    box = decision_box(doc)
    strength, found = RATINGS[method_id][language]
    assert strength in box.text() and found in box.text()
    # the box comes before anything else of the page's content but the title and the summary
    article = doc.find_all("article")[0].text()
    assert article.index(strength) < article.index("Steg" if language == "sv" else "Step")
    hrefs = [a.attrs.get("href", "") for a in box.find_all("a")]
    assert any(h.endswith("om/#kunskapslage") for h in hrefs)
    assert "#utvarderingar" in hrefs  # to the records the ratings come from (or the note on what was searched)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_evaluations_table_has_its_heading_and_anchor_before_the_long_text(fixture_site, language):
    doc = method_page(fixture_site, language, "alfa")
    (heading,) = [h for h in doc.find_all("h2") if h.attrs.get("id") == "utvarderingar"]
    assert heading.text() == ("Utvärderingar" if language == "sv" else "Evaluations")
    (table,) = doc.find_all("table", class_="mb-evaluations")
    headers = [th.text() for th in table.find_all("thead")[0].find_all("th")]
    assert headers == (
        [
            "Upplägg",
            "Vem som utvärderade",
            "Vilka som deltog",
            "Mätt och resultat",
            "Vad vi läste",
            "Begränsningar",
            "Källa",
        ]
        if language == "sv"
        else ["Design", "Who evaluated", "Who took part", "Measured and result", "What we read", "Limits", "Source"]
    )
    rows = table.find_all("tbody")[0].find_all("tr")
    cells = [c.text() for c in rows[0].find_all("th") + rows[0].find_all("td")]  # the design is the row's header
    assert len(rows) == 2
    if language == "sv":
        assert cells == [
            "Jämförelsegrupp utan lottning (räknas som nivå 3)",
            "Oberoende utvärderare",
            "Elever i årskurs 7–9 på sex skolor i Testkommunen, läsåret 2024/25.",
            "Våld: ingen effekt påvisad; Attityder och kunskap: positivt",
            "Hela rapporten",
            "Bara ett läsår; skolorna valde själva att delta.",
            "Utvärdering av alfametoden, 2025",
        ]
        second = [c.text() for c in rows[1].find_all("th") + rows[1].find_all("td")]
        assert second[0] == "Före- och eftermätning (räknas som nivå 1)"  # developer-involved: one level lower
    else:
        assert cells[2] == "Pupils in years 7–9 at six schools in Testkommunen, school year 2024/25."
    text = doc.text()
    assert text.index("Utvärderingar" if language == "sv" else "Evaluations") < text.index(
        "Syfte" if language == "sv" else "Purpose"
    )
    # every source the table cites is in the page's source list
    (sources,) = [h for h in doc.find_all("h2") if h.attrs.get("id") == "kallor"]
    assert "Utvärdering av alfametoden" in text[text.rindex(sources.text()) :]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_method_with_no_evaluation_shows_what_was_searched_and_when(fixture_site, language):
    doc = method_page(fixture_site, language, "beta")
    (note,) = doc.find_all("p", class_="mb-evaluations-none")
    assert (
        "Vi sökte i Testregistret och hittade inga utvärderingar."
        if language == "sv"
        else "We searched the Test register and found no evaluations."
    ) in note.text()
    assert [t.attrs["datetime"] for t in note.find_all("time")] == ["2026-11-30"]
    assert not doc.find_all("table", class_="mb-evaluations")


def test_an_untranslated_record_is_marked_swedish_on_the_english_page(fixture_site):
    doc = method_page(fixture_site, "en", "gamma")
    (table,) = doc.find_all("table", class_="mb-evaluations")
    swedish = [td.text() for td in table.find_all("td") if td.attrs.get("lang") == "sv"]
    assert swedish == ["Personal på tre fritidsgårdar, 2023.", "Mätte inte våld."]


FACET_FIELDS = {
    "evidence_strength": lambda m: [str(m["evidence_strength"]["value"])],
    "evidence_result": lambda m: [m["evidence_result"]["value"]],
    "school_stage": lambda m: [v["value"] for v in m["school_stages"]],
    "cost": lambda m: [m["cost"]["value"]] if m["cost"] else [],
    "arena": lambda m: [v["value"] for v in m["arenas"]],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_facet_counts_and_cards_equal_the_open_data(fixture_site, language):
    site = fixture_site / "site" / LANGUAGES[language]
    methods = json.loads((site / "data/methods.json").read_text(encoding="utf-8"))["methods"]
    doc = parse(site / "metoder/index.html")
    for facet, values_of in FACET_FIELDS.items():
        (fieldset,) = [f for f in doc.find_all("fieldset") if f.attrs.get("data-mb-facet") == facet]
        for box in fieldset.find_all("input"):
            value = box.attrs["value"]
            (label,) = [lab for lab in fieldset.find_all("label") if lab.attrs["for"] == box.attrs["id"]]
            expected = sum(value in values_of(m) for m in methods)
            assert label.text().endswith(f"({expected})"), (facet, value, label.text())
    by_id = {m["id"]: m for m in methods}
    for card in doc.find_all("article", data_mb_entry=True):
        m = by_id[card.attrs["data-mb-entry"].split(":")[1]]
        for facet, values_of in FACET_FIELDS.items():
            assert card.attrs[f"data-{facet}"].split() == values_of(m)
        text = card.text()
        assert m["evidence_strength"]["label"] in text and m["evidence_result"]["label"] in text
    alfa = [c for c in doc.find_all("article", data_mb_entry=True) if c.attrs["data-mb-entry"] == "method:alfa"][0]
    assert (
        "Ålder: 13–16 år; Högstadiet (åk 7–9) · Kostnad: Licens eller avgift"
        if language == "sv"
        else "Ages: ages 13–16; Lower secondary (years 7–9) · Cost: Licence or fee"
    ) in alfa.text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_data_carries_the_records_the_ratings_and_the_decision_facts(fixture_site, language):
    folder = fixture_site / "site" / LANGUAGES[language] / "data"
    data = json.loads((folder / "methods.json").read_text(encoding="utf-8"))
    schema = json.loads((folder / "methods.schema.json").read_text(encoding="utf-8"))
    fields = (
        "evaluations",
        "evidence_strength",
        "evidence_result",
        "evaluations_searched",
        "evaluations_searched_on",
        "age_min",
        "age_max",
        "school_stages",
        "ages_source",
        "cost",
        "cost_amount",
        "cost_year",
        "cost_source",
        "dosage",
        "dosage_source",
        "owner_url",
        "unstated",
    )
    item = schema["properties"]["methods"]["items"]
    assert set(fields) <= set(item["required"]) and "knowledge" not in item["properties"]
    alfa = next(m for m in data["methods"] if m["id"] == "alfa")
    assert alfa["evidence_strength"]["value"] == 3 and alfa["evidence_result"]["value"] == "no-effect"
    assert [(e["source"], e["design"]["value"], e["level"]) for e in alfa["evaluations"]] == [
        ("alfa-utvardering", "comparison-group", 3),
        ("testkalla", "before-after", 1),
    ]
    assert alfa["evaluations"][0]["outcomes"][0] == {
        "measure": {"value": "violence", "label": "Våld" if language == "sv" else "Violence"},
        "result": {"value": "no-effect", "label": "Ingen effekt påvisad" if language == "sv" else "No effect found"},
    }
    assert (alfa["age_min"], alfa["age_max"], alfa["cost"]["value"], alfa["cost_year"]) == (13, 16, "licens", 2025)
    assert alfa["dosage"] == ("10 lektioner under en termin" if language == "sv" else "10 lessons over one term")
    beta = next(m for m in data["methods"] if m["id"] == "beta")
    assert (beta["evaluations"], beta["evaluations_searched_on"], beta["evidence_strength"]["value"]) == (
        [],
        "2026-11-30",
        0,
    )
    assert "alfa-utvardering" in [s["id"] for s in alfa["sources"]]  # every cited source, the records' too
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((folder / "methods.csv").read_text(encoding="utf-8")))}
    assert set(fields) <= set(rows["alfa"])
    assert rows["alfa"]["evidence_strength"] == (
        "3: Ganska säkert (jämförelsegrupp)" if language == "sv" else "3: Fairly sure (comparison group)"
    )
    assert rows["alfa"]["evaluations"].startswith(
        "Jämförelsegrupp utan lottning (nivå 3), Oberoende utvärderare, Hela rapporten: Våld ingen effekt påvisad"
        if language == "sv"
        else "Comparison group, not randomised (level 3), Independent evaluator, The full report: "
    )
