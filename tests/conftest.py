"""Shared helpers: the real data, a small fixture data set, and strict builds into temp folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"


def build(site_dir: Path, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a strict MkDocs build of the project into site_dir, never into the repository."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    if data_dir is not None:
        env["SITE_DATA"] = str(data_dir)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml"]
    return subprocess.run(
        [*command, "-d", str(site_dir)], cwd=ROOT, env=env, capture_output=True, text=True
    )


def parse(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = build(site)
    assert result.returncode == 0, f"strict build of the real data failed:\n{result.stderr}"
    return site


@pytest.fixture
def fixture_data(tmp_path: Path) -> Path:
    """A writable copy of the small fixture data set, for tests that break it on purpose."""
    copy = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, copy)
    return copy
