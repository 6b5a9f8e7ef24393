"""The bank's own documents as files staff can open: DOCX and PDF (and PPTX for presentations), generated at build
time from the same sources as the pages, so they never drift.

- A material's Markdown file becomes DOCX and PDF (a presentation's also PPTX), named after it.
- A checklist material's documents come from the steps' checklists (checklists/*.yml): its Markdown file's name, for
  all its steps, and one file per step and language when it covers several steps. Its Markdown file is made from the
  same checklists too (`python -m metodbanken checklists`); the build refuses one that says anything else.
- A poster SVG becomes PDF.

Only the bank's materials are converted (a constant cost, not one per method). Each file is cached on disk by the hash
of everything it is made from, so a build that changes nothing makes nothing. Generated names and sizes follow the
rules for editors' material files (inputs.generated_file_problem).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Callable

from metodbanken.content import places
from metodbanken.content.files import generated_file_problem
from metodbanken.content.model import Bank, Material
from metodbanken.content.schema import MATERIAL
from metodbanken.documents.model import ChecklistQuestion, ChecklistSection, Document, checklist_blocks, markdown_blocks
from metodbanken.words.errors import ErrorCollector
from metodbanken.words.messages import phrase

GENERATOR_VERSION = "2"  # raise when the writers change their output: every cached file is made again
FORMAT_ORDER = {"pdf": 0, "docx": 1, "pptx": 2}
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)
_SVG_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.S)
_SVG_DESC = re.compile(rb"<desc[^>]*>(.*?)</desc>", re.S)


@dataclass(frozen=True)
class Download:
    """A file offered on a material's page: one of the editors' files, or one the build generated from them."""

    file: str
    language: str
    size: int
    generated_from: str | None = None  # the source it was made from (a file name, or checklists/<step>.yml)

    @property
    def format(self) -> str:
        return self.file.rsplit(".", 1)[-1].upper() if "." in self.file else "?"


@dataclass(frozen=True)
class _Job:
    material: str
    file: str
    language: str
    source: str  # what it is made from, for the page and for error messages
    key: str  # hash of everything the bytes depend on
    make: Callable[[], bytes]
    step: int | None = None  # the one step whose checklist this is (linked from that step's page)


@dataclass(frozen=True)
class Documents:
    """The generated files of a build: their bytes per material, and the downloads every material page lists."""

    files: dict[str, tuple[tuple[str, bytes], ...]]  # material id -> ((file name, bytes), ...)
    downloads: dict[
        str, tuple[Download, ...]
    ]  # material id -> every file the page offers, generated first per language
    step_files: dict[int, tuple[tuple[str, Download], ...]] = field(
        default_factory=dict
    )  # step -> (material id, its checklist file)

    def write(self, site_dir: Path) -> int:
        """Write the generated files beside each material's page in one language's built site; returns the count."""
        count = 0
        for material_id, files in self.files.items():
            folder = Path(site_dir) / places.download_path(material_id)
            folder.mkdir(parents=True, exist_ok=True)
            for name, data in files:
                (folder / name).write_bytes(data)
                count += 1
        return count


def build_documents(
    bank: Bank, labels: dict[str, dict[str, str]], *, cache_dir: Path | None = None, public_url: str = ""
) -> Documents:
    """Generate (or take from the cache) every document of the bank's materials; raises ContentErrors naming the
    source when one cannot be made."""
    errors = ErrorCollector()
    _check_checklist_markdown(bank, labels, errors)
    jobs = [job for material in bank.materials for job in _plan(bank, material, labels, public_url)]
    cache = Path(cache_dir) if cache_dir else None
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    made: dict[str, list[tuple[str, bytes]]] = {}
    generated: dict[str, list[Download]] = {}
    step_files: dict[int, list[tuple[str, Download]]] = {}
    for job in jobs:
        cached = cache / f"{job.key}.{job.file.rsplit('.', 1)[1]}" if cache else None
        try:
            data = cached.read_bytes() if cached and cached.is_file() else job.make()
        except Exception as exc:  # a library's error on one source: name the source, go on with the others
            errors.add(
                job.source.split(", ")[0] if "/" in job.source else places.material_files(job.material, job.source),
                1,
                "files",
                "document.cannot_make",
                file=job.file,
                error=f"{type(exc).__name__}: {exc}",
            )
            continue
        if cached and not cached.is_file():
            tmp = cached.with_suffix(cached.suffix + ".tmp")
            tmp.write_bytes(data)
            tmp.replace(cached)
        problem = generated_file_problem(job.file, len(data))
        if problem:  # the same rules as for editors' files (the name comes from the source file's)
            problem_id, values = problem
            errors.add(
                f"{MATERIAL.folder}/{job.material}.md",
                1,
                "files",
                problem_id,
                folder=places.material_files(job.material),
                **values,
            )
            continue
        made.setdefault(job.material, []).append((job.file, data))
        download = Download(job.file, job.language, len(data), job.source)
        generated.setdefault(job.material, []).append(download)
        if job.step is not None:
            step_files.setdefault(job.step, []).append((job.material, download))
    errors.raise_if_any()
    if cache:  # drop what no current source makes any more
        wanted = {f"{job.key}.{job.file.rsplit('.', 1)[1]}" for job in jobs}
        for stale in cache.iterdir():
            if stale.name not in wanted:
                stale.unlink()
    downloads = {m.id: _downloads(m, generated.get(m.id, [])) for m in bank.materials}
    return Documents(
        files={k: tuple(v) for k, v in made.items()},
        downloads=downloads,
        step_files={n: _one_per_language_and_format(v) for n, v in sorted(step_files.items())},
    )


def _one_per_language_and_format(files: list[tuple[str, Download]]) -> tuple[tuple[str, Download], ...]:
    """A step's checklist files for its page: the first made in each language and format, PDF before DOCX."""
    chosen: dict[tuple[str, str], tuple[str, Download]] = {}
    for material_id, download in files:
        chosen.setdefault((download.language, download.format), (material_id, download))
    return tuple(sorted(chosen.values(), key=lambda pair: FORMAT_ORDER.get(pair[1].format.lower(), 9)))


