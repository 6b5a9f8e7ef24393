"""Every message the content check, the build and `status` show, in Swedish and English: one catalogue.

PROBLEMS holds one entry per kind of problem in the content: what was expected, what was found instead and how to fix
it. PHRASES holds the parts of messages that need words of their own in each language: how a found value is described,
what an SVG file or a rendered text holds, hints shared by several problems, the report's own lines. Templates fill in
named values ({field}); a value is either language-neutral (a field name, an id, a number, a file name: written exactly
as in the files) or a Phrase or Text, which is rendered in the reader's language.

tests/test_messages.py fails when an entry lacks a language, when its placeholders differ between Swedish and English,
and when the code uses an id that is not here (or an entry is no longer used).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, NamedTuple

from metodbanken.words.languages import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Text:
    """One text in Swedish and English: a template in the catalogue, or a bilingual value such as a field's explanation."""

    sv: str
    en: str

    def __getitem__(self, language: str) -> str:
        return self.en if language == "en" else self.sv

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        """As a value inside another message: inserted as it is, never filled in."""
        return self[language]


@dataclass(frozen=True)
class Problem:
    """A kind of problem in the content: what was expected, what was found instead, and how to fix it."""

    expected: Text
    found: Text
    hint: Text | None = None


@dataclass(frozen=True)
class Phrase:
    """A phrase of the catalogue with its values, rendered in whichever language the reader wants."""

    id: str
    values: Mapping[str, object] = field(default_factory=dict)

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        return fill(PHRASES[self.id], self.values, language)

    def __str__(self) -> str:
        return self.render()


class Parts(NamedTuple):
    expected: str
    found: str
    hint: str


def phrase(phrase_id: str, /, **values: object) -> Phrase:
    if phrase_id not in PHRASES:
        raise KeyError(f"no phrase '{phrase_id}' in metodbanken/words/messages.py")
    return Phrase(phrase_id, values)


def plural(count: int, *, one: str, other: str, **values: object) -> Phrase:
    """The phrase for one thing or for several (Swedish and English both have two forms); the count is {n}."""
    return phrase(one if count == 1 else other, n=count, **values)


def fill(template: Text, values: Mapping[str, object], language: str) -> str:
    return template[language].format_map({name: render_value(value, language) for name, value in values.items()})


def render_value(value: object, language: str) -> str:
    """A value in a template: a Phrase or Text in the language, a list as "a, b, c", anything else as written."""
    if isinstance(value, (Phrase, Text)):
        return value.render(language)
    if isinstance(value, (list, tuple)):
        return ", ".join(render_value(item, language) for item in value)
    return "" if value is None else str(value)


def render_problem(problem_id: str, values: Mapping[str, object], language: str = DEFAULT_LANGUAGE) -> Parts:
    """(expected, found, hint) of one problem in one language; hint is "" when the problem has none."""
    problem = PROBLEMS[problem_id]
    hint = fill(problem.hint, values, language) if problem.hint else ""
    return Parts(fill(problem.expected, values, language), fill(problem.found, values, language), hint)


# -- problems in the content ----------------------------------------------------------------------------------------
# Swedish: plain words for municipal staff ("fält", "värde", "ordlista" for a vocabulary, "fälten överst" for front
# matter); field names, values, ids and file names stay exactly as in the files.

_MATERIAL_FILE = Text("en fil som banken kan publicera i {folder}/", "a file the bank can publish in {folder}/")
_SYMLINK = Text("en symbolisk länk", "a symbolic link")
_NO_FILE = Text("ingen fil", "no file")
_AGAIN = Text("'{value}' en gång till", "'{value}' again")

