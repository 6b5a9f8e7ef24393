"""Write a model.Document as DOCX (python-docx), PDF (Typst, tagged PDF/UA-1), PPTX (python-pptx) or Markdown, and a
poster SVG as PDF and PNG.

All three install with pip alone (no system libraries). Output is reproducible: fixed creation dates, and the
DOCX/PPTX zip entries rewritten with a fixed time (the libraries stamp them with the current time).
Documents carry their title and language, and headings are real headings (Word heading styles, tagged PDF headings).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path

from metodbanken.documents.model import Document, Heading, ListItem, Paragraph, Rule, Run, Table, WriteSpace, plain

FONTS = Path(__file__).resolve().parent / "fonts"
_LOCALES = {"sv": "sv-SE", "en": "en-GB"}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _moment(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, 0, 0, tzinfo=timezone.utc)


def normalize_zip(data: bytes) -> bytes:
    """The same archive with every entry stamped with one fixed time and compressed alike: reproducible bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename), compresslevel=6)
    return target_buffer.getvalue()


# -- Markdown ------------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_WRITE_LINE = "_" * 40


def write_markdown(document: Document) -> str:
    """The document as Markdown text (a checklist material's own file): plain text escaped, so it reads as itself."""

    def runs(items: tuple[Run, ...]) -> str:
        out = []
        for run in items:
            if run.text == "\n":
                out.append("  \n")
                continue
            text = _MD_SPECIAL.sub(r"\\\1", run.text)
            if run.bold:
                text = f"**{text}**"
            if run.italic:
                text = f"*{text}*"
            out.append(text)
        return "".join(out)

    parts: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            parts.append("#" * min(block.level, 6) + " " + runs(tuple(Run(r.text) for r in block.runs)))
        elif isinstance(block, Paragraph):
            text = runs(block.runs)
            text = f"*{text}*" if block.small and not any(r.italic for r in block.runs) else text
            parts.append(("> " if block.quote else "") + "    " * block.indent + text)
        elif isinstance(block, ListItem):
            marker = f"{block.number}." if block.number is not None else "-"
            parts.append("    " * block.level + marker + (" [ ] " if block.checkbox else " ") + runs(block.runs))
        elif isinstance(block, Table):
            rows = ([block.header] if block.header else []) + list(block.rows)
            if rows:
                lines = ["| " + " | ".join(runs(cell) for cell in row) + " |" for row in rows]
                lines.insert(1, "|" + "---|" * len(rows[0]))
                parts.append("\n".join(lines))
        elif isinstance(block, WriteSpace):
            parts.append(
                "\n".join(
                    [f"**{runs((Run(block.label),))}:** {_WRITE_LINE}"] + [_WRITE_LINE + "_" * 20] * (block.lines - 1)
                )
            )
        elif isinstance(block, Rule):
            parts.append("---")
    return "\n\n".join(parts) + "\n"


# -- DOCX ----------------------------------------------------------------------------------------------


_DOCX_BODY = 10.5  # pt, as in the PDF
_DOCX_MARGIN = 2.5  # cm


