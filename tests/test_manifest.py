"""nav.json and pages.json describe the site for any generator: the causes' sections of the
nav, and every page with its address, title and clinical review date."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from conftest import DATA, PDF_CACHE, ROOT

REVIEW = "clinical_review: {by: Sam Example, role: GP, date: 2026-01-05}\n"


def generate(data_dir: Path, out: Path) -> None:
    command = [sys.executable, "-m", "causepages", "--data", str(data_dir), "--docs"]
    command += [str(ROOT / "docs"), "generate", str(out)]
    env = {"PYTHONPATH": str(ROOT / "hooks"), "PDF_CACHE": str(PDF_CACHE)}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def nav_pages(entries: list[Any]) -> list[str]:
    """Every page a nav lists, in order, however deep its sections go."""
    pages = []
    for entry in entries:
        if isinstance(entry, str):
            pages.append(entry)
        else:
            ((_, children),) = entry.items()
            pages += nav_pages(children)
    return pages


def test_generate_writes_the_nav_and_every_page_with_its_review(
    fixture_data: Path, tmp_path: Path
) -> None:
    alpha = fixture_data / "causes" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace("last_checked:", REVIEW + "last_checked:"))
    out = tmp_path / "out"
    generate(fixture_data, out)

    # Each cause under its category's name (tests/fixtures/data/categories.yaml).
    assert read_json(out / "nav.json") == [
        {"Everyday triggers": ["causes/alpha.md"]},
        {"Conditions": ["causes/beta.md"]},
    ]
    pages = {page["path"]: page for page in read_json(out / "pages.json")}
    assert set(pages) == {p.relative_to(out).as_posix() for p in out.rglob("*.md")}
    assert pages["causes/alpha.md"] == {
        "path": "causes/alpha.md",
        "url": "causes/alpha/",
        "title": "Alpha trigger",
        "clinical_review": "2026-01-05",
    }
    # A checklist shows its cause's review; nothing else in the fixture data has one.
    assert pages["checklists/alpha.md"]["clinical_review"] == "2026-01-05"
    assert pages["causes/beta.md"]["title"] == "Beta condition"
    assert pages["causes/index.md"]["url"] == "causes/"
    reviewed = {path for path, page in pages.items() if page["clinical_review"]}
    assert reviewed == {"causes/alpha.md", "checklists/alpha.md"}
    assert all(page["title"] for page in pages.values())


def test_the_built_site_serves_them_and_they_list_every_cause(built_site: Path) -> None:
    causes = [yaml.safe_load(f.read_text()) for f in sorted((DATA / "causes").glob("*.yaml"))]
    listed = nav_pages(read_json(built_site / "nav.json"))
    assert sorted(listed) == sorted(f"causes/{cause['id']}.md" for cause in causes)

    pages = {page["path"]: page for page in read_json(built_site / "pages.json")}
    for cause in causes:
        page = pages[f"causes/{cause['id']}.md"]
        assert page["title"] == cause["title"]
        assert page["clinical_review"] == (
            str(cause["clinical_review"]["date"]) if "clinical_review" in cause else None
        )
    # Every address is a page the build wrote.
    missing = [
        p["url"] for p in pages.values() if not (built_site / p["url"] / "index.html").is_file()
    ]
    assert missing == []
