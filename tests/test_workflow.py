"""The publishing workflow: tests pass before a strict build, which is what gets published."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _index(steps: list[dict[str, Any]], match: str) -> int:
    """Position of the first step that uses or runs something containing match."""
    for index, step in enumerate(steps):
        if match in step.get("uses", "") or match in step.get("run", ""):
            return index
    raise AssertionError(f"no step uses or runs {match!r}")


def test_publishes_every_push_to_main(workflow: dict[str, Any]) -> None:
    # PyYAML reads the bare key `on` as True.
    triggers = workflow[True]
    assert triggers["push"]["branches"] == ["main"]


def test_tests_pass_before_a_strict_build_is_uploaded(workflow: dict[str, Any]) -> None:
    steps = workflow["jobs"]["build"]["steps"]
    tests, build = _index(steps, ".ci/run"), _index(steps, "make build")
    upload = _index(steps, "actions/upload-pages-artifact")
    assert tests < build < upload
    assert steps[upload]["with"]["path"].rstrip("/") == "site"


def test_the_build_uses_the_pages_address_and_the_commit_time(workflow: dict[str, Any]) -> None:
    steps = workflow["jobs"]["build"]["steps"]
    pages, build = _index(steps, "actions/configure-pages"), _index(steps, "make build")
    epoch = _index(steps, "SOURCE_DATE_EPOCH")
    assert pages < build and epoch < build
    assert "git log -1 --format=%ct" in steps[epoch]["run"]
    site_url = steps[build]["env"]["SITE_URL"]
    assert site_url.startswith(f"${{{{ steps.{steps[pages]['id']}.outputs.base_url }}}}")
    # MkDocs joins page paths onto site_url, so it must end with a slash.
    assert site_url.endswith("/")


def test_deploys_only_what_was_built(workflow: dict[str, Any]) -> None:
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert _index(deploy["steps"], "actions/deploy-pages") == 0
    # Only the deploy job may write to Pages.
    assert workflow["permissions"] == {"contents": "read"}


@pytest.mark.parametrize("command", ["serve", "build"])
def test_a_writers_commands_install_only_what_the_site_needs(command: str, tmp_path: Path) -> None:
    """`make serve` and `make build` set up the site's dependencies; only `make test` adds the
    test tools (Playwright, linkchecker, axe...)."""
    dry_run = subprocess.run(
        ["make", "-n", command, f"VENV={tmp_path / '.venv'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "--group site" in dry_run
    assert "--group test" not in dry_run
    test_run = subprocess.run(
        ["make", "-n", "test", f"VENV={tmp_path / '.venv'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "--group test" in test_run
