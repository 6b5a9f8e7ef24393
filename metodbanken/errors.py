"""The one error type for bad content, and the report that lists every problem at once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentError:
    """One problem in one content file, located as precisely as the file allows."""

    file: str
    line: int
    field: str
    expected: str
    found: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        text = f"{where}:{field} expected {self.expected}, found {self.found}."
        if self.hint:
            text += f" Hint: {self.hint}"
        return text

    def as_github_annotation(self) -> str:
        message = f"{self.field}: expected {self.expected}, found {self.found}."
        if self.hint:
            message += f" {self.hint}"
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.file},line={self.line},title=Metodbanken content::{message}"


class ContentErrors(Exception):
    """Raised with every problem found, so an editor can fix them all in one round."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line, e.field))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "problem" if count == 1 else "problems"
        lines = [f"Metodbanken found {count} {noun} in the content:"]
        lines += [f"  {error}" for error in self.errors]
        return "\n".join(lines)


class ErrorCollector:
    """Collects errors while loading and validating; raise_if_any() ends the run with all of them."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []

    def add(self, file: str, line: int, field: str, *, expected: str, found: str, hint: str = "") -> None:
        self.errors.append(ContentError(file, line, field, expected, found, hint))

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)


def describe(value: object) -> str:
    """How a found value is shown in an error: its YAML type and a short rendering."""
    if value is None:
        return "nothing (empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f'the text "{shown}"'
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return "a mapping (key: value pairs)"
    return type(value).__name__
