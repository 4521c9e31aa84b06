"""Build an evidence-based health site from YAML: load and check the data, then plan its pages.

This package never imports MkDocs; `hooks/adapter.py` connects it to a build.
"""

from .clinical_review import check_publishing
from .loader import Site, load_site
from .output import Output
from .pdf_build import PdfBuild, PdfWorkers
from .planner import nav_sections, plan
from .yaml_files import DataError, Problem

__all__ = [
    "DataError",
    "Output",
    "PdfBuild",
    "PdfWorkers",
    "Problem",
    "Site",
    "check_publishing",
    "load_site",
    "nav_sections",
    "plan",
]
