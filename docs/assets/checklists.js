// Checklists: ticks kept on this device (storage.js), and "build my plan" kept in the address,
// so a plan can be bookmarked or shared. Without JavaScript every checklist is still listed.

import { labelsOf } from "./labels.js";
import { read, watch, write } from "./storage.js";

// Ticks are saved by the item's words, so they stay right if a writer reorders the list. Each
// tick is merged into what is saved just before saving, so ticks made in another tab are kept,
// and every open tab shows them as they happen.
function checklist(box) {
  const key = `checklist:${box.dataset.checklist}`;
  const inputs = [...box.querySelectorAll("input[type=checkbox]")];
  const words = (input) => input.labels[0].textContent.trim();
  const show = (saved) => {
    for (const input of inputs) input.checked = saved.includes(words(input));
  };
  show(read(key, []));
  watch(key, box, [], show);
  box.addEventListener("change", (event) => {
    const saved = new Set(read(key, []));
    if (event.target.checked) saved.add(words(event.target));
    else saved.delete(words(event.target));
    write(key, [...saved]);
  });
  box.querySelector("[data-clear]").addEventListener("click", () => {
    for (const input of inputs) input.checked = false;
    write(key, []);
  });
  box.querySelector(".checklist__actions").hidden = false;
}

// The plan of this tab, kept while it is open; storage may be blocked, and then it is not.
function session(action, value) {
  try {
    if (action === "read") return sessionStorage.getItem(`${__md_scope.pathname}.plan`);
    sessionStorage.setItem(`${__md_scope.pathname}.plan`, value);
  } catch {
    return null;
  }
}

function plan(form) {
  const sections = [...document.querySelectorAll(".plan [data-cause]")];
  const inputs = [...form.querySelectorAll("input[name=for]")];
  const status = form.querySelector(".plan-builder__empty");
  const say = labelsOf(form);
  // A shared link may repeat `for`, use any case, or name a cause this site does not have.
  // The causes travel in the address's #fragment, which never reaches a server; the form
  // without JavaScript, and older links, put them in the query.
  // A jump to a section ("Skip to content") takes the plan out of the address, so this tab also
  // keeps it (sessionStorage) for a reload of an address that names none.
  const fromAddress = [location.search, location.hash.slice(1)]
    .flatMap((part) => new URLSearchParams(part).getAll("for"));
  const wanted = (fromAddress.length ? fromAddress : [session("read")])
    .flatMap((value) => (value ?? "").toLowerCase().split(/[\s,]+/))
    .filter(Boolean);
  for (const input of inputs) input.checked = wanted.includes(input.value);
  const known = new Set(inputs.map((input) => input.value));
  const unknown = [...new Set(wanted.filter((id) => !known.has(id)))];
  const missing = form.querySelector(".plan-builder__unknown");
  missing.textContent = unknown.length ? say("not_found", { names: unknown.join(", ") }) : "";
  missing.hidden = !unknown.length;
  const update = () => {
    const ids = inputs.filter((i) => i.checked).map((i) => i.value);
    const seen = new Set();
    // Items are shown in the order of the causes; one already listed is not repeated.
    for (const section of sections) {
      const chosen = ids.includes(section.dataset.cause);
      let shown = 0;
      for (const item of section.querySelectorAll("li")) {
        const words = item.textContent.trim().toLowerCase();
        item.hidden = !chosen || seen.has(words);
        if (chosen) seen.add(words);
        shown += !item.hidden;
      }
      section.hidden = !shown;
    }
    // Signs of the chosen causes, and those every plan ends with.
    for (const item of document.querySelectorAll(".plan [data-causes]")) {
      item.hidden = !item.dataset.causes.split(" ").some((id) => ids.includes(id));
    }
    // An item whose caution fits something the reader ticked says so at the item.
    const groups = new Set(
      inputs.filter((i) => i.checked).flatMap((i) => i.dataset.groups?.split(" ") ?? []),
    );
    const plan = document.querySelector(".plan");
    for (const caution of plan.querySelectorAll("[data-caution]")) {
      const clash = groups.has(caution.dataset.caution);
      caution.classList.toggle("caution--clash", clash);
      caution.querySelector(".caution__clash")?.remove();
      if (clash) {
        const flag = Object.assign(document.createElement("strong"), {
          className: "caution__clash",
          textContent: `${plan.dataset.clash} `,
        });
        caution.prepend(flag);
      }
    }
    for (const card of document.querySelectorAll(".plan .care-card")) {
      card.hidden = !card.querySelector("li:not([hidden])");
    }
    const count = document.querySelectorAll(".plan__cause:not([hidden]) li:not([hidden])").length;
    status.textContent = ids.length ? say("things_to_do", { count }) : say("tick_one");
    // The plan lives in the #fragment; with nothing ticked, a link's #section is left as it is.
    const url = new URL(location.href);
    url.searchParams.delete("for");
    session("write", ids.join(" "));
    if (ids.length) url.hash = new URLSearchParams({ for: ids.join(" ") }).toString();
    else if (new URLSearchParams(url.hash.slice(1)).has("for")) url.hash = "";
    history.replaceState(history.state, "", url);
  };
  form.addEventListener("change", update);
  update();
}

document$.subscribe(() => {
  document.querySelectorAll("[data-checklist]").forEach(checklist);
  document.querySelectorAll(".plan-builder").forEach(plan);
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
  }
});
