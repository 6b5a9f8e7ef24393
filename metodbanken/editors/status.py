"""`status`: what lacks an English translation, what is past its review date and what has no source."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from metodbanken.content.model import Bank
from metodbanken.content.schema import DEFAULT_LANGUAGE, ITEM_TYPES
from metodbanken.words.messages import Phrase, phrase, plural

DEFAULT_MAX_AGE_DAYS = 730  # two years


@dataclass(frozen=True)
class Finding:
    file: str
    what: Phrase  # e.g. "metoden 'karngrupp'"
    detail: Phrase


@dataclass(frozen=True)
class Status:
    """The bank's open editorial work, in three lists."""

    untranslated: tuple[Finding, ...]
    overdue: tuple[Finding, ...]
    unsourced: tuple[Finding, ...]
    incomplete: tuple[Finding, ...]
    max_age_days: int
    today: date
    counts: dict = field(default_factory=dict)
    explained: tuple[Finding, ...] = ()  # facts the sources do not give, said so on the page (not work to do)
    evidence: tuple[Finding, ...] = ()  # evaluation records whose source cannot be checked; searches to make again

    @property
    def clean(self) -> bool:
        return not (self.untranslated or self.overdue or self.unsourced or self.incomplete or self.evidence)


_ITEM = {t.name: t.item_phrase for t in ITEM_TYPES}
_COUNTS = {t.collection: t.count_phrases for t in ITEM_TYPES} | {
    "steps": ("count.steps.one", "count.steps.other"),
    "terms": ("count.terms.one", "count.terms.other"),
}


def bank_counts(bank: Bank) -> list[Phrase]:
    """ "3 metoder, 1 exempel, …": how much the bank holds, in either language."""
    return _counts(
        {
            "methods": len(bank.methods),
            "cases": len(bank.cases),
            "materials": len(bank.materials),
            "steps": len(bank.steps),
            "terms": len(bank.terms),
        }
    )


def _counts(counts: dict) -> list[Phrase]:
    return [plural(n, one=_COUNTS[kind][0], other=_COUNTS[kind][1]) for kind, n in counts.items()]


