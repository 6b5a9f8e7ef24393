"""Checks of the office and PDF files editors upload by what they hold: macros, objects, remote references and
script."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

from metodbanken.words.messages import Phrase, phrase

OFFICE_APPS = {
    "docx": "Word",
    "xlsx": "Excel",
    "pptx": "PowerPoint",
    "odt": "LibreOffice Writer",
    "ods": "LibreOffice Calc",
    "odp": "LibreOffice Impress",
}
CHECKED_EXTENSIONS = (*OFFICE_APPS, "pdf")

MAX_PARTS = 5000  # a long presentation has a few hundred
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # every part, unpacked: a zip bomb unpacks to gigabytes; XML reads at ~7 MB/s
MAX_PDF_OBJECTS = 500_000  # dictionaries and arrays looked at in one PDF

_WEB_SCHEMES = ("http://", "https://", "mailto:")


@dataclass(frozen=True)
class Refusal:
    """Why an uploaded file may not be published: what was found, where (a part name, a page), and what to do."""

    found: Phrase
    where: Phrase
    hint: Phrase


def upload_problem(path: Path, extension: str) -> Refusal | None:
    """What makes an editor's office or PDF file unsafe to publish; None if it is safe (or not a type checked here)."""
    if extension in OFFICE_APPS:
        return office_problem(path, OFFICE_APPS[extension], odf=extension.startswith("od"))
    if extension == "pdf":
        return pdf_problem(path)
    return None


def is_web_address(target: str) -> bool:
    """http, https or mailto, as a browser reads it (ASCII tab and newline removed, case ignored)."""
    return re.sub(r"[\t\n\r]", "", target).strip().lower().startswith(_WEB_SCHEMES)


def is_local_file(target: str) -> bool:
    """A file: address or a UNC path (\\\\host\\share, //host/share): opening it sends the user's credentials."""
    value = re.sub(r"[\t\n\r]", "", target).strip().lower()
    return value.startswith(("file:", "\\\\", "//", "/\\", "\\/"))


# -- zip containers (OOXML and ODF) ---------------------------------------------------------------------------------


def office_problem(path: Path, app: str, *, odf: bool) -> Refusal | None:
    try:
        archive = zipfile.ZipFile(path)
    except Exception as exc:  # whatever a hostile file makes zipfile raise (BadZipFile, struct, EOF): not published
        return _archive_refusal(phrase("upload.unreadable", error=exc), app)
    with archive:
        members = archive.infolist()
        refusal = _archive_structure_problem(members, app)
        if refusal:
            return refusal
        names = {m.filename for m in members}
        check_part = _odf_part_problem if odf else _ooxml_part_problem
        for member in members:
            refusal = _part_name_problem(member.filename, app, odf=odf)
            if refusal is None and _is_xml(member.filename):
                try:
                    data = archive.read(member)
                except Exception as exc:  # a bad CRC, an unknown compression, a truncated part
                    return _archive_refusal(phrase("upload.unreadable", error=exc), app, member.filename)
                refusal = check_part(member.filename, data, app, names)
            if refusal:
                return refusal
    return None


def _archive_refusal(found: Phrase, app: str, part: str | None = None) -> Refusal:
    where = phrase("upload.in_part", part=part) if part else phrase("upload.in_archive")
    return Refusal(found, where, phrase("hint.upload_archive", app=app))


