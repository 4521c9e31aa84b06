"""The one MkDocs hook: load and check the data before anything is written, then add the pages.

All the work happens in the `causepages` package; this file only connects it to MkDocs.
MkDocs loads hook modules once per `mkdocs serve`, so nothing here is kept between builds
but the PDF worker processes, the compiled theme templates and what the build under way has
made (`_build`).

The checklist PDFs that are not in the cache yet compile in worker processes while the
package makes the pages; the build waits for them before MkDocs empties site/. So every
problem, house rules and checklists that cannot be printed included, stops the build before
site/ is touched.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from causepages import (
    CAUSES_INDEX,
    DataError,
    Output,
    PdfBuild,
    PdfWorkers,
    add_to_nav,
    check_site,
    nav_sections,
    site_outputs,
)
from causepages.features.asset_version import asset_version
from causepages.features.offline import OfflineError, check_settings, service_worker
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.causepages")


@dataclass
class _Build:
    """What one build has made so far: its outputs, and the PDFs they wait for; and whether
    MkDocs is serving (then no page registers a service worker)."""

    outputs: list[Output] = field(default_factory=list)
    pdfs: PdfBuild | None = None
    sections: list[dict[str, list[Any]]] = field(default_factory=list)
    serving: bool = False
    stale: bool = False  # serving the pages as they were, while the data has a problem


_build = _Build()
SERVING_AS_IT_WAS = (
    "The pages from the data are served as they were before this save, until it is fixed."
)
_workers = PdfWorkers()


class _CompiledTemplates(BytecodeCache):
    """The theme's templates, compiled once per `mkdocs serve` rather than on every save
    (MkDocs makes a new template environment for each build). Jinja compiles a template
    again when its source changes."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_templates = _CompiledTemplates()


def on_startup(command: str, dirty: bool) -> None:
    # Offline copies: `save` (the default) or `remove` (extra.offline in mkdocs.yml). `mkdocs
    # serve` publishes the removing service worker, so a copy stored from a built site on the
    # same address never answers for the pages a writer is editing (livereload is left alone).
    _build.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Runs before MkDocs empties site/, so bad data never leaves a half-written site.
    project = Path(config.config_file_path).parent
    data_dir = project / config.extra.get("data_dir", "data")
    if not config.site_url:
        raise PluginError("mkdocs.yml: set site_url; the checklist PDFs link back to their pages")
    # Every page is made here too, so a problem found at any stage stops the build with the
    # same clean list, before MkDocs empties site/ (a PDF that fails to compile: on_pre_build).
    try:
        site, house_rule_problems = check_site(
            data_dir.resolve(), dt.date.today(), os.environ, Path(config.docs_dir)
        )
        # A house rule stops a strict build (mkdocs.yml sets strict) here, before site/ is
        # touched; with strict off it is a warning.
        if config.strict and house_rule_problems:
            raise DataError(house_rule_problems)
        for problem in house_rule_problems:
            log.warning(str(problem))
        pdfs = PdfBuild(
            project / config.extra.get("pdf_cache", ".cache/checklist-pdfs"), _workers, site.locate
        )
        outputs = site_outputs(site, config.site_url, pdfs, Path(config.docs_dir))
        sections = nav_sections(site)
    except DataError as error:
        if not (_build.serving and _build.pdfs):
            raise PluginError(str(error)) from None
        # Under `mkdocs serve`, the writer keeps reading the site as it was (MkDocs would
        # otherwise hold every page until the data is fixed); the problems are shown here, and
        # the next save that fixes them shows the new pages. Said outside MkDocs' log, which
        # would count them as warnings and stop the build after all.
        print(f"ERROR    -  {error}\n{SERVING_AS_IT_WAS}", file=sys.stderr, flush=True)
        outputs, pdfs, sections = _build.outputs, _build.pdfs, _build.sections
        _build.stale = True
    else:
        _build.stale = False
    _offline_mode(config)
    # Every page carries it (overrides/main.html), so site.js can tell a page of a new version.
    config.extra["asset_version"] = asset_version(Path(config.docs_dir))
    if not add_to_nav(config.nav or [], CAUSES_INDEX, sections):
        raise PluginError(f"mkdocs.yml: the nav must list {CAUSES_INDEX} inside a section")
    _build.outputs, _build.pdfs, _build.sections = outputs, pdfs, sections
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for output in _build.outputs:
        # A guide page is planned from its hand-written file, with the data filled in.
        if (written := files.get_file_from_path(output.path)) is not None:
            files.remove(written)
        if isinstance(output.content, Path):
            files.append(File.generated(config, output.path, abs_src_path=str(output.content)))
        else:
            files.append(File.generated(config, output.path, content=output.content))
    return files


def on_pre_build(config: MkDocsConfig) -> None:
    # The last event before MkDocs empties site/: a PDF that still fails to compile (a checklist
    # longer than its page) stops the build with the previous site as it was.
    assert _build.pdfs is not None, "on_config has run"
    try:
        _build.pdfs.wait()
    except DataError as error:
        raise PluginError(str(error)) from None
    if not _build.stale:
        log.info(_build.pdfs.summary)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = _templates
    return env


# Last, after any plugin: the service worker lists every file in site/.
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    _write_service_worker(config)


def _offline_mode(config: MkDocsConfig) -> None:
    # Checked before site/ is touched; the page template reads the mode to register or remove.
    mode = "remove" if _build.serving else str(config.extra.get("offline", "save"))
    try:
        check_settings(config.site_url or "", mode, Path(config.docs_dir))
    except OfflineError as error:
        raise PluginError(str(error)) from None
    config.extra["offline"] = mode


def _write_service_worker(config: MkDocsConfig) -> None:
    # Last, once every other file is in site/: sw.js lists each of them with its hash.
    site = Path(config.site_dir)
    try:
        text = service_worker(site, config.site_url or "", config.extra["offline"])
    except OfflineError as error:
        raise PluginError(str(error)) from None
    (site / "sw.js").write_text(text, encoding="utf-8")


def on_shutdown() -> None:
    _workers.close()
