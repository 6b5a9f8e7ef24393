"""Benchmark: build time of a synthetic bank of N methods with our hooks, against a control site of the
same pages as plain Markdown without hooks (plus the same Pagefind run our hooks do, so both sites end up
with the same output). Prints a table; not part of the test suite.

    .venv/bin/python benchmarks/bench.py [--sizes 250 1000] [--repeat 2]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
import yaml  # noqa: E402
from sitekit import assemble  # noqa: E402

WORDS = (
    "samverkan våld prevention kommun skola socialtjänst polis kärngrupp lägesbild normer jämställdhet "
    "utbildning personal ledning uppföljning statistik riskfaktorer skyddsfaktorer insatser förebyggande"
).split()
EN_WORDS = (
    "collaboration violence prevention municipality school social services police core team situation "
    "norms equality training staff management follow-up statistics risk protective factors"
).split()


def synthetic_bank(root: Path, n: int, *, seed: int = 1) -> None:
    """Replace the methods of an assembled site with n generated methods in both languages."""
    rng = random.Random(seed)
    vocab = yaml.safe_load((REPO / "vocabularies.yml").read_text(encoding="utf-8"))
    values = {name: list(spec["values"]) for name, spec in vocab.items()}
    methods = root / "methods"
    shutil.rmtree(methods)
    methods.mkdir()
    ids = [f"metod-{i:04d}" for i in range(n)]
    keep = {"alfa", "beta", "gamma"}  # the fixture's cases and materials refer to these
    ids = sorted(keep) + ids[: max(0, n - len(keep))]
    for method_id in ids:

        def pick(name, k):
            return sorted(rng.sample(values[name], rng.randint(0, k)))

        sv_words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 160)))
        en_words = " ".join(rng.choice(EN_WORDS) for _ in range(rng.randint(60, 160)))
        related = [x for x in rng.sample(ids, 2) if x != method_id]
        front = {
            "id": method_id,
            "title": f"Metod {method_id} om {rng.choice(WORDS)}",
            "summary": " ".join(rng.choice(WORDS) for _ in range(20))[:280].capitalize() + ".",
            "steps": sorted(rng.sample([1, 2, 3, 4, 5], rng.randint(1, 3))),
            "prevention_levels": pick("prevention_level", 2),
            "violence_forms": pick("violence_form", 3),
            "arenas": pick("arena", 3),
            "target_groups": pick("target_group", 3),
            "approaches": pick("approach", 2),
            "gender_transformative": rng.choice(values["gender_transformative"]),
            "evaluations_searched": {"sv": "Vi sökte och hittade inga.", "en": "We searched and found none."},
            "evaluations_searched_on": "2026-12-02",
            "resources": "En samordnare.",
            "owner": "Testkommunen",
            "sources": ["testkalla"],
            "related_methods": related,
            "last_reviewed": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        }
        sv = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
        (methods / f"{method_id}.md").write_text(
            f"---\n{sv}---\n## Syfte\n\n{sv_words}\n\n## Så går det till\n\n{sv_words}\n", encoding="utf-8"
        )
        en = yaml.safe_dump(
            {"title": f"Method {method_id}", "summary": "A synthetic method.", "resources": "A coordinator."}
        )
        (methods / f"{method_id}.en.md").write_text(
            f"---\n{en}---\n## Purpose\n\n{en_words}\n\n## How it is done\n\n{en_words}\n", encoding="utf-8"
        )


def control_site(ours: Path, control: Path) -> None:
    """The same Markdown pages (as our hooks wrote them) and config, without the hooks."""
    shutil.copytree(ours / "docs", control / "docs")
    shutil.copytree(ours / "overrides", control / "overrides")
    config = (ours / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^hooks:\n(  - .*\n)+", "", config)
    (control / "mkdocs.yml").write_text(config, encoding="utf-8")


def timed_build(root: Path, *, search_index: bool = False) -> float:
    """Seconds for `mkdocs build`; with search_index, also Pagefind over the result (our hooks run it themselves)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=root, env=env, capture_output=True, text=True
    )
    if result.returncode == 0 and search_index:
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", "site", "--silent"], cwd=root, capture_output=True, text=True
        )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed in {root}:\n{result.stdout}\n{result.stderr}")
    return elapsed


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def measure(n: int, repeat: int, workdir: Path) -> dict:
    ours = assemble(workdir / f"ours-{n}")
    synthetic_bank(ours, n)
    timed_build(ours)  # warm-up: writes the generated pages, fills OS caches
    control = workdir / f"control-{n}"
    control_site(ours, control)
    timed_build(control, search_index=True)
    ours_times, control_times = [], []
    for _ in range(repeat):  # interleaved, so load on the machine hits both alike
        shutil.rmtree(ours / "site")
        ours_times.append(timed_build(ours))
        shutil.rmtree(control / "site")
        control_times.append(timed_build(control, search_index=True))
    pages = len(list((ours / "site").rglob("index.html")))
    return {
        "n": n,
        "ours": min(ours_times),
        "control": min(control_times),
        "pages": pages,
        "size": folder_size(ours / "site"),
        "site": ours / "site",
    }


COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


class _Transfer:
    """Bytes a first visit transfers, gzip-compressed where a typical server would compress (text, JS, JSON, SVG)."""

    def __init__(self, page):
        self.responses = []
        page.on("response", self._record)

    def _record(self, response):
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            return
        kind = (response.headers.get("content-type") or "").split(";")[0]
        size = len(gzip.compress(body, 6)) if kind.startswith(COMPRESSIBLE) else len(body)
        self.responses.append((response.url, size))

    def total(self, part: str = "") -> tuple[int, int]:
        chosen = [size for url, size in self.responses if part in url]
        return len(chosen), sum(chosen)


def measure_browser(site: Path, method_id: str) -> dict:
    """Page weight of a method page and the methods index, filter time, and search bytes, in Chromium."""
    from playwright.sync_api import sync_playwright

    httpd, origin = _serve(site)
    results = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            )
            for name, path in (("method page", f"metoder/{method_id}/"), ("methods index", "metoder/")):
                page = browser.new_context().new_page()
                transfer = _Transfer(page)
                page.goto(f"{origin}/{path}", wait_until="networkidle")
                results[name] = transfer.total()
                results[f"{name}: search requests before searching"] = transfer.total("/pagefind/")[0]
                if name == "methods index":
                    page.check("#mb-f-step-2")
                    timings = page.evaluate("""() => {
                        const form = document.querySelector('[data-mb-filter]'), times = [];
                        const values = ['1', '2', '3', '4', '5', ''];
                        const tick = (name, wanted) => form.querySelectorAll('input[name=' + name + ']')
                          .forEach(b => { b.checked = wanted.indexOf(b.value) !== -1; });
                        for (let i = 0; i < 30; i++) {
                          tick('step', [values[i % values.length]]);
                          tick('arena', i % 2 ? ['skola', 'polis'] : []);  // two values in a facet: OR
                          const t0 = performance.now();
                          window.metodbankenFilter.apply();
                          document.body.offsetHeight;  // include the layout the change causes
                          times.push(performance.now() - t0);
                        }
                        times.sort((a, b) => a - b);
                        return {median: times[15], max: times[29]};
                    }""")
                    results["filter apply (ms)"] = timings
                else:
                    page.keyboard.press("/")
                    page.keyboard.type("samverkan")
                    page.wait_for_selector(".mb-search__list li", timeout=20000)
                    page.wait_for_load_state("networkidle")
                    results["first search"] = transfer.total("/pagefind/")
                page.context.close()
            browser.close()
    finally:
        httpd.shutdown()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000])
    parser.add_argument("--repeat", type=int, default=2, help="builds per site; the fastest counts")
    parser.add_argument(
        "--no-browser", action="store_true", help="skip the page-weight, filter and search measurements"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="metodbanken-bench-") as tmp:
        rows = [measure(n, args.repeat, Path(tmp)) for n in args.sizes]
        browser = None if args.no_browser else measure_browser(rows[-1]["site"], "metod-0000")
    print()
    print("| N methods | pages (both languages) | our build (s) | control build (s) | ratio | output size (MB) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['n']} | {row['pages']} | {row['ours']:.2f} | {row['control']:.2f} | "
            f"{row['ours'] / row['control']:.3f} | {row['size'] / 1e6:.1f} |"
        )
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        growth = last["ours"] / first["ours"]
        print(
            f"\nGrowth: our build at N={last['n']} takes {growth:.2f}× the time at N={first['n']} "
            f"(linear would be {last['n'] / first['n']:.2f}×)."
        )
    print("Targets at N=1000: ratio ≤ 1.15; time at N=1000 ≤ 4.4 × time at N=250.")
    if browser:
        n = rows[-1]["n"]
        print(f"\nIn Chromium, bank of N={n} (bytes gzip-compressed as a server would send text):")
        print("| measure | requests | bytes |")
        print("|---|---:|---:|")
        for name in ("method page", "methods index", "first search"):
            count, size = browser[name]
            print(
                f"| {name} (first visit) | {count} | {size / 1024:.1f} KB |"
                if name != "first search"
                else f"| first search ('samverkan') on a method page | {count} | {size / 1024:.1f} KB |"
            )
        print(
            f"| search requests before searching (method page / index) | "
            f"{browser['method page: search requests before searching']} / "
            f"{browser['methods index: search requests before searching']} | |"
        )
        timing = browser["filter apply (ms)"]
        print(
            f"\nApplying a filter to the {n}-method index: median {timing['median']:.1f} ms, "
            f"slowest {timing['max']:.1f} ms of 30 (target < 50 ms)."
        )
        print("Targets: method page ≤ 100 KB on first visit; first search ≤ 150 KB; 0 search bytes before searching.")


if __name__ == "__main__":
    main()
