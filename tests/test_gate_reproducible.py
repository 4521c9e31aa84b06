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


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    for name in ("one", "two"):
        # Each with an empty PDF cache, so both compile every PDF.
        monkeypatch.setenv("PDF_CACHE", str(tmp_path / f"cache-{name}"))
        result = build(tmp_path / name, site_url="https://example.org/")
        assert result.returncode == 0, result.stderr
    assert any((tmp_path / "one").rglob("*.pdf")), "the PDFs are part of what must match"
    assert first_difference(tmp_path / "one", tmp_path / "two") is None


def test_the_pdf_cache_never_changes_a_built_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("PDF_CACHE", str(tmp_path / "cache"))
    cold = build(tmp_path / "cold", site_url="https://example.org/")
    assert cold.returncode == 0, cold.stderr
    pdfs = len(list((tmp_path / "cold").rglob("*.pdf")))
    assert f"Checklist PDFs: 0 from the cache, {pdfs} compiled" in cold.stderr
    warm = build(tmp_path / "warm", site_url="https://example.org/")
    assert warm.returncode == 0, warm.stderr
    assert f"Checklist PDFs: {pdfs} from the cache, 0 compiled" in warm.stderr
    assert first_difference(tmp_path / "cold", tmp_path / "warm") is None


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
