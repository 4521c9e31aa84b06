"""Shared helpers: the real data, a small fixture data set, and strict builds into temp folders."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import lxml.html
import pytest
from causepages import DataError, PdfBuild, PdfWorkers, load_site, site_outputs

if TYPE_CHECKING:
    from page_load import SiteLoads
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"


# One set of PDF workers for the tests that plan a site in-process, and one PDF cache for them
# and the tests' builds, apart from the project's own cache.
PDF_WORKERS = PdfWorkers()
PDF_CACHE = Path(tempfile.mkdtemp(prefix="checklist-pdfs-"))


def build(
    site_dir: Path, data_dir: Path | None = None, site_url: str | None = None, root: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """Run a strict MkDocs build of the project (or a copy at root) into site_dir, never into
    the repository."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    # The tests' PDFs stay out of the project's own cache.
    env.setdefault("PDF_CACHE", str(PDF_CACHE))
    if data_dir is not None:
        env["SITE_DATA"] = str(data_dir)
    if site_url is not None:
        env["SITE_URL"] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml"]
    return subprocess.run(
        [*command, "-d", str(site_dir)], cwd=root, env=env, capture_output=True, text=True
    )


def planned(
    data_dir: Path, site_url: str = "https://example.org/", pdf_cache: Path = PDF_CACHE
) -> dict[str, str | bytes]:
    """Every file planned from data_dir, by path, with the PDFs made (DataError if one
    cannot be); an empty pdf_cache makes every PDF anew."""
    site = load_site(data_dir)
    pdfs = PdfBuild(pdf_cache, PDF_WORKERS, site.locate)
    outputs = site_outputs(site, site_url, pdfs, ROOT / "docs")
    pdfs.wait()
    return {
        o.path: o.content.read_bytes() if isinstance(o.content, Path) else o.content
        for o in outputs
    }


def data_problems(data_dir: Path) -> list[str]:
    """What a writer is told about a broken data folder, one line per problem."""
    with pytest.raises(DataError) as caught:
        load_site(data_dir)
    return [str(problem) for problem in caught.value.problems]


def parse(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


# The real data's cause ids, for parametrizing: one per file in data/causes (the loader requires
# a cause's id to be its file name), read without loading the data, so that a data error fails
# the modules' `real_site` fixtures rather than the collection of every module that
# parametrizes by cause (a collection error stops the whole run).
CAUSE_IDS = sorted(path.stem for path in (DATA / "causes").glob("*.y*ml"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `slow` run only when a -m expression names them; otherwise each is skipped
    with a reason saying how to run it, so the report lists them rather than losing them."""
    if "slow" in (config.option.markexpr or ""):
        return
    skip = pytest.mark.skip(reason='slow: run with make test PYTEST_ARGS="-m slow"')
    for item in items:
        if item.get_closest_marker("slow"):
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def pdf_workers() -> Iterator[None]:
    yield
    PDF_WORKERS.close()
    shutil.rmtree(PDF_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def site_url() -> str:
    """Where the test site is served. It is built for this address, so Material's instant
    navigation (which only follows links under site_url) works as it does when published."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = build(site, site_url=site_url)
    assert result.returncode == 0, f"strict build of the real data failed:\n{result.stderr}"
    return site


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        # Lets linkchecker go faster than its default 2-10 requests a second to one host.
        self.send_header("LinkChecker", "no rate limit")
        super().end_headers()


@contextlib.contextmanager
def serve(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (any free port by default); yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_site(built_site: Path, site_url: str) -> Iterator[str]:
    """The built site on 127.0.0.1, for browser tests; yields its base URL."""
    with serve(built_site, int(site_url.rstrip("/").rsplit(":", 1)[1])) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium: Playwright's own browser download is not used."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        reason = "no Chromium found: install Debian's chromium package to run browser tests"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    # No lookups of outside hosts: the tests only ever talk to 127.0.0.1.
    args = ["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
    return {**browser_type_launch_args, "executable_path": chromium, "args": args}


@pytest.fixture(scope="session")
def page_loads(browser: Browser, built_site: Path, served_site: str) -> SiteLoads:
    """Every page of the real site (and each reader state of site_pages.STATES) loaded once
    with JavaScript on and once with it off; the console, privacy and no-JavaScript gates all
    assert on this one record."""
    from page_load import site_loads

    return site_loads(browser, built_site, served_site)


# Planted pages for the gates that check pages (console, accessibility, HTML, links, no-JS):
# each gate's defect is on its own page of one planted site, built once.
PLANTED_PAGES = {
    "planted-console.md": (
        "# Planted\n\n<img src='missing.png' alt='Missing'>\n\n"
        "<script>undefinedFunction()</script>\n"
    ),
    "planted-axe.md": (
        "# Planted\n\n<img src='x.png'>\n\n<p style='color: #c8c8c8'>Faint words</p>\n"
    ),
    "planted-html.md": "# Planted\n\n<p id='twice'>One</p>\n\n<p id='twice'>Two</p>\n",
    "planted-links.md": (
        "# Planted\n\n"
        '<a href="../no-such-page/">Gone</a> <a href="../glossary/#no-such-term">Lost</a> '
        '<a href="https://unlisted.example/">Elsewhere</a>\n'
    ),
    "planted-no-js.md": (
        "# Planted\n\n<div class='needs-js' style='display: none'>Read this first.</div>\n\n"
        "<details><summary>Answer</summary>Shown when opened.</details>\n"
    ),
}


@pytest.fixture(scope="session")
def planted_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data built with PLANTED_PAGES added; each page is at /<name without .md>/."""
    from planting import planted_site

    return planted_site(tmp_path_factory.mktemp("planted-pages"), pages=PLANTED_PAGES)


@pytest.fixture
def fixture_data(tmp_path: Path) -> Path:
    """A writable copy of the small fixture data set, for tests that break it on purpose."""
    copy = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, copy)
    return copy
