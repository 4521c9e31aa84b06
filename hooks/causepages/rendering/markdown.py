"""Turn checked data into Markdown pages with our own Jinja templates.

Every value from the data is escaped on its way into a page (see `as_text`), so a writer's
text can never become markup, a link or a template: only what the templates themselves
mark as `Trusted` goes in as it is.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
from typing import TYPE_CHECKING, Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from ..output import Output
from ..routes import relative_path

if TYPE_CHECKING:
    from pydantic import BaseModel

    from ..schema import ClinicalReview, GlossaryEntry, PageIntro
    from ..schema.search import PageKind

# Characters Python-Markdown treats as syntax and lets a backslash cancel.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]#!])")
_LINE_START_SYNTAX = re.compile(r"^(?:[-+>]|\d+\.)")


# libyaml's writer when PyYAML has it (its wheels do): front matter is written for every page.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Trusted(str):
    """Markup or a path that the generator wrote itself; goes into a page unescaped."""


def as_text(value: Any) -> str:
    """Make a data value safe to drop anywhere in Markdown: shown exactly, never parsed."""
    if isinstance(value, Trusted):
        return value
    return _escape(" ".join(str(value).split()))


def _escape(text: str) -> str:
    text = html.escape(text, quote=False)
    text = _MARKDOWN_SYNTAX.sub(r"\\\1", text)
    # A leading "-" or "1." would start a list: escape the marker itself.
    return _LINE_START_SYNTAX.sub(lambda m: m[0][:-1] + "\\" + m[0][-1], text)


class GlossaryLinker:
    """Links the first use of each glossary term on one page to the term's entry."""

    def __init__(self, glossary: dict[str, GlossaryEntry], glossary_href: str) -> None:
        self.href = glossary_href
        self.keys = {
            form.lower(): key
            for key, entry in glossary.items()
            for form in [entry.term, *entry.forms]
        }
        longest_first = sorted(map(re.escape, self.keys), key=len, reverse=True)
        # Matched in lowercased text: many times faster than ignoring case in the pattern.
        self.pattern = re.compile(rf"\b({'|'.join(longest_first)})\b")
        self.linked: set[str] = set()

    def __call__(self, value: str) -> Trusted:
        text = " ".join(value.split())
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lowercase is longer: positions differ
            return Trusted(_escape(text))
        parts, start = [], 0
        for match in self.pattern.finditer(lowered) if self.keys else ():
            key = self.keys[match[0]]
            if key in self.linked:
                continue
            self.linked.add(key)
            found = text[match.start() : match.end()]
            parts += [_escape(text[start : match.start()]), f"[{_escape(found)}]"]
            parts.append(f"({self.href}#{key})")
            start = match.end()
        return Trusted("".join([*parts, _escape(text[start:])]))


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def review_sentence(review: ClinicalReview | None) -> str:
    """Whether a clinician has reviewed a page, as every page and PDF says it."""
    if review is None:
        return "Not yet reviewed by a clinician."
    return f"Reviewed by a clinician: {review.by}, {review.role}, on {long_date(review.date)}."


def link(from_page: str, to_page: str) -> Trusted:
    """A relative link between two source paths, so MkDocs checks it under --strict."""
    return Trusted(relative_path(from_page, to_page))


def labels_json(labels: BaseModel) -> Trusted:
    """Labels (a model of data/labels.yaml) as JSON for a data-labels attribute, which the
    page's script reads (docs/assets/labels.js)."""
    text = json.dumps(labels.model_dump(), ensure_ascii=False)
    return Trusted(html.escape(text, quote=True))


@functools.cache
def environment() -> Environment:
    """The one Jinja environment of the package's templates, with every filter (made once)."""
    env = Environment(
        loader=PackageLoader("causepages", "templates"),
        undefined=StrictUndefined,
        finalize=as_text,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Templates do not change during a build; checking their files each time is slow.
        auto_reload=False,
    )
    env.filters["long_date"] = long_date
    env.filters["review_sentence"] = review_sentence
    env.filters["lower_name"] = lambda key, table: table[key].name.lower()
    env.filters["attr"] = lambda value: Trusted(html.escape(str(value), quote=True))
    # Only for what a macro of components.md.j2 returns: markup the templates wrote, with
    # every data value in it already escaped.
    env.filters["trusted"] = Trusted
    env.filters["labels_json"] = labels_json
    return env


_SHOWN_AS_HTML = ("title", "description")
_MARKUP_CHARACTERS = str.maketrans({"<": "&lt;", ">": "&gt;", '"': "&quot;"})


def theme_text(text: str) -> str:
    """Text for the theme, which writes titles into HTML as they are (<title>, meta tags, the
    nav, search results): the characters that could start markup or end an attribute become
    entities, which each of those places shows as the characters themselves."""
    return text.translate(_MARKUP_CHARACTERS)


def reader_text(text: str) -> str:
    """What theme_text made of the markup characters, back to the characters."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')


def split_page(markdown: str) -> tuple[dict[str, Any], str]:
    """A Markdown page's YAML front matter (a dict, empty if it has none) and its body.
    Raises yaml.YAMLError if the front matter is not YAML."""
    head, found, body = markdown.removeprefix("---\n").partition("\n---\n")
    if not markdown.startswith("---\n") or not found:
        return {}, markdown
    front = yaml.load(head, Loader=_Loader)
    return (front if isinstance(front, dict) else {}), body


def page(env: Environment, template: str, front_matter: dict[str, Any], **context: Any) -> str:
    """A whole Markdown page: YAML front matter (data stays data) and the rendered body."""
    front_matter = {
        key: theme_text(value) if key in _SHOWN_AS_HTML else value
        for key, value in front_matter.items()
    }
    head = yaml.dump(front_matter, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    body = env.get_template(template).render(**context)
    return f"---\n{head}---\n\n{body}"


def intro_page(
    env: Environment,
    path: str,
    template: str,
    intro: PageIntro,
    kind: PageKind,
    **context: Any,
) -> Output:
    """A page made from one entry of data/pages.yaml (title, intro, search words, review)
    and `template` rendered with `context`. Search weighs it by its `kind` (data/search.yaml):
    a hub that lists many pages ranks below the page that answers a query."""
    front: dict[str, Any] = {
        "title": intro.title,
        "description": intro.intro,
        # A hub or a tool lists what other pages say: found by its own words, not theirs.
        "search": {"kind": kind, "words": intro.keywords, "text": kind in ("cause", "guide")},
    }
    context.setdefault("review", intro.clinical_review)
    return Output(path, page(env, template, front, title=intro.title, intro=intro.intro, **context))
