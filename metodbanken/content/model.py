"""The bank's content as frozen dataclasses with query methods; no markup here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from metodbanken.content import evidence
from metodbanken.words.languages import DEFAULT_LANGUAGE

# The methods index's facets: facet name (its vocabulary, or "step") -> the Method attribute holding its values.
METHOD_FACETS = {
    "step": "steps",
    "prevention_level": "prevention_levels",
    "violence_form": "violence_forms",
    "arena": "arenas",
    "target_group": "target_groups",
    "approach": "approaches",
    "gender_transformative": "gender_transformative",
    "evidence_strength": "evidence_strength",
    "evidence_result": "evidence_result",
    "school_stage": "school_stages",
    "cost": "cost",
}


@dataclass(frozen=True)
class Localized:
    """A text in Swedish and, when translated, English."""

    sv: str
    en: str | None = None

    def get(self, language: str) -> str:
        """The text in that language, falling back to Swedish."""
        if language == "en" and self.en:
            return self.en
        return self.sv

    def is_fallback(self, language: str) -> bool:
        return language != DEFAULT_LANGUAGE and not (self.en if language == "en" else None)


@dataclass(frozen=True)
class LocalizedMarkdown(Localized):
    """A text that is Markdown (a body, an introduction, a definition): checked as HTML, rendered as Markdown.
    Every other Localized is plain text and is escaped wherever it is shown."""

    origin: tuple[tuple[str, str, int, str], ...] = ()  # (language, file, first line, field) of each text

    def where(self, language: str) -> tuple[str, int, str] | None:
        language = language if any(o[0] == language for o in self.origin) else "sv"
        return next(((f, line, field) for lang, f, line, field in self.origin if lang == language), None)


@dataclass(frozen=True)
class VocabularyValue:
    value: str
    label: Localized
    description: Localized | None = None


@dataclass(frozen=True)
class Vocabulary:
    """A controlled vocabulary: the allowed values of one facet, with their labels."""

    name: str
    label: Localized
    values: tuple[VocabularyValue, ...]

    def __contains__(self, value: str) -> bool:
        return any(v.value == value for v in self.values)

    def get(self, value: str) -> VocabularyValue:
        return next(v for v in self.values if v.value == value)

    def label_of(self, value: str, language: str) -> str:
        return self.get(value).label.get(language)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str | None = None
    year: int | None = None
    url: str | None = None
    accessed: date | None = None
    note: Localized | None = None
    language: str = "sv"


@dataclass(frozen=True)
class Item:
    """What methods, cases and materials share: id, texts, steps, sources, review date."""

    id: str
    title: Localized
    summary: Localized
    body: Localized
    steps: tuple[int, ...]
    sources: tuple[str, ...]
    last_reviewed: date
    file: str

    def translated(self) -> bool:
        return self.title.en is not None


@dataclass(frozen=True)
class Outcome:
    """One thing an evaluation measured (outcome_measure) and what it found for it (outcome_result)."""

    measure: str
    result: str


@dataclass(frozen=True)
class Evaluation:
    """One evaluation the sources report, as we read it: the records the ratings are derived from (evidence.py)."""

    source: str
    read: str
    design: str
    evaluator: str
    population: Localized
    outcomes: tuple[Outcome, ...]
    limits: Localized

    @property
    def level(self) -> int:
        return evidence.level(self)


@dataclass(frozen=True)
class Method(Item):
    prevention_levels: tuple[str, ...] = ()
    violence_forms: tuple[str, ...] = ()
    arenas: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    approaches: tuple[str, ...] = ()
    gender_transformative: str = "ej-bedomt"
    evaluations: tuple[Evaluation, ...] = ()
    evaluations_searched: Localized | None = None
    evaluations_searched_on: date | None = None
    age_min: int | None = None
    age_max: int | None = None
    school_stages: tuple[str, ...] = ()
    ages_source: str | None = None
    cost: str | None = None
    cost_amount: Localized | None = None
    cost_year: int | None = None
    cost_source: str | None = None
    dosage: Localized | None = None
    dosage_source: str | None = None
    resources: Localized | None = None
    owner: str | None = None
    owner_url: str | None = None
    unstated: tuple[str, ...] = ()
    related_methods: tuple[str, ...] = ()

    @property
    def evidence_strength(self) -> int:
        """How sure (0–4), derived from the evaluation records by the published rule (evidence.py)."""
        return evidence.strength(self.evaluations)

    @property
    def evidence_result(self) -> str:
        """What was found (positive, mixed, no-effect, negative, not-measured, none), by the same rule."""
        return evidence.result(self.evaluations)

    @property
    def key_evaluation(self) -> Evaluation | None:
        """The record a one-line summary of the evidence names (the strongest one the result rests on)."""
        return evidence.key_evaluation(self.evaluations)

    def cited_sources(self) -> tuple[str, ...]:
        """Every source the page rests on, once: the method's sources, then those of its evaluations and decision
        facts."""
        ids = (
            self.sources
            + tuple(e.source for e in self.evaluations)
            + tuple(s for s in (self.ages_source, self.cost_source, self.dosage_source) if s)
        )
        return tuple(dict.fromkeys(ids))

    def has_ages(self) -> bool:
        return self.age_min is not None or self.age_max is not None or bool(self.school_stages)

    def facet_values(self, facet: str) -> tuple[str, ...]:
        """The values this method has in one facet of the index, as strings (steps and strengths too)."""
        value = getattr(self, METHOD_FACETS[facet])
        if value is None:
            return ()
        return tuple(str(v) for v in value) if isinstance(value, tuple) else (str(value),)

    def not_given(self) -> tuple[str, ...]:
        """Facts the sources do not give, by facet name or field name, in page order (ages, cost and dosage only when
        an editor checked the sources and listed them in unstated)."""
        empty = [
            f
            for f in ("prevention_level", "violence_form", "arena", "target_group", "approach")
            if not self.facet_values(f)
        ]
        checked = [f for f in ("ages", "cost", "dosage") if f in self.unstated]
        return tuple(empty + [f for f in ("resources", "owner") if not getattr(self, f)] + checked)


@dataclass(frozen=True)
class Case(Item):
    organisations: tuple[str, ...] = ()
    region: str | None = None
    start_year: int | None = None
    end_year: int | None = None
    methods: tuple[str, ...] = ()


@dataclass(frozen=True)
class MaterialFile:
    file: str
    language: str
    size: int  # bytes, measured from the file itself

    @property
    def generated_from(self) -> None:
        """An editor's own file (documents.Download says what a generated file is made from)."""
        return None

    @property
    def format(self) -> str:
        return self.file.rsplit(".", 1)[-1].upper() if "." in self.file else "?"


