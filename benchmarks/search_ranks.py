"""The rank of the expected item for each query of tests/data/search_queries.yml, on a built site, in Chromium.

    .venv/bin/python benchmarks/search_ranks.py --site site                       # print the ranks
    .venv/bin/python benchmarks/search_ranks.py --site site --save after.json     # and keep them
    .venv/bin/python benchmarks/search_ranks.py --site site --compare before.json # a column per run

Not part of the test suite (tests/browser/test_search_quality.py asserts the first three)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "browser"))
from browserkit import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from searchkit import foreign_titles, item_titles, load_queries, rank, search_page  # noqa: E402


def measure(site: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    server = serve(site)
    rows = []
    titles = {lang: item_titles(site, lang) for lang in ("sv", "en")}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            for q in load_queries():
                results = search_page(page, server.origin, q["lang"], q["query"])
                rows.append(
                    {
                        "lang": q["lang"],
                        "query": q["query"],
                        "rank": rank(results, q["lang"], q["expect"]),
                        "hits": len(results),
                        "first": results[0]["path"] if results else "",
                        # results on the first page whose excerpt holds another item's title
                        "foreign": sum(1 for r in results if foreign_titles(r, titles[q["lang"]])),
                    }
                )
            browser.close()
    finally:
        server.stop()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, required=True, help="a built site folder (mkdocs build)")
    parser.add_argument("--save", type=Path, help="write the ranks as JSON")
    parser.add_argument("--compare", type=Path, help="an earlier --save: print its ranks beside these")
    args = parser.parse_args()
    rows = measure(args.site)
    before = {(r["lang"], r["query"]): r for r in json.loads(args.compare.read_text())} if args.compare else {}
    show = lambda r: "-" if r is None else str(r)  # noqa: E731
    print(
        f"{'lang':4} {'query':28} "
        + (f"{'before':>6} " if before else "")
        + f"{'rank':>6} {'foreign':>7}  first result"
    )
    for r in rows:
        old = before.get((r["lang"], r["query"]))
        earlier = f"{show(old['rank']) if old else '?':>6} " if before else ""
        print(f"{r['lang']:4} {r['query']:28} {earlier}{show(r['rank']):>6} {r['foreign']:>7}  {r['first']}")
    in_three = sum(1 for r in rows if r["rank"] is not None and r["rank"] <= 3)
    print(f"expected item in the first three: {in_three} of {len(rows)}")
    print(f"excerpts holding another item's title: {sum(r['foreign'] for r in rows)}")
    if before:
        print(
            f"before: {sum(1 for r in before.values() if r['rank'] and r['rank'] <= 3)} in the first three, "
            f"{sum(r.get('foreign', 0) for r in before.values())} excerpts with another item's title"
        )
    if args.save:
        args.save.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
