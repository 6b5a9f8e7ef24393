"""MkDocs adapter for Metodbanken: events only; the metodbanken package does the work."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from metodbanken.contentcheck import PageContentCheck
from metodbanken.errors import ContentErrors
from metodbanken.messages import phrase
from metodbanken.navigation import section_page
from metodbanken.opendata import write_open_data
from metodbanken.output import clear_site, copy_material_files
from metodbanken.render import load_labels
from metodbanken.search import SearchIndexError, build_search_index, write_synonyms
from metodbanken.sitecheck import POLICY, Sealer, SiteCheckError
from metodbanken.urls import write_redirects
from metodbanken.site import Project, prepare_with_documents
from metodbanken.verify import verify_built_site

# -- state (rebuilt on every build: static-i18n runs these hooks once per language) --------------
_bank = None
_documents = None
_texts = None  # the check of editors' texts in this build's rendered pages
_serving = False  # `mkdocs serve` injects its live-reload script inline, different on every request
_sealer = None  # seals and checks every page as it is written, over both languages' builds


# -- hooks ----------------------------------------------------------------------------------------

def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    project = _project(config)
    for path in project.watch_paths:
        if path not in config.watch:
            config.watch.append(path)
    return config


def on_files(files, config):
    """Our page templates live in the theme folder; they are build input, not files to publish."""
    templates = _project(config).root / "overrides" / "metodbanken"
    for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).is_relative_to(templates)]:
        files.remove(file)
    return files


def on_page_content(html, page, config, files):
    return _texts.page(html, page_path=page.url) if _texts is not None else html


def on_env(env, config, files):
    """Every page has been rendered from Markdown and none written yet: refuse them all if an editor's text is unsafe."""
    if _texts is not None and _texts.problems:
        clear_site(Path(config.site_dir))  # an earlier language may already be written: publish nothing
        raise PluginError(ContentErrors(_texts.problems).report())  # in Swedish, like every content error
    env.globals["metodbanken_csp"] = POLICY
    env.globals["mb_labels"] = load_labels(_project(config).root / "labels")  # the header's search box prints them
    return env


def on_pre_build(config):
    global _bank, _documents, _texts, _sealer
    _bank, _documents, _texts = None, None, PageContentCheck(_project(config).root)
    if _sealer is None:  # the first language: one sealer for the whole site
        _sealer = Sealer(public_url=config.site_url or "http://127.0.0.1:8000/", serving=_serving)
    try:
        _bank, _documents = prepare_with_documents(_project(config))
    except ContentErrors as exc:
        raise PluginError(exc.report()) from None  # in Swedish, the editors' language, whichever language is being built


def on_page_context(context, page, config, nav):
    """A method, case or material page is not in the navigation: mark its section's tab as the current one."""
    section = section_page(page.url, nav.pages)
    if section is not None:
        section.active = True
        page.meta["_mb_section"] = section
    return context


def on_post_page(output, page, config):
    section = page.meta.pop("_mb_section", None)
    if section is not None:
        section.active = False
    return _sealer.page(output, page.file.dest_uri) if _sealer is not None else output


def on_build_error(error):
    global _sealer
    if _sealer is not None:
        _sealer, sealer = None, _sealer
        sealer.close()


def on_post_build(config):
    global _sealer
    if _bank is None:
        return
    language, output_dir = _language_output(config)
    copy_material_files(_bank, output_dir)
    _documents.write(output_dir)  # DOCX, PDF and PPTX made from the materials and checklists, beside each material page
    write_open_data(_bank, output_dir, language, downloads=_documents.downloads)
    write_synonyms(_bank.synonyms_for(language), output_dir)
    problems = verify_built_site(_bank, output_dir, language=language)
    if problems:
        raise PluginError("\n  ".join(p.render() for p in [phrase("verify.header"), *problems]))
    # after the check (redirects are not items): moved addresses, and the short step addresses /steg/<n>/
    write_redirects(_project(config).root, output_dir, language=language, extra=_bank.short_urls())
    if _is_last_language(config):
        sealer, _sealer = _sealer, None
        try:
            site = Path(config.site_dir)
            build_search_index(site, meanwhile=lambda: sealer.finish(site))
        except (SiteCheckError, SearchIndexError) as exc:
            raise PluginError(str(exc)) from None


# -- helpers --------------------------------------------------------------------------------------

def _project(config) -> Project:
    return Project(root=Path(config.config_file_path).resolve().parent, docs_dir=Path(config.docs_dir),
                   public_url=config.site_url or "")


def _is_last_language(config) -> bool:
    """static-i18n builds the default language first, then the others in order: index once all are written."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return True
    languages = getattr(i18n, "build_languages", None) or [i18n.current_language]
    return i18n.current_language == languages[-1]


def _language_output(config) -> tuple[str, Path]:
    """The language being built and its folder: static-i18n keeps site_dir and prefixes other languages' paths."""
    i18n = config.plugins.get("i18n")
    language = getattr(i18n, "current_language", None) or "sv"
    default = getattr(i18n, "default_language", None) or "sv"
    return language, Path(config.site_dir) / ("" if language == default else language)
