"""Word, Excel and PowerPoint files (OOXML): macros, embedded objects, external relationships, fields and formulas
that fetch."""

from __future__ import annotations

import re

from metodbanken.safety.uploadparts import (
    Refusal,
    attribute,
    attribute_target_problem,
    fetching_formula,
    is_local_file,
    is_web_address,
    local_name,
    object_refusal,
    parse_problem,
)
from metodbanken.words.messages import Phrase, phrase

# -- OOXML (docx, xlsx, pptx) -----------------------------------------------------------------------------------------

_MACRO_TYPES = re.compile(r"macroenabled|vbaproject|macrosheet|vnd\.ms-office\.vba|keymapcustomizations", re.I)
_OBJECT_TYPES = re.compile(r"activex|oleobject", re.I)
_REFUSED_RELATIONSHIPS = {
    "attachedtemplate": "template",
    "subdocument": "template",
    "frame": "template",
    "vbaproject": "macros",
    "vbaprojectsignature": "macros",
    "wordvbadata": "macros",
    "keymapcustomizations": "macros",
    "attachedtoolbars": "macros",
    "oleobject": "ole",
    "activexcontrol": "activex",
    "activexcontrolbinary": "activex",
    "package": "embedded",
    "afchunk": "embedded",
}
_FETCHING_FIELDS = {
    "INCLUDEPICTURE",
    "INCLUDETEXT",
    "INCLUDE",
    "LINK",
    "DDE",
    "DDEAUTO",
    "IMPORT",
    "DATABASE",
    "RD",
    "MACROBUTTON",
    "EMBED",
    "AUTOTEXTLIST",
}
_FORMULA_TAGS = {
    "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}f",
    "{http://purl.oclc.org/ooxml/spreadsheetml/main}f",
}
_FIELD_SWITCH = re.compile(r"\\[A-Za-z*#@!]")
# What a part must contain for _Fields to find anything (names are never escaped in XML; values may be, as &#…;)
_OOXML_MARKERS = (
    b"instrtext",
    b"fldsimple",
    b"fldchar",
    b"<f>",
    b"<f ",
    b":f>",
    b":f ",
    b"oleobj",
    b"ddelink",
    b"olelink",
    b"mailmerge",
    b"&#",
    b"file:",
    b"\\\\",
)
_UNC_VALUE = re.compile(rb"[\"']\s*[\\/][\\/]")


def _may_hold_fields(data: bytes) -> bool:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:100]:  # UTF-16 or -32: the markers are not bytes
        return True
    lower = data.lower()
    return any(marker in lower for marker in _OOXML_MARKERS) or bool(_UNC_VALUE.search(data))


_OOXML_OBJECTS = {"oleobject": "ole", "oleobj": "ole", "ddelink": "dde", "olelink": "ole"}


def ooxml_part_problem(name: str, data: bytes, app: str, names: set[str]) -> Refusal | None:
    if name == "[Content_Types].xml":
        return parse_problem(name, data, app, lambda event, element: _content_type_problem(event, element, name, app))
    if name.lower().endswith(".rels"):
        return parse_problem(name, data, app, lambda event, element: _relationship_problem(event, element, name, app))
    if not _may_hold_fields(data):  # most of a document (styles, themes) holds none: no need to read it as XML
        return None
    fields = _Fields(name, app)
    return parse_problem(name, data, app, fields.visit) or fields.finish()


def _content_type_problem(event: str, element, name: str, app: str) -> Refusal | None:
    if event != "start":
        return None
    content_type = element.attrib.get("ContentType", "")
    where = phrase("upload.in_part", part=element.attrib.get("PartName") or name)
    if _MACRO_TYPES.search(content_type):
        return Refusal(phrase("upload.macro_type", type=content_type), where, phrase("hint.upload_macros", app=app))
    if _OBJECT_TYPES.search(content_type):
        return Refusal(phrase("upload.object_type", type=content_type), where, phrase("hint.upload_objects", app=app))
    return None


def _relationship_problem(event: str, element, name: str, app: str) -> Refusal | None:
    if event != "start" or local_name(element.tag) != "Relationship":
        return None
    kind = element.attrib.get("Type", "").rstrip("/").rsplit("/", 1)[-1].lower()
    target = element.attrib.get("Target", "")
    external = element.attrib.get("TargetMode", "").strip().lower() == "external"
    where = phrase("upload.in_part", part=name)
    shown = target.strip()[:80]
    refused = _REFUSED_RELATIONSHIPS.get(kind)
    if refused == "template":
        return Refusal(phrase("upload.template", target=shown), where, phrase("hint.upload_links", app=app))
    if is_local_file(target):
        return Refusal(phrase("upload.local_target", target=shown), where, phrase("hint.upload_links", app=app))
    if refused == "macros":
        return Refusal(phrase("upload.macros"), where, phrase("hint.upload_macros", app=app))
    if refused:
        return object_refusal(refused, where, app)
    if external and not (kind == "hyperlink" and is_web_address(target)):
        return Refusal(phrase("upload.external", kind=kind, target=shown), where, phrase("hint.upload_links", app=app))
    return None


