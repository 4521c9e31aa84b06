"""Checklist PDFs, compiled by Typst from the same data as the checklist pages.

Typst needs no system libraries and writes tagged PDF/UA-1, which screen readers can read.
It sees only the font bundled beside the template, so every machine renders the same glyphs,
and a character that font lacks stops the build (PDF/UA forbids missing glyphs). With
SOURCE_DATE_EPOCH set, the same data gives the same bytes. `pdf_build` decides which PDFs
need compiling and compiles them in worker processes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import typst

from ..datafiles import CAUTIONS_FILE, SIGNS_FILE
from ..problems import Problem

PDF_DIR = Path(__file__).parent
FONTS = PDF_DIR / "fonts"
TEMPLATE = PDF_DIR / "checklist.typ"
# Tagged PDF for screen readers.
PDF_STANDARD: Final = "ua-1"

_PANIC = re.compile(r"panicked with: ([a-z-]+), ([a-z0-9-]+)(?:, (\d+))?")
_MISSING_GLYPH = re.compile(r'the text `"(.+?)"` could not be displayed')


@dataclass(frozen=True)
class Item:
    """A checklist item and the advice of each caution it carries (keys in `caution_keys`)."""

    text: str
    cautions: list[str]
    caution_keys: list[str]


@dataclass(frozen=True)
class Bullet:
    """A warning sign on a card: its key, its words, and the cause's note (the `index`th entry
    of the cause's warning_signs)."""

    sign: str
    text: str
    note: str
    index: int


@dataclass(frozen=True)
class Card:
    level: str
    heading: str
    bullets: list[Bullet]


@dataclass(frozen=True)
class Checklist:
    """What one checklist shows; `file` is its data file, named in error messages."""

    file: str
    id: str
    title: str
    note: str
    items: list[Item]
    cards: list[Card]
    url: str
    last_checked: str
    next_check_due: str
    clinical_review: str


@dataclass(frozen=True)
class Document:
    title: str
    subject: str
    author: str
    checklists: list[Checklist]
    one_page: bool


def document_data(document: Document) -> str:
    """The JSON the template reads: everything a document's PDF shows."""
    # vars() hands each record's fields to the encoder as they are; asdict() would copy them.
    return json.dumps(document, default=vars, ensure_ascii=False)


def compiler() -> typst.Compiler:
    """A Typst compiler for the template; it loads the font once for every PDF it makes."""
    return typst.Compiler(
        str(TEMPLATE), root=str(PDF_DIR), font_paths=[str(FONTS)], ignore_system_fonts=True
    )


def compile_pdf(typst_compiler: typst.Compiler, data: str, timestamp: int | None) -> bytes:
    """One PDF from document_data(); raises typst.TypstError with Typst's own message.
    timestamp (seconds since 1970) is the creation date the PDF carries."""
    pdf = typst_compiler.compile(
        sys_inputs={"data": data}, pdf_standards=[PDF_STANDARD], timestamp=timestamp
    )
    # With no output path Typst returns the file's bytes (a list only for images, one a page).
    if not isinstance(pdf, bytes):
        raise TypeError(f"Typst returned {type(pdf).__name__}, not the bytes of a PDF")
    return pdf


def explain(message: str, document: Document) -> Problem:
    """Say which data text a Typst error comes from, in a writer's words."""
    by_id = {c.id: c for c in document.checklists}
    panic = _PANIC.search(message)
    if panic and panic[1] == "too-long":
        checklist, index = by_id[panic[2]], int(panic[3])
        return Problem(
            checklist.file,
            None,
            f"prevention.{index}",
            f"'{checklist.items[index].text}' does not fit on one line of the printed checklist; "
            "shorten it",
        )
    if panic and panic[1] == "too-many-pages":
        return Problem(
            by_id[panic[2]].file,
            None,
            "prevention",
            "the checklist and its care cards do not fit on one printed page; "
            "use fewer or shorter items",
        )
    glyph = _MISSING_GLYPH.search(message)
    if glyph:
        text = glyph[1]
        what = f"the character '{text}' (U+{ord(text[0]):04X}) is not in the PDF font; "
        for checklist in document.checklists:
            for file, field, value in texts(checklist):
                if text in value:
                    return Problem(file, None, field, what + "write it another way")
    return Problem(TEMPLATE.name, None, "", f"cannot be made into a PDF: {message}")


def texts(checklist: Checklist) -> list[tuple[str, str, str]]:
    """Every data text on a checklist: its file, field and value."""
    texts = [(checklist.file, "title", checklist.title)]
    for index, item in enumerate(checklist.items):
        texts.append((checklist.file, f"prevention.{index}", item.text))
        texts += [
            (CAUTIONS_FILE, f"{key}.advice", advice)
            for key, advice in zip(item.caution_keys, item.cautions, strict=True)
        ]
    for card in checklist.cards:
        texts.append((SIGNS_FILE, f"tiers.{card.level}.heading", card.heading))
        for bullet in card.bullets:
            texts.append((SIGNS_FILE, f"signs.{bullet.sign}.words", bullet.text))
            texts.append((checklist.file, f"warning_signs.{bullet.index}.note", bullet.note))
    return texts
