"""Build the Pagefind search index over a built site: one index per <html lang>, loaded only when someone searches."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from metodbanken.content.places import SECTIONS
from metodbanken.words.errors import Stop


def build_search_index(site_dir: Path, *, meanwhile=None) -> str:
    """Run Pagefind (the pagefind[extended] package's binary) on site_dir; returns its summary output.

    meanwhile: work to do in this process while Pagefind reads the site in its own (the last net over the pages);
    it may rewrite pages only atomically and only outside what Pagefind indexes. If it raises, Pagefind is stopped."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        if meanwhile is not None:
            meanwhile()
    except BaseException:
        process.kill()
        process.communicate()
        raise
    stdout, stderr = process.communicate()
    if process.returncode != 0 or not (Path(site_dir) / "pagefind" / "pagefind.js").exists():
        raise Stop(
            f"Pagefind failed on {site_dir}:\n{stdout}\n{stderr}\n"
            "Hint: install the pinned requirements (pagefind[extended])."
        )
    return stdout


def write_synonyms(synonyms: dict[str, list[str]], output_dir: Path) -> Path:
    """The search's synonyms for one language ({word: [the bank's words]}), beside its search page:
    sok/synonymer.json."""
    target = Path(output_dir) / SECTIONS["search"] / "synonymer.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(synonyms, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return target
