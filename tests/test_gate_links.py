"""Gate 3, links: linkchecker finds no broken internal link or anchor on the served site, and
every link to another site is a source from data/sources.yaml or on a short allow-list.

linkchecker fetches nothing outside 127.0.0.1: tests run without a network, so outside links
are checked against the lists instead.

The linkchecker crawl takes about a minute, so its two tests are marked `slow` and are
skipped (with that reason) unless asked for: run them with

    make test PYTEST_ARGS="-m slow"

(or `pytest -m slow`). Without them, internal links and anchors are still checked on every
page by the quicker crawl of the built HTML in tests/test_links.py, which has its own
planted-defect test; the outside-link tests here always run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import DATA, FIXTURE_DATA, ROOT, parse, serve

# Run as root, linkchecker switches to user `nobody` before it loads its plugins; where
# `nobody` cannot read the checkout (a clone in a private folder), the anchor plugin then fails
# to load without a word and no anchor is checked. It only ever fetches from our own server on
# 127.0.0.1, so it keeps the user it was started as.
LINKCHECKER = [
    sys.executable,
    "-c",
    "import sys, linkcheck.command.linkchecker as lc; "
    "lc.drop_privileges = lambda: None; sys.argv[0] = 'linkchecker'; sys.exit(lc.linkchecker())",
]
ALLOWED = ROOT / "tests" / "external-links.txt"
# checkextern=0: no outside fetches. An empty [AnchorCheck] section turns on anchor checks,
# whose failures are warnings, which make linkchecker exit 1 like errors do. The request rate
# is raised for our own server, which allows it with a "LinkChecker" header (see conftest).
CONFIG = "[checking]\nmaxrequestspersecond=1000\n[filtering]\ncheckextern=0\n[AnchorCheck]\n"


def linkchecker(tmp_path: Path, *urls: str) -> subprocess.CompletedProcess[str]:
    """Crawl from each URL; the sitemap is one, so pages outside the nav are checked too."""
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    command = [*LINKCHECKER, "--config", str(config), "--no-status", "--threads", "4"]
    return subprocess.run([*command, *urls], capture_output=True, text=True, timeout=600)


def outside_links(site: Path, site_url: str) -> set[str]:
    """Every link a reader can follow to another site."""
    home = urlsplit(site_url).netloc
    return {
        href
        for page in site.rglob("*.html")
        for href in parse(page).xpath("//a/@href")
        if urlsplit(href).scheme and urlsplit(href).netloc != home
    }


def allowed_outside_links(data_dir: Path = DATA) -> set[str]:
    sources = yaml.safe_load((data_dir / "sources.yaml").read_text(encoding="utf-8"))
    listed = ALLOWED.read_text(encoding="utf-8").splitlines()
    return {source["url"] for source in sources.values()} | {
        line.strip() for line in listed if line.strip() and not line.startswith("#")
    }


@pytest.mark.slow
def test_no_broken_internal_link_or_anchor(served_site: str, tmp_path: Path) -> None:
    result = linkchecker(tmp_path, served_site, served_site + "sitemap.xml")
    assert result.returncode == 0, result.stdout
    assert " 0 errors found" in result.stdout


def test_every_outside_link_is_a_source_or_allowed(built_site: Path, site_url: str) -> None:
    links = outside_links(built_site, site_url)
    assert links, "the site links to its sources, so some outside links are expected"
    assert sorted(links - allowed_outside_links()) == []


@pytest.mark.slow
def test_the_gate_catches_a_broken_link_and_a_missing_anchor(
    planted_pages: Path, tmp_path: Path
) -> None:
    with serve(planted_pages) as url:
        result = linkchecker(tmp_path, url, url + "planted-links/")
    assert result.returncode == 1
    assert f"{url}no-such-page/" in result.stdout
    assert "#no-such-term" in result.stdout


def test_the_gate_catches_an_unlisted_site(planted_pages: Path) -> None:
    assert outside_links(planted_pages, "https://example.org/") - allowed_outside_links(
        FIXTURE_DATA
    ) == {"https://unlisted.example/"}
