// Loads each page's own script only on the pages that use it, so no page downloads code it does
// not run. The theme's instant navigation swaps pages without a reload, so the check runs on
// every page shown; each module then starts itself from the theme's document$.
const modules = [
  ["[data-checklist], .plan-builder", "./checklists.js"],
  ["[data-quiz]", "./quiz.js"],
  ["[data-cause-filter]", "./causes-filter.js"],
  ["[data-checker]", "./checker.js"],
];

// Instant navigation keeps the styles and scripts of the last full load. After a new version of
// the site is published, its pages need its own: a page shown with another version than the one
// loaded (overrides/main.html writes it into every page) is loaded in full instead. A full load
// records the version of the page it loads, so it never reloads itself.
const version = () => document.querySelector("[data-asset-version]")?.dataset.assetVersion;
const loaded = version();

document$.subscribe(() => {
  if (version() !== loaded) {
    location.reload();
    return;
  }
  for (const [selector, module] of modules) {
    if (document.querySelector(selector)) import(module);
  }
});

// The site's search (search.js, with its index and engine) loads when a reader first goes to
// the search box. On a phone the box opens from the header's search icon (the #__search toggle).
const search = document.querySelector("[data-site-search]");
if (search) {
  const input = search.querySelector(".md-search__input");
  const toggle = document.getElementById("__search");
  // Going to the box opens the results panel (the theme's styles show it by the toggle).
  input.addEventListener("focus", () => {
    toggle.checked = true;
    import("./search.js");
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus();
  });
  // As in the theme: "/", "s" or "f" goes to the search box from anywhere but a form field.
  addEventListener("keydown", (event) => {
    const typing = event.target.closest?.("input, textarea, select, [contenteditable]");
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (["/", "s", "f"].includes(event.key)) {
      event.preventDefault();
      input.focus();
    }
  });
  // The theme's instant navigation keeps the header while the address changes: its links and
  // the form's address are made absolute now, against the page they were written for.
  for (const link of search.querySelectorAll("a[href]")) link.href = link.href;
  const form = search.querySelector("form");
  form.action = form.action;
  // A search address (?q=words, as the "page not found" page sends) opens with its results.
  const shared = new URLSearchParams(location.search).get("q");
  if (shared) {
    input.value = shared;
    toggle.checked = true;
    import("./search.js");
  }
}

// Offline copies (offline.js) start once the page has loaded, so they never slow its first load.
const offline = () => import("./offline.js");
if (document.readyState === "complete") offline();
else addEventListener("load", offline, { once: true });
