"""The bank's own documents (DOCX, PDF, PPTX) made from the real bank's materials and checklists: they open (parsed by
python-docx, pypdf and python-pptx), hold what their source holds in their language, carry title and language,
follow the rules for material files, and come out byte for byte the same from the same source."""

from __future__ import annotations

import html
import io
import re
import zipfile

import pytest
from sitekit import REPO

from metodbanken.content.files import generated_file_problem
from metodbanken.content.load import load_bank
from metodbanken.documents import writers as docwriters
from metodbanken.documents.materials import build_documents
from metodbanken.documents.model import Heading, ListItem, Paragraph, Table, markdown_blocks
from metodbanken.pages.render import load_labels
from metodbanken.words.errors import ContentErrors

STEP_FILE = {"sv": "checklista-steg-{n}", "en": "checklist-step-{n}"}


@pytest.fixture(scope="module")
def bank():
    return load_bank(REPO)


@pytest.fixture(scope="module")
def labels():
    return load_labels(REPO / "labels")


@pytest.fixture(scope="module")
def documents(bank, labels):
    return build_documents(bank, labels, public_url="https://metodbanken.example/")


def _files(documents) -> dict[str, bytes]:
    return {name: data for files in documents.files.values() for name, data in files}


def _squash(text: str) -> str:
    """Text without any white space: PDF text extraction breaks lines where the layout did."""
    return re.sub(r"\s+", "", text)


def _docx_text(data: bytes):
    import docx

    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return document, text


def _pdf_text(data: bytes):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


# -- the five step checklists, per step and language ------------------------------------------------------


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_each_step_checklist_is_a_docx_and_a_pdf_with_every_question(bank, documents, number, language):
    files = _files(documents)
    step = bank.step(number)
    stem = STEP_FILE[language].format(n=number)
    assert f"{stem}.docx" in files and f"{stem}.pdf" in files, sorted(files)
    words = load_labels(REPO / "labels")[language]
    origins = {
        words[f"origin_{q.origin or step.checklist_origin}"] for q in step.questions
    }  # as the step's page says it

    document, text = _docx_text(files[f"{stem}.docx"])
    assert document.core_properties.title == text.splitlines()[0] and str(number) in document.core_properties.title
    assert document.core_properties.language == {"sv": "sv-SE", "en": "en-GB"}[language]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    # exactly the step's questions, in its order, numbered as on its page
    assert [h for h in headings if re.match(r"\d+\. ", h)] == [
        f"{i}. {q.text.get(language)}" for i, q in enumerate(step.questions, 1)
    ]
    for q in step.questions:
        assert bank.sources[q.source].title in text
    assert all(origin in text for origin in origins)
    for field in ("doc_municipality", "doc_date", "doc_participants"):  # fields to fill in
        assert load_labels(REPO / "labels")[language][field] + ":" in text

    reader, text = _pdf_text(files[f"{stem}.pdf"])
    assert reader.metadata.title == document.core_properties.title
    assert reader.trailer["/Root"]["/Lang"] == {"sv": "sv-SE", "en": "en-GB"}[language]
    squashed = _squash(text)
    for q in step.questions:
        assert _squash(q.text.get(language)) in squashed, f"{stem}.pdf lacks question {q.id}"
    assert all(_squash(origin) in squashed for origin in origins)
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 (a pypdf BooleanObject); the window shows the title
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline and outline[0] == reader.metadata.title  # headings are bookmarks, the questions under the title
    questions = [item.title for item in reader.outline[1]] if len(reader.outline) > 1 else []
    assert questions == [f"{i}. {q.text.get(language)}" for i, q in enumerate(step.questions, 1)]


def test_each_step_page_is_given_its_checklist_files_in_both_languages(bank, documents):
    for step in bank.steps:
        files = documents.step_files[step.number]
        assert sorted((d.language, d.format) for _, d in files) == [
            ("en", "DOCX"),
            ("en", "PDF"),
            ("sv", "DOCX"),
            ("sv", "PDF"),
        ]
        for material_id, download in files:
            stem = STEP_FILE[download.language].format(n=step.number)
            assert download.file.rsplit(".", 1)[0] == stem and step.number in bank.material(material_id).steps
            assert download.file in {name for name, _ in documents.files[material_id]}


# -- a checklist material's own Markdown file: made from the same checklists, and refused when it says otherwise ------