class _Fields:
    """Word's field codes in one part, read as Word reads them: an instruction may be split over many runs
    (w:instrText between w:fldChar begin and separate), fields nest, and a nested field's result is part of the
    instruction around it. Also w:fldSimple, Excel formulas and OLE or DDE elements."""

    def __init__(self, name: str, app: str):
        self.name, self.app = name, app
        self.open: list[list] = []  # per open field: [its instruction's parts, still in the instruction]

    def visit(self, event: str, element) -> Refusal | None:
        tag = local_name(element.tag)
        if event == "start":
            return self._start(tag, element)
        if tag in ("instrText", "delInstrText") and self.open and self.open[-1][1]:
            self.open[-1][0].append(element.text or "")
        elif tag in ("t", "delText") and len(self.open) > 1 and not self.open[-1][1] and self.open[-2][1]:
            self.open[-2][0].append(element.text or "")  # a nested field's result, inside the outer instruction
        elif element.tag in _FORMULA_TAGS and element.text and fetching_formula(element.text):
            return self._refuse(phrase("upload.formula", formula=element.text.strip()[:80]))
        return None

    def _start(self, tag: str, element) -> Refusal | None:
        if tag == "mailMerge":  # a mail merge queries its data source when the document opens
            return Refusal(
                phrase("upload.connection"),
                phrase("upload.in_part", part=self.name),
                phrase("hint.upload_links", app=self.app),
            )
        if tag.lower() in _OOXML_OBJECTS:
            return object_refusal(_OOXML_OBJECTS[tag.lower()], phrase("upload.in_part", part=self.name), self.app)
        refusal = attribute_target_problem(element, self.name, self.app)
        if refusal:
            return refusal
        if tag == "fldSimple":
            return self._instruction_problem(attribute(element, "instr"))
        if tag != "fldChar":
            return None
        kind = attribute(element, "fldCharType")
        if kind == "begin":
            computed = bool(self.open) and self.open[-1][1] and not "".join(self.open[-1][0]).strip()
            if computed:
                return self._refuse(phrase("upload.field_computed"))
            self.open.append([[], True])
        elif kind == "separate" and self.open and self.open[-1][1]:
            self.open[-1][1] = False
            return self._instruction_problem("".join(self.open[-1][0]))
        elif kind == "end" and self.open:
            parts, in_instruction = self.open.pop()
            if in_instruction:
                return self._instruction_problem("".join(parts))
        return None

    def finish(self) -> Refusal | None:
        """Fields left open at the end of the part (Word still runs them)."""
        for parts, in_instruction in self.open:
            if in_instruction:
                refusal = self._instruction_problem("".join(parts))
                if refusal:
                    return refusal
        return None

    def _instruction_problem(self, instruction: str) -> Refusal | None:
        words = _field_words(instruction)
        if not words:
            return None
        field = words[0].upper()
        if field in _FETCHING_FIELDS:
            return self._refuse(phrase("upload.field", field=field))
        if field == "HYPERLINK":
            target = words[1] if len(words) > 1 and not _FIELD_SWITCH.fullmatch(words[1]) else None  # \l: a bookmark
            if target is not None and not is_web_address(target):
                return self._refuse(phrase("upload.field_link", target=target[:80]))
        if is_local_file(instruction.strip()) or any(is_local_file(w) for w in words[1:]):
            return self._refuse(phrase("upload.local_target", target=instruction.strip()[:80]))
        return None

    def _refuse(self, found: Phrase) -> Refusal:
        return Refusal(found, phrase("upload.in_part", part=self.name), phrase("hint.upload_fields", app=self.app))


_FIELD_WORD = re.compile(r'"((?:[^"\\]|\\.)*+)"|(\S+)')


def _field_words(instruction: str) -> list[str]:
    """A field instruction's words, quoted arguments unquoted (Word doubles backslashes inside quotes)."""
    words = []
    for quoted, plain in _FIELD_WORD.findall(instruction):
        words.append(quoted.replace("\\\\", "\\") if quoted or not plain else plain)
    return words
