"""What the checks of editors' uploaded files share: the refusal they return, what counts as a web address or a
local file, and reading an XML part safely (defusedxml), one event at a time."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

from metodbanken.words.messages import Phrase, phrase

_WEB_SCHEMES = ("http://", "https://", "mailto:")


@dataclass(frozen=True)
class Refusal:
    """Why an uploaded file may not be published: what was found, where (a part name, a page), and what to do."""

    found: Phrase
    where: Phrase
    hint: Phrase


def is_web_address(target: str) -> bool:
    """http, https or mailto, as a browser reads it (ASCII tab and newline removed, case ignored)."""
    return re.sub(r"[\t\n\r]", "", target).strip().lower().startswith(_WEB_SCHEMES)


def is_local_file(target: str) -> bool:
    """A file: address or a UNC path (\\\\host\\share, //host/share): opening it sends the user's credentials."""
    value = re.sub(r"[\t\n\r]", "", target).strip().lower()
    return value.startswith(("file:", "\\\\", "//", "/\\", "\\/"))


def archive_refusal(found: Phrase, app: str, part: str | None = None) -> Refusal:
    where = phrase("upload.in_part", part=part) if part else phrase("upload.in_archive")
    return Refusal(found, where, phrase("hint.upload_archive", app=app))


def xml_events(data: bytes):
    """(event, element) of an XML part as it is read ("start": attributes known; "end": text known); raises
    ParseError."""
    for event, element in SafeElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
        yield event, element
        if event == "end":
            element.clear()  # keeps memory flat on a large part


def local_name(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def parse_problem(name: str, data: bytes, app: str, visit) -> Refusal | None:
    """Run visit(event, element) over a part until it returns a Refusal; an unreadable part is refused too."""
    try:
        for event, element in xml_events(data):
            refusal = visit(event, element)
            if refusal:
                return refusal
    except (ParseError, DefusedXmlException, ValueError) as exc:
        return archive_refusal(phrase("upload.unreadable", error=exc), app, name)
    return None


def attribute_target_problem(element, name: str, app: str) -> Refusal | None:
    for value in element.attrib.values():
        if is_local_file(value):
            return Refusal(
                phrase("upload.local_target", target=value.strip()[:80]),
                phrase("upload.in_part", part=name),
                phrase("hint.upload_links", app=app),
            )
    return None


FETCHING_FUNCTION = re.compile(r"\b(?:WEBSERVICE|CALL|REGISTER(?:\.ID)?|RTD|EXEC|DDE)\s*\(", re.I)
FORMULA_STRING = re.compile(r'"[^"]*+"')


def object_refusal(kind: str, where: Phrase, app: str) -> Refusal:
    found = {
        "ole": phrase("upload.ole"),
        "activex": phrase("upload.activex"),
        "embedded": phrase("upload.embedded"),
        "dde": phrase("upload.dde"),
    }[kind]
    return Refusal(found, where, phrase("hint.upload_objects", app=app))


def fetching_formula(formula: str) -> bool:
    """A formula that calls out (WEBSERVICE, CALL, RTD, DDE), a DDE link (app|topic!item: Excel has no | operator
    outside text) or one that names a local or network file (Excel's <f>, ODF's table:formula)."""
    code = FORMULA_STRING.sub('""', formula)
    return bool(FETCHING_FUNCTION.search(code)) or "|" in code or "file:" in formula.lower() or "\\\\" in formula


def attribute(element, wanted: str) -> str:
    """The value of the element's attribute of that local name (any namespace), or ""."""
    for key, value in element.attrib.items():
        if local_name(key) == wanted:
            return value
    return ""