def test_the_checklist_materials_markdown_files_are_made_from_the_checklists(bank, labels):
    from metodbanken.documents.materials import REGENERATE, checklist_markdown

    texts = checklist_markdown(bank, labels)
    assert set(texts) == {
        "materials/checklista-steg-1/checklista-steg-1.md",
        "materials/checklista-steg-1/checklist-step-1.md",
        "materials/arbetsblad-steg-2-5/arbetsblad-steg-2-5.md",
        "materials/arbetsblad-steg-2-5/worksheets-steps-2-5.md",
    }
    stale = [path for path, text in texts.items() if (REPO / path).read_text(encoding="utf-8") != text]
    assert not stale, f"out of date: {', '.join(stale)}. Regenerate them with `{REGENERATE}` and commit them."
    for path, text in texts.items():
        language = "en" if path.endswith(("checklist-step-1.md", "worksheets-steps-2-5.md")) else "sv"
        material = bank.material(path.split("/")[1])
        for number in material.steps:
            for i, q in enumerate(bank.step(number).questions, 1):
                assert f"# {i}. {q.text.get(language)}\n" in text.replace("\\", ""), f"{path}: {q.id}"
        assert text.count("- [ ] ") == sum(len(bank.step(n).questions) for n in material.steps)


def test_a_checklist_materials_markdown_file_that_drifted_stops_the_build(bank, labels, tmp_path):
    import dataclasses
    import shutil

    shutil.copytree(REPO / "materials" / "checklista-steg-1", tmp_path / "materials" / "checklista-steg-1")
    drifted = tmp_path / "materials" / "checklista-steg-1" / "checklist-step-1.md"
    drifted.write_text(drifted.read_text(encoding="utf-8").replace("strategic partners", "partners"), encoding="utf-8")
    small = dataclasses.replace(
        bank,
        materials=(bank.material("checklista-steg-1"),),
        material_dirs={"checklista-steg-1": str(tmp_path / "materials" / "checklista-steg-1")},
    )
    with pytest.raises(ContentErrors) as failure:
        build_documents(small, labels)
    report = failure.value.report()
    assert (
        "materials/checklista-steg-1/checklist-step-1.md:" in report and "checklists/1-initiera-samverkan.yml" in report
    )
    assert "python -m metodbanken checklists" in report and "checklista-steg-1.md:" not in report


def test_a_checklist_material_covering_several_steps_also_comes_whole(bank, documents):
    files = _files(documents)
    _, text = _pdf_text(files["arbetsblad-steg-2-5.pdf"])
    squashed = _squash(text)
    for number in (2, 3, 4, 5):
        for q in bank.step(number).questions:
            assert _squash(q.text.sv) in squashed


# -- the materials' Markdown files, the presentation and the poster -----------------------------------------


def test_every_markdown_material_file_becomes_docx_and_pdf_and_the_presentation_pptx(bank, documents):
    files = _files(documents)
    for material in bank.materials:
        for f in material.files:
            stem, extension = f.file.rsplit(".", 1)
            if extension != "md":
                continue
            assert {f"{stem}.docx", f"{stem}.pdf"} <= set(files), f"{material.id}: {f.file}"
            if material.type == "presentation":
                assert f"{stem}.pptx" in files
            if material.type != "checklista":  # checklists come from checklists/*.yml, not from their Markdown
                source = (REPO / "materials" / material.id / f.file).read_text(encoding="utf-8")
                titles = re.findall(r"(?m)^##? (.+)$", source)
                document, text = _docx_text(files[f"{stem}.docx"])
                headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
                assert [t.replace("*", "") for t in titles] == headings, f"{stem}.docx"
                for table in document.tables:  # a table's first row is marked as its header row
                    assert table.rows[0]._tr.trPr.xpath("./w:tblHeader"), f"{stem}.docx: a table without a header row"
                _, pdf_text = _pdf_text(files[f"{stem}.pdf"])
                assert all(_squash(t.replace("*", "")) in _squash(pdf_text) for t in titles), f"{stem}.pdf"


@pytest.mark.parametrize(
    ("stem", "language"), [("presentation-ledningsgrupp", "sv"), ("presentation-management-group", "en")]
)
def test_the_presentation_has_a_slide_per_heading_with_speaker_notes(documents, stem, language):
    from pptx import Presentation

    source = (REPO / "materials" / "presentation-ledningsgrupp" / f"{stem}.md").read_text(encoding="utf-8")
    deck = Presentation(io.BytesIO(_files(documents)[f"{stem}.pptx"]))
    titles = [slide.shapes.title.text for slide in deck.slides]
    assert titles == re.findall(r"(?m)^##? (.+)$", source)
    assert (
        deck.core_properties.title == titles[0]
        and deck.core_properties.language == {"sv": "sv-SE", "en": "en-GB"}[language]
    )
    notes = [slide.notes_slide.notes_text_frame.text for slide in list(deck.slides)[1:]]
    assert all(notes) and all(n.startswith(("Talarstöd", "Speaker notes")) for n in notes)


