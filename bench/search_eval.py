"""`make search-eval`: run every query of bench/search_queries.yaml through the site's search
in Chromium, as typed and in a copy with one typo per query, and print how often an answering
page comes first and in the top 3, with the misses.

The queries are worded as readers word them in public forums and Q&A pages, each with the pages
that answer it. They were collected before the search was tuned, and a query is never dropped
because it fails. The typo copy changes one word of five or more letters in each query: two
letters swapped, one dropped or one doubled, chosen at random but the same on every run.
From the repository root: `python -m bench.search_eval [--site DIR]`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import random
import re
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
RESULTS = "[data-search-results]"
LONG_WORD = re.compile(r"[A-Za-z]{5,}")


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

    def ms(self, share: float) -> float:
        """Milliseconds from the last key press to results: the median at 0.5, and so on."""
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    def summary(self) -> str:
        return (
            f"{self.total} queries: an answering page first for {self.first_rate:.0%}, "
            f"in the top 3 for {self.top3_rate:.0%}; results {self.ms(0.5):.0f} ms after the "
            f"last key (median), {self.ms(0.95):.0f} ms (95th percentile)"
        )


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def with_typo(query: str) -> str:
    """query with one typo in one word of five or more letters: two neighbouring letters
    swapped, one dropped or one doubled. The same query always gets the same typo."""
    words = list(LONG_WORD.finditer(query))
    if not words:
        return query
    chance = random.Random(hashlib.sha256(query.encode()).digest())
    word = chance.choice(words)
    text, kind = word.group(), chance.choice(["swap", "drop", "double"])
    at = chance.randrange(len(text) - 1) if kind == "swap" else chance.randrange(len(text))
    if kind == "swap":
        typo = text[:at] + text[at + 1] + text[at] + text[at + 2 :]
    elif kind == "drop":
        typo = text[:at] + text[at + 1 :]
    else:
        typo = text[:at] + text[at] + text[at:]
    return query[: word.start()] + typo + query[word.end() :]


def with_typos(queries: list[dict]) -> list[dict]:
    return [entry | {"query": with_typo(entry["query"])} for entry in queries]


def results(page: Page, base: str, query: str) -> tuple[list[str], float]:
    """The pages search lists for query, best first, and the seconds from the last key press
    until the results for the whole query were drawn."""
    box = page.locator(".md-search__input")
    box.fill("")
    box.press_sequentially(query[:-1], delay=5)
    started = time.perf_counter()
    box.press_sequentially(query[-1])
    expect(page.locator(RESULTS)).to_have_attribute("data-query", query)
    seconds = time.perf_counter() - started
    links = page.locator(f"{RESULTS} a").evaluate_all("els => els.map(a => a.href)")
    return [re.split("[?#]", link.removeprefix(base))[0] for link in links], seconds


def evaluate(base: str, queries: list[dict]) -> Evaluation:
    found = Evaluation()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=[HOST_RULES])
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


def engine_gzipped() -> int:
    """Bytes, gzipped, of the search's libraries (docs/assets/vendor, loaded on first search)."""
    files = [*ROOT.glob("docs/assets/vendor/minisearch-*/index.js")]
    files += ROOT.glob("docs/assets/vendor/stemmer-*/index.js")
    return sum(len(gzip.compress(file.read_bytes(), 9)) for file in files)


def markdown(
    sets: dict[str, Evaluation], sizes: list[tuple[str, int, int]], timed: dict[str, Evaluation]
) -> str:
    """The search section of bench/RESULTS.md. sets: the query set as typed and with typos;
    sizes: (data set, causes, bytes of search/index.json); timed: each data set's timings."""
    lines = [
        "## Search",
        "",
        f"`make search-eval`: {len(next(iter(sets.values())).seconds)} queries in readers' own "
        "wording (`bench/search_queries.yaml`, collected before tuning), typed into the site's "
        "search in Chromium, as typed and with one typo each (a word of five letters or more "
        "with two letters swapped, one dropped or one doubled).",
        "",
        "| Query set | An answering page in the top 3 | First | Target |",
        "| --- | ---: | ---: | --- |",
    ]
    lines += [
        f"| {name} | {found.top3_rate:.0%} | {found.first_rate:.0%} | 90% top 3, 75% first |"
        for name, found in sets.items()
    ]
    lines += [
        "",
        "| Data set | Index per cause | Results after the last key: median | 95th percentile |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, causes, index_bytes in sizes:
        speed = timed.get(name)
        ms = f"{speed.ms(0.5):.0f} ms | {speed.ms(0.95):.0f} ms" if speed else "| "
        lines.append(f"| {name} | {index_bytes / causes / 1000:.1f} KB | {ms} |")
    lines += [
        "",
        "Targets: results within 50 ms of the last key press at 1,000 causes (median); an index "
        "no larger per cause than the theme's was (6.9 KB); the engine, loaded on first search, "
        f"under 10 KB gzipped: MiniSearch and the stemmer are {engine_gzipped() / 1000:.1f} KB.",
        "",
    ]
    for name, found in sets.items():
        lines += [f"Misses, {name} (what came first instead):", ""]
        lines += [
            f"- `{m.query}`: wanted {', '.join(m.answers)}; got {', '.join(m.found) or 'nothing'}"
            for m in found.misses
        ]
        lines.append("")
    return "\n".join(lines)


def build_site(site_dir: Path, port: int, temp: Path) -> None:
    """A strict build of the site for http://127.0.0.1:port/."""
    env = os.environ | {
        "SITE_URL": f"http://127.0.0.1:{port}/",
        "NO_MKDOCS_2_WARNING": "1",
        # Built for an address used once: the project's own PDF cache is left alone.
        "PDF_CACHE": str(temp / "pdf-cache"),
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site_dir]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def build_and_evaluate(
    queries: list[dict],
    site_dir: Path | None = None,
    typos: bool = True,
) -> dict[str, Evaluation]:
    """Build the site for a local address (unless site_dir holds one), serve it, and run the
    queries as typed and (with typos) with a typo each."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="search-eval-") as temp:
        if site_dir is None:
            site_dir = Path(temp) / "site"
            build_site(site_dir, port, Path(temp))
        with served(site_dir, port) as base:
            found = {"as typed": evaluate(base, queries)}
            if typos:
                found["one typo"] = evaluate(base, with_typos(queries))
            return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_eval")
    parser.add_argument("--site", type=Path, help="a site already built for 127.0.0.1")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    args = parser.parse_args(argv)
    for name, evaluation in build_and_evaluate(load_queries(args.queries), args.site).items():
        print(f"{name}: {evaluation.summary()}")
        for miss in evaluation.misses:
            print(f"  miss: {miss.query!r}: wanted {miss.answers}, got {miss.found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
