// Filter the causes index by body area, kind of cause and first step, without a reload.
// The choice lives in the URL (?area=calf&kind=...&step=...), so it can be bookmarked.
// Without JavaScript the form stays hidden and the whole list shows.

import { labelsOf } from "./labels.js";

function setUp(form) {
  const say = labelsOf(form);
  const items = [...document.querySelectorAll("li[data-kind]")];
  const groups = [...document.querySelectorAll(".cause-group")];
  const count = form.querySelector("[data-filter-count]");
  const params = new URLSearchParams(location.search);
  for (const select of form.elements) select.value = params.get(select.name) || "";

  const apply = () => {
    const chosen = Object.fromEntries(
      [...form.elements].filter((s) => s.value).map((s) => [s.name, s.value]),
    );
    let shown = 0;
    for (const item of items) {
      const match =
        (!chosen.area || item.dataset.areas.split(" ").includes(chosen.area)) &&
        (!chosen.kind || item.dataset.kind === chosen.kind) &&
        (!chosen.step || item.dataset.step === chosen.step);
      item.hidden = !match;
      shown += match;
    }
    for (const group of groups) group.hidden = !group.querySelector("li:not([hidden])");
    count.textContent = shown
      ? say("showing", { shown, total: items.length })
      : say("none_match");
    // The address keeps its #section, so a copied link still opens at the same heading.
    const query = new URLSearchParams(chosen).toString();
    history.replaceState(history.state, "", (query ? `?${query}` : location.pathname) + location.hash);
  };

  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  apply();
}

const start = () => {
  const form = document.querySelector("[data-cause-filter]");
  if (form) setUp(form);
};

if (window.document$) window.document$.subscribe(start);
else start();
