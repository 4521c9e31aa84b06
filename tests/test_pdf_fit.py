"""What a checklist PDF cannot print is found from the font before anything is built, in the
same words Typst's own failure would give, and a build that fails keeps the previous site."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import typst
from causepages import DataError, check_site
from causepages.features.checklists import pdf_documents
from causepages.pdf.documents import Checklist, Document, Item, compile_pdf, compiler
from causepages.pdf.fit import fit_problems
from conftest import build

COMPILER = compiler()


def one_item(text: str, title: str = "Title") -> Document:
    items = [Item(text, [], [])]
    checklist = Checklist("data/causes/x.yaml", "x", title, "", items, [], "https://x/", "", "", "")
    return Document("t", "s", "a", [checklist], True)


def typst_prints(document: Document) -> bool:
    try:
        compile_pdf(COMPILER, json.dumps(document, default=vars, ensure_ascii=False), None)
    except typst.TypstError:
        return False
    return True


@pytest.mark.parametrize("words", ["W", "il", "AVAVA Ta To ", "Keep to 400 mg of caffeine a day "])
def test_an_item_fits_its_line_exactly_when_typst_sets_it_on_one(words: str) -> None:
    text = (words * 200)[:200]
    longest = max(n for n in range(1, 200) if not fit_problems([one_item(text[:n].strip())]))
    for n in (longest, longest + 1):
        item = text[:n].strip()
        assert (not fit_problems([one_item(item)])) == typst_prints(one_item(item)), n


# Texts a writer may paste: each is printed by Typst, or refused by both the check and Typst.
PRINTED = {
    "combining mark": "cafe\u0301 au lait",
    "zero-width space": "a\u200bb",
    "soft hyphen": "wa\u00adter",
    "tab": "a\tb",
    "no-break space": "400\u00a0mg",
    "curly quotes and dashes": "\u201ccalf\u201d \u2013 \u2018it\u2019s\u2019 \u2026",
}
REFUSED = {
    "emoji": ("Drink water \U0001f4a7", "\U0001f4a7"),
    "CJK": ("\u6c34", "\u6c34"),
    "right-to-left": ("\u05e9", "\u05e9"),
    "control character": ("a\u0007b", "\u0007"),
}


def test_a_text_with_many_missing_characters_gets_one_message() -> None:
    (problem,) = fit_problems([one_item("\u6c34\u3092\u98f2\u3080\u3002")])
    assert problem.message == (
        "the characters '\u6c34' (U+6C34), '\u3092' (U+3092), '\u98f2' (U+98F2) and 2 more are "
        "not in the PDF font; write them another way"
    )


@pytest.mark.parametrize("text", PRINTED.values(), ids=PRINTED.keys())
def test_a_text_the_font_can_set_passes_and_prints(text: str) -> None:
    assert fit_problems([one_item(text)]) == []
    assert typst_prints(one_item(text))


@pytest.mark.parametrize(("text", "character"), REFUSED.values(), ids=REFUSED.keys())
def test_a_character_not_in_the_font_is_named_before_typst_refuses_it(
    text: str, character: str
) -> None:
    (problem,) = fit_problems([one_item(text)])
    assert problem.message == (
        f"the character '{character}' (U+{ord(character):04X}) is not in the PDF font; "
        "write it another way"
    )
    assert not typst_prints(one_item(text))


BROKEN = {
    "an emoji in an item": (
        "  - Sleep well\n",
        "  - Sleep well \u2764\ufe0f\n",
        "data/causes/alpha.yaml, line 17: field 'prevention.0': the character '\u2764' (U+2764) "
        "is not in the PDF font; write it another way",
    ),
    "89 wide capitals": (
        "  - Sleep well\n",
        "  - " + "W" * 89 + "\n",
        "data/causes/alpha.yaml, line 17: field 'prevention.0': '"
        + "W" * 89
        + "' does not fit on one line of the printed checklist; shorten it",
    ),
    "right-to-left text in an item": (
        "  - Sleep well\n",
        "  - Sleep well \u05e9\u05dc\u05d5\u05dd\n",
        "data/causes/alpha.yaml, line 17: field 'prevention.0': the characters '\u05e9' (U+05E9), "
        "'\u05dc' (U+05DC), '\u05d5' (U+05D5) and 1 more are not in the PDF font; write them "
        "another way",
    ),
    "a 200-letter word in an item": (
        "  - Sleep well\n",
        "  - " + "a" * 200 + "\n",
        "data/causes/alpha.yaml, line 17: field 'prevention.0': is 200 characters long; "
        "at most 90 fit",
    ),
    "CJK in a sign's note": (
        "note: Stretch first.",
        "note: Stretch first \u6c34",
        "data/causes/alpha.yaml, line 21: field 'warning_signs.1.note': the character '\u6c34' "
        "(U+6C34) is not in the PDF font; write it another way",
    ),
}


@pytest.mark.parametrize("case", BROKEN)
def test_what_cannot_be_printed_is_a_data_problem(case: str, fixture_data: Path) -> None:
    old, new, message = BROKEN[case]
    alpha = fixture_data / "causes" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace(old, new, 1))
    with pytest.raises(DataError) as caught:
        check_site(fixture_data, dt.date(2026, 1, 1), {})
    assert [str(p) for p in caught.value.problems] == [message]


def test_a_failed_build_leaves_the_previous_site_as_it_was(
    fixture_data: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    assert build(site, fixture_data).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    alpha = fixture_data / "causes" / "alpha.yaml"
    good = alpha.read_text()
    for bad in (
        good.replace("  - Sleep well\n", "  - Sleep well \U0001f4a7\n"),  # found from the font
        good.replace("  - Sleep well\n", "  - " + "W" * 89 + "\n"),
        # A checklist longer than its page is only found by compiling it.
        good.replace("  - Sleep well\n", "  - Rest a lot more than you do, every day\n" * 40),
    ):
        alpha.write_text(bad)
        result = build(site, fixture_data)
        assert result.returncode != 0 and "data/causes/alpha.yaml" in result.stderr
        after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
        assert after == before


def test_a_tab_in_the_data_prints_as_a_space(fixture_data: Path) -> None:
    """As on the page: a tab between two words must not join them in the PDF."""
    alpha = fixture_data / "causes" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace("  - Sleep well\n", '  - "Sleep\\twell"\n'))
    site, _ = check_site(fixture_data, dt.date(2026, 1, 1), {})
    (checklist,) = pdf_documents(site, "https://x/")[0].checklists
    assert checklist.items[0].text == "Sleep well"
