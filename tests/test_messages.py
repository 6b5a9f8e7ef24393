"""The message catalogue: every entry in Swedish and English with the same placeholders, every id the code uses is in it,
and the Swedish of representative problems, pinned as an editor reads it."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from badinput import edit
from sitekit import REPO

from metodbanken.content.load import load_bank
from metodbanken.words.errors import ContentErrors
from metodbanken.words.messages import PHRASES, PROBLEMS, SAME_IN_BOTH, Text, render_problem

CODE = sorted((REPO / "metodbanken").rglob("*.py")) + sorted((REPO / "hooks").glob("*.py"))
CODE = [path for path in CODE if path.name != "messages.py"]


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def texts() -> list[tuple[str, Text]]:
    """Every template of the catalogue, named by id (and part, for problems)."""
    found = [(phrase_id, text) for phrase_id, text in PHRASES.items()]
    for problem_id, problem in PROBLEMS.items():
        found += [
            (f"{problem_id} ({part})", getattr(problem, part))
            for part in ("expected", "found", "hint")
            if getattr(problem, part) is not None
        ]
    return found


# -- the catalogue itself ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, text", texts(), ids=[name for name, _ in texts()])
def test_every_template_has_both_languages_with_the_same_placeholders(name, text):
    assert isinstance(text, Text), name
    assert text.sv.strip() and text.en.strip(), f"{name}: a language is empty"
    assert placeholders(text.sv) == placeholders(text.en), f"{name}: the placeholders differ between sv and en"


def _words(template: str) -> str:
    return re.sub(r"\{[a-z_]*\}", "", template)


def test_swedish_is_not_a_copy_of_the_english():
    """A template with words must say them in Swedish (except markup and words both languages share)."""
    copies = [
        phrase_id
        for phrase_id, text in PHRASES.items()
        if text.sv == text.en and re.search(r"[a-z]{3}", _words(text.sv)) and phrase_id not in SAME_IN_BOTH
    ]
    for problem_id, problem in PROBLEMS.items():
        parts = [p for p in (problem.expected, problem.found, problem.hint) if p is not None]
        if all(p.sv == p.en for p in parts) and any(re.search(r"[a-z]{3}", _words(p.sv)) for p in parts):
            copies.append(problem_id)
    assert copies == []


@pytest.mark.parametrize("problem_id", sorted(PROBLEMS))
def test_every_problem_renders_in_both_languages(problem_id):
    problem = PROBLEMS[problem_id]
    names = set().union(*(placeholders(t.sv) for t in (problem.expected, problem.found, problem.hint) if t is not None))
    values = {name: f"<{name}>" for name in names}
    for language in ("sv", "en"):
        expected, found, hint = render_problem(problem_id, values, language)
        assert expected and found and (hint or problem.hint is None)
        assert "<" + next(iter(names), "") in expected + found + hint + "<", "a value was not filled in"


# -- the catalogue and the code ------------------------------------------------------------------------------

_ID = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$|^none$")
_FILE_NAME = re.compile(r"\.(yml|yaml|md|html|htm|txt|json|py|svg|pdf|csv|j2|css|js|xml)$")
_CATALOGUE = set(PROBLEMS) | set(PHRASES)
_NAMESPACES = {message_id.split(".")[0] for message_id in _CATALOGUE}


def _constants(tree: ast.AST) -> set[str]:
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def test_every_message_id_in_the_code_is_in_the_catalogue_and_every_entry_is_used():
    used: set[str] = set()
    for path in CODE:
        used |= _constants(ast.parse(path.read_text(encoding="utf-8")))
    looks_like_an_id = {c for c in used if _ID.match(c) and c.split(".")[0] in _NAMESPACES and not _FILE_NAME.search(c)}
    assert (
        sorted(looks_like_an_id - _CATALOGUE) == []
    ), "ids the code uses that metodbanken/words/messages.py does not have"
    assert sorted(_CATALOGUE - used) == [], "entries of metodbanken/words/messages.py that no code uses (remove them)"


def _calls():
    """(file, line, id, keyword names, complete) of every call that names a catalogue id and passes its values."""
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            keywords = {k.arg for k in node.keywords if k.arg}
            complete = all(k.arg for k in node.keywords)  # no **values
            if name in ("add", "error", "phrase"):
                ids = [a.value for a in node.args if isinstance(a, ast.Constant) and a.value in _CATALOGUE]
                for message_id in ids:
                    yield path.name, node.lineno, message_id, keywords, complete
            elif name == "plural":
                ids = [
                    k.value.value
                    for k in node.keywords
                    if k.arg in ("one", "other") and isinstance(k.value, ast.Constant)
                ]
                for message_id in ids:
                    yield path.name, node.lineno, message_id, (keywords - {"one", "other"}) | {"n"}, complete


def _needed(message_id: str) -> set[str]:
    if message_id in PROBLEMS:
        problem = PROBLEMS[message_id]
        return set().union(
            *(placeholders(t.sv) for t in (problem.expected, problem.found, problem.hint) if t is not None)
        )
    return placeholders(PHRASES[message_id].sv)


def test_every_call_passes_exactly_the_values_its_message_needs():
    wrong, calls = [], list(_calls())
    assert len(calls) > 150
    for file, line, message_id, given, complete in calls:
        needed = _needed(message_id)
        if (complete and given != needed) or (not complete and not given <= needed):
            wrong.append(f"{file}:{line}: {message_id} needs {sorted(needed)}, gets {sorted(given)}")
    assert wrong == []


# -- the Swedish an editor reads ---------------------------------------------------------------------------------


def swedish_errors(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load_bank(root)
    assert str(info.value).startswith(f"Metodbanken hittade {len(info.value.errors)} problem i innehållet:\n")
    return [str(e) for e in info.value.errors]


def test_missing_required_field_in_swedish(bank_root):
    edit(bank_root / "methods/beta.md", "summary: Betametoden i korthet.\n", "")
    assert swedish_errors(bank_root) == [
        "methods/beta.md:2: summary: förväntade det obligatoriska fältet 'summary' (En eller två meningar (högst 300 tecken) "
        "som visas i listor och sökresultat.), hittade inget sådant fält. Tips: lägg till det."
    ]


def test_unknown_vocabulary_value_with_suggestion_in_swedish(bank_root):
    edit(bank_root / "methods/alfa.md", "arenas: [skola, socialtjanst]", "arenas: [skolan, socialtjanst]")
    (message,) = swedish_errors(bank_root)
    assert message.startswith(
        "methods/alfa.md:8: arenas[0]: förväntade ett av värdena kommunledning, socialtjanst, skola,"
    )
    assert message.endswith("(arena), hittade texten \"skolan\". Tips: menade du 'skola'?")


def test_yaml_syntax_error_in_swedish(bank_root):
    edit(bank_root / "methods/alfa.md", "steps: [1, 2]", "steps: [1, 2")
    assert swedish_errors(bank_root) == [
        "methods/alfa.md:6: förväntade giltig YAML, hittade ett syntaxfel (en lista som inte avslutas: ',' eller ']' saknas). "
        "Tips: kontrollera indragen, och sätt citattecken runt text som innehåller ': ' eller börjar med ett citattecken, '[' eller '{'."
    ]


def test_unknown_yaml_problems_are_shown_as_the_parser_writes_them(bank_root):
    edit(bank_root / "methods/alfa.md", "steps: [1, 2]", "steps: [1, 2]\n!!python/name:os.system x: 1")
    (message,) = swedish_errors(bank_root)
    assert (
        message.startswith("methods/alfa.md:") and "förväntade giltig YAML, hittade ett syntaxfel (" in message
    ), message


@pytest.mark.parametrize(
    "snippet, found, hint",
    [
        (
            "<script>alert(1)</script>",
            "HTML-koden <script> (ett element som banken inte publicerar)",
            "skriv det i Markdown, utan det här HTML-elementet.",
        ),
        (
            '<img src="x.png" alt="" onerror="alert(1)">',
            'HTML-koden <img onerror="alert(1)"> (ett attribut som banken inte publicerar)',
            "ingen händelsehanterare som onclick",
        ),
        (
            "[klicka](javascript:alert(1))",
            "HTML-koden <a href=\"javascript:alert(1)\"> (en 'javascript:'-adress)",
            "länka till en webbsida (https://…)",
        ),
        (
            "![x](https://evil.example/p.png)",
            'HTML-koden <img src="https://evil.example/p.png"> (en fil från en annan webbplats)',
            "bilder från andra webbplatser är inte tillåtna",
        ),
    ],
)
def test_unsafe_markdown_in_swedish(bank_root, snippet, found, hint):
    edit(bank_root / "methods/beta.md", "Betametodens syfte.", f"Betametodens syfte.\n\n{snippet}")
    (message,) = swedish_errors(bank_root)
    assert message.startswith(
        f"methods/beta.md:15: text: förväntade Markdown som banken kan publicera säkert, hittade {found}. Tips: "
    )
    assert hint in message


MATERIAL = "materials/startmote-mall"


@pytest.mark.parametrize(
    "name, content, found, hint",
    [
        (
            "angrepp.html",
            "<script>alert(1)</script>",
            "en '.html'-fil",
            "banken publicerar filer av typerna .pdf, .docx,",
        ),
        ("index.html", "<p>x</p>", "filnamnet 'index.html'", "filnamn får bara innehålla bokstäverna A–Z"),
        (
            "bild.svg",
            '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "en SVG-bild med händelseattributet onload",
            "SVG-bilder får bara innehålla former, text och stilar",
        ),
        (
            "bild.svg",
            '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "en SVG-bild med ett <script>-element",
            "Exportera bilden igen eller använd PNG.",
        ),
    ],
)
def test_material_file_problems_in_swedish(bank_root, name, content, found, hint):
    (bank_root / MATERIAL / name).write_text(content, encoding="utf-8")
    edit(
        bank_root / f"{MATERIAL}.md",
        "  - file: startmote-mall.md",
        f"  - file: '{name}'\n    language: sv\n  - file: startmote-mall.md",
    )
    (message,) = swedish_errors(bank_root)
    assert message.startswith(
        f"{MATERIAL}.md:10: files[0].file: förväntade en fil som banken kan publicera i {MATERIAL}/, "
        f"hittade {found}. Tips: "
    ), message
    assert hint in message, message


def test_material_file_missing_and_unlisted_in_swedish(bank_root):
    (bank_root / MATERIAL / "startmote-template.txt").unlink()
    assert swedish_errors(bank_root) == [
        f"{MATERIAL}.md:12: files[1].file: förväntade en fil som banken kan publicera i {MATERIAL}/, "
        "hittade 'startmote-template.txt', som inte finns där. Tips: ladda upp filen till materials/startmote-mall/ eller rätta namnet."
    ]


def test_a_value_yaml_reads_as_a_number_in_swedish(bank_root):
    edit(bank_root / "methods/beta.md", "title: Betametoden", "title: 0755")
    assert swedish_errors(bank_root) == [
        'methods/beta.md:3: title: förväntade text, hittade 0755, som YAML läser som talet 493. Tips: skriv den inom citattecken: "0755".'
    ]


def test_unknown_reference_in_swedish_uses_the_right_article(bank_root):
    edit(bank_root / "methods/alfa.md", "related_methods: [beta]", "related_methods: [betta]")
    edit(bank_root / "cases/testkommunen.md", "sources: [testkalla]", "sources: [saknas]")
    assert swedish_errors(bank_root) == [
        "cases/testkommunen.md:10: sources[0]: förväntade id:t för en befintlig källa, hittade 'saknas', som inte finns. "
        "Tips: jämför id:t med sources.yml.",
        "methods/alfa.md:16: related_methods[0]: förväntade id:t för en befintlig metod, hittade 'betta', som inte finns. "
        "Tips: menade du 'beta'?",
    ]


def test_the_same_error_renders_in_english_on_request(bank_root):
    edit(bank_root / "methods/beta.md", "steps: [4]", "steps: fyra")
    with pytest.raises(ContentErrors) as info:
        load_bank(bank_root)
    (error,) = info.value.errors
    assert (
        error.render("sv")
        == str(error)
        == (
            "methods/beta.md:5: steps: förväntade en lista (De steg i Inget att vänta på (1–5) som innehållet hör till.), "
            "hittade texten \"fyra\". Tips: skriv den som [a, b] eller som rader som börjar med '- '."
        )
    )
    assert error.render("en") == (
        "methods/beta.md:5: steps: expected a list (The steps of Inget att vänta på (1–5) this belongs to.), "
        "found the text \"fyra\". Hint: write it as [a, b] or as lines starting with '- '."
    )
    assert info.value.report("en").startswith(
        "Metodbanken found 1 problem in the content:\n  methods/beta.md:5: steps: expected"
    )


def test_synonym_problems_in_swedish(bank_root):
    (bank_root / "synonyms.yml").write_text(
        "- language: sv\n  word: förövare\n  finds: [våldsutövare]\n- language: sv\n  word: Förövare\n  finds: [utövare]\n",
        encoding="utf-8",
    )
    assert swedish_errors(bank_root) == [
        "synonyms.yml:5: [1].word: förväntade varje ord en gång per språk, hittade 'förövare' en gång till. "
        "Tips: lägg till de andra orden under finds i den första posten."
    ]
    (bank_root / "synonyms.yml").write_text("förövare: våldsutövare\n", encoding="utf-8")
    assert swedish_errors(bank_root) == [
        "synonyms.yml:1: förväntade en lista med sökord (rader som börjar med '- language: sv'), hittade fält med värden (namn: värde)."
    ]


def test_a_text_that_closes_its_place_on_the_page_in_swedish(bank_root):
    edit(bank_root / "methods/beta.md", "Betametodens syfte.", "Betametodens syfte.\n\n</div>\n\nMer text.")
    hint = (
        "Tips: stäng varje HTML-element som du öppnar, och stäng inget som du inte har öppnat (till exempel ett ensamt "
        "</div>); de flesta texter behöver ingen HTML alls."
    )
    assert swedish_errors(bank_root) == [
        f"methods/beta.md:11: text: förväntade Markdown som banken kan publicera säkert, hittade HTML-koden <div> "
        f"(HTML som ändrar sidan runt {what}). {hint}"
        for what in ("texten", "en text")
    ]


def test_the_last_check_of_the_built_site_in_swedish_and_english(tmp_path):
    from metodbanken.pages.seal import seal_site
    from metodbanken.words.errors import Stop

    (tmp_path / "a.html").write_text(
        '<html><head></head><body><img src="x.png" onerror="alert(1)"></body></html>', encoding="utf-8"
    )
    reports = {}
    for language in ("sv", "en"):
        with pytest.raises(Stop) as info:
            seal_site(tmp_path, public_url="https://example.org/", language=language)
        reports[language] = str(info.value).splitlines()
    assert reports["sv"][0] == "Metodbanken: den byggda webbplatsen innehåller något som ingen sida får innehålla:"
    assert reports["sv"][1] == (
        "  a.html: ingen <meta> med Content-Security-Policy. Varje sidas mall måste skriva en "
        "(overrides/main.html skriver den för temats sidor)."
    )
    assert reports["sv"][2].startswith(
        '  a.html: <img onerror="alert(1)"> (en händelsehanterare). Markdown kan ge ett element'
    )
    assert reports["en"][0] == "Metodbanken: the built site holds what no page may hold:"
    assert reports["en"][1].startswith("  a.html: no Content-Security-Policy <meta>.")
    assert reports["en"][2].startswith(
        '  a.html: <img onerror="alert(1)"> (an event handler). Markdown may give an element'
    )
