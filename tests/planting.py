"""Build a copy of the project with a defect planted, to show that a quality gate catches it.

The copy lives in a temp folder (mkdocs.yml, docs/, hooks/, overrides/), so the repository is
never touched; the defect is an extra page and/or a text replaced in one of the copied files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURE_DATA, ROOT, build

PROJECT_PARTS = ("docs", "hooks", "overrides")


def planted_site(
    tmp_path: Path,
    pages: dict[str, str] | None = None,
    replace: dict[str, tuple[str, str]] | None = None,
    data_dir: Path = FIXTURE_DATA,
    site_url: str | None = None,
) -> Path:
    """Build the fixture data with extra docs pages and replacements (file: (old, new)).

    Returns the built site's folder. The extra pages are kept out of the nav on purpose, as
    a page of our own would be, so a strict build accepts them.
    """
    project = tmp_path / "project"
    for part in PROJECT_PARTS:
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "data").mkdir()  # mkdocs.yml watches it; the data itself comes from data_dir
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if pages:
        listed = "\nnot_in_nav: |\n"
        entries = "".join(f"  /{name}\n" for name in pages)
        config = (
            config.replace(listed, listed + entries)
            if listed in config
            else config + listed + entries
        )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, markdown in (pages or {}).items():
        (project / "docs" / name).write_text(markdown, encoding="utf-8")
    for name, (old, new) in (replace or {}).items():
        file = project / name
        text = file.read_text(encoding="utf-8")
        assert old in text, f"cannot plant the defect: {old!r} is not in {name}"
        file.write_text(text.replace(old, new), encoding="utf-8")
    site = tmp_path / "site"
    result = build(site, data_dir=data_dir, site_url=site_url, root=project)
    assert result.returncode == 0, f"the planted site did not build:\n{result.stderr}"
    return site
