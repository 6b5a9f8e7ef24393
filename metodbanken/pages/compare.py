"""The compare page's data: per language one small JSON file (jamfor/metoder.json) with, for every method, the facts
/jamfor/ shows side by side, in the words the method page uses. The page fetches it from our own origin."""

from __future__ import annotations

import json
from pathlib import Path

from metodbanken.content.model import Bank, Localized, Method
from metodbanken.content.places import SECTIONS
from metodbanken.pages.render import COMPARE_MAX

COMPARE_FILE = "metoder.json"


def compare_record(bank: Bank, m: Method, language: str, labels: dict[str, str]) -> dict:
    """One method's facts, as text ready to show (null where the sources give none). "sv" lists the fields whose text
    is Swedish on an English page (not translated yet), so the page can mark them lang="sv"."""
    vocab = bank.vocabularies
    swedish: list[str] = []

    def text(field: str, value: Localized | None) -> str | None:
        if value is None:
            return None
        if value.is_fallback(language):
            swedish.append(field)
        return value.get(language)

    def rating(name: str, value) -> dict:
        return {"value": value, "label": vocab[name].label_of(str(value), language)}

    key = m.key_evaluation
    measured = None
    if key is not None:
        measured = {
            "design": vocab["evaluation_design"].label_of(key.design, language).lower(),
            "outcomes": "; ".join(
                f"{vocab['outcome_measure'].label_of(o.measure, language)}: "
                f"{vocab['outcome_result'].label_of(o.result, language).lower()}"
                for o in key.outcomes
            ),
            "population": text("population", key.population),
            "evaluations": len(m.evaluations),
        }
    searched = None
    if key is None and m.evaluations_searched_on is not None:
        searched = {"text": text("searched", m.evaluations_searched), "on": m.evaluations_searched_on.isoformat()}

    cost = None
    if m.cost:  # as the method page writes it (the cost_text macro): kind: amount (year)
        cost = {
            "kind": vocab["cost"].label_of(m.cost, language),
            "amount": text("cost_amount", m.cost_amount),
            "year": labels["cost_year"].format(year=m.cost_year) if m.cost_year else None,
        }

    return {
        "id": m.id,
        "title": text("title", m.title),
        "url": f"../{SECTIONS['method']}/{m.id}/",
        "evidence_strength": rating("evidence_strength", m.evidence_strength),
        "evidence_result": rating("evidence_result", m.evidence_result),
        "measured": measured,
        "searched": searched,
        "ages": ages_text(bank, m, language, labels),
        "cost": cost,
        "dosage": text("dosage", m.dosage),
        "resources": text("resources", m.resources),
        "owner": m.owner,
        "owner_url": m.owner_url,
        "sv": sorted(set(swedish)),
    }


def ages_text(bank: Bank, m: Method, language: str, labels: dict[str, str]) -> str | None:
    """Ages and school stages as the method page writes them (the ages_text macro): "13–25 år; Högstadiet"."""
    if not m.has_ages():
        return None
    parts = []
    if m.age_min is not None and m.age_max is not None:
        parts.append(labels["ages_range"].format(min=m.age_min, max=m.age_max))
    elif m.age_min is not None:
        parts.append(labels["ages_from"].format(min=m.age_min))
    elif m.age_max is not None:
        parts.append(labels["ages_to"].format(max=m.age_max))
    if m.school_stages:
        parts.append(", ".join(bank.vocabularies["school_stage"].label_of(v, language) for v in m.school_stages))
    return "; ".join(parts)


def compare_data(bank: Bank, language: str, labels: dict[str, str]) -> str:
    """The file: every method's record, and once for all of them what each rating means (as the method page says it
    under the rating)."""
    records = [compare_record(bank, m, language, labels) for m in bank.methods]
    meanings = {
        name: {v.value: v.description.get(language) if v.description else None for v in bank.vocabularies[name].values}
        for name in ("evidence_strength", "evidence_result")
    }
    return json.dumps(
        {"language": language, "max": COMPARE_MAX, "count": len(records), "meanings": meanings, "methods": records},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def write_compare_data(bank: Bank, output_dir: Path, language: str, labels: dict[str, str]) -> Path:
    """jamfor/metoder.json in one language's output folder (site/ or site/en/)."""
    target = Path(output_dir) / SECTIONS["compare"] / COMPARE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(compare_data(bank, language, labels), encoding="utf-8")
    return target
