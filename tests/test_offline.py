"""The offline copy's build side: the shipped Workbox files are npm's, byte for byte; sw.js lists
every file of the built site with its hash and loads nothing from another host; a bad setting,
a site_url with no usable path or a missing Workbox file stops the build with a clear message;
the version of the site's own styles and scripts changes with their bytes, and only then."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from causepages.features.asset_version import asset_version
from causepages.features.offline import (
    VENDOR_DIR,
    WORKBOX_FILES,
    WORKBOX_VERSION,
    OfflineError,
    base_path,
    file_list,
    revision,
    service_worker,
)
from conftest import ROOT, build, parse

SHIPPED = ROOT / "docs" / VENDOR_DIR
NODE_MODULES = ROOT / "node_modules"


def npm_copy(name: str) -> Path:
    """Where npm put the file that docs/assets/vendor ships (workbox-core.prod.js comes from
    node_modules/workbox-core/build/)."""
    package = name.removesuffix(".prod.js")
    return NODE_MODULES / package / "build" / name


@pytest.fixture(scope="module")
def installed() -> None:
    if not (NODE_MODULES / "workbox-core").is_dir():
        reason = "node_modules has no Workbox: run `npm ci` (make test does)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.mark.parametrize("name", WORKBOX_FILES)
def test_each_shipped_workbox_file_is_npms_byte_for_byte(name: str, installed: None) -> None:
    package = json.loads((npm_copy(name).parents[1] / "package.json").read_text())
    assert package["version"] == WORKBOX_VERSION, (
        f"node_modules has {package['name']} {package['version']}, the site ships "
        f"{WORKBOX_VERSION}: pin package.json to it, or update the shipped files"
    )
    assert (SHIPPED / name).read_bytes() == npm_copy(name).read_bytes(), (
        f"docs/{VENDOR_DIR}/{name} differs from {package['name']} {WORKBOX_VERSION} on npm"
    )


def test_workbox_is_pinned_and_its_licence_shipped(installed: None) -> None:
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]
    for name in WORKBOX_FILES:
        package = name.removesuffix(".prod.js")
        assert pinned.get(package) == WORKBOX_VERSION, f"package.json: pin {package} exactly"
        licence = (NODE_MODULES / package / "LICENSE").read_bytes()
        assert (SHIPPED / "LICENSE").read_bytes() == licence, f"{package}'s licence differs"


def test_every_file_of_the_site_is_listed_with_its_hash(built_site: Path) -> None:
    listed = {entry.url: entry for entry in file_list(built_site)}
    home = listed[""]
    assert home.revision == revision((built_site / "index.html").read_bytes())
    assert home.first and listed["when-to-see-a-doctor/"].first
    assert listed["check/checker.json"].first and listed["search/index.json"].first
    assert not listed["glossary/"].first, "only the first visit's pages are stored at once"
    assert any(url.endswith(".pdf") for url in listed), "the whole site includes the PDFs"
    assert "sw.js" not in listed and not any(url.endswith(".map") for url in listed)
    assert not any(url.startswith(VENDOR_DIR) for url in listed)


def test_first_visit_stores_under_one_megabyte(built_site: Path) -> None:
    first = sum(entry.size for entry in file_list(built_site) if entry.first)
    # Uncompressed, so the 1 MB target for the compressed transfer holds with room to spare.
    assert first < 2_000_000, f"the first visit stores {first} bytes before compression"


def test_the_service_worker_asks_no_other_host(built_site: Path) -> None:
    text = (built_site / "sw.js").read_text()
    assert not re.search(r"https?://", text.split("const SETTINGS", 1)[1].split(";", 1)[0])
    for name in WORKBOX_FILES:
        assert f"{VENDOR_DIR}/{name}" in text
    assert "storage.googleapis" not in text, "Workbox's CDN"


@pytest.mark.parametrize(
    ("site_url", "path"),
    [("https://example.org/", "/"), ("https://user.github.io/twitching", "/twitching/")],
)
def test_the_path_comes_from_site_url(site_url: str, path: str) -> None:
    assert base_path(site_url) == path


@pytest.mark.parametrize("site_url", ["example.org/twitching/", "https://example.org/?x=1", ""])
def test_a_site_url_with_no_usable_path_is_refused(site_url: str) -> None:
    with pytest.raises(OfflineError, match="site_url"):
        base_path(site_url)


def test_an_unknown_setting_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OfflineError, match=r"use save .* or remove"):
        service_worker(tmp_path, "https://example.org/", "yes")


def test_a_missing_workbox_file_stops_the_build(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "node_modules", ".git"))
    (copy / "docs" / VENDOR_DIR / WORKBOX_FILES[1]).unlink()
    result = build(tmp_path / "site", site_url="https://example.org/", root=copy)
    assert result.returncode != 0
    assert f"lacks {WORKBOX_FILES[1]} (Workbox {WORKBOX_VERSION})" in result.stderr


def test_the_removal_setting_publishes_a_worker_that_only_removes(tmp_path: Path) -> None:
    text = service_worker(tmp_path, "https://example.org/", "remove")
    assert "caches.delete" in text and "unregister" in text
    assert "importScripts" not in text and "fetch" not in text


def test_the_asset_version_changes_with_the_assets_bytes_and_only_then(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    version = asset_version(docs)
    assert re.fullmatch(r"[0-9a-f]{16}", version)
    assert version == asset_version(ROOT / "docs"), "the folder's place and times do not count"
    css = docs / "assets" / "site.css"
    os.utime(css, (0, 0))
    (docs / "index.md").write_text("A page, not an asset.")
    (docs / VENDOR_DIR / WORKBOX_FILES[0]).write_text("// Loaded by the service worker only.")
    assert asset_version(docs) == version

    original = css.read_bytes()
    css.write_bytes(original.replace(b"}", b"} ", 1))
    assert asset_version(docs) != version
    css.write_bytes(original)
    assert asset_version(docs) == version
    (docs / "assets" / "new.js").write_text("")
    assert asset_version(docs) != version


def test_every_page_carries_the_asset_version_where_instant_navigation_swaps(
    built_site: Path,
) -> None:
    version = asset_version(ROOT / "docs")
    for page in ("index.html", "404.html", "glossary/index.html"):
        container = parse(built_site / page).find_class("md-container")[0]
        assert container.get("data-md-component") == "container"
        found = container.xpath(".//*[@data-asset-version]")
        assert [el.get("data-asset-version") for el in found] == [version], page