PROBLEMS: dict[str, Problem] = {
    # reading a file (sourcefile.py)
    "file.symlink": Problem(
        Text("en riktig fil", "a real file"),
        _SYMLINK,
        Text("ersätt länken med själva filen.", "replace the link with the file itself."),
    ),
    "file.too_large": Problem(
        Text("en innehållsfil på högst {max} kB", "a content file of at most {max} kB"),
        Text("{size} kB", "{size} kB"),
        Text(
            "dela upp den i flera delar, eller lägg långa dokument i en materialfil.",
            "split it into several items, or put long documents in a material file.",
        ),
    ),
    "file.not_utf8": Problem(
        Text("text i UTF-8", "UTF-8 text"),
        Text("byten 0x{byte}, som inte är UTF-8", "the byte 0x{byte}, which is not UTF-8"),
        Text(
            "spara filen med teckenkodningen UTF-8 (i de flesta redigerare: 'Spara med kodning' → UTF-8).",
            "save the file with UTF-8 encoding (in most editors: 'Save with encoding' → UTF-8).",
        ),
    ),
    "file.control_character": Problem(
        Text("text utan styrtecken", "text without control characters"),
        Text("styrtecknet U+{code}", "the control character U+{code}"),
        Text(
            "ta bort det (det syns inte i de flesta redigerare; skriv om raden om det behövs).",
            "delete it (it is invisible in most editors; retype the line if needed).",
        ),
    ),
    "file.empty": Problem(
        Text("innehåll", "content"),
        Text("en tom fil", "an empty file"),
        Text(
            "fyll i filen (`python -m metodbanken new` skapar en med alla fält), eller ta bort den.",
            "fill the file in (`python -m metodbanken new` creates one with every field), or delete it.",
        ),
    ),
    "file.front_matter": Problem(
        Text(
            "fälten överst i filen, mellan två rader med '---'",
            "front matter between two '---' lines at the top of the file",
        ),
        Text("{found}", "{found}"),
        Text(
            "börja filen med '---', sedan fälten och sist '---' på en egen rad före texten.",
            "start the file with '---', the fields, and '---' on its own line before the text.",
        ),
    ),
    # YAML (sourcefile.py)
    "yaml.syntax": Problem(
        Text("giltig YAML", "valid YAML"),
        Text("ett syntaxfel ({problem})", "a syntax error ({problem})"),
        Text(
            "kontrollera indragen, och sätt citattecken runt text som innehåller ': ' eller börjar med ett citattecken, "
            "'[' eller '{{'.",
            "check indentation, and put text containing ': ' or starting with a quote, '[' or '{{' inside quotes.",
        ),
    ),
    "yaml.error": Problem(
        Text("giltig YAML", "valid YAML"), Text("ett syntaxfel ({problem})", "a syntax error ({problem})")
    ),
    "yaml.alias_or_deep": Problem(
        Text(
            "enkel YAML i högst {max} nivåer, utan ankare och alias ('&namn', '*namn')",
            "plain YAML nested at most {max} levels, without anchors and aliases ('&name', '*name')",
        ),
        Text("ett alias eller mycket djup inkapsling", "an alias or very deep nesting"),
        Text("skriv ut värdena i sin helhet.", "write the values out in full."),
    ),
    "yaml.too_deep": Problem(
        Text("enkel YAML i högst {max} nivåer", "plain YAML nested at most {max} levels"),
        Text("mycket djupare inkapsling", "far deeper nesting"),
        Text("skriv värdena som en enkel lista eller som enkla fält.", "write the values as a simple list or mapping."),
    ),
    "yaml.merge_key": Problem(
        Text("varje fält utskrivet", "every field written out"),
        Text("en sammanslagning med '<<'", "a merge key '<<'"),
        Text(
            "skriv ut fälten i sin helhet i stället för att slå samman dem.",
            "write the fields out in full instead of merging them in.",
        ),
    ),
    "yaml.duplicate_key": Problem(
        Text("varje fält en gång på samma nivå", "each key once in its mapping"),
        Text("'{key}' en gång till (första gången på rad {first})", "'{key}' again (first on line {first})"),
        Text(
            "ta bort ett av dem: YAML skulle i tysthet bara behålla det sista.",
            "remove one of them: YAML would silently keep only the last.",
        ),
    ),
    # fields and values (content/values.py)
    "fields.not_a_mapping": Problem(
        Text("fält med värden (namn: värde)", "a mapping of fields (name: value)"), Text("{found}", "{found}")
    ),
    "field.wrong_file": Problem(
        Text("bara fälten {fields}", "only the fields {fields}"),
        Text("fältet '{key}'", "the field '{key}'"),
        Text(
            "uppgifter som är desamma på båda språken hör bara hemma i den svenska filen.",
            "facts that are the same in both languages belong in the Swedish file only.",
        ),
    ),
    "field.unknown": Problem(
        Text("ett av fälten {fields}", "one of the fields {fields}"),
        Text("ett okänt fält '{key}'", "an unknown field '{key}'"),
        Text("{hint}", "{hint}"),
    ),
    "field.missing": Problem(
        Text("det obligatoriska fältet '{field}' ({doc})", "the required field '{field}' ({doc})"),
        Text("inget sådant fält", "it missing"),
        Text("{hint}", "{hint}"),
    ),
    "field.empty": Problem(
        Text("det obligatoriska fältet '{field}' ({doc})", "the required field '{field}' ({doc})"),
        Text("ett tomt värde", "an empty value"),
        Text("{hint}", "{hint}"),
    ),
    "list.expected": Problem(
        Text("en lista ({doc})", "a list ({doc})"),
        Text("{found}", "{found}"),
        Text(
            "skriv den som [a, b] eller som rader som börjar med '- '.",
            "write it as [a, b] or as lines starting with '- '.",
        ),
    ),
    "list.too_short": Problem(
        Text("minst {count}", "at least {count}"), Text("en tom lista", "an empty list"), Text("{doc}", "{doc}")
    ),
    "list.repeated": Problem(
        Text("varje värde en gång", "each value once"),
        Text("{found} två gånger", "{found} twice"),
        Text("ta bort det upprepade värdet.", "remove the repeated value."),
    ),
    "value.wrong_type": Problem(
        Text("{expected}", "{expected}"),
        Text("{found}", "{found}"),
        Text("sätt citattecken runt värdet om det ska vara text.", "put the value in quotes if it should be text."),
    ),
    "value.not_text": Problem(Text("{expected}", "{expected}"), Text("{found}", "{found}")),
    "value.read_as_other": Problem(
        Text("text", "text"),
        Text("{found}", "{found}"),
        Text('skriv den inom citattecken: "{written}".', 'write it in quotes: "{written}".'),
    ),
    "text.empty": Problem(Text("{expected}", "{expected}"), Text("tom text", "empty text"), Text("{doc}", "{doc}")),
    "text.too_long": Problem(
        Text("högst {max} tecken", "at most {max} characters"),
        Text("{length} tecken", "{length} characters"),
        Text(
            "korta den; skriv detaljerna i texten under fälten.",
            "shorten it; put details in the text below the front matter.",
        ),
    ),
    "slug.format": Problem(
        Text(
            "ett id av små ASCII-bokstäver (a–z), siffror och enkla bindestreck",
            "an id of lower-case ASCII letters, digits and single hyphens",
        ),
        Text("{found}", "{found}"),
        Text("använd '{slug}'.", "use '{slug}'."),
    ),
    "date.format": Problem(
        Text("ett datum som finns, skrivet ÅÅÅÅ-MM-DD", "a date written YYYY-MM-DD that exists"),
        Text("{found}", "{found}"),
        Text("till exempel {today}.", "for example {today}."),
    ),
    "url.invalid": Problem(
        Text("en webbadress som börjar med https:// eller http://", "a web address starting with https:// or http://"),
        Text("{found} ({problem})", "{found} ({problem})"),
        Text(
            "kopiera adressen från webbläsarens adressfält; skriv mellanslag och parenteser i den som %20, %28, %29, %5B, %5D.",
            "copy the address from the browser's address bar; write a space or bracket in it as %20, %28, %29, %5B, %5D.",
        ),
    ),
    "vocabulary.unknown_value": Problem(
        Text("ett av värdena {choices} ({vocabulary})", "one of {choices} ({vocabulary})"),
        Text("{found}", "{found}"),
        Text("{hint}", "{hint}"),
    ),
    "ref.format": Problem(
        Text("id:t för {what}", "the id of {what}"),
        Text("{found}", "{found}"),
        Text("ett id ser ut så här: '{slug}'.", "ids look like '{slug}'."),
    ),
    "ref.unknown": Problem(
        Text("id:t för {what}", "the id of {what}"),
        Text("'{target}', som inte finns", "'{target}', which does not exist"),
        Text("{hint}", "{hint}"),
    ),
    "number.step": Problem(Text("ett stegnummer 1–5", "a step number 1–5"), Text("{found}", "{found}")),
    "number.whole": Problem(Text("ett heltal", "a whole number"), Text("{found}", "{found}")),
    "number.range": Problem(
        Text("ett tal från {low} till {high}", "a number from {low} to {high}"), Text("{found}", "{found}")
    ),
    "localized.not_a_mapping": Problem(
        Text(
            "den svenska texten under 'sv' och den engelska under 'en'",
            "a mapping with the Swedish text under 'sv' and the English under 'en'",
        ),
        Text("{found}", "{found}"),
        Text(
            "skriv det så här:\n    {name}:\n      sv: …\n      en: …",
            "write it as:\n    {name}:\n      sv: …\n      en: …",
        ),
    ),
    "localized.key": Problem(
        Text("språknycklarna sv och en", "the language keys sv and en"), Text("nyckeln '{key}'", "the key '{key}'")
    ),
    "localized.swedish_empty": Problem(
        Text("den svenska texten", "the Swedish text"), Text("ett tomt värde", "an empty value")
    ),
    "localized.swedish_missing": Problem(
        Text("en svensk text under 'sv'", "a Swedish text under 'sv'"),
        Text("ingen", "none"),
        Text(
            "svenskan kommer först; lägg till 'sv:'. Engelskan, 'en:', kan komma senare.",
            "Swedish comes first; add 'sv:'. The English 'en:' may follow later.",
        ),
    ),
    "markdown.unsafe": Problem(
        Text("Markdown som banken kan publicera säkert", "Markdown the bank can publish safely"),
        Text("{found}", "{found}"),
        Text("{hint}", "{hint}"),
    ),
    # files, items and references (content/load.py)
    "vocabularies.missing_file": Problem(
        Text("filen med ordlistorna", "the vocabularies file"),
        _NO_FILE,
        Text(
            "hämta tillbaka vocabularies.yml från projektet på GitHub.", "restore vocabularies.yml from the repository."
        ),
    ),
    "vocabularies.missing": Problem(
        Text("ordlistan '{name}'", "the vocabulary '{name}'"), Text("ingen sådan ordlista", "it missing")
    ),
    "vocabularies.shape": Problem(
        Text(
            "label: {{sv, en}} och values: {{värde: {{label: {{sv, en}}}}}}",
            "label: {{sv, en}} and values: {{value: {{label: {{sv, en}}}}}}",
        ),
        Text("{found}", "{found}"),
    ),
    "vocabularies.value_format": Problem(
        Text(
            "ett värde av små ASCII-bokstäver (a–z), siffror, enkla bindestreck och punkter",
            "a value of lower-case ASCII letters, digits, single hyphens and dots",
        ),
        Text("'{value}'", "'{value}'"),
        Text(
            "värdena syns i adresser och filter; skriv till exempel 'barn-och-unga'.",
            "values appear in addresses and filters; write e.g. 'barn-och-unga'.",
        ),
    ),
    "vocabularies.value_label": Problem(
        Text("en etikett med sv och en", "a label with sv and en"), Text("{found}", "{found}")
    ),
    "sources.shape": Problem(
        Text(
            "källornas id, vart och ett med titel, utgivare, år och adress",
            "a mapping from source id to its title, publisher, year and url",
        ),
        Text("{found}", "{found}"),
    ),
    "sources.id_format": Problem(
        Text(
            "ett käll-id av små ASCII-bokstäver (a–z), siffror och bindestreck",
            "a source id of lower-case ASCII letters, digits and hyphens",
        ),
        Text("'{value}'", "'{value}'"),
    ),
    "steps.file_type": Problem(
        Text("en stegfil med namnet <nummer>-<slug>.yml", "a step file named <number>-<slug>.yml"),
        Text("en '{suffix}'-fil", "a '{suffix}' file"),
        Text("checklists/ innehåller en YAML-fil per steg.", "checklists/ holds one YAML file per step."),
    ),
    "steps.file_name": Problem(
        Text("filnamnet {expected} (steg-slug)", "the file name {expected} (step-slug)"),
        Text("filnamnet {name}", "the file name {name}"),
        Text(
            "byt namn på filen till {expected}, eller rätta 'step' och 'slug'.",
            "rename the file to {expected}, or fix 'step' and 'slug'.",
        ),
    ),
    "steps.duplicate": Problem(
        Text("varje stegnummer i en enda fil", "each step number in one file only"),
        Text("steg {step} också i {file}", "step {step} also in {file}"),
    ),
    "steps.missing": Problem(
        Text("en fil för steg {step}", "a file for step {step}"),
        Text("ingen", "none"),
        Text("lägg till {folder}/{step}-<slug>.yml.", "add {folder}/{step}-<slug>.yml."),
    ),
    "questions.duplicate_id": Problem(
        Text("ett fråge-id som bara används en gång i steget", "a question id used once in the step"),
        _AGAIN,
        Text(
            "frågornas id blir ankare (#id) och måste vara unika.",
            "question ids become anchors (#id) and must be unique.",
        ),
    ),
    "terms.not_a_list": Problem(
        Text(
            "en lista med begrepp (rader som börjar med '- id: ...')",
            "a list of terms (lines starting with '- id: ...')",
        ),
        Text("{found}", "{found}"),
    ),
    "terms.duplicate_id": Problem(Text("ett begrepps-id som bara används en gång", "a term id used once"), _AGAIN),
    "synonyms.not_a_list": Problem(
        Text(
            "en lista med sökord (rader som börjar med '- language: sv')",
            "a list of synonyms (lines starting with '- language: sv')",
        ),
        Text("{found}", "{found}"),
    ),
    "synonyms.duplicate_word": Problem(
        Text("varje ord en gång per språk", "each word once per language"),
        Text("'{word}' en gång till", "'{word}' again"),
        Text(
            "lägg till de andra orden under finds i den första posten.",
            "add the other words to the first entry's finds.",
        ),
    ),
    "items.file_name": Problem(
        Text("<id>.md (svenska) eller <id>.en.md (engelska)", "<id>.md (Swedish) or <id>.en.md (English)"),
        Text("filnamnet {name}", "the file name {name}"),
        Text("svenska filer har inget språk i filnamnet.", "Swedish files have no language suffix."),
    ),
    "items.english_only": Problem(
        Text("ett svenskt original {folder}/{id}.md bredvid den", "a Swedish original {folder}/{id}.md beside it"),
        Text("bara den engelska filen", "only the English file"),
        Text(
            "den svenska filen innehåller uppgifterna; skapa den först (python -m metodbanken new ...).",
            "the Swedish file holds the facts; create it first (python -m metodbanken new ...).",
        ),
    ),
    "id.not_file_name": Problem(
        Text("id:t '{file_id}' (samma som filnamnet)", "the id '{file_id}' (equal to the file name)"),
        Text("'{id}'", "'{id}'"),
        Text(
            "byt namn på filen till {id}.md, eller skriv id: {file_id}. Ett id ändras aldrig efter publicering; "
            "ett nytt namn kräver en omdirigering.",
            "rename the file to {id}.md, or set id: {file_id}. Ids never change once published; a rename needs a redirect.",
        ),
    ),
    "id.reserved": Problem(
        Text(
            "ett id som inte är namnet på en sida som webbplatsen skapar",
            "an id that is not the name of a page the site generates",
        ),
        Text("'{id}'", "'{id}'"),
        Text(
            "välj ett mer specifikt id, till exempel '{id}-{kind}'.", "choose a more specific id, e.g. '{id}-{kind}'."
        ),
    ),
    "id.duplicate": Problem(
        Text("ett id som bara används av ett innehåll", "an id used by one item only"),
        Text("'{id}', som också används i {file}", "'{id}', also used in {file}"),
    ),
    "body.missing": Problem(
        Text("texten under fälten", "the text below the front matter"),
        Text("ingen text", "no text"),
        Text(
            "skriv de avsnitt som mallen listar (för en metod: Syfte, Så går det till, Vad som krävs, Erfarenheter).",
            "write the sections the template lists (for a method: Syfte, Så går det till, Vad som krävs, Erfarenheter).",
        ),
    ),
    "translation.missing_field": Problem(
        Text("det översatta fältet '{field}'", "the translated field '{field}'"),
        Text("inget sådant fält", "it missing"),
        Text("översätt '{field}' från den svenska filen.", "translate '{field}' from the Swedish file."),
    ),
    # material files (content/load.py, content/files.py)
    "material.file_twice": Problem(
        Text("varje fil listad en gång", "each file listed once"),
        Text("'{file}' en gång till (också files[{index}])", "'{file}' again (also files[{index}])"),
        Text("ta bort den upprepade raden.", "remove the repeated entry."),
    ),
    "material.file_not_listed": Problem(
        Text("att varje fil i {folder}/ står under files", "every file in {folder}/ listed under files"),
        Text("'{file}', som inte står med", "'{file}', which is not listed"),
        Text(
            "lägg till den under files (med dess språk), eller ta bort filen.",
            "list it under files (with its language), or remove it.",
        ),
    ),
    "material.file_name": Problem(
        _MATERIAL_FILE,
        Text("filnamnet '{file}'", "the file name '{file}'"),
        Text(
            "filnamn får bara innehålla bokstäverna A–Z, siffror, '.', '_' och '-', börja med en bokstav eller siffra och "
            "sluta med en filändelse, till exempel affisch-v47.pdf.",
            "file names use letters A–Z, digits, '.', '_' and '-' only, start with a letter or digit and end in an extension, "
            "e.g. affisch-v47.pdf.",
        ),
    ),
    "material.file_type": Problem(
        _MATERIAL_FILE,
        Text("en '.{extension}'-fil", "a '.{extension}' file"),
        Text(
            "banken publicerar filer av typerna {extensions}; spara den som en av dem (till exempel PDF).",
            "the bank publishes {extensions} files; save it as one of those (for example PDF).",
        ),
    ),
    "material.file_symlink": Problem(
        _MATERIAL_FILE, _SYMLINK, Text("ladda upp själva filen.", "upload the file itself.")
    ),
    "material.file_missing": Problem(
        _MATERIAL_FILE,
        Text("'{file}', som inte finns där", "'{file}', which is not there"),
        Text("ladda upp filen till {folder}/ eller rätta namnet.", "upload the file to {folder}/ or fix its name."),
    ),
    "material.file_outside": Problem(
        _MATERIAL_FILE,
        Text("en sökväg utanför materialets mapp", "a path outside the material's folder"),
        Text("ladda upp filen i materialets egen mapp.", "upload the file into the material's own folder."),
    ),
    "material.file_too_large": Problem(
        _MATERIAL_FILE,
        Text("en fil på {size} MB", "a file of {size} MB"),
        Text(
            "filer får vara högst {max} MB; komprimera eller dela upp den.",
            "files may be at most {max} MB; compress it or split it.",
        ),
    ),
    "material.file_unsafe_svg": Problem(
        _MATERIAL_FILE,
        Text("en SVG-bild med {problem}", "an SVG image with {problem}"),
        Text(
            "SVG-bilder får bara innehålla former, text och stilar: inga skript, händelseattribut, foreignObject, animerade "
            "länkar eller hänvisningar till andra filer. Exportera bilden igen eller använd PNG.",
            "SVG images may hold shapes, text and styles only: no script, event attributes, foreignObject, animation of links "
            "or references to other files. Export it again or use PNG.",
        ),
    ),
    # the documents the build makes from the materials and checklists (documents.py)
    "document.cannot_make": Problem(
        Text("en källa som bygget kan göra {file} av", "a source the build can turn into {file}"),
        Text("felet {error}", "the error {error}"),
        Text(
            "kontrollera filens Markdown eller SVG; materialets andra filer påverkas inte.",
            "check the file's Markdown or SVG; the material's other files are unaffected.",
        ),
    ),
    "document.checklist_drift": Problem(
        Text("frågorna i {steps}: '{expected_line}'", "the questions of {steps}: '{expected_line}'"),
        Text("'{found_line}'", "'{found_line}'"),
        Text(
            "filen görs av checklistorna: ändra frågorna där och kör sedan `python -m metodbanken checklists`.",
            "the file is made from the checklists: change the questions there, then run `python -m metodbanken checklists`.",
        ),
    ),
    # files and folders as files (content/files.py)
    "path.symlink": Problem(
        Text("en riktig fil eller mapp", "a real file or folder"),
        _SYMLINK,
        Text(
            "ersätt länken med själva filen; banken följer aldrig länkar.",
            "replace the link with the file itself; the bank never follows links.",
        ),
    ),
    "folder.subfolder": Problem(
        Text("bara innehållsfiler i {folder}/", "only content files in {folder}/"),
        Text("en mapp som banken inte läser", "a folder the bank does not read"),
        Text("{hint}", "{hint}"),
    ),
    "folder.stray_file": Problem(
        Text("filer med namnen <id>.md och <id>.en.md i {folder}/", "<id>.md and <id>.en.md files in {folder}/"),
        Text("en '{suffix}'-fil", "a '{suffix}' file"),
        Text(
            "den skulle aldrig publiceras: byt namn på den till <id>.md eller ta bort den.",
            "it would never be published: rename it to <id>.md or remove it.",
        ),
    ),
    # interface texts (content/files.py)
    "labels.missing_file": Problem(
        Text("gränssnittstexterna på det här språket", "the interface texts in this language"),
        _NO_FILE,
        Text("hämta tillbaka filen från projektet på GitHub.", "restore the file from the repository."),
    ),
    "labels.not_a_mapping": Problem(
        Text("rader med nyckel: text", "a mapping of key: text"), Text("{found}", "{found}")
    ),
    "labels.key_format": Problem(
        Text("en nyckel av små bokstäver, siffror och _", "a key of lower-case letters, digits and _"),
        Text("'{key}'", "'{key}'"),
    ),
    "labels.not_text": Problem(
        Text("en text", "a text"),
        Text("{found}", "{found}"),
        Text('sätt citattecken runt den: nyckel: "text".', 'write it in quotes: key: "text".'),
    ),
    "labels.placeholder_syntax": Problem(
        Text("en text där platshållarna ser ut som {{namn}}", "a text whose placeholders look like {{name}}"),
        Text("'{value}' ({error})", "'{value}' ({error})"),
        Text("skriv en klammerparentes som ska synas som {{{{ eller }}}}.", "write a literal brace as {{{{ or }}}}."),
    ),
    "labels.missing_key": Problem(
        Text(
            "texten '{key}' (som mallarna eller labels/{reference}.yml använder)",
            "the text '{key}' (used by the templates or in labels/{reference}.yml)",
        ),
        Text("ingen sådan text", "it missing"),
        Text('lägg till {key}: "…" i labels/{language}.yml.', 'add {key}: "…" in {language}.'),
    ),
    "labels.extra_key": Problem(
        Text("bara nycklar som labels/{reference}.yml har", "only keys that labels/{reference}.yml has"),
        Text("'{key}'", "'{key}'"),
        Text("ta bort den, eller lägg till den på alla språk.", "remove it, or add it to every language."),
    ),
    "labels.placeholders_differ": Problem(
        Text(
            "platshållarna {placeholders} (som i labels/{reference}.yml)",
            "the placeholders {placeholders} (as in labels/{reference}.yml)",
        ),
        Text("{found}", "{found}"),
        Text("varje språk fyller i samma värden.", "each language fills in the same values."),
    ),
    # moved addresses (content/files.py)
    "redirects.not_a_mapping": Problem(
        Text("rader 'gammal/sökväg/: ny/sökväg/'", "lines 'old/path/: new/path/'"),
        Text("{found}", "{found}"),
        Text(
            "skriv en rad per flyttad adress, till exempel metoder/gammalt-id/: metoder/nytt-id/",
            "write one line per moved address, e.g. metoder/gammalt-id/: metoder/nytt-id/",
        ),
    ),
    "redirects.path": Problem(
        Text(
            "{which} som en sökväg inom webbplatsen, till exempel metoder/nytt-id/",
            "{which} as a path inside the site, such as metoder/nytt-id/",
        ),
        Text("{found}", "{found}"),
        Text(
            "inget https://, inget '..', inga mellanslag; små bokstäver, siffror och bindestreck.",
            "no https://, no '..', no spaces; lower-case letters, digits and hyphens.",
        ),
    ),
    "redirects.over_page": Problem(
        Text("en adress som webbplatsen inte längre har", "an address the site no longer has"),
        Text("'{path}', en sida som finns", "'{path}', a page that exists"),
        Text(
            "en omdirigering skulle dölja den riktiga sidan: ta bort raden.",
            "a redirect would hide the real page: remove the line.",
        ),
    ),
    "redirects.target_missing": Problem(
        Text("en ny adress som webbplatsen har", "a new address the site has"),
        Text("'{path}', som webbplatsen inte har", "'{path}', which the site does not have"),
        Text(
            "peka den mot en sida som finns, till exempel metoder/<id>/.",
            "point it at an existing page, e.g. metoder/<id>/.",
        ),
    ),
}


