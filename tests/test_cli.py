"""The content command: check (same report as the build), new (templates that build once filled in), status."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from badinput import BAD_KINDS, break_content, edit
from htmlkit import parse
from sitekit import assemble, build

from metodbanken.cli import main
from metodbanken.content.load import load_bank

_PROBLEM = re.compile(r"^\s+(\S+:\d+: .*)$")


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "metodbanken", "check", *args], cwd=root, capture_output=True, text=True
    )


def problems(output: str) -> list[str]:
    return [m.group(1).strip() for line in output.splitlines() if (m := _PROBLEM.match(line))]


# -- check -----------------------------------------------------------------------------------------


def test_check_passes_on_the_fixture_bank(bank_root):
    result = run_check(bank_root)
    assert result.returncode == 0 and result.stdout.startswith(
        "OK: 3 metoder, 1 exempel, 1 material, 5 steg, 2 begrepp kontrollerade på "
    )
    result = run_check(bank_root, "--lang", "en")
    assert result.returncode == 0 and result.stdout.startswith(
        "OK: 3 methods, 1 case, 1 material, 5 steps, 2 terms checked in "
    )


def test_check_reports_a_missing_field_in_swedish_by_default_and_in_english_on_request(bank_root):
    edit(bank_root / "methods/beta.md", "summary: Betametoden i korthet.\n", "")
    swedish = run_check(bank_root)
    assert swedish.returncode == 1
    assert swedish.stdout.splitlines() == [
        "Metodbanken hittade 1 problem i innehållet:",
        "  methods/beta.md:2: summary: förväntade det obligatoriska fältet 'summary' (En eller två meningar (högst 300 tecken) "
        "som visas i listor och sökresultat.), hittade inget sådant fält. Tips: lägg till det.",
    ]
    english = run_check(bank_root, "--lang", "en")
    assert english.returncode == 1
    assert english.stdout.splitlines() == [
        "Metodbanken found 1 problem in the content:",
        "  methods/beta.md:2: summary: expected the required field 'summary' (One or two sentences (at most 300 characters) "
        "shown in lists and search results.), found it missing. Hint: add it.",
    ]


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_check_and_build_report_the_same_problems(tmp_path, kind):
    """Every kind of the shared bad-input list through `check` and `mkdocs build --strict`: both refuse it, with the
    same report, naming the same file, line and field, and the build publishes nothing."""
    root = assemble(tmp_path)
    expected = break_content(root, kind)
    checked = run_check(root)
    built = build(root)
    assert checked.returncode == 1 and built.returncode != 0
    assert problems(checked.stdout) == problems(built.stdout + built.stderr)
    assert len(problems(checked.stdout)) == 1 and problems(checked.stdout)[0].startswith(expected)
    assert "Metodbanken hittade 1 problem i innehållet" in built.stdout + built.stderr
    assert not (root / "site" / "index.html").exists()


def test_check_and_build_agree_on_what_they_accept(tmp_path):
    """Inputs that once passed `check` and came out otherwise in the build (one build for all, in different files)."""
    root = assemble(tmp_path)
    # YAML 1.2, as everywhere in the bank: 'no' is the text no (the build read labels as YAML 1.1: False)
    edit(root / "labels/en.yml", "\nsources: Sources\n", "\nsources: no\n")
    # a reference defined in one glossary text and used in another; and one that would redirect another text's own link
    edit(
        root / "glossary.yml",
        "    sv: En grupp som driver arbetet. Se [metoden](../metoder/alfa.md).",
        "    sv: |\n      En grupp som driver arbetet. Se [metoden][m] och [testet][t].\n\n      [t]: ../metoder/beta.md",
    )
    edit(
        root / "glossary.yml",
        "    sv: En beskrivning av läget.",
        "    sv: |\n      En beskrivning av läget.\n\n      [m]: https://evil.example/m\n      [t]: https://evil.example/t",
    )
    checked = run_check(root)
    assert checked.returncode == 0, checked.stdout
    built = build(root)
    assert built.returncode == 0, built.stdout + built.stderr
    sources = [
        h for h in parse(root / "site/en/metoder/alfa/index.html").find_all("h2") if h.attrs.get("id") == "kallor"
    ]
    assert [h.text() for h in sources] == ["no"]
    glossary = parse(root / "site/begrepp/index.html")
    (definition,) = [p for p in glossary.find_all("p") if p.text().startswith("En grupp som driver arbetet.")]
    assert (
        definition.text() == "En grupp som driver arbetet. Se [metoden][m] och testet."
    )  # as check and the preview show it
    assert [a.attrs["href"] for a in definition.find_all("a")] == ["../metoder/beta/"]
    assert "evil.example" not in (root / "site/begrepp/index.html").read_text(encoding="utf-8")


def test_check_github_format_annotates_the_line_in_swedish(bank_root):
    edit(bank_root / "methods/alfa.md", "arenas: [skola", "arenas: [skolan")
    result = run_check(bank_root, "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=methods/alfa.md,line=8,title=Metodbanken: fel i innehållet::arenas[0]: förväntade ett av värdena kommunledning, "
        "socialtjanst, skola, fritid, halso-och-sjukvard, tandvard, polis, civilsamhalle, arbetsplats, offentlig-miljo (arena), "
        "hittade texten \"skolan\". Tips: menade du 'skola'?"
    ]
    assert result.stderr.startswith("Metodbanken hittade 1 problem i innehållet:\n")
    result = run_check(bank_root, "--format", "github", "--lang", "en")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=methods/alfa.md,line=8,title=Metodbanken content::arenas[0]: expected one of kommunledning, socialtjanst, "
        "skola, fritid, halso-och-sjukvard, tandvard, polis, civilsamhalle, arbetsplats, offentlig-miljo (arena), "
        "found the text \"skolan\". did you mean 'skola'?"
    ]


# -- new -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, folder", [("method", "methods"), ("case", "cases"), ("material", "materials")])
def test_new_creates_both_files_with_every_field_explained(bank_root, capsys, kind, folder):
    assert main(["--root", str(bank_root), "new", kind, "ny-sak"]) == 0
    sv = (bank_root / folder / "ny-sak.md").read_text(encoding="utf-8")
    en = (bank_root / folder / "ny-sak.en.md").read_text(encoding="utf-8")
    assert sv.startswith(f"---\n# yaml-language-server: $schema=../schemas/{kind}.schema.json\n")
    assert en.startswith(f"---\n# yaml-language-server: $schema=../schemas/{kind}.en.schema.json\n")
    from metodbanken.editors.scaffold import TYPES

    for field in TYPES[kind].fields:
        assert re.search(rf"^# {field.name} \((obligatorisk|valfri)", sv, re.M), field.name
        assert re.search(rf"^{field.name}:", sv, re.M), field.name
    for field in TYPES[kind].translated_fields:
        assert re.search(rf"^{field.name}:", en, re.M)
    assert (bank_root / "materials/ny-sak").is_dir() == (kind == "material")
    assert "skapade" in capsys.readouterr().out


def test_a_new_file_fails_the_check_until_the_required_fields_are_filled_in(bank_root, capsys):
    assert main(["--root", str(bank_root), "new", "method", "delta"]) == 0
    result = run_check(bank_root)
    assert result.returncode == 1
    fields = {p.split(": ")[1] for p in problems(result.stdout) if p.startswith("methods/delta.md")}
    assert fields == {
        "title",
        "summary",
        "steps",
        "sources",
        "evaluations",
    }  # evaluations, or a dated note on the search
    assert any(
        p.startswith("methods/delta.en.md") and "det översatta fältet 'title'" in p for p in problems(result.stdout)
    )


@pytest.mark.parametrize(
    "item_id, message",
    [
        ("Ny metod", "'Ny metod' är inte ett giltigt id"),
        ("rådslag", "till exempel 'radslag'"),
        ("alfa", "metoden 'alfa' finns redan (methods/alfa.md, methods/alfa.en.md)"),
    ],
)
def test_new_refuses_bad_or_taken_ids(bank_root, capsys, item_id, message):
    before = sorted(p.name for p in (bank_root / "methods").iterdir())
    assert main(["--root", str(bank_root), "new", "method", item_id]) == 1
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in (bank_root / "methods").iterdir()) == before


def test_new_refuses_a_material_whose_folder_exists(bank_root, capsys):
    (bank_root / "materials/affisch").mkdir()
    assert main(["--root", str(bank_root), "new", "material", "affisch"]) == 1
    assert "materials/affisch" in capsys.readouterr().err


def test_a_new_method_filled_in_appears_on_its_step_in_the_index_and_in_both_languages(tmp_path):
    root = assemble(tmp_path)
    assert main(["--root", str(root), "new", "method", "delta"]) == 0
    sv, en = root / "methods/delta.md", root / "methods/delta.en.md"
    for old, new in [
        ("\ntitle:\n", "\ntitle: Deltametoden\n"),
        ("\nsummary:\n", "\nsummary: Deltametoden i korthet.\n"),
        ("\nsteps: []\n", "\nsteps: [2]\n"),
        ("\nsources: []\n", "\nsources: [testkalla]\n"),
        ("\narenas: []\n", "\narenas: [skola]\n"),
        ("\nevaluations_searched:\n", '\nevaluations_searched: {sv: "Vi sökte.", en: "We searched."}\n'),
        ("\nevaluations_searched_on:\n", "\nevaluations_searched_on: 2026-12-02\n"),
    ]:
        edit(sv, old, new)
    edit(en, "\ntitle:\n", "\ntitle: The delta method\n")
    edit(en, "\nsummary:\n", "\nsummary: The delta method in brief.\n")
    assert run_check(root).returncode == 0
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix, title in (("", "Deltametoden"), ("en/", "The delta method")):
        page = parse(root / "site" / prefix / "metoder/delta/index.html")
        assert page.find_all("h1")[0].text() == title
        index = parse(root / "site" / prefix / "metoder/index.html")
        assert "method:delta" in [e.attrs["data-mb-entry"] for e in index.find_all(data_mb_entry=True)]
        step = parse(root / "site" / prefix / "steg/2-beskriv-vald-som-problem/index.html")
        assert any(a.attrs.get("href", "").endswith("metoder/delta/") for a in step.find_all("a"))
        other = parse(root / "site" / prefix / "steg/3-identifiera-forandringsfaktorer/index.html")
        assert not any(a.attrs.get("href", "").endswith("metoder/delta/") for a in other.find_all("a"))


# -- status ----------------------------------------------------------------------------------------


def test_status_lists_untranslated_overdue_and_unsourced(bank_root, capsys):
    assert main(["--root", str(bank_root), "status", "--today", "2027-06-10", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "methods/gamma.md: method 'gamma': no English file" in out
    assert "Past its review date: 1\n  methods/beta.md: method 'beta': last reviewed 2025-06-01 (739 days ago)\n" in out
    assert "Has no source: 1" in out and "glossary.yml: term 'lagesbild': no sources" in out
    assert (
        main(["--root", str(bank_root), "status", "--today", "2027-06-10", "--max-age-days", "365", "--lang", "en"])
        == 0
    )
    assert "Past its review date: 5" in capsys.readouterr().out
    assert main(["--root", str(bank_root), "status", "--today", "2027-06-10"]) == 0
    out = capsys.readouterr().out
    assert "methods/gamma.md: metoden 'gamma': ingen engelsk fil" in out
    assert (
        "Dags att granska igen: 1\n  methods/beta.md: metoden 'beta': senast granskad 2025-06-01 (för 739 dagar sedan)\n"
        in out
    )
    assert "Saknar källa: 1" in out and "glossary.yml: begreppet 'lagesbild': inga källor" in out


def test_status_as_markdown_for_a_pull_request_comment_in_swedish(bank_root, capsys):
    assert main(["--root", str(bank_root), "status", "--format", "markdown", "--today", "2026-02-01", "--strict"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(
        "## Metodbanken: innehållets status\n\nKontrollerat 2026-02-01: 3 metoder, 1 exempel, 1 material, 5 steg, "
        "2 begrepp. Innehållet granskas om efter 730 dagar.\n"
    )
    assert "| | antal |" in out and "| Saknar engelsk översättning | 7 |" in out
    assert "<details><summary>Saknar engelsk översättning (7)</summary>" in out
    assert "- `methods/gamma.md`: metoden 'gamma': ingen engelsk fil" in out
    assert "- `glossary.yml`: begreppet 'lagesbild': ingen engelsk översättning av term och definition" in out
    assert (
        main(["--root", str(bank_root), "status", "--format", "markdown", "--today", "2026-02-01", "--lang", "en"]) == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("## Metodbanken: content status\n")
    assert "| Lacks an English translation | " in out
    assert (
        "<details><summary>Lacks an English translation" in out
        and "- `methods/gamma.md`: method 'gamma': no English file" in out
    )


def test_status_lists_method_pages_that_lack_what_a_reader_needs_in_swedish_and_english(bank_root, capsys):
    edit(bank_root / "methods/beta.md", "last_reviewed:", "unstated: [resources, owner]\nlast_reviewed:")
    assert main(["--root", str(bank_root), "status", "--today", "2026-02-01"]) == 0
    out = capsys.readouterr().out
    assert (
        "Metodsidor som saknar det som en läsare behöver för att välja: 3\n"
        "  methods/alfa.md: metoden 'alfa': saknar ägarens webbadress (owner_url)\n"
    ) in out
    assert (
        "  methods/beta.md: metoden 'beta': saknar en källa med webbadress, kostnad (cost), omfattning (dosage)\n"
        in out
    )
    assert (
        "  Åtgärd: Lägg till uppgiften från en angiven källa. Om källorna har kontrollerats och inte anger den: " in out
    )
    assert (
        "Utvärderingar att se över: 1\n"
        "  methods/alfa.md: metoden 'alfa': utvärdering 2 (källan 'testkalla') saknar accessed\n"
    ) in out
    assert (
        "Uppgifter som källorna inte anger (det står på sidan): 2\n"
        "  methods/beta.md: metoden 'beta': källorna anger inte: resources, owner\n"
        "  methods/beta.md: metoden 'beta': inga utvärderingar registrerade; sökte 2026-11-30\n"
        "  Åtgärd: Lägg till dem när en källa anger dem.\n"
    ) in out
    assert main(["--root", str(bank_root), "status", "--today", "2026-02-01", "--lang", "en", "--strict"]) == 1
    out = capsys.readouterr().out
    assert (
        "A method page lacks what a reader needs to choose: 3\n"
        "  methods/alfa.md: method 'alfa': lacks the owner's web address (owner_url)\n"
    ) in out
    assert (
        "  methods/gamma.md: method 'gamma': lacks what it takes (resources), an owner or contact organisation (owner), "
        "cost (cost), dosage (dosage)\n"
    ) in out
    assert "  methods/alfa.md: method 'alfa': evaluation 2 (source 'testkalla') lacks accessed\n" in out
    assert (
        "Facts the sources do not state (shown on the page): 2\n"
        "  methods/beta.md: method 'beta': the sources do not state: resources, owner\n"
        "  methods/beta.md: method 'beta': no evaluations recorded; searched 2026-11-30\n"
        "  Fix: Add them when a source gives them.\n"
    ) in out
    assert main(["--root", str(bank_root), "status", "--format", "markdown", "--today", "2026-02-01"]) == 0
    out = capsys.readouterr().out
    assert "| Metodsidor som saknar det som en läsare behöver för att välja | 3 |" in out
    assert "<details><summary>Uppgifter som källorna inte anger (det står på sidan) (2)</summary>" in out
    assert "| Utvärderingar att se över | 1 |" in out


def test_status_counts_match_the_bank(bank_root):
    from metodbanken.editors.status import bank_status

    bank = load_bank(bank_root)
    status = bank_status(bank, today=date(2026, 2, 1))
    assert status.counts == {"methods": 3, "cases": 1, "materials": 1, "steps": 5, "terms": 2}
    assert status.overdue == ()
