"""Measurements: timed builds with their peak memory, the generator's own share, page weight.

Absolute times on a shared machine are noisy, so every build is repeated and the median
is kept, and the figures that matter are ratios between builds made in the same run.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import causepages
import lxml.html
from causepages import Output, PdfBuild, PdfWorkers, Site, load_site, site_outputs
from causepages.house_rules import house_rules


@dataclass(frozen=True)
class Build:
    """Several builds of one project: median wall and CPU time, and the highest peak memory.

    CPU time (user + system, worker processes included) hardly changes when other work shares
    the machine; wall time does. Peak memory is that of all the build's processes together.
    """

    times: list[float]
    cpu_times: list[float]
    peaks_mb: list[float]
    # The highest of the build's own process, and of any one process it started.
    main_peaks_mb: list[float] = field(default_factory=list)
    helper_peaks_mb: list[float] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(self.cpu_times)

    @property
    def peak_mb(self) -> float:
        return max(self.peaks_mb)


@dataclass(frozen=True)
class Share:
    """CPU seconds our generator spends in a build: importing it, loading and checking the
    data, and planning the pages in the build's own process; then compiling every PDF, in the
    worker processes, with an empty cache.

    CPU time, not wall time, so other work on the machine does not count against it.
    """

    imports: float
    load: float
    plan: float
    pdfs: float
    site: Site
    outputs: list[Output]

    @property
    def total(self) -> float:
        return self.imports + self.load + self.plan


def build(config_file: Path, site_dir: Path, env: dict[str, str], into: Build) -> None:
    """Build once with MkDocs in a fresh process, as a writer would, and add the figures."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file)]
    usage, seconds, peak = _timed([*command, "-d", str(site_dir)], env, config_file.parent)
    into.times.append(seconds)
    into.cpu_times.append(usage.ru_utime + usage.ru_stime)
    into.peaks_mb.append(max(peak.kb, usage.ru_maxrss) / 1024)
    into.main_peaks_mb.append(peak.main_kb / 1024)
    into.helper_peaks_mb.append(peak.helper_kb / 1024)


def _timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[Any, float, _PeakMemory]:
    """The resource use (os.wait4's: the process and the workers it waited for), wall seconds
    and peak memory in KB of all its processes together, sampled every 50 ms."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=log)
        peak = _PeakMemory(process.pid)
        # wait4 gives this child's own resource use; getrusage(RUSAGE_CHILDREN) would
        # give the largest of every child so far.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        peak.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            tail = log.read().decode(errors="replace")[-3000:]
            raise RuntimeError(f"{' '.join(command)} failed:\n{tail}")
    return usage, seconds, peak


class _PeakMemory:
    """The highest total resident memory of a process and all its descendants, in KB."""

    def __init__(self, pid: int) -> None:
        self.pid, self.kb, self.main_kb, self.helper_kb = pid, 0, 0, 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.wait(0.05):
            resident = {pid: _resident_kb(pid) for pid in _tree(self.pid)}
            self.kb = max(self.kb, sum(resident.values()))
            self.main_kb = max(self.main_kb, resident.pop(self.pid, 0))
            self.helper_kb = max(self.helper_kb, *resident.values(), 0)

    def stop(self) -> None:
        self._done.set()
        self._thread.join()


def _tree(pid: int) -> list[int]:
    pids, found = [pid], []
    while pids:
        pid = pids.pop()
        found.append(pid)
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                pids += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _resident_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    line = next((line for line in status.splitlines() if line.startswith("VmRSS:")), "0 0")
    return int(line.split()[1])


# What a build imports only because of our hook: MkDocs and the theme are imported first.
IMPORT_TIMER = """
import sys, time
import mkdocs.commands.build, material
start = time.process_time()
import adapter
print(time.process_time() - start)
"""


def import_seconds() -> float:
    """Seconds a fresh MkDocs process spends importing our hook and its package."""
    hooks = Path(causepages.__file__).parents[1]
    env = os.environ | {"PYTHONPATH": str(hooks)}
    command = [sys.executable, "-c", IMPORT_TIMER]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return float(result.stdout)


def generator_share(data_dir: Path, site_url: str, cache: Path) -> Share:
    """Time what the hook does in a build: load and check the data, make every output, and
    compile every PDF into cache, an empty folder (the outputs' PDFs stay there)."""
    start = time.process_time()
    site = load_site(data_dir)
    house_rules(site, dt.date.today())
    loaded = time.process_time()
    workers_before = _children_cpu()
    with PdfWorkers() as workers:
        pdfs = PdfBuild(cache, workers, site.locate)
        outputs = site_outputs(site, site_url, pdfs)
        planned = time.process_time()
        pdfs.wait()
    pdf_seconds = _children_cpu() - workers_before
    return Share(import_seconds(), loaded - start, planned - loaded, pdf_seconds, site, outputs)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass(frozen=True)
class Weight:
    """Bytes one page pulls: its HTML, our own CSS and JS, and the theme's, raw and gzipped."""

    html: tuple[int, int]
    ours: tuple[int, int]
    theme: tuple[int, int]

    @property
    def total(self) -> tuple[int, int]:
        return (
            self.html[0] + self.ours[0] + self.theme[0],
            self.html[1] + self.ours[1] + self.theme[1],
        )


def sizes(data: bytes) -> tuple[int, int]:
    return len(data), len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weight(site_dir: Path, page: str, own_assets: set[str]) -> Weight:
    """What a browser fetches for page (a path under site_dir) on a first, empty-cache visit."""
    html_file = site_dir / page / "index.html"
    tree = lxml.html.fromstring(html_file.read_bytes())
    ours, theme = [0, 0], [0, 0]
    for url in tree.xpath("//link[@rel='stylesheet']/@href | //script/@src"):
        file = (html_file.parent / url.split("?")[0]).resolve()
        if not file.is_relative_to(site_dir.resolve()) or not file.is_file():
            continue
        raw, zipped = sizes(file.read_bytes())
        bucket = ours if file.relative_to(site_dir.resolve()).as_posix() in own_assets else theme
        bucket[0] += raw
        bucket[1] += zipped
    return Weight(sizes(html_file.read_bytes()), (ours[0], ours[1]), (theme[0], theme[1]))


def own_assets(config: dict[str, Any]) -> set[str]:
    """Our own CSS and JS files, as listed in mkdocs.yml."""
    entries = [*config.get("extra_css", []), *config.get("extra_javascript", [])]
    return {entry["path"] if isinstance(entry, dict) else entry for entry in entries}
