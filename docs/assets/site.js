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

// "Did you mean" is needed only once a reader starts to search.
document
  .querySelector(".md-search__input")
  ?.addEventListener("focus", () => import("./search-suggest.js"), { once: true });

// The theme's search treats every word as the start of a word, so "my" also finds "myoclonus"
// and "is" finds "Isaacs", and those pages crowd out the answer to "why is my thumb twitching".
// Words that mean nothing on their own are left out of the query before the theme's search
// sees it; a query made only of such words is searched as typed. (The theme sends a query to its
// search worker as a message of type 2.)
const LITTLE_WORDS = new Set(
  ("a able about across after all almost also am among an and any are as at be because been but " +
    "by can cannot cant could dear did do does dont for from get got had has have he her hers him " +
    "his how however i if im in into is isnt it its ive just least let like likely may me might " +
    "most must my neither no nor not of off often on only or other our own rather said say says " +
    "she should since so some than that the their them then there these they this tis to too twas " +
    "us wants was we were what when where which while who whom why will with would yet you your")
    .split(" "),
);
const send = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  if (message?.type === 2 && typeof message.data === "string") {
    const words = message.data.trim().split(/\s+/);
    const kept = words.filter((w) => !LITTLE_WORDS.has(w.toLowerCase().replace(/[^a-z]/g, "")));
    if (kept.length && kept.length < words.length) message = { ...message, data: kept.join(" ") };
  }
  return send.call(this, message, ...rest);
};

// Offline copies (offline.js) start once the page has loaded, so they never slow its first load.
const offline = () => import("./offline.js");
if (document.readyState === "complete") offline();
else addEventListener("load", offline, { once: true });
