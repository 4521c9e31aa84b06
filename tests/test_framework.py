"""The site does not depend on MkDocs itself: ProperDocs, the maintained fork of MkDocs 1.x,
builds the same commit into the same files, so the project can move to it when it must."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import PDF_CACHE, ROOT

# Both builds see the same dates, PDF cache (the second build finds every PDF made) and
# settings; the warning about MkDocs 2 is the theme's, printed only under MkDocs.
ENV = os.environ | {
    "SOURCE_DATE_EPOCH": "1700000000",
    "PDF_CACHE": str(PDF_CACHE),
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONDONTWRITEBYTECODE": "1",
}


def build_with(generator: str, site_dir: Path) -> set[str]:
    """Build the project with `python -m <generator> build --strict` into site_dir; returns
    every file it wrote, by its path in the site."""
    command = [sys.executable, "-m", generator, "build", "--strict", "-f", "mkdocs.yml"]
    result = subprocess.run(
        [*command, "-d", str(site_dir)], cwd=ROOT, env=ENV, capture_output=True, text=True
    )
    assert result.returncode == 0, f"{generator} build failed:\n{result.stderr}"
    return {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}


def test_properdocs_builds_the_same_files_as_mkdocs(tmp_path: Path) -> None:
    mkdocs = build_with("mkdocs", tmp_path / "mkdocs")
    properdocs = build_with("properdocs", tmp_path / "properdocs")
    assert "search/index.json" in mkdocs and "nav.json" in mkdocs
    assert sorted(mkdocs - properdocs) == [], "only MkDocs wrote these"
    assert sorted(properdocs - mkdocs) == [], "only ProperDocs wrote these"
