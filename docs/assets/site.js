// Loads each page's own script only on the pages that use it, so no page downloads code it does
// not run. The theme's instant navigation swaps pages without a reload, so the check runs on
// every page shown; each module then starts itself from the theme's document$.
const modules = [
  ["[data-checklist], .plan-builder", "./checklists.js"],
  ["[data-quiz]", "./quiz.js"],
  ["[data-cause-filter]", "./causes-filter.js"],
  ["[data-checker]", "./checker.js"],
];

document$.subscribe(() => {
  for (const [selector, module] of modules) {
    if (document.querySelector(selector)) import(module);
  }
});

// "Did you mean" is needed only once a reader starts to search.
document
  .querySelector(".md-search__input")
  ?.addEventListener("focus", () => import("./search-suggest.js"), { once: true });