def bank_status(bank: Bank, *, today: date | None = None, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> Status:
    today = today or date.today()
    limit = today - timedelta(days=max_age_days)
    untranslated, overdue, unsourced = _items_status(bank, today, limit)
    untranslated += _steps_and_terms_untranslated(bank)
    unsourced += [
        Finding("glossary.yml", phrase("status.term", id=t.id), phrase("status.no_sources"))
        for t in bank.terms
        if not t.sources
    ]
    incomplete = [
        Finding(m.file, phrase("status.method", id=m.id), phrase("status.lacks", gaps=gaps))
        for m in bank.methods
        if (gaps := method_gaps(bank, m))
    ]
    explained = [
        Finding(m.file, phrase("status.method", id=m.id), phrase("status.unstated", fields=list(m.unstated)))
        for m in bank.methods
        if m.unstated
    ]
    evidence, searched = _evidence_status(bank, today, limit)
    counts = {
        "methods": len(bank.methods),
        "cases": len(bank.cases),
        "materials": len(bank.materials),
        "steps": len(bank.steps),
        "terms": len(bank.terms),
    }
    return Status(
        tuple(untranslated),
        tuple(overdue),
        tuple(unsourced),
        tuple(incomplete),
        max_age_days,
        today,
        counts,
        explained=tuple(explained + searched),
        evidence=tuple(evidence),
    )


def _items_status(bank: Bank, today: date, limit: date) -> tuple[list, list, list]:
    """Methods, cases and materials: (no English, past their review date, no source)."""
    untranslated, overdue, unsourced = [], [], []
    for kind, items in (("method", bank.methods), ("case", bank.cases), ("material", bank.materials)):
        for item in items:
            name = phrase(_ITEM[kind], id=item.id)
            if not item.translated():
                untranslated.append(Finding(item.file, name, phrase("status.no_english_file")))
            elif item.body.en is None:
                untranslated.append(Finding(item.file, name, phrase("status.no_english_text")))
            if item.last_reviewed < limit:
                days = (today - item.last_reviewed).days
                reviewed = phrase("status.last_reviewed", date=item.last_reviewed.isoformat(), days=days)
                overdue.append(Finding(item.file, name, reviewed))
            if not item.sources:
                unsourced.append(Finding(item.file, name, phrase("status.no_sources")))
    return untranslated, overdue, unsourced


def _steps_and_terms_untranslated(bank: Bank) -> list[Finding]:
    found = []
    for step in bank.steps:
        missing = [label for label, text in (("title", step.title), ("intro", step.intro)) if text.en is None]
        missing += [phrase("status.question", id=q.id) for q in step.questions if q.text.en is None]
        if missing:
            found.append(Finding(step.file, phrase("status.step", n=step.number), _no_english(missing)))
    for term in bank.terms:
        missing = [label for label, text in (("term", term.term), ("definition", term.definition)) if text.en is None]
        if missing:
            found.append(Finding("glossary.yml", phrase("status.term", id=term.id), _no_english(missing)))
    return found


def _evidence_status(bank: Bank, today: date, limit: date) -> tuple[list[Finding], list[Finding]]:
    """(what to do about the evidence: old search notes, records whose source lacks an address or a reading date;
    what is explained: a recent search note)."""
    evidence, searched = [], []
    for m in bank.methods:
        name = phrase("status.method", id=m.id)
        on = m.evaluations_searched_on
        if not m.evaluations and on is not None:
            if on < limit:
                old = phrase("status.no_evaluations_old", date=on.isoformat(), days=(today - on).days)
                evidence.append(Finding(m.file, name, old))
            else:
                searched.append(Finding(m.file, name, phrase("status.no_evaluations", date=on.isoformat())))
        for n, record in enumerate(m.evaluations, start=1):
            source = bank.sources.get(record.source)
            missing = [f for f in ("url", "accessed") if source is not None and getattr(source, f) is None]
            if missing:
                found = phrase("status.evaluation_source", n=n, source=record.source, missing=missing)
                evidence.append(Finding(m.file, name, found))
    return evidence, searched


# Methods whose readers need ages or school stages: those for children and young people, or carried out in school.
AGES_MATTER = {"target_groups": "barn-och-unga", "arenas": "skola"}


def method_gaps(bank: Bank, method) -> list[Phrase]:
    """What a reader choosing a method needs and the method page does not give."""
    gaps = []
    unstated = set(method.unstated)  # checked against the sources, which do not give it: explained, not a gap
    if method.resources is None and "resources" not in unstated:
        gaps.append(phrase("status.gap.resources"))
    if not method.owner and "owner" not in unstated:
        gaps.append(phrase("status.gap.owner"))
    elif method.owner and not method.owner_url and "owner_url" not in unstated:
        gaps.append(phrase("status.gap.owner_url"))
    if not any(bank.sources[s].url for s in method.sources if s in bank.sources):
        gaps.append(phrase("status.gap.source_url"))
    if (
        not method.has_ages()
        and "ages" not in unstated
        and any(v in getattr(method, a) for a, v in AGES_MATTER.items())
    ):
        gaps.append(phrase("status.gap.ages"))
    if method.cost is None and "cost" not in unstated:
        gaps.append(phrase("status.gap.cost"))
    if method.dosage is None and "dosage" not in unstated:
        gaps.append(phrase("status.gap.dosage"))
    return gaps


def _no_english(parts: list) -> Phrase:
    """ "no English title and intro": field names as written, questions as phrases."""
    listed = parts[0] if len(parts) == 1 else phrase("list.and", first=parts[:-1], last=parts[-1])
    return phrase("status.no_english", parts=listed)


_SECTIONS = (
    ("untranslated", "status.untranslated", "status.untranslated_fix"),
    ("overdue", "status.overdue", "status.overdue_fix"),
    ("unsourced", "status.unsourced", "status.unsourced_fix"),
    ("incomplete", "status.incomplete", "status.incomplete_fix"),
    ("evidence", "status.evidence", "status.evidence_fix"),
    ("explained", "status.explained", "status.explained_fix"),
)


def as_text(status: Status, language: str = DEFAULT_LANGUAGE) -> str:
    def t(phrase_id: str, **values) -> str:
        return phrase(phrase_id, **values).render(language)

    lines = [
        t("status.text_header", date=status.today.isoformat(), counts=_counts(status.counts), days=status.max_age_days)
    ]
    for attribute, title, fix in _SECTIONS:
        findings = getattr(status, attribute)
        lines.append("")
        lines.append(f"{t(title)}: {len(findings)}")
        for f in findings:
            lines.append(f"  {f.file}: {f.what.render(language)}: {f.detail.render(language)}")
        if findings:
            lines.append("  " + t("status.fix", fix=phrase(fix)))
    return "\n".join(lines) + "\n"


def as_markdown(status: Status, language: str = DEFAULT_LANGUAGE) -> str:
    """For a pull-request comment: a summary table, then one collapsible list per kind of finding."""

    def t(phrase_id: str, **values) -> str:
        return phrase(phrase_id, **values).render(language)

    lines = [
        t("status.markdown_title"),
        "",
        t(
            "status.markdown_summary",
            date=status.today.isoformat(),
            counts=_counts(status.counts),
            days=status.max_age_days,
        ),
        "",
        f"| | {t('status.count')} |",
        "|---|---:|",
    ]
    lines += [f"| {t(title)} | {len(getattr(status, attribute))} |" for attribute, title, _ in _SECTIONS]
    for attribute, title, fix in _SECTIONS:
        findings = getattr(status, attribute)
        if not findings:
            continue
        lines += ["", f"<details><summary>{t(title)} ({len(findings)})</summary>", "", t(fix), ""]
        lines += [f"- `{f.file}`: {f.what.render(language)}: {f.detail.render(language)}" for f in findings]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"
