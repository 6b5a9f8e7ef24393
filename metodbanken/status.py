"""`status`: what lacks an English translation, what is past its review date and what has no source."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from .model import Bank

DEFAULT_MAX_AGE_DAYS = 730  # two years


@dataclass(frozen=True)
class Finding:
    file: str
    what: str  # e.g. "method 'karngrupp'"
    detail: str = ""


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

    @property
    def clean(self) -> bool:
        return not (self.untranslated or self.overdue or self.unsourced or self.incomplete)


def bank_status(bank: Bank, *, today: date | None = None, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> Status:
    today = today or date.today()
    limit = today - timedelta(days=max_age_days)
    untranslated, overdue, unsourced = [], [], []
    for kind, items in (("method", bank.methods), ("case", bank.cases), ("material", bank.materials)):
        for item in items:
            name = f"{kind} '{item.id}'"
            if not item.translated():
                untranslated.append(Finding(item.file, name, "no English file"))
            elif item.body.en is None:
                untranslated.append(Finding(item.file, name, "no English text"))
            if item.last_reviewed < limit:
                days = (today - item.last_reviewed).days
                overdue.append(Finding(item.file, name, f"last reviewed {item.last_reviewed.isoformat()} ({days} days ago)"))
            if not item.sources:
                unsourced.append(Finding(item.file, name, "no sources"))
    for step in bank.steps:
        name = f"step {step.number}"
        missing = [label for label, text in (("title", step.title), ("intro", step.intro)) if text.en is None]
        missing += [f"question '{q.id}'" for q in step.questions if q.text.en is None]
        if missing:
            untranslated.append(Finding(step.file, name, "no English " + ", ".join(missing)))
    for term in bank.terms:
        missing = [label for label, text in (("term", term.term), ("definition", term.definition)) if text.en is None]
        if missing:
            untranslated.append(Finding("glossary.yml", f"term '{term.id}'", "no English " + " and ".join(missing)))
        if not term.sources:
            unsourced.append(Finding("glossary.yml", f"term '{term.id}'", "no sources"))
    incomplete = [Finding(m.file, f"method '{m.id}'", "lacks " + ", ".join(gaps)) for m in bank.methods
                  if (gaps := method_gaps(bank, m))]
    explained = [Finding(m.file, f"method '{m.id}'", "the sources do not state: " + ", ".join(m.unstated))
                 for m in bank.methods if m.unstated]
    counts = {"methods": len(bank.methods), "cases": len(bank.cases), "materials": len(bank.materials),
              "steps": len(bank.steps), "terms": len(bank.terms)}
    return Status(tuple(untranslated), tuple(overdue), tuple(unsourced), tuple(incomplete), max_age_days, today, counts,
                  explained=tuple(explained))


KNOWLEDGE_NOTE = ("**Om kunskapsläget:**", "**On the state of knowledge:**")


def method_gaps(bank: Bank, method) -> list[str]:
    """What a reader choosing a method needs and the method page does not give."""
    gaps = []
    unstated = set(method.unstated)  # checked against the sources, which do not give it: explained, not a gap
    if method.resources is None and "resources" not in unstated:
        gaps.append("what it takes (resources)")
    if not method.owner and "owner" not in unstated:
        gaps.append("an owner or contact organisation (owner)")
    elif method.owner and not method.owner_url and "owner_url" not in unstated:
        gaps.append("the owner's web address (owner_url)")
    if not any(bank.sources[s].url for s in method.sources if s in bank.sources):
        gaps.append("a source with a web address")
    if KNOWLEDGE_NOTE[0] not in method.body.sv:
        gaps.append("a note on the state of knowledge ('**Om kunskapsläget:**' in the text)")
    return gaps


_SECTIONS = (
    ("untranslated", "Lacks an English translation", "Translate the Swedish file into <id>.en.md (or the 'en:' keys)."),
    ("overdue", "Past its review date", "Check the content against its sources, then set last_reviewed to today's date."),
    ("unsourced", "Has no source", "Add the ids of the sources (sources.yml) that back the text."),
    ("incomplete", "A method page lacks what a reader needs to choose",
     "Add it from a cited source; if the sources were checked and do not give it, list the field under 'unstated'."),
    ("explained", "Facts the sources do not state (shown on the page)", "Add them when a source gives them."),
)


def as_text(status: Status) -> str:
    lines = [f"Metodbanken status on {status.today.isoformat()} "
             f"({', '.join(f'{n} {k}' for k, n in status.counts.items())}; review interval {status.max_age_days} days)"]
    for attribute, title, fix in _SECTIONS:
        findings = getattr(status, attribute)
        lines.append("")
        lines.append(f"{title}: {len(findings)}")
        for f in findings:
            lines.append(f"  {f.file}: {f.what}: {f.detail}")
        if findings:
            lines.append(f"  Fix: {fix}")
    return "\n".join(lines) + "\n"


def as_markdown(status: Status) -> str:
    """For a pull-request comment: a summary table, then one collapsible list per kind of finding."""
    lines = ["## Metodbanken: content status", "",
             f"Checked {status.today.isoformat()}: " + ", ".join(f"{n} {k}" for k, n in status.counts.items())
             + f". Review interval: {status.max_age_days} days.", "",
             "| | count |", "|---|---:|"]
    lines += [f"| {title} | {len(getattr(status, attribute))} |" for attribute, title, _ in _SECTIONS]
    for attribute, title, fix in _SECTIONS:
        findings = getattr(status, attribute)
        if not findings:
            continue
        lines += ["", f"<details><summary>{title} ({len(findings)})</summary>", "", fix, ""]
        lines += [f"- `{f.file}`: {f.what}: {f.detail}" for f in findings]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"
