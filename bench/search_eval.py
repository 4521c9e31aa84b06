"""`make search-eval`: run every query of bench/search_queries.yaml through the site's own search
in Chromium, and print how often an answering page comes first and in the top 3, with the misses.

The queries are worded as readers word them in public forums and Q&A pages, each with the pages
that answer it. They were collected before the search was tuned, and a query is never dropped
because it fails. From the repository root: `python -m bench.search_eval [--site DIR]`.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from playwright.sync_api import Page, expect, sync_playwright

from bench import ROOT, chromium
from bench.lighthouse import HOST_RULES, served
from bench.rebuild import free_port

QUERIES = ROOT / "bench" / "search_queries.yaml"
RESULT_META = ".md-search-result__meta"
SETTLE_MS = 300


@dataclass(frozen=True)
class Miss:
    query: str
    answers: list[str]
    found: list[str]


@dataclass
class Evaluation:
    """Hit rates over the query set; seconds are from the last key press to the results."""

    total: int = 0
    first: int = 0
    top3: int = 0
    misses: list[Miss] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    @property
    def first_rate(self) -> float:
        return self.first / self.total

    @property
    def top3_rate(self) -> float:
        return self.top3 / self.total

    def summary(self) -> str:
        return (
            f"{self.total} queries: an answering page first for {self.first_rate:.0%}, "
            f"in the top 3 for {self.top3_rate:.0%}; results "
            f"{statistics.median(self.seconds) * 1000:.0f} ms after the last key (median)"
        )


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def results(page: Page, base: str, query: str) -> tuple[list[str], float]:
    """The pages search lists for query, best first (one entry per page), and the seconds
    from the last key press until results showed."""
    box = page.locator(".md-search__input")
    box.fill("")
    expect(page.locator(RESULT_META)).not_to_have_text(re.compile("matching"))
    box.press_sequentially(query[:-1], delay=5)
    started = time.perf_counter()
    box.press_sequentially(query[-1])
    expect(page.locator(RESULT_META)).to_have_text(re.compile("matching"))
    seconds = time.perf_counter() - started
    # The count can still be that of all but the last letter: let the last search finish.
    page.wait_for_timeout(SETTLE_MS)
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.href)")
    pages: list[str] = []
    for link in links:
        path = re.split("[?#]", link.removeprefix(base))[0]
        if path not in pages:
            pages.append(path)
    return pages, seconds


def evaluate(site_dir: Path, base: str, queries: list[dict]) -> Evaluation:
    found = Evaluation()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium(),
            args=[HOST_RULES],
        )
        page = browser.new_page()
        page.goto(base)
        page.locator(".md-search__input").click()
        for entry in queries:
            pages, seconds = results(page, base, entry["query"])
            answers = entry["answers"]
            found.total += 1
            found.seconds.append(seconds)
            found.first += bool(pages) and pages[0] in answers
            top = any(p in answers for p in pages[:3])
            found.top3 += top
            if not top:
                found.misses.append(Miss(entry["query"], answers, pages[:3]))
        browser.close()
    return found


def markdown(evaluation: Evaluation, index_bytes: int, causes: int) -> str:
    """The search section of bench/RESULTS.md: rates, speed, index size and every miss."""
    lines = [
        "## Search",
        "",
        f"`make search-eval`: {evaluation.total} queries in readers' own wording "
        "(`bench/search_queries.yaml`, collected before tuning), typed into the site's search in "
        "Chromium.",
        "",
        "| Measure | Result | Target |",
        "| --- | ---: | ---: |",
        f"| An answering page in the top 3 | {evaluation.top3_rate:.0%} | at least 90% |",
        f"| An answering page first | {evaluation.first_rate:.0%} | at least 70% |",
        f"| Results after the last key press (median) "
        f"| {statistics.median(evaluation.seconds) * 1000:.0f} ms | |",
        f"| Search index per cause | {index_bytes / causes / 1000:.1f} KB | at most 13.2 KB |",
        "",
        "Misses (what came first instead):",
        "",
    ]
    lines += [
        f"- `{m.query}`: wanted {', '.join(m.answers)}; got {', '.join(m.found) or 'nothing'}"
        for m in evaluation.misses
    ]
    return "\n".join(lines) + "\n"


def build_and_evaluate(queries: list[dict], site_dir: Path | None = None) -> Evaluation:
    """Build the site for a local address (unless site_dir holds one), serve it, evaluate."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="search-eval-") as temp:
        if site_dir is None:
            site_dir = Path(temp) / "site"
            env = os.environ | {
                "SITE_URL": f"http://127.0.0.1:{port}/",
                "NO_MKDOCS_2_WARNING": "1",
                # Built for an address used once: the project's own PDF cache is left alone.
                "PDF_CACHE": str(Path(temp) / "pdf-cache"),
            }
            command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site_dir]
            subprocess.run(command, cwd=ROOT, env=env, check=True)
        with served(site_dir, port) as base:
            return evaluate(site_dir, base, queries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_eval")
    parser.add_argument("--site", type=Path, help="a site already built for 127.0.0.1")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    args = parser.parse_args(argv)
    evaluation = build_and_evaluate(load_queries(args.queries), args.site)
    print(evaluation.summary())
    for miss in evaluation.misses:
        print(f"  miss: {miss.query!r}: wanted {miss.answers}, got {miss.found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
