"""`make bench`: build the real data and synthetic data sets with our generator and as plain
Markdown, measure what matters, run Lighthouse, and write bench/RESULTS.md.

From the repository root: `python -m bench.run [--sizes 100 1000] [--no-lighthouse] [--data DIR]`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from causepages.routes import QUIZ_DATA

from bench import ROOT, lighthouse, report, search_eval
from bench.baseline import project_config, write_baseline
from bench.measure import Build, build, generator_share, own_assets, page_weight
from bench.page_types import own_assets_loaded, page_types
from bench.rebuild import free_port, plain_rebuild_seconds, rebuild_seconds
from bench.synthetic import make_dataset

ENV = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
# Fewer repeats for the big set keep `make bench` within about 10 minutes on 2 cores.
RUNS = {"small": 3, "large": 2}


def measure_set(name: str, data_dir: Path, work: Path, runs: int) -> report.SetResult:
    print(f"[bench] {name}: planning in-process", flush=True)
    config = project_config(ROOT / "mkdocs.yml")
    share = generator_share(data_dir, config["site_url"], work / "share-pdfs")
    base_config = write_baseline(ROOT, share.site, share.outputs, work / "baseline")
    cold, warm, base = Build([], [], []), Build([], [], []), Build([], [], [])
    site, base_site = work / "site", work / "baseline-site"
    for run in range(runs):
        print(f"[bench] {name}: builds {run + 1} of {runs}", flush=True)
        # A new, empty PDF cache: the first build fills it, the second finds every PDF there.
        env = ENV | {"SITE_DATA": str(data_dir), "PDF_CACHE": str(work / f"pdf-cache-{run}")}
        # Alternating the builds spreads the machine's drift over all of them.
        build(ROOT / "mkdocs.yml", site, env, cold)
        build(ROOT / "mkdocs.yml", site, env, warm)
        build(base_config, base_site, ENV, base)
    cause_page = f"causes/{next(iter(share.site.causes))}"
    quiz = site / QUIZ_DATA
    return report.SetResult(
        name=name,
        causes=len(share.site.causes),
        share=share,
        cold=cold,
        warm=warm,
        baseline=base,
        search_bytes=(site / "search" / "index.json").stat().st_size,
        quiz_bytes=quiz.stat().st_size if quiz.is_file() else None,
        weight=page_weight(site, cause_page, own_assets(config)),
        baseline_weight=page_weight(base_site, cause_page, own_assets(config)),
    )


def page_type_rows(work: Path, lighthouse_too: bool) -> list[report.PageTypeRow]:
    """Each page type of the real site, built for the address it is served on: our own CSS
    and JS it loads, and its Lighthouse scores."""
    port = free_port()
    site = work / "site"
    # Built for an address used once: its own PDF cache keeps the project's cache for writers.
    env = ENV | {"SITE_URL": f"http://127.0.0.1:{port}/", "PDF_CACHE": str(work / "pdf-cache")}
    build(ROOT / "mkdocs.yml", site, env, Build([], [], []))
    rows = []
    with lighthouse.served(site, port) as url:
        for loaded in own_assets_loaded(site, url, page_types(site)):
            scores = None
            if lighthouse_too:
                print(f"[bench] lighthouse: {loaded.page.name}", flush=True)
                scores = lighthouse.run(ROOT, url + loaded.page.path, "/" + loaded.page.path)
            rows.append(report.PageTypeRow(loaded, scores))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the real data folder")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        work = Path(temp)
        data = args.data.resolve()
        sets = [measure_set("real data", data, work / "real", RUNS["small"])]
        for size in args.sizes:
            data_dir = work / f"data-{size}"
            make_dataset(data, data_dir, size)
            runs = RUNS["small"] if size <= 100 else RUNS["large"]
            sets.append(measure_set(f"{size} causes", data_dir, work / f"set-{size}", runs))
        print("[bench] mkdocs serve: rebuild after saving a cause", flush=True)
        (work / "serve").mkdir()
        rebuilds = rebuild_seconds(ROOT, data, work / "serve", ENV)
        first = sorted(sets[0].share.site.causes)[0]
        plain = work / "real" / "baseline" / "mkdocs.yml"
        plain_rebuilds = plain_rebuild_seconds(plain, f"causes/{first}.md", ENV)
        print("[bench] each page type: own CSS and JS, Lighthouse", flush=True)
        rows = page_type_rows(work / "page-types", not args.no_lighthouse)
        print("[bench] search: every query of bench/search_queries.yaml", flush=True)
        queries = search_eval.load_queries()
        searched = search_eval.build_and_evaluate(queries)
        # The time to results grows with the index: timed on each data set as well.
        timed = {"real data": searched["as typed"]}
        for size in args.sizes:
            print(f"[bench] search: time to results at {size} causes", flush=True)
            # The set's own build: search needs no address of its own.
            timed[f"{size} causes"] = search_eval.build_and_evaluate(
                queries, site_dir=work / f"set-{size}" / "site", typos=False
            )["as typed"]
        sizes = [(s.name, s.causes, s.search_bytes) for s in sets]
        search = search_eval.markdown(searched, sizes, timed)
    args.out.write_text(
        report.markdown(sets, (rebuilds, plain_rebuilds), rows) + "\n" + search, encoding="utf-8"
    )
    print(f"[bench] wrote {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
