"""Render the bank into Markdown pages per language with the Jinja templates under overrides/metodbanken/."""

from __future__ import annotations

from pathlib import Path

import jinja2
import yaml

from .model import Bank, Localized
from .qr import qr_svg
from .schema import LANGUAGES

# Folders under docs/ whose pages the engine generates (git-ignored; rewritten on every build).
SECTIONS = {"step": "steg", "method": "metoder", "case": "exempel", "material": "material", "glossary": "begrepp",
            "search": "sok"}


def load_labels(labels_dir: Path) -> dict[str, dict[str, str]]:
    return {lang: yaml.safe_load((Path(labels_dir) / f"{lang}.yml").read_text(encoding="utf-8")) for lang in LANGUAGES}


def page_path(section: str, name: str, language: str) -> str:
    """docs-relative source path: metoder/karngrupp.md, or metoder/karngrupp.en.md for English; the start page
    (section "start") is docs/index.md."""
    suffix = "" if language == LANGUAGES[0] else f".{language}"
    folder = "" if section == "start" else f"{SECTIONS[section]}/"
    return f"{folder}{name}{suffix}.md"


class Renderer:
    """Turns a Bank into {docs-relative path: Markdown} for every page and language."""

    def __init__(self, *, templates_dir: Path, labels: dict[str, dict[str, str]], public_url: str = ""):
        self.labels = labels
        self.public_url = public_url.rstrip("/") + "/" if public_url else ""
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
            auto_reload=False,  # a Renderer lives for one build; checking template files per page costs more than rendering
        )

    def render(self, bank: Bank) -> dict[str, str]:
        pages: dict[str, str] = {}
        for language in LANGUAGES:
            pages.update(self.render_language(bank, language))
        return pages

    def render_language(self, bank: Bank, language: str) -> dict[str, str]:
        env_globals = self._globals(bank, language)

        def page(template: str, section: str, name: str, **context) -> tuple[str, str]:
            content = self.env.get_template(template).render(**env_globals, **context)
            return page_path(section, name, language), content

        pages = dict([
            page("steps.md.j2", "step", "index"),
            page("methods_index.md.j2", "method", "index"),
            page("cases_index.md.j2", "case", "index"),
            page("materials_index.md.j2", "material", "index"),
            page("glossary.md.j2", "glossary", "index"),
            page("guide.md.j2", "step", "hela-guiden"),
            page("search.md.j2", "search", "index"),
            page("start.md.j2", "start", "index"),
        ])
        for i, step in enumerate(bank.steps):
            previous = bank.steps[i - 1] if i > 0 else None
            following = bank.steps[i + 1] if i + 1 < len(bank.steps) else None
            pages.update([page("step.md.j2", "step", step.page_id, step=step, previous=previous, following=following)])
        for method in bank.methods:
            pages.update([page("method.md.j2", "method", method.id, item=method)])
        for case in bank.cases:
            pages.update([page("case.md.j2", "case", case.id, item=case)])
        for material in bank.materials:
            pages.update([page("material.md.j2", "material", material.id, item=material)])
        return pages

    def _globals(self, bank: Bank, language: str) -> dict:
        labels = self.labels[language]

        def text(value: Localized | None) -> str:
            return "" if value is None else value.get(language)

        def fallback(value: Localized | None) -> bool:
            return value is not None and value.is_fallback(language)

        def vocab(name: str, value: str) -> str:
            return bank.vocabularies[name].label_of(value, language)

        def vocab_label(name: str) -> str:
            return bank.vocabularies[name].label.get(language)

        def t(key: str, **values) -> str:
            return labels[key].format(**values) if values else labels[key]

        def link(section: str, name: str) -> str:
            """A link from any generated page to another (all sit one folder below docs/)."""
            return f"../{SECTIONS[section]}/{name}.md"

        def page_url(section: str, name: str) -> str:
            """The address of a generated item page from another page two folders deep (for raw HTML, which
            MkDocs does not rewrite): ../../metoder/karngrupp/."""
            return f"../../{SECTIONS[section]}/{name}/"

        def absolute(path: str) -> str:
            """The public address of a site path in this language (printed and put in QR codes)."""
            prefix = "" if language == LANGUAGES[0] else f"{language}/"
            return f"{self.public_url}{prefix}{path}"

        def size(n: int) -> str:
            if n < 1024:
                return f"{n} B"
            kb = n / 1024
            text_ = f"{kb:.0f} kB" if kb >= 10 else f"{kb:.1f} kB"
            return text_.replace(".", ",") if language == "sv" else text_

        return {"lang": language, "bank": bank, "t": t, "text": text, "fallback": fallback, "vocab": vocab,
                "vocab_label": vocab_label, "link": link, "page_url": page_url, "absolute": absolute, "qr": qr_svg,
                "kind_of": lambda item: type(item).__name__.lower(),
                "section_of": lambda kind: SECTIONS[kind], "methods_by_id": lambda ids: [bank.method(i) for i in ids], "size": size}

