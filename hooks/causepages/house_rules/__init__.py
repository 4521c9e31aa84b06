"""The house rules: what every page must keep to beyond well-formed data (an overdue check
against the sources, a number written in words, a source nobody cites...).

Each finding is a Problem with its file, line and field. `make build` (strict) stops on them
before the site is written; `make serve` shows them as warnings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ..datafiles import (
    CAUTIONS_FILE,
    CHECKER_FILE,
    GLOSSARY_FILE,
    PAGES_FILE,
    SIGNS_FILE,
    SOURCES_FILE,
    cause_file,
)
from ..problems import Problem
from .coverage import body_area_problems, glossary_problems
from .text import prose, text_warnings

if TYPE_CHECKING:
    from ..reading.site import Site


def house_rules(site: Site, today: dt.date) -> list[Problem]:
    """Every house rule the content of `site` breaks as of `today` (a check falls due by
    date), each located in the data folder in use."""
    problems, texts = [], []
    for cause in site.causes.values():
        file = cause_file(cause.id)
        if cause.next_check_due < today:
            message = (
                f"its check was due on {cause.next_check_due.isoformat()}; "
                "check it against its sources, then set new dates"
            )
            problems.append(Problem(file, None, "next_check_due", message))
        if len(set(cause.sources)) != len(cause.sources):
            problems.append(Problem(file, None, "sources", "cites the same source twice"))
    for file, model, at in written(site):
        for field, text in prose(model, at):
            if file != GLOSSARY_FILE:  # the words the glossary must explain
                texts.append(text)
            problems += [Problem(file, None, field, w) for w in text_warnings(text, site)]
    problems += body_area_problems(site)
    problems += glossary_problems(site, texts)
    cited = {key for cause in site.causes.values() for key in cause.sources}
    for sign in site.warning_signs.signs.values():
        cited.update(sign.sources)
        cited.update(sign.route.sources if sign.route else ())
    cited.update(key for caution in site.cautions.values() for key in caution.sources)
    problems += [
        Problem(SOURCES_FILE, None, key, "no cause cites this source; cite it or remove it")
        for key in site.sources
        if key not in cited
    ]
    return [site.locate(problem) for problem in problems]


def written(site: Site) -> Iterator[tuple[str, BaseModel, tuple[str, ...]]]:
    """Every entry of the data that holds words for readers: its file, itself and its key."""
    for cause in site.causes.values():
        yield cause_file(cause.id), cause, ()
    for file, model in (
        (SIGNS_FILE, site.warning_signs),
        (CHECKER_FILE, site.checker),
        (PAGES_FILE, site.pages),
        ("data/care_guide.yaml", site.care_guide),
        ("data/labels.yaml", site.labels),
    ):
        yield file, model, ()
    for file, table in (
        (CAUTIONS_FILE, site.cautions),
        (GLOSSARY_FILE, site.glossary),
        ("data/categories.yaml", site.categories),
        ("data/body_areas.yaml", site.body_areas),
    ):
        for key, entry in table.items():
            yield file, entry, (key,)
