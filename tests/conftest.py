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


# -- the fast tests alone: `pytest -m "not build"` -----------------------------------------------------------------
# A test is a "build" test when it drives a browser, runs a real build or a command in a subprocess, or uses a fixture
# that does (those end in _site). Marked here from what the test does, so no test file has to remember it.
import inspect  # noqa: E402
import re  # noqa: E402

_BUILDS = re.compile(r"\bbuild\(|subprocess|build_or_fail|_cli\(|\bserve\(|mkdocs\b")


def pytest_collection_modifyitems(config, items):
    for item in items:
        function = getattr(item, "function", None)
        try:
            source = inspect.getsource(function) if function is not None else ""
        except (OSError, TypeError):
            source = ""
        uses_site = any(
            name.endswith("_site") or name in ("page", "browser", "server")
            for name in getattr(item, "fixturenames", ())
        )
        if "browser" in Path(str(item.fspath)).parts or uses_site or _BUILDS.search(source):
            item.add_marker(pytest.mark.build)
