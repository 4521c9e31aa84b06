"""Gate 4, hostile data: a data set whose every text field holds attack payloads builds a site
in which no payload becomes live markup, a live link or evaluated template code.

tests/fixtures/hostile is tests/fixtures/data with each text field replaced by payloads:
script and attribute injection, Jinja syntax, Markdown link tricks, very long strings,
right-to-left and emoji text (Latin only where the checklist PDFs print it: their font has
no other script, and a missing glyph stops the build on purpose).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from causepages import DataError, load_site
from conftest import ROOT, build, parse, serve
from page_load import Recorder
from planting import planted_site
from playwright.sync_api import Browser
from site_pages import page_file, page_urls

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
PAYLOAD_SCRIPT = "alert(1)"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("hostile") / "site"
    result = build(site, data_dir=HOSTILE)
    assert result.returncode == 0, f"the hostile data set did not build:\n{result.stderr}"
    return site


def live_payloads(site: Path) -> list[str]:
    """Markup in the built HTML that a payload made: scripts, event handlers, unsafe links."""
    found = []
    for url in page_urls(site):
        for element in parse(page_file(site, url)).iter():
            if element.tag == "script" and (element.text or "").strip() == PAYLOAD_SCRIPT:
                found.append(f"{url}: a <script> from the data")
            for name, value in element.attrib.items():
                if name.startswith("on") or value.strip().lower().startswith(
                    ("javascript:", "data:")
                ):
                    found.append(f"{url}: <{element.tag} {name}={value!r}>")
            if (element.tag, element.get("src"), element.text) in (
                ("img", "x", None),
                ("b", None, "bold"),
            ):
                found.append(f"{url}: an <{element.tag}> from the data")
    return found


# Fields that hold keys, addresses or fixed choices, not text a writer words.
NOT_TEXT = {
    *("id", "category", "body_areas", "related", "sources", "first_step", "kind", "section"),
    *("tier", "sign", "cautions", "caution_keys", "reader_groups", "help_line", "go_back_if"),
    *("only_for", "covers", "warning_signs", "raised_by", "shows_signs_for", "commonness"),
    *("ages", "first_for", "when", "date"),
    *("see_also", "path", "search_terms", "signs", "guide", "listed_for", "only_with"),
    *("up_to_days", "weight", "folder", "files"),
    # How search splits and skips words (data/search.yaml): settings, not wording.
    *("separator", "stop_words"),
}
FIXED = {"True", "False"}


def text_values(value: Any, name: str = "") -> Iterator[tuple[str, Any]]:
    """Each text value (or empty optional field) in the loaded data, with its field name."""
    if dataclasses.is_dataclass(value):
        value = {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
    elif hasattr(value, "model_dump"):
        value = dict(value)
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_TEXT:
                yield from text_values(item, str(key))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from text_values(item, name)
    elif value is None or isinstance(value, str):
        yield name, value


def test_every_text_field_of_the_hostile_set_holds_a_payload() -> None:
    """So a text field added to the data later is added here too, or this test fails."""
    values = list(text_values(load_site(HOSTILE)))
    assert len(values) > 50
    plain = [
        (name, text)
        for name, text in values
        if not (text in FIXED or text.startswith("https://") or re.match(r"H\d+ ", text or ""))
    ]
    assert plain == []


def test_no_payload_becomes_markup(hostile_site: Path) -> None:
    assert live_payloads(hostile_site) == []
    shown = parse(hostile_site / "causes" / "alpha" / "index.html").text_content()
    assert "<script>alert(1)</script>" in shown
    assert "{{ 7*7 }}" in shown
    assert "[click](javascript:alert(1))" in shown


@pytest.mark.browser
def test_no_payload_runs_in_a_browser(browser: Browser, hostile_site: Path) -> None:
    context = browser.new_context()
    recorder = Recorder(context)
    with serve(hostile_site) as url:
        loads = [recorder.load(url + page) for page in page_urls(hostile_site)]
    context.close()
    assert loads
    assert [(x.url, x.dialogs, x.errors) for x in loads if x.dialogs or x.errors] == []


def test_the_gate_catches_a_value_that_is_not_escaped(tmp_path: Path) -> None:
    unescaped = ('    return _escape(" ".join(str(value).split()))', "    return str(value)")
    site = planted_site(
        tmp_path, replace={"hooks/causepages/rendering/markdown.py": unescaped}, data_dir=HOSTILE
    )
    assert any("a <script> from the data" in found for found in live_payloads(site))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "http://example.org/"])
def test_a_source_address_that_is_not_https_is_rejected(fixture_data: Path, url: str) -> None:
    sources = fixture_data / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace("https://example.org/one", url),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as error:
        load_site(fixture_data)
    assert str(error.value) == (
        "The site data has 1 problem:\n"
        f"  - data/sources.yaml, line 4: field 'source-one.url': "
        f"expected an https:// address, got '{url}'"
    )