@pytest.mark.parametrize(
    ("stem", "words"), [("affisch-vecka-47", "Våld går att förebygga"), ("poster-week-47", "Violence")]
)
def test_the_poster_is_a_one_page_pdf_with_its_text_as_text(documents, stem, words):
    reader, text = _pdf_text(_files(documents)[f"{stem}.pdf"])
    assert len(reader.pages) == 1 and words in text
    assert reader.metadata.title and reader.metadata.subject  # the SVG's <title> and <desc>


@pytest.mark.parametrize(
    ("stem", "svg"), [("affisch-vecka-47", "affisch-vecka-47.svg"), ("poster-week-47", "poster-week-47.svg")]
)
def test_the_poster_is_also_a_png_image_of_the_same_drawing(documents, stem, svg):
    from PIL import Image

    image = Image.open(io.BytesIO(_files(documents)[f"{stem}.png"]))
    width, height = (
        float(v)
        for v in re.search(
            rb'viewBox="0 0 ([\d.]+) ([\d.]+)"', (REPO / "materials" / "kampanjkit-vecka-47" / svg).read_bytes()
        ).groups()
    )
    assert image.format == "PNG" and image.width >= 1000
    assert abs(image.width / image.height - width / height) < 0.01  # the poster's shape, not cropped
    assert len(image.convert("RGB").resize((40, 40)).getcolors(1600)) > 3  # drawn, not blank


# -- files as files: names, sizes, reproducible bytes, the cache ---------------------------------------------


def test_generated_files_follow_the_rules_for_material_files(documents):
    files = _files(documents)
    assert len(files) >= 45
    assert [name for name, data in files.items() if generated_file_problem(name, len(data))] == []
    for name, data in files.items():
        magic = {"pdf": b"%PDF-", "png": b"\x89PNG\r\n\x1a\n"}.get(name.rsplit(".", 1)[1], b"PK")
        assert data.startswith(magic), name
        if magic == b"PK":
            assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_the_same_source_gives_the_same_bytes(bank, labels, documents):
    again = build_documents(bank, labels, public_url="https://metodbanken.example/")
    assert _files(again) == _files(documents)


def test_the_cache_makes_nothing_twice_and_drops_what_no_source_makes(bank, labels, tmp_path, monkeypatch):
    import dataclasses

    small = dataclasses.replace(bank, materials=tuple(m for m in bank.materials if m.id == "mall-manadsavstamning"))
    first = build_documents(small, labels, cache_dir=tmp_path)
    (tmp_path / "stale.pdf").write_bytes(b"old")

    def refuse(*args, **kwargs):
        raise AssertionError("made again although cached")

    for name in ("write_pdf", "write_docx", "write_pptx", "poster_pdf", "poster_png"):
        monkeypatch.setattr(docwriters, name, refuse)
    second = build_documents(small, labels, cache_dir=tmp_path)
    assert _files(second) == _files(first) and not (tmp_path / "stale.pdf").exists()


def test_a_source_that_cannot_be_made_is_named(bank, labels, monkeypatch):
    import dataclasses

    small = dataclasses.replace(bank, materials=tuple(m for m in bank.materials if m.id == "mall-manadsavstamning"))
    monkeypatch.setattr(docwriters, "write_pdf", lambda document: (_ for _ in ()).throw(ValueError("broken table")))
    with pytest.raises(ContentErrors) as failure:
        build_documents(small, labels)
    assert "materials/mall-manadsavstamning/manadsavstamning.md" in failure.value.report()
    assert "broken table" in failure.value.report()


# -- Markdown as blocks -----------------------------------------------------------------------------------


