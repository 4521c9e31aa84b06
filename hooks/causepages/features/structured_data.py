"""schema.org JSON-LD for a cause page, so search engines know it is reviewed health content."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..reading.site import Site
    from ..schema import Cause


def medical_web_page(cause: Cause, site: Site) -> dict[str, Any]:
    """The page's URL is added by the theme template, which knows the published address."""
    return {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": cause.title,
        "description": cause.summary,
        "lastReviewed": cause.last_checked.isoformat(),
        "inLanguage": "en-GB",
        "citation": [
            {
                "@type": "CreativeWork",
                "name": site.sources[key].title,
                "publisher": site.sources[key].organisation,
                "url": site.sources[key].url,
            }
            for key in cause.sources
        ],
    }
