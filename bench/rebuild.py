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
    port = free_port()
    url = f"http://127.0.0.1:{port}/causes/{cause_file.stem}/"
    serve_env = env | {"SITE_URL": f"http://127.0.0.1:{port}/"}
    serve_env.pop("SITE_DATA", None)
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"]
    cause = yaml.safe_load(cause_file.read_text(encoding="utf-8"))
    server = subprocess.Popen(
        command, cwd=work, env=serve_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(url, "<html", timeout=300)
        times = []
        for save in range(saves):
            marker = f"Saved again {save}"
            # The summary is shown near the top of the page; it holds 300 characters at most.
            edited = cause | {"summary": f"{marker}: {cause['summary']}"[:300]}
            cause_file.write_text(yaml.safe_dump(edited, allow_unicode=True), encoding="utf-8")
            start = time.perf_counter()
            wait_for(url, marker, timeout=300)
            times.append(time.perf_counter() - start)
            time.sleep(1)
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)
