"""bench/RESULTS.md: the figures of one benchmark run, the machine, and each target's verdict."""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from bench.lighthouse import CATEGORIES, Scores
from bench.measure import Build, Share, Weight
from bench.page_types import Loaded

NOTES = Path(__file__).with_name("NOTES.md")
OVERHEAD_MAX = {"cold": 0.10, "warm": 0.05}
SCALING_MAX = 12
# 1.5 times the 611 MB that a 1,000-cause build took at its peak before the PDF workers.
PEAK_MB_MAX = 1.5 * 611
REBUILD_MAX = 1.0
ASSETS_GZ_MAX = 10 * 1024
LIGHTHOUSE_MIN = {"performance": 0.95, "accessibility": 1, "best-practices": 1, "seo": 1}


@dataclass(frozen=True)
class SetResult:
    """One data set: our build with an empty and with a full PDF cache, and plain Markdown."""

    name: str
    causes: int
    share: Share
    cold: Build
    warm: Build
    baseline: Build
    search_bytes: int
    quiz_bytes: int | None
    weight: Weight
    baseline_weight: Weight

    def overhead(self, cache: str) -> float:
        ours = self.cold if cache == "cold" else self.warm
        return ours.seconds / self.baseline.seconds - 1

    @property
    def peak_mb(self) -> float:
        return max(self.cold.peak_mb, self.warm.peak_mb)


@dataclass(frozen=True)
class PageTypeRow:
    loaded: Loaded
    scores: Scores | None


def machine() -> str:
    with open("/proc/meminfo", encoding="utf-8") as meminfo:
        kb = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
    return (
        f"{os.cpu_count()} cores (nproc), {kb / 1024**2:.1f} GiB memory, "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
        f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}; "
        f"run on {dt.date.today().isoformat()}, load average {os.getloadavg()[1]:.1f} "
        "over the last 5 minutes"
    )


def _kb(pair: tuple[int, int]) -> str:
    return f"{pair[0] / 1024:.1f} / {pair[1] / 1024:.1f}"


