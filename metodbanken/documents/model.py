"""A small document model for the files the build generates (DOCX, PDF, PPTX): headings, paragraphs, list items,
tables, room to write. Made from a material's Markdown or from a step's checklist; the writers in writers.py
turn it into files. No markup leaves this module: text is text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser

import markdown


@dataclass(frozen=True)
class Run:
    """A piece of text with one look."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Heading:
    level: int  # 1 is the document's title
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    indent: int = 0  # list levels: a paragraph that continues a list item
    quote: bool = False
    small: bool = False


@dataclass(frozen=True)
class ListItem:
    runs: tuple[Run, ...]
    level: int = 0
    number: int | None = None  # None: a bullet
    checkbox: bool = False  # a box to tick ("- [ ] ..." in Markdown)


@dataclass(frozen=True)
class Table:
    header: tuple[tuple[Run, ...], ...]
    rows: tuple[tuple[tuple[Run, ...], ...], ...]


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class WriteSpace:
    """Room to write by hand: a label and ruled lines."""

    label: str
    lines: int = 2


Block = Heading | Paragraph | ListItem | Table | Rule | WriteSpace


@dataclass(frozen=True)
class Document:
    title: str
    language: str  # "sv" or "en"
    created: date  # fixed, so that the same source gives the same bytes
    blocks: tuple[Block, ...]
    subject: str = ""
    author: str = "Metodbanken"
    keywords: tuple[str, ...] = field(default=())


def plain(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs)


# -- Markdown -> blocks ------------------------------------------------------------------------------

_TASK = re.compile(r"^\[( |x|X)\]\s+")
_SKIP = {"script", "style", "template", "iframe", "object", "svg", "math"}


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)  # _Node or str


class _TreeBuilder(HTMLParser):
    _VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source", "embed"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in self._VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def markdown_blocks(text: str) -> tuple[Block, ...]:
    """The blocks of a Markdown text (headings, paragraphs, lists with task boxes, tables, quotes, rules).
    Raw HTML is read as text structure only; scripts and the like are dropped."""
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    blocks: list[Block] = []
    _blocks(builder.root, blocks, level=0)
    return tuple(blocks)


def _blocks(node: _Node, out: list, *, level: int, quote: bool = False) -> None:
    for child in node.children:
        if isinstance(child, str):
            if child.strip():
                out.append(Paragraph(_clean(_runs_of([child])), indent=level, quote=quote))
            continue
        tag = child.tag
        if tag in _SKIP:
            continue
        if re.fullmatch(r"h[1-6]", tag):
            out.append(Heading(int(tag[1]), _clean(_runs_of(child.children))))
        elif tag == "p":
            runs = _clean(_runs_of(child.children))
            if runs:
                out.append(Paragraph(runs, indent=level, quote=quote))
        elif tag in ("ul", "ol"):
            start = int(child.attrs.get("start") or 1) if tag == "ol" else None
            items = [c for c in child.children if isinstance(c, _Node) and c.tag == "li"]
            for i, item in enumerate(items):
                _list_item(item, out, level=level, number=None if start is None else start + i)
        elif tag == "table":
            out.append(_table(child))
        elif tag == "blockquote":
            _blocks(child, out, level=level, quote=True)
        elif tag == "hr":
            out.append(Rule())
        elif tag in ("div", "section", "article", "main", "details", "root"):
            _blocks(child, out, level=level, quote=quote)
        else:  # inline element at block level (raw HTML): its text as a paragraph
            runs = _clean(_runs_of([child]))
            if runs:
                out.append(Paragraph(runs, indent=level, quote=quote))


def _list_item(item: _Node, out: list, *, level: int, number: int | None) -> None:
    inline, rest = [], []
    for child in item.children:
        block_like = isinstance(child, _Node) and child.tag in ("p", "ul", "ol", "table", "blockquote", "hr", "div")
        if block_like or rest:
            rest.append(child)
        else:
            inline.append(child)
    if (
        not _clean(_runs_of(inline)) and rest and isinstance(rest[0], _Node) and rest[0].tag == "p"
    ):  # a "loose" list: text in <p>
        inline, rest = rest[0].children, rest[1:]
    runs = _clean(_runs_of(inline))
    checkbox = False
    if runs and _TASK.match(runs[0].text):
        checkbox = True
        runs = _clean((Run(_TASK.sub("", runs[0].text, count=1), runs[0].bold, runs[0].italic),) + runs[1:])
    out.append(ListItem(runs, level=level, number=number, checkbox=checkbox))
    _blocks(_Node("div", {}, rest), out, level=level + 1)


