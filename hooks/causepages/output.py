"""One file of the generated site: where it goes and what it holds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Output:
    """`content` is the file's text or bytes, or the Path of a file the build makes (a PDF in
    the cache), there once the build's `PdfBuild.wait()` has returned."""

    path: str
    content: str | bytes | Path

    def write_to(self, folder: Path) -> None:
        """Write the file under folder, at its path."""
        target = folder / self.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(self.content, Path):
            target.write_bytes(self.content.read_bytes())
        elif isinstance(self.content, bytes):
            target.write_bytes(self.content)
        else:
            target.write_text(self.content, encoding="utf-8")
