"""The version of the site's own styles and scripts, which every page of the theme carries.

In:  the docs folder; its assets/ folder holds the CSS and JavaScript that pages load.
Out: 16 hex digits of a SHA-256 over each file under assets/, its path and its bytes
     (`asset_version`). Workbox is left out: only the service worker loads it, and sw.js
     changes with it anyway.

The theme's instant navigation swaps a page's content but keeps the styles and scripts of the
last full load, so after a new version is published the reader's next page would show with the
old ones. overrides/main.html writes this version inside the part that is swapped, and
docs/assets/site.js loads a page in full when it shows another version than the one loaded.
The adapter reads it when MkDocs reads its settings; `python -m causepages generate` writes
Markdown for another generator and has no use for it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .offline import VENDOR_DIR


def asset_version(docs_dir: Path) -> str:
    """The version of the files under docs_dir/assets/: it changes when the bytes, the name or
    the number of those files change, and not with their times or with any other file."""
    digest = hashlib.sha256()
    for file in sorted(p for p in (docs_dir / "assets").rglob("*") if p.is_file()):
        path = file.relative_to(docs_dir).as_posix()
        if path.startswith(f"{VENDOR_DIR}/"):
            continue
        data = file.read_bytes()
        # The path and size first, so no two different sets of files give the same stream.
        digest.update(f"{path}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:16]
