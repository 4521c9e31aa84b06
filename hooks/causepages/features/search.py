"""What the search box offers when nothing matches: the causes whose words are closest to what
the reader typed ("did you mean"). The build writes the words; docs/assets/search-suggest.js
picks the closest when the theme's search finds nothing."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..output import Output
from ..routes import SEARCH_SUGGESTIONS, cause_path, page_url

if TYPE_CHECKING:
    from ..reading.site import Site


def suggestion_outputs(site: Site) -> list[Output]:
    """One JSON file: each cause's title, address (from the site root) and the words that
    should suggest it: its title, keywords and the search terms listed for it."""
    causes = [
        {
            "title": cause.title,
            "href": page_url(cause_path(cause)),
            "words": sorted(
                {
                    " ".join(word.casefold().split())
                    for word in [
                        cause.title,
                        *(cause.medical_term or "").split(","),
                        *cause.keywords,
                        *(t for t, cause_id in site.search_terms.items() if cause_id == cause.id),
                    ]
                    if word.strip()
                }
            ),
        }
        for cause in site.causes.values()
    ]
    return [Output(SEARCH_SUGGESTIONS, json.dumps(causes, ensure_ascii=False) + "\n")]
