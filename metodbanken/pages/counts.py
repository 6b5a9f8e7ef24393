"""Check a built language tree: every item has its page and its index entry, and nothing extra or missing."""

from __future__ import annotations

import re
from pathlib import Path

from metodbanken.content import places
from metodbanken.content.model import Bank
from metodbanken.content.places import SECTIONS
from metodbanken.words.messages import Phrase, phrase, plural

_ENTRY = re.compile(r'data-mb-entry="(\w+):([a-z0-9-]+)"')
_ITEM = re.compile(r'data-mb-item="(\w+):([a-z0-9-]+)"')


def verify_built_site(bank: Bank, site_dir: Path, *, language: str) -> list[Phrase]:
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
            counted = phrase(
                "verify.index_count",
                language=language,
                section=section,
                listed=_count(kind, len(listed)),
                wanted=_count(kind, len(wanted)),
            )
            problems.append(phrase("verify.index_missing", counted=counted, missing=missing) if missing else counted)
        for item in items:
            page = site_dir / section / item.id / "index.html"
            if not page.exists() or (kind, item.id) not in _ITEM.findall(page.read_text(encoding="utf-8")):
                problems.append(
                    phrase(
                        "verify.no_page",
                        language=language,
                        item=phrase(places.item_type(kind).item_phrase, id=item.id),
                        section=section,
                        id=item.id,
                    )
                )
        pages = [p for p in (site_dir / section).glob("*/index.html")] if (site_dir / section).is_dir() else []
        if len(pages) != len(items):
            problems.append(
                phrase(
                    "verify.page_count",
                    language=language,
                    section=section,
                    pages=len(pages),
                    wanted=_count(kind, len(items)),
                )
            )
    return problems


def _count(kind: str, count: int) -> Phrase:
    one, other = places.item_type(kind).count_phrases
    return plural(count, one=one, other=other)