def _archive_structure_problem(members: list[zipfile.ZipInfo], app: str) -> Refusal | None:
    """A zip bomb, encrypted parts, part names outside the archive or given twice."""
    if len(members) > MAX_PARTS:
        return _archive_refusal(phrase("upload.too_many_parts", count=len(members), max=MAX_PARTS), app)
    unpacked = sum(m.file_size for m in members)  # zipfile never returns more than a part's declared size
    if unpacked > MAX_UNPACKED_BYTES:
        return _archive_refusal(
            phrase("upload.too_large_unpacked", size=unpacked // 1024 // 1024, max=MAX_UNPACKED_BYTES // 1024 // 1024),
            app,
        )
    seen: set[str] = set()
    for member in members:
        name = member.filename
        if member.flag_bits & 0x1:
            return _archive_refusal(phrase("upload.encrypted"), app, name)
        segments = re.split(r"[/\\]", name)
        if name.startswith(("/", "\\")) or ".." in segments or ":" in segments[0]:
            return _archive_refusal(phrase("upload.bad_path", path=name), app)
        if name.lower() in seen:
            return _archive_refusal(phrase("upload.duplicate_part", path=name), app)
        seen.add(name.lower())
    return None


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _part_name_problem(name: str, app: str, *, odf: bool) -> Refusal | None:
    """Parts that are macros, objects or embedded files by their name alone."""
    lower = "/" + name.lower()
    base = lower.rsplit("/", 1)[-1]
    where = phrase("upload.in_part", part=name)
    if odf:
        if "/basic/" in lower or "/scripts/" in lower:  # also in an embedded subdocument (Object 1/Basic/…)
            return Refusal(phrase("upload.macros"), where, phrase("hint.upload_macros", app=app))
        return None
    if base in ("vbaproject.bin", "vbadata.xml", "vbaprojectsignature.bin") or "/macrosheets/" in lower:
        return Refusal(phrase("upload.macros"), where, phrase("hint.upload_macros", app=app))
    if "/activex/" in lower:
        return Refusal(phrase("upload.activex"), where, phrase("hint.upload_objects", app=app))
    if "oleobject" in base:
        return Refusal(phrase("upload.ole"), where, phrase("hint.upload_objects", app=app))
    if "/embeddings/" in lower:
        return Refusal(phrase("upload.embedded"), where, phrase("hint.upload_objects", app=app))
    if base == "connections.xml" or "/querytables/" in lower:  # Excel's data connections and web queries
        return Refusal(phrase("upload.connection"), where, phrase("hint.upload_links", app=app))
    return None


def _events(data: bytes):
    """(event, element) of an XML part as it is read ("start": attributes known; "end": text known); raises
    ParseError."""
    for event, element in SafeElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
        yield event, element
        if event == "end":
            element.clear()  # keeps memory flat on a large part


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _parse_problem(name: str, data: bytes, app: str, visit) -> Refusal | None:
    """Run visit(event, element) over a part until it returns a Refusal; an unreadable part is refused too."""
    try:
        for event, element in _events(data):
            refusal = visit(event, element)
            if refusal:
                return refusal
    except (ParseError, DefusedXmlException, ValueError) as exc:
        return _archive_refusal(phrase("upload.unreadable", error=exc), app, name)
    return None


def _attribute_target_problem(element, name: str, app: str) -> Refusal | None:
    for value in element.attrib.values():
        if is_local_file(value):
            return Refusal(
                phrase("upload.local_target", target=value.strip()[:80]),
                phrase("upload.in_part", part=name),
                phrase("hint.upload_links", app=app),
            )
    return None


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
_FETCHING_FUNCTION = re.compile(r"\b(?:WEBSERVICE|CALL|REGISTER(?:\.ID)?|RTD|EXEC|DDE)\s*\(", re.I)
_FORMULA_STRING = re.compile(r'"[^"]*+"')
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


def _ooxml_part_problem(name: str, data: bytes, app: str, names: set[str]) -> Refusal | None:
    if name == "[Content_Types].xml":
        return _parse_problem(name, data, app, lambda event, element: _content_type_problem(event, element, name, app))
    if name.lower().endswith(".rels"):
        return _parse_problem(name, data, app, lambda event, element: _relationship_problem(event, element, name, app))
    if not _may_hold_fields(data):  # most of a document (styles, themes) holds none: no need to read it as XML
        return None
    fields = _Fields(name, app)
    return _parse_problem(name, data, app, fields.visit) or fields.finish()


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
    if event != "start" or _local(element.tag) != "Relationship":
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
        return _object_refusal(refused, where, app)
    if external and not (kind == "hyperlink" and is_web_address(target)):
        return Refusal(phrase("upload.external", kind=kind, target=shown), where, phrase("hint.upload_links", app=app))
    return None


def _object_refusal(kind: str, where: Phrase, app: str) -> Refusal:
    found = {
        "ole": phrase("upload.ole"),
        "activex": phrase("upload.activex"),
        "embedded": phrase("upload.embedded"),
        "dde": phrase("upload.dde"),
    }[kind]
    return Refusal(found, where, phrase("hint.upload_objects", app=app))


class _Fields:
    """Word's field codes in one part, read as Word reads them: an instruction may be split over many runs
    (w:instrText between w:fldChar begin and separate), fields nest, and a nested field's result is part of the
    instruction around it. Also w:fldSimple, Excel formulas and OLE or DDE elements."""

    def __init__(self, name: str, app: str):
        self.name, self.app = name, app
        self.open: list[list] = []  # per open field: [its instruction's parts, still in the instruction]

    def visit(self, event: str, element) -> Refusal | None:
        tag = _local(element.tag)
        if event == "start":
            return self._start(tag, element)
        if tag in ("instrText", "delInstrText") and self.open and self.open[-1][1]:
            self.open[-1][0].append(element.text or "")
        elif tag in ("t", "delText") and len(self.open) > 1 and not self.open[-1][1] and self.open[-2][1]:
            self.open[-2][0].append(element.text or "")  # a nested field's result, inside the outer instruction
        elif element.tag in _FORMULA_TAGS and element.text and _fetching_formula(element.text):
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
            return _object_refusal(_OOXML_OBJECTS[tag.lower()], phrase("upload.in_part", part=self.name), self.app)
        refusal = _attribute_target_problem(element, self.name, self.app)
        if refusal:
            return refusal
        if tag == "fldSimple":
            return self._instruction_problem(_attribute(element, "instr"))
        if tag != "fldChar":
            return None
        kind = _attribute(element, "fldCharType")
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


def _fetching_formula(formula: str) -> bool:
    """A formula that calls out (WEBSERVICE, CALL, RTD, DDE), a DDE link (app|topic!item: Excel has no | operator
    outside text) or one that names a local or network file (Excel's <f>, ODF's table:formula)."""
    code = _FORMULA_STRING.sub('""', formula)
    return bool(_FETCHING_FUNCTION.search(code)) or "|" in code or "file:" in formula.lower() or "\\\\" in formula


def _attribute(element, local_name: str) -> str:
    for key, value in element.attrib.items():
        if _local(key) == local_name:
            return value
    return ""


_FIELD_WORD = re.compile(r'"((?:[^"\\]|\\.)*+)"|(\S+)')


def _field_words(instruction: str) -> list[str]:
    """A field instruction's words, quoted arguments unquoted (Word doubles backslashes inside quotes)."""
    words = []
    for quoted, plain in _FIELD_WORD.findall(instruction):
        words.append(quoted.replace("\\\\", "\\") if quoted or not plain else plain)
    return words


# -- ODF (odt, ods, odp) ----------------------------------------------------------------------------------------------

_ODF_SCRIPT = {"script", "event-listener", "execute-macro"}
_ODF_OBJECTS = {
    "object-ole": "ole",
    "applet": "embedded",
    "plugin": "embedded",
    "dde-source": "dde",
    "dde-link": "dde",
    "dde-connection-decl": "dde",
    "dde-connection": "dde",
}
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def _odf_part_problem(name: str, data: bytes, app: str, names: set[str]) -> Refusal | None:
    folders = {n.rsplit("/", 1)[0] for n in names if "/" in n}
    where = phrase("upload.in_part", part=name)

    def visit(event: str, element) -> Refusal | None:
        if event != "start":
            return None
        tag = _local(element.tag)
        if tag in ("template", "auto-reload"):
            return Refusal(
                phrase("upload.template", target=(element.attrib.get(_XLINK_HREF) or "").strip()[:80]),
                where,
                phrase("hint.upload_links", app=app),
            )
        if tag in _ODF_SCRIPT:
            return Refusal(phrase("upload.script", element=tag), where, phrase("hint.upload_macros", app=app))
        if tag in _ODF_OBJECTS:
            return _object_refusal(_ODF_OBJECTS[tag], where, app)
        if tag == "file-entry":
            media_type = _attribute(element, "media-type").lower()
            if "oleobject" in media_type:
                return Refusal(
                    phrase("upload.object_type", type=media_type), where, phrase("hint.upload_objects", app=app)
                )
            if "basic" in media_type or "script" in media_type:
                return Refusal(
                    phrase("upload.object_type", type=media_type), where, phrase("hint.upload_macros", app=app)
                )
        if tag == "encryption-data":
            return _archive_refusal(phrase("upload.encrypted"), app, name)
        formula = _attribute(element, "formula")
        if formula and _fetching_formula(formula):
            return Refusal(
                phrase("upload.formula", formula=formula.strip()[:80]), where, phrase("hint.upload_fields", app=app)
            )
        href = element.attrib.get(_XLINK_HREF)
        if href is not None and not _inside_package(href, names, folders) and not (tag == "a" and is_web_address(href)):
            return Refusal(
                phrase("upload.odf_link", target=href.strip()[:80]), where, phrase("hint.upload_links", app=app)
            )
        return _attribute_target_problem(element, name, app)

    return _parse_problem(name, data, app, visit)


def _inside_package(href: str, names: set[str], folders: set[str]) -> bool:
    """A reference to a part of the same file (a picture, an embedded chart) or to a place in it (#name)."""
    value = href.strip()
    if value.startswith("#"):
        return True
    if ":" in value.split("/", 1)[0] or value.startswith(("/", "\\")) or "\\" in value:
        return False
    path = PurePosixPath(value)
    parts = [p for p in path.parts if p != "."]
    if ".." in parts or not parts:
        return False
    inner = "/".join(parts)
    return inner in names or inner in folders


# -- PDF --------------------------------------------------------------------------------------------------------------

_PDF_ACTIONS = {"/Launch", "/GoToR", "/GoToE", "/ImportData", "/SubmitForm", "/RichMediaExecute"}
_PDF_STREAM = re.compile(rb"(?<![A-Za-z])stream\r?\n.*?endstream", re.S)
_PDF_RAW_NAMES = re.compile(
    rb"/(JavaScript|JS|Launch|GoToR|GoToE|ImportData|SubmitForm|EmbeddedFiles?|XFA)(?=[\s/<>\[\]()%{}]|$)"
)


def pdf_problem(path: Path) -> Refusal | None:
    import logging

    from pypdf import PdfReader

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)  # a repaired file is still checked; pypdf's warnings would only add noise
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return Refusal(phrase("upload.pdf_encrypted"), phrase("upload.pdf_whole"), phrase("hint.pdf_unreadable"))
        return _pdf_walk(reader) or _pdf_raw_problem(path.read_bytes())
    except Exception as exc:  # whatever a hostile file makes the parser raise (zlib, struct, recursion): not published
        return Refusal(
            phrase("upload.pdf_unreadable", error=str(exc)[:120] or type(exc).__name__),
            phrase("upload.pdf_whole"),
            phrase("hint.pdf_unreadable"),
        )
    finally:
        logger.setLevel(level)


