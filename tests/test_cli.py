"""`python -m causepages generate DIR` writes the pages and files a reader's site is made of,
without MkDocs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from causepages import load_site
from conftest import FIXTURE_DATA, PDF_CACHE, ROOT, build
from pypdf import PdfReader

EPOCH = "1700000000"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "causepages", *args]
    env = {
        "PYTHONPATH": str(ROOT / "hooks"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PDF_CACHE": str(PDF_CACHE),
    }
    env["SOURCE_DATE_EPOCH"] = EPOCH
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def test_generate_writes_what_a_reader_needs(tmp_path: Path) -> None:
    """A cause page and a checklist for each cause with its PDF, the PDF of them all, and the
    quiz's and the checker's data, each holding the fixture data's words."""
    url = "https://twitch.example/"
    result = run(
        "--data",
        str(FIXTURE_DATA),
        "--docs",
        str(ROOT / "docs"),
        "--site-url",
        url,
        "generate",
        str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert f"wrote {len(written)} files to {tmp_path}" in result.stdout
    site = load_site(FIXTURE_DATA)
    for cause in site.causes.values():
        page = (tmp_path / "causes" / f"{cause.id}.md").read_text(encoding="utf-8")
        assert f"title: {cause.title}" in page
        assert " ".join(cause.summary.split()) in " ".join(page.split())
        checklist = (tmp_path / "checklists" / f"{cause.id}.md").read_text(encoding="utf-8")
        assert all(item.text in checklist for item in cause.prevention)
        pdf = PdfReader(tmp_path / "checklists" / f"{cause.id}.pdf")
        assert " ".join(pdf.pages[0].extract_text().split()).startswith(cause.title)
        assert f"{url}checklists/{cause.id}/" in pdf.pages[0].extract_text()
    assert len(PdfReader(tmp_path / "checklists" / "all-checklists.pdf").pages) == len(site.causes)
    quiz = json.loads((tmp_path / "quiz" / "questions.json").read_text(encoding="utf-8"))
    asked = [q.question for cause in site.causes.values() for q in cause.quiz]
    assert [q["question"] for q in quiz["questions"]] == asked
    checker = json.loads((tmp_path / "check" / "checker.json").read_text(encoding="utf-8"))
    assert checker["steps"] and checker["signs"]
    assert {"causes/index.md", "checklists/index.md", "quiz/index.md", "check/index.md"} <= set(
        written
    )


def test_generate_reports_bad_data_without_a_traceback(fixture_data: Path, tmp_path: Path) -> None:
    (fixture_data / "causes" / "alpha.yaml").write_text("id: alpha\n")
    result = run("--data", str(fixture_data), "generate", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "data/causes/alpha.yaml, line 1: field 'title': is required but missing" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("category: everyday", "category: everyda"),  # a data error
        ("It makes nerves busy.", "It makes mussels busy."),  # a house rule
    ],
    ids=["data error", "house rule"],
)
def test_check_lists_the_same_problems_as_the_build(
    old: str, new: str, fixture_data: Path, tmp_path: Path
) -> None:
    alpha = fixture_data / "causes" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace(old, new))
    checked = run("--data", str(fixture_data), "--docs", str(ROOT / "docs"), "check")
    built = build(tmp_path / "site", fixture_data)

    def problems(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip().startswith("- data/")]

    assert checked.returncode == 1 and built.returncode != 0
    assert len(problems(checked.stderr)) == 1
    assert problems(checked.stderr) == problems(built.stderr)
