"""The site's search index (search/index.json), built from every page the site shows.

One entry per page, each field on its own so the search script in the browser can weigh a
match in a title above one in the text: the title, medical name, readers' words (keywords and
data/search_terms.yaml), body areas, summary, headings and text. A page says what kind it is
and which words find it in its `search:` front matter (schema/search.py PageSearch); the
weights of each field and kind, and how a query is read, come from data/search.yaml and go
into the index as they are. The same file comes from `mkdocs build` and from
`python -m causepages generate`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError

from ..output import Output
from ..problems import DataError, Problem
from ..rendering.markdown import reader_text, split_page
from ..routes import SEARCH_INDEX, page_url
from ..schema.search import PageSearch
from .search_text import page_words

if TYPE_CHECKING:
    from ..reading.site import Site


def search_outputs(site: Site, outputs: list[Output], docs_dir: Path | None) -> list[Output]:
    """search/index.json for the Markdown pages among `outputs` and the hand-written pages
    of docs_dir that no output replaces. Raises DataError naming the file and field of a
    `search:` front matter that is not what PageSearch expects."""
    entries = []
    problems: list[Problem] = []
    for path, label, markdown in _pages(outputs, docs_dir):
        read = _read(label, markdown)
        if isinstance(read, Problem):
            problems.append(read)
            continue
        front, body, search = read
        if search.exclude:
            continue
        words = page_words(body)
        summary = reader_text(str(front.get("description") or ""))
        entries.append(
            {
                "href": page_url(path),
                "kind": search.kind,
                "title": reader_text(str(front.get("title") or words.title)),
                "medical": search.medical,
                "words": search.words,
                "areas": search.areas,
                "summary": summary,
                "headings": words.headings,
                # What has a field of its own (the summary, the body areas) is counted once.
                "text": [r for r in words.text if r not in {summary, *search.areas}]
                if search.text
                else [],
            }
        )
    if problems:
        raise DataError(problems)
    index = {
        "settings": site.search.model_dump(),
        "labels": site.labels.search.model_dump(),
        "pages": entries,
    }
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"
    return [Output(SEARCH_INDEX, text)]


def search_problems(docs_dir: Path) -> list[Problem]:
    """What is wrong with the `search:` front matter of the hand-written pages in docs_dir."""
    read = (_read(label, markdown) for _, label, markdown in _pages([], docs_dir))
    return [problem for problem in read if isinstance(problem, Problem)]


def _read(label: str, markdown: str) -> tuple[dict[str, Any], str, PageSearch] | Problem:
    """A page's front matter, body and search settings; or the Problem with them."""
    try:
        front, body = split_page(markdown)
        return front, body, PageSearch.model_validate(front.get("search") or {})
    except yaml.YAMLError as error:
        return Problem(label, None, "", f"the front matter is not YAML: {error}")
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(["search", *(str(part) for part in first["loc"])])
        return Problem(label, None, where, str(first["msg"]))


def _pages(outputs: list[Output], docs_dir: Path | None) -> Iterator[tuple[str, str, str]]:
    """Each page as (path under docs, name for a message, Markdown)."""
    made = set()
    for output in outputs:
        if output.path.endswith(".md") and isinstance(output.content, str):
            made.add(output.path)
            yield output.path, output.path, output.content
    if docs_dir is None:
        return
    for file in sorted(docs_dir.rglob("*.md")):
        path = file.relative_to(docs_dir).as_posix()
        if path not in made:
            yield path, f"{docs_dir.name}/{path}", file.read_text(encoding="utf-8")