def _pdf_walk(reader) -> Refusal | None:
    """Every dictionary reachable from each page (page N), then from the document catalog and the nodes of the page
    tree, each object once: actions and their /Next chains, annotations, form fields, name trees. A walk stops at the
    pages and page tree nodes, which are walked on their own, so that a finding is named by its page. Linear in the
    number of objects."""
    pages = list(reader.pages)
    page_refs = [_pdf_key(p.indirect_reference) for p in pages]
    tree_refs = _pdf_page_tree(reader, pages)
    stop = set(page_refs) | set(tree_refs)
    seen: set[tuple[int, int]] = set()
    budget = [MAX_PDF_OBJECTS]
    for number, (page, ref) in enumerate(zip(pages, page_refs, strict=False), start=1):
        refusal = _pdf_walk_from(
            page.indirect_reference or page, stop - {ref}, seen, budget, phrase("upload.pdf_page", n=number)
        )
        if refusal:
            return refusal
    starts = [reader.trailer.raw_get("/Root")] + [tree_refs[key] for key in tree_refs]
    for start in starts:
        refusal = _pdf_walk_from(start, stop - {_pdf_key(start)}, seen, budget, phrase("upload.pdf_catalog"))
        if refusal:
            return refusal
    return None


def _pdf_key(reference) -> tuple[int, int] | None:
    from pypdf.generic import IndirectObject

    return (reference.idnum, reference.generation) if isinstance(reference, IndirectObject) else None