def _table(node: _Node) -> Table:
    header, rows = [], []
    for section in node.children:
        if not isinstance(section, _Node):
            continue
        for row in section.children if section.tag in ("thead", "tbody", "tfoot") else [section]:
            if not isinstance(row, _Node) or row.tag != "tr":
                continue
            cells = tuple(
                _clean(_runs_of(c.children)) for c in row.children if isinstance(c, _Node) and c.tag in ("td", "th")
            )
            is_header = section.tag == "thead" or all(
                isinstance(c, _Node) and c.tag == "th" for c in row.children if isinstance(c, _Node)
            )
            (header if is_header and not rows else rows).append(cells)
    width = max([len(r) for r in header + rows] or [0])
    pad = lambda r: r + ((),) * (width - len(r))  # noqa: E731
    return Table(header=pad(header[0]) if header else (), rows=tuple(pad(r) for r in rows))


def _runs_of(children, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    runs: list[Run] = []
    for child in children:
        if isinstance(child, str):
            runs.append(Run(child, bold, italic))
        elif child.tag in _SKIP:
            continue
        elif child.tag == "br":
            runs.append(Run("\n", bold, italic))
        elif child.tag == "img":
            alt = child.attrs.get("alt", "")
            if alt:
                runs.append(Run(alt, bold, italic))
        else:
            inner = _runs_of(child.children, bold or child.tag in ("strong", "b"), italic or child.tag in ("em", "i"))
            runs.extend(inner)
            href = child.attrs.get("href", "") if child.tag == "a" else ""
            if href.startswith(("https://", "http://")) and href != plain(inner).strip():
                runs.append(Run(f" ({href})", bold, italic))
    return tuple(runs)


def _clean(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Soft line breaks become spaces, runs of spaces one space; leading and trailing space goes; empty runs go."""
    cleaned: list[Run] = []
    for run in runs:
        text = run.text if run.text == "\n" else re.sub(r"\s+", " ", run.text)
        if (
            cleaned
            and cleaned[-1].bold == run.bold
            and cleaned[-1].italic == run.italic
            and text != "\n"
            and cleaned[-1].text != "\n"
        ):
            cleaned[-1] = Run(cleaned[-1].text + text, run.bold, run.italic)
        elif text:
            cleaned.append(Run(text, run.bold, run.italic))
    if cleaned:
        cleaned[0] = Run(cleaned[0].text.lstrip(), cleaned[0].bold, cleaned[0].italic)
        cleaned[-1] = Run(cleaned[-1].text.rstrip(), cleaned[-1].bold, cleaned[-1].italic)
    return tuple(r for r in cleaned if r.text)


# -- a step's checklist -> blocks ----------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistQuestion:
    text: str
    source: str  # the source's title
    origin: str  # as the step's page says it: "The handbook's question" / "The bank's question, from the sources"


@dataclass(frozen=True)
class ChecklistSection:
    heading: str  # "Step 2: Describe violence as a problem"
    questions: tuple[ChecklistQuestion, ...]


def checklist_blocks(
    *, title: str, sections: tuple[ChecklistSection, ...], labels: dict[str, str], footer: str
) -> tuple[Block, ...]:
    """A printable checklist: title, fields for municipality, date and participants, then each question with its
    origin and source, a box to tick and room to write."""
    blocks: list[Block] = [
        Heading(1, (Run(title),)),
        WriteSpace(labels["doc_municipality"], lines=1),
        WriteSpace(labels["doc_date"], lines=1),
        WriteSpace(labels["doc_participants"], lines=2),
        Paragraph((Run(labels["doc_checklist_intro"]),)),
    ]
    for section in sections:
        if len(sections) > 1:
            blocks.append(Heading(2, (Run(section.heading),)))
        for number, question in enumerate(section.questions, 1):  # numbered per step, as on the step's page
            blocks.append(Heading(3 if len(sections) > 1 else 2, (Run(f"{number}. {question.text}"),)))
            source = question.source if question.source.endswith((".", "?", "!")) else question.source + "."
            blocks.append(Paragraph((Run(f"{question.origin}. {labels['question_source']}: {source}"),), small=True))
            blocks.append(ListItem((Run(labels["doc_answered"]),), checkbox=True))
            blocks.append(WriteSpace(labels["doc_notes"], lines=3))
            blocks.append(WriteSpace(labels["doc_responsible"], lines=1))
    blocks.append(Rule())
    blocks.append(Paragraph((Run(footer),), small=True))
    return tuple(blocks)