def _downloads(material: Material, generated: list[Download]) -> tuple[Download, ...]:
    """Per language (in the order the material lists them): the generated files, grouped by the file they are made
    from (in the order made) with PDF, DOCX, PPTX in each group; then the editors' own files."""
    languages = list(dict.fromkeys(f.language for f in material.files))
    originals = [Download(f.file, f.language, f.size) for f in material.files]
    groups = list(dict.fromkeys(g.file.rsplit(".", 1)[0] for g in generated))
    result = []
    for language in languages + sorted({g.language for g in generated} - set(languages)):
        result += sorted(
            (g for g in generated if g.language == language),
            key=lambda d: (groups.index(d.file.rsplit(".", 1)[0]), FORMAT_ORDER.get(d.file.rsplit(".", 1)[1], 9)),
        )
        result += [o for o in originals if o.language == language]
    return tuple(result)


# -- what each material yields --------------------------------------------------------------------------


def _plan(bank: Bank, material: Material, labels: dict[str, dict[str, str]], public_url: str) -> list[_Job]:
    folder = Path(bank.material_dirs[material.id])
    listed = {f.file for f in material.files}
    jobs: dict[str, _Job] = {}

    def add(
        file: str,
        language: str,
        source: str,
        kind: str,
        payload: object,
        make: Callable[[], bytes],
        step: int | None = None,
    ) -> None:
        if file in listed or file in jobs:  # an editor's own file of that name wins; a name is made once
            return
        digest = hashlib.sha256(
            repr((GENERATOR_VERSION, _library_versions(), kind, payload)).encode("utf-8")
        ).hexdigest()[:32]
        jobs[file] = _Job(material.id, file, language, source, digest, make, step)

    from metodbanken.documents import writers as docwriters

    for f in material.files:
        stem, extension = f.file.rsplit(".", 1)
        source = f.file
        step = None
        if extension == "md" and _is_checklist(material):
            document = _checklist_document(bank, material, material.steps, f.language, labels, public_url)
            source = ", ".join(bank.step(n).file for n in material.steps)
            step = material.steps[0] if len(material.steps) == 1 else None
        elif extension == "md":
            text = (folder / f.file).read_text(encoding="utf-8")
            document = _markdown_document(material, text, f.language)
        elif extension == "svg":
            svg = (folder / f.file).read_bytes()
            title = _svg_text(_SVG_TITLE, svg) or material.title.get(f.language)
            subject = _svg_text(_SVG_DESC, svg) or material.summary.get(f.language)
            payload = (hashlib.sha256(svg).hexdigest(), title, f.language, material.last_reviewed, subject)
            add(
                f"{stem}.pdf",
                f.language,
                f.file,
                "poster",
                payload,
                lambda svg=svg, title=title, language=f.language, subject=subject: docwriters.poster_pdf(
                    svg, title=title, language=language, created=material.last_reviewed, subject=subject
                ),
            )
            continue
        else:
            continue
        add(f"{stem}.pdf", f.language, source, "pdf", document, lambda d=document: docwriters.write_pdf(d), step)
        add(f"{stem}.docx", f.language, source, "docx", document, lambda d=document: docwriters.write_docx(d), step)
        if material.type == "presentation":
            add(f"{stem}.pptx", f.language, source, "pptx", document, lambda d=document: docwriters.write_pptx(d))
    if _is_checklist(material) and len(material.steps) > 1:
        for language in dict.fromkeys(f.language for f in material.files if f.file.endswith(".md")):
            for number in material.steps:
                document = _checklist_document(bank, material, (number,), language, labels, public_url)
                stem = labels[language]["checklist_file"].format(n=number)
                source = bank.step(number).file
                add(
                    f"{stem}.pdf", language, source, "pdf", document, lambda d=document: docwriters.write_pdf(d), number
                )
                add(
                    f"{stem}.docx",
                    language,
                    source,
                    "docx",
                    document,
                    lambda d=document: docwriters.write_docx(d),
                    number,
                )
    return list(jobs.values())


