"""Safety: what may reach a reader. The HTML allowlist, editors' Markdown rendered and held against it, each rendered
page's editor regions, and editors' uploaded office files and PDFs checked by what they hold. Knows HTML, not the
bank."""