def _pct(value: float) -> str:
    return f"{value * 100:+.1f}%"


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def markdown(
    sets: list[SetResult], rebuilds: tuple[list[float], list[float]], rows: list[PageTypeRow]
) -> str:
    """The whole of RESULTS.md but its search section. rebuilds: seconds per save under
    `mkdocs serve`, ours (saving a cause's YAML) and plain Markdown's (saving its page)."""
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`python -m bench.run`); do not edit by hand.",
        "",
        f"Machine: {machine()}.",
        "",
        "Absolute times on a shared machine are noisy: compare the ratios, measured in one run.",
        "",
        "## Build time",
        "",
        "Median wall time of full `mkdocs build --strict` runs, each in a fresh process. "
        "*Plain Markdown* builds the very same pages and PDFs written as files, with the same "
        "theme, overrides and nav, and no hook. *Cold* starts with an empty PDF cache, so every "
        "checklist PDF is compiled (in a worker process, while MkDocs reads the pages); *warm* "
        "finds them all in the cache. *Hook CPU* is timed in-process: importing the hook, "
        "loading and checking the data, and planning the pages; *PDFs* is the CPU time of "
        "compiling every PDF, spent in the workers. Peak memory is of all the build's processes "
        "together.",
        "",
        "| Data set | Causes | Plain | Ours, cold | Overhead | Ours, warm | Overhead "
        "| Hook CPU: import, load, plan | PDFs CPU | Peak memory ours / plain | Runs |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for s in sets:
        share = s.share
        lines.append(
            f"| {s.name} | {s.causes} | {s.baseline.seconds:.2f} s "
            f"| {s.cold.seconds:.2f} s | {_pct(s.overhead('cold'))} "
            f"| {s.warm.seconds:.2f} s | {_pct(s.overhead('warm'))} "
            f"| {share.imports:.2f}, {share.load:.2f}, {share.plan:.2f} s | {share.pdfs:.2f} s "
            f"| {s.peak_mb:.0f} / {s.baseline.peak_mb:.0f} MB | {len(s.cold.times)} |"
        )
    lines += [
        "",
        "## What the site sends",
        "",
        "Sizes in KB, raw / gzipped. A cause page is its first visit with an empty cache: its "
        "HTML and the CSS and JS its HTML links to, ours and the theme's (fonts are not "
        "fetched: `theme.font: false`).",
        "",
        "| Data set | Search index per cause | Quiz JSON | Cause page HTML "
        "| Theme CSS + JS | Page total | Plain page total |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in sets:
        quiz = f"{s.quiz_bytes / 1024:.1f}" if s.quiz_bytes is not None else "none"
        lines.append(
            f"| {s.name} | {s.search_bytes / s.causes / 1024:.1f} | {quiz} | {_kb(s.weight.html)} "
            f"| {_kb(s.weight.theme)} | {_kb(s.weight.total)} | {_kb(s.baseline_weight.total)} |"
        )
    lines += [
        "",
        "## Each page type",
        "",
        "Real data, served gzipped on 127.0.0.1. *Our CSS + JS* is what Chromium fetched of "
        "`docs/assets/` for the page with an empty cache, scripts `site.js` imports included, "
        "in KB gzipped. Lighthouse 12, mobile preset; Chromium resolves no other host.",
        "",
        "| Page type | Address | Our CSS + JS | Files | "
        + " | ".join(CATEGORIES)
        + " | Audits below 0.9 |",
        "| --- | --- | ---: | --- |" + " ---: |" * len(CATEGORIES) + " --- |",
    ]
    for row in rows:
        loaded, scores = row.loaded, row.scores
        names = ", ".join(f.removeprefix("assets/") for f in loaded.files)
        figures = (
            [f"{scores.scores[key] * 100:.0f}" for key in CATEGORIES]
            if scores
            else ["not run"] * len(CATEGORIES)
        )
        failing = ("; ".join(scores.failing) or "none") if scores else ""
        lines.append(
            f"| {loaded.page.name} | `/{loaded.page.path}` | {loaded.gzipped / 1024:.1f} "
            f"| {names} | " + " | ".join(figures) + f" | {failing} |"
        )
    lines += [
        "",
        "## Editing with `mkdocs serve`",
        "",
        "Seconds from saving a file until the served page shows the change, real data. "
        "MkDocs looks for changed files every 0.5 s, waits 0.1 s more, then rebuilds the site.",
        "",
        "| Saved | Each save | Median |",
        "| --- | --- | ---: |",
        *(
            f"| {what} | {', '.join(f'{t:.2f}' for t in times)} "
            f"| {statistics.median(times):.2f} s |"
            for what, times in zip(
                ("A cause's YAML (ours)", "Its page's Markdown (plain)"), rebuilds, strict=True
            )
        ),
        "",
        "## Targets",
        "",
        *_targets(sets, rebuilds, rows),
        "",
    ]
    if NOTES.is_file():
        lines += ["## Why the gaps", "", NOTES.read_text(encoding="utf-8")]
    return "\n".join(lines)


def _targets(
    sets: list[SetResult], rebuilds: tuple[list[float], list[float]], rows: list[PageTypeRow]
) -> list[str]:
    lines = []
    for s in sets[1:]:
        for cache, most in OVERHEAD_MAX.items():
            overhead = s.overhead(cache)
            line = (
                f"- Overhead at {s.causes} causes, {cache} cache, at most {most:.0%}: "
                f"{_pct(overhead)}, {_verdict(overhead <= most)}."
            )
            if overhead > most:
                line += " " + _why_slower(s, cache)
            lines.append(line)
    sizes = {s.causes: s for s in sets[1:]}
    if 100 in sizes and 1000 in sizes:
        small, large = sizes[100], sizes[1000]
        ratio = large.cold.seconds / small.cold.seconds
        plain = large.baseline.seconds / small.baseline.seconds
        lines.append(
            f"- Scaling, 1,000 causes at most {SCALING_MAX} times 100 (cold cache): "
            f"{ratio:.1f} times, {_verdict(ratio <= SCALING_MAX)} "
            f"(plain Markdown: {plain:.1f} times)."
        )
    if 1000 in sizes:
        large = sizes[1000]
        peak = large.peak_mb
        lines.append(
            f"- Peak memory at 1,000 causes, all processes, at most {PEAK_MB_MAX:.0f} MB "
            "(1.5 times the 611 MB of one process before the PDF workers): "
            f"{peak:.0f} MB, {_verdict(peak <= PEAK_MB_MAX)}: MkDocs' own process peaked at "
            f"{max(large.cold.main_peaks_mb):.0f} MB, the PDF worker at "
            f"{max(large.cold.helper_peaks_mb):.0f} MB (cold cache)."
        )
    median, plain = (statistics.median(times) for times in rebuilds)
    line = (
        f"- Serve rebuild after one save under {REBUILD_MAX:.0f} s (median): {median:.2f} s, "
        f"{_verdict(median < REBUILD_MAX)}."
    )
    if median >= REBUILD_MAX:
        line += (
            f" The plain-Markdown site, with no hook, takes {plain:.2f} s (median) for the same "
            "edit: the wait is MkDocs' own, polling for changes every 0.5 s and rebuilding every "
            "page."
        )
    lines.append(line)
    for row in rows:
        heavy = row.loaded.gzipped > ASSETS_GZ_MAX
        line = (
            f"- {row.loaded.page.name}: our CSS + JS at most {ASSETS_GZ_MAX / 1024:.0f} KB "
            f"gzipped: {row.loaded.gzipped / 1024:.1f} KB, {_verdict(not heavy)}"
        )
        if row.scores:
            low = [
                f"{key} {row.scores.scores[key] * 100:.0f}"
                for key, least in LIGHTHOUSE_MIN.items()
                if row.scores.scores[key] < least
            ]
            line += f"; Lighthouse {_verdict(not low)}"
            line += f" (below target: {', '.join(low)})" if low else " (every score on target)"
        lines.append(line + ".")
    return lines


def _why_slower(s: SetResult, cache: str) -> str:
    """Name what the extra wall time goes on, from the in-process CPU figures."""
    parts = {
        "importing the hook": s.share.imports,
        "loading and checking the data": s.share.load,
        "planning the pages": s.share.plan,
    }
    biggest = max(parts, key=lambda part: parts[part])
    why = (
        f"Before MkDocs reads a page, the hook spends {s.share.total:.2f} s of CPU, the most on "
        f"{biggest} ({parts[biggest]:.2f} s)."
    )
    if cache == "cold":
        why += (
            f" Compiling every PDF takes {s.share.pdfs:.2f} s of CPU in a worker beside MkDocs; "
            f"the cold build takes {s.cold.seconds - s.warm.seconds:+.2f} s more than the warm one."
        )
    return why
