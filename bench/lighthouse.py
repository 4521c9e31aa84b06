"""Lighthouse 12 scores (mobile preset) for the built site served on 127.0.0.1.

The site is served compressed, as GitHub Pages and most static hosts serve it. Chromium is
told to resolve no host but 127.0.0.1, so a request to another host shows up as a failure.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Chromium looks up no host but 127.0.0.1.
HOST_RULES = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"
CHROME_FLAGS = f"--headless=new --no-sandbox --disable-gpu {HOST_RULES}"
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


@dataclass(frozen=True)
class Scores:
    page: str
    scores: dict[str, float]
    failing: list[str]


class CompressingHandler(SimpleHTTPRequestHandler):
    """Serves files like a static host: text gzipped when the browser accepts it."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        # A folder asked for without its trailing slash is left to the base class to redirect.
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Body:
    """The file-like object send_head returns, holding an already compressed body."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def read(self, *_: Any) -> bytes:
        body, self.body = self.body, b""
        return body

    def close(self) -> None:
        pass


@contextmanager
def served(site_dir: Path, port: int) -> Iterator[str]:
    handler = functools.partial(CompressingHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


def run(root: Path, url: str, page: str) -> Scores:
    """One Lighthouse run over url; raises with Lighthouse's own message if it fails."""
    lighthouse = root / "node_modules" / ".bin" / "lighthouse"
    env = os.environ | {"CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.json"
        command = [
            str(lighthouse),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
        if result.returncode != 0 or not report.exists():
            raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {key: data["categories"][key]["score"] for key in CATEGORIES}
    failing = sorted(
        f"{audit['title']} ({audit['id']})"
        for key in CATEGORIES
        for ref in data["categories"][key]["auditRefs"]
        if ref["weight"] > 0
        and (audit := data["audits"][ref["id"]])["score"] is not None
        and audit["score"] < 0.9
    )
    return Scores(page, scores, failing)
