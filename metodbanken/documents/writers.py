"""Write a docmodel.Document as DOCX (python-docx), PDF (fpdf2), PPTX (python-pptx) or Markdown, and a poster SVG as
PDF.

All three install with pip alone (no system libraries). Output is reproducible: fixed creation dates, and the
DOCX/PPTX zip entries rewritten with a fixed time (the libraries stamp them with the current time).
Documents carry their title and language, and headings are real headings (Word heading styles, PDF bookmarks).
"""

from __future__ import annotations

import io
import logging
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


def write_docx(document: Document) -> bytes:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

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

    for block in document.blocks:
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
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_zip(buffer.getvalue())


# -- PDF -----------------------------------------------------------------------------------------------

_FAMILY = "DejaVuSans"
_MARGIN = 20.0  # mm
_BODY = 10.5  # pt
_LINE = 5.4  # mm per line of body text


@lru_cache(maxsize=1)
def _font_characters() -> frozenset[str]:
    from fontTools.ttLib import TTFont

    font = TTFont(str(FONTS / "DejaVuSans.ttf"))
    return frozenset(chr(c) for c in font.getBestCmap())


def _fit(text: str) -> str:
    """Text the embedded font can show: other characters become U+FFFD (the font has no glyph for them)."""
    known = _font_characters()
    return "".join(c if c in known or c == "\n" else "\ufffd" for c in text)


def _new_pdf(document: Document, **options):
    from fpdf import FPDF

    title = document.title

    class _Pdf(FPDF):
        def footer(self):
            self.set_y(-13)
            self.set_font(_FAMILY, "", 8)
            self.set_text_color(80, 80, 80)
            self.cell(0, 5, _fit(f"{title} · {self.page_no()}/{{nb}}"), align="C")
            self.set_text_color(0, 0, 0)

    pdf = _Pdf(**options)
    for style, name in (
        ("", "DejaVuSans.ttf"),
        ("B", "DejaVuSans-Bold.ttf"),
        ("I", "DejaVuSans-Oblique.ttf"),
        ("BI", "DejaVuSans-Bold.ttf"),
    ):
        pdf.add_font(_FAMILY, style, str(FONTS / name))
    _metadata(pdf, document)
    return pdf


def _metadata(pdf, document: Document) -> None:
    from fpdf import ViewerPreferences

    pdf.set_lang(_LOCALES.get(document.language, document.language))
    pdf.set_title(document.title)
    pdf.set_author(document.author)
    pdf.set_creator(document.author)
    if document.subject:
        pdf.set_subject(document.subject)
    if document.keywords:
        pdf.set_keywords(", ".join(document.keywords))
    pdf.set_creation_date(_moment(document.created))
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)


