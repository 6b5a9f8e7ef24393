"""The one error type for bad content, and the report that lists every problem at once, in Swedish or English."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from metodbanken.words.languages import DEFAULT_LANGUAGE
from metodbanken.words.messages import PHRASES, PROBLEMS, Parts, Phrase, fill, phrase, plural, render_problem


@dataclass(frozen=True)
class ContentError:
    """One problem in one content file, located as precisely as the file allows.

    The words come from the catalogue (messages.PROBLEMS[message], filled in with values), so the same error can be
    shown in Swedish (the default) or in English: render(language), parts(language).
    """

    file: str
    line: int
    field: str
    message: str
    values: Mapping[str, object] = field(default_factory=dict)

    def parts(self, language: str = DEFAULT_LANGUAGE) -> Parts:
        """(expected, found, hint) in one language."""
        return render_problem(self.message, self.values, language)

    @property
    def expected(self) -> str:
        return self.parts().expected

    @property
    def found(self) -> str:
        return self.parts().found

    @property
    def hint(self) -> str:
        return self.parts().hint

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        """`file:line: field: expected …, found …. Hint: …`, in Swedish `… förväntade …, hittade …. Tips: …`."""
        expected, found, hint = self.parts(language)
        where = f"{self.file}:{self.line}:" + (f" {self.field}:" if self.field else "")
        text = fill(PHRASES["report.line"], {"where": where, "expected": expected, "found": found}, language)
        if hint:
            text = fill(PHRASES["report.line_hint"], {"line": text, "hint": hint}, language)
        return text

    def __str__(self) -> str:
        return self.render()

    def as_github_annotation(self, language: str = DEFAULT_LANGUAGE) -> str:
        expected, found, hint = self.parts(language)
        message = fill(
            PHRASES["report.annotation"], {"field": self.field, "expected": expected, "found": found}, language
        )
        if hint:
            message = fill(PHRASES["report.annotation_hint"], {"message": message, "hint": hint}, language)
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        title = PHRASES["report.annotation_title"][language]
        return f"::error file={self.file},line={self.line},title={title}::{message}"


class Stop(Exception):
    """The one error type: the run must stop, and the report says why (every problem at once).

    Made from Phrases (the first may be a header), so it reads in Swedish (the editors' language, str()) or English
    (report("en")). Internal invariants raise Python's own errors: they need no Swedish."""

    def __init__(self, *lines: Phrase | str):
        self.lines = lines
        super().__init__(self.report())

    def report(self, language: str = DEFAULT_LANGUAGE) -> str:
        shown = [line.render(language) if isinstance(line, Phrase) else line for line in self.lines]
        return "\n  ".join(shown)


class ContentErrors(Stop):
    """Every problem found in the content files, so an editor can fix them all in one round."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line, e.field))
        Exception.__init__(self, self.report())

    def report(self, language: str = DEFAULT_LANGUAGE) -> str:
        header = plural(len(self.errors), one="report.header.one", other="report.header.other")
        return "\n".join([header.render(language)] + [f"  {error.render(language)}" for error in self.errors])


class ErrorCollector:
    """Collects errors while loading and validating; raise_if_any() ends the run with all of them."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []

    def add(self, file: str, line: int, field: str, message: str, /, **values: object) -> None:
        """Record the problem messages.PROBLEMS[message], filled in with values (plain values or Phrases)."""
        if message not in PROBLEMS:
            raise KeyError(f"no problem '{message}' in metodbanken/words/messages.py")
        self.errors.append(ContentError(file, line, field, message, values))

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)


def describe(value: object) -> Phrase:
    """How a found value is shown in an error: its YAML type and a short rendering, in either language."""
    if value is None:
        return phrase("value.none")
    if isinstance(value, bool):
        return phrase("value.boolean", value=str(value).lower())
    if isinstance(value, (int, float)):
        return phrase("value.number", value=value)
    if isinstance(value, str):
        return phrase("value.text", text=value if len(value) <= 60 else value[:57] + "...")
    if isinstance(value, list):
        return plural(len(value), one="value.list.one", other="value.list.other")
    if isinstance(value, dict):
        return phrase("value.mapping")
    return phrase("value.other", type=type(value).__name__)
