"""A crawl of the built HTML: every internal href and src, and every #anchor, resolves."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import parse


def target_file(site: Path, page: Path, url: str) -> Path:
    base = "/" + page.relative_to(site).as_posix()
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(url)))
    target = site / path.lstrip("/")
    return target / "index.html" if target.is_dir() else target


def broken_links(built_site: Path) -> tuple[int, list[str]]:
    """How many internal hrefs and srcs the site has, and those that lead nowhere."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = {el.get("id") for el in parse(path).iter() if el.get("id")}
        return ids[path]

    broken = []
    checked = 0
    for page in sorted(built_site.rglob("*.html")):
        for element in parse(page).iter():
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url is None or element.tag == "base":
                    continue
                parts = urlsplit(url)
                if parts.scheme or parts.netloc:
                    continue
                checked += 1
                target = target_file(built_site, page, parts.path) if parts.path else page
                if not target.is_file():
                    broken.append(f"{page.relative_to(built_site)}: {url} (no such file)")
                elif (
                    parts.fragment
                    and target.suffix == ".html"
                    and unquote(parts.fragment) not in ids_of(target)
                ):
                    broken.append(f"{page.relative_to(built_site)}: {url} (no such anchor)")
    return checked, broken


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    checked, broken = broken_links(built_site)
    assert checked > 100
    assert broken == []


def test_the_crawl_catches_a_broken_link_and_a_missing_anchor(planted_pages: Path) -> None:
    _, broken = broken_links(planted_pages)
    planted = [found for found in broken if found.startswith("planted-links/")]
    assert planted == [
        "planted-links/index.html: ../no-such-page/ (no such file)",
        "planted-links/index.html: ../glossary/#no-such-term (no such anchor)",
    ]
