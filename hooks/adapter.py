"""The one MkDocs hook: load and check the data before anything is written, then add the pages.

All the work happens in the `causepages` package; this file only connects it to MkDocs.
MkDocs loads hook modules once per `mkdocs serve`, so nothing here is kept between builds
except the outputs planned for the build under way.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from causepages import DataError, Output, load_site, nav_sections, plan
from causepages.content_rules import content_warnings
from causepages.site_pages import CAUSES_INDEX
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.causepages")

_outputs: list[Output] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Runs before MkDocs cleans site/, so bad data never leaves a half-written site.
    data_dir = Path(config.config_file_path).parent / config.extra.get("data_dir", "data")
    if not config.site_url:
        raise PluginError("mkdocs.yml: set site_url; the checklist PDFs link back to their pages")
    # Every page and PDF is made here too, so a problem found at any stage stops the build
    # with the same clean list, before MkDocs writes anything.
    try:
        site = load_site(data_dir.resolve())
        for warning in content_warnings(site, dt.date.today()):
            log.warning(warning)
        _outputs[:] = plan(site, config.site_url)
    except DataError as error:
        raise PluginError(str(error)) from None
    if not _add_to_nav(config.nav or [], CAUSES_INDEX, nav_sections(site)):
        raise PluginError(f"mkdocs.yml: the nav must list {CAUSES_INDEX} inside a section")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for output in _outputs:
        files.append(File.generated(config, output.path, content=output.content))
    return files


def _add_to_nav(nav: list, index: str, sections: list[dict[str, list[str]]]) -> bool:
    """Put the sections after the index page in whichever nav section lists it."""
    for item in nav:
        children = next(iter(item.values())) if isinstance(item, dict) else None
        if isinstance(children, list):
            if index in children:
                children[children.index(index) + 1 :] = sections
                return True
            if _add_to_nav(children, index, sections):
                return True
    return False
