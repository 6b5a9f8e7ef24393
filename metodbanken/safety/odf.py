"""LibreOffice files (ODF): scripts, event listeners, embedded objects and links out of the package."""

from __future__ import annotations

from pathlib import PurePosixPath

from metodbanken.safety.uploadparts import (
    Refusal,
    archive_refusal,
    attribute,
    attribute_target_problem,
    fetching_formula,
    is_web_address,
    local_name,
    object_refusal,
    parse_problem,
)
from metodbanken.words.messages import phrase

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


def odf_part_problem(name: str, data: bytes, app: str, names: set[str]) -> Refusal | None:
    folders = {n.rsplit("/", 1)[0] for n in names if "/" in n}
    where = phrase("upload.in_part", part=name)

    def visit(event: str, element) -> Refusal | None:
        if event != "start":
            return None
        tag = local_name(element.tag)
        if tag in ("template", "auto-reload"):
            return Refusal(
                phrase("upload.template", target=(element.attrib.get(_XLINK_HREF) or "").strip()[:80]),
                where,
                phrase("hint.upload_links", app=app),
            )
        if tag in _ODF_SCRIPT:
            return Refusal(phrase("upload.script", element=tag), where, phrase("hint.upload_macros", app=app))
        if tag in _ODF_OBJECTS:
            return object_refusal(_ODF_OBJECTS[tag], where, app)
        if tag == "file-entry":
            media_type = attribute(element, "media-type").lower()
            if "oleobject" in media_type:
                return Refusal(
                    phrase("upload.object_type", type=media_type), where, phrase("hint.upload_objects", app=app)
                )
            if "basic" in media_type or "script" in media_type:
                return Refusal(
                    phrase("upload.object_type", type=media_type), where, phrase("hint.upload_macros", app=app)
                )
        if tag == "encryption-data":
            return archive_refusal(phrase("upload.encrypted"), app, name)
        formula = attribute(element, "formula")
        if formula and fetching_formula(formula):
            return Refusal(
                phrase("upload.formula", formula=formula.strip()[:80]), where, phrase("hint.upload_fields", app=app)
            )
        href = element.attrib.get(_XLINK_HREF)
        if href is not None and not _inside_package(href, names, folders) and not (tag == "a" and is_web_address(href)):
            return Refusal(
                phrase("upload.odf_link", target=href.strip()[:80]), where, phrase("hint.upload_links", app=app)
            )
        return attribute_target_problem(element, name, app)

    return parse_problem(name, data, app, visit)


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
