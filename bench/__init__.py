"""The benchmark behind `make bench`: build times, scaling, page weight and Lighthouse scores.

It measures the generator as the MkDocs hook uses it, so the hooks folder goes on the path
here, as MkDocs puts it there while it loads the hook.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))


def chromium() -> str:
    """Debian's Chromium, which the browser measurements drive."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise SystemExit("this needs Chromium: install Debian's chromium package")
    return found
