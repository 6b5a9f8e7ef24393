"""A Markdown extension: each editor's text on a page keeps its own link references, as when it is rendered alone.

Python-Markdown keeps one table of reference definitions (`[m]: https://…`) per document, and the build renders many
editors' texts into one page (every glossary definition on /begrepp/, every step introduction in the whole guide).
Without this, a definition in one text would turn `[see][m]` in another into a link, or change where another text's own
`[m]` points, while `check` (and the form editor's preview), which render each text alone, show something else. With it,
a reference is looked up only in the text it is written in (the region between an editor's text's markers, see
markup.wrap), and the template's own Markdown only in the template's: the build shows what `check` checked.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.blockprocessors import ReferenceProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

REGION = "data-mb-md"  # the attribute markup.wrap gives the element around an editor's text


class _ScopedReferenceProcessor(ReferenceProcessor):
    """Records each definition with the element it was found in, instead of in the document's one table."""

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        before = dict(self.parser.md.references)
        self.parser.md.references.clear()
        found = super().run(parent, blocks)
        for label, target in self.parser.md.references.items():
            self.parser.md.mb_definitions.append((parent, label, target))
        self.parser.md.references.clear()
        self.parser.md.references.update(before)
        return found


class _ScopedInline(Treeprocessor):
    """Runs the inline patterns over each editor's text with its own definitions (innermost first), then over the rest
    with the template's; a text already done is marked atomic so that it is never processed twice."""

    def run(self, root: etree.Element) -> None:
        definitions = getattr(self.md, "mb_definitions", [])
        if not definitions and not any(True for _ in _regions(root)):
            return
        parents = {child: parent for parent in root.iter() for child in parent}
        scoped: dict[int, dict] = {}
        for element, label, target in definitions:
            scoped.setdefault(id(_region_of(element, parents)), {})[label] = target
        inline = self.md.treeprocessors["inline"]
        for region in reversed(list(_regions(root))):  # pre-order reversed: inner regions before the ones around them
            self.md.references.clear()
            self.md.references.update(scoped.get(id(region), {}))
            tail, region.tail = region.tail, None
            holder = etree.Element("div")
            holder.append(region)  # ElementTree keeps no parent pointer: region stays where it is in the page too
            inline.run(holder, ancestors=_ancestor_tags(region, parents))
            region.tail = tail
            _mark_done(region)
        self.md.references.clear()
        self.md.references.update(scoped.get(id(None), {}))  # the rest of the page: the template's definitions only
        self.md.mb_definitions = []


def _regions(root: etree.Element):
    return (element for element in root.iter() if element.get(REGION) is not None)


def _region_of(element: etree.Element, parents: dict) -> etree.Element | None:
    while element is not None and element.get(REGION) is None:
        element = parents.get(element)
    return element


def _ancestor_tags(element: etree.Element, parents: dict) -> list[str]:
    tags = []
    while (element := parents.get(element)) is not None:
        tags.append(element.tag.lower())
    return list(reversed(tags))[1:]  # without the document's own root element


def _mark_done(region: etree.Element) -> None:
    for element in region.iter():
        if element.text and not isinstance(element.text, AtomicString):
            element.text = AtomicString(element.text)
        if element is not region and element.tail and not isinstance(element.tail, AtomicString):
            element.tail = AtomicString(element.tail)


class TextScopeExtension(Extension):
    md = None

    def extendMarkdown(self, md) -> None:
        self.md = md
        md.mb_definitions = []
        md.registerExtension(self)
        md.parser.blockprocessors.register(_ScopedReferenceProcessor(md.parser), "reference", 15)
        md.treeprocessors.register(_ScopedInline(md), "mb_text_scope", 20.5)  # just before 'inline' (20)

    def reset(self) -> None:
        if self.md is not None:
            self.md.mb_definitions = []


def makeExtension(**kwargs) -> TextScopeExtension:  # noqa: N802 - the name Python-Markdown looks for
    return TextScopeExtension(**kwargs)
