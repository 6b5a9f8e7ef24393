"""QR codes for printouts, made at build time (no external service): an inline SVG that points to a page."""

from __future__ import annotations

import segno


def qr_svg(url: str) -> str:
    """An inline SVG QR code of url; decorative (aria-hidden): the URL itself is printed beside it."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=3, border=2, dark="#000", light="#fff", svgclass="mb-qr", omitsize=False)
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
