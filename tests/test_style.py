"""The code keeps one style: ruff's formatter and its small rule set (pyproject.toml [tool.ruff]) find nothing."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_no_problem():
    result = _ruff("check", "--no-cache", ".")
    assert result.returncode == 0, f"fix with `.venv/bin/ruff check --fix .`:\n{result.stdout}{result.stderr}"


def test_the_code_is_formatted():
    result = _ruff("format", "--check", "--no-cache", ".")
    assert result.returncode == 0, f"run `.venv/bin/ruff format .`:\n{result.stdout}{result.stderr}"