# -- phrases: parts of messages -------------------------------------------------------------------------------------

PHRASES: dict[str, Text] = {
    # the report (errors.py)
    "report.header.one": Text(
        "Metodbanken hittade {n} problem i innehållet:", "Metodbanken found {n} problem in the content:"
    ),
    "report.header.other": Text(
        "Metodbanken hittade {n} problem i innehållet:", "Metodbanken found {n} problems in the content:"
    ),
    "report.line": Text(
        "{where} förväntade {expected}, hittade {found}.", "{where} expected {expected}, found {found}."
    ),
    "report.line_hint": Text("{line} Tips: {hint}", "{line} Hint: {hint}"),
    "report.annotation": Text(
        "{field}: förväntade {expected}, hittade {found}.", "{field}: expected {expected}, found {found}."
    ),
    "report.annotation_hint": Text("{message} Tips: {hint}", "{message} {hint}"),
    "report.annotation_title": Text("Metodbanken: fel i innehållet", "Metodbanken content"),
    # how a found value is shown (errors.describe)
    "value.none": Text("inget (ett tomt värde)", "nothing (empty value)"),
    "value.boolean": Text("sanningsvärdet {value}", "the boolean {value}"),
    "value.number": Text("talet {value}", "the number {value}"),
    "value.text": Text('texten "{text}"', 'the text "{text}"'),
    "value.list.one": Text("en lista med {n} värde", "a list of {n} item"),
    "value.list.other": Text("en lista med {n} värden", "a list of {n} items"),
    "value.mapping": Text("fält med värden (namn: värde)", "a mapping (key: value pairs)"),
    "value.other": Text("ett värde av typen {type}", "a value of type {type}"),
    "value.read_as": Text("{written}, som YAML läser som {value}", "{written}, which YAML reads as {value}"),
    "count.items.one": Text("{n} värde", "{n} item"),
    "count.items.other": Text("{n} värden", "{n} items"),
    "none": Text("inga", "none"),
    # what kind of value was expected (content/values.py)
    "expect.text": Text("text", "text"),
    "expect.id": Text("ett id (text)", "an id (text)"),
    "expect.date": Text("ett datum skrivet ÅÅÅÅ-MM-DD", "a date written YYYY-MM-DD"),
    "expect.url": Text("en webbadress", "a web address"),
    "expect.term": Text("ett värde ur ordlistan {vocabulary}", "a value from the {vocabulary} vocabulary"),
    "expect.ref": Text("id:t för {what}", "the id of {what}"),
    "kind.a.method": Text("en metod", "a method"),
    "kind.a.case": Text("ett exempel", "a case"),
    "kind.a.material": Text("ett material", "a material"),
    "kind.a.source": Text("en källa", "a source"),
    "kind.existing.method": Text("en befintlig metod", "an existing method"),
    "kind.existing.case": Text("ett befintligt exempel", "an existing case"),
    "kind.existing.material": Text("ett befintligt material", "an existing material"),
    "kind.existing.source": Text("en befintlig källa", "an existing source"),
    # hints shared by several problems
    "hint.did_you_mean": Text("menade du '{guess}'?", "did you mean '{guess}'?"),
    "hint.remove_or_rename_field": Text("ta bort det eller rätta namnet.", "remove it or fix its name."),
    "hint.add_field": Text("lägg till det.", "add it."),
    "hint.add_field_example": Text(
        "lägg till det. Till exempel: {name}: {example}", "add it. For example: {name}: {example}"
    ),
    "hint.vocabulary_values": Text(
        "de tillåtna värdena och vad de betyder finns i vocabularies.yml.",
        "the allowed values and their meaning are in vocabularies.yml.",
    ),
    "hint.check_id_against": Text("jämför id:t med {where}.", "check the id against {where}."),
    "hint.material_folder": Text(
        "ett materials filer ligger i materials/<id>/ bredvid materials/<id>.md.",
        "a material's files go in materials/<id>/ beside materials/<id>.md.",
    ),
    "hint.no_subfolders": Text(
        "lägg varje fil direkt i {folder}/; undermappar läses inte.",
        "put every file directly in {folder}/; subfolders are not read.",
    ),
    # why a web address cannot be used (content/values.py)
    "url.unreadable": Text("en webbläsare kan inte läsa den", "a browser cannot read it"),
    "url.scheme": Text("en '{scheme}'-adress", "a '{scheme}' address"),
    "url.contains": Text("den innehåller {character}", "it contains {character}"),
    "url.space": Text("den innehåller ett mellanslag eller en radbrytning", "it contains a space or line break"),
    # what the front matter lacks (sourcefile.py)
    "front_matter.unclosed": Text("ingen avslutande rad med '---'", "no closing '---'"),
    "front_matter.none": Text("text utan fält överst", "text without front matter"),
    # libyaml's most common complaints, in plain words (sourcefile.py shows others as libyaml writes them)
    "yaml.expected_list_end": Text(
        "en lista som inte avslutas: ',' eller ']' saknas", "did not find expected ',' or ']'"
    ),
    "yaml.expected_mapping_end": Text(
        "fält inom {{ }} som inte avslutas: ',' eller '}}' saknas", "did not find expected ',' or '}}'"
    ),
    "yaml.colon_not_allowed": Text(
        "ett kolon där inget nytt fält kan börja (kontrollera indraget, och sätt citattecken runt text med ': ')",
        "mapping values are not allowed in this context",
    ),
    "yaml.expected_key": Text("inget fältnamn där det behövdes (kontrollera indraget)", "did not find expected key"),
    "yaml.expected_colon": Text("inget ':' efter fältnamnet", "could not find expected ':'"),
    "yaml.bad_character": Text(
        "ett tecken som inte kan inleda ett värde (till exempel @, ` eller ett tabbtecken; använd mellanslag för indrag)",
        "found character that cannot start any token",
    ),
    "yaml.unexpected_end": Text(
        "filen tar slut mitt i ett värde (ett citattecken som inte avslutas?)", "found unexpected end of stream"
    ),
    "yaml.expected_entry": Text(
        "en rad i en lista som inte börjar med '- ' (kontrollera indraget)", "did not find expected '-' indicator"
    ),
    # Markdown that cannot be published (markup.py)
    "markdown.html": Text("HTML-koden {html}", "the HTML {html}"),
    "markdown.too_long": Text("{length} tecken", "{length} characters"),
    "markdown.too_long_hint": Text(
        "en text får vara högst {max} tecken; dela upp den eller flytta detaljer till en materialfil.",
        "a text may be at most {max} characters; split it or move details to a material file.",
    ),
    "markdown.openers": Text("{count} '{opener}' i ett stycke", "{count} '{opener}' in one paragraph"),
    "markdown.openers_hint": Text(
        "högst {max} per stycke: dela upp det med tomma rader, eller skriv '\\{opener}' för ett "
        "'{opener}' som inte är en länk eller HTML.",
        "at most {max} per paragraph: split it with blank lines, or write '\\{opener}' for a "
        "'{opener}' that is not a link or HTML.",
    ),
    "markdown.nested": Text("en rad som är inkapslad i {depth} nivåer", "a line nested {depth} levels deep"),
    "markdown.nested_hint": Text(
        "listor och citat får vara inkapslade i högst {max} nivåer.", "lists and quotes may nest at most {max} levels."
    ),
    "markdown.slow": Text("en text som tog mer än {seconds} s att läsa", "a text that took over {seconds} s to read"),
    "markdown.slow_hint": Text(
        "förenkla den: väldigt många oavslutade hakparenteser eller djupt inkapslade listor gör Markdown långsam.",
        "simplify it: very many unclosed brackets or deeply nested lists make Markdown slow.",
    ),
    "markdown.too_deep": Text("en text som är för djupt inkapslad för att läsas", "a text nested too deeply to read"),
    # HTML refused in content or in a built page (safety/allowlist.py, safety/pagescan.py)
    "html.element": Text("<{element}> ({problem})", "<{element}> ({problem})"),
    "html.attribute": Text(
        '<{element} {attribute}="{value}"> ({problem})', '<{element} {attribute}="{value}"> ({problem})'
    ),
    "html.element_not_published": Text(
        "ett element som banken inte publicerar", "an element the bank does not publish"
    ),
    "html.attribute_not_published": Text(
        "ett attribut som banken inte publicerar", "an attribute the bank does not publish"
    ),
    "html.unreadable_address": Text("en adress som en webbläsare inte kan läsa", "an address a browser cannot read"),
    "html.file_from_elsewhere": Text("en fil från en annan webbplats", "a file from another site"),
    "html.scheme": Text("en '{scheme}'-adress", "a '{scheme}' address"),
    "html.embeds": Text(
        "ett element som bäddar in en annan sida eller byter sidans basadress", "an element that embeds or rebases"
    ),
    "html.script_in_content": Text(
        "skript eller stil inuti sidans innehåll", "script or style inside the page content"
    ),
    "html.id_not_slug": Text("ett id som inte är ett tillåtet id", "an id that is not an allowed id"),
    "html.class_not_ours": Text("en klass som inte är bankens egen", "a class that is not the bank's own"),
    "html.hint.id": Text(
        "ett id består av små bokstäver a–z, siffror och bindestreck och börjar med en bokstav, till exempel "
        "egna-erfarenheter. Det får inte börja med md- eller mb- (temats och mallarnas egna).",
        "an id is lower-case letters a–z, digits and hyphens and begins with a letter, for example "
        "own-experience. It may not begin with md- or mb- (the theme's and the templates' own).",
    ),
    "html.hint.class": Text(
        "texter behöver sällan en klass. Om det behövs: bara klasser som börjar med mb- "
        "(bankens egna), aldrig temats (md-…).",
        "texts rarely need a class. If one is needed: only classes that begin with mb- (the bank's "
        "own), never the theme's (md-…).",
    ),
    "html.script_outside_assets": Text(
        "ett skript som inte ligger bland webbplatsens skriptfiler (assets/, pagefind/)",
        "a script that is not among the site's script files (assets/, pagefind/)",
    ),
    "html.style_sheet_loads": Text("en stilmall som hämtar en fil", "a style sheet that loads a file"),
    "html.style_loads": Text("en stil som hämtar en fil", "a style that loads a file"),
    "html.animated_link": Text("en animering som ändrar en länk", "an animation that changes a link"),
    "html.redirect_off_site": Text("en omdirigering bort från webbplatsen", "a redirect off the site"),
    "html.event_handler": Text("en händelsehanterare", "an event handler"),
    "html.data_file": Text("en 'data:'-fil", "a 'data:' file"),
    "html.changes_page": Text("HTML som ändrar sidan runt texten", "HTML that changes the page around the text"),
    "html.changes_page_somewhere": Text(
        "HTML som ändrar sidan runt en text", "HTML that changes the page around a text"
    ),
    "html.hint.element": Text(
        "banken publicerar text, listor, tabeller, länkar och bilder från banken själv; "
        "skriv det i Markdown, utan det här HTML-elementet.",
        "the bank publishes text, lists, tables, links and images from the bank itself; "
        "write it in Markdown, without this HTML element.",
    ),
    "html.hint.attribute": Text(
        "Markdown kan ge ett element ett id eller en klass ({{: #id .mb-klass }}), inget annat: "
        "ingen style, ingen händelsehanterare som onclick, inga data-attribut.",
        "Markdown may give an element an id or a class ({{: #id .mb-class }}), nothing else: "
        "no style, no event handler such as onclick, no data- attributes.",
    ),
    "html.hint.link": Text(
        "länka till en webbsida (https://…), en e-postadress (mailto:…) eller en annan sida i banken (../metoder/<id>.md).",
        "link to a web page (https://…), an e-mail address (mailto:…) or another page of the bank (../metoder/<id>.md).",
    ),
    "html.hint.image": Text(
        "bilder måste vara filer i banken (till exempel ett materials fil); bilder från andra webbplatser är inte tillåtna.",
        "images must be files in the bank (for example a material's file); images from other sites are not allowed.",
    ),
    # what makes an SVG file unsafe (content/files.py)
    "html.hint.balance": Text(
        "stäng varje HTML-element som du öppnar, och stäng inget som du inte har öppnat (till exempel "
        "ett ensamt </div>); de flesta texter behöver ingen HTML alls.",
        "close every HTML element you open and do not close one you did not open (for example a stray "
        "</div>); most texts need no HTML at all.",
    ),
    "document.end_of_file": Text("(filens slut)", "(the end of the file)"),
    "svg.doctype": Text("en DOCTYPE- eller entitetsdeklaration", "a DOCTYPE or entity declaration"),
    "svg.stylesheet": Text("en xml-stylesheet-instruktion", "an xml-stylesheet instruction"),
    "svg.unreadable": Text("XML som banken inte kan läsa ({error})", "XML the bank cannot read ({error})"),
    "svg.root": Text("<{tag}> som rot i stället för <svg>", "<{tag}> as its root instead of <svg>"),
    "svg.element": Text("ett <{tag}>-element", "a <{tag}> element"),
    "svg.style_loads": Text("en stil som hämtar en fil", "a style that loads a file"),
    "svg.event": Text("händelseattributet {name}", "an event attribute {name}"),
    "svg.reference": Text("en hänvisning till '{target}'", "a reference to '{target}'"),
    "svg.reference_in": Text("en hänvisning till en annan fil i {name}", "a reference to another file in {name}"),
    "svg.animated_link": Text("en animering som ändrar en länk", "an animation that changes a link"),
    # moved addresses (content/files.py)
    "redirects.old": Text("den gamla adressen", "the old address"),
    "redirects.new": Text("den nya adressen", "the new address"),
    # the content command (cli.py) and `status` (status.py)
    "check.ok": Text("OK: {counts} kontrollerade på {seconds} s.", "OK: {counts} checked in {seconds} s."),
    "count.methods.one": Text("{n} metod", "{n} method"),
    "count.methods.other": Text("{n} metoder", "{n} methods"),
    "count.cases.one": Text("{n} exempel", "{n} case"),
    "count.cases.other": Text("{n} exempel", "{n} cases"),
    "count.materials.one": Text("{n} material", "{n} material"),
    "count.materials.other": Text("{n} material", "{n} materials"),
    "count.steps.one": Text("{n} steg", "{n} step"),
    "count.steps.other": Text("{n} steg", "{n} steps"),
    "count.terms.one": Text("{n} begrepp", "{n} term"),
    "count.terms.other": Text("{n} begrepp", "{n} terms"),
    "list.and": Text("{first} och {last}", "{first} and {last}"),
    "status.fix_first": Text(
        "Rätta de här problemen först (python -m metodbanken check); status behöver innehåll som går att läsa in.",
        "Fix these first (python -m metodbanken check); status needs content that loads.",
    ),
    "status.method": Text("metoden '{id}'", "method '{id}'"),
    "status.case": Text("exemplet '{id}'", "case '{id}'"),
    "status.material": Text("materialet '{id}'", "material '{id}'"),
    "status.step": Text("steg {n}", "step {n}"),
    "status.term": Text("begreppet '{id}'", "term '{id}'"),
    "status.question": Text("frågan '{id}'", "question '{id}'"),
    "status.no_english_file": Text("ingen engelsk fil", "no English file"),
    "status.no_english_text": Text("ingen engelsk text", "no English text"),
    "status.no_english": Text("ingen engelsk översättning av {parts}", "no English {parts}"),
    "status.last_reviewed": Text(
        "senast granskad {date} (för {days} dagar sedan)", "last reviewed {date} ({days} days ago)"
    ),
    "status.no_sources": Text("inga källor", "no sources"),
    "status.untranslated": Text("Saknar engelsk översättning", "Lacks an English translation"),
    "status.untranslated_fix": Text(
        "Översätt den svenska filen till <id>.en.md (eller fyll i 'en:').",
        "Translate the Swedish file into <id>.en.md (or the 'en:' keys).",
    ),
    "status.overdue": Text("Dags att granska igen", "Past its review date"),
    "status.overdue_fix": Text(
        "Kontrollera innehållet mot källorna och sätt sedan last_reviewed till dagens datum.",
        "Check the content against its sources, then set last_reviewed to today's date.",
    ),
    "status.unsourced": Text("Saknar källa", "Has no source"),
    "status.unsourced_fix": Text(
        "Lägg till id:n för de källor (sources.yml) som stöder texten.",
        "Add the ids of the sources (sources.yml) that back the text.",
    ),
    "status.incomplete": Text(
        "Metodsidor som saknar det som en läsare behöver för att välja",
        "A method page lacks what a reader needs to choose",
    ),
    "status.incomplete_fix": Text(
        "Lägg till uppgiften från en angiven källa. Om källorna har kontrollerats och inte anger den: "
        "skriv fältets namn under 'unstated'.",
        "Add it from a cited source; if the sources were checked and do not give it, list the field "
        "under 'unstated'.",
    ),
    "status.explained": Text(
        "Uppgifter som källorna inte anger (det står på sidan)", "Facts the sources do not state (shown on the page)"
    ),
    "status.explained_fix": Text("Lägg till dem när en källa anger dem.", "Add them when a source gives them."),
    "status.lacks": Text("saknar {gaps}", "lacks {gaps}"),
    "status.unstated": Text("källorna anger inte: {fields}", "the sources do not state: {fields}"),
    "status.gap.resources": Text("vad metoden kräver (resources)", "what it takes (resources)"),
    "status.gap.owner": Text("en ägare eller kontaktorganisation (owner)", "an owner or contact organisation (owner)"),
    "status.gap.owner_url": Text("ägarens webbadress (owner_url)", "the owner's web address (owner_url)"),
    "status.gap.source_url": Text("en källa med webbadress", "a source with a web address"),
    "status.fix": Text("Åtgärd: {fix}", "Fix: {fix}"),
    "status.text_header": Text(
        "Metodbankens status {date} ({counts}; granskningsintervall {days} dagar)",
        "Metodbanken status on {date} ({counts}; review interval {days} days)",
    ),
    "status.markdown_title": Text("## Metodbanken: innehållets status", "## Metodbanken: content status"),
    "status.markdown_summary": Text(
        "Kontrollerat {date}: {counts}. Innehållet granskas om efter {days} dagar.",
        "Checked {date}: {counts}. Review interval: {days} days.",
    ),
    "status.count": Text("antal", "count"),
    "new.refused": Text("Kan inte skapa filerna: {error}", "Cannot create the files: {error}"),
    "new.invalid_id": Text(
        "'{id}' är inte ett giltigt id: använd små ASCII-bokstäver (a–z), siffror och enkla bindestreck.",
        "'{id}' is not a valid id: use lower-case ASCII letters, digits and single hyphens.",
    ),
    "new.invalid_id_example": Text(
        "'{id}' är inte ett giltigt id: använd små ASCII-bokstäver (a–z), siffror och enkla bindestreck, "
        "till exempel '{slug}'.",
        "'{id}' is not a valid id: use lower-case ASCII letters, digits and single hyphens, " "for example '{slug}'.",
    ),
    "new.taken": Text(
        "{item} finns redan ({files}); välj ett annat id eller redigera de befintliga filerna.",
        "{item} already exists ({files}); choose another id or edit the existing files.",
    ),
    "new.created": Text("skapade {path}", "created {path}"),
    "new.next": Text(
        "Fyll i fälten (vart och ett förklaras i filen) och kör sedan: python -m metodbanken check",
        "Fill in the fields (each is explained in the file), then run: python -m metodbanken check",
    ),
    # published addresses (urls.py, cli.py)
    "urls.no_site": Text(
        "Ingen byggd webbplats i {site}: kör `.venv/bin/mkdocs build --strict` först.",
        "No built site at {site}: run `.venv/bin/mkdocs build --strict` first.",
    ),
    "urls.ok": Text(
        "OK: varje adress i {file} finns kvar; {added} nya adresser läggs till när webbplatsen publiceras.",
        "OK: every address in {file} is still served; {added} new address(es) will be recorded on publishing.",
    ),
    "urls.written": Text("{file}: {count} adresser", "{file}: {count} addresses"),
    "urls.gone": Text(
        "{url} har publicerats men finns inte längre på webbplatsen. Gamla länkar (i bildspel och "
        "utskrivet material) skulle sluta fungera. Om sidan har flyttats eller bytt id: lägg till raden '{path}: <ny sökväg>' "
        "i {file} (till exempel '{path}: metoder/nytt-id/'); den gäller båda språken.",
        "{url} was published but the site no longer has it. Old links (slides, printed handouts) would break. "
        "If the page moved or its id changed, add the line '{path}: <new path>' to {file} "
        "(for example '{path}: metoder/nytt-id/'); it covers both languages.",
    ),
    "urls.redirect_nowhere": Text(
        "{url} pekas om till {target} ({file}), som webbplatsen inte har. "
        "Peka raden '{path}: …' i {file} mot en sida som finns.",
        "{url} redirects to {target} ({file}), which the site does not have. "
        "Point the line '{path}: …' in {file} at a page that exists.",
    ),
    "urls.redirect_over_page": Text(
        "{file}: '{old}' är en sida som webbplatsen fortfarande har; en omdirigering skulle ersätta "
        "den. Ta bort raden.",
        "{file}: '{old}' is a page the site still has; a redirect would replace it. Remove the line.",
    ),
    "urls.redirect_target_missing": Text(
        "{file}: '{old}' pekar mot '{new}', som webbplatsen inte har ({url}).",
        "{file}: '{old}' points to '{new}', which the site does not have ({url}).",
    ),
    # the built pages against the sources (pages/counts.py)
    "verify.header": Text(
        "Metodbanken: den byggda webbplatsen stämmer inte med källfilerna:",
        "Metodbanken: the built site does not match the sources:",
    ),
    "verify.index_count": Text(
        "[{language}] {section}/index.html listar {listed}, källfilerna har {wanted}",
        "[{language}] {section}/index.html lists {listed}, the sources hold {wanted}",
    ),
    "verify.index_missing": Text("{counted}; saknas: {missing}", "{counted}; missing: {missing}"),
    "verify.no_page": Text(
        "[{language}] ingen sida för {item} på {section}/{id}/", "[{language}] no page for {item} at {section}/{id}/"
    ),
    "verify.page_count": Text(
        "[{language}] {section}/ har {pages} sidor, källfilerna har {wanted}",
        "[{language}] {section}/ holds {pages} item pages, the sources hold {wanted}",
    ),
    # the last check of the built site (pages/seal.py)
    "site.header": Text(
        "Metodbanken: den byggda webbplatsen innehåller något som ingen sida får innehålla:",
        "Metodbanken: the built site holds what no page may hold:",
    ),
    "site.violation": Text("{page}: {found}. {hint}", "{page}: {found}. {hint}"),
    "site.page_from": Text("{problem} (sidan är gjord av {source})", "{problem} (the page is made from {source})"),
    "site.inline_script": Text(
        "{page}: {count} inline-skript (det första: {script}). Ingen sida får köra inline-skript, "
        "oavsett var det kommer ifrån. Om det kommer från en text: ta bort det (till exempel ett id "
        "eller en rubrik med HTML i). Om det är en mall: lägg skriptet i en fil under docs/assets/.",
        "{page}: {count} inline script(s) (the first: {script}). No page may run an inline script, "
        "wherever it comes from. If it comes from a text: take it out (an id or a heading with HTML "
        "in it, say). If it is a template: put the script in a file under docs/assets/.",
    ),
    "site.csp_twice": Text(
        "{page}: sidan har mer än en Content-Security-Policy, eller ett skript före den. Bara mallen "
        "(overrides/main.html) skriver policyn, först i <head>.",
        "{page}: the page has more than one Content-Security-Policy, or a script before it. Only the "
        "template (overrides/main.html) writes the policy, first in <head>.",
    ),
    "site.id_twice": Text(
        '{page}: id:t "{id}" finns mer än en gång på sidan, så en text kan ta en mall-dels plats. '
        "Byt id i texten (ett id är små bokstäver, siffror och bindestreck och får inte börja med md- eller __).",
        '{page}: the id "{id}" occurs more than once on the page, so a text can take a template part\'s '
        "place. Change the id in the text (an id is lower-case letters, digits and hyphens and may not "
        "begin with md- or __).",
    ),
    "site.csp_missing": Text(
        "{page}: ingen <meta> med Content-Security-Policy. Varje sidas mall måste skriva en "
        "(overrides/main.html skriver den för temats sidor).",
        "{page}: no Content-Security-Policy <meta>. Every page's template must write one "
        "(overrides/main.html writes it for the theme's pages).",
    ),
}

