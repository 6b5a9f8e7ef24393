"""MkDocs adapter for Metodbanken: events only; the metodbanken package does the work."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from metodbanken.errors import ContentErrors
from metodbanken.messages import phrase
from metodbanken.opendata import write_open_data
from metodbanken.output import copy_material_files
from metodbanken.search import SearchIndexError, build_search_index
from metodbanken.sitecheck import POLICY, SiteCheckError, seal_site
from metodbanken.urls import write_redirects
from metodbanken.site import Project, prepare
from metodbanken.verify import verify_built_site

# -- state (rebuilt on every build: static-i18n runs these hooks once per language) --------------
_bank = None


# -- hooks ----------------------------------------------------------------------------------------

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


def on_env(env, config, files):
    env.globals["metodbanken_csp"] = POLICY
    return env


def on_pre_build(config):
    global _bank
    _bank = None
    try:
        _bank = prepare(_project(config))
    except ContentErrors as exc:
        raise PluginError(exc.report()) from None  # in Swedish, the editors' language, whichever language is being built


def on_post_build(config):
    if _bank is None:
        return
    language, output_dir = _language_output(config)
    copy_material_files(_bank, output_dir)
    write_open_data(_bank, output_dir, language)
    problems = verify_built_site(_bank, output_dir, language=language)
    if problems:
        raise PluginError("\n  ".join(p.render() for p in [phrase("verify.header"), *problems]))
    # after the check (redirects are not items): moved addresses, and the short step addresses /steg/<n>/
    write_redirects(_project(config).root, output_dir, language=language, extra=_bank.short_urls())
    if _is_last_language(config):
        try:
            seal_site(Path(config.site_dir), public_url=config.site_url or "http://127.0.0.1:8000/")
            build_search_index(Path(config.site_dir))
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
