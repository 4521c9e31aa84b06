"""Every page reads easily: Flesch-Kincaid grade 8 or lower and SMOG 11 or lower.

The figures for every page are printed (run pytest with -s), so a writer sees where to work.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import textstat
from conftest import parse

FK_GRADE_MAX = 8
SMOG_MAX = 11
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "summary", "legend", "label", "td"}


def body_text(page: lxml.html.HtmlElement, glossary: bool) -> str:
    """The reader-facing prose of a page, one sentence-ending line per block."""
    article = page.cssselect("article")[0]
    drop = article.cssselect(".headerlink, .review-dates, script, style")
    sources = article.cssselect("h2#sources")
    if sources:
        drop += [sources[0], *sources[0].itersiblings()]
    if glossary:  # headwords are single medical words, not sentences
        drop += article.cssselect("h2")
    for element in drop:
        if element.getparent() is not None:  # not already gone with an earlier one
            element.drop_tree()
    lines = []
    for block in article.iter(*BLOCKS):
        if any(child.tag in BLOCKS for child in block.iterdescendants()):
            continue
        text = " ".join(block.text_content().split())
        if text:
            lines.append(text if text[-1] in ".?!:" else text + ".")
    return "\n".join(lines)


def scores(text: str) -> tuple[float, float]:
    textstat.set_lang("en")
    return textstat.flesch_kincaid_grade(text), textstat.smog_index(text)


def test_the_gate_catches_hard_prose() -> None:
    page = lxml.html.fromstring(
        "<html><body><article><p>Fasciculations, characterised electrophysiologically as "
        "spontaneous discharges of individual motor units, necessitate comprehensive "
        "neurological evaluation whenever accompanied by progressive weakness, atrophy or "
        "bulbar symptomatology.</p><p>Nevertheless, isolated fasciculations without "
        "accompanying abnormalities generally demonstrate favourable prognoses.</p>"
        "</article></body></html>"
    )
    grade, smog = scores(body_text(page, glossary=False))
    assert grade > FK_GRADE_MAX and smog > SMOG_MAX


def test_every_page_is_easy_to_read(built_site: Path) -> None:
    rows, too_hard = [], []
    for path in sorted(built_site.rglob("index.html")):
        name = path.parent.relative_to(built_site).as_posix().replace(".", "home")
        if name == "search":
            continue
        grade, smog = scores(body_text(parse(path), glossary=name == "glossary"))
        rows.append(f"{name:45} FK {grade:5.1f}  SMOG {smog:5.1f}")
        if grade > FK_GRADE_MAX or smog > SMOG_MAX:
            too_hard.append(rows[-1])
    print("\nReadability (Flesch-Kincaid grade, SMOG):\n" + "\n".join(rows))
    assert len(rows) > 20
    assert too_hard == [], f"pages above FK {FK_GRADE_MAX} or SMOG {SMOG_MAX}"
