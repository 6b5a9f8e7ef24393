"""MkDocs adapter for Metodbanken: events only; the metodbanken package does the work (metodbanken/build.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from metodbanken.build import SiteBuild, i18n_language, not_found_page
from metodbanken.content.places import source_file
from metodbanken.pages.navigation import section_page
from metodbanken.site import Project
from metodbanken.words.errors import Stop

_build: SiteBuild | None = None  # one per build; static-i18n runs these hooks once per language
_serving = False  # `mkdocs serve` injects its live-reload script inline, different on every request


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    config.watch.extend(p for p in _project(config).watch_paths if p not in config.watch)
    return config


def on_files(files, config):
    """Our page templates live in the theme folder; they are build input, not files to publish."""
    templates = _project(config).root / "overrides" / "metodbanken"
    for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).is_relative_to(templates)]:
        files.remove(file)
    return files


def on_pre_build(config):
    global _build
    _build = _build or SiteBuild(public_url=config.site_url or "", serving=_serving)  # the first language starts it
    _run(_build.start_language, _project(config))


def on_page_content(html, page, config, files):
    return _build.page_content(html, page.url)


def on_env(env, config, files):
    env.globals.update(_run(_build.before_writing, config.site_dir, _project(config).root))
    return env


def on_page_context(context, page, config, nav):
    """A method, case or material page is not in the navigation: light its section's tab while it is written."""
    section = section_page(page.url, nav.pages)
    if section is not None:
        section.active = True
        page.meta["_mb_section"] = section
    return context


def on_post_page(output, page, config):
    section = page.meta.pop("_mb_section", None)
    if section is not None:
        section.active = False
    return _build.page_written(output, page.file.dest_uri, source=source_file(page.file.src_uri))


def on_post_template(output, template_name, config):
    """Each language its own 404 page: static-i18n writes every language's to /404.html, the last one winning."""
    language, _ = i18n_language(config.plugins.get("i18n"))
    return not_found_page(output, template_name, site_dir=config.site_dir, language=language)


def on_post_build(config):
    global _build
    language, last = i18n_language(config.plugins.get("i18n"))
    _run(_build.finish_language, _project(config), config.site_dir, language, last=last)
    if last:
        _build = None  # the sealer closed itself when it finished; a failed build is closed by on_build_error


def on_build_error(error):
    global _build
    if _build is not None:
        _build, build = None, _build
        build.close()


def _project(config) -> Project:
    return Project(
        root=Path(config.config_file_path).resolve().parent,
        docs_dir=Path(config.docs_dir),
        public_url=config.site_url or "",
    )


def _run(step, *args, **kwargs):
    try:
        return step(*args, **kwargs)
    except Stop as exc:
        raise PluginError(str(exc)) from None
