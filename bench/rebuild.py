"""How long a writer waits, with `mkdocs serve` running, between saving a cause and seeing it.

Serve runs on a copy of the project in a temp folder, so the repository is never touched.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import yaml

PROJECT = ("mkdocs.yml", "hooks", "overrides", "docs")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at url holds text; raises after timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def rebuild_seconds(
    root: Path, data_dir: Path, work: Path, env: dict[str, str], saves: int = 7
) -> list[float]:
    """Seconds from saving the first cause's YAML to the served page showing the change."""
    for name in PROJECT:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, work / name)
    shutil.copytree(data_dir, work / "data")
    cause_file = sorted((work / "data" / "causes").glob("*.yaml"))[0]
    cause = yaml.safe_load(cause_file.read_text(encoding="utf-8"))

    def save(marker: str) -> None:
        # The summary is shown near the top of the page; it holds 300 characters at most.
        edited = cause | {"summary": f"{marker}: {cause['summary']}"[:300]}
        cause_file.write_text(yaml.safe_dump(edited, allow_unicode=True), encoding="utf-8")

    env = {key: value for key, value in env.items() if key != "SITE_DATA"}
    return _edit_loop(work / "mkdocs.yml", f"causes/{cause_file.stem}/", save, env, saves)


def plain_rebuild_seconds(
    config_file: Path, page: str, env: dict[str, str], saves: int = 7
) -> list[float]:
    """The same for the plain-Markdown baseline: seconds from saving page's Markdown (a path
    under the config's docs folder, such as causes/alcohol.md) to the served page changing."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    markdown = Path(config["docs_dir"]) / page
    original = markdown.read_text(encoding="utf-8")
    _, front, body = original.split("---\n", 2)

    def save(marker: str) -> None:
        markdown.write_text(f"---\n{front}---\n{marker}\n\n{body}", encoding="utf-8")

    return _edit_loop(config_file, page.removesuffix(".md") + "/", save, env, saves)


def _edit_loop(
    config_file: Path, page: str, save: Callable[[str], None], env: dict[str, str], saves: int
) -> list[float]:
    """Run `mkdocs serve`, then `saves` times: save(marker) and time until page shows marker."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    serve_env = env | {"SITE_URL": f"http://127.0.0.1:{port}/"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*command, "-f", str(config_file)],
        cwd=config_file.parent,
        env=serve_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(url, "<html", timeout=300)
        times = []
        for number in range(saves):
            marker = f"Saved again {number}"
            save(marker)
            start = time.perf_counter()
            wait_for(url, marker, timeout=300)
            times.append(time.perf_counter() - start)
            time.sleep(1)
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)
