"""The whole build, stage by stage: read the data, check it, then make every page from it.

    read_data       reading/      every data file into its model, problems with file and line
    check_data      checks/       files against each other: references, then each rule
    check_site      features/, house_rules/  on well-formed data, one list: what the PDFs
                    could not print (from the font), the guides' pages, and the house rules
    site_outputs    features/     each reader feature's pages, files and PDFs, then what
                                  describes them all (nav.json, pages.json, the search index)

This module knows nothing of MkDocs: the adapter hands the outputs to MkDocs as they are,
and `python -m causepages generate DIR` writes the same outputs to a folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from .checks import check_data
from .checks.clinical_review import publishing_problems
from .features.care import care_outputs
from .features.cause_page import cause_page
from .features.checker import checker_outputs
from .features.checklists import checklist_outputs, print_problems
from .features.guides import guide_outputs, guide_problems
from .features.hubs import hub_outputs
from .features.manifest import manifest_outputs
from .features.quiz import quiz_outputs
from .features.search_index import search_outputs, search_problems
from .house_rules import house_rules
from .output import Output
from .pdf.cache import PdfBuild
from .problems import DataError, Problem
from .reading.site import Site
from .reading.tables import read_data
from .rendering.markdown import environment


def load_site(data_dir: Path) -> Site:
    """Read and check every file of the data folder `data_dir`. Returns the Site; raises
    DataError listing every problem, file by file, top to bottom."""
    read = read_data(data_dir)
    search_terms = check_data(read)
    if read.problems:
        raise DataError(sorted_problems(read.problems))
    return Site.from_read(read, search_terms)


def check_site(
    data_dir: Path, today: dt.date, environ: Mapping[str, str], docs_dir: Path | None = None
) -> tuple[Site, list[Problem]]:
    """Everything `load_site` checks; then, on data that is well formed, in one list: what the
    checklist PDFs could not print, the clinical review a publisher requires (CLINICAL_REVIEW
    in `environ`), the guides' pages in `docs_dir` and the house rules (as of `today`).
    Returns the Site and the house-rule problems, for the caller to treat as errors or
    warnings; raises DataError listing every problem when any other is found."""
    site = load_site(data_dir)
    rules = house_rules(site, today)
    errors = [
        *print_problems(site),
        *publishing_problems(site, environ),
        *(guide_problems(site, docs_dir) if docs_dir else ()),
        *(search_problems(docs_dir) if docs_dir else ()),
    ]
    if errors:
        raise DataError(sorted_problems([*errors, *rules]))
    return site, sorted_problems(rules)


def site_outputs(
    site: Site, site_url: str, pdfs: PdfBuild, docs_dir: Path | None = None
) -> list[Output]:
    """Every file the site gets from the data, in no particular order. The checklist PDFs are
    files in `pdfs`' cache, ready once `pdfs.wait()` returns. With docs_dir, the guides of
    data/pages.yaml are read from it and made too, with their warning signs and review
    status filled in (they replace the hand-written files). Raises DataError."""
    # First, so the PDFs not in the cache compile while the pages are rendered.
    checklists = checklist_outputs(site, site_url, pdfs)
    env = environment()
    outputs = [
        *(cause_page(env, site, cause) for cause in site.causes.values()),
        *hub_outputs(env, site),
        *care_outputs(env, site),
        *(guide_outputs(env, site, docs_dir) if docs_dir else ()),
        *checklists,
        *quiz_outputs(site),
        *checker_outputs(site),
    ]
    # Last, as they describe the pages made above.
    return [
        *outputs,
        *manifest_outputs(site, outputs),
        *search_outputs(site, outputs, docs_dir),
    ]


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """File by file, top to bottom, as a writer works through them."""
    return sorted(problems, key=lambda p: (p.file, p.line or 0))