# Phrases whose words are the same in both languages (markup, or a word both languages share).
SAME_IN_BOTH = {"html.element", "html.attribute", "site.violation", "expect.text", "count.materials.one"}

# -- evidence --
# Evaluation records, the decision facts (ages, cost, dosage) and the ratings derived from them (issue 19).
PROBLEMS.update(
    {
        "evidence.knowledge_removed": Problem(
            Text(
                "inget fält knowledge: det finns inte längre, eftersom bankens två omdömen (hur säkert och vad som hittades) "
                "nu räknas fram ur utvärderingarna i evaluations",
                "no knowledge field: it is gone, since the bank's two ratings (how sure, what was found) are now derived from "
                "the evaluations in evaluations",
            ),
            Text("fältet knowledge med {found}", "the field knowledge with {found}"),
            Text(
                "ta bort raden knowledge och skriv i stället in utvärderingarna som källorna redovisar i evaluations, eller, om ni "
                "inte hittade någon, vad ni sökte i evaluations_searched och när i evaluations_searched_on (se 'Så registrerar du "
                "en utvärdering' i CONTRIBUTING.md).",
                "remove the knowledge line and record the evaluations the sources report in evaluations instead, or, if you found "
                "none, what you searched in evaluations_searched and when in evaluations_searched_on (see 'How to record an "
                "evaluation' in CONTRIBUTING.en.md).",
            ),
        ),
        "evidence.search_missing": Problem(
            Text(
                "utvärderingar i evaluations, eller en anteckning om sökningen i evaluations_searched (sv och en) med datum i "
                "evaluations_searched_on",
                "evaluations in evaluations, or a note on the search in evaluations_searched (sv and en) "
                "dated in evaluations_searched_on",
            ),
            Text(
                "varken utvärderingar eller en anteckning om sökningen", "neither evaluations nor a note on the search"
            ),
            Text(
                "skriv in de utvärderingar som källorna redovisar; hittade ni ingen, skriv var ni sökte och när, till exempel "
                'evaluations_searched: {{sv: "Vi sökte i … och hittade inga utvärderingar.", en: "We searched … and found no '
                'evaluations."}} och evaluations_searched_on: {today}.',
                "record the evaluations the sources report; if you found none, say where you searched and when, for example "
                'evaluations_searched: {{sv: "Vi sökte i … och hittade inga utvärderingar.", en: "We searched … and found no '
                'evaluations."}} and evaluations_searched_on: {today}.',
            ),
        ),
        "evidence.search_unpaired": Problem(
            Text(
                "både evaluations_searched och evaluations_searched_on (vad som söktes, och när)",
                "both evaluations_searched and evaluations_searched_on (what was searched, and when)",
            ),
            Text("bara {given}", "only {given}"),
            Text("lägg till {missing}.", "add {missing}."),
        ),
        "fact.source_missing": Problem(
            Text(
                "fältet {source_field} (id:t för källan som anger uppgiften) när {fields} anges",
                "the field {source_field} (the id of the source that gives it) when {fields} is given",
            ),
            Text("{fields} utan {source_field}", "{fields} without {source_field}"),
            Text(
                "lägg till {source_field}: <id i sources.yml> för källan där uppgiften står.",
                "add {source_field}: <an id in sources.yml> for the source that gives it.",
            ),
        ),
        "ages.order": Problem(
            Text(
                "en lägsta ålder (age_min) som inte är högre än den högsta (age_max)",
                "a youngest age (age_min) no higher than the oldest (age_max)",
            ),
            Text("age_min {low} och age_max {high}", "age_min {low} and age_max {high}"),
            Text("byt plats på dem, eller rätta den som är fel.", "swap them, or correct the wrong one."),
        ),
        "unstated.given": Problem(
            Text(
                "bara uppgifter i unstated som metoden inte anger",
                "only facts in unstated that the method does not give",
            ),
            Text("'{fact}' i unstated, fast {fields} anges", "'{fact}' in unstated, although {fields} is given"),
            Text(
                "ta bort '{fact}' ur unstated om källorna ger uppgiften, annars ta bort {fields}.",
                "remove '{fact}' from unstated if the sources give it, otherwise remove {fields}.",
            ),
        ),
    }
)
PHRASES.update(
    {
        "status.evidence": Text("Utvärderingar att se över", "Evaluations to look at"),
        "status.evidence_fix": Text(
            "Lägg till webbadress (url) och läsdatum (accessed) för källan i sources.yml; sök efter utvärderingar "
            "igen när sökningen är gammal, och skriv in dem du hittar i evaluations.",
            "Add the source's address (url) and the date it was read (accessed) in sources.yml; search for "
            "evaluations again when the search is old, and record those you find in evaluations.",
        ),
        "status.no_evaluations": Text(
            "inga utvärderingar registrerade; sökte {date}", "no evaluations recorded; searched {date}"
        ),
        "status.no_evaluations_old": Text(
            "inga utvärderingar registrerade; sökningen gjordes {date}, för {days} dagar sedan",
            "no evaluations recorded; the search was made on {date}, {days} days ago",
        ),
        "status.evaluation_source": Text(
            "utvärdering {n} (källan '{source}') saknar {missing}", "evaluation {n} (source '{source}') lacks {missing}"
        ),
        "status.gap.ages": Text(
            "ålder eller skolstadium (age_min, age_max, school_stages)",
            "ages or school stages (age_min, age_max, school_stages)",
        ),
        "status.gap.cost": Text("kostnad (cost)", "cost (cost)"),
        "status.gap.dosage": Text("omfattning (dosage)", "dosage (dosage)"),
    }
)

