"""A crawl of the whole built site, every HTML file: no broken internal link, download, image, stylesheet, script or #anchor."""

from __future__ import annotations

from linkcheck import check_site


def test_every_internal_link_and_anchor_resolves(real_site):
    # The real bank only: the fixture bank borrows the real about page, whose links name real content.
    site = real_site
    report = check_site(site)
    assert report.pages > 20, f"only {report.pages} HTML files found in {site}"
    assert (
        report.checked["link"] > 100
        and report.checked["#anchor"] > 10
        and report.checked["script"] > 0
        and report.checked["link rel=stylesheet"] > 0
    ), f"the crawl checked too little: {report.checked}"
    assert report.checked["download"] > 0, f"no material download link was checked: {report.checked}"
    assert report.problems == [], f"{len(report.problems)} broken references in {report.pages} pages:\n" + "\n".join(
        report.problems[:40]
    )
