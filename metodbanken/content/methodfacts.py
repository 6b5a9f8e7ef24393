"""Rules across a method's fields (a search note when it has no evaluation, a source for each decision fact, unstated
facts not given), and its evaluation records as model objects."""

from __future__ import annotations

from datetime import date

from metodbanken.content.model import Evaluation, Outcome
from metodbanken.content.reading import Record
from metodbanken.content.values import INVALID, Context

# The fields that give each fact of the vocabulary method_fact, and the field naming the source of ages, cost and
# dosage.
FACT_FIELDS = {
    "resources": ("resources",),
    "owner": ("owner",),
    "owner_url": ("owner_url",),
    "ages": ("age_min", "age_max", "school_stages"),
    "cost": ("cost", "cost_amount", "cost_year"),
    "dosage": ("dosage",),
}
SOURCE_FIELDS = {"ages": "ages_source", "cost": "cost_source", "dosage": "dosage_source"}


def _given(values: dict, name: str) -> bool:
    return values.get(name) not in (None, (), INVALID)


def check_method(values: dict, record: Record, ctx: Context) -> None:
    """Report every rule across fields that the cleaned front matter breaks (fields that are invalid themselves are
    skipped)."""
    evaluations = values.get("evaluations")
    searched, searched_on = values.get("evaluations_searched"), values.get("evaluations_searched_on")
    if evaluations is not INVALID and not evaluations and searched is None and searched_on in (None, INVALID):
        ctx.error(record, ("evaluations",), "evidence.search_missing", today=date.today().isoformat())
    elif (searched is None) != (searched_on is None) and INVALID not in (searched, searched_on):
        given, missing = (
            ("evaluations_searched", "evaluations_searched_on")
            if searched_on is None
            else ("evaluations_searched_on", "evaluations_searched")
        )
        ctx.error(record, (given,), "evidence.search_unpaired", given=given, missing=missing)
    for fact, source_field in SOURCE_FIELDS.items():
        present = [name for name in FACT_FIELDS[fact] if _given(values, name)]
        if present and values.get(source_field) is None:
            ctx.error(record, (present[0],), "fact.source_missing", source_field=source_field, fields=present)
    low, high = values.get("age_min"), values.get("age_max")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        ctx.error(record, ("age_min",), "ages.order", low=low, high=high)
    unstated = values.get("unstated")
    for index, fact in enumerate(unstated if isinstance(unstated, tuple) else ()):
        present = [name for name in FACT_FIELDS.get(fact, ()) if _given(values, name)]
        if present:
            ctx.error(record, ("unstated", index), "unstated.given", fact=fact, fields=present)


def evaluation_records(cleaned: object) -> tuple[Evaluation, ...]:
    """The cleaned evaluations as model objects; entries with a problem (already reported) are left out."""
    if not isinstance(cleaned, tuple):
        return ()
    records = []
    for entry in cleaned:
        if INVALID in entry.values() or any(INVALID in o.values() for o in entry["outcomes"]):
            continue
        records.append(
            Evaluation(
                source=entry["source"],
                read=entry["read"],
                design=entry["design"],
                evaluator=entry["evaluator"],
                population=entry["population"],
                limits=entry["limits"],
                outcomes=tuple(Outcome(measure=o["measure"], result=o["result"]) for o in entry["outcomes"]),
            )
        )
    return tuple(records)
