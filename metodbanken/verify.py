"""Check a built language tree: every item has its page and its index entry, and nothing extra or missing."""

from __future__ import annotations

import re
from pathlib import Path

from .model import Bank
from .render import SECTIONS

_ENTRY = re.compile(r'data-mb-entry="(\w+):([a-z0-9-]+)"')
_ITEM = re.compile(r'data-mb-item="(\w+):([a-z0-9-]+)"')


def verify_built_site(bank: Bank, site_dir: Path, *, language: str) -> list[str]:
    """Problems found in one language's output (empty when the counts match the sources)."""
    site_dir = Path(site_dir)
    problems = []
    expected = {"method": bank.methods, "case": bank.cases, "material": bank.materials}
    for kind, items in expected.items():
        section = SECTIONS[kind]
        index = site_dir / section / "index.html"
        entries = _ENTRY.findall(index.read_text(encoding="utf-8")) if index.exists() else []
        listed = sorted(i for k, i in entries if k == kind)
        wanted = sorted(i.id for i in items)
        if listed != wanted:
            missing = sorted(set(wanted) - set(listed))
            problems.append(f"[{language}] {section}/index.html lists {len(listed)} {kind}s, the sources hold {len(wanted)}"
                            + (f"; missing: {', '.join(missing)}" if missing else ""))
        for item in items:
            page = site_dir / section / item.id / "index.html"
            if not page.exists() or (kind, item.id) not in _ITEM.findall(page.read_text(encoding="utf-8")):
                problems.append(f"[{language}] no page for {kind} '{item.id}' at {section}/{item.id}/")
        pages = [p for p in (site_dir / section).glob("*/index.html")] if (site_dir / section).is_dir() else []
        if len(pages) != len(items):
            problems.append(f"[{language}] {section}/ holds {len(pages)} item pages, the sources hold {len(items)} {kind}s")
    return problems
