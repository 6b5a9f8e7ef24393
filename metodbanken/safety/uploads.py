"""Checks of the office and PDF files editors upload by what they hold: macros, objects, remote references and
script."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from metodbanken.safety.odf import odf_part_problem
from metodbanken.safety.ooxml import ooxml_part_problem
from metodbanken.safety.pdf import pdf_problem
from metodbanken.safety.uploadparts import Refusal, archive_refusal
from metodbanken.words.messages import phrase

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


def upload_problem(path: Path, extension: str) -> Refusal | None:
    """What makes an editor's office or PDF file unsafe to publish; None if it is safe (or not a type checked here)."""
    if extension in OFFICE_APPS:
        return office_problem(path, OFFICE_APPS[extension], odf=extension.startswith("od"))
    if extension == "pdf":
        return pdf_problem(path)
    return None


# -- zip containers (OOXML and ODF) ---------------------------------------------------------------------------------


def office_problem(path: Path, app: str, *, odf: bool) -> Refusal | None:
    try:
        archive = zipfile.ZipFile(path)
    except Exception as exc:  # whatever a hostile file makes zipfile raise (BadZipFile, struct, EOF): not published
        return archive_refusal(phrase("upload.unreadable", error=exc), app)
    with archive:
        members = archive.infolist()
        refusal = _archive_structure_problem(members, app)
        if refusal:
            return refusal
        names = {m.filename for m in members}
        check_part = odf_part_problem if odf else ooxml_part_problem
        for member in members:
            refusal = _part_name_problem(member.filename, app, odf=odf)
            if refusal is None and _is_xml(member.filename):
                try:
                    data = archive.read(member)
                except Exception as exc:  # a bad CRC, an unknown compression, a truncated part
                    return archive_refusal(phrase("upload.unreadable", error=exc), app, member.filename)
                refusal = check_part(member.filename, data, app, names)
            if refusal:
                return refusal
    return None


def _archive_structure_problem(members: list[zipfile.ZipInfo], app: str) -> Refusal | None:
    """A zip bomb, encrypted parts, part names outside the archive or given twice."""
    if len(members) > MAX_PARTS:
        return archive_refusal(phrase("upload.too_many_parts", count=len(members), max=MAX_PARTS), app)
    unpacked = sum(m.file_size for m in members)  # zipfile never returns more than a part's declared size
    if unpacked > MAX_UNPACKED_BYTES:
        return archive_refusal(
            phrase("upload.too_large_unpacked", size=unpacked // 1024 // 1024, max=MAX_UNPACKED_BYTES // 1024 // 1024),
            app,
        )
    seen: set[str] = set()
    for member in members:
        name = member.filename
        if member.flag_bits & 0x1:
            return archive_refusal(phrase("upload.encrypted"), app, name)
        segments = re.split(r"[/\\]", name)
        if name.startswith(("/", "\\")) or ".." in segments or ":" in segments[0]:
            return archive_refusal(phrase("upload.bad_path", path=name), app)
        if name.lower() in seen:
            return archive_refusal(phrase("upload.duplicate_part", path=name), app)
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
