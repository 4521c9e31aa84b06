"""Gate 2, valid HTML: the Nu HTML checker reports no error on any built page.

The only errors it may ignore are patterns the theme itself writes, listed with a reason
each in tests/vnu-filters.txt.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FILTERS = ROOT / "tests" / "vnu-filters.txt"


def filters() -> list[re.Pattern[str]]:
    lines = FILTERS.read_text(encoding="utf-8").splitlines()
    return [re.compile(line) for line in lines if line.strip() and not line.startswith("#")]


def checker_errors(site: Path) -> list[tuple[str, str]]:
    """Every error the checker finds in the site's HTML, as (file, line: message)."""
    assert VNU.is_file(), "the Nu HTML checker is missing: run `npm ci`"
    command = ["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json"]
    result = subprocess.run(
        [*command, "--exit-zero-always", "--stdout", str(site)], capture_output=True, text=True
    )
    messages = json.loads(result.stdout)["messages"]
    return [
        (
            message.get("url", "").removeprefix(f"file:{site}/"),
            f"{message.get('lastLine', '?')}: {message['message']}",
        )
        for message in messages
    ]


def unfiltered(errors: list[tuple[str, str]]) -> list[str]:
    return [
        f"{file}:{error}"
        for file, error in errors
        if not any(pattern.fullmatch(error.split(": ", 1)[1]) for pattern in filters())
    ]


def test_every_page_is_valid_html(built_site: Path) -> None:
    errors = checker_errors(built_site)
    problems = unfiltered(errors)
    assert problems == [], "\n".join(problems)
    unused = [
        pattern.pattern
        for pattern in filters()
        if not any(pattern.fullmatch(error.split(": ", 1)[1]) for _, error in errors)
    ]
    assert unused == [], "these filters match nothing any more: remove them"


def test_every_filter_has_a_reason() -> None:
    lines = FILTERS.read_text(encoding="utf-8").splitlines()
    unexplained = [
        line
        for above, line in zip(["", *lines], lines, strict=False)
        if line.strip() and not line.startswith("#") and not above.startswith("#")
    ]
    assert unexplained == []


def test_the_gate_catches_invalid_html(planted_pages: Path) -> None:
    problems = unfiltered(checker_errors(planted_pages))
    assert any(
        p.startswith("planted-html/index.html:") and "Duplicate ID “twice”" in p for p in problems
    ), problems
