"""`python -m causepages generate DIR` writes the same pages the MkDocs build gets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA, PDF_CACHE, ROOT, build, planned

EPOCH = "1700000000"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "causepages", *args]
    env = {
        "PYTHONPATH": str(ROOT / "hooks"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PDF_CACHE": str(PDF_CACHE),
    }
    # A fixed date, so the PDFs it writes match the ones a test plans.
    env["SOURCE_DATE_EPOCH"] = EPOCH
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def test_generate_writes_every_planned_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
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
    for path, content in planned(FIXTURE_DATA, url).items():
        expected = content if isinstance(content, bytes) else content.encode()
        assert (tmp_path / path).read_bytes() == expected


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
