"""The content command: `python -m metodbanken check|new|status|schemas|contributing|cms|checklists|urls|redirects`."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from metodbanken.content.load import load_bank
from metodbanken.content.schema import DEFAULT_LANGUAGE, LANGUAGES
from metodbanken.words.errors import ContentErrors
from metodbanken.words.messages import Text, phrase


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = args.root
    commands = {
        "check": lambda: _check(root, args.format, args.lang),
        "new": lambda: _new(root, args.kind, args.id),
        "status": lambda: _status(root, args),
        "schemas": lambda: _schemas(root),
        "contributing": lambda: _contributing(root),
        "cms": lambda: _cms(root),
        "checklists": lambda: _checklists(root),
        "urls": lambda: _urls(root, args.site, only_check=args.check),
        "redirects": lambda: _redirects(root, args.site),
    }
    return commands[args.command]()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m metodbanken", description="Metodbanken's content tools.")
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="the bank's folder (where mkdocs.yml is); default: here"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = _add_check(commands)
    new = commands.add_parser("new", help="create the Swedish and English files of a new method, case or material")
    new.add_argument("kind", choices=("method", "case", "material"))
    new.add_argument("id", help="the new id: lower-case ASCII letters, digits and hyphens (å, ä → a; ö → o)")
    status = _add_status(commands)
    commands.add_parser(
        "schemas", help="regenerate the JSON Schema files in schemas/ from metodbanken/content/schema.py"
    )
    commands.add_parser("contributing", help="regenerate the field tables in CONTRIBUTING.md and CONTRIBUTING.en.md")
    commands.add_parser(
        "cms",
        help="regenerate the form editor's configuration docs/admin/config.yml from metodbanken/content/schema.py",
    )
    commands.add_parser(
        "checklists",
        help="regenerate the checklist materials' Markdown files (materials/<id>/*.md) from checklists/*.yml",
    )
    urls = commands.add_parser("urls", help="add a built site's addresses to published-urls.txt (never drops one)")
    urls.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    urls.add_argument(
        "--check", action="store_true", help="only check: exit 1 if a listed address vanished without a redirect"
    )
    redirects = commands.add_parser("redirects", help="write the redirect pages of redirects.yml into a built site")
    redirects.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    for sub in (check, new, status, urls, redirects):  # --root also after the command, where people type it
        sub.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def _add_language(command) -> None:
    command.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help="the language of the messages: sv (Swedish, the default) or en (English)",
    )


def _add_check(commands):
    check = commands.add_parser("check", help="validate every content file and print every problem")
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="'github' prints GitHub Actions annotations so problems show on the pull request's lines",
    )
    _add_language(check)
    return check


def _add_status(commands):
    status = commands.add_parser("status", help="list what lacks English, is past its review date or has no source")
    status.add_argument(
        "--format", choices=("text", "markdown"), default="text", help="'markdown' for a pull-request comment"
    )
    status.add_argument(
        "--max-age-days",
        type=int,
        default=None,
        help="content reviewed longer ago than this is overdue (default: 730, two years)",
    )
    status.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    status.add_argument("--strict", action="store_true", help="exit 1 when anything is listed")
    _add_language(status)
    return status


def _check(root: Path, output_format: str, language: str) -> int:
    from metodbanken.editors.status import bank_counts

    started = time.perf_counter()
    try:
        bank = load_bank(root)
        if any(m.type == "checklista" for m in bank.materials):  # their Markdown files are made from the checklists
            from metodbanken.documents.materials import check_checklist_markdown
            from metodbanken.pages.render import load_labels

            check_checklist_markdown(bank, load_labels(root / "labels"))
    except ContentErrors as exc:
        if output_format == "github":
            for error in exc.errors:
                print(error.as_github_annotation(language))
        print(exc.report(language), file=sys.stderr if output_format == "github" else sys.stdout)
        return 1
    seconds = f"{time.perf_counter() - started:.2f}"
    print(
        phrase("check.ok", counts=bank_counts(bank), seconds=Text(seconds.replace(".", ","), seconds)).render(language)
    )
    return 0


def _new(root: Path, kind: str, item_id: str) -> int:
    from metodbanken.editors.scaffold import new_item
    from metodbanken.words.errors import Stop

    try:
        created = new_item(root, kind, item_id)
    except Stop as exc:
        print(phrase("new.refused", error=exc.lines[0]).render(), file=sys.stderr)
        return 1
    for path in created.paths:
        print(phrase("new.created", path=path.relative_to(root).as_posix() + ("/" if path.is_dir() else "")).render())
    print(phrase("new.next").render())
    return 0


def _status(root: Path, args: argparse.Namespace) -> int:
    from metodbanken.editors.status import DEFAULT_MAX_AGE_DAYS, as_markdown, as_text, bank_status

    try:
        bank = load_bank(root)
    except ContentErrors as exc:
        print(exc.report(args.lang))
        print(phrase("status.fix_first").render(args.lang))
        return 1
    result = bank_status(bank, today=args.today, max_age_days=args.max_age_days or DEFAULT_MAX_AGE_DAYS)
    sys.stdout.write(as_markdown(result, args.lang) if args.format == "markdown" else as_text(result, args.lang))
    return 1 if args.strict and not result.clean else 0


def _schemas(root: Path) -> int:
    from metodbanken.editors.jsonschema import SCHEMA_DIR, write_schemas

    changed = write_schemas(root)
    print(f"{SCHEMA_DIR}/: " + (f"updated {', '.join(changed)}" if changed else "already up to date"))
    return 0


def _contributing(root: Path) -> int:
    from metodbanken.editors.contributing import write_files

    changed = write_files(root)
    print("updated " + ", ".join(changed) if changed else "CONTRIBUTING files already up to date")
    return 0


def _cms(root: Path) -> int:
    from metodbanken.editors.cmsconfig import CONFIG_FILE, write_config

    print(f"{CONFIG_FILE}: " + ("updated" if write_config(root) else "already up to date"))
    return 0


def _checklists(root: Path) -> int:
    from metodbanken.documents.materials import write_checklist_markdown

    try:
        written = write_checklist_markdown(root)
    except ContentErrors as exc:
        print(exc.report())
        print("Fix these first (python -m metodbanken check); the checklists are made from content that loads.")
        return 1
    print(
        "updated " + ", ".join(written) if written else "the checklist materials' Markdown files are already up to date"
    )
    return 0


def _urls(root: Path, site: Path, *, only_check: bool) -> int:
    from metodbanken.pages.addresses import (
        URL_LIST,
        bad_redirects,
        built_urls,
        read_redirects,
        read_url_list,
        updated_url_list,
        write_url_list,
    )

    site = site if site.is_absolute() else root / site
    if not (site / "index.html").exists():
        print(phrase("urls.no_site", site=site).render(), file=sys.stderr)
        return 1
    urls, problems = updated_url_list(root, site)
    problems += bad_redirects(read_redirects(root), built_urls(site))
    for problem in problems:
        print(problem.render(), file=sys.stderr)
    if problems:
        return 1
    if only_check:
        added = sorted(set(urls) - set(read_url_list(root)))
        print(phrase("urls.ok", file=URL_LIST, added=len(added)).render())
        return 0
    write_url_list(root, urls)
    print(phrase("urls.written", file=URL_LIST, count=len(urls)).render())
    return 0


def _redirects(root: Path, site: Path) -> int:
    import os

    from metodbanken.content.schema import DEFAULT_LANGUAGE, LANGUAGES
    from metodbanken.pages.addresses import write_redirects
    from metodbanken.pages.seal import policy

    site = site if site.is_absolute() else root / site
    csp = policy(
        public_url=os.environ.get("SITE_URL", "")
    )  # the build's own policy (the publishing workflow sets SITE_URL)
    count = sum(
        write_redirects(root, site if lang == DEFAULT_LANGUAGE else site / lang, language=lang, csp=csp)
        for lang in LANGUAGES
    )
    print(f"wrote {count} redirect pages")
    return 0
