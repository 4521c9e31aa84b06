"""Checklist PDFs read back with pypdf: words, metadata, tagging, one page each, same bytes
every build, and data that cannot be printed stopping the build with the file and field."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from causepages import DataError, PdfBuild, PdfWorkers, load_site
from causepages.features.care import cause_cards
from causepages.features.checklists import pdf_documents
from causepages.routes import ALL_CHECKLISTS_PDF as ALL_PDF
from causepages.schema import CHECKLIST_ITEM_MAX, TIERS, AdviceItem
from conftest import CAUSE_IDS, DATA, planned
from pypdf import PdfReader

URL = "https://twitch.example/"


@pytest.fixture(scope="module")
def real_site():
    """The real data, loaded when a test needs it rather than at import, so a data error
    fails this fixture instead of the collection of the whole test run."""
    return load_site(DATA)


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def pdfs(data: Path = DATA) -> dict[str, bytes]:
    return {path: content for path, content in planned(data, URL).items() if path.endswith(".pdf")}


def words(text: str) -> str:
    # A word broken at its hyphen at the end of a printed line reads back as "anti- sickness".
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def advice(site, item: AdviceItem) -> list[str]:
    return [site.cautions[key].advice for key in item.cautions]


def tier_segments(site, text: str) -> dict[str, str]:
    """The PDF text under each care-card heading, up to the next heading or the web address."""
    headings = {tier: words(getattr(site.warning_signs.tiers, tier).heading) for tier in TIERS}
    starts = sorted((text.find(h), tier) for tier, h in headings.items() if h in text)
    ends = [start for start, _ in starts[1:]] + [text.find("Online:")]
    return {
        tier: text[start + len(headings[tier]) : end]
        for (start, tier), end in zip(starts, ends, strict=True)
    }


@pytest.fixture(scope="module")
def real_pdfs() -> dict[str, bytes]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        return pdfs()


@pytest.mark.parametrize("cause_id", CAUSE_IDS)
def test_pdf_holds_the_whole_checklist_on_one_page(
    real_site, real_pdfs: dict[str, bytes], cause_id: str
) -> None:
    cause = real_site.causes[cause_id]
    reader = PdfReader(io.BytesIO(real_pdfs[f"checklists/{cause_id}.pdf"]))
    assert len(reader.pages) == 1
    text = words(reader.pages[0].extract_text())
    url = f"{URL}checklists/{cause_id}/"
    note = [cause.prevention_note] if cause.prevention_note else []
    items = [line for item in cause.prevention for line in (item.text, *advice(real_site, item))]
    for line in [cause.title, *note, *items]:
        assert words(line) in text
    # Each sign sits under its own tier's heading, with the cause's note, and under no other.
    cards = cause_cards(real_site, cause)
    segments = tier_segments(real_site, text)
    assert list(segments) == [card.tier for card in cards]
    for card in cards:
        for sign in card.signs:
            assert [t for t, seg in segments.items() if words(sign.full_text) in seg] == [card.tier]
    assert url in text
    links = [a.get_object()["/A"]["/URI"] for a in reader.pages[0]["/Annots"]]
    assert links == [url]


@pytest.mark.parametrize("cause_id", CAUSE_IDS)
def test_pdf_is_tagged_and_described(real_site, real_pdfs: dict[str, bytes], cause_id: str) -> None:
    cause = real_site.causes[cause_id]
    reader = PdfReader(io.BytesIO(real_pdfs[f"checklists/{cause_id}.pdf"]))
    meta = reader.metadata
    assert meta.title == f"{cause.title}: prevention checklist"
    assert meta.subject == words(cause.summary)
    assert meta.author == real_site.pages.checklists.author
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp


def test_combined_pdf_has_every_checklist_one_per_page(
    real_site, real_pdfs: dict[str, bytes]
) -> None:
    reader = PdfReader(io.BytesIO(real_pdfs[ALL_PDF]))
    assert reader.metadata.title == real_site.pages.checklists.all_title
    assert len(reader.pages) == len(real_site.causes)
    for page, cause in zip(reader.pages, real_site.causes.values(), strict=True):
        assert words(page.extract_text()).startswith(words(cause.title))


def test_an_item_of_the_longest_allowed_length_fits_on_one_line(fixture_data: Path) -> None:
    # Wide letters and short words: about as wide as 90 characters of real advice get.
    item = ("Swim, walk or cycle with a friend most mornings " * 3)[: CHECKLIST_ITEM_MAX - 1] + "w"
    assert len(item) == CHECKLIST_ITEM_MAX
    alpha = fixture_data / "causes" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace("  - Sleep well\n", f"  - {item}\n"))
    text = PdfReader(io.BytesIO(pdfs(fixture_data)["checklists/alpha.pdf"])).pages[0].extract_text()
    assert item in text.splitlines()


def test_a_word_too_long_for_its_line_wraps_inside_the_page(fixture_data: Path) -> None:
    alpha = fixture_data / "causes" / "alpha.yaml"
    word = "W" * 150
    alpha.write_text(alpha.read_text().replace("note: Stretch first.", f"note: Stretch {word}."))
    reader = PdfReader(io.BytesIO(pdfs(fixture_data)["checklists/alpha.pdf"]))
    assert len(reader.pages) == 1
    lines = [line.strip() for line in reader.pages[0].extract_text().splitlines()]
    lines = [line.replace("\u200b", "") for line in lines]
    assert word in "".join(lines), "the whole word is printed"
    assert word not in "\n".join(lines), "the long word ran on past the edge of its box"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  - Sleep well\n",
            "  - " + "W" * 80 + "\n",
            "field 'prevention.0': '" + "W" * 80 + "' does not fit on one line",
        ),
        (
            "  - Sleep well\n",
            "  - Sleep well\n" + "  - Rest a lot more than you do now, and every day\n" * 40,
            "field 'prevention': the checklist and its care cards do not fit on one printed page",
        ),
        (
            "note: Stretch first.",
            "note: Stretch \u2192 rub.",
            "field 'warning_signs.1.note': the character '\u2192' (U+2192) is not in the PDF font",
        ),
    ],
    ids=["too-wide", "too-many-items", "missing-glyph"],
)
def test_data_that_cannot_be_printed_names_file_and_field(
    fixture_data: Path, old: str, new: str, message: str
) -> None:
    alpha = fixture_data / "causes" / "alpha.yaml"
    text = alpha.read_text()
    assert old in text
    alpha.write_text(text.replace(old, new))
    with pytest.raises(DataError) as error:
        pdfs(fixture_data)
    # Found while making the PDF, and still named by file and line.
    assert re.search(rf"data/causes/alpha\.yaml, line \d+: {re.escape(message)}", str(error.value))


def test_a_pdf_problem_names_the_data_folder_in_use(fixture_data: Path) -> None:
    other = fixture_data.rename(fixture_data.parent / "draft")
    alpha = other / "causes" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace("  - Sleep well\n", "  - Sleep well \u2764\n"))
    with pytest.raises(DataError) as error:
        pdfs(other)
    assert [str(p) for p in error.value.problems] == [
        "draft/causes/alpha.yaml, line 17: field 'prevention.0': the character '\u2764' "
        "(U+2764) is not in the PDF font; write it another way"
    ]


def test_the_cache_keeps_this_build_and_as_much_again_of_the_newest_others(
    tmp_path: Path, fixture_data: Path
) -> None:
    site = load_site(fixture_data)
    with PdfWorkers() as workers:
        first = PdfBuild(tmp_path, workers, site.locate)
        used = [first.add(document) for document in pdf_documents(site, URL)]
        first.wait()
        room = sum(path.stat().st_size for path in used)
        # Left by earlier builds: one small and recent, one too big to keep beside this build.
        recent, old = tmp_path / "recent.pdf", tmp_path / "old.pdf"
        recent.write_bytes(b"%PDF recent")
        old.write_bytes(b"x" * room)
        os.utime(old, (1, 1))
        second = PdfBuild(tmp_path, workers, site.locate)
        assert [second.add(document) for document in pdf_documents(site, URL)] == used
        second.wait()
    assert second.summary == f"Checklist PDFs: {len(used)} from the cache, 0 compiled"
    assert sorted(tmp_path.glob("*.pdf")) == sorted([*used, recent])
