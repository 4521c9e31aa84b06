"""Build an evidence-based health site from YAML: read and check the data, then make its pages.

This package never imports MkDocs; `hooks/adapter.py` connects it to a build. The stages, in
order, are in `build.py`.
"""

from .build import check_site, load_site, site_outputs, sorted_problems
from .nav import add_to_nav, nav_sections
from .output import Output
from .pdf.cache import PdfBuild, PdfWorkers
from .problems import DataError, Problem
from .reading.site import Site
from .routes import CAUSES_INDEX

__all__ = [
    "CAUSES_INDEX",
    "DataError",
    "Output",
    "PdfBuild",
    "PdfWorkers",
    "Problem",
    "Site",
    "add_to_nav",
    "check_site",
    "load_site",
    "nav_sections",
    "site_outputs",
    "sorted_problems",
]
