"""The published rule that derives a method's two ratings, how sure (0–4) and what was found, from its evaluation
records."""

from __future__ import annotations

from typing import Iterable, Protocol

# Each design's level before adjustment (vocabulary evaluation_design in schema.py).
DESIGN_LEVELS = {
    "description": 1,
    "process": 1,
    "qualitative": 1,
    "before-after": 2,
    "review": 2,
    "comparison-group": 3,
    "randomised": 4,
}
EFFECT_MEASURES = ("violence", "risk-factors")  # the rest (attitudes, implementation) are not effects on violence
STRENGTHS = (0, 1, 2, 3, 4)
RESULTS = ("positive", "mixed", "no-effect", "negative", "not-measured", "none")


class _Outcome(Protocol):
    measure: str
    result: str


class _Evaluation(Protocol):
    read: str
    design: str
    evaluator: str
    outcomes: tuple[_Outcome, ...]


def level(evaluation: _Evaluation) -> int:
    """The record's level: its design's, one lower if the developer was involved, one lower if read second-hand; at
    least 1."""
    value = DESIGN_LEVELS[evaluation.design]
    if evaluation.evaluator == "developer-involved":
        value -= 1
    if evaluation.read == "secondary":
        value -= 1
    return max(value, 1)


def effect_outcomes(evaluation: _Evaluation) -> tuple[_Outcome, ...]:
    """Outcomes on violence or its risk factors that report a result."""
    return tuple(o for o in evaluation.outcomes if o.measure in EFFECT_MEASURES and o.result != "not-reported")


def strength(evaluations: Iterable[_Evaluation]) -> int:
    """0 with no records; else the highest level; 4 when two or more records each reach level 3."""
    levels = [level(e) for e in evaluations]
    if not levels:
        return 0
    if sum(1 for value in levels if value >= 3) >= 2:
        return 4
    return max(levels)


def deciding(evaluations: Iterable[_Evaluation]) -> tuple[_Evaluation, ...]:
    """The records the result rests on: those with effect outcomes at the highest level among them (none if no
    effects)."""
    with_effects = [e for e in evaluations if effect_outcomes(e)]
    if not with_effects:
        return ()
    top = max(level(e) for e in with_effects)
    return tuple(e for e in with_effects if level(e) == top)


def result(evaluations: Iterable[_Evaluation]) -> str:
    """none, not-measured, or over the deciding records' effect outcomes: positive, no-effect, negative or mixed."""
    evaluations = tuple(evaluations)
    if not evaluations:
        return "none"
    records = deciding(evaluations)
    if not records:
        return "not-measured"
    found = {o.result for e in records for o in effect_outcomes(e)}
    if found == {"positive"}:
        return "positive"
    if found == {"no-effect"}:
        return "no-effect"
    if "negative" in found and "positive" not in found:
        return "negative"
    return "mixed"


def key_evaluation(evaluations: Iterable[_Evaluation]) -> _Evaluation | None:
    """The one record a one-line summary names: the first deciding record, else the first at the highest level."""
    evaluations = tuple(evaluations)
    if not evaluations:
        return None
    records = deciding(evaluations)
    if records:
        return records[0]
    top = max(level(e) for e in evaluations)
    return next(e for e in evaluations if level(e) == top)
