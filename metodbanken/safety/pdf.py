"""PDF files: actions that launch, submit or fetch, JavaScript, embedded files, read from the real object tree and
from the raw bytes."""

from __future__ import annotations

import re
from pathlib import Path

from metodbanken.safety.uploadparts import Refusal, is_web_address
from metodbanken.words.messages import Phrase, phrase

# -- PDF --------------------------------------------------------------------------------------------------------------

_PDF_ACTIONS = {"/Launch", "/GoToR", "/GoToE", "/ImportData", "/SubmitForm", "/RichMediaExecute"}
_PDF_STREAM = re.compile(rb"(?<![A-Za-z])stream\r?\n.*?endstream", re.S)
_PDF_RAW_NAMES = re.compile(
    rb"/(JavaScript|JS|Launch|GoToR|GoToE|ImportData|SubmitForm|EmbeddedFiles?|XFA)(?=[\s/<>\[\]()%{}]|$)"
)

MAX_PDF_OBJECTS = 500_000  # dictionaries and arrays looked at in one PDF


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
