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

NOTES = Path(__file__).with_name("NOTES.md")
OVERHEAD_MAX = 0.10
SCALING_MAX = 12
ASSETS_GZ_MAX = 10 * 1024
LIGHTHOUSE_MIN = {"performance": 0.95, "accessibility": 1, "best-practices": 1, "seo": 1}


@dataclass(frozen=True)
class SetResult:
    name: str
    causes: int
    share: Share
    ours: Build
    baseline: Build
    search_bytes: int
    baseline_search_bytes: int
    quiz_bytes: int | None
    weight: Weight
    baseline_weight: Weight
    assets: tuple[int, int]

    @property
    def overhead(self) -> float:
        return self.ours.seconds / self.baseline.seconds - 1

    @property
    def overhead_without_pdfs(self) -> float:
        return (self.ours.seconds - self.share.pdfs) / self.baseline.seconds - 1

    @property
    def cpu_overhead_without_pdfs(self) -> float:
        return (self.ours.cpu_seconds - self.share.pdfs) / self.baseline.cpu_seconds - 1


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


def markdown(sets: list[SetResult], rebuilds: list[float], scores: list[Scores]) -> str:
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
        "*Plain Markdown* builds the very same pages written as files, with the same theme, "
        "overrides and nav, and no hook. *Hook* is the CPU time of what our hook does, timed "
        "in-process: import it, load and check the data, then plan every page, PDF and JSON "
        "file. *Without PDFs* subtracts the PDFs' CPU time. CPU time (user + system) hardly "
        "changes when other work shares the machine; wall time does.",
        "",
        "| Data set | Causes | Wall: ours / plain | Overhead | Without PDFs "
        "| CPU: ours / plain | Without PDFs | Hook: import, load, plan (PDFs) "
        "| Peak memory ours / plain | Runs |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for s in sets:
        share = s.share
        lines.append(
            f"| {s.name} | {s.causes} | {s.ours.seconds:.2f} / {s.baseline.seconds:.2f} s "
            f"| {_pct(s.overhead)} | {_pct(s.overhead_without_pdfs)} "
            f"| {s.ours.cpu_seconds:.2f} / {s.baseline.cpu_seconds:.2f} s "
            f"| {_pct(s.cpu_overhead_without_pdfs)} "
            f"| {share.imports:.2f}, {share.load:.2f}, {share.plan:.2f} ({share.pdfs:.2f}) s "
            f"| {s.ours.peak_mb:.0f} / {s.baseline.peak_mb:.0f} MB | {len(s.ours.times)} |"
        )
    lines += [
        "",
        "## What the site sends",
        "",
        "Sizes in KB, raw / gzipped. A cause page is its first visit with an empty cache: "
        "HTML, our own CSS and JS, and the theme's CSS and JS (fonts are not fetched: "
        "`theme.font: false`).",
        "",
        "| Data set | Search index per cause, ours / plain | Quiz JSON | Cause page HTML "
        "| Our CSS + JS | Theme CSS + JS | Page total | Plain page total |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in sets:
        quiz = f"{s.quiz_bytes / 1024:.1f}" if s.quiz_bytes is not None else "none"
        lines.append(
            f"| {s.name} | {s.search_bytes / s.causes / 1024:.1f} / "
            f"{s.baseline_search_bytes / s.causes / 1024:.1f} | {quiz} | {_kb(s.weight.html)} "
            f"| {_kb(s.weight.ours)} | {_kb(s.weight.theme)} | {_kb(s.weight.total)} "
            f"| {_kb(s.baseline_weight.total)} |"
        )
    real = sets[0]
    lines += [
        "",
        f"All of our own CSS and JS over the whole site: {_kb(real.assets)} KB.",
        "",
        "## Editing with `mkdocs serve`",
        "",
        "Seconds from saving one cause YAML (real data) until the served page shows the change: "
        + ", ".join(f"{t:.1f}" for t in rebuilds)
        + f" (median {statistics.median(rebuilds):.1f} s).",
        "",
        "## Lighthouse 12, mobile preset",
        "",
    ]
    if scores:
        lines += [
            "Served compressed on 127.0.0.1; Chromium resolves no other host.",
            "",
            "| Page | " + " | ".join(CATEGORIES) + " | Audits below 0.9 |",
            "| --- |" + " ---: |" * len(CATEGORIES) + " --- |",
        ]
        lines += [
            f"| `{s.page}` | "
            + " | ".join(f"{s.scores[key] * 100:.0f}" for key in CATEGORIES)
            + f" | {'; '.join(s.failing) or 'none'} |"
            for s in scores
        ]
    else:
        lines.append("Not run (`--no-lighthouse`).")
    lines += ["", "## Targets", "", *_targets(sets, scores), ""]
    if NOTES.is_file():
        lines += ["## Why the gaps", "", NOTES.read_text(encoding="utf-8")]
    return "\n".join(lines)


def _targets(sets: list[SetResult], scores: list[Scores]) -> list[str]:
    lines = []
    for s in sets[1:]:
        parts = {
            "importing the hook": s.share.imports,
            "loading and checking the data": s.share.load,
            "rendering pages": s.share.plan - s.share.pdfs,
            "PDFs": s.share.pdfs,
        }
        biggest = max(parts, key=lambda part: parts[part])
        lines.append(
            f"- Overhead at {s.causes} causes, PDFs counted separately, at most "
            f"{OVERHEAD_MAX:.0%}: {_pct(s.overhead_without_pdfs)}, "
            f"{_verdict(s.overhead_without_pdfs <= OVERHEAD_MAX)} in wall time; in CPU time "
            f"{_pct(s.cpu_overhead_without_pdfs)}, "
            f"{_verdict(s.cpu_overhead_without_pdfs <= OVERHEAD_MAX)}. The hook spends "
            f"{s.share.total:.2f} s of CPU, most of it on {biggest}; with PDFs the wall-time "
            f"overhead is {_pct(s.overhead)}."
        )
    sizes = {s.causes: s for s in sets[1:]}
    if 100 in sizes and 1000 in sizes:
        small, large = sizes[100], sizes[1000]
        ratio = large.ours.seconds / small.ours.seconds
        cpu = large.ours.cpu_seconds / small.ours.cpu_seconds
        plain = large.baseline.seconds / small.baseline.seconds
        lines.append(
            f"- Scaling, 1,000 causes at most {SCALING_MAX} times 100: {ratio:.1f} times in "
            f"wall time, {_verdict(ratio <= SCALING_MAX)}; {cpu:.1f} times in CPU time, "
            f"{_verdict(cpu <= SCALING_MAX)} (plain Markdown: {plain:.1f} times)."
        )
    assets = sets[0].assets[1]
    lines.append(
        f"- Our CSS + JS at most {ASSETS_GZ_MAX / 1024:.0f} KB gzipped: "
        f"{assets / 1024:.1f} KB, {_verdict(assets <= ASSETS_GZ_MAX)}."
    )
    for s in scores:
        low = [
            f"{key} {s.scores[key] * 100:.0f}"
            for key, least in LIGHTHOUSE_MIN.items()
            if s.scores[key] < least
        ]
        detail = f"below target: {', '.join(low)}" if low else "every score on target"
        lines.append(f"- Lighthouse `{s.page}`: {_verdict(not low)} ({detail}).")
    return lines
