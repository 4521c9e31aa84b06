"""A page's words for the search index: its headings and its text, read from its Markdown.

The Markdown is turned into HTML with the extensions the site uses, then read as text. What is
marked `data-search-exclude` stays out: an element so marked, or a heading so marked with all
of its section (the care cards and sources that many pages repeat would otherwise make every
cause match every query about a warning sign).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown

# As mkdocs.yml lists them: what the pages' Markdown is written with.
EXTENSIONS = ["attr_list", "md_in_html", "toc"]
EXCLUDE = "data-search-exclude"
_HEADING = re.compile(r"^h([1-6])$")
# Elements whose end closes a run of text: what a reader sees as a separate line or block.
_BLOCKS = {"p", "li", "dt", "dd", "td", "th", "div", "summary", "blockquote", "br", "tr"}
_EMPTY = {"br", "hr", "img", "input", "meta", "link", "wbr"}
# What holds no words a reader sees.
_SKIPPED = {"script", "style", "template"}


@dataclass
class PageWords:
    """The page's title (its first level-1 heading), its other headings and its body text."""

    title: str = ""
    headings: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words = PageWords()
        self.stack: list[str] = []
        self.hidden_depth: int | None = None  # depth of the element that is left out
        self.hidden_section: int | None = None  # level of the heading whose section is left out
        self.heading: int | None = None
        self.run: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        level = int(m[1]) if (m := _HEADING.match(tag)) else None
        if level is not None and self.hidden_section is not None and level <= self.hidden_section:
            self.hidden_section = None
        if level is not None or tag in _BLOCKS:
            self.flush()
        if tag in _EMPTY:
            return
        self.stack.append(tag)
        marked = any(name == EXCLUDE for name, _ in attrs)
        if self.hidden_depth is None and (marked or tag in _SKIPPED):
            if level is not None and marked:
                self.hidden_section = level
            else:
                self.hidden_depth = len(self.stack)
        if level is not None:
            self.heading = level

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return
        if _HEADING.match(tag) or tag in _BLOCKS:
            self.flush()
        while self.stack:
            closed = self.stack.pop()
            if self.hidden_depth is not None and len(self.stack) < self.hidden_depth:
                self.hidden_depth = None
            if _HEADING.match(closed):
                self.heading = None
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.hidden_depth is None and self.hidden_section is None:
            self.run.append(data)

    def flush(self) -> None:
        words = " ".join("".join(self.run).split())
        self.run = []
        if not words:
            return
        if self.heading == 1 and not self.words.title:
            self.words.title = words
        elif self.heading is not None:
            self.words.headings.append(words)
        else:
            self.words.text.append(words)


def page_words(markdown_body: str) -> PageWords:
    """The words of a page's Markdown body (front matter already taken off): its first
    level-1 heading, its other headings and its text in runs (one a paragraph or list item),
    leaving out what is marked data-search-exclude."""
    html = markdown.markdown(markdown_body, extensions=EXTENSIONS)
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.flush()
    return reader.words