def write_pdf(document: Document) -> bytes:
    from fpdf.fonts import FontFace

    pdf = _new_pdf(document, format="A4", unit="mm")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    right = pdf.w - _MARGIN
    outline_level = -1

    def write_runs(runs: tuple[Run, ...], *, size: float = _BODY, left: float = _MARGIN, line: float = _LINE):
        pdf.set_left_margin(left)
        if pdf.get_x() < left:
            pdf.set_x(left)
        for run in runs:
            if run.text == "\n":
                pdf.ln(line)
                continue
            pdf.set_font(_FAMILY, ("B" if run.bold else "") + ("I" if run.italic else ""), size)
            pdf.write(line, _fit(run.text))
        pdf.ln(line)
        pdf.set_left_margin(_MARGIN)
        pdf.set_x(_MARGIN)

    def room(height: float):
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()

    for block in document.blocks:
        if isinstance(block, Heading):
            size = {1: 18, 2: 14, 3: 12}.get(block.level, 11)
            room(size * 0.35 * 2 + 20)  # never a heading alone at the foot of a page
            pdf.ln(3 if block.level > 1 else 0)
            level = min(block.level - 1, outline_level + 1)
            outline_level = level
            text = _fit(plain(block.runs))
            pdf.start_section(
                text[:1000], level=level
            )  # a bookmark per heading, whole (questions run to 200+ characters)
            pdf.set_font(_FAMILY, "B", size)
            pdf.multi_cell(0, size * 0.45, text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif isinstance(block, Paragraph):
            left = _MARGIN + 7 * block.indent + (5 if block.quote else 0)
            if block.quote:
                top = pdf.get_y()
            write_runs(block.runs, size=8.5 if block.small else _BODY, left=left, line=4.4 if block.small else _LINE)
            if block.quote:
                pdf.set_draw_color(120, 120, 120)
                pdf.line(left - 3, top, left - 3, pdf.get_y())
                pdf.set_draw_color(0, 0, 0)
            pdf.ln(1.8)
        elif isinstance(block, ListItem):
            room(_LINE * 2)
            left = _MARGIN + 7 * block.level
            marker = "☐" if block.checkbox else ("•" if block.number is None else f"{block.number}.")
            if block.checkbox and block.number is not None:
                marker = f"{block.number}. ☐"
            pdf.set_font(_FAMILY, "", _BODY + (2 if block.checkbox else 0))
            width = max(7.0, pdf.get_string_width(marker) + 2)
            pdf.set_x(left)
            pdf.cell(width, _LINE, marker)
            write_runs(block.runs, left=left + width)
            pdf.ln(1)
        elif isinstance(block, Table):
            columns = len(block.header or (block.rows[0] if block.rows else ()))
            if not columns:
                continue
            pdf.set_font(_FAMILY, "", 9)
            with pdf.table(
                width=pdf.w - 2 * _MARGIN,
                line_height=6,
                padding=1.5,
                text_align="LEFT",
                first_row_as_headings=bool(block.header),
                headings_style=FontFace(emphasis="BOLD"),
                repeat_headings=1,
            ) as table:
                for row in ([block.header] if block.header else []) + list(block.rows):
                    cells = table.row()
                    for cell_runs in row:
                        cells.cell(_fit(plain(cell_runs)) or " ")
            pdf.ln(3)
        elif isinstance(block, WriteSpace):
            height = 8.0
            room(height * block.lines + 4)
            pdf.set_font(_FAMILY, "B", _BODY)
            label = _fit(block.label + ":")
            pdf.set_x(_MARGIN)
            pdf.cell(pdf.get_string_width(label) + 2, height, label)
            start = pdf.get_x()
            y = pdf.get_y() + height - 1.5
            pdf.set_draw_color(128, 128, 128)
            pdf.line(start, y, right, y)
            for _ in range(block.lines - 1):
                y += height
                pdf.line(_MARGIN, y, right, y)
            pdf.set_draw_color(0, 0, 0)
            pdf.set_xy(_MARGIN, y + 3)
        elif isinstance(block, Rule):
            pdf.ln(2)
            pdf.set_draw_color(128, 128, 128)
            pdf.line(_MARGIN, pdf.get_y(), right, pdf.get_y())
            pdf.set_draw_color(0, 0, 0)
            pdf.ln(3)
    return bytes(pdf.output())


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


# -- a poster SVG as PDF ---------------------------------------------------------------------------------

_FONT_FAMILY = re.compile(rb'font-family\s*[=:]\s*["\']?([^"\';>]+)')


def poster_pdf(svg: bytes, *, title: str, language: str, created: date, subject: str = "") -> bytes:
    """The SVG drawn on one page of its own size, its text as text (in the embedded font, searchable)."""
    from fpdf.svg import SVGObject

    logger = logging.getLogger("fpdf.svg")
    level = logger.level
    logger.setLevel(logging.ERROR)  # fpdf2 notes that it does not draw <title> and <desc>: they go in the metadata
    try:
        drawing = SVGObject(svg)
    finally:
        logger.setLevel(level)
    document = Document(title=title, language=language, created=created, blocks=(), subject=subject)
    pdf = _new_pdf(document, unit="pt", format=(drawing.width, drawing.height))
    pdf.footer = lambda: None
    families = {
        name.strip().strip("'\"").lower()
        for match in _FONT_FAMILY.findall(svg)
        for name in match.decode("utf-8", "replace").split(",")
    }
    core = {
        "helvetica",
        "times",
        "courier",
        "symbol",
        "zapfdingbats",
    }  # fpdf2 keeps its own: Arial and the like are ours
    for family in sorted(f for f in families if f and f != _FAMILY.lower() and f not in core):
        for style, name in (
            ("", "DejaVuSans.ttf"),
            ("B", "DejaVuSans-Bold.ttf"),
            ("I", "DejaVuSans-Oblique.ttf"),
            ("BI", "DejaVuSans-Bold.ttf"),
        ):
            pdf.add_font(family, style, str(FONTS / name))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    drawing.draw_to_page(pdf)
    return bytes(pdf.output())
