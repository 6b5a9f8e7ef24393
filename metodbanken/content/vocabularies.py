"""The vocabularies: those fixed by the engine (BUILTIN_VOCABULARIES) and reading vocabularies.yml plainly for the
generators."""

from __future__ import annotations

from pathlib import Path

import yaml

from metodbanken.content.evidence import DESIGN_LEVELS


# Vocabularies fixed by the engine rather than by vocabularies.yml (the evidence rule, evidence.py, depends on their
# values), in the shape of vocabularies.yml: {name: {label, values: {value: {label, description?}}}}.
def _values(hyphens: bool = True, **values: tuple) -> dict:
    """value=(sv label, en label[, sv description, en description]); with hyphens, underscores in a value name stand for hyphens."""
    out = {}
    for value, texts in values.items():
        spec = {"label": {"sv": texts[0], "en": texts[1]}}
        if len(texts) > 2:
            spec["description"] = {"sv": texts[2], "en": texts[3]}
        out[value.replace("_", "-") if hyphens else value] = spec
    return out


def _design_values(**values: tuple) -> dict:
    """The evaluation designs: each description ends with the design's level, taken from the rule (evidence.py)."""
    out = _values(**values)
    for value, spec in out.items():
        level = DESIGN_LEVELS[value]
        spec["description"] = {
            "sv": f"{spec['description']['sv']} (nivå {level}).",
            "en": f"{spec['description']['en']} (level {level}).",
        }
    return out


