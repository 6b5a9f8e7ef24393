"""Shared fixtures: a copy of the fixture bank, and a site built from it once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitekit import FIXTURES, REPO, assemble, build


@pytest.fixture
def bank_root(tmp_path: Path) -> Path:
    """A writable copy of the fixture bank with the real vocabularies."""
    root = tmp_path / "bank"
    shutil.copytree(FIXTURES / "bank", root)
    shutil.copy(REPO / "vocabularies.yml", root / "vocabularies.yml")
    return root


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture bank built with `mkdocs build --strict`; returns the project folder (site/ inside)."""
    root = assemble(tmp_path_factory.mktemp("fixture-site"))
    result = build(root)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return root