# -- uploaded office and PDF files ----------------------------------------------------------------------------------
# What an editor's DOCX, XLSX, PPTX, ODF or PDF file holds that the bank does not publish (safety/uploads.py, content/files.py):
# one problem, whose found part names the file, what is in it and where (a part of the zip, a page), and a hint.

PROBLEMS.update(
    {
        "material.file_unsafe_upload": Problem(
            _MATERIAL_FILE,
            Text("'{file}' med {found} {where}", "'{file}' with {found} {where}"),
            Text("{hint}", "{hint}"),
        ),
    }
)

PHRASES.update(
    {
        # where
        "upload.in_part": Text("i {part}", "in {part}"),
        "upload.in_archive": Text("i filens zip-arkiv", "in the file's zip archive"),
        "upload.pdf_page": Text("på sidan {n}", "on page {n}"),
        "upload.pdf_catalog": Text(
            "i dokumentkatalogen (det som gäller hela PDF:en)",
            "in the document catalog (what applies to the whole PDF)",
        ),
        "upload.pdf_whole": Text("i filen", "in the file"),
        # what: zip containers
        "upload.unreadable": Text(
            "innehåll som banken inte kan läsa ({error})", "content the bank cannot read ({error})"
        ),
        "upload.too_many_parts": Text("{count} delar (högst {max})", "{count} parts (at most {max})"),
        "upload.too_large_unpacked": Text(
            "{size} MB uppackat innehåll (högst {max} MB)", "{size} MB of unpacked content (at most {max} MB)"
        ),
        "upload.encrypted": Text("krypterat innehåll", "encrypted content"),
        "upload.bad_path": Text(
            "delen '{path}', som pekar utanför filen", "the part '{path}', which points outside the file"
        ),
        "upload.duplicate_part": Text("delen '{path}' två gånger", "the part '{path}' twice"),
        # what: office documents
        "upload.macros": Text("makron", "macros"),
        "upload.macro_type": Text(
            "innehållstypen {type}, som är till för makron", "the content type {type}, which is for macros"
        ),
        "upload.object_type": Text(
            "innehållstypen {type}, som är till för inbäddade objekt eller skript",
            "the content type {type}, which is for embedded objects or scripts",
        ),
        "upload.ole": Text("ett inbäddat OLE-objekt", "an embedded OLE object"),
        "upload.activex": Text("en ActiveX-kontroll", "an ActiveX control"),
        "upload.embedded": Text("en inbäddad fil eller ett inbäddat program", "an embedded file or program"),
        "upload.dde": Text("en DDE-länk (som startar ett annat program)", "a DDE link (which starts another program)"),
        "upload.template": Text(
            "en mall eller ett dokument som hämtas från '{target}'", "a template or document fetched from '{target}'"
        ),
        "upload.external": Text(
            "en extern relation ({kind}) till '{target}'", "an external relationship ({kind}) to '{target}'"
        ),
        "upload.connection": Text(
            "en datakoppling som hämtar data från annat håll när filen öppnas",
            "a data connection that fetches data from elsewhere when the file opens",
        ),
        "upload.local_target": Text(
            "en hänvisning till en fil på datorn eller i nätverket ('{target}')",
            "a reference to a file on the computer or the network ('{target}')",
        ),
        "upload.field": Text(
            "fältkoden {field}, som hämtar eller kör något", "the field code {field}, which fetches or runs something"
        ),
        "upload.field_link": Text("fältkoden HYPERLINK till '{target}'", "the field code HYPERLINK to '{target}'"),
        "upload.field_computed": Text(
            "en fältkod vars namn räknas fram av ett annat fält", "a field code whose name another field computes"
        ),
        "upload.formula": Text(
            "formeln '{formula}', som hämtar eller kör något",
            "the formula '{formula}', which fetches or runs something",
        ),
        "upload.script": Text("ett skript eller en händelse (<{element}>)", "a script or an event (<{element}>)"),
        "upload.odf_link": Text(
            "en hänvisning till '{target}' (bara länkar får gå till webben)",
            "a reference to '{target}' (only links may go to the web)",
        ),
        # what: PDF
        "upload.pdf_unreadable": Text(
            "innehåll som banken inte kan läsa som PDF ({error})", "content the bank cannot read as a PDF ({error})"
        ),
        "upload.pdf_encrypted": Text("ett lösenordsskydd", "password protection"),
        "upload.pdf_too_complex": Text("fler än {max} objekt att gå igenom", "more than {max} objects to look through"),
        "upload.pdf_javascript": Text("JavaScript-kod", "JavaScript code"),
        "upload.pdf_action": Text(
            "en {action}-åtgärd (som öppnar en annan fil, ett program eller skickar data)",
            "a {action} action (which opens another file or a program, or sends data)",
        ),
        "upload.pdf_uri": Text("en länk till '{target}'", "a link to '{target}'"),
        "upload.pdf_embedded": Text("en inbäddad eller bifogad fil", "an embedded or attached file"),
        "upload.pdf_xfa": Text("ett XFA-formulär", "an XFA form"),
        "upload.pdf_hidden": Text(
            "namnet {name} utanför det som PDF-läsaren visar", "the name {name} outside what a PDF reader shows"
        ),
        # hints
        "hint.upload_archive": Text(
            "öppna filen i {app} och spara den igen (utan lösenordsskydd); kontrollera att den går att öppna.",
            "open the file in {app} and save it again (without password protection); check that it opens.",
        ),
        "hint.upload_macros": Text(
            "spara filen igen från {app} utan makron, skript och händelser (till exempel som .docx, "
            ".xlsx eller .pptx, inte .docm).",
            "save the file again from {app} without macros, scripts and events (for example as .docx, "
            ".xlsx or .pptx, not .docm).",
        ),
        "hint.upload_objects": Text(
            "ta bort inbäddade objekt och filer (klistra in till exempel ett diagram som bild) och "
            "spara filen igen från {app}; lägg en bilaga som en egen fil i materialet.",
            "remove embedded objects and files (paste a chart as a picture, for example) and save the "
            "file again from {app}; add an attachment as a file of its own in the material.",
        ),
        "hint.upload_links": Text(
            "koppla bort mallen och länkade filer och bilder, och spara filen igen från {app}; länkar får "
            "bara gå till webbadresser (http, https) eller e-post (mailto).",
            "detach the template and linked files and pictures, and save the file again from {app}; links "
            "may go to web addresses (http, https) or e-mail (mailto) only.",
        ),
        "hint.upload_fields": Text(
            "ta bort fältet eller gör om det till vanlig text (i Word: markera det och tryck Ctrl+Skift+F9) "
            "och spara filen igen från {app}; länkar får bara gå till http, https eller mailto.",
            "remove the field or turn it into plain text (in Word: select it and press Ctrl+Shift+F9) and "
            "save the file again from {app}; links may go to http, https or mailto only.",
        ),
        "hint.pdf_unreadable": Text(
            "exportera PDF:en igen från programmet den gjordes i, utan lösenordsskydd.",
            "export the PDF again from the program it was made in, without password protection.",
        ),
        "hint.pdf_javascript": Text(
            "exportera PDF:en utan JavaScript (till exempel med Skriv ut > Spara som PDF).",
            "export the PDF without JavaScript (for example with Print > Save as PDF).",
        ),
        "hint.pdf_actions": Text(
            "ta bort knappar och länkar som öppnar filer eller program eller skickar formulär, och exportera "
            "PDF:en igen; länkar får bara gå till http, https eller mailto.",
            "remove buttons and links that open files or programs or submit forms, and export the PDF "
            "again; links may go to http, https or mailto only.",
        ),
        "hint.pdf_embedded": Text(
            "exportera PDF:en utan bifogade filer; lägg en bilaga som en egen fil i materialet.",
            "export the PDF without attached files; add an attachment as a file of its own in the material.",
        ),
        "hint.pdf_xfa": Text(
            "spara formuläret som en vanlig PDF utan XFA (till exempel med Skriv ut > Spara som PDF).",
            "save the form as a plain PDF without XFA (for example with Print > Save as PDF).",
        ),
    }
)

