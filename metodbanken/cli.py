"""The content command: `python -m metodbanken check` validates the bank without building the site."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .errors import ContentErrors
from .load import load_bank


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m metodbanken", description="Metodbanken's content tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every content file and print every problem")
    check.add_argument("--root", type=Path, default=Path("."), help="the bank's folder (where mkdocs.yml is)")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="'github' prints GitHub Actions annotations so problems show on the pull request's lines")
    args = parser.parse_args(argv)
    return _check(args.root, args.format)


def _check(root: Path, output_format: str) -> int:
    started = time.perf_counter()
    try:
        bank = load_bank(root)
    except ContentErrors as exc:
        if output_format == "github":
            for error in exc.errors:
                print(error.as_github_annotation())
        print(exc.report(), file=sys.stderr if output_format == "github" else sys.stdout)
        return 1
    elapsed = time.perf_counter() - started
    print(f"OK: {len(bank.methods)} methods, {len(bank.cases)} cases, {len(bank.materials)} materials, "
          f"{len(bank.steps)} steps, {len(bank.terms)} terms checked in {elapsed:.2f} s.")
    return 0