def write_docx(document: Document) -> bytes:
    """The document as DOCX on A4 pages in its language, headings as Word headings; in a checklist each question
    (its heading, origin, box and lines to write on) is kept together on one page."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt
    from docx.text.paragraph import Paragraph as DocxParagraph

    doc = docx.Document()
    locale = _LOCALES.get(document.language, document.language)
    props = doc.core_properties
    props.title, props.subject, props.author = document.title, document.subject, document.author
    props.last_modified_by, props.language, props.revision = document.author, locale, 1
    props.keywords = ", ".join(document.keywords)
    props.created = props.modified = props.last_printed = _moment(document.created)
    props.comments = props.category = props.content_status = props.identifier = props.version = ""
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        defaults.append(lang)
    lang.set(qn("w:val"), locale)
    for style in doc.styles:  # and on every style that sets a language of its own (the template's are en-US)
        r_pr = style.element.find(qn("w:rPr"))
        if r_pr is not None and r_pr.find(qn("w:lang")) is not None:
            r_pr.find(qn("w:lang")).set(qn("w:val"), locale)
    doc.styles["Normal"].font.size = Pt(_DOCX_BODY)
    for section in doc.sections:  # A4, as Swedish offices print, with 2.5 cm margins
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(_DOCX_MARGIN)
        section.top_margin = section.bottom_margin = Cm(_DOCX_MARGIN)
        section.header_distance = section.footer_distance = Cm(1.25)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(f"{document.title} · ").font.size = Pt(8)
        for i, field_code in enumerate(("PAGE", "NUMPAGES")):  # page numbers, as "3/4"
            if i:
                footer.add_run("/").font.size = Pt(8)
            simple = OxmlElement("w:fldSimple")
            simple.set(qn("w:instr"), f" {field_code} ")
            run = OxmlElement("w:r")
            r_pr = OxmlElement("w:rPr")
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), "16")
            r_pr.append(size)
            text = OxmlElement("w:t")
            text.text = "1"
            run.extend([r_pr, text])
            simple.append(run)
            footer._p.append(simple)
    checklist = document.kind == "checklist"

    def add_runs(paragraph, runs: tuple[Run, ...], *, size: float | None = None):
        for run in runs:
            if run.text == "\n":
                paragraph.add_run().add_break(WD_BREAK.LINE)
                continue
            r = paragraph.add_run(run.text)
            r.bold, r.italic = run.bold or None, run.italic or None
            if size:
                r.font.size = Pt(size)

    def ruled(paragraph):
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "808080")):
            bottom.set(qn(key), value)
        borders.append(bottom)
        paragraph._p.get_or_add_pPr().append(borders)
        paragraph.paragraph_format.space_before = Pt(14)

    body = doc.element.body
    group_start = None  # in a checklist: where the current question's paragraphs begin

    def keep_group(end: int) -> None:
        """Keep the paragraphs of one question together and on one page (each with the next, the last alone)."""
        paragraphs = [e for e in list(body)[group_start:end] if e.tag == qn("w:p")]
        for i, element in enumerate(paragraphs):
            fmt = DocxParagraph(element, doc._body).paragraph_format
            fmt.keep_together = True
            if i < len(paragraphs) - 1:
                fmt.keep_with_next = True

    for block in document.blocks:
        if checklist and (isinstance(block, Rule) or (isinstance(block, Heading) and block.level > 1)):
            if group_start is not None:
                keep_group(len(body) - 1)
            group_start = len(body) - 1 if isinstance(block, Heading) and block.level > 1 else None
        if isinstance(block, Heading):
            paragraph = doc.add_heading("", level=min(block.level, 9))
            add_runs(paragraph, tuple(Run(r.text, False, r.italic) for r in block.runs))
        elif isinstance(block, Paragraph):
            paragraph = doc.add_paragraph(style="Quote" if block.quote else None)
            add_runs(paragraph, block.runs, size=9 if block.small else None)
            if block.indent:
                paragraph.paragraph_format.left_indent = Cm(0.9 * block.indent)
        elif isinstance(block, ListItem):
            depth = min(block.level, 2)
            suffix = f" {depth + 1}" if depth else ""
            if block.checkbox or block.number is not None:
                paragraph = doc.add_paragraph(style=f"List{suffix}")
                marker = "☐ " if block.checkbox else f"{block.number}. "
                if block.checkbox and block.number is not None:
                    marker = f"{block.number}. ☐ "
                paragraph.add_run(marker)
            else:
                paragraph = doc.add_paragraph(style=f"List Bullet{suffix}")
            add_runs(paragraph, block.runs)
        elif isinstance(block, Table):
            rows = ([block.header] if block.header else []) + list(block.rows)
            if not rows:
                continue
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for i, row in enumerate(rows):
                header = bool(block.header) and i == 0
                for j, cell_runs in enumerate(row):
                    cell = table.cell(i, j)
                    add_runs(cell.paragraphs[0], tuple(Run(r.text, r.bold or header, r.italic) for r in cell_runs))
                if header:  # a real header row: repeated on every page and announced as headers
                    tr_pr = table.rows[i]._tr.get_or_add_trPr()
                    marker = OxmlElement("w:tblHeader")
                    marker.set(qn("w:val"), "true")
                    tr_pr.append(marker)
                elif not any(row):
                    table.rows[i].height = Cm(0.9)  # room to write
            doc.add_paragraph()
        elif isinstance(block, WriteSpace):
            doc.add_paragraph().add_run(block.label + ":").bold = True
            for _ in range(block.lines):
                ruled(doc.add_paragraph())
        elif isinstance(block, Rule):
            ruled(doc.add_paragraph())
    if group_start is not None:
        keep_group(len(body) - 1)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_zip(buffer.getvalue())


# -- PDF (Typst: tagged, PDF/UA-1) ---------------------------------------------------------------------------
#
# One Typst template per kind of document (templates/*.typ). The document reaches the template as JSON data in
# sys.inputs, never as Typst source: every text an editor wrote is a string there and is shown as text, so nothing
# in it can become markup or code. Typst writes tagged PDF (headings, lists, tables, links, figures with their
# alternative text, the document's language and title) and refuses what PDF/UA-1 does not allow.

TEMPLATES = Path(__file__).resolve().parent / "templates"
PDF_STANDARDS = ["ua-1"]
_REGIONS = {"sv": "SE", "en": "GB"}


@lru_cache(maxsize=1)
def _compiler():
    import typst

    return typst.Compiler(root=str(TEMPLATES), font_paths=[str(FONTS)], ignore_system_fonts=True)


def _typeset(template: str, data: dict, *, format: str = "pdf", ppi: float | None = None) -> bytes:
    options = {"pdf_standards": PDF_STANDARDS} if format == "pdf" else {"ppi": ppi}
    created = data.pop("_created")
    return _compiler().compile(
        input=str(TEMPLATES / template),
        format=format,
        sys_inputs={"document": json.dumps(data, ensure_ascii=False)},
        timestamp=_moment(created),
        **options,
    )


def _runs_data(runs: tuple[Run, ...]) -> list[dict]:
    return [{"text": r.text, "bold": r.bold, "italic": r.italic, "href": r.href, "lang": r.lang} for r in runs]


def _blocks_data(blocks, *, keep_questions: bool) -> list[dict]:
    """The blocks as the templates read them: consecutive list items as one (nested) list; in a checklist, a heading
    and what follows it up to the next heading as one block kept together on a page."""
    out: list[dict] = []
    lists: list[dict] = []  # the open lists, one per level

    def close_lists(level: int = 0) -> None:
        del lists[level:]

    for block in blocks:
        if isinstance(block, ListItem):
            numbered = block.number is not None
            while lists and len(lists) > block.level + 1:
                lists.pop()
            if len(lists) == block.level + 1 and lists[-1]["numbered"] != numbered:
                lists.pop()
            if len(lists) < block.level + 1:
                new = {"kind": "list", "numbered": numbered, "items": []}
                if lists and lists[-1]["items"]:
                    lists[-1]["items"][-1]["children"].append(new)
                else:
                    close_lists()
                    out.append(new)
                lists.append(new)
            lists[-1]["items"].append(
                {
                    "runs": _runs_data(block.runs),
                    "number": block.number or 1,
                    "checkbox": block.checkbox,
                    "more": [],
                    "children": [],
                }
            )
            continue
        if isinstance(block, Paragraph) and block.indent and lists and len(lists) >= block.indent:
            lists[block.indent - 1]["items"][-1]["more"].append(_runs_data(block.runs))
            continue
        close_lists()
        if isinstance(block, Heading):
            out.append({"kind": "heading", "level": max(1, min(block.level, 6)), "runs": _runs_data(block.runs)})
        elif isinstance(block, Paragraph):
            out.append(
                {
                    "kind": "paragraph",
                    "runs": _runs_data(block.runs),
                    "small": block.small,
                    "quote": block.quote,
                    "indent": block.indent,
                }
            )
        elif isinstance(block, Table):
            out.append(
                {
                    "kind": "table",
                    "header": [_runs_data(c) for c in block.header],
                    "rows": [[_runs_data(c) for c in row] for row in block.rows],
                }
            )
        elif isinstance(block, WriteSpace):
            out.append({"kind": "write", "label": block.label, "lines": block.lines})
        elif isinstance(block, Rule):
            out.append({"kind": "rule"})
    if not keep_questions:
        return out
    grouped: list[dict] = []
    for item in out:  # a question (its heading, origin, box and room to write) never splits across pages
        if item["kind"] == "heading" and item["level"] > 1:
            grouped.append({"kind": "keep", "blocks": [item]})
        elif item["kind"] == "rule" or not grouped or grouped[-1]["kind"] != "keep":
            grouped.append(item)
        else:
            grouped[-1]["blocks"].append(item)
    return grouped


def _metadata_data(document: Document) -> dict:
    return {
        "title": document.title,
        "author": document.author,
        "keywords": list(document.keywords),
        "subject": document.subject,
        "created": [document.created.year, document.created.month, document.created.day],
        "_created": document.created,
        "lang": document.language,
        "region": _REGIONS.get(document.language, "SE"),
    }


def write_pdf(document: Document) -> bytes:
    """The document as a tagged PDF/UA-1 (A4), from the template of its kind."""
    from metodbanken.pages.qr import qr_svg

    data = _metadata_data(document)
    data["blocks"] = _blocks_data(document.blocks, keep_questions=document.kind == "checklist")
    if document.kind == "checklist":  # what follows the last question (the address, the QR code) stays together
        last = max((i for i, b in enumerate(data["blocks"]) if b["kind"] == "keep"), default=-1)
        tail = data["blocks"][last + 1 :]
        if document.qr_url:
            tail.append({"kind": "qr", "svg": qr_svg(document.qr_url), "alt": document.qr_alt or document.qr_url})
        data["blocks"] = data["blocks"][: last + 1] + ([{"kind": "keep", "blocks": tail}] if tail else [])
    return _typeset(f"{'checklist' if document.kind == 'checklist' else 'document'}.typ", data)


# -- PPTX ----------------------------------------------------------------------------------------------


def write_pptx(document: Document) -> bytes:
    """A slide deck: the first heading and the text under it make the title slide; every second-level heading
    starts a slide whose list items are its bullets and whose other paragraphs are the speaker notes."""
    from pptx import Presentation
    from pptx.enum.lang import MSO_LANGUAGE_ID
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Pt

    language = {"sv": MSO_LANGUAGE_ID.SWEDISH, "en": MSO_LANGUAGE_ID.ENGLISH_UK}.get(
        document.language, MSO_LANGUAGE_ID.NONE
    )
    deck = Presentation()
    props = deck.core_properties
    props.title, props.subject, props.author = document.title, document.subject, document.author
    props.last_modified_by, props.language, props.revision = document.author, _LOCALES.get(document.language, ""), 1
    props.keywords = ", ".join(document.keywords)
    props.created = props.modified = props.last_printed = _moment(document.created).replace(tzinfo=None)

    slides: list[dict] = []
    for block in document.blocks:
        if isinstance(block, Heading) and (block.level <= 2 or not slides):
            slides.append({"title": plain(block.runs), "items": [], "notes": [], "level": block.level})
        elif not slides:
            continue
        elif isinstance(block, Heading):
            slides[-1]["items"].append((0, plain(block.runs)))
        elif isinstance(block, ListItem):
            marker = "☐ " if block.checkbox else (f"{block.number}. " if block.number is not None else "")
            slides[-1]["items"].append((block.level, marker + plain(block.runs)))
        elif isinstance(block, Paragraph):
            slides[-1]["notes"].append(plain(block.runs))
        elif isinstance(block, Table):
            for row in ([block.header] if block.header else []) + list(block.rows):
                slides[-1]["items"].append((0, " | ".join(plain(c) for c in row)))

    def fill(frame, lines: list[tuple[int, str]], size: int):
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
        for i, (level, text) in enumerate(lines):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            paragraph.level = min(level, 4)
            run = paragraph.add_run()
            run.text = text
            run.font.size = Pt(size)
            run.font.language_id = language

    for i, spec in enumerate(slides):
        if i == 0 and spec["level"] == 1:
            slide = deck.slides.add_slide(deck.slide_layouts[0])
            fill(slide.shapes.title.text_frame, [(0, spec["title"])], 36)
            fill(slide.placeholders[1].text_frame, [(0, text) for text in spec["notes"][:1]] or [(0, "")], 18)
            notes = spec["notes"][1:]
        else:
            slide = deck.slides.add_slide(deck.slide_layouts[1])
            fill(slide.shapes.title.text_frame, [(0, spec["title"])], 30)
            fill(slide.placeholders[1].text_frame, spec["items"] or [(0, "")], 20)
            notes = spec["notes"]
        if notes:
            fill(slide.notes_slide.notes_text_frame, [(0, text) for text in notes], 12)
    buffer = io.BytesIO()
    deck.save(buffer)
    return normalize_zip(buffer.getvalue())


# -- a poster SVG as PDF and PNG ---------------------------------------------------------------------------


def _poster_data(svg: bytes, *, title: str, language: str, created: date, subject: str) -> dict:
    document = Document(title=title, language=language, created=created, blocks=(), subject=subject)
    data = _metadata_data(document)
    data["svg"] = svg.decode("utf-8")
    data["alt"] = subject or title  # the SVG's <desc>: the poster's text, for those who cannot see it
    return data


def poster_pdf(svg: bytes, *, title: str, language: str, created: date, subject: str = "") -> bytes:
    """The SVG drawn on one page of its own size (tagged PDF/UA-1: a figure with the poster's text as its
    alternative text)."""
    return _typeset("poster.typ", _poster_data(svg, title=title, language=language, created=created, subject=subject))


POSTER_PPI = 144.0  # an A4 poster becomes 1191 x 1684 pixels: sharp on a screen, small enough to share


def poster_png(svg: bytes, *, title: str, language: str, created: date, subject: str = "") -> bytes:
    """The same poster as a PNG image (for social media and intranets), from the same template."""
    data = _poster_data(svg, title=title, language=language, created=created, subject=subject)
    return _typeset("poster.typ", data, format="png", ppi=POSTER_PPI)
