"""Check every link in a built site without a browser: pages, files, images, stylesheets, scripts and #anchors."""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from htmlkit import parse

# (tag, attribute) pairs that point at another resource
REFERENCES = {
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("video", "poster"),
    ("object", "data"),
}
EXTERNAL = re.compile(r"^(https?:|mailto:|tel:|data:)", re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


@dataclass
class LinkReport:
    pages: int = 0
    checked: Counter = field(default_factory=Counter)  # kind of reference -> how many were checked
    problems: list[str] = field(default_factory=list)


def check_site(site: Path) -> LinkReport:
    site = site.resolve()
    report = LinkReport()
    ids = _ids_cache()
    for file in sorted(site.rglob("*.html")):
        report.pages += 1
        page_url = "/" + file.relative_to(site).as_posix()
        doc = parse(file)
        for element in doc.iter():
            for attribute in ("src", "href", "poster", "data", "srcset"):
                if (element.tag, attribute) not in REFERENCES and attribute != "srcset":
                    continue
                value = element.attrs.get(attribute)
                if value is None or (attribute == "srcset" and element.tag not in ("img", "source")):
                    continue
                for reference in (
                    [v.strip().split()[0] for v in value.split(",") if v.strip()] if attribute == "srcset" else [value]
                ):
                    kind = _kind(element)
                    problem = _check(site, file, page_url, reference, element, ids, report, kind)
                    if problem:
                        report.problems.append(
                            f'{file.relative_to(site)}: <{element.tag} {attribute}="{reference}"> {problem}'
                        )
        if file.name == "404.html":  # served for missing paths at any depth: only root-relative links work there
            relative = [
                e.attrs.get("href") or e.attrs.get("src")
                for e in doc.iter()
                if (e.attrs.get("href") or e.attrs.get("src") or "/").startswith(("/", "#", "http", "mailto", "data:"))
                is False
            ]
            report.problems += [
                f"404.html: relative reference {r!r} breaks when served below the root" for r in relative
            ]
    for css in sorted(site.rglob("*.css")):
        for reference in CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
            if EXTERNAL.match(reference) or reference.startswith("#"):
                continue
            report.checked["css url()"] += 1
            target = _target(site, "/" + css.relative_to(site).as_posix(), reference)
            if target is None or not target.is_file():
                report.problems.append(f"{css.relative_to(site)}: url({reference}) not found")
    return report


def _kind(element) -> str:
    if element.tag == "a" and "data-mb-download" in element.attrs:
        return "download"
    if element.tag == "link":
        return f"link rel={element.attrs.get('rel')}"
    return {"a": "link", "img": "image", "script": "script"}.get(element.tag, element.tag)


def _check(site, file, page_url, reference, element, ids, report, kind) -> str | None:
    reference = reference.strip()
    if EXTERNAL.match(reference):
        return None
    if reference.lower().startswith("javascript:"):
        return "is a javascript: link"
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc:
        return None if parts.scheme in ("http", "https") else f"has an unexpected scheme {parts.scheme!r}"
    report.checked[kind] += 1
    if parts.path:
        target = _target(site, page_url, reference)
        if target is None:
            return "points outside the site"
        if not target.is_file():
            return "points to a missing file or page"
    else:
        target = file
    if parts.fragment:
        report.checked["#anchor"] += 1
        if target.suffix != ".html":
            return None
        if parts.fragment.startswith("/") and target.relative_to(site).as_posix() == "admin/index.html":
            return None  # the form editor's own address of an entry (#/collections/<name>/entries/<id>)
        if unquote(parts.fragment) not in ids(target):
            return f"points to #{parts.fragment}, which is no id in {target.relative_to(site)}"
    return None


def _target(site: Path, page_url: str, reference: str) -> Path | None:
    path = unquote(urlsplit(reference).path)
    joined = (
        posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path))
        if not path.startswith("/")
        else posixpath.normpath(path)
    )
    if joined.startswith(".."):
        return None
    target = site / joined.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def _ids_cache():
    @lru_cache(maxsize=None)
    def ids(target: Path) -> frozenset[str]:
        doc = parse(target)
        return frozenset(e.attrs["id"] for e in doc.iter() if e.attrs.get("id")) | frozenset(
            e.attrs["name"] for e in doc.iter() if e.tag == "a" and e.attrs.get("name")
        )

    return ids
