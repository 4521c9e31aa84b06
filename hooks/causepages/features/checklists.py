"""Prevention checklists: a tickable page per cause, its PDF, an index, and 'build my plan'.

The pages and the PDFs are built from the same `Checklist` records, so what a reader ticks
on screen, prints, or downloads is always the same list.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..output import Output
from ..pdf.documents import Bullet, Card, Checklist, Document, Item
from ..pdf.fit import fit_problems
from ..problems import Problem
from ..rendering.markdown import environment, link, long_date, page, review_sentence
from ..routes import (
    ALL_CHECKLISTS_PDF,
    CHECKLISTS_INDEX,
    PLAN,
    cause_path,
    checklist_path,
    checklist_pdf_path,
    page_url,
)
from .care import care_cards, cause_cards, causes_naming, every_plan_signs
from .hubs import intro_page

if TYPE_CHECKING:
    from ..pdf.cache import PdfBuild
    from ..reading.site import Site
    from ..schema import Cause


def checklist_links(from_page: str, cause: Cause) -> dict[str, str]:
    """Links from another page to a cause's checklist page and its PDF."""
    return {
        "page": link(from_page, checklist_path(cause)),
        "pdf": link(from_page, checklist_pdf_path(cause)),
    }


def checklist_outputs(site: Site, site_url: str, pdfs: PdfBuild) -> list[Output]:
    """Every checklist file the site gets; the PDFs are files that `pdfs` makes."""
    intro = site.pages.checklists
    causes = list(site.causes.values())
    documents = pdf_documents(site, site_url)
    *cause_pdfs, all_pdf = [pdfs.add(document) for document in documents]
    checklists = documents[-1].checklists

    env = environment()
    outputs = []
    for cause, checklist, pdf in zip(causes, checklists, cause_pdfs, strict=True):
        path = checklist_path(cause)
        front = {"title": cause.title, "description": cause.summary, "search": {"exclude": True}}
        content = page(
            env,
            "checklist.md.j2",
            front,
            cause=cause,
            url=checklist.url,
            pdf=link(path, checklist_pdf_path(cause)),
            cause_page=link(path, cause_path(cause)),
            index=link(path, CHECKLISTS_INDEX),
            cards=cause_cards(site, cause),
            cautions=site.cautions,
            labels=site.labels,
        )
        outputs += [Output(path, content), Output(checklist_pdf_path(cause), pdf)]

    groups = [
        (category, [(c, checklist_links(CHECKLISTS_INDEX, c)) for c in causes])
        for _, category, causes in site.groups()
    ]
    return [
        *outputs,
        Output(ALL_CHECKLISTS_PDF, all_pdf),
        intro_page(
            env,
            CHECKLISTS_INDEX,
            "checklists_index.md.j2",
            intro,
            "tool",
            groups=groups,
            plan=link(CHECKLISTS_INDEX, PLAN),
            plan_title=site.pages.plan.title,
            all_title=intro.all_title,
            all_pdf=link(CHECKLISTS_INDEX, ALL_CHECKLISTS_PDF),
            all_pages=len(checklists),
        ),
        intro_page(
            env,
            PLAN,
            "checklist_plan.md.j2",
            site.pages.plan,
            "tool",
            causes=causes,
            cautions=site.cautions,
            labels=site.labels,
            clash=site.pages.plan.clash,
            how_to=site.pages.plan.how_to,
            **_plan_cards(site),
        ),
    ]


def print_problems(site: Site) -> list[Problem]:
    """What the checklist PDFs could not print (a character not in the font, an item or title
    too long for its line), found from the font before any PDF is compiled."""
    # The last document holds every checklist.
    everything = pdf_documents(site, "https://example.org/")[-1:]
    return [site.locate(problem) for problem in fit_problems(everything)]


def pdf_documents(site: Site, site_url: str) -> list[Document]:
    """A one-page PDF per cause, in the order of the causes, then one PDF with them all."""
    intro = site.pages.checklists
    checklists = [_checklist(site, cause, site_url) for cause in site.causes.values()]
    documents = [
        Document(f"{c.title}: prevention checklist", cause.summary, intro.author, [c], True)
        for c, cause in zip(checklists, site.causes.values(), strict=True)
    ]
    return [*documents, Document(intro.all_title, intro.intro, intro.author, checklists, False)]


# White space as a page shows it: a tab or a line break in the data is one space in print too.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def _printed(text: str) -> str:
    return _SPACES.sub(" ", text)


def _checklist(site: Site, cause: Cause, site_url: str) -> Checklist:
    index = {ref.sign: i for i, ref in enumerate(cause.warning_signs)}
    cards = [
        Card(
            card.tier,
            _printed(card.heading),
            [
                Bullet(sign.id, _printed(sign.text), _printed(sign.note), index[sign.id])
                for sign in card.signs
            ],
        )
        for card in cause_cards(site, cause)
    ]
    items = [
        Item(
            _printed(item.text),
            [_printed(site.cautions[key].advice) for key in item.cautions],
            item.cautions,
        )
        for item in cause.prevention
    ]
    return Checklist(
        file=f"data/causes/{cause.id}.yaml",
        id=cause.id,
        title=_printed(cause.title),
        note=_printed(cause.prevention_note or ""),
        items=items,
        cards=cards,
        url=site_url.rstrip("/") + "/" + page_url(checklist_path(cause)),
        last_checked=long_date(cause.last_checked),
        next_check_due=long_date(cause.next_check_due),
        clinical_review=review_sentence(cause.clinical_review),
    )


def _plan_cards(site: Site) -> dict[str, Any]:
    """Every sign any cause names, and those every plan ends with, by tier, for the plan
    builder; the page shows those of the causes a reader ticks. `shown_for` gives, for each
    sign, the causes whose plan shows it, or None when every plan does."""
    naming = causes_naming(site)
    every_plan = every_plan_signs(site)
    shown = [key for key, causes in naming.items() if causes or key in every_plan]
    shown_for = {
        key: None if key in every_plan else [cause.id for cause in causes]
        for key, causes in naming.items()
    }
    return {"cards": care_cards(site, shown), "shown_for": shown_for}
