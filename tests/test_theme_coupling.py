"""A tripwire for theme upgrades: the site leans on some of Material for MkDocs' internals, which
a new version may change without notice. Installing another version fails here, with the list
of what to re-check, until someone has and sets CHECKED_WITH to it."""

from __future__ import annotations

from importlib.metadata import version

# The version every coupling below was last checked against: the pin in pyproject.toml.
CHECKED_WITH = "9.8.1"

# Each place the site depends on the theme's internals, and what to check there.
COUPLINGS = {
    "docs/assets/site.js, causes-filter.js": (
        "start each page's script from the global document$, which emits each time instant "
        "navigation shows a page: check it still exists and emits for every page"
    ),
    "docs/assets/storage.js, checker.js, offline.js": (
        "use the global __md_scope (the site root's URL, set in partials/javascripts/base.html) "
        "for storage keys and the service worker's scope: a change loses readers' saved ticks, "
        "answers and plans"
    ),
    "docs/assets/offline.js": (
        "shows its messages in the theme's dialog ([data-md-component=dialog], "
        ".md-dialog__inner, .md-dialog--active)"
    ),
    "hooks/causepages/features/offline_sw/sw.js": (
        'puts the offline notice into a stored page before <article class="md-content__inner'
    ),
    "overrides/partials/header.html": (
        "a copy of the theme's partials/header.html that always includes the search box (the "
        "theme's includes it only with its search plugin): diff it against the new version's "
        "partial and carry its changes over"
    ),
    "overrides/partials/search.html, docs/assets/search.js, site.js, site.css": (
        "the site's own search box in the theme's classes (.md-search, .md-search__input, "
        ".md-search__output, .md-search-result__*) and opened by the theme's #__search toggle, "
        "which its styles show the results panel by; and no data-md-component, so the theme's "
        "script leaves the box alone: check it looks and opens the same on phone and desktop"
    ),
    "overrides/main.html": "extends base.html's block extrahead with Open Graph and JSON-LD tags",
    "overrides/main.html block container, docs/assets/site.js": (
        "put the version of our styles and scripts in an element inside "
        "[data-md-component=container], which instant navigation swaps for each page while it "
        "keeps the styles and scripts loaded, and reload from document$ when the page shown "
        "has another version: check both still hold, or a newly published page shows with the "
        "last version's CSS and JavaScript"
    ),
    "overrides/404.html": "extends main.html's block content",
    "docs/assets/*.css": (
        "style the theme's classes (.md-typeset, .md-search-result, .md-copyright, "
        ".md-button) and hide its header, tabs, sidebars and footer in print (checklists.css)"
    ),
    "mkdocs.yml": "theme features navigation.instant and navigation.prune",
    "hooks/causepages (templates, rendering/markdown.py, nav.py)": (
        "md-button classes, theme_text (the theme writes titles into HTML as they are), "
        "NAV_SECTION_MAX (the theme draws a whole open nav section)"
    ),
}


def test_the_theme_is_the_version_its_couplings_were_checked_with() -> None:
    installed = version("mkdocs-material")
    checklist = "\n".join(f"  - {where}: {what}" for where, what in COUPLINGS.items())
    assert installed == CHECKED_WITH, (
        f"mkdocs-material {installed} is installed, but the site's couplings to the theme were "
        f"checked with {CHECKED_WITH}. Re-check each of these, run `make test`, then set "
        f"CHECKED_WITH in tests/test_theme_coupling.py to {installed}:\n{checklist}"
    )