def _is_checklist(material: Material) -> bool:
    return material.type == "checklista" and bool(material.steps)


def _markdown_document(material: Material, text: str, language: str) -> Document:
    heading = _H1.search(text)
    title = heading.group(1).strip() if heading else material.title.get(language)
    return Document(
        title=title,
        language=language,
        created=material.last_reviewed,
        blocks=markdown_blocks(text),
        subject=material.summary.get(language),
        keywords=("Metodbanken",),
    )


def _checklist_document(
    bank: Bank,
    material: Material,
    steps: tuple[int, ...],
    language: str,
    labels: dict[str, dict[str, str]],
    public_url: str,
) -> Document:
    words = labels[language]
    sections = []
    for number in steps:
        step = bank.step(number)
        # the question, its origin and its source as the step's page shows them
        questions = tuple(
            ChecklistQuestion(
                text=q.text.get(language),
                source=bank.sources[q.source].title,
                origin=words[f"origin_{q.origin or step.checklist_origin}"],
            )
            for q in step.questions
        )
        sections.append(
            ChecklistSection(
                heading=f"{words['step_n'].format(n=number)}: {step.title.get(language)}", questions=questions
            )
        )
    if len(steps) == 1:
        step = bank.step(steps[0])
        title = words["doc_checklist_title"].format(n=step.number, title=step.title.get(language))
        address = places.step_path(step.page_id)
    else:
        title = material.title.get(language)
        address = places.item_path("material", material.id)
    url = f"{public_url.rstrip('/')}{places.url(language, address)}" if public_url else ""
    footer = words["doc_checklist_footer"] + (f" {words['print_address']}: {url}" if url else "")
    blocks = checklist_blocks(title=title, sections=tuple(sections), labels=words, footer=footer)
    return Document(
        title=title,
        language=language,
        created=material.last_reviewed,
        blocks=blocks,
        subject=material.summary.get(language),
        keywords=("Metodbanken", words["checklist"]),
    )


# -- a checklist material's own Markdown file, made from the same checklists ----------------------------------

REGENERATE = "python -m metodbanken checklists"


def checklist_markdown(bank: Bank, labels: dict[str, dict[str, str]]) -> dict[str, str]:
    """{path of the file from the bank's root: text} of every checklist material's Markdown file, made from its steps'
    checklists (without the site's address, which the file cannot know)."""
    from metodbanken.documents.writers import write_markdown

    texts = {}
    for material in bank.materials:
        if not _is_checklist(material):
            continue
        folder = Path(bank.material_dirs[material.id])
        for f in material.files:
            if f.file.endswith(".md"):
                document = _checklist_document(bank, material, material.steps, f.language, labels, public_url="")
                texts[f"{folder.parent.name}/{material.id}/{f.file}"] = write_markdown(document)
    return texts


def write_checklist_markdown(root: Path) -> list[str]:
    """Write every checklist material's Markdown file that differs from its checklists; returns the paths written."""
    from metodbanken.content.load import load_bank
    from metodbanken.pages.render import load_labels

    root = Path(root)
    written = []
    for path, text in checklist_markdown(load_bank(root), load_labels(root / "labels")).items():
        target = root / path
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def check_checklist_markdown(bank: Bank, labels: dict[str, dict[str, str]]) -> None:
    """Raise ContentErrors naming every checklist material's Markdown file that says other than its checklists."""
    errors = ErrorCollector()
    _check_checklist_markdown(bank, labels, errors)
    errors.raise_if_any()


def _check_checklist_markdown(bank: Bank, labels: dict[str, dict[str, str]], errors: ErrorCollector) -> None:
    """A checklist material's Markdown file says exactly what its steps' checklists say (it is published as is)."""
    for path, expected in checklist_markdown(bank, labels).items():
        material_id, name = path.split("/")[1:3]
        found = (Path(bank.material_dirs[material_id]) / name).read_text(encoding="utf-8")
        if found == expected:
            continue
        found_lines, expected_lines = found.splitlines(), expected.splitlines()
        line = next(
            (i for i, (a, b) in enumerate(zip(found_lines, expected_lines, strict=False), 1) if a != b),
            min(len(found_lines), len(expected_lines)) + 1,
        )

        def at(lines: list[str], line: int = line):
            return lines[line - 1][:120] if line <= len(lines) else phrase("document.end_of_file")

        steps = ", ".join(bank.step(n).file for n in bank.material(material_id).steps)
        errors.add(
            path,
            line,
            "",
            "document.checklist_drift",
            steps=steps,
            expected_line=at(expected_lines),
            found_line=at(found_lines),
        )


def _svg_text(pattern: re.Pattern, svg: bytes) -> str:
    import html

    match = pattern.search(svg)
    return " ".join(html.unescape(match.group(1).decode("utf-8", "replace")).split()) if match else ""


_VERSIONS: tuple | None = None


def _library_versions() -> tuple:
    global _VERSIONS
    if _VERSIONS is None:
        _VERSIONS = tuple(version(name) for name in ("fpdf2", "python-docx", "python-pptx", "Markdown"))
    return _VERSIONS