def test_markdown_becomes_headings_lists_tables_and_paragraphs_and_never_script():
    blocks = markdown_blocks(
        "# Titel\n\nText med **fet** och *kursiv*.\n\n- [ ] Fråga\n\n    Svar: ___\n\n1. Ett\n2. Två\n\n"
        "| A | B |\n|---|---|\n| | x |\n\n<script>alert(1)</script>\n\n> Citat\n"
    )
    assert isinstance(blocks[0], Heading) and blocks[0].level == 1
    assert isinstance(blocks[1], Paragraph)
    assert [(r.text, r.bold, r.italic) for r in blocks[1].runs] == [
        ("Text med ", False, False),
        ("fet", True, False),
        (" och ", False, False),
        ("kursiv", False, True),
        (".", False, False),
    ]
    task = next(b for b in blocks if isinstance(b, ListItem) and b.checkbox)
    assert task.runs[0].text == "Fråga"
    answer = blocks[blocks.index(task) + 1]
    assert isinstance(answer, Paragraph) and answer.indent == 1
    assert [b.number for b in blocks if isinstance(b, ListItem) and b.number] == [1, 2]
    table = next(b for b in blocks if isinstance(b, Table))
    assert len(table.header) == 2 and table.rows == (((), (docwriters.Run("x"),)),)
    assert not any("alert" in str(b) for b in blocks)
    assert any(isinstance(b, Paragraph) and b.quote for b in blocks)


