"""Where the public address comes from: a preview build without one never points at the build machine (no 127.0.0.1
or localhost anywhere in the built site, inside DOCX, PPTX and PDF files too, and no printed address or QR code), and
a build for publishing (MB_PUBLISH=1, as the publishing workflow runs it) stops with a Swedish message when the address
is missing or local, or when the form editor would write to the placeholder repository."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from htmlkit import parse
from sitekit import REPO, assemble

from metodbanken.build import check_publishing, is_local_address, public_address
from metodbanken.words.errors import Stop

CONTENT = ("methods", "cases", "materials", "checklists", "glossary.yml", "synonyms.yml", "sources.yml")
LOCAL = (b"127.0.0.1", b"localhost")


def _real_bank(target: Path) -> Path:
    staging = target.parent / f"{target.name}-content"
    staging.mkdir(parents=True, exist_ok=True)
    for name in CONTENT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, staging / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy(source, staging / name)
    return assemble(target, content=staging)


def _build(root: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "MB_PUBLISH", "GITHUB_REPOSITORY")}
    environment.update(NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=root,
        capture_output=True,
        text=True,
        env=environment,
    )


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory) -> Path:
    """The real bank built as a preview: no SITE_URL, no MB_PUBLISH."""
    root = _real_bank(tmp_path_factory.mktemp("preview") / "project")
    result = _build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def _texts(path: Path):
    """What a file says, as bytes: the file itself, every entry of an office file, the text of a PDF."""
    data = path.read_bytes()
    yield data
    if path.suffix in (".docx", ".pptx", ".xlsx"):
        archive = zipfile.ZipFile(io.BytesIO(data))
        for name in archive.namelist():
            yield archive.read(name)
    elif path.suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        yield "\n".join(page.extract_text() for page in reader.pages).encode("utf-8")
        yield str(reader.metadata).encode("utf-8")


# Others' program code, shipped as it is: it tests for "localhost" in a visitor's address (the form editor's bundle,
# Material's scripts); it is no address of this site.
VENDOR_CODE = ("admin/cms/", "assets/javascripts/")


def test_a_preview_build_never_points_at_the_build_machine(preview_site):
    files = [
        p
        for p in preview_site.rglob("*")
        if p.is_file()
        and not (p.relative_to(preview_site).as_posix().startswith(VENDOR_CODE) and p.suffix in (".js", ".map"))
    ]
    kinds = {p.suffix for p in files}
    assert {".html", ".xml", ".json", ".csv", ".pdf", ".docx", ".pptx"} <= kinds  # pages, sitemap, open data, files
    found = sorted(
        f"{p.relative_to(preview_site)}: {word.decode()}"
        for p in files
        for text in _texts(p)
        for word in LOCAL
        if word in text.lower()
    )
    assert found == []


@pytest.mark.parametrize("page", ["steg/2-beskriv-vald-som-problem", "en/steg/2-beskriv-vald-som-problem", "exempel"])
def test_a_preview_build_prints_no_address_and_no_qr_code(preview_site, page):
    folder = preview_site / page
    pages = [folder / "index.html"] if page != "exempel" else sorted(folder.glob("*/index.html"))
    assert pages and all(p.is_file() for p in pages)
    for path in pages:
        doc = parse(path)
        assert doc.find_all(class_="mb-print-url") == [] and doc.find_all(class_="mb-qr") == [], path
    guide = parse(preview_site / "steg" / "hela-guiden" / "index.html")
    assert guide.find_all(class_="mb-print-url") == []


def test_a_preview_builds_checklists_carry_no_address_and_no_qr_code(preview_site):
    from pypdf import PdfReader

    pdf = PdfReader(preview_site / "material" / "checklista-steg-1" / "checklista-steg-1.pdf")
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Sidans adress" not in text and "https://" not in text
    assert "/Figure" not in str(pdf.trailer["/Root"]["/StructTreeRoot"].get_object())  # the QR code is the only image


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({}, "saknar webbplatsens offentliga adress"),
        ({"SITE_URL": "http://127.0.0.1:8000/"}, "har en lokal adress"),
        ({"SITE_URL": "http://localhost:8000/"}, "har en lokal adress"),
        ({"SITE_URL": "https://metodbanken.example/"}, "platshållare som arkiv"),
    ],
)
def test_a_build_for_publishing_stops_without_a_public_address_or_with_the_placeholder_repository(tmp_path, env, words):
    root = assemble(tmp_path / "project")
    result = _build(root, MB_PUBLISH="1", **env)
    assert result.returncode != 0
    assert words in result.stdout + result.stderr, result.stdout + result.stderr
    assert "förväntade" in result.stdout + result.stderr and "Tips:" in result.stdout + result.stderr
    assert not (root / "site" / "index.html").exists()  # nothing to publish


def test_a_build_for_publishing_with_its_address_and_repository_builds(tmp_path):
    root = assemble(tmp_path / "project")
    cms = subprocess.run(
        [sys.executable, "-m", "metodbanken", "cms", "--repository", "kommun/metodbanken"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert cms.returncode == 0, cms.stderr
    assert "repo: kommun/metodbanken" in (root / "docs" / "admin" / "config.yml").read_text(encoding="utf-8")
    result = _build(root, MB_PUBLISH="1", SITE_URL="https://kommun.github.io/metodbanken/")
    assert result.returncode == 0, result.stdout + result.stderr
    doc = parse(root / "site" / "steg" / "2-beskriv-vald-som-problem" / "index.html")
    assert doc.find_all(class_="mb-print-url")[0].text() == "https://kommun.github.io/metodbanken/steg/2/"


def test_what_counts_as_a_local_address():
    for url in (
        "http://127.0.0.1:8000/",
        "http://localhost/",
        "http://LOCALHOST.:80/",
        "http://[::1]/",
        "http://a.localhost/",
    ):
        assert is_local_address(url), url
    for url in ("https://kommun.github.io/metodbanken/", "https://metodbanken.se/"):
        assert not is_local_address(url), url
    assert public_address("http://127.0.0.1:8000/") == "" and public_address(None) == ""
    assert public_address("http://127.0.0.1:8000/", serving=True) == "http://127.0.0.1:8000/"  # mkdocs serve only
    with pytest.raises(Stop, match="https-adress"):
        check_publishing(REPO, "")
    with pytest.raises(Stop, match="http://metodbanken.se/"):
        check_publishing(REPO, "http://metodbanken.se/")  # not https
