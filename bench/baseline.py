"""The plain-Markdown baseline: the very same pages as files, built by MkDocs without our hook.

The difference between a build of our generator and a build of this baseline is what the
generator costs: loading, checking and rendering the data, and the PDFs.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from causepages import CAUSES_INDEX, Output, Site, add_to_nav, nav_sections
from mkdocs.utils.yaml import get_yaml_loader


def project_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as MkDocs reads it, with !ENV values taken from the environment."""
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=get_yaml_loader())


def write_baseline(root: Path, site: Site, outputs: list[Output], target: Path) -> Path:
    """Write the generated pages and docs/ into target/docs and a hook-free mkdocs.yml.

    Returns the config file. Theme, overrides, extensions, assets and the nav's shape are the
    project's own, so the only difference is where the pages come from.
    """
    docs = target / "docs"
    shutil.copytree(root / "docs", docs)
    for output in outputs:
        output.write_to(docs)

    config = project_config(root / "mkdocs.yml")
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config.get("extra", {}).pop("data_dir", None)
    config["docs_dir"] = str(docs)
    theme = config["theme"]
    if isinstance(theme, dict) and "custom_dir" in theme:
        theme["custom_dir"] = str(root / theme["custom_dir"])
    # The same grouping of causes that the hook adds to the nav.
    add_to_nav(config["nav"], CAUSES_INDEX, nav_sections(site))
    config_file = target / "mkdocs.yml"
    config_file.write_text(yaml.dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    return config_file
