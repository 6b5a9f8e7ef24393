"""Property-based robustness: any content file gives either a bank or a ContentErrors report about that file, never a crash."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitekit import FIXTURES, REPO

from metodbanken.content.load import load_bank
from metodbanken.content.schema import METHOD
from metodbanken.content.vocabularies import load_vocabularies
from metodbanken.words.errors import ContentErrors

_BASE = Path(tempfile.mkdtemp(prefix="metodbanken-properties-")) / "bank"
shutil.copytree(FIXTURES / "bank", _BASE)
shutil.copy(REPO / "vocabularies.yml", _BASE / "vocabularies.yml")
_VALID_METHODS = len(list((_BASE / "methods").glob("*.md"))) - len(list((_BASE / "methods").glob("*.en.md")))
_VOCAB_VALUES = sorted({v for spec in load_vocabularies(REPO).values() for v in spec["values"]})

GOOD = {
    "id": "mutant",
    "title": "Mutantmetoden",
    "summary": "Kort.",
    "steps": [1, 3],
    "prevention_levels": ["universell"],
    "arenas": ["skola"],
    "gender_transformative": "ja",
    "evaluations": [
        {
            "source": "testkalla",
            "read": "summary",
            "design": "before-after",
            "evaluator": "independent",
            "population": {"sv": "Elever."},
            "outcomes": [{"measure": "violence", "result": "positive"}],
            "limits": {"sv": "Ingen jämförelsegrupp."},
        }
    ],
    "age_min": 12,
    "age_max": 15,
    "ages_source": "testkalla",
    "resources": "Tid.",
    "owner": "Någon",
    "sources": ["testkalla"],
    "related_methods": ["alfa"],
    "last_reviewed": "2026-01-15",
}
GOOD_BODY = "## Syfte\n\nAtt pröva.\n"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)

yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 3000),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(["2026-02-30", "2026-01-15", "ja", "skola", "1", "~", "", " "]),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def front_matter_file(data: dict, body: str = GOOD_BODY) -> bytes:
    return ("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body).encode("utf-8")


def load_with(files: dict[str, bytes]):
    """Load the fixture bank with extra method files; returns (bank or None, errors, root)."""
    root = Path(tempfile.mkdtemp(prefix="mutant-")) / "bank"
    shutil.copytree(_BASE, root)
    for name, content in files.items():
        (root / "methods" / name).write_bytes(content)
    try:
        return load_bank(root), [], root
    except ContentErrors as exc:
        return None, exc.errors, root


def assert_sound(files: dict[str, bytes]) -> None:
    bank, errors, root = load_with(files)
    try:
        if bank is not None:
            swedish = [n for n in files if not n.endswith(".en.md")]
            assert len(bank.methods) == _VALID_METHODS + len(swedish), "a valid method went missing"
            return
        assert errors, "ContentErrors without errors"
        for error in errors:
            assert (root / error.file).exists(), f"error names a file that does not exist: {error}"
            assert error.file in {f"methods/{n}" for n in files}, f"error blames a file that was not changed: {error}"
            assert error.line >= 1 and str(error)
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes(content):
    assert_sound({"mutant.md": content})


@SETTINGS
@given(st.integers(0, len(front_matter_file(GOOD))))
def test_truncated_file(cut):
    assert_sound({"mutant.md": front_matter_file(GOOD)[:cut]})


@SETTINGS
@given(st.sampled_from([f.name for f in METHOD.fields] + ["unknown", "Title"]), yaml_values)
def test_random_value_in_a_field(field, value):
    assert_sound({"mutant.md": front_matter_file({**GOOD, field: value})})


@SETTINGS
@given(
    st.sampled_from(
        [
            "prevention_levels",
            "violence_forms",
            "arenas",
            "target_groups",
            "approaches",
            "gender_transformative",
            "school_stages",
            "cost",
            "related_methods",
            "sources",
        ]
    ),
    st.lists(st.sampled_from(_VOCAB_VALUES) | st.text(max_size=12), max_size=4),
    st.booleans(),
)
def test_random_vocabulary_strings(field, values, as_list):
    assert_sound(
        {"mutant.md": front_matter_file({**GOOD, field: values if as_list else (values[0] if values else "")})}
    )


@SETTINGS
@given(
    st.dictionaries(st.sampled_from(["title", "summary", "resources", "steps", "id"]), yaml_values, max_size=4),
    st.text(max_size=60),
)
def test_random_english_file(data, body):
    assert_sound({"mutant.md": front_matter_file(GOOD), "mutant.en.md": front_matter_file(data, body)})


@SETTINGS
@given(st.text(max_size=200), st.sampled_from(["---\n", "---", "", "---\n---\n", "---\nid: mutant\n---\n"]))
def test_random_text_around_front_matter(text, start):
    assert_sound({"mutant.md": (start + text).encode("utf-8", "surrogatepass")})


def test_the_good_mutant_is_valid():
    bank, errors, _ = load_with({"mutant.md": front_matter_file(GOOD)})
    assert errors == [] and "mutant" in [m.id for m in bank.methods]


# -- regressions found while writing these tests -----------------------------------------------------


def _bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return "\n".join(lines)


@pytest.mark.parametrize(
    "name, front_matter, line",
    [
        ("alias bomb (hung for minutes)", "id: mutant\ntitle: x\n" + _bomb(), 4),
        ("self-referring alias (RecursionError)", "id: mutant\nsteps: &a [*a]\ntitle: x", 3),
        ("deep nesting (libyaml segfault)", "id: mutant\ntitle: " + "[" * 40000 + "]" * 40000, 2),
        ("moderate nesting", "id: mutant\ntitle: " + "[" * 50 + "]" * 50, 3),
    ],
)
def test_aliases_and_deep_nesting_are_reported_not_crashed(name, front_matter, line):
    bank, errors, _ = load_with({"mutant.md": f"---\n{front_matter}\n---\nText\n".encode()})
    assert bank is None and len(errors) == 1
    assert (
        errors[0].file == "methods/mutant.md"
        and errors[0].line == line
        and "plain YAML nested at most" in errors[0].parts("en").expected
    )


@SETTINGS
@given(
    yaml_values, st.sampled_from(["&a", "*a", "&a [*a]", "!!python/object:os.system", "!!binary AAAA", "? [a]\n: b"])
)
def test_anchors_aliases_and_tags(value, oddity):
    text = yaml.safe_dump({**GOOD, "title": value}, allow_unicode=True).replace("title:", f"title: {oddity}", 1)
    assert_sound({"mutant.md": ("---\n" + text + "---\n" + GOOD_BODY).encode("utf-8")})


@SETTINGS
@given(
    st.sampled_from(["source", "read", "design", "evaluator", "population", "outcomes", "limits", "unknown"]),
    yaml_values,
)
def test_random_value_in_an_evaluation(field, value):
    evaluation = {**GOOD["evaluations"][0], field: value}
    assert_sound({"mutant.md": front_matter_file({**GOOD, "evaluations": [evaluation]})})
