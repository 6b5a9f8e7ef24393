"""Benchmark: how long `mkdocs serve` takes from saving a method to the changed page being served, on the real bank.

Copies the repository (or the one given with --repo) to a temporary folder, starts `mkdocs serve` there, waits for the
first build, then appends a unique word to a method's summary several times and measures, each time, the seconds until
the served method page holds the word. Prints the first build and each rebuild; not part of the test suite.

    .venv/bin/python benchmarks/serve.py [--repo PATH] [--method huskurage] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", "*.egg-info", "node_modules", ".cache")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, word: str | None, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if word is None or word in response.read().decode("utf-8", "replace"):
                    return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {word!r} within {timeout} s")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", type=Path, default=REPO)
    parser.add_argument("--method", default="huskurage")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    mkdocs = args.repo / ".venv" / "bin" / "mkdocs"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "bank"
        shutil.copytree(args.repo, root, ignore=IGNORE)
        port = _free_port()
        started = time.perf_counter()
        server = subprocess.Popen(
            [str(mkdocs), "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}/metoder/{args.method}/"
            _wait_for(url, None, 600)
            print(f"first build served after {time.perf_counter() - started:.2f} s")
            source = root / "methods" / f"{args.method}.md"
            times = []
            for i in range(args.repeat):
                word = f"mätord{i}x{int(time.time())}"
                text = source.read_text(encoding="utf-8")
                quoted = '\nsummary: "' in text
                old, new = (
                    ('\nsummary: "', f'\nsummary: "{word} ') if quoted else ("\nsummary: ", f"\nsummary: {word} ")
                )
                source.write_text(text.replace(old, new, 1), encoding="utf-8")
                times.append(_wait_for(url, word, 300))
                print(f"save → changed page served: {times[-1]:.2f} s")
                time.sleep(1)
            print(f"median {sorted(times)[len(times) // 2]:.2f} s over {len(times)}")
        finally:
            server.terminate()
            server.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
