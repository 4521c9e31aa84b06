"""Gate 6, reproducible: two builds of the same sources with SOURCE_DATE_EPOCH set give
byte-identical sites, PDFs and sitemap included, whether the PDFs come from the cache or are
compiled anew; if not, the test names the first file that differs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build
from planting import planted_site

EPOCH = "1767225600"  # 1 January 2026


def first_difference(one: Path, two: Path) -> str | None:
    """The first file, in path order, that only one tree has or whose bytes differ."""
    files = sorted(
        {
            p.relative_to(tree).as_posix()
            for tree in (one, two)
            for p in tree.rglob("*")
            if p.is_file()
        }
    )
    for name in files:
        a, b = one / name, two / name
        if not (a.is_file() and b.is_file() and a.read_bytes() == b.read_bytes()):
            return name
    return None


@pytest.fixture(scope="module")
def three_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The real site built three times with SOURCE_DATE_EPOCH set: "one" and "two" each with an
    empty PDF cache of its own, so both compile every PDF; "warm" with one's cache, so every
    PDF comes from the cache. Each build's stderr is kept beside its site as build.log."""
    tmp = tmp_path_factory.mktemp("reproducible")
    builds = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for name, cache in (("one", "cache-one"), ("two", "cache-two"), ("warm", "cache-one")):
            patch.setenv("PDF_CACHE", str(tmp / cache))
            result = build(tmp / name, site_url="https://example.org/")
            assert result.returncode == 0, result.stderr
            (tmp / f"{name}.log").write_text(result.stderr, encoding="utf-8")
            builds[name] = tmp / name
    return builds


def build_log(three_builds: dict[str, Path], name: str) -> str:
    return (three_builds[name].parent / f"{name}.log").read_text(encoding="utf-8")


def test_two_builds_are_byte_identical(three_builds: dict[str, Path]) -> None:
    one, two = three_builds["one"], three_builds["two"]
    pdfs = len(list(one.rglob("*.pdf")))
    assert pdfs, "the PDFs are part of what must match"
    for name in ("one", "two"):
        assert f"Checklist PDFs: 0 from the cache, {pdfs} compiled" in build_log(three_builds, name)
    assert first_difference(one, two) is None


def test_the_pdf_cache_never_changes_a_built_byte(three_builds: dict[str, Path]) -> None:
    cold, warm = three_builds["one"], three_builds["warm"]
    pdfs = len(list(cold.rglob("*.pdf")))
    assert f"Checklist PDFs: {pdfs} from the cache, 0 compiled" in build_log(three_builds, "warm")
    assert first_difference(cold, warm) is None


def test_a_changed_cause_recompiles_its_own_pdf_and_the_one_with_them_all(
    tmp_path: Path, fixture_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("PDF_CACHE", str(tmp_path / "cache"))
    first = build(tmp_path / "first", fixture_data)
    assert first.returncode == 0, first.stderr
    alpha = fixture_data / "causes" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace("  - Sleep well\n", "  - Sleep well at night\n"))
    second = build(tmp_path / "second", fixture_data)
    assert second.returncode == 0, second.stderr
    pdfs = len(list((tmp_path / "second").rglob("*.pdf")))
    assert f"Checklist PDFs: {pdfs - 2} from the cache, 2 compiled" in second.stderr
    changed = [
        pdf.name
        for pdf in sorted((tmp_path / "second").rglob("*.pdf"))
        if pdf.read_bytes()
        != (tmp_path / "first" / pdf.relative_to(tmp_path / "second")).read_bytes()
    ]
    assert changed == ["all-checklists.pdf", "alpha.pdf"]


def test_the_gate_names_a_file_that_changes_from_build_to_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    clock = (
        "def on_post_build(config: MkDocsConfig) -> None:\n",
        "def on_post_build(config: MkDocsConfig) -> None:\n"
        "    import time\n"
        "    (Path(config.site_dir) / 'build-id.txt').write_text(str(time.time_ns()))\n",
    )
    sites = [
        planted_site(tmp_path / name, replace={"hooks/adapter.py": clock}) for name in ("a", "b")
    ]
    assert first_difference(*sites) == "build-id.txt"
