"""The build's check of editors' texts, in the pages it renders: the same allowlist as `check`, without rendering twice.

Templates put each Markdown text between markers (markup.wrap). After Markdown has rendered a page, check_page_content()
finds the texts by their markers, holds them against the allowlist (allowlist.check_regions), reports each refusal
as a ContentError at the file and line it came from, and removes the markers.
"""

from __future__ import annotations

from pathlib import Path

from metodbanken.safety.allowlist import Violation, check_regions, strip_markers
from metodbanken.safety.markup import NONCE, PAGE_ORIGIN, UNSAFE, line_of
from metodbanken.words.errors import ContentError
from metodbanken.words.messages import phrase


class PageContentCheck:
    """Collects the problems of every page of one build; report them all before any page is written."""

    def __init__(self, root: Path, *, nonce: str = NONCE):
        self.root = Path(root)
        self.nonce = nonce
        self.problems: list[ContentError] = []
        self._texts: dict[str, str] = {}

    def page(self, html: str, *, page_path: str) -> str:
        """Check one page's rendered content (page_path like 'metoder/alfa/'); returns it without the markers."""
        if self.nonce not in html:
            return html
        for ref, violation in check_regions(html, nonce=self.nonce, base_url=PAGE_ORIGIN + page_path):
            error = self._error(ref, violation, page_path)
            if error not in self.problems:
                self.problems.append(error)
        return strip_markers(html, nonce=self.nonce)

    def _error(self, ref: str, violation: Violation, page_path: str) -> ContentError:
        file, _, rest = ref.partition(":")
        first, _, field = rest.partition(":")
        found = phrase("markdown.html", html=violation.found())
        if not file or not first.isdigit():  # no file to name: the page's address
            return ContentError(f"(/{page_path})", 1, "text", UNSAFE, {"found": found, "hint": violation.hint})
        first_line = int(first)
        lines = self._source(file).split("\n")[first_line - 1 :]
        return ContentError(
            file,
            first_line + line_of(violation, "\n".join(lines)) - 1,
            field or "text",
            UNSAFE,
            {"found": found, "hint": violation.hint},
        )

    def _source(self, file: str) -> str:
        if file not in self._texts:
            path = self.root / file
            self._texts[file] = path.read_text(encoding="utf-8") if path.is_file() and not path.is_symlink() else ""
        return self._texts[file]
