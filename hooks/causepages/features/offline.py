"""Reading offline: the service worker's list of files, and the service worker itself.

In:  the built site folder (every file MkDocs and the package wrote), the site's `site_url`
     and the mode from mkdocs.yml (`save`: keep offline copies; `remove`: a service worker
     that deletes its store and itself).
Out: the text of `sw.js`, with the list of files written into it (`service_worker`), or an
     OfflineError that names what is wrong.

The list can only be complete once MkDocs has written the site (its theme's scripts and styles
are not ours to know), so the adapter calls this after the build; `python -m causepages
generate` writes Markdown for another generator and has no service worker.

Each file is listed with its size and a hash of its bytes, read from site/ itself after every
other file is written, so what the phone checks is what is served. The list goes into sw.js
rather than a file beside it: a browser looks for a new version of a service worker by
comparing the bytes of sw.js, so any change to any file makes a new sw.js, and the reader's
phone refreshes its copies at its next online page load.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

WORKBOX_VERSION = "7.4.1"
# Workbox's production builds, in the order the service worker loads them (core first).
WORKBOX_FILES = (
    "workbox-core.prod.js",
    "workbox-routing.prod.js",
    "workbox-strategies.prod.js",
    "workbox-precaching.prod.js",
)
VENDOR_DIR = f"assets/vendor/workbox-{WORKBOX_VERSION}"
SERVICE_WORKER = "sw.js"
MODES = ("save", "remove")

# Stored on the first visit: the pages that say when to get help, the checker with its data,
# the search index and the site's shell. Everything else is stored as it is read, or with
# "Save the whole site" on the About page.
FIRST_VISIT_PAGES = (
    "index.html",
    "when-to-see-a-doctor/index.html",
    "what-counts-as-weakness/index.html",
    "check/index.html",
    "404.html",
)
FIRST_VISIT_FILES = ("check/checker.json", "sitemap.xml")
FIRST_VISIT_FOLDERS = ("assets/", "search/")
# Never listed: the service worker itself (the browser keeps it), the Workbox files it loads,
# files for developers' tools (source maps) and for search engines, and the search's other
# languages (the site is in English; the theme loads none of them for it).
LEFT_OUT_FOLDERS = (f"{VENDOR_DIR}/", "assets/javascripts/lunr/", "assets/javascripts/workers/")
LEFT_OUT_FILES = (SERVICE_WORKER, "robots.txt", "sitemap.xml.gz")
LEFT_OUT_SUFFIXES = (".map",)

# What a reader sees at the top of a page shown from the store; {date} is the day it was saved.
NOTICE = "You are offline. This copy was saved on {date}."
NOT_SAVED = "You are offline, and this page is not saved on this device yet."

_TEMPLATES = Path(__file__).with_name("offline_sw")


class OfflineError(Exception):
    """The build cannot make a service worker that works; the message says why and what to do."""


@dataclass(frozen=True)
class Entry:
    """One file as the service worker knows it: its address relative to the site's root
    (a page by its folder: causes/caffeine/), a hash of its bytes, its size and whether the
    first visit stores it."""

    url: str
    revision: str
    size: int
    first: bool

    def as_json(self) -> list[str | int]:
        return [self.url, self.revision, self.size, int(self.first)]


def base_path(site_url: str) -> str:
    """The path the site is published under ("/" or "/twitching/"), from site_url.

    Raises OfflineError for an address the service worker cannot be scoped to."""
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise OfflineError(
            f"site_url {site_url!r}: the offline copy needs a full http(s) address, such as "
            "https://example.org/twitching/, to know the path the site lives under"
        )
    if parts.query or parts.fragment:
        raise OfflineError(f"site_url {site_url!r}: take out the ? or # part")
    return parts.path.rstrip("/") + "/"


def revision(data: bytes) -> str:
    """The hash the service worker checks a file against: 16 hex digits of its SHA-256."""
    return hashlib.sha256(data).hexdigest()[:16]


def page_address(path: str) -> str:
    """Where a browser asks for a file: a folder's index.html by its folder."""
    if path == "index.html":
        return ""
    if path.endswith("/index.html"):
        return path.removesuffix("index.html")
    return path


def is_listed(path: str) -> bool:
    return not (
        path in LEFT_OUT_FILES
        or path.startswith(LEFT_OUT_FOLDERS)
        or path.endswith(LEFT_OUT_SUFFIXES)
    )


def is_first_visit(path: str) -> bool:
    return (
        path in FIRST_VISIT_PAGES
        or path in FIRST_VISIT_FILES
        or path.startswith(FIRST_VISIT_FOLDERS)
    )


def file_list(site_dir: Path) -> list[Entry]:
    """Every file of the built site the service worker may store, in path order."""
    entries = []
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        path = file.relative_to(site_dir).as_posix()
        if is_listed(path):
            data = file.read_bytes()
            entries.append(
                Entry(page_address(path), revision(data), len(data), is_first_visit(path))
            )
    return entries


def missing_workbox(site_dir: Path) -> list[str]:
    """The shipped Workbox files that are not in the built site."""
    return [name for name in WORKBOX_FILES if not (site_dir / VENDOR_DIR / name).is_file()]


def check_settings(site_url: str, mode: str, folder: Path) -> None:
    """Raises OfflineError unless the mode is known, site_url gives a path to serve under and
    `folder` (the docs folder before a build, site/ after it) has every Workbox file."""
    if mode not in MODES:
        raise OfflineError(
            f"mkdocs.yml: extra.offline (or OFFLINE) is {mode!r}; use save (keep offline "
            "copies) or remove (delete them from every reader's device)"
        )
    base_path(site_url)
    if mode == "save" and (missing := missing_workbox(folder)):
        raise OfflineError(
            f"docs/{VENDOR_DIR}/ lacks {', '.join(missing)} (Workbox {WORKBOX_VERSION}); "
            "copy it from node_modules with `make workbox`"
        )


def service_worker(site_dir: Path, site_url: str, mode: str) -> str:
    """The text of sw.js for the site built in site_dir. Raises OfflineError."""
    check_settings(site_url, mode, site_dir)
    if mode == "remove":
        return (_TEMPLATES / "remove.js").read_text(encoding="utf-8")
    entries = file_list(site_dir)
    version = revision("".join(e.revision for e in entries).encode())
    settings = {
        "version": version,
        "workbox": [f"{VENDOR_DIR}/{name}" for name in WORKBOX_FILES],
        "files": [e.as_json() for e in entries],
        "notice": NOTICE,
        "notSaved": NOT_SAVED,
    }
    text = (_TEMPLATES / "sw.js").read_text(encoding="utf-8")
    placeholder = "self.__OFFLINE_SETTINGS"
    assert placeholder in text, "the service worker template takes its settings"
    return text.replace(placeholder, json.dumps(settings, separators=(",", ":")), 1)