# -- labels and agreement between check and build --
PROBLEMS.update(
    {
        "labels.markup": Problem(
            Text("vanlig text utan tecknen {characters}", "plain text without the characters {characters}"),
            Text("tecknet {character}", "the character {character}"),
            Text(
                "skriv om texten utan det: citattecken som ” ”, och 'och' i stället för &.",
                "write the text without it: quotation marks as “ ”, and 'and' instead of &.",
            ),
        ),
        "labels.placeholder_form": Problem(
            Text(
                "platshållare skrivna {{namn}}, utan format, omvandling, punkt eller hakparentes",
                "placeholders written {{name}}, without a format, conversion, dot or square bracket",
            ),
            Text("'{placeholder}'", "'{placeholder}'"),
            Text(
                "skriv bara namnet inom klammerparenteser, som {{n}}; skriv en klammerparentes som ska synas som {{{{ eller }}}}.",
                "write only the name in braces, such as {{n}}; write a literal brace as {{{{ or }}}}.",
            ),
        ),
        "labels.placeholder_unfilled": Problem(
            Text(
                "bara platshållare som webbplatsen fyller i för den här texten: {allowed}",
                "only placeholders the site fills in for this text: {allowed}",
            ),
            Text("{found}", "{found}"),
            Text(
                "ta bort platshållaren eller använd någon av dem som fylls i; skriv en klammerparentes som ska synas som {{{{ eller }}}}.",
                "remove the placeholder or use one that is filled in; write a literal brace as {{{{ or }}}}.",
            ),
        ),
        "sources.id_not_text": Problem(
            Text(
                "ett käll-id av små ASCII-bokstäver (a–z), siffror och bindestreck",
                "a source id of lower-case ASCII letters, digits and hyphens",
            ),
            Text("{found}", "{found}"),
            Text(
                'skriv id:t inom citattecken ("{written}":), eller hellre som ett namn, till exempel rapport-{written}.',
                'write the id in quotes ("{written}":), or better as a name, for example report-{written}.',
            ),
        ),
    }
)