def test_the_checklists_command_makes_the_markdown_files_again(tmp_path, capsys):
    import shutil

    from metodbanken.cli import main

    for name in (
        "vocabularies.yml",
        "sources.yml",
        "glossary.yml",
        "synonyms.yml",
        "methods",
        "cases",
        "materials",
        "checklists",
        "labels",
    ):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    drifted = tmp_path / "materials" / "arbetsblad-steg-2-5" / "worksheets-steps-2-5.md"
    drifted.write_text("# Worksheets\n\n- [ ] An old question\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "checklists"]) == 0
    assert capsys.readouterr().out.strip() == "updated materials/arbetsblad-steg-2-5/worksheets-steps-2-5.md"
    assert drifted.read_text(encoding="utf-8") == (
        REPO / "materials" / "arbetsblad-steg-2-5" / "worksheets-steps-2-5.md"
    ).read_text(encoding="utf-8")
    assert main(["--root", str(tmp_path), "checklists"]) == 0
    assert "already up to date" in capsys.readouterr().out


# -- tagged PDF (PDF/UA-1): structure, language, title, alternative text, and editors' text as text -------------------

PDF_LANG = {"sv": "sv-SE", "en": "en-GB"}


def _structure(reader) -> list[dict]:
    """Every element of the PDF's structure tree, in the tree's (reading) order."""
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif isinstance(node, dict):
            if "/S" in node:
                found.append(node)
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def _assert_pdf_ua(data: bytes, *, title: str | None, language: str, name: str):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True, name  # noqa: E712 (a pypdf BooleanObject): a tagged PDF
    elements = _structure(reader)
    assert elements and elements[0]["/S"] == "/Document", name
    assert root["/Lang"] == PDF_LANG[language], name
    assert reader.metadata.title and (title is None or reader.metadata.title == title), name
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True, name  # noqa: E712: the window shows the title
    xmp = root["/Metadata"].get_object().get_data()
    assert b"<pdfuaid:part>1</pdfuaid:part>" in xmp, f"{name}: not identified as PDF/UA-1"
    figures = [e for e in elements if e["/S"] == "/Figure"]
    assert all(str(e.get("/Alt", "")).strip() for e in figures), f"{name}: an image without alternative text"
    for page in reader.pages:  # every link is tagged and says where it goes
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation["/Subtype"] == "/Link":
                assert "/StructParent" in annotation and str(annotation.get("/Contents", "")).strip(), name
    return reader, elements


def test_every_generated_pdf_is_tagged_pdf_ua_1_with_its_title_and_language(bank, documents):
    files = _files(documents)
    pdfs = [
        (m, d)
        for m, downloads in documents.downloads.items()
        for d in downloads
        if d.generated_from and d.format == "PDF"
    ]
    assert len(pdfs) == len([n for n in files if n.endswith(".pdf")]) >= 20
    for material_id, download in pdfs:
        reader, elements = _assert_pdf_ua(
            files[download.file], title=None, language=download.language, name=download.file
        )
        kinds = {e["/S"] for e in elements}
        if download.generated_from.endswith(".svg"):  # a poster: one figure whose alternative text is the poster's text
            assert [e["/S"] for e in elements] == ["/Document", "/Figure"], download.file
            continue
        assert "/H1" in kinds, download.file
        stem = download.file.rsplit(".", 1)[0]
        source = REPO / "materials" / material_id / f"{stem}.md"
        if source.is_file() and bank.material(material_id).type != "checklista":
            blocks = markdown_blocks(source.read_text(encoding="utf-8"))
            headings = [e for e in elements if re.fullmatch(r"/H[1-6]", e["/S"])]
            assert len(headings) == sum(isinstance(b, Heading) for b in blocks), download.file
            if any(isinstance(b, Table) for b in blocks):
                assert {"/Table", "/TH", "/TD"} <= kinds, f"{download.file}: tables are not tagged as tables"
            if any(isinstance(b, ListItem) for b in blocks):
                assert {"/L", "/LI", "/LBody"} <= kinds, f"{download.file}: lists are not tagged as lists"


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_a_checklist_pdf_has_each_question_as_a_heading_in_page_order_and_a_described_qr_code(
    bank, documents, number, language
):
    stem = STEP_FILE[language].format(n=number)
    step = bank.step(number)
    reader, elements = _assert_pdf_ua(_files(documents)[f"{stem}.pdf"], title=None, language=language, name=stem)
    assert sum(e["/S"] == "/H2" for e in elements) == len(step.questions)  # one heading per question
    text = _squash("\n".join(page.extract_text() for page in reader.pages))
    positions = [text.find(_squash(q.text.get(language))) for q in step.questions]
    assert -1 not in positions and positions == sorted(positions)  # in the step's order, page after page
    qr = [e for e in elements if e["/S"] == "/Figure"]
    prefix = "" if language == "sv" else "en/"
    address = f"https://metodbanken.example/{prefix}steg/{step.page_id}/"
    assert len(qr) == 1 and address in str(qr[0]["/Alt"])  # the QR code says where it leads
    links = [a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots") or []]
    assert address in links  # the printed address is a link too


HOSTILE = (
    '#eval("panic()")',
    '#import "/etc/passwd": *',
    "] [ $x^2$ @ref <label>",
    "\\ \\\\ `raw` *b* _i_ // c /* d */",
    '#read("/etc/hostname")',
    '"}, {"kind": "heading", "level": 1',
    "#{ sys.inputs } #set text(size: 99pt)",
)


def test_editors_text_never_becomes_typst_code_in_a_pdf():
    from datetime import date

    from metodbanken.documents.model import Document, Run

    title = "Titel " + HOSTILE[0]
    document = Document(
        title=title,
        language="en",
        created=date(2026, 1, 2),
        subject=HOSTILE[1],
        keywords=(HOSTILE[2],),
        blocks=(
            Heading(1, (Run(title),)),
            Heading(2, (Run(HOSTILE[6]),)),
            Paragraph(tuple(Run(h, bold=i % 2 == 0) for i, h in enumerate(HOSTILE))),
            Paragraph((Run("Svensk text", lang="sv"),)),
            ListItem((Run(HOSTILE[1]),)),
            ListItem((Run(HOSTILE[2]),), number=1),
            Table(header=((Run(HOSTILE[3]),),), rows=(((Run(HOSTILE[4]),),),)),
            Paragraph((Run(HOSTILE[5], href="https://example.org/?q=]#x"),)),
        ),
    )
    reader, elements = _assert_pdf_ua(docwriters.write_pdf(document), title=title, language="en", name="hostile")
    text = _squash("\n".join(page.extract_text() for page in reader.pages))
    for hostile in HOSTILE:
        assert _squash(hostile) in text  # shown as the editor wrote it
    assert sum(e["/S"] == "/H1" for e in elements) == 1 and sum(e["/S"] == "/H2" for e in elements) == 1
    assert any(str(e.get("/Lang", "")) == "sv-SE" for e in elements)  # the Swedish passage is marked as Swedish
    assert reader.metadata.subject == HOSTILE[1]


# -- DOCX and PPTX: A4, the document's language, page numbers, questions kept together --------------------------------

OFFICE_LANG = {"sv": "sv-SE", "en": "en-GB"}


def test_every_generated_docx_is_a4_with_its_language_and_page_numbers(documents):
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm

    made = [
        d for downloads in documents.downloads.values() for d in downloads if d.generated_from and d.format == "DOCX"
    ]
    assert len(made) >= 20
    files = _files(documents)
    for download in made:
        document = docx.Document(io.BytesIO(files[download.file]))
        locale = OFFICE_LANG[download.language]
        for section in document.sections:
            assert abs(section.page_width - Cm(21.0)) < Cm(0.05), download.file  # A4, not US Letter
            assert abs(section.page_height - Cm(29.7)) < Cm(0.05), download.file
            assert all(
                abs(m - Cm(2.5)) < Cm(0.05)
                for m in (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
            ), download.file
            footer = section.footer._element.xml
            assert 'w:instr=" PAGE "' in footer and 'w:instr=" NUMPAGES "' in footer, download.file
        styles = document.styles.element
        languages = {e.get(qn("w:val")) for e in styles.iter(qn("w:lang"))}
        assert languages == {locale}, f"{download.file}: {languages}"  # docDefaults and every style that sets one
        assert document.core_properties.language == locale
        assert not any(e.get(qn("w:val")) != locale for e in document.element.body.iter(qn("w:lang")))
        headings = [p for p in document.paragraphs if p.style.name.startswith("Heading")]
        assert headings and headings[0].style.name == "Heading 1", download.file


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_checklist_docx_keeps_each_question_together_and_with_its_heading(bank, documents, language):
    import docx

    stem = STEP_FILE[language].format(n=2)
    document = docx.Document(io.BytesIO(_files(documents)[f"{stem}.docx"]))
    paragraphs = document.paragraphs
    words = load_labels(REPO / "labels")[language]
    starts = [i for i, p in enumerate(paragraphs) if re.match(r"\d+\. ", p.text) and p.style.name == "Heading 2"]
    assert len(starts) == len(bank.step(2).questions)
    for start in starts:  # heading, origin and source, box, notes and their lines, responsible and its line
        end = next(i for i in range(start, len(paragraphs)) if paragraphs[i].text == words["doc_responsible"] + ":") + 1
        block = paragraphs[start : end + 1]
        assert all(p.paragraph_format.keep_together for p in block), paragraphs[start].text
        assert all(p.paragraph_format.keep_with_next for p in block[:-1]), paragraphs[start].text


@pytest.mark.parametrize("stem", ["presentation-ledningsgrupp", "presentation-management-group"])
def test_the_presentation_says_its_language_on_every_text(documents, stem):
    language = "sv" if stem.endswith("ledningsgrupp") else "en"
    archive = zipfile.ZipFile(io.BytesIO(_files(documents)[f"{stem}.pptx"]))
    parts = [n for n in archive.namelist() if re.match(r"ppt/(slides|notesSlides)/\w+\.xml$", n)]
    assert len(parts) > 2
    for name in parts:
        xml = archive.read(name).decode("utf-8")
        runs = re.findall(r"<a:r>.*?</a:r>", xml, re.S)
        assert runs and all(f'lang="{OFFICE_LANG[language]}"' in r for r in runs), name
    assert b"<dc:language>" + OFFICE_LANG[language].encode() in archive.read("docProps/core.xml")


def test_the_posters_page_shows_its_png_with_the_posters_text_as_alternative_text(bank, labels, documents):
    from metodbanken.pages.render import Renderer

    renderer = Renderer(templates_dir=REPO / "overrides" / "metodbanken", labels=labels)
    pages = renderer.render(bank, downloads=documents.downloads, step_files=documents.step_files)
    page = next(text for path, text in pages.items() if path.startswith("material/kampanjkit-vecka-47"))
    for svg in ("affisch-vecka-47", "poster-week-47"):
        description = re.search(
            r"<desc[^>]*>(.*?)</desc>", (REPO / "materials" / "kampanjkit-vecka-47" / f"{svg}.svg").read_text()
        )
        alt = re.search(rf'<img src="{svg}[.]png" alt="([^"]*)"', page)
        assert alt and html.unescape(alt.group(1)) == html.unescape(description.group(1))
        assert f'href="{svg}.png"' in page  # and offered as a download


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ('#set document(title: "T")\n#image(bytes("{svg}"), format: "svg")', "missing alt text"),
        ('#image(bytes("{svg}"), format: "svg", alt: "x")', "missing document title"),
    ],
)
def test_typst_refuses_what_pdf_ua_1_does_not_allow(source, error):
    """The PDF/UA-1 the writer asks for is enforced, not only declared: an image without alternative text or a
    document without a title is not made at all."""
    import typst

    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect width='5' height='5'/></svg>"
    with pytest.raises(typst.TypstError, match=error):
        typst.compile(
            ('#set text(lang: "sv")\n= Rubrik\n' + source.replace("{svg}", svg)).encode(),
            pdf_standards=docwriters.PDF_STANDARDS,
        )