def _pdf_page_tree(reader, pages) -> dict[tuple[int, int], object]:
    """The page tree's own nodes (the catalog's /Pages and every page's /Parent chain): key -> reference."""
    nodes = {}
    chains = [reader.trailer["/Root"].raw_get("/Pages")] + [
        page.raw_get("/Parent") for page in pages if "/Parent" in page
    ]
    for reference in chains:
        while _pdf_key(reference) and _pdf_key(reference) not in nodes:
            nodes[_pdf_key(reference)] = reference
            node = reference.get_object()
            reference = node.raw_get("/Parent") if hasattr(node, "raw_get") and "/Parent" in node else None
    return nodes


def _pdf_walk_from(start, stop: set, seen: set, budget: list[int], where: Phrase) -> Refusal | None:
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    stack = [start]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen or key in stop:
                continue
            seen.add(key)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            refusal = _pdf_dictionary_problem(item, where)
            if refusal:
                return refusal
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
        else:
            continue
        budget[0] -= 1
        if budget[0] < 0:
            return Refusal(phrase("upload.pdf_too_complex", max=MAX_PDF_OBJECTS), where, phrase("hint.pdf_unreadable"))
    return None


def _pdf_dictionary_problem(item, where: Phrase) -> Refusal | None:
    kind = _pdf_value(item.get("/S"))
    kind = kind if isinstance(kind, str) else None
    if "/JS" in item or "/JavaScript" in item or kind == "/JavaScript":
        return Refusal(phrase("upload.pdf_javascript"), where, phrase("hint.pdf_javascript"))
    if kind in _PDF_ACTIONS:
        return Refusal(phrase("upload.pdf_action", action=kind), where, phrase("hint.pdf_actions"))
    if kind == "/URI":
        target = _pdf_value(item.get("/URI"))
        text = target.decode("latin-1") if isinstance(target, bytes) else str(target)
        if not is_web_address(text):
            return Refusal(phrase("upload.pdf_uri", target=text.strip()[:80]), where, phrase("hint.pdf_actions"))
    if "/EmbeddedFiles" in item or "/EF" in item or _pdf_value(item.get("/Subtype")) == "/FileAttachment":
        return Refusal(phrase("upload.pdf_embedded"), where, phrase("hint.pdf_embedded"))
    if "/XFA" in item:
        return Refusal(phrase("upload.pdf_xfa"), where, phrase("hint.pdf_xfa"))
    return None


def _pdf_value(value):
    from pypdf.generic import IndirectObject

    return value.get_object() if isinstance(value, IndirectObject) else value


def _pdf_raw_problem(data: bytes) -> Refusal | None:
    """A name of a refused kind anywhere in the file's own bytes, outside what the parser reached (an object a
    different reader might find, in an unreferenced or hidden revision)."""
    found = _PDF_RAW_NAMES.search(_PDF_STREAM.sub(b" ", data))  # stream data is binary: any bytes occur in it
    if not found:
        return None
    name = found.group(1).decode("ascii")
    hint = (
        phrase("hint.pdf_javascript")
        if name.startswith("J")
        else phrase("hint.pdf_embedded")
        if name.startswith("E")
        else phrase("hint.pdf_xfa")
        if name == "XFA"
        else phrase("hint.pdf_actions")
    )
    return Refusal(phrase("upload.pdf_hidden", name="/" + name), phrase("upload.pdf_whole"), hint)
