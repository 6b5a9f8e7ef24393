"""Write generated pages into docs/ only when they changed, remove stale ones, and copy material files."""

from __future__ import annotations

import shutil
from pathlib import Path

from metodbanken.content.model import Bank
from metodbanken.content.places import SECTIONS


def write_pages(pages: dict[str, str], docs_dir: Path) -> list[str]:
    """Write each page whose content differs; delete generated files no longer produced. Returns changed paths."""
    docs_dir = Path(docs_dir)
    changed = []
    for relative, content in pages.items():
        target = docs_dir / relative
        if target.exists() and target.read_text(encoding="utf-8") == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        changed.append(relative)
    wanted = {docs_dir / p for p in pages}
    for section in SECTIONS.values():
        folder = docs_dir / section
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
                changed.append(path.relative_to(docs_dir).as_posix())
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed


def copy_material_files(bank: Bank, site_dir: Path) -> int:
    """Copy every material's files next to its page in one language's built site. Returns the count copied."""
    count = 0
    for material in bank.materials:
        source_dir = Path(bank.material_dirs[material.id])
        target_dir = Path(site_dir) / SECTIONS["material"] / material.id
        target_dir.mkdir(parents=True, exist_ok=True)
        for f in material.files:
            shutil.copyfile(source_dir / f.file, target_dir / f.file)
            count += 1
    return count


def clear_site(site_dir: Path) -> None:
    """Empty a failed build's output folder (as MkDocs does before a build), so no half-built site can be published."""
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        return
    for path in site_dir.iterdir():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
