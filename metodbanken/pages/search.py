"""Build the Pagefind search index over a built site: one index per <html lang>, loaded only when someone searches."""

from __future__ import annotations

import json
import re
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


# -- the spelling suggestions' word list ------------------------------------------------------------------------

# A word: letters only (no digits, no underscores); Markdown's and HTML's own syntax is removed before words are taken.
_WORD = re.compile(r"[^\W\d_]{3,}")
_MARKUP = re.compile(
    r"\]\([^)]*\)"  # a link's target: [text](target)
    r"|^\s*\[[^\]]+\]:\s*\S+.*$"  # a link reference definition
    r"|<[^>]*>"  # an HTML tag
    r"|\{[^}]*\}"  # an attribute list
    r"|(?:https?|mailto):\S+"  # a bare address
    r"|&[#\w]+;",  # an entity
    re.MULTILINE,
)
MAX_WORD_LENGTH = 40  # longer "words" are not something a reader types
MIN_BODY_COUNT = 2  # a word of the running text is suggested only when the bank uses it at least this often


def words_of(text: str) -> list[str]:
    """The words of a text (Markdown or plain), in lower case, without Markdown's or HTML's syntax."""
    return [w for w in _WORD.findall(_MARKUP.sub(" ", text or "").lower()) if len(w) <= MAX_WORD_LENGTH]


def spelling_words(bank, language: str) -> dict[str, int]:
    """The bank's own words in one language, {word: how often the bank uses it}, for "Did you mean …?": every word of
    the titles, glossary terms, vocabulary labels and synonyms, and the running text's words used at least
    MIN_BODY_COUNT times. Texts shown in Swedish on an English page (not translated) count for Swedish only."""

    def own(value) -> str:
        return "" if value is None or value.is_fallback(language) else value.get(language)

    named: list[str] = []  # titles, terms, labels, synonyms: always offered
    running: list[str] = []
    items = (*bank.methods, *bank.cases, *bank.materials)
    for item in items:
        named.append(own(item.title))
        running.extend((own(item.summary), own(item.body)))
    for step in bank.steps:
        named.append(own(step.title))
        running.append(own(step.intro))
        running.extend(own(q.text) for q in step.questions)
    for term in bank.terms:
        named.append(own(term.term))
        running.append(own(term.definition))
    for vocabulary in bank.vocabularies.values():
        named.append(own(vocabulary.label))
        named.extend(own(v.label) for v in vocabulary.values)
    for synonym in bank.synonyms:
        if synonym.language == language:
            named.extend((synonym.word, *synonym.finds))
    counts: dict[str, int] = {}
    for text in (*named, *running):
        for word in words_of(text):
            counts[word] = counts.get(word, 0) + 1
    always = {w for text in named for w in words_of(text)}
    return {w: n for w, n in sorted(counts.items()) if w in always or n >= MIN_BODY_COUNT}


def write_spelling_words(words: dict[str, int], output_dir: Path) -> Path:
    """The word list of one language beside its search page (sok/ord.json), fetched only when a suggestion is needed."""
    target = Path(output_dir) / "sok" / "ord.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(words, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return target
