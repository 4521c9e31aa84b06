// The header's search box (overrides/partials/search.html): the reader's query, searched by
// search-worker.js (the index and engine, off the main thread), results drawn here. site.js
// imports this when a reader first goes to the box, so the index and engine load then.
//
// In:  [data-site-search] with its input, count, suggestion and result list (and the words
//      shown if the index cannot load, data-failed); the theme's
//      search toggle (#__search), which opens the results panel in the theme's styles;
//      search/index.json (pages, settings and the words this script shows).
// Out: results as links with a title and a matching passage, a count and "Did you mean" in
//      live regions. Only text is written, never markup from the query or the index.

const box = document.querySelector("[data-site-search]");
const input = box.querySelector(".md-search__input");
const count = box.querySelector("[data-search-count]");
const suggestion = box.querySelector("[data-search-suggest]");
const list = box.querySelector("[data-search-results]");
const toggle = document.getElementById("__search");
const root = new URL("..", import.meta.url);

const index = new URL("search/index.json", root).href;
// Started now, so the index loads while the reader types the first word.
const worker = new Worker(new URL("search-worker.js", import.meta.url), { type: "module" });
worker.addEventListener("message", ({ data }) => draw(data));
worker.postMessage({ index });
let latest = 0; // the newest query's number: results for an older one are never shown
let answered; // resolves when the newest query's answer is drawn (Enter waits for it)

const say = (template, values) =>
  template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));

function result({ page, passage }) {
  const link = document.createElement("a");
  link.className = "md-search-result__link";
  link.href = new URL(page.href, root).href;
  const article = document.createElement("article");
  article.className = "md-search-result__article md-typeset";
  const title = document.createElement("h2");
  title.textContent = page.title;
  const text = document.createElement("p");
  text.textContent = passage;
  article.append(title, text);
  link.append(article);
  const item = document.createElement("li");
  item.className = "md-search-result__item";
  item.append(link);
  return item;
}

function offer(labels, corrected) {
  suggestion.replaceChildren();
  if (!corrected) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "search-suggest__query";
  button.textContent = corrected;
  button.addEventListener("click", () => {
    input.value = corrected;
    input.focus();
    show(corrected);
  });
  suggestion.append(`${labels.did_you_mean} `, button, "?");
}

function show(query) {
  const number = ++latest;
  if (!query.trim()) {
    list.replaceChildren();
    suggestion.replaceChildren();
    count.textContent = "";
    list.dataset.query = query;
    return Promise.resolve();
  }
  worker.postMessage({ number, query, index });
  return new Promise((resolve) => {
    answered = resolve;
  });
}

function draw({ number, query, failed, count: total, results, correction, meaningful, labels }) {
  if (number !== latest) return; // a newer query is on its way
  if (failed) {
    count.textContent = box.dataset.failed;
  } else {
    list.replaceChildren(...results.map(result));
    offer(labels, correction);
    const counted = say(total === 1 ? labels.count.one : labels.count.other, { count: total });
    count.textContent = !total
      ? meaningful
        ? labels.none
        : labels.too_general
      : results.length < total
        ? `${counted} ${say(labels.shown, { shown: results.length })}`
        : counted;
  }
  list.dataset.query = query; // which query the results shown are for
  answered?.();
}

function open() {
  if (toggle && !toggle.checked) toggle.checked = true;
}

// Closed, nothing in the panel keeps the focus (the theme hides the panel, not its links).
function close() {
  if (toggle) toggle.checked = false;
  if (box.contains(document.activeElement)) document.activeElement.blur();
}

input.addEventListener("input", () => {
  open();
  show(input.value);
});

box.querySelector("form").addEventListener("submit", (event) => {
  // With the script, Enter opens the best result; without it, the form leads to every cause.
  event.preventDefault();
  show(input.value).then(() => list.querySelector("a")?.click());
});
box.querySelector("form").addEventListener("reset", () => {
  show("");
  input.focus();
});

// Arrow keys move between the input and the results; Escape closes the panel.
box.addEventListener("keydown", (event) => {
  const links = [...list.querySelectorAll("a")];
  const at = links.indexOf(document.activeElement);
  if (event.key === "Escape") {
    close();
  } else if (event.key === "ArrowDown" && links.length) {
    links[Math.min(at + 1, links.length - 1)].focus();
  } else if (event.key === "ArrowUp" && at >= 0) {
    (at === 0 ? input : links[at - 1]).focus();
  } else {
    return;
  }
  event.preventDefault();
});

// A result opens its page (the theme's instant navigation may keep this header): close first.
list.addEventListener("click", (event) => {
  if (event.target.closest("a")) close();
});

// The box may have been typed in before this script arrived.
if (input.value) show(input.value);