BUILTIN_VOCABULARIES = {
    "method_fact": {
        "label": {"sv": "Uppgift", "en": "Fact"},
        "values": _values(
            False,
            resources=("Vad som krävs", "What it takes"),
            owner=("Ägare eller kontakt", "Owner or contact"),
            owner_url=("Ägarens webbplats", "Owner's website"),
            ages=("Ålder eller skolstadium", "Ages or school stages"),
            cost=("Kostnad", "Cost"),
            dosage=("Omfattning (antal träffar, timmar, veckor)", "Dosage (sessions, hours, weeks)"),
        ),
    },
    "checklist_origin": {
        "label": {"sv": "Frågornas ursprung", "en": "Origin of the questions"},
        "values": _values(
            handbook=("Handbokens checklista", "The handbook's checklist"),
            sources=(
                "Frågor som Metodbanken har formulerat utifrån källorna",
                "Questions the bank drew from the sources",
            ),
        ),
    },
    "evaluation_read": {
        "label": {"sv": "Vad vi läste", "en": "What we read"},
        "values": _values(
            full_report=(
                "Hela rapporten",
                "The full report",
                "Vi läste själva rapporten, åtminstone de delar som beskriver upplägg och resultat.",
                "We read the report itself, at least the parts that describe its design and results.",
            ),
            summary=(
                "Utvärderarnas sammanfattning",
                "The evaluators' summary",
                "Vi läste utvärderarnas egen sammanfattning, abstract eller pressmeddelande.",
                "We read the evaluators' own summary, abstract or press page.",
            ),
            secondary=(
                "Någon annans beskrivning",
                "Someone else's account",
                "Vi läste någon annans beskrivning av utvärderingen (till exempel en myndighets); räknas en nivå lägre.",
                "We read someone else's account of the evaluation (an agency's, for example); counts one level lower.",
            ),
        ),
    },
    "evaluation_design": {
        "label": {"sv": "Upplägg", "en": "Design"},
        "values": _design_values(
            randomised=(
                "Randomiserad studie",
                "Randomised trial",
                "Deltagarna lottades till grupper som fick eller inte fick metoden",
                "Participants were allocated at random to groups that did or did not get the method",
            ),
            comparison_group=(
                "Jämförelsegrupp utan lottning",
                "Comparison group, not randomised",
                "Resultaten jämfördes med en grupp som inte fick metoden, utan lottning",
                "Results were compared with a group that did not get the method, without random allocation",
            ),
            before_after=(
                "Före- och eftermätning",
                "Before-and-after measurement",
                "Mätt före och efter, utan jämförelsegrupp",
                "Measured before and after, with no comparison group",
            ),
            review=(
                "Systematisk översikt",
                "Systematic review",
                "En systematisk översikt eller metaanalys av flera studier",
                "A systematic review or meta-analysis of several studies",
            ),
            qualitative=(
                "Intervjuer eller fokusgrupper",
                "Interviews or focus groups",
                "Intervjuer eller fokusgrupper om effekter eller erfarenheter",
                "Interviews or focus groups about effects or experiences",
            ),
            process=(
                "Processutvärdering",
                "Process evaluation",
                "Hur arbetet genomfördes, utan mätning av effekter",
                "How the work was carried out, with no measurement of effects",
            ),
            description=(
                "Beskrivning eller uppföljning",
                "Description or follow-up",
                "En beskrivning eller uppföljning utan egentligt utvärderingsupplägg",
                "A description or follow-up without a real evaluation design",
            ),
        ),
    },
    "evaluator": {
        "label": {"sv": "Vem som utvärderade", "en": "Who evaluated"},
        "values": _values(
            independent=(
                "Oberoende utvärderare",
                "Independent evaluator",
                "Utvärderarna hade ingen del i att utveckla eller sälja metoden.",
                "The evaluators had no part in developing or selling the method.",
            ),
            developer_involved=(
                "Metodens utvecklare deltog",
                "The method's developer took part",
                "Metodens utvecklare eller ägare gjorde utvärderingen eller beställde och skrev den tillsammans med andra; räknas en nivå lägre.",
                "The method's developer or owner did the evaluation, or commissioned and co-wrote it; counts one level lower.",
            ),
            not_stated=(
                "Anges inte",
                "Not stated",
                "Källan säger inte vem som utvärderade.",
                "The source does not say who evaluated.",
            ),
        ),
    },
    "outcome_measure": {
        "label": {"sv": "Vad som mättes", "en": "What was measured"},
        "values": _values(
            violence=("Våld", "Violence", "Våld som utövats eller utsatts för.", "Violence used or experienced."),
            risk_factors=(
                "Riskfaktorer för våld",
                "Risk factors for violence",
                "Sådant som forskningen kopplar till senare våld, till exempel aggressivt beteende.",
                "What research links to later violence, aggressive behaviour for example.",
            ),
            attitudes=(
                "Attityder och kunskap",
                "Attitudes and knowledge",
                "Vad deltagarna tycker eller vet; inte våld.",
                "What participants think or know; not violence.",
            ),
            implementation=(
                "Genomförande",
                "Implementation",
                "Hur metoden genomfördes och togs emot.",
                "How the method was carried out and received.",
            ),
        ),
    },
    "outcome_result": {
        "label": {"sv": "Resultat", "en": "Result"},
        "values": _values(
            positive=("Positivt", "Positive"),
            mixed=("Blandat", "Mixed"),
            no_effect=("Ingen effekt påvisad", "No effect found"),
            negative=("Negativt", "Negative"),
            not_reported=("Resultatet redovisas inte", "Result not reported"),
        ),
    },
    # The two derived ratings (evidence.py), shown in words on every method and used as facets of the methods index.
    "evidence_strength": {
        "label": {"sv": "Hur säkert", "en": "How sure"},
        "values": {
            "0": {
                "label": {"sv": "Ingen utvärdering", "en": "No evaluation"},
                "description": {
                    "sv": "Banken har inte hittat någon utvärdering av metoden.",
                    "en": "The bank has found no evaluation of the method.",
                },
            },
            "1": {
                "label": {
                    "sv": "Mycket osäkert (beskrivningar, intervjuer eller processutvärdering)",
                    "en": "Very uncertain (descriptions, interviews or process evaluation)",
                },
                "description": {
                    "sv": "Det som finns säger lite eller inget om vad metoden åstadkommer.",
                    "en": "What there is says little or nothing about what the method achieves.",
                },
            },
            "2": {
                "label": {
                    "sv": "Osäkert (före- och eftermätning eller översikt)",
                    "en": "Uncertain (before-and-after measurement or review)",
                },
                "description": {
                    "sv": "Förändringar har mätts, men utan jämförelse med en grupp som inte fick metoden.",
                    "en": "Changes were measured, but not against a group that did not get the method.",
                },
            },
            "3": {
                "label": {"sv": "Ganska säkert (jämförelsegrupp)", "en": "Fairly sure (comparison group)"},
                "description": {
                    "sv": "Den säkraste utvärderingen jämförde med en grupp som inte fick metoden.",
                    "en": "The most certain evaluation compared with a group that did not get the method.",
                },
            },
            "4": {
                "label": {
                    "sv": "Säkrast (randomiserad eller flera jämförelsestudier)",
                    "en": "Most certain (randomised or several comparison studies)",
                },
                "description": {
                    "sv": "En randomiserad studie, eller två eller fler studier med jämförelsegrupp.",
                    "en": "A randomised trial, or two or more comparison-group studies.",
                },
            },
        },
    },
    "evidence_result": {
        "label": {"sv": "Vad som hittades", "en": "What was found"},
        "values": _values(
            positive=(
                "Positiv effekt",
                "Positive effect",
                "De säkraste utvärderingarna fann bara positiva effekter på våld eller riskfaktorer.",
                "The most certain evaluations found only positive effects on violence or risk factors.",
            ),
            mixed=(
                "Blandade resultat",
                "Mixed results",
                "De säkraste utvärderingarna fann både effekter och inga effekter.",
                "The most certain evaluations found effects and no effects.",
            ),
            no_effect=(
                "Ingen effekt påvisad",
                "No effect found",
                "De säkraste utvärderingarna kunde inte visa någon effekt på våld eller riskfaktorer.",
                "The most certain evaluations could not show any effect on violence or risk factors.",
            ),
            negative=(
                "Negativ effekt",
                "Negative effect",
                "De säkraste utvärderingarna fann negativa effekter och inga positiva.",
                "The most certain evaluations found negative effects and no positive ones.",
            ),
            not_measured=(
                "Effekt på våld inte mätt",
                "Effect on violence not measured",
                "Utvärderingarna mätte bara attityder, kunskap eller genomförande, eller redovisar inget resultat för våld eller riskfaktorer.",
                "The evaluations measured only attitudes, knowledge or implementation, or report no result for violence or risk factors.",
            ),
            none=(
                "Inget att bedöma",
                "Nothing to assess",
                "Det finns ingen utvärdering att bedöma.",
                "There is no evaluation to assess.",
            ),
        ),
    },
}


def load_vocabularies(root: Path) -> dict[str, dict]:
    """{vocabulary: {"label": {sv, en}, "values": {value: {"label": {sv, en}, "description": ...}}}} incl. built-in ones.

    Read straight from vocabularies.yml (not through the validator) so that generators work in a fixed, simple way.
    """
    data = yaml.safe_load((Path(root) / "vocabularies.yml").read_text(encoding="utf-8")) or {}
    vocabularies = {
        name: {"label": spec.get("label") or {"sv": name, "en": name}, "values": spec.get("values") or {}}
        for name, spec in data.items()
        if isinstance(spec, dict)
    }
    vocabularies.update(BUILTIN_VOCABULARIES)
    return vocabularies