@dataclass(frozen=True)
class Material(Item):
    type: str = ""
    licence: str = ""
    methods: tuple[str, ...] = ()
    files: tuple[MaterialFile, ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    text: Localized
    source: str
    origin: str | None = None
    methods: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    number: int
    slug: str
    title: Localized
    intro: Localized
    checklist_origin: str
    questions: tuple[Question, ...]
    sources: tuple[str, ...]
    file: str

    @property
    def page_id(self) -> str:
        return f"{self.number}-{self.slug}"


@dataclass(frozen=True)
class Term:
    id: str
    term: Localized
    definition: Localized
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Synonym:
    """A word staff search for that the bank does not use, and the bank's words it should find."""

    language: str
    word: str
    finds: tuple[str, ...]


@dataclass(frozen=True)
class Bank:
    """All validated content, with the queries pages need."""

    vocabularies: dict[str, Vocabulary]
    sources: dict[str, Source]
    steps: tuple[Step, ...]
    methods: tuple[Method, ...]
    cases: tuple[Case, ...]
    materials: tuple[Material, ...]
    terms: tuple[Term, ...]
    material_dirs: dict[str, str] = field(default_factory=dict)  # material id -> folder holding its files
    synonyms: tuple[Synonym, ...] = ()

    def synonyms_for(self, language: str) -> dict[str, list[str]]:
        """{word: [the bank's words]} for the search in one language."""
        return {s.word.lower(): [w.lower() for w in s.finds] for s in self.synonyms if s.language == language}

    @cached_property
    def _methods_by_id(self) -> dict[str, Method]:
        return {m.id: m for m in self.methods}

    def method(self, method_id: str) -> Method:
        return self._methods_by_id[method_id]

    def methods_for_step(self, number: int) -> tuple[Method, ...]:
        return tuple(m for m in self.methods if number in m.steps)

    def cases_for_step(self, number: int) -> tuple[Case, ...]:
        return tuple(c for c in self.cases if number in c.steps)

    def materials_for_step(self, number: int) -> tuple[Material, ...]:
        return tuple(m for m in self.materials if number in m.steps)

    def cases_using(self, method_id: str) -> tuple[Case, ...]:
        return tuple(c for c in self.cases if method_id in c.methods)

    def materials_for_method(self, method_id: str) -> tuple[Material, ...]:
        return tuple(m for m in self.materials if method_id in m.methods)

    def method_count(self, facet: str, value: str) -> int:
        """How many methods have this value in this facet (the index's counts before any choice)."""
        return sum(value in m.facet_values(facet) for m in self.methods)

    def questions_helped_by(self, kind: str, item_id: str) -> tuple[tuple[Step, Question], ...]:
        """The checklist questions a method (kind "method") or material ("material") helps answer."""
        attr = "methods" if kind == "method" else "materials"
        return tuple((s, q) for s in self.steps for q in s.questions if item_id in getattr(q, attr))

    def recently_reviewed(self, count: int = 5) -> tuple[Item, ...]:
        """The items most recently added or reviewed, newest first."""
        return tuple(sorted(self.items(), key=lambda i: (i.last_reviewed, i.id), reverse=True)[:count])

    def material(self, material_id: str) -> Material:
        return next(m for m in self.materials if m.id == material_id)

    def step(self, number: int) -> Step:
        return next(s for s in self.steps if s.number == number)

    def items(self) -> tuple[Item, ...]:
        return self.methods + self.cases + self.materials
