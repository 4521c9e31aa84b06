"""Synthetic data sets of any size, shaped like the real data, for measuring how builds scale.

Each synthetic cause is a real cause file with a new id, title, keywords and quiz wording,
so every field is filled with text of realistic length and the set passes the same checks
as the real data (unique quiz questions, related causes that exist, every source cited).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml


def make_dataset(source: Path, target: Path, count: int) -> None:
    """Write a data folder with `count` causes to target, from the real data folder source."""
    templates = [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((source / "causes").glob("*.yaml"))
    ]
    if count < len(templates):
        raise ValueError(f"need at least {len(templates)} causes to cite every source")
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("causes"))
    (target / "causes").mkdir()
    position = {template["id"]: index for index, template in enumerate(templates)}
    for index in range(count):
        copy, template = divmod(index, len(templates))
        cause = _variant(templates[template], copy, position, len(templates), count)
        text = yaml.safe_dump(cause, sort_keys=False, allow_unicode=True, width=100)
        (target / "causes" / f"{cause['id']}.yaml").write_text(text, encoding="utf-8")


def _copy_id(cause_id: str, copy: int) -> str:
    # The first copy keeps the real id, so the real files' links still resolve.
    return cause_id if copy == 0 else f"{cause_id}-{copy + 1}"


def _variant(
    template: dict[str, Any], copy: int, position: dict[str, int], templates: int, count: int
) -> dict[str, Any]:
    if copy == 0:
        return template
    cause = dict(template)
    cause["id"] = _copy_id(template["id"], copy)
    cause["title"] = f"{template['title']} {copy + 1}"
    # Each keyword is new: the loader allows only a few causes to share one.
    cause["keywords"] = [f"{keyword} {copy + 1}" for keyword in template["keywords"]]
    # Related causes point at the same copy when it exists, else at the real cause.
    cause["related"] = [
        _copy_id(key, copy if position[key] + copy * templates < count else 0)
        for key in template.get("related", [])
    ]
    cause["quiz"] = [
        {**question, "question": f"{question['question']} ({cause['title']})"}
        for question in template["quiz"]
    ]
    return cause
