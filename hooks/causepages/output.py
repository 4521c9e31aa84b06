"""One file of the generated site: where it goes and what it holds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Output:
    path: str
    content: str | bytes
