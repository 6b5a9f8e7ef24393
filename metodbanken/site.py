"""One call for a site generator: load the bank, render its pages and write them into docs/ (cached by content)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from metodbanken.content import places
from metodbanken.content.load import load_bank
from metodbanken.content.model import Bank
from metodbanken.documents.materials import Documents, build_documents
from metodbanken.pages.render import Renderer, load_labels
from metodbanken.pages.write import write_pages

CONTENT_PATHS = (
    "vocabularies.yml",
    "sources.yml",
    "glossary.yml",
    "synonyms.yml",
    *places.CONTENT_FOLDERS,
    "labels",
    "overrides/metodbanken",
)


@dataclass(frozen=True)
class Project:
    """Where a bank's files are: its root (beside mkdocs.yml) and the docs folder pages are written to."""

    root: Path
    docs_dir: Path
    public_url: str = ""  # the site's public address (site_url), printed and put in QR codes

    @property
    def watch_paths(self) -> list[str]:
        return [str(self.root / p) for p in CONTENT_PATHS if (self.root / p).exists()]

    def fingerprint(self) -> str:
        """Changes whenever any content, label or template file changes (name, size or time)."""
        digest = hashlib.sha256()
        for name in CONTENT_PATHS:
            path = self.root / name
            files = (
                [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
            )
            for f in files:
                stat = f.stat()
                digest.update(f"{f}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        return digest.hexdigest()


_cache: dict[str, tuple[str, Bank, Documents]] = {}

# Generated documents (DOCX, PDF, PPTX) are kept here between builds, by the hash of what each is made from
# (git-ignored).
DOCUMENT_CACHE = Path(".cache") / "metodbanken" / "documents"


def prepare_with_documents(project: Project) -> tuple[Bank, Documents]:
    """Load and validate the bank, make its documents and write its pages (skipped when nothing changed since the last
    call); returns the bank and the documents generated from the bank's materials and checklists (to write into each
    built language)."""
    key = f"{project.root}\0{project.public_url}"
    fingerprint = project.fingerprint()
    cached = _cache.get(key)
    if cached and cached[0] == fingerprint and (project.docs_dir / places.section_path("method") / "index.md").exists():
        return cached[1], cached[2]
    bank = load_bank(
        project.root, render_check=False
    )  # the rendered pages are checked instead (safety/editor_regions.py)
    labels = load_labels(project.root / "labels")
    documents = build_documents(bank, labels, cache_dir=project.root / DOCUMENT_CACHE, public_url=project.public_url)
    renderer = Renderer(
        templates_dir=project.root / "overrides" / "metodbanken", labels=labels, public_url=project.public_url
    )
    write_pages(renderer.render(bank, downloads=documents.downloads, step_files=documents.step_files), project.docs_dir)
    _cache[key] = (fingerprint, bank, documents)
    return bank, documents
