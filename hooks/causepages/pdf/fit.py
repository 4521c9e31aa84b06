"""What a checklist PDF needs of its text, checked before anything is built or cleaned: every
character in the bundled font, and every checklist item and title on one line.

Both come from the font itself, shaped as Typst shapes text (HarfBuzz, with kerning), so a
problem is found with the data, with its file and field, not by a failed compile once the
previous site has gone. tests/test_pdf_fit.py holds these figures to what Typst does.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import uharfbuzz as hb

from ..problems import Problem
from .documents import FONTS, Document, texts

# The layout of checklist.typ, in points: A4 width less its 18 mm side margins.
LINE_WIDTH = (210 - 2 * 18) / 25.4 * 72
# An item's line also holds its tick box (0.95 em) and the gap after it (0.6 em), at 11 pt.
ITEM_SIZE = 11
ITEM_WIDTH = LINE_WIDTH - (0.95 + 0.6) * ITEM_SIZE
TITLE_SIZE = 20


@functools.cache
def _font(name: str) -> hb.Font:
    return hb.Font(hb.Face((FONTS / name).read_bytes()))


def _shape(text: str, bold: bool = False) -> tuple[list[int], float]:
    """The glyph ids and the width (in em) of `text` set in the bundled font."""
    if not text:
        return [], 0.0
    font = _font("AtkinsonHyperlegible-Bold.ttf" if bold else "AtkinsonHyperlegible-Regular.ttf")
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    width = sum(glyph.x_advance for glyph in buffer.glyph_positions)
    return [info.codepoint for info in buffer.glyph_infos], width / font.face.upem


def missing_characters(text: str) -> list[str]:
    """The characters of `text` the bundled font cannot draw, in order, each once. White space
    (a tab, a line break) is set as space, and invisible marks are dropped, as Typst does."""
    # Headings are set in the bold font, so a character must be in both.
    if 0 not in _shape(text)[0] and 0 not in _shape(text, bold=True)[0]:
        return []
    return list(
        dict.fromkeys(
            ch
            for ch in text
            if not ch.isspace() and (0 in _shape(ch)[0] or 0 in _shape(ch, bold=True)[0])
        )
    )


def width(text: str, size: float, bold: bool = False) -> float:
    """The width in points of `text` on one line at `size` points."""
    return _shape(text, bold)[1] * size


def fit_problems(documents: Iterable[Document]) -> list[Problem]:
    """Every text of `documents` the PDF could not print: a character not in the font, or a
    checklist item or title longer than its line. Each names the data file and field."""
    problems: dict[Problem, None] = {}
    for document in documents:
        for checklist in document.checklists:
            for file, field, text in texts(checklist):
                if missing := missing_characters(text):
                    problems[Problem(file, None, field, _not_in_the_font(missing))] = None
            for index, item in enumerate(checklist.items):
                if width(item.text, ITEM_SIZE) > ITEM_WIDTH:
                    message = (
                        f"'{item.text}' does not fit on one line of the printed checklist; "
                        "shorten it"
                    )
                    problems[Problem(checklist.file, None, f"prevention.{index}", message)] = None
            if width(checklist.title, TITLE_SIZE, bold=True) > LINE_WIDTH:
                message = "does not fit on one line at the top of the printed checklist; shorten it"
                problems[Problem(checklist.file, None, "title", message)] = None
    return list(problems)


def _not_in_the_font(characters: list[str]) -> str:
    named = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in characters[:3])
    if len(characters) == 1:
        return f"the character {named} is not in the PDF font; write it another way"
    more = f" and {len(characters) - 3} more" if len(characters) > 3 else ""
    return f"the characters {named}{more} are not in the PDF font; write them another way"
