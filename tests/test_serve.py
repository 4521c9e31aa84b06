"""Under `make serve`, a save that breaks the data shows its problem and keeps the site the
writer had: MkDocs would otherwise hold every page until the data is fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import PDF_CACHE, ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def wait_for(check, seconds: float = 90) -> None:
    end = time.monotonic() + seconds
    while True:
        try:
            if check():
                return
        except OSError:
            pass
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.5)


def test_a_broken_save_keeps_the_site_served(fixture_data: Path, tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/checklists/alpha/"
    log = tmp_path / "serve.log"
    env = os.environ | {
        "SITE_DATA": str(fixture_data),
        "PDF_CACHE": str(PDF_CACHE),
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    with log.open("w") as out:
        server = subprocess.Popen(
            [*command, "-w", str(fixture_data)], cwd=ROOT, env=env, stdout=out, stderr=out
        )
    try:
        wait_for(lambda: "Sleep well" in fetch(url))
        alpha = fixture_data / "causes" / "alpha.yaml"
        good = alpha.read_text()
        alpha.write_text(good.replace("  - Sleep well\n", "  - Sleep well \U0001f4a7\n"))
        wait_for(lambda: "is not in the PDF font" in log.read_text())
        assert "Sleep well" in fetch(url), "the page as it was is still served"
        assert "\U0001f4a7" not in fetch(url)
        alpha.write_text(good.replace("  - Sleep well\n", "  - Sleep well, always\n"))
        wait_for(lambda: "Sleep well, always" in fetch(url))
    finally:
        server.terminate()
        server.wait(timeout=20)
