"""The kinds of whole numbers: Integer (from minimum to maximum) and Step (1–5). See kinds.py for what a kind does."""

from __future__ import annotations

from metodbanken.content.kinds import INVALID, LIST_WORDS, STEP_NUMBERS, VALUES, Form, Kind, option_label
from metodbanken.words.errors import describe
from metodbanken.words.messages import Text as Words


class Integer(Kind):
    """A whole number from minimum to maximum (a number written as text, "12", is read as the number)."""

    name = "integer"
    words = Words("heltal", "whole number")
    not_a_number = "number.whole"

    def __init__(self, minimum: int | None = None, maximum: int | None = None):
        self.minimum, self.maximum = minimum, maximum

    def check(self, value: object, at) -> object:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            at.error(self.not_a_number, found=describe(value))
            return INVALID
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            self.out_of_range(value, at)
            return INVALID
        return value

    def out_of_range(self, value: int, at) -> None:
        at.error("number.range", low=self.minimum, high=self.maximum, found=describe(value))

    def _limits(self, low: str, high: str) -> dict:
        return ({low: self.minimum} if self.minimum is not None else {}) | (
            {high: self.maximum} if self.maximum is not None else {}
        )

    def json_schema(self, vocabularies: dict) -> dict:
        return {"type": "integer"} | self._limits("minimum", "maximum")

    def widget(self, field, form: Form) -> dict:
        return {"widget": "number", "value_type": "int"} | self._limits("min", "max")


class Step(Integer):
    """The number of a step of Inget att vänta på, 1–5."""

    name = "step"
    words = Words("1–5", "1–5")
    not_a_number = "number.step"

    def __init__(self):
        super().__init__(STEP_NUMBERS[0], STEP_NUMBERS[-1])

    def out_of_range(self, value: int, at) -> None:
        at.error("number.step", found=describe(value))

    def list_describe(self, language: str, vocabularies: dict) -> list[str]:
        return [f"{LIST_WORDS[language]}: " + ", ".join(map(str, STEP_NUMBERS))]

    def explain(self, language: str, vocabularies: dict) -> str:
        return f" {VALUES[language]}: " + ", ".join(map(str, STEP_NUMBERS)) + "."

    def widget(self, field, form: Form) -> dict:
        steps = form.steps
        return {
            "widget": "select",
            "options": [
                {"label": f"{n}. " + option_label(steps[n]) if n in steps else str(n), "value": n} for n in STEP_NUMBERS
            ],
        }
