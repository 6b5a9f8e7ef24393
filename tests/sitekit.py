"""Assemble a buildable copy of the site in a temporary folder: the real engine with fixture content."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ENGINE = ("mkdocs.yml", "hooks", "overrides", "labels", "vocabularies.yml", "docs")
GENERATED = ("steg", "metoder", "exempel", "material", "begrepp", "sok", "jamfor")

# Builds and commands run in other folders (a copy in tmp): make them import this checkout's metodbanken/, not the one an
# editable install points at, which is another checkout's when this one is a git worktree.
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)


def assemble(target: Path, *, content: Path | None = None) -> Path:
    """Copy the engine and the content (default: the fixture bank) into target; returns target."""
    content = content or FIXTURES / "bank"
    target.mkdir(parents=True, exist_ok=True)
    for name in ENGINE:
        source = REPO / name
        if source.is_dir():
            ignore = shutil.ignore_patterns(*GENERATED) if name == "docs" else shutil.ignore_patterns("__pycache__")
            shutil.copytree(
                source,
                target / name,
                ignore=_top_level_only(source, ignore) if name == "docs" else ignore,
                dirs_exist_ok=True,
            )
        else:
            shutil.copy(source, target / name)
    shutil.copytree(content, target, dirs_exist_ok=True)
    return target


def _top_level_only(root: Path, ignore):
    def inner(directory, names):
        return ignore(directory, names) if Path(directory) == root else set()

    return inner


def build(site_root: Path, *, strict: bool = True) -> subprocess.CompletedProcess:
    """Run `mkdocs build` in site_root the way a developer would."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet"] + (["--strict"] if strict else [])
    return subprocess.run(
        command, cwd=site_root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )
