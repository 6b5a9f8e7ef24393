"""One build of the site, driven by a static site generator's events: what the MkDocs hooks call.

A build covers every language (mkdocs-static-i18n runs the generator's events once per language, default language
first). Each method takes plain values, so another generator could drive it the same way; a failure is the one error
type, Stop, whose text is the report to show (in Swedish, the editors' language).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from metodbanken.content import places
from metodbanken.content.schema import LANGUAGES
from metodbanken.pages.addresses import write_redirects
from metodbanken.pages.compare import write_compare_data
from metodbanken.pages.counts import verify_built_site
from metodbanken.pages.opendata import write_open_data
from metodbanken.pages.render import load_labels
from metodbanken.pages.seal import Sealer, policy
from metodbanken.pages.search import build_search_index, spelling_words, write_spelling_words, write_synonyms
from metodbanken.pages.write import clear_site, copy_material_files
from metodbanken.safety.editor_regions import PageContentCheck
from metodbanken.site import Project, prepare_with_documents
from metodbanken.words.errors import ContentErrors, Stop
from metodbanken.words.messages import phrase

# A build for publishing (the publishing workflow sets MB_PUBLISH=1) needs the site's public address and the form
# editor's real repository; a preview build has neither, and prints no address or QR code.
PUBLISH_ENV = "MB_PUBLISH"
_LOCAL_HOSTS = {"localhost", "0.0.0.0", "::1", "::"}


def is_publishing(environ=None) -> bool:
    return (os.environ if environ is None else environ).get(PUBLISH_ENV, "") == "1"


def is_local_address(url: str) -> bool:
    """An address only the build machine (or its network) can reach: localhost, 127.x, 0.0.0.0, ::1, *.localhost."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host in _LOCAL_HOSTS or host.startswith("127.") or host.endswith(".localhost") or host.endswith(".local")


def public_address(site_url: str | None, *, serving: bool = False) -> str:
    """The site's public address to print and put in QR codes; none in a preview build without one (a local address
    is used only by `mkdocs serve`, never written into a built site)."""
    url = site_url or ""
    return url if serving or not is_local_address(url) else ""


def check_publishing(root: Path, public_url: str) -> None:
    """Stop (in Swedish) when a build for publishing lacks a public https address or would publish the form
    editor's placeholder repository."""
    if not public_url:
        raise Stop(phrase("publish.no_address"))
    if is_local_address(public_url) or urlsplit(public_url).scheme != "https":
        raise Stop(phrase("publish.local_address", url=public_url))
    config = Path(root) / "docs" / "admin" / "config.yml"
    if config.is_file():
        repo = str(((yaml.safe_load(config.read_text(encoding="utf-8")) or {}).get("backend") or {}).get("repo", ""))
        if not repo or repo.split("/")[0].upper() == "OWNER":
            raise Stop(phrase("publish.placeholder_repository", file="docs/admin/config.yml", found=repo or "—"))


class SiteBuild:
    """The state of one build over all its languages: the bank, the check of editors' texts, the page sealer."""

    def __init__(self, *, public_url: str, serving: bool = False):
        self.policy = policy(public_url=public_url, serving=serving)  # the same for every page: nothing read from them
        self.sealer = Sealer(public_url=public_url or "http://127.0.0.1:8000/", serving=serving)
        self.bank = self.documents = self.texts = None

    def start_language(self, project: Project) -> None:
        """Before a language's pages are read: load and check the bank, write its pages and documents (cached)."""
        self.bank = self.documents = None
        self.texts = PageContentCheck(project.root)
        self.bank, self.documents = prepare_with_documents(project)  # raises ContentErrors with every problem

    def page_content(self, html: str, page_url: str) -> str:
        """A page's HTML from Markdown: check the editors' texts in it (reported in before_writing)."""
        return self.texts.page(html, page_path=page_url) if self.texts is not None else html

    def before_writing(self, site_dir: Path, root: Path) -> dict:
        """Every page rendered and none written: refuse them all if an editor's text is unsafe; else the templates'
        globals (the policy, the labels the header prints)."""
        if self.texts is not None and self.texts.problems:
            clear_site(Path(site_dir))  # an earlier language may already be written: publish nothing
            raise ContentErrors(self.texts.problems)
        return {"metodbanken_csp": self.policy, "mb_labels": load_labels(Path(root) / "labels")}

    def page_written(self, html: str, destination: str, *, source: str = "") -> str:
        """The page as it is written to site/<destination> (made from source): checked, reported at the end."""
        return self.sealer.page(html, destination, source=source)

    def finish_language(self, project: Project, site_dir: Path, language: str, *, last: bool) -> None:
        """After a language is written: its files, open data and redirects; after the last, the search index and the
        check of every built file."""
        if self.bank is None:
            return
        output_dir = Path(site_dir) / ("" if language == LANGUAGES[0] else language)
        copy_material_files(self.bank, output_dir)
        self.documents.write(output_dir)  # DOCX, PDF and PPTX beside each material page
        write_open_data(self.bank, output_dir, language, downloads=self.documents.downloads)
        write_synonyms(self.bank.synonyms_for(language), output_dir)
        write_spelling_words(spelling_words(self.bank, language), output_dir)
        write_compare_data(self.bank, output_dir, language, load_labels(Path(project.root) / "labels")[language])
        problems = verify_built_site(self.bank, output_dir, language=language)
        if problems:
            raise Stop(phrase("verify.header"), *problems)
        # after the check (redirects are not items): moved addresses, and the short step addresses /steg/<n>/
        write_redirects(
            project.root, output_dir, language=language, extra=places.short_urls(self.bank.steps), csp=self.policy
        )
        if last:
            build_search_index(Path(site_dir), meanwhile=lambda: self.sealer.finish(Path(site_dir)))

    def close(self) -> None:
        self.sealer.close()


def not_found_page(output: str, template_name: str, *, site_dir: str, language: str) -> str:
    """The theme's 404.html as MkDocs is about to write it to site/404.html: the default language's stays there; another
    language's is written to site/<language>/404.html instead, and MkDocs writes nothing for an empty result."""
    if template_name != "404.html" or language == LANGUAGES[0]:
        return output
    target = Path(site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""


def i18n_language(plugin) -> tuple[str, bool]:
    """(the language being built, whether it is the last) from mkdocs-static-i18n's plugin (None: one language, sv).
    static-i18n builds the default language first, then the others in order, into site_dir/<language>/."""
    if plugin is None:
        return LANGUAGES[0], True
    language = getattr(plugin, "current_language", None) or LANGUAGES[0]
    languages = getattr(plugin, "build_languages", None) or [language]
    return language, language == languages[-1]
