"""Read a content file as UTF-8 and parse its YAML, keeping the line of every field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from metodbanken.words.errors import ErrorCollector
from metodbanken.words.messages import Phrase, phrase

# libyaml's parser when PyYAML was built with it (several times faster on a large bank); the same results either way.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):
    """YAML 1.2-like scalars: only true/false are booleans, dates stay text (we check them ourselves)."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class _PlainStrictLoader(yaml.SafeLoader):
    """The same rules in pure Python, for text that could nest deeply: libyaml crashes the process (segfault) there."""


_PlainStrictLoader.yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers


def _could_nest_deeply(text: str) -> bool:
    """A cheap upper bound on nesting: every '[', '{', '-' and column of indentation could open a level."""
    indent = max((len(line) - len(line.lstrip(" ")) for line in text.splitlines()), default=0)
    return text.count("[") + text.count("{") + text.count("-") + indent > 2000


def path_text(path: tuple) -> str:
    """("sources", 0, "url") -> "sources[0].url"."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass
class Record:
    """A parsed content file: its data, the line of each field path, and its Markdown body."""

    file: str
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    written: dict[tuple, str] = field(default_factory=dict)  # values YAML read as numbers or booleans, as written
    blocks: frozenset = frozenset()  # paths of block scalars ('key: |'), whose text starts on the next line

    def block(self, path: tuple) -> bool:
        return path in self.blocks

    def raw(self, path: tuple) -> str | None:
        """The value as written in the file, for a value YAML read as a number or boolean (else None)."""
        return self.written.get(path)

    def line(self, path: tuple = ()) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


_BLOCKS = ("\0blocks",)
_NON_TEXT_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool")


def _collect_lines(node: yaml.Node, path: tuple, offset: int, lines: dict, raw: dict | None = None) -> None:
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if raw is not None and isinstance(node, yaml.ScalarNode) and node.tag in _NON_TEXT_TAGS:
        raw[path] = node.value  # as written, e.g. '0755' that YAML reads as 493
    if raw is not None and isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        raw.setdefault(_BLOCKS, set()).add(path)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[path + (key,)] = key_node.start_mark.line + 1 + offset
            _collect_lines(value_node, path + (key,), offset, lines, raw)
            lines[path + (key,)] = key_node.start_mark.line + 1 + offset
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, path + (index,), offset, lines, raw)


_MAX_DEPTH = 20


def _alias_or_deep_node(root: yaml.Node | None) -> yaml.Node | None:
    """The first node reached twice (an alias) or nested deeper than _MAX_DEPTH; None when the tree is plain."""
    seen: set[int] = set()
    stack = [(root, 0)] if root is not None else []
    while stack:
        node, depth = stack.pop()
        if id(node) in seen or depth > _MAX_DEPTH:
            return node
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack += [(child, depth + 1) for pair in node.value for child in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(child, depth + 1) for child in node.value]
    return None


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _ambiguous_keys(root: yaml.Node | None, *, file: str, errors: ErrorCollector, line_offset: int) -> bool:
    """Report keys that YAML would silently drop or merge: a repeated key (the last one wins) and '<<' merge keys."""
    found = False
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            first_line: dict[str, int] = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1 + line_offset
                if key_node.tag == _MERGE_TAG or (
                    isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<" and key_node.style is None
                ):
                    errors.add(file, line, "", "yaml.merge_key")
                    found = True
                elif isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in first_line:
                        errors.add(
                            file,
                            line,
                            key_node.value,
                            "yaml.duplicate_key",
                            key=key_node.value,
                            first=first_line[key_node.value],
                        )
                        found = True
                    else:
                        first_line[key_node.value] = line
                stack.append(value_node)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return found


def parse_yaml(
    text: str, *, file: str, errors: ErrorCollector, line_offset: int = 0
) -> tuple[object, dict, dict] | None:
    """Parse YAML text; on a syntax error, record it and return None."""
    loader = (_PlainStrictLoader if _could_nest_deeply(text) else _StrictLoader)(text)
    try:
        node = loader.get_single_node()
        unsafe = _alias_or_deep_node(node)
        if unsafe is not None:  # aliases can repeat a value exponentially or refer to themselves: a hang or a crash
            errors.add(file, unsafe.start_mark.line + 1 + line_offset, "", "yaml.alias_or_deep", max=_MAX_DEPTH)
            return None
        if _ambiguous_keys(node, file=file, errors=errors, line_offset=line_offset):
            return None
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        errors.add(file, line, "", "yaml.syntax", problem=_yaml_problem((exc.problem or "invalid YAML").strip()))
        return None
    except yaml.YAMLError as exc:
        errors.add(file, 1 + line_offset, "", "yaml.error", problem=exc)
        return None
    except RecursionError:
        errors.add(file, 1 + line_offset, "", "yaml.too_deep", max=_MAX_DEPTH)
        return None
    finally:
        loader.dispose()
    lines: dict = {}
    raw: dict = {}
    if node is not None:
        _collect_lines(node, (), line_offset, lines, raw)
    return data, lines, raw


# libyaml's most common complaints (PyYAML's parser in C), said in plain words in the catalogue; others are shown as
# PyYAML writes them.
_YAML_PROBLEMS = {
    "did not find expected ',' or ']'": "yaml.expected_list_end",
    "did not find expected ',' or '}'": "yaml.expected_mapping_end",
    "mapping values are not allowed in this context": "yaml.colon_not_allowed",
    "did not find expected key": "yaml.expected_key",
    "could not find expected ':'": "yaml.expected_colon",
    "found character that cannot start any token": "yaml.bad_character",
    "found unexpected end of stream": "yaml.unexpected_end",
    "did not find expected '-' indicator": "yaml.expected_entry",
}


def _yaml_problem(problem: str) -> Phrase | str:
    return phrase(_YAML_PROBLEMS[problem]) if problem in _YAML_PROBLEMS else problem


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # invisible, and Python-Markdown uses \x02 and \x03 itself
MAX_CONTENT_FILE_BYTES = 1024 * 1024  # a method is a few kB, the whole glossary some tens of kB


def read_text(path: Path, *, name: str, errors: ErrorCollector) -> str | None:
    """The file's text, or None after recording why it cannot be used (a link, too large, not UTF-8, or empty)."""
    if path.is_symlink():
        errors.add(name, 1, "", "file.symlink")
        return None
    size = path.stat().st_size
    if size > MAX_CONTENT_FILE_BYTES:
        errors.add(name, 1, "", "file.too_large", max=MAX_CONTENT_FILE_BYTES // 1024, size=size // 1024)
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        errors.add(name, line, "", "file.not_utf8", byte=f"{raw[exc.start]:02X}")
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    control = _CONTROL.search(text)
    if control:
        errors.add(
            name,
            text.count("\n", 0, control.start()) + 1,
            "",
            "file.control_character",
            code=f"{ord(control.group(0)):04X}",
        )
        return None
    if not text.strip():
        errors.add(name, 1, "", "file.empty")
        return None
    return text


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def read_markdown(path: Path, *, name: str, errors: ErrorCollector) -> Record | None:
    """A Markdown file with YAML front matter between '---' lines."""
    text = read_text(path, name=name, errors=errors)
    if text is None:
        return None
    match = _FRONT_MATTER.match(text)
    if not match:
        errors.add(
            name,
            1,
            "",
            "file.front_matter",
            found=phrase("front_matter.unclosed") if text.startswith("---") else phrase("front_matter.none"),
        )
        return None
    parsed = parse_yaml(match.group(1) or "", file=name, errors=errors, line_offset=1)
    if parsed is None:
        return None
    data, lines, written = parsed
    body_line = text[: match.end()].count("\n") + 1
    blocks = frozenset(written.pop(_BLOCKS, ()))
    return Record(
        file=name, data=data, lines=lines, body=text[match.end() :], body_line=body_line, written=written, blocks=blocks
    )


def read_yaml(path: Path, *, name: str, errors: ErrorCollector) -> Record | None:
    text = read_text(path, name=name, errors=errors)
    if text is None:
        return None
    parsed = parse_yaml(text, file=name, errors=errors)
    if parsed is None:
        return None
    data, lines, written = parsed
    blocks = frozenset(written.pop(_BLOCKS, ()))
    return Record(file=name, data=data, lines=lines, written=written, blocks=blocks)
